"""check_links, finding by finding: whole findings (position, severity, message, suggestion).

Written against the mutants that survived tests/test_xref_check.py and the property tests (see
tests/MUTATION.md). Those compare codes and suggestions, so a wrong severity, a message that lost
the author's link, a suggestion for another file, the build-mode rules (what Python-Markdown
really rendered), ``blind`` and ``autorefs`` sites, footnotes, URL collisions and the set of
links whose MkDocs warning careerkit takes over went unnoticed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import pytest

from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref.check import (
    Inclusion,
    PageFacts,
    Rendered,
    SiteInfo,
    XrefOptions,
    check_links,
    malformed_url,
)
from mkdocs_careerkit.xref.scan import scan_page

PAGE = "lead/feedback.md"
TARGETS = {
    "index.md": "# Home\n",
    "pd/mentorship.md": "# Mentorship\n\n## Finding a Mentor\n\n## Notes\n",
    "pd/networking.md": "# Networking\n\n## Events\n",
    "pd/old.markdown": "# Old\n\n## Kept\n",
    "pd/q.md": "# Q\n",
    "pd/tip.md": "# Tip\n",
    "lead/index.md": "# Leadership\n",
    "lead/q.md": "# Q\n",
    "lead/sub/x.md": "# X\n",
    "team/README.md": "# Team\n",
    "UX/README.md": "# UX\n",
    "guides.md": "# Guides\n",
    "guides/tips.md": "# Tips\n",
    "deep/er/x.md": "# X\n",
}
OTHER_FILES: dict[str, Inclusion] = {
    "img/logo.png": "included",
    "drafts/next.md": "draft",
    "private/secret.md": "excluded",
}
HEAD = "# Feedback\n\n## Delivering\n\n"  # a link written after it is on line 5


def check(
    text: str,
    *,
    page: str = PAGE,
    options: XrefOptions | None = None,
    rendered: Rendered | None = None,
    extra: dict[str, str] | None = None,
    **site: Any,
) -> tuple[list[Finding], set[tuple[str, str]]]:
    """All findings, sorted, and the links whose MkDocs warning careerkit takes over."""
    texts = {**TARGETS, **(extra or {}), page: text}
    pages = {src: PageFacts(src, scan_page(t), scan_page(t).anchors) for src, t in texts.items()}
    if rendered is not None:
        pages[page] = PageFacts(page, pages[page].scan, pages[page].anchors, rendered)
    files: dict[str, Inclusion] = {src: "included" for src in texts}
    files.update(OTHER_FILES)
    claimed: set[tuple[str, str]] = set()
    found = check_links(pages, SiteInfo(files, **site), options, claimed)
    return sorted(found), claimed


def f(
    line: int,
    column: int,
    code: str,
    message: str,
    suggestion: str = "",
    severity: str | None = None,
    file: str = PAGE,
) -> Finding:
    """A finding on the checked page, at the code's default severity unless told."""
    return Finding(file, line, column, code, severity or CODES[code].severity, message, suggestion)  # type: ignore[arg-type]


def findings(text: str, **kw: Any) -> list[Finding]:
    return check(text, **kw)[0]


# --- Markdown links: every code, with its message and suggestion ------------------------------


