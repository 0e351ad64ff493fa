"""Turn an assessment model into data for the script and marks on the rendered block.

The admonition, content tabs and task list render the author's checklist as usual (that is what
readers without JavaScript see); this module only adds ``data-careerkit-*`` attributes and a
``<script type="application/json">`` holding the model, which the script reads. That script
element sits in a ``<template>``: Material's instant navigation re-creates every ``<script>`` of
the new page's content without its ``type``, which would run the JSON as JavaScript; it does not
look inside templates, whose content is inert. When the block
did not render as expected (no ``pymdownx.tabbed`` or ``tables``), it rebuilds a plain checklist
from the model so the script still finds every item. Imports nothing from MkDocs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from markdown.util import AtomicString

from mkdocs_careerkit.assessments.model import Assessment, Band, Item, Scale

DATA_CLASS = "careerkit-assessment-data"
_TASK_RE = re.compile(r"^\s*\[[ xX]\](?:\s|$)")
_NUMBER_RE = re.compile(r"(?<![\d.])\d{1,3}(?![\d.])")


def marker_class(index: int) -> str:
    """The class the preprocessor adds to the ``!!!`` line so the block can be found again."""
    return f"careerkit-assessment-{index}"


def assessment_data(a: Assessment, strings: Mapping[str, str]) -> dict[str, Any]:
    """Everything the script needs, as JSON-ready data."""
    scale = None
    if a.scale is not None:
        labels = a.scale.label_map()
        scale = {
            "min": a.scale.low,
            "max": a.scale.high,
            "labels": {str(k): v for k, v in sorted(labels.items())},
        }
    sections = []
    for s in a.sections:
        items = []
        for item in s.items:
            low, high = a.item_range(item)
            entry: dict[str, Any] = {
                "id": item.id,
                "text": item.text,
                "kind": item.kind,
                "min": low,
                "max": high,
            }
            if item.is_rubric:
                entry["levels"] = [
                    {"value": lv.value, "label": lv.label, "text": lv.text}
                    for lv in sorted(item.levels, key=lambda lv: lv.value)
                ]
            items.append(entry)
        sections.append({"id": s.id, "title": s.title or a.title, "items": items})
    return {
        "id": a.id,
        "title": a.title,
        "scale": scale,
        "sections": sections,
        "bands": _bands(a),
        "strings": dict(strings),
    }


def _bands(a: Assessment) -> list[dict[str, Any]]:
    out = []
    scale = a.band_range()
    for b in usable_bands(a):
        top = 100.0 if b.unit == "percent" else (scale or (0.0, 1.0))[1]
        out.append(
            {
                "section": b.section,
                "low": b.low,
                "high": b.high,
                "unit": b.unit,
                "closed": b.high >= top,
            }
        )
    return out


def usable_bands(a: Assessment) -> list[Band]:
    """Bands the script can evaluate (the others are findings)."""
    return [
        b
        for b in a.bands
        if b.section is not None and (b.unit == "percent" or a.band_range() is not None)
    ]


def json_text(data: Any) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` are escaped as ``\\u00XX``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def _first_text(li: Element) -> str:
    if li.text and li.text.strip():
        return li.text
    if len(li) and li[0].tag == "p":
        return li[0].text or ""
    return li.text or ""


def _is_task(li: Element) -> bool:
    return bool(_TASK_RE.match(_first_text(li)))


def enhance(
    block: Element,
    a: Assessment,
    strings: Mapping[str, str],
    *,
    tasklist: bool,
) -> None:
    """Mark the rendered block of assessment ``a`` for the script (runs before inline Markdown).

    Args:
        block: The admonition's ``div`` (or ``details``).
        a: Its model.
        strings: The UI strings.
        tasklist: ``pymdownx.tasklist`` will turn ``[ ]`` into checkboxes after this runs.
    """
    classes = [c for c in (block.get("class") or "").split() if c != marker_class(a.index)]
    block.set("class", " ".join([*classes, "careerkit-assessment"]))
    block.set("data-careerkit-assessment", a.id)
    tasks = [li for li in block.iter("li") if _is_task(li)]
    tables = list(block.iter("table"))
    if len(tasks) != len(a.task_items) or len(tables) != a.tables:
        _rebuild(block, a)
        tasks = [li for li in block.iter("li") if _is_task(li)]
        tables = list(block.iter("table"))
        rubric_tables = dict(zip((i.id for i in a.rubrics), tables, strict=False))
    else:
        rubric_tables = {i.id: tables[i.table] for i in a.rubrics if 0 <= i.table < len(tables)}
    for li, item in zip(tasks, a.task_items, strict=False):
        li.set("data-careerkit-item", item.id)
        if not tasklist:
            _wrap_box(li)
    for item in a.rubrics:
        table = rubric_tables.get(item.id)
        if table is not None:
            _mark_rubric(table, item)
    _mark_bands(block, a)
    if a.explicit and a.scale is not None and a.scale.line in a.option_lines:
        _add_legend(block, a.scale, strings)
    holder = SubElement(block, "template", {"class": DATA_CLASS})
    script = SubElement(holder, "script", {"type": "application/json"})
    script.text = AtomicString(json_text(assessment_data(a, strings)))


def _wrap_box(li: Element) -> None:
    """Without tasklist, put the literal ``[ ]`` in a span the stylesheet hides under JS."""
    holder = li if li.text and li.text.strip() else li[0]
    text = holder.text or ""
    m = _TASK_RE.match(text)
    if not m:
        return
    box = Element("span", {"class": "careerkit-box"})
    box.text = text[: m.end()].strip()
    box.tail = " " + text[m.end() :]
    holder.text = ""
    holder.insert(0, box)


def _mark_rubric(table: Element, item: Item) -> None:
    table.set("data-careerkit-rubric", item.id)
    table.set("class", ((table.get("class") or "") + " careerkit-rubric").strip())
    body = table.find("tbody")
    for tr in body if body is not None else []:
        first = tr.find("td")
        if first is None:
            continue
        numbers = _NUMBER_RE.findall("".join(first.itertext()))
        if len(numbers) == 1:
            tr.set("data-careerkit-level", str(int(numbers[0])))


def _mark_bands(block: Element, a: Assessment) -> None:
    usable = usable_bands(a)
    if not usable:
        return
    candidates = [li for li in block.iter("li") if not _is_task(li)]
    taken: set[int] = set()
    for n, band in enumerate(usable):
        for li in candidates:
            if id(li) in taken:
                continue
            if _first_text(li).split("\n", 1)[0].strip() == band.text.strip():
                li.set("data-careerkit-band", str(n))
                li.set("class", ((li.get("class") or "") + " careerkit-band").strip())
                taken.add(id(li))
                break


def _add_legend(block: Element, scale: Scale, strings: Mapping[str, str]) -> None:
    labels = scale.label_map()
    legend = Element("p", {"class": "careerkit-scale"})
    legend.text = AtomicString(
        f"{strings['scale']}: "
        + " · ".join(
            f"{v} = {labels[v]}" if labels.get(v) else str(v)
            for v in range(scale.low, scale.high + 1)
        )
    )
    at = 1 if len(block) and "admonition-title" in (block[0].get("class") or "") else 0
    if len(block) and block[0].tag == "summary":
        at = 1
    block.insert(at, legend)


def _rebuild(block: Element, a: Assessment) -> None:
    """Replace the block's body by a plain checklist built from the model.

    Used when content tabs or tables did not render (their extensions are not enabled): the
    source then shows as one run-on paragraph in which the script could not find the items.
    """
    keep = [
        child
        for child in list(block)
        if "admonition-title" in (child.get("class") or "") or child.tag == "summary"
    ]
    for child in list(block):
        block.remove(child)
    for child in keep:
        block.append(child)
    for para in re.split(r"\n\s*\n", a.intro):
        if para.strip():
            p = SubElement(block, "p")
            p.text = para.strip()
    for s in a.sections:
        if not s.implicit:
            heading = SubElement(SubElement(block, "p"), "strong")
            heading.text = s.title
        ul: Element | None = None
        for item in s.items:
            if item.is_rubric:
                ul = None
                _rubric_table(block, item)
                continue
            if ul is None:
                ul = SubElement(block, "ul")
            li = SubElement(ul, "li")
            li.text = "[ ] " + item.text
    usable = usable_bands(a)
    if usable:
        ul = SubElement(block, "ul")
        for band in usable:
            SubElement(ul, "li").text = band.text


def _rubric_table(block: Element, item: Item) -> None:
    table = SubElement(block, "table")
    row = SubElement(SubElement(table, "thead"), "tr")
    SubElement(row, "th").text = ""
    SubElement(row, "th").text = item.text
    body = SubElement(table, "tbody")
    for level in sorted(item.levels, key=lambda lv: lv.value):
        tr = SubElement(body, "tr")
        SubElement(tr, "td").text = level.label
        SubElement(tr, "td").text = level.text
