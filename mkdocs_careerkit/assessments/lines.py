"""Positions in the lines Python-Markdown's preprocessors produce, traced back to the source.

Assessments are read after Python-Markdown normalised the page (tabs expanded), stashed raw HTML
and fenced code, and after other extensions' preprocessors (``pymdownx.snippets`` inserts whole
files) ran. Their findings must still name the line and column the author typed: this module maps
a line of the processed text to the source line it came from (a line an include or stash put in
place of a source line maps to that line), and a column counted in expanded tabs to a column
counted in characters. Pure; imports nothing from MkDocs or Python-Markdown.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

_STX, _ETX = "\x02", "\x03"


def normalize(line: str, tab_length: int = 4) -> list[str]:
    """What Python-Markdown's ``normalize_whitespace`` makes of one source line."""
    text = line.replace(_STX, "").replace(_ETX, "").replace("\r\n", "\n").replace("\r", "\n")
    return [
        ("" if not part.strip(" ") else part) for part in text.expandtabs(tab_length).split("\n")
    ]


def char_column(raw: str, column: int, tab_length: int = 4) -> int:
    """The 1-based column in characters of ``raw`` for a 1-based column in expanded tabs."""
    if "\t" not in raw:
        return column
    width = 0
    for n, ch in enumerate(raw):
        if width >= column - 1:
            return n + 1
        width = (width // tab_length + 1) * tab_length if ch == "\t" else width + 1
    return len(raw) + 1 + max(0, column - 1 - width)


class LineMap:
    """Maps (line, column) in processed lines to (line, column) in the source lines.

    Built lazily: most pages need no position at all, and a line that occurs once in the
    source (an assessment's ``!!!`` line, usually) is found without matching the whole page.
    """

    def __init__(
        self, source: Sequence[str], processed: Sequence[str], tab_length: int = 4
    ) -> None:
        self.source = list(source)
        self.processed = list(processed)
        self.tab_length = tab_length
        self._origin: list[int] | None = None

    @classmethod
    def build(cls, source: Sequence[str], processed: Sequence[str], tab_length: int = 4) -> LineMap:
        """A map of the processed lines onto the source lines (computed when first used)."""
        return cls(source, processed, tab_length)

    @property
    def origin(self) -> list[int]:
        """For each processed line (0-based), the 0-based source line it comes from."""
        if self._origin is None:
            self._origin = _match(self.source, self.processed, self.tab_length)
        return self._origin

    def position(self, line: int, column: int) -> tuple[int, int]:
        """Source (line, column), both 1-based, for a 1-based processed line and column."""
        if line < 1 or not self.processed:
            return line, column
        line = min(line, len(self.processed))
        text = self.processed[line - 1]
        src = -1
        if self._origin is None and text.strip():
            same = [n for n, raw in enumerate(self.source) if raw == text]
            if len(same) == 1:
                src = same[0]
        if src < 0:
            src = self.origin[line - 1]
        raw = self.source[src] if src < len(self.source) else ""
        return src + 1, char_column(raw, column, self.tab_length) if column else column


def _match(source: Sequence[str], processed: Sequence[str], tab_length: int) -> list[int]:
    """Match the processed lines against the normalised source lines."""
    pieces: list[str] = []
    owner: list[int] = []
    for n, line in enumerate(source):
        for part in normalize(line, tab_length):
            pieces.append(part)
            owner.append(n)
    last = max(len(source) - 1, 0)
    if list(processed[: len(pieces)]) == pieces:  # the common case: only blank lines added
        return [owner[j] if j < len(owner) else last for j in range(len(processed))]
    origin = [0] * len(processed)
    matcher = difflib.SequenceMatcher(None, pieces, list(processed), autojunk=False)
    for tag, i1, _i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                i = i1 + (j - j1)
            else:  # an include, a stash placeholder: the source line it stands for
                i = min(i1, len(pieces) - 1) if pieces else 0
            origin[j] = owner[i] if owner else 0
    return origin
