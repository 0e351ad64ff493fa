"""Navigation cards in a build.

While a page is converted, the extension makes cards of its navigation sections, each with an
empty placeholder. Once every page is converted, the cross-reference checks have resolved every
link (``on_env``): just before each page goes into its template (``on_page_context``, after
the search plugin indexed it), each placeholder in the page's content is filled with the target
page's title, description and tags, or the card is marked broken — a string replacement of
careerkit's own placeholders; the page is never parsed again.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_careerkit import assets
from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.navcards.check import card_links, repaired, spans, unparsed_findings
from mkdocs_careerkit.navcards.enhance import Card, Section
from mkdocs_careerkit.navcards.extension import EXTENSION, NavCardsExtension
from mkdocs_careerkit.navcards.render import PLACEHOLDER_RE, Target, meta_html
from mkdocs_careerkit.xref.check import PageLink
from mkdocs_careerkit.xref.scan import Link, PageScan


class NavCards(Feature):
    """Shows the links under "Cross-Reference Navigation" as groups of cards."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.sections: Sequence[Section] = ()
        self.cards: dict[str, list[tuple[Card, Link | None]]] = {}
        self.found: list[Finding] = []
        self.styled = False  # some page links the card stylesheet
        self.links: dict[tuple[str, int, int], PageLink] = {}
        self.pages: dict[str, Page] = {}
        self.names = tuple(self.build.options.navcards.headings)
        if EXTENSION in config.markdown_extensions:
            # The author's own entry gets the collector; its headings win.
            mdx = config.mdx_configs.setdefault(EXTENSION, {})
            mdx.setdefault("headings", list(self.names))
            names = mdx["headings"]
            self.names = (names,) if isinstance(names, str) else tuple(names)
            mdx["collect"] = self._collect
            mdx["placeholders"] = True
            return
        config.markdown_extensions.append(
            NavCardsExtension(  # type: ignore[arg-type]
                headings=list(self.names), collect=self._collect, placeholders=True
            )
        )

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        assets.add_files(files, config, (assets.CARDS_CSS,))

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        sections, self.sections = self.sections, ()
        src = page.file.src_uri
        css = assets.stylesheet_tag(assets.CARDS_CSS, page.url)
        if css in html:
            self.styled = True  # the reading list's cards use it on this page
        if not sections:
            return html
        found = spans(scan.headings, self.names)
        self.found += unparsed_findings(src, sections, found)
        cards = [c for s in sections for c in s.cards]
        if not cards:
            return html
        links = card_links(scan, sections, found)
        self.cards[src] = list(zip(cards, links, strict=True))
        self.build.repaired_lists.update((src, s.line) for s in repaired(scan, sections, found))
        self.styled = True
        return html if css in html else html + css

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        self.links = {(x.source, x.line, x.column): x for x in self.build.links}
        self.pages = {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None}
        self.shown: dict[tuple[str, str], tuple[str, str, str, tuple[str, ...]]] = {}
        stylesheet = files.get_file_from_path(assets.CARDS_CSS)
        if not self.styled and stylesheet is not None and stylesheet.generated_by:
            # Static files are copied after this event: a site without cards gets no file.
            files.remove(stylesheet)
        return self.found

    def page_context(self, content: str, page: Page) -> str:
        cards = self.cards.get(page.file.src_uri)
        if not cards:
            return content
        src = page.file.src_uri

        def fill(m: re.Match[str]) -> str:
            slot = int(m.group(1))
            return meta_html(slot, self._target(src, *cards[slot])) if slot < len(cards) else ""

        return PLACEHOLDER_RE.sub(fill, content)

    def _collect(self, sections: Sequence[Section]) -> None:
        """Called by the extension for each page it converts, just before ``page_content``."""
        self.sections = sections

    def _target(self, src: str, card: Card, link: Link | None) -> Target:
        """What the card shows of its target, from the link as the cross-reference checks
        resolved it."""
        resolved = self.links.get((src, link.line, link.column)) if link is not None else None
        if resolved is None:
            return Target(card.text)  # not a page of the site (an external link)
        if not resolved.resolved:
            why = next(
                (
                    f.message
                    for f in self.build.findings
                    if f.file == src and f.line == resolved.line and f.code.startswith("xref.")
                ),
                f"'{resolved.target}{'#' + resolved.anchor if resolved.anchor else ''}' "
                "leads to no page of the site",
            )
            return Target(card.text, broken=why)
        key = (resolved.target, resolved.anchor)
        shown = self.shown.get(key)
        if shown is None:
            target = self.pages.get(resolved.target)
            if target is None:
                return Target(card.text)
            # Once per page and anchor: many cards link to the same pages.
            meta = target.meta or {}
            tags = meta.get("tags")
            description = meta.get("description")
            shown = self.shown[key] = (
                html.unescape(target.title or ""),
                _heading(target, resolved.anchor) if resolved.anchor else "",
                str(description) if description else "",
                tuple(str(t) for t in tags if isinstance(t, (str, int, float)))
                if isinstance(tags, list) and self.build.options.navcards.tags
                else (),
            )
        title, section, description, tags = shown
        return Target(
            card.text,
            title=title,
            section=section,
            description="" if card.has_reason else description,
            tags=tags,
        )


def _heading(page: Page, anchor: str) -> str:
    """The title of the heading ``anchor`` names in the page's table of contents."""
    stack = list(page.toc)
    while stack:
        item = stack.pop(0)
        if item.id == anchor:
            return html.unescape(item.title)
        stack.extend(item.children)
    return ""