@pytest.mark.parametrize(
    ("link", "code", "message", "suggestion"),
    [
        # Folders: with an index page, with a page beside them, with an index one level up,
        # with nothing to offer.
        (
            "../",
            "xref.missing-page",
            "link '../' points at a folder, not a page",
            "link the page itself: '../index.md'",
        ),
        (
            "../team/",
            "xref.missing-page",
            "link '../team/' points at a folder, not a page",
            "link the page itself: '../team/README.md'",
        ),
        (
            "../guides",
            "xref.missing-page",
            "link '../guides' points at the folder 'guides', which has no index page",
            "link the page '../guides.md', or add 'guides/index.md'",
        ),
        (
            "sub",
            "xref.missing-page",
            "link 'sub' points at the folder 'lead/sub', which has no index page",
            "link the page 'index.md', or add 'lead/sub/index.md'",
        ),
        (
            "../deep",  # a folder at the top: the home page is one level up
            "xref.missing-page",
            "link '../deep' points at the folder 'deep', which has no index page",
            "link the page '../index.md', or add 'deep/index.md'",
        ),
        (
            "../deep/er",
            "xref.missing-page",
            "link '../deep/er' points at the folder 'deep/er', which has no index page",
            "link one of its pages, or add 'deep/er/index.md'",
        ),
        # Unpublished pages say why.
        (
            "../drafts/next.md",
            "xref.unpublished-page",
            "link '../drafts/next.md' points at 'drafts/next.md', which is a draft and will "
            "not be in the built site",
            "publish the page or remove the link",
        ),
        (
            "../private/secret.md",
            "xref.unpublished-page",
            "link '../private/secret.md' points at 'private/secret.md', which is excluded by "
            "exclude_docs and will not be in the built site",
            "publish the page or remove the link",
        ),
        # Generated HTML: the page it comes from (README, a page beside the folder, an index).
        (
            "../team/index.html",
            "xref.html-link",
            "link '../team/index.html' points at generated HTML",
            "link the source: '../team/README.md'",
        ),
        (
            "../UX/index.html",  # a folder name ending in X: only 'index' is cut off
            "xref.html-link",
            "link '../UX/index.html' points at generated HTML",
            "link the source: '../UX/README.md'",
        ),
        (
            "../guides/index.html",
            "xref.html-link",
            "link '../guides/index.html' points at generated HTML",
            "link the source: '../guides.md'",
        ),
        (
            "../lead.html",
            "xref.html-link",
            "link '../lead.html' points at generated HTML",
            "link the source: 'index.md'",
        ),
        ("../gone.html", "xref.missing-page", "link '../gone.html': no such file 'gone.html'", ""),
        # Absolute links to the site's own pages, however they are spelled.
        (
            "/pd/mentorship.html",
            "xref.absolute-link",
            "absolute link '/pd/mentorship.html' to the site's own page",
            "use a relative link such as '../pd/mentorship.md'",
        ),
        (
            "/lead/index.html",
            "xref.absolute-link",
            "absolute link '/lead/index.html' to the site's own page",
            "use a relative link such as 'index.md'",
        ),
        (
            "/index.html",
            "xref.absolute-link",
            "absolute link '/index.html' to the site's own page",
            "use a relative link such as '../index.md'",
        ),
        (
            "/guides/index.html",
            "xref.absolute-link",
            "absolute link '/guides/index.html' to the site's own page",
            "use a relative link such as '../guides.md'",
        ),
        (
            "/team/",
            "xref.absolute-link",
            "absolute link '/team/' to the site's own page",
            "use a relative link such as '../team/README.md'",
        ),
        (
            "/lead/",
            "xref.absolute-link",
            "absolute link '/lead/' to the site's own page",
            "use a relative link such as 'index.md'",
        ),
        (
            "/pd/mentorship.md#notes",
            "xref.absolute-md-link",
            "absolute link '/pd/mentorship.md#notes' is left as is by MkDocs: readers get a 404 "
            "wherever the site is served",
            "use the relative link '../pd/mentorship.md#notes'",
        ),
        # Above docs_dir: the path that exists once the extra '../' are dropped.
        (
            "../..",
            "xref.outside-docs",
            "link '../..' climbs above docs_dir",
            "remove one '../' or link to the published URL",
        ),
        (
            "../../lead/index.md",  # 'index.md' is no unique name: the path itself is the hint
            "xref.outside-docs",
            "link '../../lead/index.md' climbs above docs_dir",
            "did you mean 'index.md'?",
        ),
        # Anchors: the shown link, and which page lacks the anchor.
        ("#nope", "xref.missing-anchor", "link '#nope': this page has no anchor '#nope'", ""),
        ("?tab=1#nope", "xref.missing-anchor", "link '#nope': this page has no anchor '#nope'", ""),
        (
            "../pd/mentorship.md#nope",
            "xref.missing-anchor",
            "link '../pd/mentorship.md#nope': 'pd/mentorship.md' has no anchor '#nope'",
            "",
        ),
        (
            "../pd/old.markdown#nope",  # .markdown files are pages too
            "xref.missing-anchor",
            "link '../pd/old.markdown#nope': 'pd/old.markdown' has no anchor '#nope'",
            "",
        ),
        (
            "https://me@.example.com",
            "xref.malformed-url",
            "malformed URL 'https://me@.example.com'",
            "write it as https://host/path",
        ),
        # Suggestions for a missing file.
        (
            "../pd/q",  # the page with '.md' added, though the two paths are short and unlike
            "xref.missing-page",
            "link '../pd/q': no such file 'pd/q'",
            "did you mean '../pd/q.md'?",
        ),
        (
            "old/tips.md",  # the one file of that name, in another folder
            "xref.missing-page",
            "link 'old/tips.md': no such file 'lead/old/tips.md'",
            "did you mean '../guides/tips.md'?",
        ),
        (
            "../guides/tipz.md",  # two close names: the closer path wins
            "xref.missing-page",
            "link '../guides/tipz.md': no such file 'guides/tipz.md'",
            "did you mean '../guides/tips.md'?",
        ),
        (
            "../deep/er/longer/folder/networkng.md",  # one close name, far away: still offered
            "xref.missing-page",
            "link '../deep/er/longer/folder/networkng.md': no such file "
            "'deep/er/longer/folder/networkng.md'",
            "did you mean '../pd/networking.md'?",
        ),
        (
            "../pd/q.docx",  # not HTML: no "points at generated HTML"
            "xref.missing-page",
            "link '../pd/q.docx': no such file 'pd/q.docx'",
            "did you mean '../pd/q.md'?",
        ),
        (
            "../img/logo.md",  # a page is never offered an image
            "xref.missing-page",
            "link '../img/logo.md': no such file 'img/logo.md'",
            "",
        ),
    ],
)
def test_markdown_link_finding_exact(link: str, code: str, message: str, suggestion: str) -> None:
    assert findings(f"{HEAD}[it]({link})\n") == [f(5, 1, code, message, suggestion)]


