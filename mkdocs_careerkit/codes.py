"""Every finding code the project can emit, with its default severity and a one-line meaning.

This table is the single source for defaults, for validating the ``severity:`` option and for
the documentation page that lists the checks.
"""

from __future__ import annotations

from typing import NamedTuple

from mkdocs_careerkit.findings import Severity


class Code(NamedTuple):
    severity: Severity
    meaning: str


CODES: dict[str, Code] = {
    # Cross-references
    "xref.missing-page": Code("error", "link to a page or file that does not exist"),
    "xref.case-mismatch": Code("error", "link whose letter case differs from the real file"),
    "xref.missing-anchor": Code("error", "link to a heading or id that the target page lacks"),
    "xref.unpublished-page": Code(
        "error", "link to a page excluded from the built site (draft_docs, exclude_docs)"
    ),
    "xref.missing-reference": Code("error", "reference-style link whose definition is missing"),
    "xref.missing-footnote": Code("error", "footnote reference whose definition is missing"),
    "xref.unused-definition": Code(
        "warn", "link definition that no link uses (or a later one overrides) and that is broken"
    ),
    "xref.outside-docs": Code("error", "relative link that climbs above docs_dir"),
    "xref.absolute-link": Code("warn", "absolute link to one of the site's own pages"),
    "xref.absolute-md-link": Code(
        "error", "absolute link to a .md page, which MkDocs leaves as is"
    ),
    "xref.html-link": Code("warn", "link to .html where the .md source exists"),
    "xref.orphan-page": Code("warn", "page that is not in nav and that no page links to"),
    "xref.thin-nav-section": Code(
        "warn", "Cross-Reference Navigation section with too few valid links"
    ),
    "xref.malformed-url": Code("warn", "external URL that cannot be right"),
    "xref.space-in-link": Code("warn", "link target with a raw space"),
    "xref.raw-html-md-link": Code(
        "warn", "raw HTML link to a .md page, which MkDocs does not rewrite"
    ),
    "xref.cannot-see": Code(
        "info", "careerkit check cannot see what hooks or plugins add; the build is exact"
    ),
    "page.unreadable": Code("error", "page that cannot be read as UTF-8"),
    "page.url-collision": Code("error", "two source files that publish to the same URL"),
    "page.bad-front-matter": Code("error", "front matter that is not valid YAML"),
    # Assessments
    "assessment.scale-reversed": Code("error", "rating scale written from high to low"),
    "assessment.bad-scale": Code("error", "rating scale with a repeated point or too many points"),
    "assessment.band-outside-scale": Code("error", "result band beyond the scale (or 0–100%)"),
    "assessment.bands-overlap": Code("error", "result bands whose ranges overlap"),
    "assessment.bad-band": Code("error", "result band with an empty range"),
    "assessment.band-unknown-section": Code("error", "result band naming no section"),
    "assessment.empty-section": Code("error", "assessment tab without anything to answer"),
    "assessment.empty": Code("error", "assessment block without anything to answer"),
    "assessment.rubric-missing-level": Code("error", "rubric lacking a level of the scale"),
    "assessment.rubric-bad-level": Code("error", "rubric row without one level, or a level twice"),
    "assessment.duplicate-id": Code("error", "item, section or assessment id used twice"),
    "assessment.id-reused": Code("warn", "assessment id also used on another page"),
    "assessment.unknown-option": Code("error", "unknown option line in an assessment block"),
    "assessment.bad-option": Code("error", "assessment option whose value cannot be used"),
    "assessment.empty-statement": Code("error", "statement without text"),
    "assessment.unusable-scale": Code("warn", "text that looks like a scale but cannot be rated"),
    "assessment.not-read": Code("warn", "assessment or statement in a blockquote, not answerable"),
    "assessment.partial-weights": Code("warn", "weights on some tabs of an assessment only"),
    "assessment.missing-extension": Code(
        "warn", "assessment syntax on a page without admonition or pymdownx.tasklist enabled"
    ),
    "assessment.not-rendered": Code(
        "warn", "block left as written: it did not render in the shape of an assessment"
    ),
    # Tags
    "tags.bad-taxonomy": Code("error", "tag taxonomy file that is not valid (syntax, types, keys)"),
    "tags.unknown": Code("error", "tag that is not in the taxonomy"),
    "tags.alias": Code("info", "alias of a taxonomy tag (the build shows the tag itself)"),
    "tags.deprecated": Code("warn", "deprecated tag (the build shows its replacement)"),
    "tags.not-a-list": Code("error", "tags that are not a list of words"),
    "tags.duplicate": Code("error", "tag given twice on one page"),
    "tags.missing-key": Code("warn", "page without a required front matter key"),
    "tags.count": Code("warn", "page with fewer or more tags than allowed"),
    "tags.unused": Code("info", "taxonomy tag that no page uses"),
    # Reading lists
    "reading.unparsed": Code(
        "info", "Further Reading item not recognised as a book or article (left as written)"
    ),
    "reading.unexpected-shape": Code(
        "info", "Further Reading item or section that did not render as its source reads"
    ),
    "reading.spelled-differently": Code(
        "warn", "one book written two ways (title, subtitle or authors) on two pages or lines"
    ),
    "reading.unknown-book": Code("error", "[book:id] naming no book of the books data file"),
    "reading.bad-data-file": Code(
        "error", "books data file that cannot be read, or a book with a malformed field"
    ),
    "reading.book-missing-title": Code("error", "book of the data file without a title"),
    "reading.bad-year": Code("error", "book of the data file with an impossible year"),
    "reading.bad-isbn": Code("error", "ISBN whose length, format or check digit is wrong"),
    "reading.missing-cover": Code("error", "cover image that is not a file in docs_dir"),
    # Navigation cards
    "navcards.unparsed": Code(
        "info", "Cross-Reference Navigation item that is not a link first (left as written)"
    ),
    # Markdown
    "markdown.swallowed-list": Code(
        "warn", "list right after a paragraph line, which Python-Markdown renders as text"
    ),
    # Backlinks
    "backlinks.bad-option": Code(
        "warn", "front matter 'careerkit: backlinks:' that is not true or false"
    ),
    # Suppression and baseline
    "suppress.missing-reason": Code("error", "careerkit-ignore marker without a reason"),
    "suppress.unused": Code("info", "careerkit-ignore marker that silenced nothing"),
    "baseline.fixed": Code("info", "baseline entry that no longer occurs and can be removed"),
}


def default_severity(code: str) -> Severity:
    """The default severity of a code (``error`` for codes this table does not know)."""
    info = CODES.get(code)
    return info.severity if info else "error"
