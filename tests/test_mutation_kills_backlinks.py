"""Backlinks' pure renderer: what the one surviving mutant of ``backlinks/core.py`` changed."""

from __future__ import annotations

from mkdocs_careerkit.backlinks.core import Group, Referrer, render


def test_without_a_stylesheet_the_block_links_none() -> None:
    """A theme that brings its own styles calls ``render`` without one: no ``<link>`` at all."""
    block = render([Group("", (Referrer("Home", "../", ()),))], "Referenced by")
    assert block == (
        '<section class="careerkit-backlinks" aria-labelledby="careerkit-backlinks-title">'
        '<h2 id="careerkit-backlinks-title">Referenced by</h2>'
        '<ul><li><a href="../">Home</a></li></ul>'
        "</section>"
    )