@pytest.mark.parametrize(
    "link",
    [
        "../pd/old.markdown#kept",
        "ftps://files.example.com/x",  # a real scheme, not a near miss of https
        "//cdn.example.com/pd/mentorship.md",  # protocol-relative: another host
    ],
)
def test_valid_link_gives_nothing(link: str) -> None:
    assert check(f"{HEAD}[it]({link})\n") == ([], set())


def test_a_destination_urlsplit_rejects_is_checked_without_a_crash() -> None:
    # A tab between the leading slashes: urlsplit drops it and then reads '[x]' as an IPv6 host.
    assert findings(f'{HEAD}<a href="/&#9;/[x]">it</a>\n') == []


def test_malformed_url_edge_cases() -> None:
    assert malformed_url("https://me@.example.com")  # the host after the last '@'
    assert not malformed_url("https://me@example.com")
    assert not malformed_url("ftps://files.example.com")
    assert malformed_url("htps://example.com")


# --- Raw HTML links, resolved against the page's URL ------------------------------------------


def directory_url(src: str) -> str:
    """MkDocs' File.url with use_directory_urls (README is an index)."""
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    for index in ("index", "README"):
        if stem == index:
            return "./"
        if stem.endswith("/" + index):
            return stem[: -len(index)]
    return stem + "/"


def flat_url(src: str) -> str:
    """MkDocs' File.url without use_directory_urls."""
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    return (stem[: -len("README")] + "index" if stem.endswith("README") else stem) + ".html"


ALL_FILES = [*TARGETS, *OTHER_FILES, PAGE]
DIRECTORY_URLS = {src: directory_url(src) for src in ALL_FILES}
FLAT_URLS = {src: flat_url(src) for src in ALL_FILES}


def html(href: str) -> str:
    return f'{HEAD}<p><a href="{href}">x</a></p>\n'


@pytest.mark.parametrize(
    ("href", "urls", "code", "message", "suggestion"),
    [
        (
            "../../../",
            DIRECTORY_URLS,
            "xref.outside-docs",
            "link '../../../' climbs above the site's root",
            "remove one '../'",
        ),
        (
            "../../gone/",
            DIRECTORY_URLS,
            "xref.missing-page",
            "raw HTML link '../../gone/' leads to '/gone', which is not on the site",
            "",
        ),
        (
            "../pd/networking.md",
            DIRECTORY_URLS,
            "xref.raw-html-md-link",
            "raw HTML link '../pd/networking.md' is not rewritten by MkDocs: readers get a 404",
            "write it as a Markdown link, [text](../pd/networking.md), "
            "or link the page's URL '../../pd/networking/'",
        ),
        (
            "feedback.md#delivering",
            DIRECTORY_URLS,
            "xref.raw-html-md-link",
            "raw HTML link 'feedback.md#delivering' is not rewritten by MkDocs: readers get a 404",
            "write it as a Markdown link, [text](feedback.md#delivering), "
            "or link the page's URL './#delivering'",
        ),
        (
            "../pd/networking.md",
            FLAT_URLS,
            "xref.raw-html-md-link",
            "raw HTML link '../pd/networking.md' is not rewritten by MkDocs: readers get a 404",
            "write it as a Markdown link, [text](../pd/networking.md), "
            "or link the page's URL '../pd/networking.html'",
        ),
        (
            "../pd/networking.md",
            {},  # without URLs (a site careerkit check could not load): no URL offered
            "xref.raw-html-md-link",
            "raw HTML link '../pd/networking.md' is not rewritten by MkDocs: readers get a 404",
            "write it as a Markdown link, [text](../pd/networking.md)",
        ),
    ],
)
def test_raw_html_link_finding_exact(
    href: str, urls: dict[str, str], code: str, message: str, suggestion: str
) -> None:
    assert findings(html(href), urls=urls) == [f(5, 4, code, message, suggestion)]


