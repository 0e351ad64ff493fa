"""Read one Markdown page and list its links, headings, anchors and suppression markers.

Pure: text in, frozen dataclasses out, every position as the author sees it in the file
(1-based line and column, front matter included through ``line_offset``). Code blocks,
code spans and HTML comments are masked first, so links inside them do not count.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Literal

from markdown.extensions.toc import slugify as default_slugify
from markdown.extensions.toc import unique

Slugify = Callable[[str, str], str]
LinkKind = Literal["inline", "image", "reference", "definition", "html"]

IGNORE_MARKER = "careerkit-ignore"


@dataclasses.dataclass(frozen=True)
class Link:
    """A link as written in the source.

    Attributes:
        target: The destination as written (for a reference, its definition's destination).
        line: 1-based line of the link in the file.
        column: 1-based column of the link's first character (``[``, ``!`` or ``<``).
        kind: How the link is written.
        label: The reference label for reference links and definitions.
        defined: False for a reference link whose definition is missing.
    """

    target: str
    line: int
    column: int
    kind: LinkKind
    label: str = ""
    defined: bool = True


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


_FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
_ATX_RE = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t]*$|^[ \t]*(#{1,6})[ \t]*$")
_ATTR_ID_RE = re.compile(r"\{:?[^}\n]*?#([\w.:-]+)[^}\n]*\}")
_TRAILING_ATTR_RE = re.compile(r"[ \t]*\{:?[^}\n]*\}[ \t]*$")
_SETEXT_RE = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
_HTML_ID_RE = re.compile(r"<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*[\"']([^\"']+)[\"']")
_HTML_HREF_RE = re.compile(r"<a\s[^>]*?href\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_REF_DEF_RE = re.compile(r"^[ \t]*\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)")
_FOOTNOTE_DEF_RE = re.compile(r"^[ \t]*\[\^([^\]\n]+)\]:")
_TAB_RE = re.compile(r"^([ \t]*)===[!+]?[ \t]+[\"']")
_MARKER_RE = re.compile(
    r"<!--\s*" + IGNORE_MARKER + r"\b(?P<codes>[^:>]*?)(?::(?P<reason>.*?))?\s*-->", re.DOTALL
)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_INLINE_MARKUP_RE = re.compile(r"(\*\*|__|\*|_|~~|==|\^\^|`)")
_INLINE_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]")
_TAG_RE = re.compile(r"<[^>]+>")


def normalise_label(label: str) -> str:
    """Reference labels match case-insensitively with runs of white space folded."""
    return " ".join(label.split()).casefold()


def heading_text(raw: str) -> str:
    """The plain text of a heading as Python-Markdown's toc extension slugifies it."""
    text = _TRAILING_ATTR_RE.sub("", raw)
    text = re.sub(r"[ \t]+#+[ \t]*$", "", text)  # closing hashes
    text = _INLINE_LINK_RE.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _TAG_RE.sub("", text)
    text = _INLINE_MARKUP_RE.sub("", text)
    return text.replace("\\", "").strip()


def _mask(text: str, start: int, end: int) -> str:
    """Blank out ``text[start:end]`` except newlines, keeping every column in place."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _mask_code(lines: list[str]) -> tuple[list[str], list[bool]]:
    """Lines with fenced code and code spans blanked (columns kept); which lines were fenced."""
    out: list[str] = []
    fenced: list[bool] = []
    fence: str | None = None
    for line in lines:
        m = _FENCE_RE.match(line)
        if fence is not None or m:
            marker = m.group("fence") if m else ""
            if fence is None:
                fence = marker
            elif marker[:1] == fence[0] and len(marker) >= len(fence):
                if not line[m.end() :].strip():  # type: ignore[union-attr]
                    fence = None
            out.append(" " * len(line))
            fenced.append(True)
            continue
        out.append(_mask_code_spans(line))
        fenced.append(False)
    return out, fenced


def _mask_comments(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    if "<!--" not in text:
        return lines
    for m in reversed(list(_COMMENT_RE.finditer(text))):
        text = _mask(text, m.start(), m.end())
    return text.split("\n")


def _mask_code_spans(line: str) -> str:
    i = 0
    while True:
        start = line.find("`", i)
        if start < 0:
            return line
        ticks = "`" * (len(line[start:]) - len(line[start:].lstrip("`")))
        end = line.find(ticks, start + len(ticks))
        while end >= 0 and line[end + len(ticks) : end + len(ticks) + 1] == "`":
            end = line.find(ticks, end + len(ticks) + 1)
        if end < 0:
            return line
        line = _mask(line, start, end + len(ticks))
        i = end + len(ticks)


def _closing_bracket(line: str, start: int) -> int:
    """Index of the ``]`` matching ``line[start] == '['``, or -1."""
    depth = 0
    i = start
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _destination(line: str, start: int) -> tuple[str, int] | None:
    """Parse ``(dest "title")`` at ``line[start] == '('``; the destination and the end index."""
    i = start + 1
    while i < len(line) and line[i] in " \t":
        i += 1
    if i < len(line) and line[i] == "<":
        end = line.find(">", i)
        if end < 0:
            return None
        dest = line[i + 1 : end]
        close = line.find(")", end)
        return (dest, close) if close >= 0 else None
    depth = 0
    j = i
    while j < len(line):
        ch = line[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        j += 1
    if j >= len(line):
        return None
    inner = line[i:j].strip()
    # A title follows the destination after white space: `(page.md "Title")`.
    title = re.search(r"""\s+("[^"]*"|'[^']*'|\([^)]*\))$""", inner)
    if title:
        inner = inner[: title.start()]
    return inner, j


