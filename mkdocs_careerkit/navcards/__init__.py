"""Navigation cards: the links under "Cross-Reference Navigation" become groups of cards
(``markdown_extensions: [mkdocs_careerkit.navcards]`` without the plugin)."""

from __future__ import annotations

from mkdocs_careerkit.navcards.extension import NavCardsExtension, makeExtension

__all__ = ["NavCardsExtension", "makeExtension"]
