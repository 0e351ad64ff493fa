"""Backlinks in a build.

Pages are converted (``on_page_content``) before every page's links are known, so each page
gets a placeholder of careerkit's own there, at the author's ``<!-- careerkit/backlinks -->``
marker or at the end of its content. Once every page is converted, the cross-reference checks
have resolved every link (``on_env``); just before each page goes into its template
(``on_page_context``, after the search plugin indexed it) its block is made from those links
and put in place of its placeholder in the page's content — a plain string replacement; the
page is never parsed again, and no more than one block is held at a time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from mkdocs_careerkit import assets
from mkdocs_careerkit.backlinks.core import (
    MARKER,
    Group,
    Place,
    Referrer,
    option,
    option_finding,
    referrers,
    render,
    section_of,
)
from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref.scan import Heading, PageScan

PLACEHOLDER = "<!--careerkit:backlinks:placeholder-->"
_MARKER_RE = re.compile(r"<!--\s*" + re.escape(MARKER) + r"\s*-->")


class Backlinks(Feature):
    """Adds a "Referenced by" block to each page other pages link to."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.headings: dict[str, tuple[Heading, ...]] = {}
        self.order: dict[str, tuple[int, str]] = {}  # page → (place in nav, section title)
        self.referrers: dict[str, dict[str, list[int]]] = {}
        self.pages: dict[str, Page] = {}
        self.found: list[Finding] = []

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        assets.add_files(files, config, (assets.BACKLINKS_CSS,))

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        for n, page in enumerate(nav.pages):
            parent = page.parent
            label = parent.title if isinstance(parent, Section) else ""
            self.order[page.file.src_uri] = (n, label)

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        src = page.file.src_uri
        show, problem = option(page.meta)
        if problem:
            self.found.append(option_finding(src, problem))
        if not show:
            return html
        self.headings[src] = scan.headings
        if _MARKER_RE.search(html):
            return _MARKER_RE.sub(PLACEHOLDER, html, count=1)
        return html + PLACEHOLDER

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        self.pages = {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None}
        self.anchors: dict[str, dict[tuple[int, str], str]] = {}  # per linking page
        # Only who links where: each block is made when its page goes into its template, so a
        # 1,000-page site never holds a thousand blocks at once.
        self.referrers = {
            target: sources
            for target, sources in referrers(self.build.links).items()
            if target in self.pages and target in self.headings
        }
        stylesheet = files.get_file_from_path(assets.BACKLINKS_CSS)
        if not self.referrers and stylesheet is not None and stylesheet.generated_by:
            # Static files are copied after this event: a site without blocks gets no file.
            files.remove(stylesheet)
        return self.found

    def page_context(self, content: str, page: Page) -> str:
        src = page.file.src_uri
        if src not in self.headings:
            return content  # no placeholder: opted out, or not converted by this build
        sources = self.referrers.get(src)
        block = ""
        if sources is not None:
            groups = self._groups(page, sources, self.pages)
            css = get_relative_url(assets.BACKLINKS_CSS, page.url)
            block = render(groups, self.build.options.backlinks.title, css)
        return content.replace(PLACEHOLDER, block, 1)

    def _groups(
        self, page: Page, sources: dict[str, list[int]], pages: dict[str, Page]
    ) -> list[Group]:
        """The referrers of a page, grouped by navigation section, in navigation order."""
        unlisted = len(self.order)
        ordered = sorted(
            (s for s in sources if s in pages),
            key=lambda s: (self.order.get(s, (unlisted, ""))[0], s),
        )
        groups: dict[str, list[Referrer]] = {}
        for src in ordered:
            source = pages[src]
            href = get_relative_url(source.url, page.url)
            anchors = self.anchors.get(src)
            if anchors is None:
                anchors = self.anchors[src] = _anchors(source)
            places: list[Place] = []
            for line in sources[src]:
                heading = section_of(self.headings.get(src, ()), line)
                if heading is None:
                    continue
                anchor = anchors.get((heading.level, _key(heading.text)), "")
                place = Place(heading.text, f"{href}#{anchor}" if anchor else "")
                if place not in places:
                    places.append(place)
            label = self.order.get(src, (0, ""))[1]
            title = source.title or src
            groups.setdefault(label, []).append(Referrer(title, href, tuple(places)))
        # Pages outside any section first, without a label; then the sections in nav order.
        ordered_groups = sorted(groups.items(), key=lambda kv: kv[0] != "")
        return [Group(label, tuple(refs)) for label, refs in ordered_groups]


def _key(text: str) -> str:
    return " ".join(html.unescape(text).split()).casefold()


def _anchors(page: Page) -> dict[tuple[int, str], str]:
    """The ids of the page's headings in its table of contents, by level and text (the first
    heading of a text wins, as the scan's section lookup reads headings in order)."""
    out: dict[tuple[int, str], str] = {}
    for item in _walk(page.toc):
        out.setdefault((item.level, _key(item.title)), item.id)
    return out


def _walk(items: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    for item in items:
        yield item
        yield from _walk(item.children)
