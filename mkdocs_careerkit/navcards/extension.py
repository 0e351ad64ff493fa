"""The Python-Markdown extension: ``markdown_extensions: [mkdocs_careerkit.navcards]``.

A treeprocessor, after inline Markdown and ``attr_list`` and before MkDocs rewrites links, finds
the navigation sections in the rendered tree and makes their items cards (``enhance.py``). Each
card ends in an empty placeholder that the plugin fills with what it knows of the target page
(title, description, tags, or that the link is broken); without the plugin it stays empty and
the card shows the author's link and reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from mkdocs_careerkit.navcards.enhance import PLACEHOLDER, Section, enhance
from mkdocs_careerkit.stash import unstash

EXTENSION = "mkdocs_careerkit.navcards"
DEFAULT_NAMES = ("Cross-Reference Navigation",)
Collector = Callable[[Sequence[Section]], None]


def _ignore(found: Sequence[Section]) -> None:
    """Default collector: nothing to record."""


class NavCardsExtension(Extension):
    """Cards from the links under a "Cross-Reference Navigation" heading."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "headings": [list(DEFAULT_NAMES), "Heading texts of navigation sections (any case)."],
            "collect": [_ignore, "Called with the navigation sections of each converted page."],
            "placeholders": [
                False,
                "Mark where each card's details go with the plugin's placeholder (which it "
                "fills), not an empty element.",
            ],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        names = self.getConfig("headings")
        names = (names,) if isinstance(names, str) else tuple(str(n) for n in names)
        md.treeprocessors.register(
            _NavCardsTreeprocessor(
                md, names, self.getConfig("collect"), bool(self.getConfig("placeholders"))
            ),
            "careerkit_navcards",
            6,  # after inline Markdown (20), attr_list (8) and reading lists (7), before toc (5)
        )
        md.registerExtension(self)


class _NavCardsTreeprocessor(Treeprocessor):
    def __init__(
        self, md: Markdown, names: tuple[str, ...], collect: Collector, placeholders: bool
    ) -> None:
        super().__init__(md)
        self.names = names
        self.collect = collect
        self.placeholders = placeholders

    def run(self, root: Element) -> None:
        mark = self._mark if self.placeholders else None
        self.collect([self._as_written(s) for s in enhance(root, self.names, mark=mark)])

    def _as_written(self, section: Section) -> Section:
        """``section`` with its texts as the author wrote them: in the tree, inline raw HTML and
        entities are still Python-Markdown's placeholders, which no author should read."""
        return dataclasses.replace(
            section,
            heading=self._unstash(section.heading),
            cards=tuple(dataclasses.replace(c, text=self._unstash(c.text)) for c in section.cards),
            unparsed=tuple(self._unstash(t) for t in section.unparsed),
        )

    def _unstash(self, text: str) -> str:
        written = unstash(text, self.md)
        return text if written is text else " ".join(written.split())

    def _mark(self, slot: int) -> str:
        # Raw HTML through Python-Markdown's stash: the comment is written as is.
        return self.md.htmlStash.store(PLACEHOLDER.format(slot))


def makeExtension(**kwargs: Any) -> NavCardsExtension:  # the name Markdown looks for
    return NavCardsExtension(**kwargs)
