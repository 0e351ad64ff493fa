"""Find assessment blocks in a page's Markdown lines and read them into the model.

Python-Markdown's tree has no line numbers, so the blocks are read here, from the source lines,
where every position is known. Pure and total: any text gives a model, or findings, never an
exception. Imports nothing from MkDocs.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import re
import unicodedata
from collections.abc import Sequence

from mkdocs_careerkit.assessments.model import (
    EXPLICIT_TYPE,
    Assessment,
    Band,
    BandUnit,
    Item,
    Level,
    Scale,
    ScalePoint,
    Section,
)
from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding

OPTIONS = ("id", "scale", "labels")
"""Option lines an ``!!! assessment`` block may start with."""

CHECKLIST_WORDS = ("none", "checklist", "checkbox", "checkboxes", "check")
TITLE_WORDS = ("assessment", "self-assessment", "health check")
"""Title words that make any admonition with something to answer an assessment (default)."""
EXAMPLE_COLUMNS = ("current",)
"""Rubric columns whose marks are the author's example, not part of a level's description."""
_UNMARKED = {"", "⚪", "○", "◯", "☐", "-", "–", "—", "⬜", "❌", "✗", "no"}
MAX_POINTS = 11

_FENCE_RE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
_ADMONITION_RE = re.compile(
    r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?) ?(?P<classes>[\w\-]+(?: +[\w\-]+)*)"
    r'(?: +"(?P<title>.*?)")? *$'
)
_TAB_RE = re.compile(
    r'^===(?:[!+]{1,2})? +"(?P<title>.*)"(?P<attr> *\{:? *#(?P<id>[\w.:-]+) *\})? *$'
)
_ITEM_RE = re.compile(
    r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)]) +\[(?P<mark>[ xX])\] +(?P<text>\S.*?) *$"
)
_LIST_RE = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)]) +(?P<text>\S.*?) *$")
_ID_SUFFIX_RE = re.compile(r" *\{:? *#(?P<id>[\w.:-]+) *\} *$")
_ID_TOKEN_RE = re.compile(r" *\{:? *#(?P<id>[\w.:-]+) *\}")
_OPTION_RE = re.compile(r"^(?P<key>[A-Za-z][\w-]*) *: *(?P<value>.*?) *$")
_VALID_ID_RE = re.compile(r"^[\w.:-]+$")
_DELIM_RE = re.compile(r"^ *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
_NUMBER_RE = re.compile(r"(?<![\d.])\d{1,3}(?![\d.])")
_PAREN_RE = re.compile(r"\(([^()]{0,300})\)")
_POINT_RE = re.compile(r"^\s*(\d{1,3})\s*[=:]\s*(.*?)\s*$")
_RANGE_SCALE_RE = re.compile(r"(?<![\w.,/-])(\d{1,2}) *(?:-|–|—|to) *(\d{1,2})(?![\w%/-]|[.,]\d)")
_LABELLED_RANGE_RE = re.compile(
    r"(?<![\w.,/-])(\d{1,2}) *\(([^()]{1,60})\) *(?:-|–|—|to) *(\d{1,2}) *\(([^()]{1,60})\)"
)
_SCALE_WORD_RE = re.compile(r"\b(?:rate|rated|rating|ratings|score|scores|scale)\b", re.I)
_SENTENCE_END_RE = re.compile(r"[.!?;:](?:\s|\*|_|$)")
_WORD_POINT_RE = re.compile(r"^\s*([^\s=,;()]{1,30})\s*=\s*(\S.*?)\s*$")
_QUOTED_START_RE = re.compile(r"^ *>[ >]*(?:!!!|\?\?\?\+?) ?(?P<type>[\w\-]+)")
_QUOTED_ITEM_RE = re.compile(r"^>[ >]*(?:[-*+]|\d{1,9}[.)]) +\[[ xX]\] ")
_HEADING_RE = re.compile(r"^(#{1,6}) +(.*?)(?: +#+)? *$")
_WEIGHT_RE = re.compile(r" *\((\d{1,3}(?:\.\d{1,2})?) *%\) *$")
_PAREN_LEVEL_RE = re.compile(r"\( *\d{1,3} *\)")
_CONTAINER_RE = re.compile(r"^ *(?:!!!|\?\?\?\+?|===[!+]{0,2} |[-*+] |\d{1,9}[.)] )")
_OPTION_RANGE_RE = re.compile(r"^(\d{1,3}) *(?:-|–|—|to) *(\d{1,3})$")

_NUM = r"\d{1,4}(?:\.\d{1,4})?"
_DASH = r"(?:-|–|—|to)"
_RANGES = (
    ("between", rf"(?P<a>{_NUM}) *(?P<pa>%)? *{_DASH} *(?P<b>{_NUM}) *(?P<pb>%)?"),
    ("below", rf"(?:below|under|less than|<) *(?P<b>{_NUM}) *(?P<pb>%)?"),
    ("above", rf"(?:at least|from|>=|≥) *(?P<a>{_NUM}) *(?P<pa>%)?"),
    ("above", rf"(?P<a>{_NUM}) *(?P<pa>%)? *(?:\+|or more|or higher|and above|and up)"),
)
_BAND_HEADS = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, rng in _RANGES
    for pattern in (rf"^(?P<scope>.+?) +{rng}$", rf"^{rng} +in +(?P<scope>.+)$")
)
_MARKUP_RE = re.compile(r"\*\*|__|~~|==|\^\^|`|\*")


@dataclasses.dataclass(frozen=True)
class ParseOptions:
    """What counts as an assessment.

    Attributes:
        types: Admonition types recognised as assessments when they contain task items or a
            level table.
        overall: Words that name the overall score in a band (compared ignoring case).
        titles: Words that make an admonition of any type an assessment when its title holds
            one of them and it holds task items or a level table.
    """

    types: tuple[str, ...] = ("question",)
    overall: tuple[str, ...] = ("overall",)
    titles: tuple[str, ...] = TITLE_WORDS

    @property
    def title_re(self) -> re.Pattern[str]:
        return _title_re(self.titles)


@functools.lru_cache(maxsize=16)
def _title_re(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class PageAssessments:
    """A page's assessments and what is wrong with how they are written."""

    assessments: tuple[Assessment, ...]
    findings: tuple[Finding, ...]