@pytest.mark.parametrize(
    ("href", "urls"),
    [
        ("../../index.html", DIRECTORY_URLS),  # the home page's file, under directory URLs
        ("index.html", FLAT_URLS),  # lead/index.md
        ("../pd/networking.html", FLAT_URLS),
    ],
)
def test_raw_html_link_to_a_real_url_gives_nothing(href: str, urls: dict[str, str]) -> None:
    assert check(html(href), urls=urls) == ([], set())


def test_raw_html_link_to_the_home_page_suggests_a_url_that_leads_there() -> None:
    [finding] = findings(html("../index.md"), urls=DIRECTORY_URLS)
    assert finding.code == "xref.raw-html-md-link"
    url = finding.suggestion.rsplit("'", 2)[-2]
    assert urljoin("https://host/lead/feedback/", url) == "https://host/"


@pytest.mark.parametrize(
    ("urls", "shown"),
    [({**DIRECTORY_URLS, "index.md": "./"}, "pd/networking/"), (FLAT_URLS, "pd/networking.html")],
)
def test_raw_html_link_from_the_home_page(urls: dict[str, str], shown: str) -> None:
    assert findings(html("pd/networking.md"), page="index.md", urls=urls) == [
        f(
            5,
            4,
            "xref.raw-html-md-link",
            "raw HTML link 'pd/networking.md' is not rewritten by MkDocs: readers get a 404",
            "write it as a Markdown link, [text](pd/networking.md), "
            f"or link the page's URL '{shown}'",
            file="index.md",
        )
    ]


def test_raw_html_absolute_md_link_is_a_raw_html_finding() -> None:
    """In raw HTML, '/x.md' is an absolute link and a .md link MkDocs does not rewrite."""
    assert findings(html("/pd/mentorship.md")) == [
        f(
            5,
            4,
            "xref.absolute-link",
            "absolute link '/pd/mentorship.md' to the site's own page",
            "use a relative link such as '../pd/mentorship.md'",
        ),
        f(
            5,
            4,
            "xref.raw-html-md-link",
            "raw HTML link '/pd/mentorship.md' is not rewritten by MkDocs: readers get a 404",
            "write it as a Markdown link, [text](../pd/mentorship.md)",
        ),
    ]


def test_absolute_links_relative_to_docs() -> None:
    """``absolute_links: relative_to_docs``: '/x.md' in Markdown is resolved, not in raw HTML."""
    text = f'{HEAD}[a](/pd/mentorship.md) [b](/pd/gone.md)\n\n<a href="/pd/mentorship.md">c</a>\n'
    assert findings(text, absolute_to_docs=True) == [
        f(5, 24, "xref.missing-page", "link '/pd/gone.md': no such file 'pd/gone.md'"),
        f(
            7,
            1,
            "xref.absolute-link",
            "absolute link '/pd/mentorship.md' to the site's own page",
            "use a relative link such as '../pd/mentorship.md'",
        ),
        f(
            7,
            1,
            "xref.raw-html-md-link",
            "raw HTML link '/pd/mentorship.md' is not rewritten by MkDocs: readers get a 404",
            "write it as a Markdown link, [text](../pd/mentorship.md)",
        ),
    ]


# --- References, definitions, footnotes (from the sources) ------------------------------------


def test_reference_defined_on_another_page() -> None:
    text = "# F\n\nSee [a][shared].\n"
    assert findings(text, extra={"pd/defs.md": "# D\n\n[Shared]: ../index.md\n"}) == [
        f(
            3,
            5,
            "xref.missing-reference",
            "reference link '[shared]' has no definition",
            "'[shared]' is defined in 'pd/defs.md', but a definition applies only to its own "
            "page: copy it here, or list it in a pymdownx.snippets auto_append file",
        )
    ]


