"""Backlinks, pure: which pages link to each page, where on them, and the block that lists them.

Models in, models or HTML out; nothing here imports MkDocs. The links come from the
cross-reference checks (:class:`~mkdocs_careerkit.xref.check.PageLink`), so a page counts as
referring to another only through a link that really leads there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from xml.etree import ElementTree as ET

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref.check import PageLink
from mkdocs_careerkit.xref.scan import Heading

MARKER = "careerkit/backlinks"
"""Written as ``<!-- careerkit/backlinks -->`` in a page, where its block goes."""
TITLE_ID = "careerkit-backlinks-title"


@dataclasses.dataclass(frozen=True)
class Place:
    """A section of the linking page that holds a link: its heading's text and link ('' when
    the heading's id is unknown)."""

    text: str
    href: str


@dataclasses.dataclass(frozen=True)
class Referrer:
    """A page that links to the page showing the block."""

    title: str
    href: str
    places: tuple[Place, ...]


@dataclasses.dataclass(frozen=True)
class Group:
    """The referrers of one navigation section ('' for pages outside any section)."""

    label: str
    referrers: tuple[Referrer, ...]


def referrers(links: Iterable[PageLink]) -> dict[str, dict[str, list[int]]]:
    """For each page, the pages that link to it, each with the lines of those links.

    Only links that resolved count, never a page's links to itself. Pages keep the order in
    which their first link appears; lines keep theirs.
    """
    out: dict[str, dict[str, list[int]]] = {}
    for link in links:
        if not link.resolved or link.source == link.target:
            continue
        lines = out.setdefault(link.target, {}).setdefault(link.source, [])
        if link.line not in lines:
            lines.append(link.line)
    return out


def section_of(headings: Sequence[Heading], line: int) -> Heading | None:
    """The heading whose section holds ``line``: the last one above it, unless that is the
    page's title (level 1), which says nothing the page's own title does not."""
    above = None
    for heading in headings:
        if heading.line >= line:
            break
        above = heading
    return above if above is not None and above.level > 1 else None


def option(meta: Mapping[str, object]) -> tuple[bool, str]:
    """The page's own choice, ``careerkit: {backlinks: false}`` in its front matter.

    Returns:
        Whether the page shows its backlinks, and a problem with the option ('' if none).
    """
    own = meta.get("careerkit")
    if own is None:
        return True, ""
    if not isinstance(own, Mapping):
        return True, f"front matter 'careerkit' must be a mapping, not {own!r}"
    value = own.get("backlinks", True)
    if not isinstance(value, bool):
        return True, f"front matter 'careerkit: backlinks' must be true or false, not {value!r}"
    return value, ""


def option_finding(page: str, problem: str) -> Finding:
    """The finding for a front matter option that is not true or false (reported at the front
    matter's first line)."""
    return Finding(
        page,
        1,
        1,
        "backlinks.bad-option",
        default_severity("backlinks.bad-option"),
        problem,
        "write 'careerkit: {backlinks: false}' to leave this page's backlinks out",
    )


def render(groups: Sequence[Group], title: str, stylesheet: str = "") -> str:
    """The "Referenced by" block: a heading, then a list of pages per navigation section.

    Every text is escaped (``xml.etree``). Each referrer is a link to the page, followed by
    links to the sections of it that hold the links.
    """
    box = ET.Element("section", {"class": "careerkit-backlinks", "aria-labelledby": TITLE_ID})
    if stylesheet:
        ET.SubElement(box, "link", {"rel": "stylesheet", "href": stylesheet})
    heading = ET.SubElement(box, "h2", {"id": TITLE_ID})
    heading.text = title
    for group in groups:
        if group.label:
            label = ET.SubElement(box, "h3", {"class": "careerkit-backlinks-group"})
            label.text = group.label
        items = ET.SubElement(box, "ul")
        for ref in group.referrers:
            item = ET.SubElement(items, "li")
            link = ET.SubElement(item, "a", {"href": ref.href})
            link.text = ref.title
            if ref.places:
                where = ET.SubElement(item, "span", {"class": "careerkit-backlinks-where"})
                where.text = " — in "
                for n, place in enumerate(ref.places):
                    # A heading whose id is unknown is named, not linked.
                    part = (
                        ET.SubElement(where, "a", {"href": place.href})
                        if place.href
                        else ET.SubElement(where, "span")
                    )
                    part.text = place.text
                    part.tail = ", " if n + 1 < len(ref.places) else ""
    return ET.tostring(box, encoding="unicode", method="html")