def finding(line: int, column: int, code: str, message: str, suggestion: str = "") -> Finding:
    """A finding without a file (the collector or ``check_source`` fills it in)."""
    return Finding("", line, column, code, default_severity(code), message, suggestion)


def plain_text(markdown: str) -> str:
    """The text of inline Markdown as a reader sees it: no link targets, emphasis or ids.

    Raw HTML is kept as text on purpose: it is data here, escaped wherever it goes.
    """
    text = _ID_SUFFIX_RE.sub("", markdown)
    escaped: list[str] = []
    mark = ""
    if "\\" in text:
        # An escaped character is itself, never markup: set it aside until the markup is gone,
        # between runs of more NULs than the author wrote in all (so never mistaken for text,
        # even where removed markup joins the author's NULs).
        mark = "\x00" * (text.count("\x00") + 1)

        def aside(m: re.Match[str]) -> str:
            escaped.append(m.group(1))
            return f"{mark}{len(escaped) - 1}{mark}"

        text = _ESCAPE_RE.sub(aside, text)
    if "[" in text:
        text = _INLINE_LINK_RE.sub(r"\1", text)
        text = _REF_LINK_RE.sub(r"\1", text)
    text = _MARKUP_RE.sub("", text)
    if "_" in text:
        text = _UNDERSCORE_RE.sub("", text)
    if escaped:
        text = re.sub(f"{mark}(\\d+){mark}", lambda m: escaped[int(m.group(1))], text)
    return " ".join(text.split())


