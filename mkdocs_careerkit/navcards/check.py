"""Navigation cards and the source scan, pure: which links the cards are, and which swallowed
lists they repair.

The rendered tree does not know source lines; the scan does. A section's cards are matched, in
order, to the links the scan found between its heading and the next heading of its level or
above, by the link target as written (among links to the same target, the one with the card's
text first).
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Sequence
from itertools import compress

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.lists.check import SwallowedList
from mkdocs_careerkit.navcards.enhance import Section, heading_matches
from mkdocs_careerkit.xref.scan import Heading, Link, PageScan

_SHORT = 50
# A swallowed item that starts with a link, as the cards read it: `- [x](y)`, `- **[x](y)**`.
_LINK_ITEM_RE = re.compile(r"^[ ]{0,3}[-*+][ ]+(?:\*\*|__|\*|_)?\[")
_ITEM_RE = re.compile(r"^[ ]{0,3}[-*+][ ]+\S")
# What a paragraph holds before its first item when the cards read it as a label: bold text
# alone, which a colon may follow (`**Group:**`, `**Group**:`, `__Group__`, `***Group***`).
_LABEL_RE = re.compile(r"(\*{2,3}|_{2,3})(?:(?!\1).)+\1:?", re.DOTALL)
# A setext heading's underline, as Python-Markdown reads one.
_UNDERLINE_RE = re.compile(r"[=-]{2,}[ ]*")
# How a card's link can be written. The extension makes cards of link elements only: never of
# an image, a definition or a footnote, nor of raw HTML, which is not an element yet then.
_CARD_KINDS = ("inline", "reference")


@dataclasses.dataclass(frozen=True)
class Span:
    """The lines of a navigation section: its heading, and the first line after it."""

    heading: Heading
    end: int

    def __contains__(self, line: int) -> bool:
        """Whether ``line`` is in the section, below its heading and above the next."""
        return self.heading.line < line < self.end


def spans(headings: Sequence[Heading], names: Sequence[str]) -> list[Span]:
    """The navigation sections of a page, from its scanned headings."""
    out = []
    for i, h in enumerate(headings):
        if heading_matches(h.text, names):
            end = next((x.line for x in headings[i + 1 :] if x.level <= h.level), sys.maxsize)
            out.append(Span(h, end))
    return out


def card_links(
    scan: PageScan, sections: Sequence[Section], found: Sequence[Span]
) -> list[Link | None]:
    """The scanned link of each card of the page, in card order (None where none matches).
    ``found``: the page's navigation sections (:func:`spans`), found once per page."""
    out: list[Link | None] = []
    for n, section in enumerate(sections):
        span = found[n] if len(found) == len(sections) else None
        pool = [
            link
            for link in scan.links
            if span is not None and link.line in span and link.kind in _CARD_KINDS
        ]
        at = 0
        for card in section.cards:
            # The next link to the card's target; one with the card's text first, so that a
            # link to the same page in an earlier card's reason is not taken for this card's.
            same = [i for i in range(at, len(pool)) if pool[i].target == card.href]
            if not same:
                out.append(None)
                continue
            hit = next((i for i in same if pool[i].text == card.text), same[0])
            out.append(pool[hit])
            at = hit + 1
    return out


def repaired(
    scan: PageScan, sections: Sequence[Section], found: Sequence[Span]
) -> list[SwallowedList]:
    """The swallowed lists of a page that its cards show as the author meant them: the
    paragraphs that became cards, matched in order to the scan's swallowed lists of their
    section (none, where the two do not agree on how many there are). ``found`` as in
    :func:`card_links`."""
    if len(found) != len(sections):
        return []
    out: list[SwallowedList] = []
    for n, section in enumerate(sections):
        inside = [s for s in scan.swallowed if s.line in found[n]]
        if len(inside) == len(section.swallowed):
            out += compress(inside, section.swallowed)
    return out


def repaired_in_source(
    scan: PageScan, names: Sequence[str], lines: Sequence[str], line_offset: int = 0
) -> list[SwallowedList]:
    """``careerkit check``'s view of :func:`repaired`, from the source alone: swallowed lists
    in a navigation section whose paragraph starts with a bold label alone and whose every
    item, up to the paragraph's end, starts with a link.

    Args:
        scan: The page's scan.
        names: Heading texts of navigation sections.
        lines: The page body's lines.
        line_offset: Lines of the file before ``lines`` (the front matter).
    """
    found = spans(scan.headings, names)
    out = []
    for s in scan.swallowed:
        if not any(s.line in span for span in found):
            continue
        first = s.line - 1 - line_offset  # the list's first item, in ``lines``
        label: list[str] = []
        for line in reversed(lines[:first]):
            if _ends_paragraph(line):
                break
            label.insert(0, line)
        items = []
        for line in lines[first:]:
            if _ends_paragraph(line):
                break
            if _ITEM_RE.match(line):
                items.append(line)
        if (
            _LABEL_RE.fullmatch("\n".join(label).strip())
            and items
            and all(_LINK_ITEM_RE.match(item) for item in items)
        ):
            out.append(s)
    return out


def _ends_paragraph(line: str) -> bool:
    """A blank line, a heading or a heading's underline: a paragraph ends (or starts) next
    to it."""
    return (
        not line.strip()
        or line.lstrip().startswith("#")
        or _UNDERLINE_RE.fullmatch(line) is not None
    )


def unparsed_findings(
    page: str, sections: Sequence[Section], found: Sequence[Span]
) -> list[Finding]:
    """One ``navcards.unparsed`` finding per item left as written, at its section's heading
    (``found`` as in :func:`card_links`)."""
    out = []
    for n, section in enumerate(sections):
        line = found[n].heading.line if len(found) == len(sections) else 1
        for text in section.unparsed:
            quoted = text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"
            out.append(
                Finding(
                    page,
                    line,
                    1,
                    "navcards.unparsed",
                    default_severity("navcards.unparsed"),
                    f"'{quoted}' in section '{section.heading}' is not a link followed by a "
                    "reason; left as written",
                    "write each item as '- [Title](page.md) - why to read it', under a bold "
                    "label such as '**Related skills:**'",
                )
            )
    return out
