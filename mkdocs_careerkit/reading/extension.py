"""The Python-Markdown extension: ``markdown_extensions: [mkdocs_careerkit.reading]``.

A preprocessor finds the reading sections in the source lines (where line numbers are known)
and parses each list item; a treeprocessor, after inline Markdown and ``attr_list``, finds the
same sections in the rendered tree and turns their lists into cards (``render.py``). Items that
do not parse, or whose rendered shape is not what the source promised, stay exactly as rendered
and are reported as ``info`` findings at their line.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.check import UNPARSED_HINT, short, unknown_book, unparsed_message
from mkdocs_careerkit.reading.parse import Entry, Item, Section, heading_matches, sections_of
from mkdocs_careerkit.reading.render import (
    CARDS,
    GROUP,
    add_also,
    add_class,
    enhance_item,
    enhance_ref,
    is_group_label,
)

log = logging.getLogger("mkdocs_careerkit")

Reporter = Callable[[Finding], None]
Collector = Callable[[Sequence["PageReading"]], None]
EXTENSION = "mkdocs_careerkit.reading"
DEFAULT_NAMES = ("Further Reading",)
_HEADING_TAG_RE = re.compile(r"^h([1-6])$")


@dataclasses.dataclass(frozen=True)
class PageReading:
    """A reading section of the converted page, and which of its items became cards.

    Attributes:
        section: The section as the source scan found it.
        id: The rendered heading's id (for links to the section), or ``""``.
        cards: For each item, whether it is shown as a card.
    """

    section: Section
    id: str
    cards: tuple[bool, ...]


def log_finding(finding: Finding) -> None:
    """Default reporter without the plugin: ``info`` findings go to the debug log."""
    level = logging.WARNING if finding.severity in ("warn", "error") else logging.DEBUG
    log.log(level, "%s:%s: %s [%s]", finding.line, finding.column, finding.message, finding.code)


def _ignore(found: Sequence[PageReading]) -> None:
    """Default collector: nothing to record."""


def _no_link(entry: Entry) -> str | None:
    """Default: no link to a reading list (a Markdown extension sees one page at a time).

    (Not ``None``: Python-Markdown turns options whose default is ``None`` into booleans.)"""
    return None


def info(line: int, code: str, message: str, suggestion: str = "") -> Finding:
    return Finding("", line, 1, code, "info", message, suggestion)


class ReadingExtension(Extension):
    """Cards from the list items under a "Further Reading" heading."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "headings": [list(DEFAULT_NAMES), "Heading texts of reading sections (any case)."],
            "reporter": [log_finding, "Called with each Finding (lines count from the body)."],
            "collect": [_ignore, "Called with the reading sections of each converted page."],
            "books": [{}, "Books of the data file by id (Entry), for '[book:id]' items."],
            "also": [
                _no_link,
                "Called with each card's Entry; returns the HTML to put at the end of the card "
                "(a placeholder of the plugin's, for 'Also recommended in 2 other pages'), or "
                "None.",
            ],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        names = self.getConfig("headings")
        if isinstance(names, str):
            names = [names]
        state = _State(
            tuple(str(n) for n in names),
            dict(self.getConfig("books") or {}),
            self.getConfig("also"),
        )
        md.preprocessors.register(_ReadingPreprocessor(md, state), "careerkit_reading", 27)
        md.treeprocessors.register(
            _ReadingTreeprocessor(md, state, self.getConfig("reporter")),
            "careerkit_reading",
            7,  # after inline Markdown (20) and attr_list (8), before toc (5)
        )
        md.treeprocessors.register(
            _CollectTreeprocessor(md, state, self.getConfig("collect")),
            "careerkit_reading_collect",
            4,  # after toc (5) has given the headings their ids
        )
        md.registerExtension(self)


@dataclasses.dataclass
class _State:
    names: tuple[str, ...]
    books: dict[str, Entry]
    also: Callable[[Entry], str | None]
    sections: tuple[Section, ...] = ()
    found: list[tuple[Section, Element, tuple[bool, ...]]] = dataclasses.field(default_factory=list)