@pytest.mark.parametrize(
    ("label", "defined", "suggestion"),
    [
        ("mentorship-guid", "mentorship-guide", "did you mean '[mentorship-guide]'?"),
        # 'guide' and 'guides-old' are only 0.67 alike: no guess.
        (
            "guide",
            "guides-old",
            "add a line '[guide]: page.md' below the paragraph, or fix the label",
        ),
        ("nope", "", "add a line '[nope]: page.md' below the paragraph, or fix the label"),
    ],
)
def test_missing_reference_suggestion(label: str, defined: str, suggestion: str) -> None:
    text = f"# F\n\nSee [a][{label}].\n" + (f"\n[{defined}]: ../index.md\n" if defined else "")
    assert findings(text) == [
        f(
            3,
            5,
            "xref.missing-reference",
            f"reference link '[{label}]' has no definition",
            suggestion,
        )
    ]


def test_definitions_unused_or_overridden_are_reported_only_when_broken() -> None:
    text = (
        "# F\n\n[r]: gone.md\n[ok]: ../index.md\n[r2]: ../index.md\n[r2]: nowhere.md\n"
        "[w]: https:/x\n\n[a][o]\n\n[o]: gone2.md\n[o]: ../index.md\n"
    )
    assert findings(text) == [
        f(
            3,
            1,
            "xref.unused-definition",
            "definition '[r]' is never used and points nowhere: "
            "link 'gone.md': no such file 'lead/gone.md'",
            "remove the definition, or fix its target",
        ),
        f(
            6,
            1,
            "xref.unused-definition",
            "definition '[r2]' is never used and points nowhere: "
            "link 'nowhere.md': no such file 'lead/nowhere.md'",
            "remove the definition, or fix its target",
        ),
        # '[w]' is malformed, which is only a warning: not "points nowhere".
        f(
            11,
            1,
            "xref.unused-definition",
            "definition '[o]' is overridden by a later definition of the label and points "
            "nowhere: link 'gone2.md': no such file 'lead/gone2.md'",
            "remove the definition, or fix its target",
        ),
    ]


def test_footnotes() -> None:
    assert findings("# F\n\nA[^1] and B[^note].\n\n[^note]: here\n") == [
        f(
            3,
            2,
            "xref.missing-footnote",
            "footnote '[^1]' has no definition",
            "add a line '[^1]: the note' to the page, or remove the reference",
        )
    ]


def test_blind_site_missing_anchors_references_and_footnotes_are_warnings() -> None:
    text = "# F\n\nSee [a][nope] and [^n] and [b](#gone) and [c](gone.md).\n"
    assert findings(text, blind=True) == [
        f(
            3,
            5,
            "xref.missing-reference",
            "reference link '[nope]' has no definition",
            "add a line '[nope]: page.md' below the paragraph, or fix the label",
            "warn",
        ),
        f(
            3,
            19,
            "xref.missing-footnote",
            "footnote '[^n]' has no definition",
            "add a line '[^n]: the note' to the page, or remove the reference",
            "warn",
        ),
        f(
            3,
            28,
            "xref.missing-anchor",
            "link '#gone': this page has no anchor '#gone'",
            "",
            "warn",
        ),
        # A missing file stays an error: no hook can add a file.
        f(3, 43, "xref.missing-page", "link 'gone.md': no such file 'lead/gone.md'", "", "error"),
    ]


def test_with_autorefs_undefined_labels_are_left_to_it() -> None:
    assert check("# F\n\nSee [a][nope] and [b][mkdocs.plugins].\n", autorefs=True) == ([], set())


# --- In a build: what Python-Markdown really rendered decides ---------------------------------


def rendered(
    hrefs: set[str] | None = None,
    references: dict[str, str] | None = None,
    literal: set[str] | None = None,
    footnotes: set[str] | None = None,
    ids: set[str] | None = None,
) -> Rendered:
    return Rendered(
        frozenset(hrefs or ()),
        frozenset(ids or ()),
        references or {},
        frozenset(literal or ()),
        None if footnotes is None else frozenset(footnotes),
    )


def test_build_judges_only_links_that_were_rendered() -> None:
    # The code span and the link a plugin removed are no links; raw HTML always is.
    text = '# F\n\n`[a](gone.md)` [b](gone2.md) <a href="gone3.md">c</a> [d](gone4.md)\n'
    found, claimed = check(text, rendered=rendered(hrefs={"gone4.md"}))
    assert found == [
        f(3, 30, "xref.missing-page", "link 'gone3.md': no such file 'lead/gone3.md'"),
        f(3, 55, "xref.missing-page", "link 'gone4.md': no such file 'lead/gone4.md'"),
    ]
    assert claimed == {(PAGE, "gone3.md"), (PAGE, "gone4.md")}