_INLINE_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK_RE = re.compile(r"!?\[([^\]]*)\]\[[^\]]*\]")
_UNDERSCORE_RE = re.compile(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")
_ESCAPE_RE = re.compile(r"\\([^\w\s]|_)")
_APOSTROPHE_RE = re.compile(r"['’`]")
_NON_WORD_RE = re.compile(r"[^\w]+")


def slugify(text: str) -> str:
    """A stable id from text: lower case, accents dropped, non-word runs turned into ``-``.

    Long texts keep their first words plus a short hash of the whole, so two statements that
    start alike still get different ids.
    """
    norm = plain_text(text)
    if norm.isascii():  # the common case; NFKD and the accent filter change nothing here
        norm = norm.lower()
    else:
        norm = unicodedata.normalize("NFKD", norm).casefold()
        norm = "".join(c for c in norm if not unicodedata.combining(c))
    norm = _APOSTROPHE_RE.sub("", norm)
    slug = _NON_WORD_RE.sub("-", norm).strip("-_")
    if len(slug) > 64:
        digest = hashlib.sha1(slug.encode("utf-8")).hexdigest()[:6]
        slug = slug[:56].rstrip("-_") + "-" + digest
    return slug


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def fenced_lines(lines: Sequence[str]) -> list[bool]:
    """Which lines belong to fenced code blocks (fences included), at any indentation."""
    out = [False] * len(lines)
    fence: str | None = None
    opened = 0
    for row, line in enumerate(lines):
        if "```" not in line and "~~~" not in line:
            continue  # neither opens nor closes a fence
        m = _FENCE_RE.match(line)
        if fence is not None:
            if m and m.group("fence")[0] == fence[0] and len(m.group("fence")) >= len(fence):
                if not m.group("rest").strip():
                    fence = None
                    out[opened : row + 1] = [True] * (row + 1 - opened)
            continue
        if m and not (m.group("fence")[0] == "`" and "`" in m.group("rest")):
            fence, opened = m.group("fence"), row
    if fence is not None:  # never closed: code to the end of the page
        out[opened:] = [True] * (len(lines) - opened)
    return out


def parse_page(lines: Sequence[str], options: ParseOptions | None = None) -> PageAssessments:
    """Read every assessment block of a page.

    Only admonitions Python-Markdown itself would render are read: not lines in fenced code,
    not indented code (a ``!!!`` line must start a block at the top level or exactly one level
    inside a list item, admonition or content tab). An assessment nested in another is read on
    its own, and its lines are not part of the outer block. Raw HTML and comments are not seen
    here at all: callers pass the lines after Python-Markdown stashed them.

    Args:
        lines: The Markdown body, one string per line, tabs already expanded.
        options: What counts as an assessment.

    Returns:
        The assessments in page order, and findings for what could not be read (unknown
        options, rubric rows without a level, blocks in a blockquote). The semantic checks are
        in :func:`mkdocs_careerkit.assessments.check.check_page`.
    """
    opts = options or ParseOptions()
    types = {t.lower() for t in opts.types} | {EXPLICIT_TYPE}
    starts: list[tuple[int, re.Match[str]]] = []  # admonitions of an assessment type
    quoted: list[int] = []
    for i, line in enumerate(lines):
        if "!!!" in line or "???" in line:
            m = _ADMONITION_RE.match(line)
            if m and (
                m.group("classes").split()[0].lower() in types
                or opts.title_re.search(m.group("title") or "")
            ):
                starts.append((i, m))
            elif ">" in line:
                q = _QUOTED_START_RE.match(line)
                if q and q.group("type").lower() in types:
                    quoted.append(i)
    if not starts and not quoted:
        return PageAssessments((), ())  # most pages: nothing to read
    fenced = fenced_lines(lines)
    real = [(i, m) for i, m in starts if not fenced[i] and _in_container(lines, i)]
    read: list[tuple[Assessment, list[Finding]]] = []
    # Innermost first: a nested assessment is read on its own, then hidden from its parent.
    taken: list[tuple[int, int]] = []
    for i, m in reversed(real):
        end = _block_end(lines, i, len(m.group("indent")))
        hidden = list(fenced)
        for first, last in taken:
            if i < first <= end:
                hidden[first : last + 1] = [True] * (last + 1 - first)
        block = _BlockReader(lines, hidden, i, end, m, 0, opts)
        assessment = block.read()
        if assessment is not None:
            read.append((assessment, block.findings))
            taken.append((i, end))
    read.sort(key=lambda pair: pair[0].line)
    found = tuple(dataclasses.replace(a, index=n) for n, (a, _) in enumerate(read))
    findings = [f for _, fs in read for f in fs]
    findings += _quoted_blocks(lines, fenced, quoted)
    findings.sort(key=lambda f: (f.line, f.column))
    return PageAssessments(found, tuple(findings))


def _in_container(lines: Sequence[str], i: int) -> bool:
    """Whether the admonition line ``i`` starts a block, rather than sitting in indented code.

    Python-Markdown reads an indented line as code unless it continues a list item, an
    admonition or a content tab written four columns to its left.
    """
    indent = _indent(lines[i])
    for _ in range(64):  # nesting deeper than this is not a real page
        if indent == 0:
            return True
        if indent % 4:
            return False
        j = i - 1
        while j >= 0 and (not lines[j].strip() or _indent(lines[j]) >= indent):
            j -= 1
        if j < 0 or _indent(lines[j]) != indent - 4 or not _CONTAINER_RE.match(lines[j]):
            return False
        i, indent = j, indent - 4
    return False


def _quoted_blocks(
    lines: Sequence[str], fenced: Sequence[bool], starts: list[int]
) -> list[Finding]:
    """Findings for assessment blocks written inside a blockquote, which are not read."""
    out = []
    for i in starts:
        if fenced[i]:
            continue
        j = i + 1
        while j < len(lines) and lines[j].lstrip().startswith(">") and not fenced[j]:
            if _QUOTED_ITEM_RE.match(lines[j].lstrip()):
                column = _indent(lines[i]) + 1
                out.append(
                    finding(
                        i + 1,
                        column,
                        "assessment.not-read",
                        "this assessment is inside a blockquote ('> !!!'), so readers cannot "
                        "answer it",
                        "remove the '>' in front of the block's lines",
                    )
                )
                break
            j += 1
    return out


def _block_end(lines: Sequence[str], start: int, indent: int) -> int:
    """Index of the last line of the admonition starting at ``start``."""
    last = start
    for j in range(start + 1, len(lines)):
        if not lines[j].strip():
            continue
        if _indent(lines[j]) < indent + 4:
            break
        last = j
    return last


def split_cells(row: str) -> list[str]:
    """Cells of a Markdown table row (``\\|`` is not a separator)."""
    text = row.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in _CELL_SPLIT_RE.split(text)]


