"""Read one Markdown page and list its links, headings, anchors and suppression markers.

Pure: text in, frozen dataclasses out, every position as the author sees it in the file
(1-based line and column, front matter included through ``line_offset``).

The scanner follows what Python-Markdown (with the extensions Material sites use) really does,
without rendering: fenced code (pymdownx.superfences rules), code spans (Python-Markdown's own
pairing of backtick runs) and HTML comments are blanked first, keeping every column in place;
raw HTML blocks (a block-level tag at the start of a line, without ``markdown``) are not
Markdown, so Markdown links and headings inside them do not count. Links are matched over a
whole paragraph, so link text may wrap onto the next line.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import itertools
import re
from collections.abc import Callable, Collection
from typing import Literal

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.toc import slugify as default_slugify
from markdown.util import BLOCK_LEVEL_ELEMENTS

from mkdocs_careerkit.lists.check import SwallowedList, swallowed_lists

Slugify = Callable[[str, str], str]
TabSlugs = tuple[Slugify, str, bool]
"""pymdownx.tabbed's ``slugify``, ``separator`` and ``combine_header_slug``."""
LinkKind = Literal["inline", "image", "reference", "definition", "html", "footnote"]

IGNORE_MARKER = "careerkit-ignore"


@dataclasses.dataclass(frozen=True)
class Link:
    """A link as written in the source.

    Attributes:
        target: The destination as written (for a reference, its definition's destination).
        line: 1-based line of the link in the file.
        column: 1-based column of the link's first character (``[``, ``!`` or ``<``).
        kind: How the link is written.
        label: The reference label as written, for reference links and definitions.
        defined: False for a reference link whose definition is missing.
        bracketed: The destination was written in angle brackets, ``(<my page.md>)``.
        used: For a definition: a reference link on the page uses it.
        overridden: For a definition: a later definition of the same label wins.
        text: The link text as written (white space folded), for inline and reference links;
            not part of a link's identity.

    A footnote reference ``[^label]`` is a link of kind ``footnote`` with its label.
    """

    target: str
    line: int
    column: int
    kind: LinkKind
    label: str = ""
    defined: bool = True
    bracketed: bool = False
    used: bool = True
    overridden: bool = False
    text: str = dataclasses.field(default="", compare=False)


@dataclasses.dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int
    anchor: str


@dataclasses.dataclass(frozen=True)
class Suppression:
    """A ``<!-- careerkit-ignore CODE: reason -->`` marker.

    Attributes:
        line: Line of the marker itself.
        column: Column of the marker.
        applies_to: The line whose findings it silences (its own, or the next non-blank one
            when the marker stands alone on its line).
        codes: Codes it silences; empty means every code.
        reason: The reason the author gave (required).
    """

    line: int
    column: int
    applies_to: int
    codes: tuple[str, ...]
    reason: str

    def covers(self, line: int, code: str) -> bool:
        return line == self.applies_to and (not self.codes or code in self.codes)


@dataclasses.dataclass(frozen=True)
class PageScan:
    links: tuple[Link, ...]
    headings: tuple[Heading, ...]
    anchors: frozenset[str]
    suppressions: tuple[Suppression, ...]
    swallowed: tuple[SwallowedList, ...] = ()
    """List items that Python-Markdown renders as text of the paragraph above them."""

    def within(self, last_line: int) -> PageScan:
        """The scan of text appended after the page (snippets) kept only for its anchors."""
        return PageScan(
            tuple(link for link in self.links if link.line <= last_line),
            tuple(h for h in self.headings if h.line <= last_line),
            self.anchors,
            tuple(m for m in self.suppressions if m.line <= last_line),
            tuple(s for s in self.swallowed if s.line <= last_line),
        )


def definition_key(label: str) -> str:
    """How Python-Markdown files a ``[label]: target`` definition (``strip().lower()``)."""
    return label.strip().lower()


def reference_key(label: str) -> str:
    """How Python-Markdown looks up ``[text][label]`` (lower case, white space runs → one space)."""
    return re.sub(r"\s+", " ", label.lower())


def normalise_label(label: str) -> str:
    """Reference labels match case-insensitively with runs of white space folded."""
    return " ".join(label.split()).casefold()


# --- Regular expressions (all applied to text whose code and comments are blanked) ----------

_FENCE_OPEN_RE = re.compile(r"^(?P<ws>[> \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# A blank line after the first (starting with the literal newline lets the engine skip ahead).
_BLANK_LINE_RE = re.compile(r"\n[^\S\n]*(?=\n|\Z)")
# A whole blank line, for a search between two positions on lines with text.
_BLANK_LINE_BETWEEN_RE = re.compile(r"\n[^\S\n]*\n")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*(?=\n|$)")
_BACKTICKS_RE = re.compile(r"`+")
_DEST_SPECIAL_RE = re.compile(r"[(\"']")
_MARKER_RE = re.compile(
    r"<!--\s*" + IGNORE_MARKER + r"\b(?P<codes>[^:>]*?)(?::(?P<reason>.*?))?\s*-->", re.DOTALL
)
# A list item may start with a heading: `- # Title`.
# A heading may stand in a block quote: `> ## Title`.
_ATX_RE = re.compile(
    r"^(?P<bq>(?:[ ]{0,3}>[ ]?)*)(?P<ws>[ \t]*)(?P<item>(?:(?:[-*+]|\d+\.)[ \t]+)*)"
    r"(?P<hashes>#{1,6})(?P<rest>.*)$"
)
# Python-Markdown's emoji pattern (pymdownx.emoji): the shortcode renders as an image or SVG,
# which adds nothing to the heading's slug.
_EMOJI_RE = re.compile(r":[+\-\w]+:")
_SETEXT_RE = re.compile(r"^[ \t]*(?:=+|-+)[ ]*$")
_CONTAINER_RE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===)")
_TAB_RE = re.compile(r'^(?P<ws>[ \t]*)={3}(?P<special>\+!|!\+|\+|!)? +"(?P<title>.*?)" *$')
_ATTR_RE = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)\}")
_HEADER_ATTR_RE = re.compile(r"[ ]+\{:?[ ]*([^}\n ][^\n]*)\}[ ]*$")
# Python-Markdown's ReferenceProcessor rule: a target, an optional title, nothing else.
_REF_DEF_RE = re.compile(
    r"^[ \t]*\[(?P<label>[^\[\]\n]*)\]:[ ]*(?:\n[ ]*)?(?P<target>[^\s]+)[ ]*"
    r"(?:\n[ ]*)?(?:([\"'])(.*)\3[ ]*|\((.*)\)[ ]*)?$",
    re.MULTILINE,
)
_FOOTNOTE_DEF_RE = re.compile(r"^[ \t]*\[\^([^\]\n]*)\]:")
_FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\n]*)\]")
_REF_LABEL_RE = re.compile(r"\s?\[([^\]]*)\]")
_LINK_DEST_RE = re.compile(r"""\(\s*(?:(<[^<>]*>)\s*(?:('[^']*'|"[^"]*")\s*)?\))?""", re.DOTALL)
_TASK_RE = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+$")
_TAG_RE = re.compile(
    r"<(?P<close>/)?(?P<name>[a-zA-Z][a-zA-Z0-9:-]*)"
    r"(?P<attrs>(?:\s+[^\s/>\"'=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"
    r"\s*(?P<selfclose>/)?>"
)
_ATTR_PAIR_RE = re.compile(r"([^\s/>\"'=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_BLOCK_TAG_RE = re.compile(r"^[ \t]*<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|$)")
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
# Characters after which ``{: #id}`` is an inline attribute list (end of a link, code, emphasis).
_INLINE_ATTR_AFTER = frozenset(")]`*_~=^")
_ESCAPABLE = "\\`*_{}[]()#+-.!<>:|\"'~=^$&%/;,?@"