def test_build_reference_defined_by_a_hook_is_checked_where_it_is_used() -> None:
    text = "# F\n\n[a][hooked] and [b][Good]\n"
    built = rendered(
        hrefs={"gone.md", "../index.md"}, references={"hooked": "gone.md", "good": "../index.md"}
    )
    found, claimed = check(text, rendered=built)
    assert found == [f(3, 1, "xref.missing-page", "link 'gone.md': no such file 'lead/gone.md'")]
    # careerkit reported the link MkDocs rendered from the hook's definition: MkDocs' own
    # warning about 'gone.md' is the same news (test_xref_never_hides covers the build).
    assert claimed == {(PAGE, ""), (PAGE, "gone.md")}


def test_build_reference_defined_on_the_page_is_reported_at_the_definition() -> None:
    text = "# F\n\n[a][r]\n\n[r]: gone.md\n"
    built = rendered(hrefs={"gone.md"}, references={"r": "gone.md"})
    assert findings(text, rendered=built) == [
        f(5, 1, "xref.missing-page", "link 'gone.md': no such file 'lead/gone.md'")
    ]


def test_build_undefined_reference_is_reported_only_if_it_stayed_text() -> None:
    built = rendered(literal={"nope"})  # '[b][api.x]' became something else (autorefs)
    assert findings("# F\n\n[a][nope] and [b][api.x]\n", rendered=built) == [
        f(
            3,
            1,
            "xref.missing-reference",
            "reference link '[nope]' has no definition",
            "add a line '[nope]: page.md' below the paragraph, or fix the label",
        )
    ]


@pytest.mark.parametrize(
    ("references", "why"),
    [
        ({"r": "../index.md"}, "overridden by a later definition of the label"),
        ({"r": "gone.md"}, "never used"),
    ],
)
def test_build_definition_use_comes_from_the_rendered_page(
    references: dict[str, str], why: str
) -> None:
    # The scan thinks '[r]' is used; the rendered page has no link to it.
    text = "# F\n\n[a][r]\n\n[r]: gone.md\n"
    assert findings(text, rendered=rendered(hrefs={"../index.md"}, references=references)) == [
        f(
            5,
            1,
            "xref.unused-definition",
            f"definition '[r]' is {why} and points nowhere: "
            "link 'gone.md': no such file 'lead/gone.md'",
            "remove the definition, or fix its target",
        )
    ]


def test_build_footnotes_come_from_the_rendered_page() -> None:
    # '[^1]' is defined by a snippet; '[^2]' is written on the page but was not rendered.
    text = "# F\n\nA[^1] B[^2]\n\n[^2]: x\n"
    assert findings(text, rendered=rendered(footnotes={"1"})) == [
        f(
            3,
            8,
            "xref.missing-footnote",
            "footnote '[^2]' has no definition",
            "add a line '[^2]: the note' to the page, or remove the reference",
        )
    ]
    # Footnotes not enabled: the sources decide.
    assert findings("# F\n\nA[^1]\n\n[^1]: x\n", rendered=rendered()) == []


# --- Cross-Reference Navigation: which links count --------------------------------------------

NAV = "# F\n\n## Cross-Reference Navigation\n\n"


def thin(count: int, minimum: int = 1) -> Finding:
    return f(
        3,
        1,
        "xref.thin-nav-section",
        f"section 'Cross-Reference Navigation' has {count} valid link(s), fewer than {minimum}",
        "link related pages in this section",
    )


@pytest.mark.parametrize(
    ("links", "valid"),
    [
        ("[a](https://example.com)", True),  # external: never fetched, counts
        ("[a](/api/v1/)", True),  # served from elsewhere on the host
        ("[x](gone/y.md)", True),  # ignored: the author vouches for it
        ("[x](../pd/mentorship.md#legacy)", True),  # ignored after resolving
        ("[a][api.x]", False),
        ("[a]()", False),
        ("[a](https:/bad)", False),
        ("[a](/pd/mentorship.md)", False),
        ("[a](../../x.md)", False),
        ("[r]: ../index.md", False),  # a definition alone is no link
        ("## See [guide](../pd/mentorship.md)", False),  # the next section's heading
    ],
)
def test_nav_section_counts_links_that_lead_somewhere(links: str, valid: bool) -> None:
    options = XrefOptions(ignore=("gone/*", "pd/mentorship.md#legacy"))
    found = [
        x for x in findings(NAV + links + "\n", options=options) if x.code.endswith("nav-section")
    ]
    assert found == ([] if valid else [thin(0)])