class _ReadingPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.sections = sections_of(lines, self.state.names)
        return lines


class _ReadingTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, state: _State, reporter: Reporter) -> None:
        super().__init__(md)
        self.state = state
        self.reporter = reporter

    def run(self, root: Element) -> None:
        sections, self.state.sections = self.state.sections, ()
        self.state.found = []
        if not sections:
            return
        top = list(root)
        headings = [
            i
            for i, el in enumerate(top)
            if _HEADING_TAG_RE.match(el.tag) and heading_matches(_text(el), self.state.names)
        ]
        if len(headings) != len(sections):
            for s in sections:
                self.reporter(
                    info(
                        s.line,
                        "reading.unexpected-shape",
                        f"reading section '{s.title}' did not render as a heading and a list; "
                        "left as written",
                    )
                )
            return
        for i, s in zip(headings, sections, strict=True):
            self.state.found.append((s, top[i], self._section(top, i, s)))

    def _section(self, top: list[Element], start: int, section: Section) -> tuple[bool, ...]:
        heading = top[start]
        level = int(heading.tag[1])
        body: list[Element] = []
        for el in top[start + 1 :]:
            m = _HEADING_TAG_RE.match(el.tag)
            if m and int(m.group(1)) <= level:
                break
            body.append(el)
        lists = [el for el in body if el.tag in ("ul", "ol")]
        items = [li for lst in lists for li in lst if li.tag == "li"]
        if len(items) != len(section.items):
            self.reporter(
                info(
                    section.line,
                    "reading.unexpected-shape",
                    f"reading section '{section.title}' has {len(section.items)} list items in "
                    f"the source but {len(items)} rendered; left as written",
                )
            )
            return (False,) * len(section.items)
        cards: list[bool] = []
        for li, item in zip(items, section.items, strict=True):
            if item.ref:
                cards.append(self._ref(li, item))
            elif item.entry is None:
                self.reporter(
                    info(item.line, "reading.unparsed", unparsed_message(item.text), UNPARSED_HINT)
                )
                cards.append(False)
            elif enhance_item(li, item.entry):
                cards.append(True)
            else:
                self.reporter(
                    info(
                        item.line,
                        "reading.unexpected-shape",
                        f"'{short(item.entry.title)}' did not render as its source reads "
                        "(markup inside the citation?); left as written",
                    )
                )
                cards.append(False)
        if self.state.also is not _no_link:
            for li, item, card in zip(items, section.items, cards, strict=True):
                entry = self.state.books.get(item.ref) if item.ref else item.entry
                mark = self.state.also(entry) if card and entry is not None else None
                if mark is not None:
                    add_also(li, self.md.htmlStash.store(mark))
        if any(cards):
            for lst in lists:
                if any("careerkit-card" in (li.get("class") or "") for li in lst):
                    add_class(lst, CARDS)
            labels = {label for _, label in section.labels}
            for el in body:
                if labels and is_group_label(el, labels):
                    add_class(el, GROUP)
        return tuple(cards)

    def _ref(self, li: Element, item: Item) -> bool:
        entry = self.state.books.get(item.ref)
        if entry is None:
            self.reporter(unknown_book("", item.line, item.ref, self.state.books))
            return False
        if enhance_ref(li, item.ref, entry):
            return True
        self.reporter(
            info(
                item.line,
                "reading.unexpected-shape",
                f"'[book:{item.ref}]' did not render as written; left as written",
            )
        )
        return False


class _CollectTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, state: _State, collect: Collector) -> None:
        super().__init__(md)
        self.state = state
        self.collect = collect

    def run(self, root: Element) -> None:
        found, self.state.found = self.state.found, []
        self.collect([PageReading(s, h.get("id") or "", cards) for s, h, cards in found])


def _text(el: Element) -> str:
    return "".join(el.itertext())


def makeExtension(**kwargs: Any) -> ReadingExtension:  # the name Markdown looks for
    return ReadingExtension(**kwargs)