# --- Text model ---------------------------------------------------------------------------


class _Text:
    """The page with its line index, and the variants the scanners work on."""

    def __init__(self, markdown: str, line_offset: int) -> None:
        if "\r" in markdown:
            markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
        self.raw = markdown
        self.line_offset = line_offset
        self.lines = markdown.split("\n")
        self.starts = [0, *itertools.accumulate(len(line) + 1 for line in self.lines)]
        self.fenced = _fenced_lines(self.lines, markdown, self.starts)
        self.indented = _indented_code_lines(self.lines, self.fenced)
        # ``nofence``: fenced lines blanked. ``code``: code spans and indented code blanked too.
        # ``nocomment``: ``nofence`` with comments blanked (code span text kept).
        # ``masked``: everything blanked - where Markdown links and headings are looked for.
        self.nofence = _blank_lines(markdown, self.starts, self.fenced)
        code = _blank_lines(self.nofence, self.starts, self.indented)
        self.code_spans = _code_spans(code)
        self.code = _blank_spans(code, self.code_spans)
        self.comments = _comments(self.code)
        self.masked = _blank_spans(self.code, self.comments)
        self.nocomment = _blank_spans(self.nofence, self.comments)
        self.masked_lines = self._masked_lines()
        self.raw_ranges = _raw_html_ranges(self.masked, self.masked_lines, self.starts)
        # The last paragraph end block_end found, and from where: links are read in order, so
        # most calls reuse it, and the text is searched once, not once per link.
        self._searched = (-1, -1)

    def _masked_lines(self) -> list[str]:
        """``masked`` cut into lines: most are the page's own lines, nothing blanked in them."""
        n = len(self.lines)
        rows = {*itertools.compress(range(n), self.fenced)}
        rows.update(itertools.compress(range(n), self.indented))
        for start, end in (*self.code_spans, *self.comments):
            rows.update(range(self.row(start), self.row(end - 1) + 1))
        if 4 * len(rows) > n:
            return self.masked.split("\n")  # mostly code: splitting is quicker
        lines = list(self.lines)
        for row in rows:
            lines[row] = self.masked[self.starts[row] : self.starts[row + 1] - 1]
        return lines

    def consume(self, rows: set[int]) -> None:
        """Blank rows the block parser takes away whole (link definitions): no inline link,
        heading or paragraph runs across them."""
        if not rows:
            return
        for row in rows:
            self.masked_lines[row] = " " * len(self.masked_lines[row])
        self.masked = "\n".join(self.masked_lines)
        self._searched = (-1, -1)

    def position(self, index: int) -> tuple[int, int]:
        """File line and column (1-based) of a character index."""
        row = bisect.bisect_right(self.starts, index) - 1
        return row + 1 + self.line_offset, index - self.starts[row] + 1

    def row(self, index: int) -> int:
        return bisect.bisect_right(self.starts, index) - 1

    def in_raw_html(self, index: int) -> bool:
        if not self.raw_ranges:
            return False
        i = bisect.bisect_right(self.raw_ranges, (index, len(self.raw) + 1)) - 1
        return i >= 0 and self.raw_ranges[i][0] <= index < self.raw_ranges[i][1]

    def block_end(self, index: int) -> int:
        """End of the paragraph holding ``index``: the next blank line (Markdown's block break).

        An index on a blank line gives that line's start.
        """
        masked = self.masked
        if index >= len(masked) or masked[index].isspace():  # maybe on a blank line
            row = self.row(index)
            if not self.masked_lines[row].strip():
                return self.starts[row]
        searched_from, end = self._searched
        if not searched_from <= index <= end:
            # The line break before the next blank line.
            m = _BLANK_LINE_RE.search(masked, index)
            end = m.start() if m is not None else len(masked)
            self._searched = (index, end)
        return end


