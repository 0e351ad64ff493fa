"""Cross-references in a build: the rendered pages judge the links, the scan places them."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Set as AbstractSet

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_careerkit.config import xref_options
from mkdocs_careerkit.feature import Feature, finding_key
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.sources import site_info
from mkdocs_careerkit.xref.check import PageFacts, Rendered, check_links
from mkdocs_careerkit.xref.mkdocs_messages import HeldLinkMessages
from mkdocs_careerkit.xref.rendered import RenderedFactsExtension
from mkdocs_careerkit.xref.scan import PageScan


class Xref(Feature):
    """Checks every link of every page against the site MkDocs really builds."""

    pages: dict[str, PageFacts]
    rendered: Rendered | None = None
    nav: list[str] | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        self.pages = {}
        self.held = HeldLinkMessages()
        self.claimed: set[tuple[str, str]] = set()
        self.pending: dict[str, list[tuple[Finding, str]]] = {}
        self.proved_wrong: set[tuple[str, int, int, str, str]] = set()
        # The rendered page is the judge of its links: ids, hrefs, definitions as published.
        config.markdown_extensions.append(
            RenderedFactsExtension(self._rendered, self._labels)  # type: ignore[arg-type]
        )
        if self.build.options.xref.quiet_mkdocs_validation:
            # MkDocs' own message about a link careerkit reports is the same news once more.
            self.held.install()

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        if config.nav is not None:  # without `nav:`, every page is in the navigation
            self.nav = [p.file.src_uri for p in nav.pages]

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        rendered, self.rendered = self.rendered, None
        # The ids the page really has: MkDocs' set (raw HTML included) and what the rendered
        # tree and Python-Markdown's stash hold after every extension ran.
        anchors: AbstractSet[str] = page.present_anchor_ids or frozenset()
        if rendered is not None and not rendered.ids <= anchors:
            anchors = {a for a in anchors if "\x02" not in a} | rendered.ids
        src = page.file.src_uri
        self.pages[src] = PageFacts(src, scan, anchors, rendered)
        return html

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        site = site_info(files, config, nav=self.nav)
        site = dataclasses.replace(site, lookup=lambda p: files.get_file_from_path(p) is not None)
        misses: list[tuple[Finding, str, str]] = []
        options = xref_options(self.build.options)
        found = check_links(self.pages, site, options, self.claimed, self.build.links, misses)
        # Every page's scan and ids are no longer needed: the pages are written with less held.
        self.pages = {}
        # Plugins may add ids after pages are converted (Material's tags listing renders in
        # on_env): a missing anchor is final only once its page is written without it.
        self.pending = {}
        for miss, target, anchor in misses:
            self.pending.setdefault(target, []).append((miss, anchor))
        return found

    def post_page(self, output: str, page: Page) -> str:
        for miss, anchor in self.pending.pop(page.file.src_uri, ()):
            shown = html.escape(anchor)
            if f'id="{shown}"' in output or f"id='{shown}'" in output:
                self.proved_wrong.add(finding_key(miss))
        return output

    def withdrawn(self) -> set[tuple[str, int, int, str, str]]:
        return self.proved_wrong

    def on_post_build(self) -> None:
        self.held.release(self.claimed)

    def _rendered(self, facts: Rendered) -> None:
        """Called by the facts extension at the end of each page's conversion."""
        self.rendered = facts

    def _labels(self) -> list[str]:
        """The reference labels of the page being converted (asked only when one is missing)."""
        scan = self.build.scans.get(self.build.page)
        return [link.label for link in scan.links if link.kind == "reference"] if scan else []