@dataclasses.dataclass
class _RawItem:
    text: str
    line: int
    column: int
    section: int  # index into _BlockReader.sections; -1: outside tabs
    explicit: str | None
    id_column: int
    levels: tuple[Level, ...] = ()
    table: int = -1
    levels_in_parentheses: bool = False
    example: int | None = None
    example_column: int = -1

    @property
    def is_rubric(self) -> bool:
        return self.table >= 0


@dataclasses.dataclass
class _RawSection:
    title: str
    line: int
    column: int
    explicit: str | None
    weight: float | None = None


@dataclasses.dataclass
class _RawBand:
    kind: str
    scope: str
    low: float
    high: float
    unit: BandUnit
    head: str
    text: str
    line: int
    column: int


class _BlockReader:
    """Reads one admonition block; collects findings as it goes."""

    def __init__(
        self,
        lines: Sequence[str],
        fenced: Sequence[bool],
        start: int,
        end: int,
        match: re.Match[str],
        index: int,
        options: ParseOptions,
    ) -> None:
        self.lines = lines
        self.fenced = fenced
        self.start = start
        self.end = end
        self.match = match
        self.index = index
        self.options = options
        self.indent = len(match.group("indent"))
        self.body_indent = self.indent + 4
        self.type = match.group("classes").split()[0].lower()
        self.explicit = self.type == EXPLICIT_TYPE
        self.findings: list[Finding] = []
        self.sections: list[_RawSection] = []
        self.items: list[_RawItem] = []
        self.bands: list[_RawBand] = []
        self.option_lines: list[int] = []
        self.intro: list[tuple[int, str]] = []
        self.tables = 0
        self.opt: dict[str, tuple[str, int, int]] = {}  # key -> value, line, column

    # -- helpers -----------------------------------------------------------------------------

    def _body(self, idx: int) -> str:
        """Line ``idx`` without the block's indentation."""
        return self.lines[idx][self.body_indent :]

    def _report(self, line: int, column: int, code: str, message: str, hint: str = "") -> None:
        self.findings.append(finding(line, column, code, message, hint))

    # -- reading -----------------------------------------------------------------------------

    def read(self) -> Assessment | None:
        first = self._read_options()
        self._read_body(first)
        if not self.explicit and not any(
            not it.is_rubric or it.levels_in_parentheses for it in self.items
        ):
            # Without task items or a level table ('| Novice (1) | … |') it is an ordinary
            # admonition, like an '!!! info "How to Use This Assessment"' box of prose.
            return None
        return self._build()

    def _read_options(self) -> int:
        """Read ``key: value`` lines at the top of an explicit block; return the next line."""
        idx = self.start + 1
        while idx <= self.end and not self.lines[idx].strip():
            idx += 1
        if not self.explicit or idx > self.end or _indent(self.lines[idx]) != self.body_indent:
            return idx
        first = _OPTION_RE.match(self._body(idx))
        if not first or not self._looks_like_option(first.group("key")):
            return idx
        while idx <= self.end and self.lines[idx].strip() and not self.fenced[idx]:
            m = (
                _OPTION_RE.match(self._body(idx))
                if _indent(self.lines[idx]) == self.body_indent
                else None
            )
            if not m:
                break
            key = m.group("key").lower()
            column = self.body_indent + 1
            self.option_lines.append(idx + 1)
            if key not in OPTIONS:
                hint = difflib.get_close_matches(key, OPTIONS, n=1)
                self._report(
                    idx + 1,
                    column,
                    "assessment.unknown-option",
                    f"unknown assessment option '{m.group('key')}'",
                    f"did you mean '{hint[0]}'?"
                    if hint
                    else "known options: " + ", ".join(OPTIONS),
                )
            elif key in self.opt:
                self._report(
                    idx + 1, column, "assessment.bad-option", f"option '{key}' is given twice"
                )
            else:
                value_col = self.body_indent + m.start("value") + 1
                self.opt[key] = (m.group("value"), idx + 1, value_col)
            idx += 1
        return idx

    @staticmethod
    def _looks_like_option(key: str) -> bool:
        key = key.lower()
        return key in OPTIONS or bool(difflib.get_close_matches(key, OPTIONS, n=1, cutoff=0.75))

    def _read_body(self, first: int) -> None:
        section = -1
        in_intro = True
        idx = first
        while idx <= self.end:
            raw = self.lines[idx]
            if self.fenced[idx] or not raw.strip():
                if in_intro and not self.fenced[idx]:
                    self.intro.append((idx + 1, ""))
                idx += 1
                continue
            text = self._body(idx) if _indent(raw) >= self.body_indent else raw.lstrip(" ")
            depth = _indent(raw) - self.body_indent
            tab = _TAB_RE.match(text) if depth == 0 else None
            if tab:
                in_intro = False
                section = self._add_section(tab, idx)
                idx += 1
                continue
            if depth < 4:
                section = -1  # text at the block's own level ends the tab set
            # In a tab or under an item the quote is indented past the block's own text.
            if _QUOTED_ITEM_RE.match(text.lstrip(" ")):
                self._report(
                    idx + 1,
                    _indent(raw) + 1,
                    "assessment.not-read",
                    "this statement is inside a quote ('> - [ ]'), so readers cannot answer it",
                    "remove the '>' to make it a statement, or the '[ ]' to quote it as text",
                )
            item = _ITEM_RE.match(text)
            if item:
                in_intro = False
                idx = self._add_item(item, idx, section, depth)
                continue
            if "|" in text and idx + 1 <= self.end and not self.fenced[idx + 1]:
                nxt = self.lines[idx + 1].strip()
                if "|" in nxt and _DELIM_RE.match(nxt):
                    in_intro = False
                    idx = self._add_table(idx, section)
                    continue
            entry = _LIST_RE.match(text)
            if entry and self._add_band(entry, idx, depth):
                in_intro = False
                idx += 1
                continue
            if in_intro:
                self.intro.append((idx + 1, text))
            idx += 1

    def _add_section(self, tab: re.Match[str], idx: int) -> int:
        title = plain_text(tab.group("title"))
        weight = _WEIGHT_RE.search(title)
        self.sections.append(
            _RawSection(
                title,
                idx + 1,
                self.body_indent + 1,
                tab.group("id") or None,
                float(weight.group(1)) if weight else None,
            )
        )
        return len(self.sections) - 1

    def _add_item(self, m: re.Match[str], idx: int, section: int, depth: int) -> int:
        text = m.group("text")
        column = self.body_indent + m.start("marker") + 1
        own = _ID_SUFFIX_RE.search(text)
        id_column = 0
        if own:
            id_column = self.body_indent + m.start("text") + text.index("{", own.start()) + 1
            text = text[: own.start()]
        nxt = idx + 1
        # Lazy or indented continuation lines belong to the statement.
        while nxt <= self.end and self.lines[nxt].strip() and not self.fenced[nxt]:
            cont = self.lines[nxt].strip()
            if (
                _LIST_RE.match(cont)
                or cont.startswith(("|", "===", "!!!", "???"))
                or _indent(self.lines[nxt]) <= self.body_indent + max(depth, 0) - 1
            ):
                break
            text += " " + cont
            nxt += 1
        self.items.append(
            _RawItem(
                plain_text(text),
                idx + 1,
                column,
                section,
                own.group("id") if own else None,
                id_column,
            )
        )
        return nxt

    def _add_table(self, idx: int, section: int) -> int:
        header = split_cells(self.lines[idx])
        table = self.tables
        self.tables += 1
        rows: list[tuple[int, list[str]]] = []
        nxt = idx + 2
        while (
            nxt <= self.end
            and self.lines[nxt].strip()
            and "|" in self.lines[nxt]
            and not self.fenced[nxt]
        ):
            rows.append((nxt + 1, split_cells(self.lines[nxt])))
            nxt += 1
        numbered = [(line, cells) for line, cells in rows if len(_NUMBER_RE.findall(cells[0])) == 1]
        if len(rows) < 2 or len(numbered) * 2 < len(rows):
            return nxt  # an ordinary table, not a rubric
        in_parentheses = all(_PAREN_LEVEL_RE.search(cells[0]) for _, cells in rows)
        example_column = next(
            (
                n
                for n, cell in enumerate(header)
                if n > 0 and plain_text(cell).casefold() in EXAMPLE_COLUMNS
            ),
            -1,
        )
        example: int | None = None
        levels: list[Level] = []
        for line, cells in rows:
            numbers = _NUMBER_RE.findall(cells[0])
            if len(numbers) != 1:
                self._report(
                    line,
                    _indent(self.lines[line - 1]) + 1,
                    "assessment.rubric-bad-level",
                    f"rubric row '{plain_text(cells[0])}' has no single level number",
                    "start the row with its level, e.g. '| Novice (1) | ... |'",
                )
                continue
            text = " ".join(
                plain_text(c)
                for n, c in enumerate(cells)
                if n and n != example_column and c.strip()
            )
            levels.append(Level(int(numbers[0]), plain_text(cells[0]), text, line))
            if 0 < example_column < len(cells) and cells[example_column].strip() not in _UNMARKED:
                example = int(numbers[0]) if example is None else example
        # The competency is the first named column after the level's, never the example column.
        name_cell = next(
            (c for n, c in enumerate(header) if n and n != example_column and c.strip()),
            header[0] if header else "",
        )
        own = _ID_TOKEN_RE.search(name_cell)
        id_column = 0
        if own:
            id_column = self.lines[idx].find("{", self.lines[idx].find(name_cell)) + 1
        name = plain_text(_ID_TOKEN_RE.sub("", name_cell)) or f"Rubric {table + 1}"
        self.items.append(
            _RawItem(
                name,
                idx + 1,
                _indent(self.lines[idx]) + 1,
                section,
                own.group("id") if own else None,
                id_column,
                tuple(levels),
                table,
                in_parentheses,
                example,
                example_column,
            )
        )
        return nxt

    def _add_band(self, m: re.Match[str], idx: int, depth: int) -> bool:
        text = m.group("text")
        colon = re.search(r":(?:\*\*|__|\*|_)?(?: |$)", text)
        if not colon or colon.start() > 200:
            return False
        head = _MARKUP_RE.sub("", text[: colon.start()]).strip().strip("_").strip()
        for kind, pattern in _BAND_HEADS:
            h = pattern.match(head)
            if not h:
                continue
            groups = h.groupdict()
            low = float(groups["a"]) if groups.get("a") else float("nan")
            high = float(groups["b"]) if groups.get("b") else float("nan")
            unit: BandUnit = "percent" if (groups.get("pa") or groups.get("pb")) else "average"
            scope = groups["scope"].strip().strip("\"'“”‘’").strip()
            column = self.body_indent + m.start("text") + 1
            self.bands.append(_RawBand(kind, scope, low, high, unit, head, text, idx + 1, column))
            return True
        return False

    # -- building the model ------------------------------------------------------------------

    def _build(self) -> Assessment:
        title_md = self.match.group("title")
        title = plain_text(title_md) if title_md is not None else self.type.capitalize()
        scale = self._scale()
        kind = "rate" if scale is not None else "check"
        sections = self._sections(kind)
        assessment_id = self._assessment_id(title, scale)
        intro = "\n".join(t for _, t in self.intro).strip("\n")
        if not self.explicit and len(self.items) == 1 and self.items[0].is_rubric:
            # A rubric block: the competency is the block's title, not the table's column name.
            sections = tuple(
                dataclasses.replace(
                    sec, items=tuple(dataclasses.replace(i, text=title) for i in sec.items)
                )
                for sec in sections
            )
        draft = Assessment(
            index=self.index,
            id=assessment_id,
            title=title,
            type=self.type,
            explicit=self.explicit,
            line=self.start + 1,
            column=self.indent + 1,
            indent=self.indent,
            end=self.end + 1,
            scale=scale,
            sections=sections,
            bands=(),
            option_lines=tuple(self.option_lines),
            intro=intro,
            tables=self.tables,
            explicit_id="id" in self.opt,
            group=self._group(),
        )
        return dataclasses.replace(draft, bands=self._bands(draft))

    def _group(self) -> str:
        """The content tab the block sits in, else the nearest heading above it (not the h1)."""
        indent = self.indent
        for j in range(self.start - 1, -1, -1):
            line = self.lines[j]
            if not line.strip() or self.fenced[j]:
                continue
            if indent and _indent(line) == indent - 4:
                tab = _TAB_RE.match(line.strip())
                if tab:
                    return plain_text(tab.group("title"))
                indent = _indent(line)
            if _indent(line) == 0:
                heading = _HEADING_RE.match(line)
                if heading and len(heading.group(1)) > 1:
                    return plain_text(heading.group(2))
        return ""

    def _paragraph_before(self) -> list[tuple[int, str, int]]:
        """The lines of the paragraph right before the block: (line, text, column)."""
        out: list[tuple[int, str, int]] = []
        j = self.start - 1
        if j >= 0 and not self.lines[j].strip():
            j -= 1
        while j >= 0 and self.lines[j].strip() and not self.fenced[j]:
            line = self.lines[j]
            if _indent(line) != self.indent or line.lstrip().startswith(("!!!", "???", "#", "|")):
                break
            out.insert(0, (j + 1, line[self.indent :], self.indent + 1))
            j -= 1
        return out

    def _assessment_id(self, title: str, scale: Scale | None) -> str:
        if "id" in self.opt:
            value, line, column = self.opt["id"]
            if _VALID_ID_RE.match(value):
                return value
            self._report(
                line,
                column,
                "assessment.bad-option",
                f"assessment id '{value}' may only hold letters, digits, '-', '_', '.' and ':'",
                f"write 'id: {slugify(value) or 'my-assessment'}'",
            )
        if scale is not None and scale.line == self.start + 1:
            # A scale written in the title is not part of the name: rewording it keeps answers.
            title = title.replace(f"({scale.text})", "").replace(scale.text, "")
        return slugify(title) or slugify(self.type) or "assessment"

    def _scale(self) -> Scale | None:
        scale: Scale | None = None
        if "scale" in self.opt:
            value, line, column = self.opt["scale"]
            if value.strip().lower() in CHECKLIST_WORDS:
                scale = None
            else:
                scale = _scale_from_text(value, line, column, option=True)
                if scale is None:
                    self._report(
                        line,
                        column,
                        "assessment.bad-option",
                        f"cannot read the scale '{value}'",
                        "write e.g. 'scale: 1-5' or 'scale: 1=Never, 5=Always' or 'scale: none'",
                    )
        else:
            title = self.match.group("title") or ""
            texts = [*self.intro, (self.start + 1, title)]
            for line, text in texts:
                if line == self.start + 1:  # the title, after '!!! type "'
                    column = self.match.start("title") + 1
                else:
                    column = self.body_indent + 1
                scale = _scale_from_text(text, line, column, option=False)
                if scale is not None:
                    break
            if scale is None:  # "Rate each dimension from 1 (Poor) to 5 (Excellent)" above it
                for line, text, column in self._paragraph_before():
                    scale = _scale_from_text(text, line, column, option=False)
                    if scale is not None:
                        break
            if scale is None:
                self._report_unusable_scale(texts)
        if "labels" in self.opt:
            value, line, column = self.opt["labels"]
            labels = tuple(part.strip() for part in value.split(","))
            if scale is None:
                self._report(
                    line,
                    column,
                    "assessment.bad-option",
                    "'labels' needs a scale",
                    "add 'scale: 1-5'",
                )
            elif (
                len({p.value for p in scale.points}) < 2 or scale.high - scale.low + 1 > MAX_POINTS
            ):
                pass  # the scale itself is reported by the check
            elif len(labels) != scale.high - scale.low + 1:
                self._report(
                    line,
                    column,
                    "assessment.bad-option",
                    f"{len(labels)} labels for a scale of {scale.high - scale.low + 1} points "
                    f"({scale.low}–{scale.high})",
                    "give one label per point, lowest first, separated by commas",
                )
            else:
                scale = dataclasses.replace(scale, labels=labels)
        return scale

    def _report_unusable_scale(self, texts: list[tuple[int, str]]) -> None:
        """A finding for text that looks like a scale but gives no numbers to rate with."""
        for line, text in texts:
            for m in _PAREN_RE.finditer(text):
                parts = re.split(r"[,;]", m.group(1))
                points = [_WORD_POINT_RE.match(p) for p in parts]
                if len(parts) < 2 or not all(points):
                    continue
                if line == self.start + 1:
                    column = self.match.start("title") + 1 + m.start()
                else:
                    column = self.body_indent + 1 + m.start()
                labels = ", ".join(
                    f"{n}={p.group(2)}"
                    for n, p in zip((1, 5), [points[0], points[-1]], strict=True)
                    if p
                )
                self._report(
                    line,
                    column,
                    "assessment.unusable-scale",
                    f"'({m.group(1).strip()})' looks like a rating scale, but its points are "
                    "not numbers, so the statements are checkboxes",
                    f"number the points, e.g. '({labels})'",
                )
                return

    def _sections(self, kind: str) -> tuple[Section, ...]:
        outside = [it for it in self.items if it.section < 0]
        groups: list[tuple[_RawSection | None, list[_RawItem]]] = []
        if outside:
            groups.append((None, outside))
        for n, tab in enumerate(self.sections):
            groups.append((tab, [it for it in self.items if it.section == n]))
        # Derived ids: the statement's own text; qualified by the section only when the same
        # statement appears in two sections (two questions, not one).
        derived: dict[str, set[int]] = {}
        slugs = {id(it): _item_slug(it) for it in self.items if it.explicit is None}
        for gi, (_, items) in enumerate(groups):
            for it in items:
                if it.explicit is None:
                    derived.setdefault(slugs[id(it)], set()).add(gi)
        sections: list[Section] = []
        for gi, (raw, items) in enumerate(groups):
            if raw is None:
                sid, title, line, column, explicit = "_", "", self.start + 1, self.indent + 1, False
            else:
                sid = raw.explicit or slugify(_WEIGHT_RE.sub("", raw.title)) or f"section-{gi + 1}"
                title, line, column, explicit = raw.title, raw.line, raw.column, bool(raw.explicit)
            built = []
            for it in items:
                if it.explicit is not None:
                    iid = it.explicit
                else:
                    iid = slugs[id(it)]
                    if len(derived[iid]) > 1:
                        iid = f"{sid}/{iid}"
                built.append(
                    Item(
                        id=iid,
                        text=it.text,
                        line=it.line,
                        column=it.column,
                        kind="rubric" if it.is_rubric else kind,  # type: ignore[arg-type]
                        explicit_id=it.explicit is not None,
                        levels=it.levels,
                        table=it.table,
                        id_column=it.id_column,
                        example=it.example,
                        example_column=it.example_column,
                    )
                )
            weight = raw.weight if raw is not None else None
            sections.append(
                Section(sid, title, line, column, tuple(built), raw is None, explicit, weight)
            )
        return tuple(sections)

    def _bands(self, draft: Assessment) -> tuple[Band, ...]:
        overall = {w.casefold() for w in self.options.overall} | {"overall"}
        by_name: dict[str, str] = {}
        for s in draft.sections:
            if not s.implicit:
                by_name.setdefault(s.title.casefold(), s.id)
                by_name.setdefault(s.id.casefold(), s.id)
        bands: list[Band] = []
        scale_range = draft.band_range()
        for raw in self.bands:
            key = re.sub(r"\s+(score|average|result)$", "", raw.scope.casefold()).strip()
            section: str | None
            if key in overall:
                section = ""
            elif key in by_name:
                section = by_name[key]
            elif raw.scope.casefold() in by_name:
                section = by_name[raw.scope.casefold()]
            elif self.explicit:
                section = None
            else:
                continue  # in a recognised block, an ordinary list item
            bottom, top = (0.0, 100.0) if raw.unit == "percent" else (scale_range or (0.0, 1.0))
            low = bottom if raw.kind == "below" else raw.low
            high = top if raw.kind == "above" else raw.high
            bands.append(
                Band(
                    raw.scope,
                    section,
                    low,
                    high,
                    raw.unit,
                    raw.head,
                    raw.text,
                    raw.line,
                    raw.column,
                    open_low=raw.kind == "below",
                    open_high=raw.kind == "above",
                )
            )
        return tuple(bands)