def _comments(text: str) -> list[tuple[int, int]]:
    """Spans of ``<!-- ... -->`` comments (linear: an unclosed one ends the search)."""
    spans: list[tuple[int, int]] = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _blank(text: str) -> str:
    """A space for every character but the line breaks (a line at a time, not a character)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(_blank(text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _indent(ws: str) -> int:
    return len(ws.expandtabs(4))


def _rows_holding(text: str, starts: list[int], needle: str) -> list[int]:
    """The rows of ``text`` that hold ``needle`` (one line long), in order."""
    rows: list[int] = []
    if needle[0] not in text:
        return rows  # one character is looked for much faster than several
    at = text.find(needle)
    while at >= 0:
        row = bisect.bisect_right(starts, at) - 1
        rows.append(row)
        at = text.find(needle, starts[row + 1])  # from the next line on
    return rows


def _fenced_lines(lines: list[str], text: str, starts: list[int]) -> list[bool]:
    """Which lines belong to a fenced code block, following pymdownx.superfences.

    A fence closes on a line holding exactly the same fence (same character, same length) and
    at least the opening's indentation; a less indented content line, or the end of the page,
    abandons it (the lines are then ordinary Markdown). ``text`` is the page whose ``lines``
    they are, and ``starts`` where each line starts in it.
    """
    fenced = [False] * len(lines)
    # Only lines with three fence characters in a row can open or close a fence.
    candidates = sorted({*_rows_holding(text, starts, "```"), *_rows_holding(text, starts, "~~~")})
    closers: dict[str, list[int]] = {}  # fence → rows that could close it
    for row in candidates:
        bare = lines[row].lstrip("> \t").rstrip(" \t")
        if len(bare) >= 3 and bare[0] in "`~" and bare == bare[0] * len(bare):
            closers.setdefault(bare, []).append(row)
    if not closers:
        return fenced
    i = 0
    for row in candidates:
        if row < i:
            continue  # inside the fence just closed
        i = row
        m = _FENCE_OPEN_RE.match(lines[i])
        if m is None or (m.group("fence")[0] == "`" and "`" in m.group("info")):
            continue
        ws_len = _indent(m.group("ws"))
        rows = closers.get(m.group("fence"), [])
        close = -1
        k = bisect.bisect_right(rows, i)
        if k < len(rows):
            candidate = rows[k]
            close = candidate
            for j in range(i + 1, candidate + 1):
                line = lines[j]
                content = line.lstrip("> \t")
                if content and _indent(line[: len(line) - len(content)]) < ws_len:
                    close = -1  # a less indented line abandons the fence
                    break
        if close < 0:
            i += 1
            continue
        fenced[i : close + 1] = [True] * (close + 1 - i)
        i = close + 1
    return fenced


_OPENER_RE = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+\.[ \t]|!!!|\?\?\?|===|\[\^[^\]\n]*\]:|:[ \t])")
_OPENER_FIRST = frozenset("-*+0123456789!?=[:")


def _indented_code_lines(lines: list[str], fenced: list[bool]) -> list[bool]:
    """Which lines are indented code blocks (four spaces or a tab deeper than their container).

    Content indented under a list item, admonition, details block, content tab or footnote
    belongs to it; a block indented four more than the container it can belong to is code.
    """
    code = [False] * len(lines)
    opened: list[tuple[int, int]] = []  # (indent of the opening line, indent of its content)
    prev_blank = True
    in_code = -1  # content indent of the code block being read, or -1
    for row, line in enumerate(lines):
        content = line.lstrip(" \t")
        if not content:
            prev_blank = True
            continue
        if fenced[row]:
            prev_blank = False
            in_code = -1
            continue
        if in_code < 0 and not prev_blank and content[0] not in _OPENER_FIRST:
            continue  # a paragraph going on: nothing below would change
        ws = line[: len(line) - len(content)]
        indent = _indent(ws) if "\t" in ws else len(ws)
        if in_code >= 0 and (not prev_blank or indent >= in_code):
            code[row] = True  # the code block goes on
            prev_blank = False
            continue
        in_code = -1
        if prev_blank:
            while opened and opened[-1][0] >= indent:
                opened.pop()
            base = opened[-1][1] if opened else 0
            if indent >= base + 4:
                in_code = base + 4
                code[row] = True
                prev_blank = False
                continue
        if content[0] in _OPENER_FIRST and _OPENER_RE.match(line):
            while opened and opened[-1][0] >= indent:
                opened.pop()
            opened.append((indent, indent + 4))
        prev_blank = False
    return code


def _blank_lines(text: str, starts: list[int], which: list[bool]) -> str:
    """``text`` with the lines marked in ``which`` blanked (``starts``: where each line starts)."""
    spans: list[tuple[int, int]] = []
    for row in itertools.compress(range(len(which)), which):
        end = starts[row + 1] - 1  # the line's end, before its line break
        if spans and spans[-1][1] + 1 == starts[row]:
            spans[-1] = (spans[-1][0], end)  # one span for a run of lines
        else:
            spans.append((starts[row], end))
    return _blank_spans(text, spans)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans, pairing backtick runs exactly as Python-Markdown 3.x does.

    An opening run (not escaped by a backslash) pairs with the next run of the same length in
    the same paragraph; failing that, with the longest later run if that is shorter (the rest
    of the opening run is then code). Spans do not cross a blank line. Runs are indexed by
    length, so even a page of thousands of odd runs is read in linear time.
    """
    if "`" not in text:
        return []
    runs = [(m.start(), m.end()) for m in _BACKTICKS_RE.finditer(text)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK_RE.finditer(text)]
    para = [bisect.bisect_left(breaks, start) for start, _ in runs]
    last = [0] * len(runs)  # index of the last run in the same paragraph
    longest = [(0, 0)] * len(runs)  # (length, first index) of the longest run from here on
    for r in range(len(runs) - 1, -1, -1):
        same = r + 1 < len(runs) and para[r + 1] == para[r]
        last[r] = last[r + 1] if same else r
        length = runs[r][1] - runs[r][0]
        if same and longest[r + 1][0] > length:
            longest[r] = longest[r + 1]
        else:
            longest[r] = (length, r)
    by_length: dict[int, list[int]] = {}
    for r, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(r)
    spans: list[tuple[int, int]] = []
    r = 0
    while r < len(runs):
        begin, end = runs[r]
        if _escaped(text, begin):
            begin += 1  # `\``: the escaped tick is text, the rest may still open a span
        ticks = end - begin
        if ticks <= 0:
            r += 1
            continue
        equal = by_length.get(ticks, [])
        k = bisect.bisect_right(equal, r)
        if k < len(equal) and equal[k] <= last[r]:
            close = equal[k]
        elif r < last[r] and 0 < longest[r + 1][0] < ticks:
            close = longest[r + 1][1]
        else:
            r += 1
            continue
        spans.append((begin, runs[close][1]))
        r = close + 1
    return spans


def _raw_html_ranges(masked: str, lines: list[str], starts: list[int]) -> list[tuple[int, int]]:
    """Character ranges of raw HTML blocks, where Markdown is not processed.

    A block-level tag at the start of a line opens one, unless it has a ``markdown`` attribute
    (md_in_html); it lasts until that tag is closed, or to the end of the page.
    """
    if "<" not in masked:
        return []
    ranges: list[tuple[int, int]] = []
    row = 0
    while row < len(lines):
        m = _BLOCK_TAG_RE.match(lines[row])
        if m is None or m.group(1).lower() not in _BLOCK_TAGS:
            row += 1
            continue
        start = starts[row] + m.start(1) - 1
        tag = _TAG_RE.match(masked, start)
        if tag is not None and _markdown_attr(tag.group("attrs")):
            row += 1
            continue
        end = _element_end(masked, start)
        ranges.append((start, end))
        row = bisect.bisect_right(starts, end) - 1
        # The rest of the closing line is Markdown again; the next block starts below it.
        row += 1
    return ranges


def _markdown_attr(attrs: str) -> bool:
    for m in _ATTR_PAIR_RE.finditer(attrs or ""):
        if m.group(1).lower() == "markdown":
            value = m.group(2) or m.group(3) or m.group(4) or "1"
            return value != "0"
    return False


def _element_end(masked: str, start: int) -> int:
    """End index of the HTML element opening at ``start`` (or the end of the text)."""
    stack: list[str] = []
    for m in _TAG_RE.finditer(masked, start):
        name = m.group("name").lower()
        if m.group("close"):
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        elif name not in _VOID_TAGS and not m.group("selfclose"):
            stack.append(name)
        if not stack:
            return m.end()
    return len(masked)


# --- Links ---------------------------------------------------------------------------------


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    k = index - 1
    while k >= 0 and text[k] == "\\":
        backslashes += 1
        k -= 1
    return backslashes % 2 == 1


def _bracket_pairs(text: _Text) -> dict[int, int]:
    """For each unescaped ``[``, the index of its matching ``]`` in the same paragraph."""
    masked = text.masked
    pairs: dict[int, int] = {}
    stack: list[int] = []
    opening = masked.find("[")
    if opening < 0:
        return pairs
    closing = masked.find("]", opening)  # a `]` before any `[` closes nothing
    last = opening  # the bracket read before
    while opening >= 0 or (stack and closing >= 0):
        if opening >= 0 and (closing < 0 or opening < closing):
            i = opening
            opening = masked.find("[", i + 1)
        else:
            i = closing
            closing = masked.find("]", i + 1)
        if i and masked[i - 1] == "\\" and _escaped(masked, i):
            continue
        if stack and _BLANK_LINE_BETWEEN_RE.search(masked, last, i):
            stack.clear()  # a blank line since the bracket before: a new paragraph
        last = i
        if masked[i] == "[":
            stack.append(i)
        elif stack:
            pairs[stack.pop()] = i
        if not stack and 0 <= closing < opening:
            closing = masked.find("]", opening)  # with nothing open, a `]` closes nothing
    return pairs


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: m.group(1) if m.group(1) in _ESCAPABLE else m.group(0), text)