def test_nav_section_with_autorefs_does_not_count_labels_autorefs_resolves() -> None:
    assert findings(NAV + "[a][api.x]\n", autorefs=True) == [thin(0)]


def test_link_in_the_nav_heading_itself_does_not_count() -> None:
    assert findings("# F\n\n## [Cross-Reference Navigation](../index.md)\n\nText.\n") == [thin(0)]


def test_nav_section_link_counts_by_its_own_validity() -> None:
    # The page's first link is broken, the section's link is fine.
    text = "# F\n\n[broken](gone.md)\n\n## Cross-Reference Navigation\n\n- [a](../index.md)\n"
    assert findings(text) == [
        f(3, 1, "xref.missing-page", "link 'gone.md': no such file 'lead/gone.md'")
    ]


def test_nav_section_last_on_a_long_page() -> None:
    text = NAV + "\n" * 95 + "- [a](../index.md)\n"
    assert findings(text, options=XrefOptions(nav_section_min_links=2)) == [thin(1, 2)]
    assert findings(text) == []


# --- Whole site: orphans, URL collisions, ignore globs, claimed links -------------------------


def test_orphans_exact() -> None:
    files: dict[str, Inclusion] = {
        "README.md": "included",
        "index.md": "included",
        "a.md": "included",
        "b.md": "included",
        "post.md": "included",
        "hidden.md": "not_in_nav",
    }
    pages = {
        src: PageFacts(src, scan_page("# T\n"), frozenset({"t"}))
        for src in ("README.md", "index.md", "a.md", "b.md", "post.md", "hidden.md")
    }
    site = SiteInfo(files, frozenset({"a.md"}), reachable=frozenset({"post.md"}))
    assert check_links(pages, site) == [
        Finding(
            "b.md",
            1,
            1,
            "xref.orphan-page",
            "warn",
            "page 'b.md' is not in nav and no page links to it",
            "add it to nav, link to it, or list it under not_in_nav",
        )
    ]


def test_url_collisions_exact() -> None:
    files: dict[str, Inclusion] = {"index.md": "included", "README.md": "included"}
    files.update({"a.md": "included", "a/index.md": "included", "a/README.md": "included"})
    pages = {src: PageFacts(src, scan_page("# T\n"), frozenset({"t"})) for src in files}
    collisions = (("", ("index.md", "README.md")), ("a/", ("a.md", "a/index.md", "a/README.md")))
    found = check_links(pages, SiteInfo(files, collisions=collisions))

    def collision(other: str, first: str, url: str) -> Finding:
        return Finding(
            other,
            1,
            1,
            "page.url-collision",
            "error",
            f"'{other}' and '{first}' both publish to '{url}': the built site keeps only one "
            "of them",
            "rename or delete one of the two files",
        )

    assert found == [
        collision("README.md", "index.md", "/"),
        collision("a/index.md", "a.md", "a/"),
        collision("a/README.md", "a.md", "a/"),
    ]


def test_an_ignore_glob_ignores_only_what_it_matches() -> None:
    options = XrefOptions(ignore=("gone/*",))
    assert check(f"{HEAD}[a](gone/x.md) [b](nope.md)\n", options=options) == (
        [f(5, 16, "xref.missing-page", "link 'nope.md': no such file 'lead/nope.md'")],
        {(PAGE, "gone/x.md"), (PAGE, "nope.md")},
    )


def test_claimed_holds_exactly_the_links_careerkit_reported_or_ignored() -> None:
    text = (
        f"{HEAD}[ok](../index.md) [bad](gone.md) [ign](old/x.md) [ext](https://example.com) "
        "[ign2](../pd/mentorship.md#legacy-x)\n"
    )
    options = XrefOptions(ignore=("old/*", "pd/mentorship.md#legacy-*"))
    found, claimed = check(text, options=options)
    assert found == [f(5, 19, "xref.missing-page", "link 'gone.md': no such file 'lead/gone.md'")]
    assert claimed == {
        (PAGE, "gone.md"),
        (PAGE, "old/x.md"),
        (PAGE, "../pd/mentorship.md#legacy-x"),
    }