def _item_slug(item: _RawItem) -> str:
    slug = slugify(item.text)
    if not slug:
        slug = "item-" + hashlib.sha1(item.text.encode("utf-8")).hexdigest()[:8]
    return slug


def _scale_from_text(text: str, line: int, column: int, *, option: bool) -> Scale | None:
    """A scale written in one of the documented forms, or ``None``.

    In an intro or title: numbered points in parentheses, ``(1=Poor, 5=Great)`` or
    ``(1: Never; 5: Always)``; a range alone in parentheses, ``(1–5)``; or a range after the
    words rate, rating, score or scale in the same sentence, ``Rate each 1–5``, ``on a scale
    of 0 to 10``, ``Rate from 1 (Poor) to 5 (Excellent)``. Other numbers in prose ("Spend 1-2
    hours", a date) are never a scale. An option value may also be ``1=Poor, 5=Great`` or ``1-5``.
    """
    candidates = [(m.group(1), m.start()) for m in _PAREN_RE.finditer(text)]
    if option:
        candidates.insert(0, (text, 0))
    for inner, start in candidates:
        parts = re.split(r"[,;]", inner)
        points = [_POINT_RE.match(p) for p in parts]
        if len(parts) >= 2 and all(points):
            scale_points = tuple(
                ScalePoint(int(p.group(1)), p.group(2).strip()) for p in points if p
            )
            return Scale(scale_points, line, column + start, inner.strip())
    if option:
        m = _OPTION_RANGE_RE.match(text.strip())
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            return Scale((ScalePoint(a, ""), ScalePoint(b, "")), line, column, text.strip())
        return None
    for inner, start in candidates:
        m = _RANGE_SCALE_RE.fullmatch(inner.strip())
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            offset = start + 1 + inner.index(m.group(0))
            return Scale((ScalePoint(a, ""), ScalePoint(b, "")), line, column + offset, m.group(0))
    for m in _LABELLED_RANGE_RE.finditer(text):
        if _after_scale_word(text, m.start()):
            a, b = int(m.group(1)), int(m.group(3))
            pair = (ScalePoint(a, m.group(2).strip()), ScalePoint(b, m.group(4).strip()))
            return Scale(pair, line, column + m.start(), m.group(0))
    for m in _RANGE_SCALE_RE.finditer(text):
        if _after_scale_word(text, m.start()):
            a, b = int(m.group(1)), int(m.group(2))
            return Scale(
                (ScalePoint(a, ""), ScalePoint(b, "")), line, column + m.start(), m.group(0)
            )
    return None


def _after_scale_word(text: str, at: int) -> bool:
    """Whether "rate", "score" or "scale" comes before ``at`` in the same sentence."""
    before = text[:at]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(before)]
    return bool(_SCALE_WORD_RE.search(before[ends[-1] if ends else 0 :]))