def _link_destination(
    masked: str, raw: str, index: int, limit: int
) -> tuple[str, int, bool] | None:
    """Parse ``(dest "title")`` at ``masked[index] == '('`` like Python-Markdown's getLink.

    Returns the destination, the index after the closing ``)``, and whether it was written in
    angle brackets; None when the parenthesis does not close.
    """
    m = _LINK_DEST_RE.match(masked, index, limit)
    if m is None:
        return None
    if m.group(1):
        return _unescape(raw[m.start(1) + 1 : m.end(1) - 1]).strip(), m.end(), True
    start_index = m.end()
    close = masked.find(")", start_index, limit)
    if close >= 0 and not _DEST_SPECIAL_RE.search(masked, start_index, close):
        # No nested parenthesis or quote before the first ')': what the loop below returns.
        return _unescape(raw[start_index:close]).strip(), close + 1, False
    # Python-Markdown tracks nested brackets and a possible quoted title.
    bracket_count = 1
    backtrack_count = 1
    pos_index = start_index
    last_bracket = -1
    quote = ""
    start_quote = exit_quote = -1
    ignore_matches = False
    alt_quote = ""
    start_alt_quote = exit_alt_quote = -1
    last = ""
    href_end = -1
    for pos in range(start_index, limit):
        c = masked[pos]
        if c == "(":
            if not ignore_matches:
                bracket_count += 1
            elif backtrack_count > 0:
                backtrack_count -= 1
        elif c == ")":
            if (exit_quote != -1 and quote == last) or (exit_alt_quote != -1 and alt_quote == last):
                bracket_count = 0
            elif not ignore_matches:
                bracket_count -= 1
            elif backtrack_count > 0:
                backtrack_count -= 1
                if backtrack_count == 0:
                    last_bracket = pos_index + 1
        elif c in "'\"":
            if not quote:
                ignore_matches = True
                backtrack_count = bracket_count
                bracket_count = 1
                start_quote = pos_index + 1
                quote = c
            elif c != quote and not alt_quote:
                start_alt_quote = pos_index + 1
                alt_quote = c
            elif c == quote:
                exit_quote = pos_index + 1
            elif alt_quote and c == alt_quote:
                exit_alt_quote = pos_index + 1
        pos_index += 1
        if bracket_count == 0:
            if exit_quote >= 0 and quote == last:
                href_end = start_quote - 1
            elif exit_alt_quote >= 0 and alt_quote == last:
                href_end = start_alt_quote - 1
            else:
                href_end = pos_index - 1
            break
        if c != " ":
            last = c
    if bracket_count != 0 and backtrack_count == 0:
        href_end = last_bracket - 1
        pos_index = last_bracket
        bracket_count = 0
    if bracket_count != 0 or href_end < start_index:
        return None
    return _unescape(raw[start_index:href_end]).strip(), pos_index, False


def _definitions(text: _Text) -> tuple[dict[str, tuple[str, int, int]], list[Link], set[int]]:
    """``[label]: target "title"`` definitions, by key (the last one wins, as in
    Python-Markdown); the same as links; and the rows they occupy (no inline links there)."""
    found: dict[str, tuple[str, int, int]] = {}
    links: list[Link] = []
    rows: set[int] = set()
    if "]:" not in text.masked:
        return found, links, rows
    for m in _REF_DEF_RE.finditer(text.masked):
        label = m.group("label")
        index = m.start("label") - 1
        if label.startswith("^") or text.in_raw_html(index):
            continue
        target = text.raw[m.start("target") : m.end("target")]
        target = target.lstrip("<").rstrip(">")  # as Python-Markdown does
        raw_label = text.raw[m.start("label") : m.end("label")]
        line_no, col = text.position(index)
        found[definition_key(raw_label)] = (target, line_no, col)
        links.append(Link(target, line_no, col, "definition", label=_display(raw_label)))
        # Up to its last character: the pattern may also take the next line's leading white
        # space (room for a title), which in the masked text can be a blanked code span's.
        end = m.start() + len(m.group(0).rstrip())
        rows.update(range(text.row(m.start()), text.row(max(end - 1, m.start())) + 1))
    return found, links, rows


def _footnote_labels(text: _Text) -> set[str]:
    labels: set[str] = set()
    if "[^" not in text.masked:
        return labels
    for row, line in enumerate(text.masked_lines):
        m = _FOOTNOTE_DEF_RE.match(line)
        if m and not text.in_raw_html(text.starts[row] + m.start(1)):
            labels.add(m.group(1))
    return labels


def _scan_links(
    text: _Text,
    definitions: dict[str, tuple[str, int, int]],
    footnotes: set[str],
    footnote_links: bool = True,
) -> list[Link]:
    """Inline links, images, reference links and HTML ``<a href>``, in reading order."""
    masked, raw = text.masked, text.raw
    links: list[Link] = []
    skip: set[int] = set()  # ``[`` of labels already read as part of a reference link
    pairs = _bracket_pairs(text)
    pos = 0
    while True:
        start = masked.find("[", pos)
        if start < 0:
            break
        pos = start + 1
        if start in skip or _escaped(masked, start) or text.in_raw_html(start):
            continue
        close = pairs.get(start, -1)
        if close < 0:
            continue
        inner = masked[start + 1 : close]
        is_image = start > 0 and masked[start - 1] == "!" and not _escaped(masked, start - 1)
        after = masked[close + 1 : close + 2]
        if (
            inner.startswith("^")
            and after == ":"
            and not masked[text.starts[text.row(start)] : start].strip(" \t")
        ):
            pos = close + 1
            continue  # a footnote's definition
        if not is_image and inner.startswith("^") and footnote_links and after != "(":
            # Python-Markdown reads footnotes first: `[^1]` is never a reference label.
            label = raw[start + 2 : close]
            line_no, col = text.position(start)
            links.append(Link("", line_no, col, "footnote", label, label in footnotes))
            pos = close + 1
            continue
        if not is_image and inner.startswith("^") and inner[1:] in footnotes:
            pos = close + 1
            continue
        if (
            not definitions
            and after not in ("(", "[")
            and not (after.isspace() and masked[close + 2 : close + 3] == "[")
        ):
            continue  # `[text]` alone, such as a task box: not a link (the common case)
        limit = text.block_end(start)
        first = start - 1 if is_image else start
        line_no, col = text.position(first)
        kind: LinkKind = "image" if is_image else "inline"
        if after == "(":
            dest = _link_destination(masked, raw, close + 1, limit)
            if dest is not None:
                shown = "" if is_image else _display(raw[start + 1 : close])
                links.append(Link(dest[0], line_no, col, kind, bracketed=dest[2], text=shown))
                # Images inside the link text (`[![img](a.png)](b.md)`) are links too.
                pos = start + 1 if "[" in inner else dest[1]
                continue
        ref = _REF_LABEL_RE.match(masked, close + 1, limit)
        if ref is not None and ref.group(1).startswith("^") and footnote_links:
            ref = None  # `[schema.json][^1]`: text, then a footnote
        if ref is not None:
            label_text = raw[ref.start(1) : ref.end(1)]
            label = label_text or raw[start + 1 : close]
            key = reference_key(label)
            spaced = ref.group(0)[:1] != "["
            followed_by_link = masked[ref.end() : ref.end() + 1] == "("
            if key in definitions:
                target = definitions[key][0]
                links.append(
                    Link(
                        target,
                        line_no,
                        col,
                        "reference",
                        label=_display(label),
                        text=_display(raw[start + 1 : close]),
                    )
                )
                skip.add(ref.start(1) - 1)
                pos = start + 1 if "[" in inner else ref.end()
                continue
            if not spaced and not followed_by_link and label.strip():
                links.append(
                    Link("", line_no, col, "reference", label=_display(label), defined=False)
                )
                skip.add(ref.start(1) - 1)
                pos = start + 1 if "[" in inner else ref.end()
                continue
        # Shortcut reference `[label]`: a link only when the label is defined.
        key = reference_key(raw[start + 1 : close])
        if key in definitions and not _is_task_box(masked, text, start, close):
            target = definitions[key][0]
            label = _display(raw[start + 1 : close])
            links.append(Link(target, line_no, col, "reference", label=label, text=label))
    if "<" in masked:
        for m in re.finditer(r"<a\s", masked, re.IGNORECASE):
            tag = _TAG_RE.match(masked, m.start())
            if tag is None:
                continue
            href = _attr(raw[tag.start("attrs") : tag.end("attrs")], "href")
            if href is not None:
                line_no, col = text.position(m.start())
                links.append(Link(href, line_no, col, "html"))
    return links


