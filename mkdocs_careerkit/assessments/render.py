"""Turn an assessment model into data for the script and marks on the rendered block.

The admonition, content tabs and task list render the author's checklist as usual (that is what
readers without JavaScript see); this module only adds ``data-careerkit-*`` attributes, a few
wrapper elements around existing nodes, and ``<template>`` elements holding what only the script
brings to life: each rating's segmented control, each rubric level's radio, the model as
``<script type="application/json">`` and the empty summary the script fills in. Templates are
inert: without JavaScript nothing of this shows. It never converts author text again nor
rebuilds the block from strings: when the rendered block does not have the shape the model
expects (a list that did not render as a list, content tabs without ``pymdownx.tabbed``),
:func:`enhance` changes nothing and says why, and the caller reports it. The script element sits
in a ``<template>``: Material's instant navigation re-creates every ``<script>`` of the new
page's content without its ``type``, which would run the JSON as JavaScript; it does not look
inside templates, whose content is inert. Imports nothing from MkDocs.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Mapping
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from markdown.util import AtomicString

from mkdocs_careerkit.assessments.model import Assessment, Band, Item, Scale, Section
from mkdocs_careerkit.assessments.parse import plain_text, slugify

DATA_CLASS = "careerkit-assessment-data"
_TASK_RE = re.compile(r"^\s*\[[ xX]\](?:\s|$)")
_NUMBER_RE = re.compile(r"(?<![\d.])\d{1,3}(?![\d.])")
_MARKER_RE = re.compile(r"\bcareerkit-assessment-\d+\b")
_TAB_CLASSES = ("tabbed-block", "tabbed-content")
_STATIC_SCORE_RE = re.compile(r"^\s*(?:\*\*|__)\s*(?:score|overall\b[^*_:\n]{0,40})\s*:", re.I)
_EXAMPLE_LINE_RE = re.compile(r"^\s*(?:\*\*|__)?\s*current\s+level\s*:", re.I)


@dataclasses.dataclass(frozen=True)
class Problem:
    """Why a rendered block was left as it is, and how the author can fix it.

    Attributes:
        why: What did not render as expected.
        fix: What to change.
        line: The source line of the statement, tab or table at fault (as the model counts
            lines), or 0 when the block as a whole is at fault.
    """

    why: str
    fix: str
    line: int = 0


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
        section: dict[str, Any] = {"id": s.id, "title": s.title or a.title, "items": items}
        if s.weight is not None:
            section["weight"] = s.weight
        sections.append(section)
    data: dict[str, Any] = {
        "id": a.id,
        "title": a.title,
        "scale": scale,
        "sections": sections,
        "bands": _bands(a),
        "strings": dict(strings),
    }
    if a.weighted:
        data["weighted"] = True
    return data


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


@dataclasses.dataclass
class _Shape:
    """The parts of a rendered block that belong to it (not to an assessment nested in it)."""

    tasks: list[Element]
    quoted_tasks: int
    lists: list[Element]
    tables: list[Element]
    tabs: list[Element]
    tab_of: dict[int, int]  # id(element) -> index of the content tab holding it, if any
    texts: list[tuple[str, str]]  # (tag, text) of paragraphs and code, for diagnosis
    paras: list[tuple[Element, int]] = dataclasses.field(default_factory=list)  # (p, tab)


def _shape(block: Element) -> _Shape:
    shape = _Shape([], 0, [], [], [], {}, [])
    # (element, inside a blockquote, index of the content tab it is in or -1)
    stack: list[tuple[Element, bool, int]] = [(child, False, -1) for child in reversed(block)]
    while stack:
        el, quoted, tab = stack.pop()
        classes = el.get("class") or ""
        if _MARKER_RE.search(classes) or el.get("data-careerkit-assessment") is not None:
            continue  # a nested assessment: its own block
        names = classes.split()
        if tab < 0 and (
            "tabbed-block" in names
            or (
                "tabbed-content" in names
                and not any("tabbed-block" in (c.get("class") or "") for c in el)
            )
        ):
            shape.tabs.append(el)
            tab = len(shape.tabs) - 1
        if el.tag == "li":
            if _is_task(el):
                if quoted:
                    shape.quoted_tasks += 1
                else:
                    shape.tasks.append(el)
                    shape.tab_of[id(el)] = tab
            elif not quoted:
                shape.lists.append(el)
        elif el.tag == "table" and not quoted:
            shape.tables.append(el)
            shape.tab_of[id(el)] = tab
        elif el.tag in ("p", "code") and el.text:
            shape.texts.append((el.tag, el.text))
            if el.tag == "p" and not quoted:
                shape.paras.append((el, tab))
        inner = quoted or el.tag == "blockquote"
        stack.extend((child, inner, tab) for child in reversed(el))
    return shape


def _statement(li: Element) -> str:
    """The plain text of a task item as written, without its ``[ ]``."""
    return plain_text(_TASK_RE.sub("", _first_text(li), count=1))


def _diagnose(shape: _Shape, a: Assessment) -> Problem | None:
    tab_sections = [s for s in a.sections if not s.implicit]
    if tab_sections and not shape.tabs:
        return Problem(
            "its content tabs ('=== \"…\"') did not render",
            "enable the pymdownx.tabbed extension (with alternate_style: true for Material)",
            tab_sections[0].line,
        )
    if len(shape.tables) != a.tables:
        return Problem(
            "its tables did not render as tables",
            "enable the tables extension, and put a blank line before each table",
            a.rubrics[0].line if a.rubrics else 0,
        )
    if len(shape.tabs) != len(tab_sections):
        return Problem(
            f"it has {len(tab_sections)} content tabs in the source but {len(shape.tabs)} rendered",
            "put a blank line before each '=== \"…\"' and indent its statements four spaces "
            "under it",
            tab_sections[0].line,
        )
    tab_index = {s.id: n for n, s in enumerate(tab_sections)}
    expected = [
        (item, tab_index.get(s.id, -1))
        for s in a.sections
        for item in s.items
        if not item.is_rubric
    ]
    for n, (item, tab) in enumerate(expected):
        li = shape.tasks[n] if n < len(shape.tasks) else None
        if li is None or not _statement(li).startswith(item.text):
            return _missing(shape, item)
        if shape.tab_of.get(id(li), -1) != tab:
            return Problem(
                f"the statement '{item.text}' rendered outside its content tab",
                "indent the tab's statements four spaces under its '=== \"…\"'",
                item.line,
            )
    if len(shape.tasks) > len(expected):
        return Problem(
            "it holds a task item careerkit did not read "
            f"('{_statement(shape.tasks[len(expected)])}')",
            "write each statement as '- [ ] text' on its own line, indented like the others",
        )
    for item in a.rubrics:
        if item.table < 0 or item.table >= len(shape.tables):
            return Problem("a rubric table did not render", "check the table's rows", item.line)
    return None


def _missing(shape: _Shape, item: Item) -> Problem:
    """The problem for a statement that has no task item of its own in the rendered block."""
    for tag, text in shape.texts:
        if item.text and item.text in plain_text(text):
            if tag == "code":
                return Problem(
                    f"the statement '{item.text}' rendered as code",
                    "indent statements four spaces under the '!!!' line or the tab title, not more",
                    item.line,
                )
            return Problem(
                f"the statement '{item.text}' is not a list item",
                "put a blank line before the list",
                item.line,
            )
    return Problem(
        f"the statement '{item.text}' did not render as a task list item",
        "put a blank line before the list and indent it like the other statements",
        item.line,
    )


def enhance(
    block: Element,
    a: Assessment,
    strings: Mapping[str, str],
    *,
    tasklist: bool,
    part: str = "",
) -> Problem | None:
    """Mark the rendered block of assessment ``a`` for the script (runs before inline Markdown).

    Args:
        block: The admonition's ``div`` (or ``details``).
        a: Its model.
        strings: The UI strings.
        tasklist: ``pymdownx.tasklist`` will turn ``[ ]`` into checkboxes after this runs.
        part: The id of the page's profile this rubric block is part of: the block is marked
            but holds no data or summary of its own (see :func:`profile`).

    Returns:
        ``None`` when the block was marked; otherwise why it was not, and then the block is
        exactly as rendered except that careerkit's marker class is removed.
    """
    classes = [c for c in (block.get("class") or "").split() if c != marker_class(a.index)]
    block.set("class", " ".join(classes))
    shape = _shape(block)
    problem = _diagnose(shape, a)
    bands = _band_items(shape, a)
    if problem is None and bands is None:
        problem = Problem(
            "a result band did not render as a list item",
            "put a blank line before the list of bands",
            next(
                (b.line for b in usable_bands(a) if b.text.strip() not in _band_texts(shape)),
                0,
            ),
        )
    if problem is not None or bands is None:
        return problem
    block.set("class", " ".join([*classes, "careerkit-assessment"]))
    block.set("data-careerkit-part" if part else "data-careerkit-assessment", part or a.id)
    # Each tab's title on its panel: themes without Material's tab CSS show it as a heading.
    for tab, section in zip(shape.tabs, [s for s in a.sections if not s.implicit], strict=False):
        tab.set("data-careerkit-tab", section.title)
    name = f"careerkit {part or a.id} "  # ids hold no spaces: names cannot collide
    labels = a.scale.label_map() if a.scale is not None else {}
    for li, item in zip(shape.tasks, a.task_items, strict=False):
        li.set("data-careerkit-item", item.id)
        if not tasklist:
            _wrap_box(li)
        if item.kind == "rate":
            li.set("class", ((li.get("class") or "") + " careerkit-rated").strip())
    for item in a.rubrics:
        _mark_rubric(shape.tables[item.table], item, strings, name + item.id)
    _mark_lines(block, shape, a, strings)
    for n, li in enumerate(bands):
        li.set("data-careerkit-band", str(n))
        li.set("class", ((li.get("class") or "") + " careerkit-band").strip())
    if a.explicit and a.scale is not None and a.scale.line in a.option_lines:
        _add_legend(block, a.scale, strings)
    if not part:
        rated = any(i.kind == "rate" for i in a.task_items)
        rating = _rating(a.scale, labels) if a.scale is not None and rated else None
        add_data(block, assessment_data(a, strings), rating)
    return None


def add_data(
    holder_parent: Element, data: Mapping[str, Any], rating: Element | None = None
) -> None:
    """Append the ``<template>`` holding the script's data, the summary it fills in and the
    one segmented control it copies into every rated statement."""
    # Material's search leaves out what is marked data-search-exclude: the summary's words
    # ("Export JSON", "Save today's result") are not the page's text.
    holder = SubElement(holder_parent, "template", {"class": DATA_CLASS, "data-search-exclude": ""})
    script = SubElement(holder, "script", {"type": "application/json"})
    script.text = AtomicString(json_text(data))
    holder.append(summary(data))
    if rating is not None:
        holder.append(rating)


# The menu's actions (``data-careerkit-do``) and the string naming each.
MENU = (
    ("json", "export_json"),
    ("csv", "export_csv"),
    ("md", "export_markdown"),
    ("import", "import_json"),
    ("print", "print"),
    ("reset", "reset"),
)


def summary(data: Mapping[str, Any]) -> Element:
    """The empty summary the script fills in and shows: a result card, the scores table, the
    progress chart, the buttons (secondary ones in a menu) and a status line.

    It lives in the ``<template>``, so readers without JavaScript never see it.
    """
    t = data["strings"]

    def add(parent: Element, tag: str, text: str = "", **attrs: str) -> Element:
        el = SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
        if text:
            el.text = AtomicString(text)
        return el

    def bold(parent: Element, text: str) -> None:
        add(add(parent, "p"), "strong", text)

    box = Element(
        "div", {"class": "careerkit-summary", "role": "region", "aria-label": t["results"]}
    )
    card = add(box, "div", class_="careerkit-card")
    bold(card, f"{t['results']}: {data['title']}")
    add(card, "p", class_="careerkit-head")
    meaning = add(card, "div", class_="careerkit-meaning")
    bold(meaning, t["meaning"])
    add(meaning, "ul")
    add(card, "p", class_="careerkit-extremes")
    add(card, "p", class_="careerkit-best")
    table = add(box, "table", class_="careerkit-scores")
    row = add(add(table, "thead"), "tr")
    average = data.get("scale") or data.get("parts")
    for key in ("section", "score", "average" if average else "", "percent"):
        if key:
            add(row, "th", t[key], scope="col")
    add(table, "tbody")
    progress = add(box, "div", class_="careerkit-progress")
    bold(progress, t["progress"])
    chart = add(progress, "svg", viewBox="0 0 300 110", aria_hidden="true")
    for p in (0, 50, 100):  # the script's y(p) = 100 - 0.9 p
        y = 100 - 0.9 * p
        add(chart, "line", x1="40", x2="295", y1=f"{y:g}", y2=f"{y:g}", class_="careerkit-grid")
        add(chart, "text", f"{p}%", x="0", y=f"{y + 3:g}")
    add(chart, "g", class_="careerkit-plot")
    add(progress, "ul", class_="careerkit-legend")
    add(progress, "ol", class_="careerkit-saved")
    tools = add(box, "div", class_="careerkit-tools", role="group", aria_label=t["tools"])
    button = {"type": "button"}
    add(
        tools,
        "button",
        t["save"],
        class_="md-button md-button--primary careerkit-save",
        data_careerkit_do="save",
        **button,
    )
    drop = add(tools, "span", class_="careerkit-drop")
    add(
        drop,
        "button",
        t["more"],
        class_="md-button careerkit-more",
        aria_expanded="false",
        data_careerkit_do="more",
        **button,
    )
    menu = add(drop, "span", class_="careerkit-menu", hidden="hidden")
    for action, key in MENU:
        add(menu, "button", t[key], data_careerkit_do=action, **button)
    add(tools, "input", type="file", accept=".json,application/json", hidden="hidden")
    add(box, "p", class_="careerkit-status", role="status")
    return box


def _mark_lines(block: Element, shape: _Shape, a: Assessment, strings: Mapping[str, str]) -> None:
    """Mark the author's static "**Score: 2/4**" / "**Overall …:**" lines (the script shows
    the reader's live ones, from a template after each, instead) and "**Current Level: 3/5**"
    lines (an example)."""
    tabs = [s.id for s in a.sections if not s.implicit]
    parent = {child: el for el in block.iter() for child in el}
    for p, tab in shape.paras:
        text = p.text or ""
        if _EXAMPLE_LINE_RE.match(text) and a.rubric_block:
            p.set("data-careerkit-example", strings["example"])
        elif _STATIC_SCORE_RE.match(text):
            overall = "overall" in text[:40].casefold()
            section = "" if overall or tab < 0 or tab >= len(tabs) else tabs[tab]
            p.set("data-careerkit-static", section)
            live = _controls(
                Element("p", {"class": "careerkit-live", "data-careerkit-live": section})
            )
            live.tail, p.tail = p.tail, None
            holder = parent[p]
            holder.insert(list(holder).index(p) + 1, live)


def _band_texts(shape: _Shape) -> list[str]:
    return [_first_text(li).split("\n", 1)[0].strip() for li in shape.lists]


def _band_items(shape: _Shape, a: Assessment) -> list[Element] | None:
    """The list item of each usable band, in order; ``None`` if one is missing."""
    texts = _band_texts(shape)
    taken: set[int] = set()
    out = []
    for band in usable_bands(a):
        n = next(
            (n for n, t in enumerate(texts) if n not in taken and t == band.text.strip()), None
        )
        if n is None:
            return None
        taken.add(n)
        out.append(shape.lists[n])
    return out


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


def _controls(*inputs: Element) -> Element:
    """A ``<template>`` the script unpacks: readers without JavaScript see no dead controls."""
    holder = Element("template", {"class": "careerkit-controls", "data-search-exclude": ""})
    holder.extend(inputs)
    return holder


def _radio(name: str, item: Item, value: int, label: str) -> Element:
    attrs = {"type": "radio", "name": name, "value": str(value), "aria-label": label}
    return Element("input", {**attrs, "data-ck": item.id})


def _rating(scale: Scale, labels: Mapping[int, str]) -> Element:
    """The segmented control of the block's scale: one radio per point, labelled points show
    their word. The script copies it into each rated statement and names its radios there
    (written once per block, not per statement: pages stay small and quick to build)."""
    group = Element("span", {"class": "careerkit-rate", "role": "radiogroup"})
    for v in range(scale.low, scale.high + 1):
        word = labels.get(v, "")
        label = SubElement(group, "label")
        SubElement(
            label, "input", {"type": "radio", "value": str(v), "aria-label": f"{v} {word}".strip()}
        )
        SubElement(label, "b").text = AtomicString(str(v))
        if word:
            SubElement(label, "small").text = AtomicString(word)
    return group


def _mark_rubric(table: Element, item: Item, strings: Mapping[str, str], name: str) -> None:
    table.set("data-careerkit-rubric", item.id)
    # No class of ours: Material styles only tables without one.
    head = table.find("thead/tr")
    cells = list(head) if head is not None else []
    if 0 < item.example_column < len(cells):  # the author's marks are an example
        cells[item.example_column].set("data-careerkit-example", strings["example"])
    body = table.find("tbody")
    levels = {lv.value: lv for lv in item.levels}
    for tr in body if body is not None else []:
        first = tr.find("td")
        if first is None:
            continue
        numbers = _NUMBER_RE.findall("".join(first.itertext()))
        if len(numbers) == 1:
            v = int(numbers[0])
            tr.set("data-careerkit-level", str(v))
            # The level's cell becomes the radio's label (its content moved, not copied).
            lv = levels.get(v)
            words = f"{lv.label} – {lv.text}" if lv and lv.text else lv.label if lv else str(v)
            label = Element("label")
            radio = _controls(_radio(name, item, v, f"{item.text}: {words}"))
            radio.tail, first.text = first.text, None
            label.extend([radio, *first])
            for child in list(first):
                first.remove(child)
            first.append(label)


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


def profile_id(
    root: Element, first: Assessment, shown: Callable[[str], str] = lambda text: text
) -> str:
    """The storage id of a page's competency profile: its h1 (else its first block), slugged.

    ``shown`` turns the heading's text into what a reader sees (Python-Markdown holds entities
    and inline HTML aside as placeholders until the page is written).
    """
    heading = root.find("h1")
    name = plain_text(shown("".join(heading.itertext()))) if heading is not None else ""
    slug = slugify(name) or first.id
    return slug if slug.endswith("profile") else slug + "-profile"


def as_part(a: Assessment) -> Assessment:
    """A rubric block as part of a profile: its competency is answered under the block's id."""
    return dataclasses.replace(
        a,
        sections=tuple(
            dataclasses.replace(s, items=tuple(dataclasses.replace(i, id=a.id) for i in s.items))
            for s in a.sections
        ),
    )