def _scan_links(
    lines: list[str], line_offset: int
) -> tuple[list[Link], dict[str, tuple[str, int, int]]]:
    links: list[Link] = []
    definitions: dict[str, tuple[str, int, int]] = {}
    for idx, line in enumerate(lines):
        if "[" not in line and "<a" not in line.lower():
            continue
        lineno = idx + 1 + line_offset
        d = _REF_DEF_RE.match(line)
        if d and not d.group(1).startswith("^"):
            target = d.group(2)
            if target.startswith("<"):
                target = target[1:-1]
            label = normalise_label(d.group(1))
            col = line.index("[") + 1
            definitions.setdefault(label, (target, lineno, col))
            links.append(Link(target, lineno, col, "definition", label=label))
            continue
        i = 0
        while True:
            start = line.find("[", i)
            if start < 0:
                break
            if start > 0 and line[start - 1] == "\\":
                i = start + 1
                continue
            close = _closing_bracket(line, start)
            if close < 0:
                break
            text = line[start + 1 : close]
            is_image = start > 0 and line[start - 1] == "!"
            col = start + (0 if is_image else 1)
            nxt = line[close + 1 : close + 2]
            if nxt == "(":
                dest = _destination(line, close + 1)
                if dest is not None:
                    links.append(Link(dest[0], lineno, col, "image" if is_image else "inline"))
                    # Links nested in the text (`[![img](a.png)](b.md)`) are found too.
                    i = start + 1 if "[" in text else dest[1] + 1
                    continue
            elif nxt == "[":
                ref_close = line.find("]", close + 2)
                if ref_close >= 0:
                    label = line[close + 2 : ref_close] or text
                    if label.strip() and not text.startswith("^"):
                        links.append(Link("", lineno, col, "reference", normalise_label(label)))
                    i = ref_close + 1
                    continue
            i = start + 1
        for m in _HTML_HREF_RE.finditer(line):
            links.append(Link(m.group(1) or m.group(2) or "", lineno, m.start() + 1, "html"))
    return links, definitions


def _scan_suppressions(raw_lines: list[str], line_offset: int) -> list[Suppression]:
    """Markers outside code; ``raw_lines`` must have code already blanked."""
    out: list[Suppression] = []
    text = "\n".join(raw_lines)
    if IGNORE_MARKER not in text:
        return out
    starts = [0]
    for line in raw_lines:
        starts.append(starts[-1] + len(line) + 1)
    for m in _MARKER_RE.finditer(text):
        idx = max(i for i, s in enumerate(starts) if s <= m.start())
        end_idx = max(i for i, s in enumerate(starts) if s <= m.end() - 1)
        column = m.start() - starts[idx] + 1
        codes = tuple(c for c in re.split(r"[\s,]+", m.group("codes").strip()) if c)
        reason = " ".join((m.group("reason") or "").split())
        alone = not (
            raw_lines[idx][: column - 1].strip()
            or raw_lines[end_idx][m.end() - starts[end_idx] :].strip()
        )
        target = end_idx
        if alone:
            target = end_idx + 1
            while target < len(raw_lines) and not raw_lines[target].strip():
                target += 1
        out.append(
            Suppression(idx + 1 + line_offset, column, target + 1 + line_offset, codes, reason)
        )
    return out