def _definition_use(
    definitions: list[Link], table: dict[str, tuple[str, int, int]], links: list[Link]
) -> list[Link]:
    """Mark definitions no reference link uses, or that a later one of the label overrides."""
    used = {reference_key(link.label) for link in links if link.kind == "reference"}
    # By position: a definition's label is shown with white space folded, but filed as written
    # (`[a\fb]: x` is filed under 'a\fb'); the one a later definition replaced is not in the table.
    at = {(line, column): key for key, (_, line, column) in table.items()}
    marked = []
    for d in definitions:
        key = at.get((d.line, d.column))
        overridden = key is None
        marked.append(
            dataclasses.replace(d, used=key in used and not overridden, overridden=overridden)
        )
    return marked


def _display(label: str) -> str:
    return " ".join(label.split())


def _is_task_box(masked: str, text: _Text, start: int, close: int) -> bool:
    """``[ ]`` / ``[x]`` right after a list marker is a task list checkbox."""
    if masked[start + 1 : close] not in (" ", "x", "X"):
        return False
    row = text.row(start)
    return bool(_TASK_RE.match(masked[text.starts[row] : start]))


def _attr(attrs: str, name: str) -> str | None:
    value = None
    for m in _ATTR_PAIR_RE.finditer(attrs):
        if m.group(1).lower() == name:
            value = html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
    return value


# --- Anchors -------------------------------------------------------------------------------


def _attr_id(attrs_string: str, *, strict: bool) -> str | None:
    """The id an ``attr_list`` string sets (the last one wins), as attr_list parses it."""
    attrs, remainder = get_attrs_and_remainder(attrs_string)
    if strict and remainder:
        return None
    found = None
    for key, value in attrs:
        if key == "id" and value:
            found = value
    # `{#\_fn_1}`: the backslash is a Markdown escape, the id is `_fn_1`.
    return _unescape(found) if found and "\\" in found else found


_FENCE_ID_RE = re.compile(r"\{[^}]*?#([^\s}]+)[^}]*\}")
_LINENUMS_RE = re.compile(r"""linenums=["']?(\d+)""")


def _code_ids(text: _Text, line_anchors: bool) -> set[str]:
    """Ids of fenced code blocks (``{ .sh #example }``) and, with pymdownx.highlight's
    ``anchor_linenums``, their line anchors ``__codelineno-BLOCK-LINE`` (BLOCK: the block's id
    or its number on the page)."""
    ids: set[str] = set()
    lines, fenced = text.lines, text.fenced
    row, block, n = 0, 0, len(lines)
    while row < n:
        if not fenced[row]:
            row += 1
            continue
        m = _FENCE_OPEN_RE.match(lines[row])
        fence = m.group("fence") if m else ""
        end = row + 1
        while end < n and fenced[end] and lines[end].lstrip("> \t").rstrip(" \t") != fence:
            end += 1
        info = m.group("info") if m else ""
        own = _FENCE_ID_RE.search(info)
        if own:
            ids.add(own.group(1))
        if line_anchors:
            first = _LINENUMS_RE.search(info)
            start = int(first.group(1)) if first else 1
            prefix = own.group(1) if own else str(block)
            ids.update(f"__codelineno-{prefix}-{start + i}" for i in range(end - row - 1))
        block += 1
        row = end + 1
    return ids


def _heading_attrs(text: str) -> tuple[str, str | None]:
    """Split a trailing ``{: #id .class}`` off a heading: its text and the id it sets."""
    m = _HEADER_ATTR_RE.search(text) if "{" in text else None
    if m is None:
        return text, None
    if get_attrs_and_remainder(m.group(1))[1]:
        return text, None  # `{...} }`: not an attribute list
    return text[: m.start()].rstrip("#").rstrip(), _attr_id(m.group(1), strict=True)


_CODE_SPAN_RE = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
# `[text](url)` and `[text][label]`, and the same with `!` for images (alt text is dropped).
_INLINE_LINK_TEXT_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REFERENCE_TEXT_RE = re.compile(r"!?\[(?P<text>[^\]]*)\]\[(?P<label>[^\]]*)\]")
_HTML_INLINE_RE = re.compile(r"<(?:/?[a-zA-Z][^>]*|!--.*?--)>")
_UNDERSCORE_EM_RE = re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_STAR_RE = re.compile(r"\*+")
# Characters that start something heading_text rewrites (code, escape, link, HTML, emphasis,
# entity); a heading without any of them is its own plain text.
_HEADING_MARKUP_RE = re.compile(r"[`\\\[<_*&]")
_PLACEHOLDER = "\x02{}\x03"


def heading_text(
    raw: str,
    footnotes: Collection[str] = (),
    references: Collection[str] | None = None,
    emoji: bool = False,
) -> str:
    """The plain text of a heading as Python-Markdown's toc extension slugifies it.

    Args:
        raw: The heading as written, without ``#`` marks and attribute list.
        footnotes: Defined footnote labels (their ``[^label]`` references are left out).
        references: Keys of the defined ``[label]: target`` definitions; a ``[text][label]``
            with another label stays as written. None: every reference counts as defined.
        emoji: pymdownx.emoji is enabled: ``:rocket:`` shortcodes are images, not words.
    """
    if emoji and ":" in raw:
        raw = _EMOJI_RE.sub("", raw)
    if _HEADING_MARKUP_RE.search(raw) is None:
        return " ".join(raw.split())  # plain words: nothing below would change them
    codes: list[str] = []

    def keep_code(m: re.Match[str]) -> str:
        codes.append(m.group(2).strip())
        return _PLACEHOLDER.format(len(codes) - 1)

    text = _CODE_SPAN_RE.sub(keep_code, raw)

    def keep_escape(m: re.Match[str]) -> str:
        codes.append(m.group(1))
        return _PLACEHOLDER.format(len(codes) - 1)

    text = re.sub(r"\\([" + re.escape(_ESCAPABLE) + r"])", keep_escape, text)
    text = _FOOTNOTE_REF_RE.sub(lambda m: "" if m.group(1) in footnotes else m.group(0), text)

    def reference_text(m: re.Match[str]) -> str:
        label = m.group("label") or m.group("text")
        if references is not None and reference_key(label) not in references:
            return m.group(0)  # undefined: Python-Markdown leaves it as written
        return m.group("text") if m.group(0)[0] == "[" else ""

    # Inline links first: an undefined `[^1][a]` must not swallow the link `[a](x.md)`.
    text = _INLINE_LINK_TEXT_RE.sub(lambda m: m.group(1) if m.group(0)[0] == "[" else "", text)
    text = _REFERENCE_TEXT_RE.sub(reference_text, text)
    text = _HTML_INLINE_RE.sub("", text)
    text = _UNDERSCORE_EM_RE.sub(lambda m: m.group(2), text)
    text = _STAR_RE.sub("", text)
    text = html.unescape(text)
    text = re.sub("\x02(\\d+)\x03", lambda m: codes[int(m.group(1))], text)
    return " ".join(text.split())