def profile(
    root: Element,
    pid: str,
    parts: list[tuple[Element, Assessment]],
    strings: Mapping[str, str],
) -> Assessment:
    """One competency profile for a page's rubric blocks, after the last of them.

    Each block keeps its level table and becomes one competency of the profile; blocks are
    grouped by the content tab or heading they sit under. Returns the profile's model.
    """
    groups: dict[str, list[Item]] = {}
    for _, a in parts:
        groups.setdefault(a.group, []).append(a.rubrics[0])
    sections = tuple(
        Section(slugify(g) or f"group-{n + 1}", g or strings["profile"], 0, 0, tuple(items))
        for n, (g, items) in enumerate(groups.items())
    )
    first = parts[0][1]
    model = Assessment(
        index=-1,
        id=pid,
        title=strings["profile"],
        type=first.type,
        explicit=False,
        line=first.line,
        column=first.column,
        indent=0,
        end=parts[-1][1].end,
        scale=None,
        sections=sections,
        bands=(),
    )
    parent = {child: el for el in root.iter() for child in el}
    top = parts[-1][0]
    while parent.get(top) is not None and parent[top] is not root:
        top = parent[top]
    box = Element("div", {"class": "careerkit-profile", "data-careerkit-assessment": pid})
    at = list(root).index(top) + 1 if top in list(root) else len(root)
    root.insert(at, box)
    data = assessment_data(model, strings)
    data["parts"] = True
    add_data(box, data)
    return model
