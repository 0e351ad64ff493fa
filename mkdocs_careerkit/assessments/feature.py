"""Assessments in a build: the extension with the plugin's options, assets on the pages that
hold an assessment, and the guide's progress page (``<!-- careerkit/progress -->``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_careerkit import assets
from mkdocs_careerkit.assessments import progress
from mkdocs_careerkit.assessments.adapter import install, language, options_from_config
from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.assessments.site import SiteAssessments
from mkdocs_careerkit.assessments.strings import progress_merged
from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref.scan import PageScan


class Assessments(Feature):
    """Turns assessment blocks into interactive ratings; lists them on the progress page."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.site = SiteAssessments()
        self.models: dict[str, Sequence[Assessment]] = {}
        self.placed: dict[str, progress.Placed] = {}
        self.order: dict[str, int] = {}
        self.progress_pages: list[Page] = []
        options = options_from_config(self.build.options.assessments, config)
        self.words = progress_merged(self.build.options.assessments.strings, language(config))
        install(config, options, self.build.collector.report, self._found)

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        assets.add_files(files, config, assets.ASSESSMENT_FILES + assets.PROGRESS_FILES)

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        self.order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        src = page.file.src_uri
        if self.site.has(src):
            html = assets.add_to_content(html, page.url)
            in_nav = src in self.order
            group = tuple(str(s.title) for s in reversed(list(page.ancestors))) if in_nav else None
            order = self.order.get(src, len(self.order))
            self.placed[src] = progress.Placed(page.url, str(page.title or src), group, order)
        if progress.MARKER in html:
            self.progress_pages.append(page)
        return html

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        if not self.progress_pages:
            return []
        pages = {
            src: (self.placed[src], models)
            for src, models in self.models.items()
            if src in self.placed and self.site.has(src)
        }
        data = progress.manifest(pages)
        if files.get_file_from_path(assets.MANIFEST) is None:
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
            files.append(File.generated(config, assets.MANIFEST, content=text))
        for page in self.progress_pages:
            href = {p.url: get_relative_url(p.url, page.url) for p, _ in pages.values()}
            block = progress.render(data, self.words, href)
            html = ET.tostring(block, encoding="unicode", method="html")
            if page.content is not None:
                page.content = page.content.replace(
                    progress.MARKER, assets.progress_tags(page.url) + html, 1
                )
        return []

    def _found(self, found: Sequence[Assessment]) -> None:
        """Called by the assessments extension for each page it converts."""
        self.models[self.build.page] = found
        for f in self.site.add(self.build.page, found):
            self.build.collector.report(f)
