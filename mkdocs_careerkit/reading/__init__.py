"""Reading lists: "Further Reading" bullets become cards (``markdown_extensions:
[mkdocs_careerkit.reading]``), and the guide gets one reading list with back-links."""

from __future__ import annotations

from mkdocs_careerkit.reading.extension import ReadingExtension, makeExtension
from mkdocs_careerkit.reading.parse import Entry, parse_entry

__all__ = ["Entry", "ReadingExtension", "makeExtension", "parse_entry"]
