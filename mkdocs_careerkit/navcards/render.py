"""What a card learns about its target once every page is known: pure, models in, HTML out.

The card's placeholder (``<span class="careerkit-navcard-meta" data-careerkit-navcard="N">``)
is replaced with this element: the target page's title (when the link text does not already say
it, or the link leads to a section of it), its description (when the author gave no reason),
its tags, or that the link is broken. Every text is escaped (``xml.etree``).
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from xml.etree import ElementTree as ET

from mkdocs_careerkit.navcards.enhance import META, PLACEHOLDER, SLOT

PLACEHOLDER_RE = re.compile(re.escape(PLACEHOLDER).replace(r"\{\}", r"(\d+)"))
BROKEN = "careerkit-navcard-broken"


@dataclasses.dataclass(frozen=True)
class Target:
    """What a card shows of the page its link leads to.

    Attributes:
        link_text: The author's link text (the card's title).
        title: The target page's title ('' when unknown), shown when the link text does not
            say it (nor the section's heading, for a link to a section).
        section: The heading of the target's anchor, if the link has one and it is known.
        description: The target's ``description``, shown only when the author gave no reason.
        tags: The target's tags.
        broken: Why the link is broken ('' when it works).
    """

    link_text: str
    title: str = ""
    section: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    broken: str = ""


def _fold(text: str) -> str:
    return " ".join(html.unescape(text).split()).casefold()


def says(link_text: str, title: str, section: str = "") -> bool:
    """Whether the link text already names the target: its title, and its section if any."""
    text = _fold(link_text)
    return _fold(title) in text and (not section or _fold(section) in text)


def meta(slot: int, target: Target) -> ET.Element:
    """The filled placeholder of card ``slot``."""
    box = ET.Element("span", {"class": META, SLOT: str(slot)})
    if target.broken:
        bad = ET.SubElement(box, "span", {"class": BROKEN})
        bad.text = f"Broken link: {target.broken}"
        return box
    if target.title and not says(target.link_text, target.title, target.section):
        page = ET.SubElement(box, "span", {"class": "careerkit-navcard-page"})
        page.text = target.title + (f" › {target.section}" if target.section else "")
    if target.description:
        desc = ET.SubElement(box, "span", {"class": "careerkit-navcard-description"})
        desc.text = target.description
    if target.tags:
        chips = ET.SubElement(box, "span", {"class": "careerkit-card-chips careerkit-navcard-tags"})
        label = ET.SubElement(chips, "span", {"class": "careerkit-card-chips-label"})
        label.text = "Tags: "
        for tag in target.tags:
            chip = ET.SubElement(chips, "span", {"class": "careerkit-chip"})
            chip.text = tag
            chip.tail = " "
    return box


def meta_html(slot: int, target: Target) -> str:
    """:func:`meta` as HTML (made once per target: many cards link to the same pages)."""
    return _meta_html(target).replace(_SLOT_TOKEN, f'{SLOT}="{slot}"', 1)


_SLOT_TOKEN = f'{SLOT}="-1"'


@functools.lru_cache(maxsize=1024)
def _meta_html(target: Target) -> str:
    return ET.tostring(meta(-1, target), encoding="unicode", method="html")
