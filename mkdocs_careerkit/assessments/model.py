"""The assessment model: what an author wrote, as frozen dataclasses.

Every line number is 1-based and counts from the first line of the Markdown body (the page after
its front matter); the finding collector shifts them past the front matter. Imports nothing from
MkDocs or Python-Markdown.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

ItemKind = Literal["check", "rate", "rubric"]
BandUnit = Literal["average", "percent"]

EXPLICIT_TYPE = "assessment"
"""The admonition type that always makes an assessment and accepts option lines."""


@dataclasses.dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str


@dataclasses.dataclass(frozen=True)
class Scale:
    """A rating scale such as ``(1=Needs Improvement, 5=Excellent)``.

    Attributes:
        points: The points the author named, in the order written (a check reports descending
            order); intermediate points may be missing.
        line: Line of the text that defined the scale.
        column: Column where that text starts.
        text: The scale as written, for messages.
        labels: One label per point from ``labels:``, lowest first (explicit assessments).
    """

    points: tuple[ScalePoint, ...]
    line: int
    column: int
    text: str
    labels: tuple[str, ...] = ()

    @property
    def low(self) -> int:
        return min(p.value for p in self.points)

    @property
    def high(self) -> int:
        return max(p.value for p in self.points)

    def label_map(self) -> dict[int, str]:
        """Label per value: from ``labels:`` when given, else the labels written with points."""
        if self.labels:
            return dict(zip(range(self.low, self.high + 1), self.labels, strict=False))
        return {p.value: p.label for p in self.points if p.label}


@dataclasses.dataclass(frozen=True)
class Level:
    """One row of a rubric: a level number and what that level looks like."""

    value: int
    label: str
    text: str
    line: int


@dataclasses.dataclass(frozen=True)
class Item:
    """Something the reader answers: a task-list statement or a rubric (pick one level).

    Attributes:
        id: Stable id answers are stored under.
        text: Plain text of the statement or the rubric's competency.
        line: Line of the item (for a rubric: its header row).
        column: Column of the list marker (rubric: of the first cell).
        kind: ``check`` (done / not done), ``rate`` (on the scale) or ``rubric``.
        explicit_id: The author wrote ``{#id}``.
        levels: A rubric's levels, in the order written.
        table: A rubric's position among all tables of the block (0-based), to find it in HTML.
        id_column: Column of ``{#id}`` if written.
        example: The level the author marked in a "Current" column (an example, not an answer).
        example_column: Index of that column among the table's cells, or -1.
    """

    id: str
    text: str
    line: int
    column: int
    kind: ItemKind
    explicit_id: bool = False
    levels: tuple[Level, ...] = ()
    table: int = -1
    id_column: int = 0
    example: int | None = None
    example_column: int = -1

    @property
    def is_rubric(self) -> bool:
        return self.kind == "rubric"


@dataclasses.dataclass(frozen=True)
class Section:
    """A group of items: one content tab, or the items written outside any tab.

    Attributes:
        implicit: True for the items outside tabs (titled like the assessment).
        weight: The weight written in the tab title, ``=== "Clarity (25%)"``, in percent.
    """

    id: str
    title: str
    line: int
    column: int
    items: tuple[Item, ...]
    implicit: bool = False
    explicit_id: bool = False
    weight: float | None = None


@dataclasses.dataclass(frozen=True)
class Band:
    """A result band such as ``- Value Creation below 2.5: read [Mentorship](mentorship.md)``.

    Attributes:
        scope: The scope as written (``Overall`` or a section title or id).
        section: Id of the section it applies to; ``""`` for the overall score; ``None`` when the
            scope names no section (a finding).
        low: Start of the range (inclusive).
        high: End of the range (exclusive, except at the top of the scale or 100%).
        unit: ``average`` (on the scale) or ``percent``.
        head: The band's head as written (``Value Creation below 2.5``), for messages.
        text: The whole list item's first line after the marker, to find it in the HTML.
        open_low: Written as "below X" (starts at the bottom of the scale).
        open_high: Written as "X or more" (ends at the top of the scale).
    """

    scope: str
    section: str | None
    low: float
    high: float
    unit: BandUnit
    head: str
    text: str
    line: int
    column: int
    open_low: bool = False
    open_high: bool = False


@dataclasses.dataclass(frozen=True)
class Assessment:
    """One assessment block.

    Attributes:
        index: Position among the page's assessments (0-based); links the block to its HTML.
        id: Storage id: the ``id:`` option, else a slug of the title.
        title: The admonition title (its type, capitalised, if none).
        type: The admonition type (``question``, ``assessment``, ...).
        explicit: Written as ``!!! assessment`` (options allowed, stricter band scopes).
        line: Line of the ``!!!`` line.
        column: Column of ``!!!``.
        indent: Indentation of the ``!!!`` line (spaces).
        end: Last line of the block.
        scale: The rating scale; ``None`` makes task items plain checkboxes.
        sections: Sections in order; the implicit one (items outside tabs) first if any.
        bands: Result bands in order.
        option_lines: Lines holding ``key: value`` options (removed before rendering).
        intro: Markdown of the block before its first tab, item or table (minus options).
        tables: How many tables the block holds (rubrics and others).
        explicit_id: The author gave ``id:``.
        group: The content tab or heading the block sits under (for a page's profile).
    """

    index: int
    id: str
    title: str
    type: str
    explicit: bool
    line: int
    column: int
    indent: int
    end: int
    scale: Scale | None
    sections: tuple[Section, ...]
    bands: tuple[Band, ...]
    option_lines: tuple[int, ...] = ()
    intro: str = ""
    tables: int = 0
    explicit_id: bool = False
    group: str = ""

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def weighted(self) -> bool:
        """Every tab carries a weight: the overall score weighs the sections."""
        tabs = [s for s in self.sections if not s.implicit]
        return bool(tabs) and all(s.weight is not None for s in tabs)

    @property
    def rubric_block(self) -> bool:
        """A block that is one level table and nothing else to answer (a competency)."""
        return not self.explicit and len(self.items) == 1 and self.items[0].is_rubric

    @property
    def task_items(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if not i.is_rubric)

    @property
    def rubrics(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.is_rubric)

    def item_range(self, item: Item) -> tuple[int, int]:
        """Lowest and highest answer of an item: 0–1 for a checkbox, else its scale or levels."""
        if item.kind == "check":
            return 0, 1
        if self.scale is not None:
            return self.scale.low, self.scale.high
        values = [lv.value for lv in item.levels] or [0, 1]
        return min(values), max(values)

    def band_range(self) -> tuple[float, float] | None:
        """The range an average band must lie in: the scale, or the rubrics' common levels."""
        if self.scale is not None:
            return float(self.scale.low), float(self.scale.high)
        ranges = {self.item_range(i) for i in self.items}
        if len(ranges) == 1 and not self.task_items:
            low, high = ranges.pop()
            return float(low), float(high)
        return None
