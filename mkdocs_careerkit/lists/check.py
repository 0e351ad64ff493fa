"""The list that isn't a list: list items Python-Markdown swallows into the paragraph above.

CommonMark (GitHub, most editors' previews) lets a list start right after a paragraph line;
Python-Markdown needs a blank line first, and otherwise renders the items as text of the
paragraph, with their literal ``- `` dashes. This module finds where that happens. Pure: it reads
the lines of a page as the scanner masked them (code, comments and link definitions blanked).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Collection, Sequence

from markdown.util import BLOCK_LEVEL_ELEMENTS

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding

# Block quote markers, then the indentation of the content.
_QUOTE_RE = re.compile(r"^(?:[ ]{0,3}>[ ]?)*")
# An item that may interrupt a paragraph in CommonMark *and* that Python-Markdown makes a list
# item with a blank line before it: a bullet or `1.`, one or more spaces (Python-Markdown does
# not accept a tab), then some text (an empty item cannot interrupt a paragraph).
_ITEM_RE = re.compile(r"(?P<marker>[-*+]|0*1\.)(?P<space>[ ]+)(?P<text>\S.*)$")
# Lines after which Python-Markdown starts a new block, even without a blank line: headings,
# rules (and setext underlines), containers (admonitions, details, tabs, blocks), block-level
# HTML tags at the start of a line.
_BREAK_RE = re.compile(
    r"^(?:#{1,6}(?:[ \t]|$)|(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$|!!!|\?\?\?|===|///)"
)
_TAG_RE = re.compile(r"^</?([A-Za-z][A-Za-z0-9-]*)")
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
# Where no paragraph starts: a list item (its block is a list), a table row, a footnote or
# abbreviation definition, a math or snippet block, a definition-list detail.
_NOT_PARAGRAPH_RE = re.compile(
    r"^(?:[-*+][ \t]|\d+[.)](?:[ \t]|$)|[-*+]$|\||\[\^[^\]\n]*\]:|\*\[|\$\$|-{2,}8<|:[ \t]|\{:?)"
)
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:")
_TABLE_RULE_RE = re.compile(r"^\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*$")
_QUOTE_LENGTH = 40


@dataclasses.dataclass(frozen=True)
class SwallowedList:
    """A list item that Python-Markdown renders as text of the paragraph above it.

    Attributes:
        line: 1-based line of the item in the file.
        column: 1-based column of its marker (``-``, ``*``, ``+`` or ``1.``).
        item: The item's line as written, from its marker on.
    """

    line: int
    column: int
    item: str


_BREAK_FIRST = frozenset("#*-_!?=/<")
_RULE_CHARACTERS = "*-_"
_NOT_PARAGRAPH_FIRST = frozenset("-*+0123456789|[$:{")
# How an item (_ITEM_RE) starts: a bullet and a space, or the 0 or 1 of `1.`.
_ITEM_START = ("- ", "* ", "+ ", "0", "1")


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) if "\t" in text else len(text)


def _is_block_tag(content: str) -> bool:
    tag = _TAG_RE.match(content)
    return tag is not None and tag.group(1).lower() in _BLOCK_TAGS


def swallowed_lists(
    lines: Sequence[str],
    masked: Sequence[str],
    *,
    opaque: Collection[int] = (),
    fenced: Sequence[bool] = (),
    spans: Collection[int] = (),
    line_offset: int = 0,
) -> list[SwallowedList]:
    """The first swallowed item of each paragraph that swallows one.

    Args:
        lines: The page body's lines as written.
        masked: The same lines with code, comments and link definitions blanked (the scanner's
            ``masked_lines``): a blanked line ends a paragraph, as those do in Python-Markdown.
        opaque: Rows of raw HTML blocks, where Markdown is not read.
        fenced: Which rows are fenced code: superfences stashes them, so the paragraph or list
            around them goes on.
        spans: Rows wholly inside a code span (which may run over lines): text of the
            paragraph or list around them.
        line_offset: Lines of the file before ``lines`` (the front matter).
    """
    found: list[SwallowedList] = []
    if line_offset == 0 and lines and lines[0].rstrip() == "---":
        # Front matter MkDocs could not read stays in the page: it is reported as such
        # (page.bad-front-matter), and its YAML lists are no Markdown lists.
        end = next((r for r in range(1, len(lines)) if lines[r].rstrip() in ("---", "...")), 0)
        opaque = {*opaque, *range(end + 1)}
    # Stashed by superfences, or code: the block goes on around these rows.
    passed = {*spans, *itertools.compress(range(len(fenced)), fenced)}
    # Indentation of the paragraph's first line; -1 between blocks, -2 in a block that is not a
    # paragraph (a list, a table, …).
    base = -1
    done = False  # this paragraph was reported already
    seen_rule = False  # the block is a table: its rows are no paragraph
    depth = 0  # block quote depth of the paragraph
    code_from = -1  # indentation from which the next block is code (-1: no such rule)
    # A row past the end of ``masked`` shows nothing.
    for row, (line, shown) in enumerate(
        zip(lines, itertools.chain(masked, itertools.repeat("")), strict=False)
    ):
        if row in passed:
            continue
        if not shown or shown.isspace() or row in opaque:
            if base == -2 and _DEFINITION_RE.match(line):
                continue  # a list goes on past a link definition; a paragraph does not
            base, done, seen_rule = -1, False, False
            # After a definition or a comment taken out of the text, a line indented four
            # more starts a block of indented code.
            bare = line.lstrip(" \t")
            code_from = _indent(line[: len(line) - len(bare)]) + 4 if bare else -1
            continue
        quotes = 0
        body = line
        content = line.lstrip(" \t")
        # A block quote marker may follow spaces (not a tab).
        if content[:1] == ">" and line.lstrip(" ")[:1] == ">":
            quote = _QUOTE_RE.match(line)
            if quote is not None:
                body = line[quote.end() :]
                quotes = quote.group(0).count(">")
                content = body.lstrip(" \t")
        if base >= 0 and quotes > depth:
            base = -1  # a deeper block quote starts a block of its own (a list item goes on)
        if not content:
            # An empty line of a block quote ends the paragraph in it, as a blank line does.
            base, done, seen_rule, code_from = -1, False, False, -1
            continue
        start = len(line) - len(content)
        if shown[start].isspace():
            # The line starts inside a code span or a comment: text of the paragraph.
            continue
        # Most lines are prose: only their first character can make them anything else.
        first = content[0]
        if (
            first in _BREAK_FIRST
            # A rule holds its character and spaces only: most `-` and `*` lines are not rules.
            and (first not in _RULE_CHARACTERS or not content.strip(first + " "))
            and (_BREAK_RE.match(content) or (first == "<" and _is_block_tag(content)))
        ):
            base, done, seen_rule = -1, False, False  # the next line starts a new block
            # Then code starts four deeper than the block's content (a container's is indented).
            code_from = _indent(body[: len(body) - len(content)]) + (8 if first in "!?=/" else 4)
            continue
        if base == -1:
            indent = _indent(body[: len(body) - len(content)])
            if (first in _NOT_PARAGRAPH_FIRST and _NOT_PARAGRAPH_RE.match(content)) or (
                0 <= code_from <= indent
            ):
                base, done, seen_rule = -2, False, False  # a list, table, code: no paragraph
            else:
                base = indent
            depth, code_from = quotes, -1
            continue
        if base == -2 or done:
            continue
        if first in "|:-" and "|" in content and _TABLE_RULE_RE.match(content):
            seen_rule = True
        if seen_rule or not content.startswith(_ITEM_START) or _ITEM_RE.match(content) is None:
            continue
        if 0 <= _indent(body[: len(body) - len(content)]) - base <= 3:
            found.append(SwallowedList(row + 1 + line_offset, start + 1, content.rstrip()))
            done = True
    return found


def swallowed_list_findings(page: str, swallowed: Sequence[SwallowedList]) -> list[Finding]:
    """One ``markdown.swallowed-list`` finding per swallowed list of a page."""
    out = []
    for s in swallowed:
        quoted = s.item if len(s.item) <= _QUOTE_LENGTH else s.item[: _QUOTE_LENGTH - 1] + "…"
        out.append(
            Finding(
                page,
                s.line,
                s.column,
                "markdown.swallowed-list",
                default_severity("markdown.swallowed-list"),
                f"'{quoted}' follows a paragraph line directly: Python-Markdown renders it as "
                "text of the paragraph, not as a list item (GitHub shows a list)",
                "add a blank line before the list",
            )
        )
    return out
