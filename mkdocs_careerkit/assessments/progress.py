"""The guide's progress page: every assessment of the site, grouped by navigation section.

The author places it with ``<!-- careerkit/progress -->``. While MkDocs renders, the plugin
collects each page's assessment models (from the extension, never from finished HTML); once
every page is converted this module turns them into the site manifest (what the progress
script needs to score the reader's stored answers the way the assessment script does) and into
the page's table, one row per assessment. The reader's status, score, band, last saved result
and trend are filled in by ``careerkit-progress.js`` from the browser's storage: without
JavaScript the page is a plain list of links. Pure: imports nothing from MkDocs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from markdown.util import AtomicString

from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.assessments.parse import plain_text
from mkdocs_careerkit.assessments.render import assessment_data, json_text, usable_bands

MARKER = "<!-- careerkit/progress -->"
DATA_CLASS = "careerkit-progress-data"
# The reader-facing columns the script fills in, after the assessment's own name.
COLUMNS = ("status", "percent", "result", "last_saved", "trend")


@dataclasses.dataclass(frozen=True)
class Placed:
    """Where a page with assessments sits in the site.

    Attributes:
        url: The page's URL relative to the site root (``leadership/giving-feedback/``).
        title: The page's title.
        group: Titles of the navigation sections holding it, outermost first; ``None`` for a
            page that is not in the navigation.
        order: Its position among the navigation's pages (pages outside it come last).
    """

    url: str
    title: str
    group: tuple[str, ...] | None
    order: int


def owners(models: Sequence[Assessment]) -> list[Assessment]:
    """The assessments of one page that keep answers of their own: a competency profile
    (``index == -1``) stands for the rubric blocks that are its parts."""
    profile = any(a.index == -1 for a in models)
    return [a for a in models if not (profile and a.rubric_block and a.index != -1)]


def entry(a: Assessment, placed: Placed) -> dict[str, Any]:
    """One assessment in the manifest: the data the assessment script scores with (sections,
    items with their ranges, weights, bands), its page, and each band's text as readers read it.
    """
    data = assessment_data(a, {})
    del data["strings"]
    if a.index == -1:
        data["parts"] = True
    for band, source in zip(data["bands"], usable_bands(a), strict=True):
        band["text"] = plain_text(source.text)
    data["page"] = placed.url
    data["page_title"] = placed.title
    data["group"] = list(placed.group) if placed.group is not None else None
    return data


def manifest(pages: Mapping[str, tuple[Placed, Sequence[Assessment]]]) -> dict[str, Any]:
    """The site manifest: every assessment that keeps answers, in navigation order.

    Args:
        pages: Docs path → where the page is and the assessments it rendered.
    """
    ordered = sorted(pages.items(), key=lambda kv: (kv[1][0].order, kv[0]))
    return {
        "careerkit": 1,
        "assessments": [
            entry(a, placed) for _, (placed, models) in ordered for a in owners(models)
        ],
    }


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "section"


def render(data: Mapping[str, Any], strings: Mapping[str, str], href: Mapping[str, str]) -> Element:
    """The progress page's block: per navigation section a table of its assessments (linked),
    the columns the script fills in, the export/import tools and the team view.

    Args:
        data: The manifest.
        strings: The progress page's words.
        href: Page URL (as in the manifest) → link relative to the progress page.
    """
    box = Element("div", {"class": "careerkit-progress-page", "data-careerkit-progress": ""})
    holder = SubElement(box, "template", {"class": DATA_CLASS})
    script = SubElement(holder, "script", {"type": "application/json"})
    script.text = AtomicString(json_text({"manifest": data, "strings": dict(strings)}))
    assessments = data["assessments"]
    if not assessments:
        SubElement(box, "p").text = strings["no_assessments"]
    groups: dict[tuple[str, ...] | None, list[dict[str, Any]]] = {}
    for a in assessments:
        key = tuple(a["group"]) if a["group"] is not None else None
        groups.setdefault(key, []).append(a)
    ids: set[str] = set()
    for group, members in groups.items():
        parent = SubElement(box, "section", {"class": "careerkit-progress-group"})
        name = strings["other_pages"] if group is None else " › ".join(group)
        if name:
            base, n = "careerkit-progress-" + _slug(name), 2
            anchor = base
            while anchor in ids:
                anchor, n = f"{base}-{n}", n + 1
            ids.add(anchor)
            SubElement(parent, "h2", {"id": anchor}).text = name
        _table(parent, members, strings, href)
    _tools(box, strings)
    _team(box, strings)
    return box


def _table(
    parent: Element,
    members: Sequence[Mapping[str, Any]],
    strings: Mapping[str, str],
    href: Mapping[str, str],
) -> None:
    table = SubElement(parent, "table", {"class": "careerkit-progress-table"})
    row = SubElement(SubElement(table, "thead"), "tr")
    SubElement(row, "th", {"scope": "col"}).text = strings["assessment"]
    for key in COLUMNS:
        SubElement(row, "th", {"scope": "col", "class": "careerkit-js"}).text = strings[key]
    body = SubElement(table, "tbody")
    for a in members:
        tr = SubElement(body, "tr", {"data-careerkit-key": a["id"]})
        th = SubElement(tr, "th", {"scope": "row"})
        SubElement(th, "a", {"href": href.get(a["page"], a["page"])}).text = a["title"]
        if a["page_title"] and a["page_title"] != a["title"]:
            SubElement(th, "br")
            SubElement(th, "small").text = a["page_title"]
        for key in COLUMNS:
            SubElement(tr, "td", {"class": "careerkit-js", "data-careerkit-col": key})


def _button(parent: Element, text: str, action: str, **attrs: str) -> Element:
    b = SubElement(parent, "button", {"type": "button", "data-careerkit-do": action, **attrs})
    b.text = text
    return b


def _tools(box: Element, strings: Mapping[str, str]) -> None:
    tools = SubElement(
        box,
        "div",
        {"class": "careerkit-js careerkit-progress-tools", "role": "group"},
    )
    tools.set("aria-label", strings["all_tools"])
    label = SubElement(tools, "label")
    label.text = strings["your_name"] + " "
    SubElement(label, "input", {"type": "text", "class": "careerkit-name", "autocomplete": "name"})
    _button(tools, strings["export_all"], "export", **{"class": "md-button md-button--primary"})
    _button(tools, strings["import_all"], "import", **{"class": "md-button"})
    SubElement(
        tools,
        "input",
        {"type": "file", "accept": ".json,application/json", "hidden": "hidden", "class": "ck-all"},
    )
    SubElement(box, "p", {"class": "careerkit-status careerkit-js", "role": "status"})


def _team(box: Element, strings: Mapping[str, str]) -> None:
    team = SubElement(box, "section", {"class": "careerkit-js careerkit-team"})
    SubElement(team, "h2", {"id": "careerkit-team-view"}).text = strings["team"]
    SubElement(team, "p").text = strings["team_intro"]
    tools = SubElement(team, "div", {"class": "careerkit-progress-tools"})
    _button(tools, strings["team_load"], "team", **{"class": "md-button"})
    SubElement(
        tools,
        "input",
        {
            "type": "file",
            "accept": ".json,application/json",
            "multiple": "multiple",
            "hidden": "hidden",
            "class": "ck-team",
        },
    )
    label = SubElement(tools, "label", {"hidden": "hidden", "class": "careerkit-names"})
    SubElement(label, "input", {"type": "checkbox"}).tail = " " + strings["show_names"]
    _button(tools, strings["team_csv"], "csv", hidden="hidden", **{"class": "md-button"})
    SubElement(team, "p", {"class": "careerkit-team-status", "role": "status"})
    SubElement(team, "div", {"class": "careerkit-team-out"})
