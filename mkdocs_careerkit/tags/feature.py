"""Tags in a build: check each page's front matter, normalise ``page.meta`` before Material's
tags plugin reads it, and fill careerkit's tag index once every page is converted."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, meta

from mkdocs_careerkit import assets
from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.tags.adapter import site_tags
from mkdocs_careerkit.tags.check import SiteTags, normalise
from mkdocs_careerkit.tags.render import MARKER, Listed, index_html, index_model
from mkdocs_careerkit.xref.scan import PageScan


class Tags(Feature):
    """Checks tags against the taxonomy; pages carry canonical tags; careerkit's tag index."""

    site: SiteTags | None = None

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        self.site = site_tags(self.build.options, config, files)
        assets.add_files(files, config, (assets.TAGS_CSS,))
        self.carried: dict[str, list[str]] = {}
        self.pages: dict[str, Page] = {}
        self.indexes: list[Page] = []

    def page_markdown(self, markdown: str, page: Page, raw: str | None) -> None:
        site = self.site
        if site is None or raw is None:
            return
        src, key = page.file.src_uri, site.options.key
        # Material's meta plugin has merged .meta.yml into page.meta: read the page's own part.
        own = meta.get_data(raw)[1] if site.meta_files else page.meta
        site.page(src, raw, own)
        if key in page.meta:
            page.meta[key] = normalise(page.meta[key], site.taxonomy)
            tags = page.meta[key]
            if isinstance(tags, list):
                self.carried[src] = list(dict.fromkeys(t for t in tags if isinstance(t, str)))
        self.pages[src] = page

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        if MARKER in html:
            self.indexes.append(page)
        return html

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        if self.site is None:
            return []
        for index in self.indexes:
            listed = {
                src: Listed(p.title or src, get_relative_url(p.url, index.url))
                for src, p in self.pages.items()
            }
            groups = index_model(self.carried, listed, self.site.taxonomy)
            if index.content is not None:
                styled = assets.stylesheet_tag(assets.TAGS_CSS, index.url) + index_html(groups)
                index.content = index.content.replace(MARKER, styled, 1)
        for src, marks in self.site.suppressions.items():  # YAML comment markers
            self.build.suppressions[src] = (*self.build.suppressions.get(src, ()), *marks)
        return self.site.conclude()