def strip_markers(markdown: str) -> str:
    """Remove ``careerkit-ignore`` markers (keeping line breaks) so they never reach the HTML."""
    if IGNORE_MARKER not in markdown:
        return markdown
    # Find markers where code is blanked (a marker shown in a code sample stays), cut them out
    # of the real text at the same positions.
    masked = "\n".join(_mask_code(markdown.split("\n"))[0])
    for m in reversed(list(_MARKER_RE.finditer(masked))):
        markdown = markdown[: m.start()] + "\n" * m.group(0).count("\n") + markdown[m.end() :]
    return markdown


def _scan_anchors(
    lines: list[str], fenced: list[bool], slugify: Slugify, separator: str, line_offset: int
) -> tuple[list[Heading], set[str]]:
    """Headings with the ids Python-Markdown's toc will give them, and every other id."""
    explicit: set[str] = set()
    raw_headings: list[tuple[int, str, int, str | None]] = []  # level, raw text, line, own id
    tab_set = 0
    tab_index = 0
    last_tab_line = -2
    last_tab_indent = ""
    prev_blank = True
    for idx, line in enumerate(lines):
        if fenced[idx]:
            prev_blank = False
            continue
        for m in _HTML_ID_RE.finditer(line):
            explicit.add(m.group(1))
        f = _FOOTNOTE_DEF_RE.match(line)
        if f:
            explicit.add(f"fn:{f.group(1)}")
        t = _TAB_RE.match(line)
        if t:
            indent = t.group(1)
            new_set = "!" in line[: line.find('"') if '"' in line else len(line)] or not (
                indent == last_tab_indent and last_tab_line >= 0
            )
            if new_set:
                tab_set += 1
                tab_index = 0
            tab_index += 1
            explicit.add(f"__tabbed_{tab_set}_{tab_index}")
            last_tab_line, last_tab_indent = idx, indent
        elif line.strip() and last_tab_line >= 0:
            indent = len(line) - len(line.lstrip())
            if indent <= len(last_tab_indent):
                last_tab_line = -2
        h = _ATX_RE.match(line)
        level_text: tuple[int, str] | None = None
        if h:
            level_text = (len(h.group(1) or h.group(3)), h.group(2) or "")
        elif (
            idx + 1 < len(lines)
            and line.strip()
            and not prev_blank_is_list(line)
            and not fenced[idx + 1]
            and _SETEXT_RE.match(lines[idx + 1])
            and (idx == 0 or not lines[idx - 1].strip() or prev_blank)
        ):
            level_text = (1 if "=" in lines[idx + 1] else 2, line.strip())
        if level_text:
            level, raw = level_text
            own = _ATTR_ID_RE.search(raw)
            own_id = own.group(1) if own and _TRAILING_ATTR_RE.search(raw) else None
            if own_id:
                explicit.add(own_id)
            raw_headings.append((level, raw, idx + 1 + line_offset, own_id))
        else:
            a = _ATTR_ID_RE.search(line)
            if a and _TRAILING_ATTR_RE.search(line):
                explicit.add(a.group(1))
        prev_blank = not line.strip()
    used = set(explicit)
    headings: list[Heading] = []
    for level, raw, lineno, own_id in raw_headings:
        text = heading_text(raw)
        anchor = own_id or unique(slugify(text, separator), used)
        used.add(anchor)
        headings.append(Heading(level, text, lineno, anchor))
    return headings, used


def prev_blank_is_list(line: str) -> bool:
    """A list item or table row cannot be a setext heading's text."""
    s = line.lstrip()
    return bool(re.match(r"([-*+]|\d+[.)])\s", s)) or s.startswith(("|", ">", "!!!", "???", "==="))


def scan_page(
    markdown: str,
    *,
    line_offset: int = 0,
    slugify: Slugify = default_slugify,
    separator: str = "-",
) -> PageScan:
    """Scan one page's Markdown body.

    Args:
        markdown: The page body, front matter already removed.
        line_offset: How many lines of the file come before ``markdown`` (the front matter).
        slugify: The ``toc`` extension's slugify function, as configured for the site.
        separator: The ``toc`` separator.

    Returns:
        Everything the cross-reference checks need to know about the page.
    """
    code_masked, fenced = _mask_code(markdown.split("\n"))
    lines = _mask_comments(code_masked)
    links, definitions = _scan_links(lines, line_offset)
    resolved: list[Link] = []
    for link in links:
        if link.kind == "reference":
            d = definitions.get(link.label)
            link = dataclasses.replace(link, target=d[0] if d else "", defined=d is not None)
        resolved.append(link)
    headings, anchors = _scan_anchors(lines, fenced, slugify, separator, line_offset)
    return PageScan(
        links=tuple(resolved),
        headings=tuple(headings),
        anchors=frozenset(anchors),
        suppressions=tuple(_scan_suppressions(code_masked, line_offset)),
    )