def _atx_match(line: str) -> re.Match[str] | None:
    """The ATX heading on a line (Python-Markdown needs no space after the ``#``)."""
    m = _ATX_RE.match(line)
    if m is None or _indent(m.group("ws")) % 4:
        return None
    return m


def _atx(line: str) -> int | None:
    """Level of an ATX heading line."""
    m = _atx_match(line)
    return None if m is None else len(m.group("hashes"))


def _atx_text(m: re.Match[str] | None) -> str:
    """The text of an ATX heading line (its ``_ATX_RE`` match), without its ``#`` marks and
    closing hashes."""
    if m is None:
        return ""
    stripped = m.group("rest").rstrip()
    body = stripped.rstrip("#")
    if body.endswith("\\") and body != stripped:
        body += "#"  # an escaped closing hash is text
    return body.strip()


def _heading(text: _Text, row: int, block_start: bool) -> tuple[int, str, str | None, bool] | None:
    """The heading on a row that is not fenced, blank or raw HTML: its level, text as
    written, own ``{#id}``, and whether it is an ATX heading; None if the row holds none.

    ``block_start``: a Markdown block may begin on this row (where a setext heading may).
    """
    masked = text.masked_lines
    line = masked[row]
    start = text.starts[row]
    atx = _atx_match(line) if "#" in line else None
    if atx is not None:
        # The text is read with code spans in it; where there are none, the line is the same.
        source = text.nocomment[start : start + len(line)]
        m = atx if source == line else _ATX_RE.match(source)
        raw, own_id = _heading_attrs(_atx_text(m))
        return len(atx.group("hashes")), raw, own_id, True
    below = masked[row + 1] if row + 1 < len(masked) else ""
    if (
        block_start
        and below.lstrip()[:1] in ("=", "-")
        and not text.fenced[row + 1]
        and _SETEXT_RE.match(below)
        and _setext_underline(below, _indent(line[: len(line) - len(line.lstrip())]))
        and not _CONTAINER_RE.match(line)
        and not _BLOCK_TAG_RE.match(line)
    ):
        raw, own_id = _heading_attrs(text.nocomment[start : start + len(line)].strip())
        return 1 if "=" in below else 2, raw, own_id, False
    return None


def _starts_block_after(text: _Text, row: int) -> bool:
    """Whether a Markdown block may begin on the row after ``row``: after a blank line, an ATX
    heading or a container's first line (``!!! note``, ``=== "Tab"``)."""
    line = text.masked_lines[row]
    if text.fenced[row]:
        return False
    content = line.lstrip()
    if not content:
        return True
    if text.in_raw_html(text.starts[row] + len(line) - len(content)):
        return False
    return bool(_CONTAINER_RE.match(line)) or ("#" in line and _atx(line) is not None)


# A line that could underline the one above it (as _SETEXT_RE). Starting with a literal
# newline lets the regex engine skip from line to line.
_UNDERLINE_HINT_RE = re.compile(r"\n[ \t]*(?:=+|-+)[ ]*(?=\n|$)")


def _headings(
    text: _Text, footnotes: set[str], references: set[str], emoji: bool = False
) -> list[Heading]:
    """Only the headings, with their text and line (no ids): what a build needs.

    A heading needs a ``#`` on its line or an underline below it, so only those rows are read;
    every decision is the one ``_scan_anchors`` makes for the same row.
    """
    masked = text.masked
    # The rows above an underline: only they may hold a setext heading.
    underlined = {text.row(m.start()) for m in _UNDERLINE_HINT_RE.finditer(masked)}
    out: list[Heading] = []
    for row in sorted(underlined.union(_rows_holding(masked, text.starts, "#"))):
        line = text.masked_lines[row]
        content = line.lstrip()
        if text.fenced[row] or not content:
            continue
        if text.in_raw_html(text.starts[row] + len(line) - len(content)):
            continue
        block_start = row in underlined and (row == 0 or _starts_block_after(text, row - 1))
        found = _heading(text, row, block_start)
        if found is not None:
            level, raw, _own_id, _atx_heading = found
            plain = heading_text(raw, footnotes, references, emoji)
            out.append(Heading(level, plain, row + 1 + text.line_offset, ""))
    return out


def _scan_anchors(
    text: _Text,
    slugify: Slugify,
    separator: str,
    footnotes: set[str],
    references: set[str],
    emoji: bool = False,
    tab_slugs: TabSlugs | None = None,
    line_anchors: bool = False,
    blocks: bool = False,
) -> tuple[list[Heading], set[str]]:
    """Headings with the ids Python-Markdown's toc will give them, and every other id."""
    titled: list[tuple[int, str]] = []  # content tabs (row, title) when tabs have slugs
    open_blocks: list[str] = []  # pymdownx.blocks ('/// name') the line is inside
    block_options = _block_option_rows(text) if blocks and "///" in text.raw else set()
    tree_ids: set[str] = set()  # ids in the element tree before toc runs: they make slugs unique
    html_ids: set[str] = set()  # ids in raw HTML (MkDocs reads them; toc does not see them)
    headings: list[tuple[int, str, int, str | None]] = []  # level, text, row, own id
    masked = text.masked_lines
    tabs = _TabSets()
    block_start = True  # the line starts a Markdown block (where a setext heading may begin)
    n = len(masked)
    for row in range(n):
        line = masked[row]
        if text.fenced[row]:
            block_start = False
            continue
        content = line.lstrip()
        if not content:
            block_start = True
            continue
        indent = _indent(line[: len(line) - len(content)])
        start = text.starts[row]
        if text.in_raw_html(start + len(line) - len(content)):
            tabs.other(indent)
            block_start = False
            continue
        if blocks and content.startswith("///"):
            _block_line(text, row, content, indent, open_blocks, tabs, tree_ids, titled, tab_slugs)
            block_start = True
            continue
        if open_blocks and (not content or row in block_options):
            continue
        if (
            "#" not in line
            and not (block_start and row + 1 < n and masked[row + 1].lstrip()[:1] in ("=", "-"))
            and "{" not in line
            and "===" not in line
            and "[^" not in line
        ):
            # Most lines are plain text: no heading ('#' or an underline next), tab, footnote
            # or attribute list. Same state change as the full path.
            if not open_blocks:  # inside a '/// tab' block, text does not end the tab set
                tabs.other(indent)
            block_start = bool(_CONTAINER_RE.match(line))
            continue
        t = _TAB_RE.match(line)
        if t:
            tab_id = tabs.tab(indent, "!" in (t.group("special") or ""))
            if tab_slugs is None:
                tree_ids.add(tab_id)
            else:  # pymdownx.tabbed's `slugify`: ids from titles, after toc has run
                titled.append((row, t.group("title")))
        elif not open_blocks:
            tabs.other(indent)
        f = _FOOTNOTE_DEF_RE.match(line)
        if f:
            tree_ids.add(f"fn:{f.group(1)}")
        found = _heading(text, row, block_start)
        if found is not None:
            level, raw, own_id, _atx_heading = found
            if own_id:
                tree_ids.add(own_id)
            headings.append((level, raw, row, own_id))
        else:
            _attribute_ids(text, row, text.nocomment[start : start + len(line)], tree_ids)
        block_start = (found is not None and found[3]) or bool(_CONTAINER_RE.match(line))
    _footnote_ref_ids(text, footnotes, tree_ids)
    _html_ids(text, tree_ids, html_ids)
    if "```" in text.raw or "~~~" in text.raw:
        html_ids |= _code_ids(text, line_anchors)  # stashed HTML: toc does not see them
    used = set(tree_ids)
    counters: dict[str, int] = {}
    out: list[Heading] = []
    for level, raw, row, own_id in headings:
        plain = heading_text(raw, footnotes, references, emoji)
        anchor = own_id or _unique(slugify(plain, separator), used, counters)
        used.add(anchor)
        out.append(Heading(level, plain, row + 1 + text.line_offset, anchor))
    if tab_slugs is not None and titled:
        tab_slugify, tab_separator, combine = tab_slugs
        for row, title in titled:
            slug = tab_slugify(heading_text(title, footnotes, references, emoji), tab_separator)
            if combine:
                # tabbed looks for the heading among the tab set's earlier siblings (and its
                # ancestors'): for a top-level tab set, top-level headings only.
                above = [
                    h.anchor
                    for h in out
                    if h.line <= row + text.line_offset
                    and masked[h.line - 1 - text.line_offset][:1] not in (" ", "\t", ">")
                ]
                if above:
                    slug = above[-1] + tab_separator + slug
            used.add(_unique(slug, used, counters))
    return out, used | html_ids


