"""Swallowed lists in a build: the scan of each page finds them, this reports them."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.lists.check import swallowed_list_findings
from mkdocs_careerkit.xref.scan import PageScan


class SwallowedLists(Feature):
    """Reports list items that Python-Markdown renders as text of the paragraph above."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.found: list[Finding] = []

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        self.found += swallowed_list_findings(page.file.src_uri, scan.swallowed)
        return html

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        # Navigation cards show a swallowed list as the author meant it (see navcards).
        fixed = self.build.repaired_lists
        return [f for f in self.found if (f.file, f.line) not in fixed] if fixed else self.found
