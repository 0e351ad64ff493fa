"""Assessments in a build: the extension with the plugin's options, assets on the pages that
hold an assessment."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_careerkit import assets
from mkdocs_careerkit.assessments.adapter import install, options_from_config
from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.assessments.site import SiteAssessments
from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.xref.scan import PageScan


class Assessments(Feature):
    """Turns assessment blocks into interactive ratings."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.site = SiteAssessments()
        options = options_from_config(self.build.options.assessments, config)
        install(config, options, self.build.collector.report, self._found)

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        assets.add_files(files, config, assets.ASSESSMENT_FILES)

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        if self.site.has(page.file.src_uri):
            html = assets.add_to_content(html, page.url)
        return html

    def _found(self, found: Sequence[Assessment]) -> None:
        """Called by the assessments extension for each page it converts."""
        for f in self.site.add(self.build.page, found):
            self.build.collector.report(f)