_IDCOUNT_RE = re.compile(r"^(.*)_([0-9]+)$")


def _unique(anchor: str, ids: set[str], counters: dict[str, int]) -> str:
    """Python-Markdown's ``toc.unique``: append ``_1``, ``_2``… to a taken (or empty) id.

    ``counters`` remembers, per base id, how many suffixes are known to be taken, so a page
    with thousands of equal headings stays linear (as toc itself does since Markdown 3.8).
    """
    if anchor in ids or not anchor:
        m = _IDCOUNT_RE.match(anchor)
        base, count = (m.group(1), int(m.group(2))) if m else (anchor, 0)
        known = counters.get(base, 0)
        skip = count <= known or anchor == f"{base}_{known + 1}"
        if skip:
            count = max(count, known)
        count += 1
        while f"{base}_{count}" in ids:
            count += 1
        anchor = f"{base}_{count}"
        if skip:
            counters[base] = count
    ids.add(anchor)
    return anchor


def _setext_underline(line: str, text_indent: int) -> bool:
    """An underline starts where its block does; the text above may be indented up to 3 more."""
    under = _indent(line[: len(line) - len(line.lstrip())])
    return under % 4 == 0 and under <= text_indent < under + 4


_BLOCK_OPEN_RE = re.compile(
    r"^/{3,}[ \t]*(?P<name>[\w.-]+)?[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$"
)
_BLOCK_ID_RE = re.compile(r"""^[ \t]+attrs:[ \t]*\{[^}]*?\bid:[ \t]*["']?([^"',}\s]+)""")
_BLOCK_NEW_RE = re.compile(r"^[ \t]+new:[ \t]*true[ \t]*$", re.IGNORECASE)


def _block_option_rows(text: _Text) -> set[int]:
    """Rows of the indented YAML options right after a ``/// name`` line."""
    rows: set[int] = set()
    lines = text.masked_lines
    for row, line in enumerate(lines):
        if line.lstrip().startswith("///") and not text.fenced[row]:
            nxt = row + 1
            while nxt < len(lines) and lines[nxt][:1] in (" ", "\t") and lines[nxt].strip():
                rows.add(nxt)
                nxt += 1
    return rows


def _block_line(
    text: _Text,
    row: int,
    content: str,
    indent: int,
    open_blocks: list[str],
    tabs: _TabSets,
    tree_ids: set[str],
    titled: list[tuple[int, str]],
    tab_slugs: TabSlugs | None,
) -> None:
    """A pymdownx.blocks line: opens a block (a tab joins its set), or closes the last one."""
    m = _BLOCK_OPEN_RE.match(content)
    if m is None:
        return
    if m.group("name") is None:  # '///' alone closes the innermost block
        if open_blocks:
            open_blocks.pop()
        return
    name = m.group("name")
    options: list[str] = []
    nxt = row + 1
    lines = text.masked_lines
    while nxt < len(lines) and lines[nxt][:1] in (" ", "\t") and lines[nxt].strip():
        options.append(lines[nxt])
        nxt += 1
    for option in options:
        own = _BLOCK_ID_RE.match(option)
        if own:
            tree_ids.add(own.group(1))
    if name == "tab":
        new = any(_BLOCK_NEW_RE.match(o) for o in options)
        tab_id = tabs.tab(indent, new)
        if tab_slugs is None:
            tree_ids.add(tab_id)
        else:
            titled.append((row, m.group("title") or ""))
    elif not open_blocks:
        tabs.other(indent)
    open_blocks.append(name)


class _TabSets:
    """Numbers content tabs like pymdownx.tabbed: ``__tabbed_SET_TAB``.

    Sets are numbered in reading order; a tab continues the set of the tab before it at the same
    indentation unless another block came between them (or it is written ``===!``).
    """

    def __init__(self) -> None:
        self.sets = 0
        self.open: list[tuple[int, int, int]] = []  # (indent, set number, tabs so far)

    def tab(self, indent: int, new: bool) -> str:
        while self.open and self.open[-1][0] > indent:
            self.open.pop()
        if self.open and self.open[-1][0] == indent:
            _, number, count = self.open.pop()
            if new:
                self.sets += 1
                number, count = self.sets, 0
        else:
            self.sets += 1
            number, count = self.sets, 0
        self.open.append((indent, number, count + 1))
        return f"__tabbed_{number}_{count + 1}"

    def other(self, indent: int) -> None:
        """A line that is not a tab: sets at its indentation or deeper have ended."""
        while self.open and self.open[-1][0] >= indent:
            self.open.pop()


def _attribute_ids(text: _Text, row: int, source: str, ids: set[str]) -> None:
    """Ids set by ``attr_list`` on paragraphs, list items, table cells and inline elements.

    Where attr_list applies them: alone on the last line of a paragraph (not its first line),
    at the end of a table cell after a space, or right after an inline element
    (`` `code`{#id} ``, ``[link](x.md){#id}``). The masked line (code blanked) is searched;
    ``source`` keeps code, to see what the list follows.
    """
    line = text.masked_lines[row]
    if "{" not in line:
        return
    for m in _ATTR_RE.finditer(line):
        before = source[: m.start()]
        after = line[m.end() :].strip()
        if not before.strip() and not after:
            above = text.masked_lines[row - 1] if row else ""
            if not above.strip():
                continue  # a paragraph of its own: text, not an attribute list
            found = _attr_id(m.group(1), strict=True)
        elif before[-1:] in " \t" and after[:1] == "|" and "|" in before:
            found = _attr_id(m.group(1), strict=True)  # table cell
        elif before[-1:] in _INLINE_ATTR_AFTER:
            found = _attr_id(m.group(1), strict=False)
        else:
            continue
        if found:
            ids.add(found)