def test_a_site_whose_home_page_is_readme() -> None:
    """MkDocs publishes README.md as the index: 'index.html' and '/index.html' mean it."""
    team = "# Team\n\n## How to run a 1:1 {#one-on-one}\n\n## Events\n"
    texts = {
        "README.md": "# Home\n\n[a](index.html) [b](/index.html)\n",
        "pd/team.md": team,
    }
    pages = {src: PageFacts(src, scan_page(t), scan_page(t).anchors) for src, t in texts.items()}
    files: dict[str, Inclusion] = {src: "included" for src in texts}
    assert check_links(pages, SiteInfo(files)) == [
        f(
            3,
            1,
            "xref.html-link",
            "link 'index.html' points at generated HTML",
            "link the source: 'README.md'",
            file="README.md",
        ),
        f(
            3,
            17,
            "xref.absolute-link",
            "absolute link '/index.html' to the site's own page",
            "use a relative link such as 'README.md'",
            file="README.md",
        ),
    ]


def test_absolute_link_to_a_folder_whose_name_ends_in_x() -> None:
    assert findings(f"{HEAD}[it](/UX/index.html)\n") == [
        f(
            5,
            1,
            "xref.absolute-link",
            "absolute link '/UX/index.html' to the site's own page",
            "use a relative link such as '../UX/README.md'",
        )
    ]


@pytest.mark.parametrize(
    ("anchor", "suggestion"),
    [
        # Spelled from the heading's words, not its custom id: the words decide.
        ("how-to-run-a-1-1", "did you mean '#one-on-one'?"),
        ("how_to_run_a_1_1", "did you mean '#one-on-one'?"),
        # Ids a theme or an extension generates ('__tabbed_1_1') are never offered.
        ("__tabbed_1_2", ""),
    ],
)
def test_closest_anchor_by_heading_words_and_never_a_generated_id(
    anchor: str, suggestion: str
) -> None:
    team = "# Team\n\n## How to run a 1:1 {#one-on-one}\n\n## Events\n"
    scan = scan_page(team)
    texts = {**TARGETS, PAGE: f"{HEAD}[it](../pd/team.md#{anchor})\n"}
    pages = {src: PageFacts(src, scan_page(t), scan_page(t).anchors) for src, t in texts.items()}
    pages["pd/team.md"] = PageFacts("pd/team.md", scan, scan.anchors | {"__tabbed_1_1"})
    files: dict[str, Inclusion] = {src: "included" for src in [*texts, "pd/team.md"]}
    assert check_links(pages, SiteInfo(files)) == [
        f(
            5,
            1,
            "xref.missing-anchor",
            f"link '../pd/team.md#{anchor}': 'pd/team.md' has no anchor '#{anchor}'",
            suggestion,
        )
    ]


def test_an_anchor_exactly_as_close_as_the_threshold_is_suggested() -> None:
    # 'tipz' and 'tips' are 0.75 alike, the threshold itself.
    assert findings(f"{HEAD}## Tips\n\n[it](#tipz)\n") == [
        f(
            7,
            1,
            "xref.missing-anchor",
            "link '#tipz': this page has no anchor '#tipz'",
            "did you mean '#tips'?",
        )
    ]


@pytest.mark.parametrize(
    ("links", "built", "valid"),
    [
        # Not rendered (in code, or removed by a plugin): no link of the built page.
        ("[a](../index.md)", rendered(), False),
        # Defined on the page, used: valid or not by the target the page really got.
        ("[a][r]\n\n[r]: ../index.md", rendered({"../index.md"}, {"r": "../index.md"}), True),
        ("[a][r]\n\n[r]: gone.md", rendered({"../index.md"}, {"r": "../index.md"}), True),
        ("[a][r]\n\n[r]: ../index.md", rendered({"gone.md"}, {"r": "gone.md"}), False),
        # Made into something else (autorefs): not counted.
        ("[a][api.x]", rendered(), False),
    ],
)
def test_build_nav_section_counts_what_was_rendered(
    links: str, built: Rendered, valid: bool
) -> None:
    found = findings(NAV + links + "\n", rendered=built)
    assert [x for x in found if x.code == "xref.thin-nav-section"] == ([] if valid else [thin(0)])


def test_nav_section_broken_raw_html_link_does_not_count() -> None:
    text = NAV + '<p><a href="../../gone/">x</a></p>\n'
    assert findings(text, urls=DIRECTORY_URLS) == [
        thin(0),
        f(
            5,
            4,
            "xref.missing-page",
            "raw HTML link '../../gone/' leads to '/gone', which is not on the site",
        ),
    ]
