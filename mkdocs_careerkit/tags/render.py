"""careerkit's tag index: groups, descriptions, counts and pages, as HTML elements. Pure.

Placed where the author writes ``<!-- careerkit/tags -->``; works with any theme.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from xml.etree import ElementTree as ET

from mkdocs_careerkit.tags.taxonomy import Taxonomy

MARKER = "<!-- careerkit/tags -->"
OTHER = "Other tags"


@dataclasses.dataclass(frozen=True)
class Listed:
    """A page as the index lists it: its title and its URL relative to the index page."""

    title: str
    href: str


@dataclasses.dataclass(frozen=True)
class IndexTag:
    name: str
    description: str
    pages: tuple[Listed, ...]


@dataclasses.dataclass(frozen=True)
class IndexGroup:
    name: str  # '' when the taxonomy has no groups
    tags: tuple[IndexTag, ...]


def index_model(
    pages: Mapping[str, Sequence[str]],
    listed: Mapping[str, Listed],
    taxonomy: Taxonomy | None,
) -> list[IndexGroup]:
    """Group the tags pages carry (``pages``: docs path → canonical tags) as the taxonomy says.

    Tags are in taxonomy order, then by name; a subtree's tags join their parent's group; tags
    without a group (or outside the taxonomy) come last, under "Other tags" when there are groups.
    """
    by_tag: dict[str, list[Listed]] = {}
    for src, tags in pages.items():
        for tag in tags:
            by_tag.setdefault(tag, []).append(listed[src])
    order = list(taxonomy.tags) if taxonomy else []
    rank = {name: i for i, name in enumerate(order)}

    def entry_of(tag: str) -> tuple[str, str, int]:
        """(group, description, rank) of a tag, via its subtree parent if needed."""
        if taxonomy is not None:
            if tag in taxonomy.tags:
                t = taxonomy.tags[tag]
                return t.group, t.description, rank[tag]
            parts = tag.split(taxonomy.separator) if taxonomy.separator else [tag]
            for i in range(len(parts) - 1, 0, -1):
                parent = taxonomy.tags.get(taxonomy.separator.join(parts[:i]))
                if parent is not None:
                    return parent.group, "", rank[parent.name]
        return "", "", len(order)

    groups: dict[str, list[tuple[int, str, IndexTag]]] = {}
    if taxonomy is not None:
        for t in taxonomy.tags.values():
            if t.group:
                groups.setdefault(t.group, [])
    for tag, found in by_tag.items():
        group, description, r = entry_of(tag)
        item = IndexTag(tag, description, tuple(sorted(found, key=lambda p: p.title.casefold())))
        groups.setdefault(group, []).append((r, tag.casefold(), item))
    named = any(groups)
    result = [
        IndexGroup(name or (OTHER if named else ""), tuple(i for *_, i in sorted(items)))
        for name, items in groups.items()
        if items and name
    ]
    if groups.get(""):
        result.append(IndexGroup(OTHER if named else "", tuple(i for *_, i in sorted(groups[""]))))
    return result


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "tag"


def render_index(groups: Sequence[IndexGroup]) -> ET.Element:
    """The index: per group a heading, then each tag with its count, description and pages."""
    root = ET.Element("div", {"class": "careerkit-tags"})
    ids: set[str] = set()

    def unique(base: str) -> str:
        name, n = base, 2
        while name in ids:
            name, n = f"{base}-{n}", n + 1
        ids.add(name)
        return name

    if not groups:
        ET.SubElement(root, "p").text = "No page has tags yet."
    for group in groups:
        parent = root
        if group.name:
            parent = ET.SubElement(root, "section", {"class": "careerkit-tag-group"})
            heading = ET.SubElement(
                parent, "h2", {"id": unique("careerkit-tags-" + _slug(group.name))}
            )
            heading.text = group.name
        listing = ET.SubElement(parent, "dl", {"class": "careerkit-tag-list"})
        for tag in group.tags:
            term = ET.SubElement(listing, "dt", {"id": unique("careerkit-tag-" + _slug(tag.name))})
            name = ET.SubElement(term, "span", {"class": "careerkit-tag"})
            name.text = tag.name
            name.tail = " "
            count = ET.SubElement(term, "span", {"class": "careerkit-tag-count"})
            n = len(tag.pages)
            count.text = f"{n} page" if n == 1 else f"{n} pages"
            details = ET.SubElement(listing, "dd")
            if tag.description:
                ET.SubElement(details, "p").text = tag.description
            links = ET.SubElement(details, "ul")
            for page in tag.pages:
                ET.SubElement(
                    ET.SubElement(links, "li"), "a", {"href": page.href}
                ).text = page.title
    return root


def index_html(groups: Sequence[IndexGroup]) -> str:
    """The index as HTML text, to put in place of the marker."""
    return ET.tostring(render_index(groups), encoding="unicode", method="html")