def _footnote_ref_ids(text: _Text, footnotes: set[str], ids: set[str]) -> None:
    """``fnref:label`` for the first reference to a footnote, ``fnref2:label`` and on after."""
    if not footnotes:
        return
    seen: dict[str, int] = {}
    for m in _FOOTNOTE_REF_RE.finditer(text.masked):
        label = m.group(1)
        if label not in footnotes or text.masked[m.end() : m.end() + 1] == ":":
            continue  # `[^label]:` starts the footnote's definition
        if text.in_raw_html(m.start()) or _escaped(text.masked, m.start()):
            continue
        seen[label] = seen.get(label, 0) + 1
        count = seen[label]
        ids.add(f"fnref:{label}" if count == 1 else f"fnref{count}:{label}")


def _html_ids(text: _Text, tree_ids: set[str], html_ids: set[str]) -> None:
    """Ids in HTML tags, as MkDocs reads them from the page source (code spans included)."""
    source = text.nocomment
    if "<" not in source:
        return
    for m in _TAG_RE.finditer(source):
        if m.group("close"):
            continue
        attrs = m.group("attrs")
        if not attrs:
            continue
        name = m.group("name").lower()
        found = _attr(attrs, "id")
        if name == "a":
            anchor_name = _attr(attrs, "name")
            if anchor_name:
                html_ids.add(anchor_name)
        if found:
            # md_in_html elements are part of the element tree, so toc sees their ids.
            (tree_ids if _markdown_attr(attrs) else html_ids).add(found)


# --- Suppression markers --------------------------------------------------------------------


def _markers(text: _Text) -> list[tuple[int, int, re.Match[str]]]:
    """Markers outside code: (start, end, match)."""
    found = []
    for start, end in text.comments:
        m = _MARKER_RE.fullmatch(text.raw, start, end)
        if m is not None:
            found.append((start, end, m))
    return found


def _scan_suppressions(text: _Text) -> list[Suppression]:
    out: list[Suppression] = []
    lines = text.lines
    for start, end, m in _markers(text):
        row = text.row(start)
        end_row = text.row(end - 1)
        column = start - text.starts[row] + 1
        codes = tuple(c for c in re.split(r"[\s,]+", m.group("codes").strip()) if c)
        reason = " ".join((m.group("reason") or "").split())
        alone = not (
            lines[row][: column - 1].strip() or lines[end_row][end - text.starts[end_row] :].strip()
        )
        target = end_row
        if alone:
            target = end_row + 1
            while target < len(lines) and not lines[target].strip():
                target += 1
        off = text.line_offset
        out.append(Suppression(row + 1 + off, column, target + 1 + off, codes, reason))
    return out


def strip_markers(markdown: str) -> str:
    """Remove ``careerkit-ignore`` markers so they never reach the HTML.

    A marker shown in code stays. A marker alone on its line(s) is cut out with its line, so it
    does not split a paragraph, a list or a table; its line breaks are put back at the next
    blank line outside code, so every line after that paragraph keeps its number.
    """
    if IGNORE_MARKER not in markdown:
        return markdown
    text = _Text(markdown, 0)
    markers = _markers(text)
    if not markers:
        return markdown
    src, lines = text.raw, text.lines
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    cut_rows: set[int] = set()
    moved: list[tuple[int, int]] = []  # (last row cut, line breaks to put back)
    for start, end, _m in markers:
        row, end_row = text.row(start), text.row(end - 1)
        before = lines[row][: start - text.starts[row]]
        after = lines[end_row][end - text.starts[end_row] :]
        if not before.strip() and not after.strip() and end_row + 1 < len(lines):
            edits.append((text.starts[row], text.starts[end_row + 1], ""))
            cut_rows.update(range(row, end_row + 1))
            moved.append((end_row, end_row - row + 1))
        else:
            edits.append((start, end, "\n" * src.count("\n", start, end)))
    for last_cut, breaks in moved:
        row = last_cut + 1
        while row < len(lines) and (lines[row].strip() or text.fenced[row] or row in cut_rows):
            row += 1
        at = text.starts[row] if row < len(lines) else len(src)
        edits.append((at, at, "\n" * breaks))
    edits.sort(key=lambda e: (e[0], e[1]))
    parts: list[str] = []
    last = 0
    for start, end, replacement in edits:
        parts.append(src[last:start])
        parts.append(replacement)
        last = end
    parts.append(src[last:])
    return "".join(parts)


# --- Entry point ---------------------------------------------------------------------------


def scan_page(
    markdown: str,
    *,
    line_offset: int = 0,
    slugify: Slugify = default_slugify,
    separator: str = "-",
    estimate_anchors: bool = True,
    footnote_links: bool = True,
    emoji: bool = False,
    tab_slugs: TabSlugs | None = None,
    line_anchors: bool = False,
    blocks: bool = False,
) -> PageScan:
    """Scan one page's Markdown body.

    Args:
        markdown: The page body, front matter already removed.
        line_offset: How many lines of the file come before ``markdown`` (the front matter).
        slugify: The ``toc`` extension's slugify function, as configured for the site.
        separator: The ``toc`` separator.
        estimate_anchors: Work out the ids the page will have (``careerkit check``); a build
            passes False and reads the real ids from the rendered page instead.
        footnote_links: The site enables footnotes: ``[^label]`` is a footnote reference.
        emoji: The site enables pymdownx.emoji: ``:shortcode:`` adds nothing to a slug.
        tab_slugs: pymdownx.tabbed's ``slugify``, ``separator`` and ``combine_header_slug``
            when tab ids come from titles; None for ``__tabbed_SET_TAB`` ids.
        line_anchors: pymdownx.highlight's ``anchor_linenums``: code lines have ids.
        blocks: pymdownx.blocks are enabled: ``/// tab | Title`` is a content tab and a
            block's ``attrs: {id: …}`` sets an id.

    Returns:
        Everything the cross-reference checks need to know about the page.
    """
    text = _Text(markdown, line_offset)
    definitions, definition_links, definition_rows = _definitions(text)
    text.consume(definition_rows)
    footnotes = _footnote_labels(text)
    links = _scan_links(text, definitions, footnotes, footnote_links)
    if definition_links:
        definition_links = _definition_use(definition_links, definitions, links)
    links = sorted([*links, *definition_links], key=lambda link: (link.line, link.column))
    if estimate_anchors:
        headings, anchors = _scan_anchors(
            text,
            slugify,
            separator,
            footnotes,
            set(definitions),
            emoji,
            tab_slugs,
            line_anchors,
            blocks,
        )
    else:
        headings, anchors = _headings(text, footnotes, set(definitions), emoji), set()
    return PageScan(
        links=tuple(links),
        headings=tuple(headings),
        anchors=frozenset(anchors),
        suppressions=tuple(_scan_suppressions(text)),
        swallowed=tuple(
            swallowed_lists(
                text.lines,
                text.masked_lines,
                opaque=_raw_rows(text),
                fenced=text.fenced,
                spans=_span_rows(text, definition_rows),
                line_offset=line_offset,
            )
        ),
    )


def _span_rows(text: _Text, definitions: set[int]) -> set[int]:
    """Rows blanked only because a code span covers them whole."""
    if not text.code_spans:
        return set()  # then the rows blanked are indented code or link definitions
    kept = text.nocomment.split("\n")  # code spans and indented code still there
    return {
        row
        for row, line in enumerate(text.masked_lines)
        if not line.strip()
        and kept[row].strip()
        and not text.indented[row]
        and row not in definitions
    }


def _raw_rows(text: _Text) -> set[int]:
    """Rows that start inside a raw HTML block."""
    rows: set[int] = set()
    for start, end in text.raw_ranges:
        rows.update(range(text.row(start), text.row(max(start, end - 1)) + 1))
    return rows
