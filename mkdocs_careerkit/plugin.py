"""The ``careerkit`` MkDocs plugin: a table of short event handlers that delegate."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import Any, Literal
from xml.etree import ElementTree as ET

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_careerkit import assets, sitecheck
from mkdocs_careerkit.assessments import SiteAssessments
from mkdocs_careerkit.assessments.adapter import install, options_from_config
from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.config import CareerkitConfig
from mkdocs_careerkit.engine import Baseline
from mkdocs_careerkit.findings import (
    Finding,
    FindingCollector,
    has_errors,
    log_findings,
    summary,
)
from mkdocs_careerkit.sources import (
    body_offset,
    front_matter_error,
    read_text,
    site_info,
    toc_slugify,
)
from mkdocs_careerkit.xref import PageFacts, SiteInfo, scan_page, strip_markers
from mkdocs_careerkit.xref.scan import PageScan, Slugify

log = get_plugin_logger(__name__)

NOTICE_PLACEHOLDER = "<!-- careerkit-notice -->"


@dataclasses.dataclass
class BuildState:
    """Everything one build gathers; made anew in ``on_config`` so serve rebuilds start clean."""

    slugify: Slugify
    separator: str
    baseline: Baseline | None
    collector: FindingCollector = dataclasses.field(default_factory=FindingCollector)
    site: SiteInfo | None = None
    sources: dict[str, str] = dataclasses.field(default_factory=dict)
    """Pages read but not yet converted: their text as read (one at a time in practice)."""
    scans: dict[str, PageScan] = dataclasses.field(default_factory=dict)
    pages: dict[str, PageFacts] = dataclasses.field(default_factory=dict)
    findings: list[Finding] = dataclasses.field(default_factory=list)
    assessments: SiteAssessments = dataclasses.field(default_factory=SiteAssessments)


class CareerkitPlugin(BasePlugin[CareerkitConfig]):
    """Checks cross-references and renders interactive assessments for career guides."""

    def __init__(self) -> None:
        self.command: str = "build"
        self.state: BuildState | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        slugify, separator = toc_slugify(config)
        baseline = sitecheck.load_baseline(self.config, config)
        self.state = BuildState(slugify, separator, baseline)
        if self.config.assessments.enabled:
            options = options_from_config(self.config.assessments)
            install(config, options, self.state.collector.report, self._assessments_found)
        if self.config.xref.enabled and self.config.xref.quiet_mkdocs_validation:
            # careerkit reports the same broken links with their source line; one report is enough.
            config.validation.links.not_found = logging.INFO
            config.validation.links.anchors = logging.INFO
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._state.site = site_info(files, config)
        if self.config.assessments.enabled:
            assets.add_files(files, config, assets.ASSESSMENT_FILES)
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if page.file.abs_src_path is None:
            return None
        raw, findings = read_text(page.file.abs_src_path, page.file.src_uri)
        self._state.findings += findings
        self._state.sources[page.file.src_uri] = raw  # until on_page_markdown, right after
        return raw

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        state = self._state
        src = page.file.src_uri
        raw = state.sources.pop(src, None)
        offset = 0
        if raw is not None:
            # MkDocs has parsed the front matter; YAML is parsed again only when it failed.
            bad = None if page.meta else front_matter_error(raw, src)
            if bad is not None:
                state.findings.append(bad)
            # Unknown (0) if another plugin rewrote the page other than by cutting its start.
            offset = body_offset(raw, markdown)
        state.collector.start_page(src, offset)
        # Scanned even with xref off: its careerkit-ignore markers apply to every feature's
        # findings, and `careerkit check` always reads them.
        state.scans[src] = scan_page(
            markdown,
            line_offset=offset,
            slugify=state.slugify,
            separator=state.separator,
            estimate_anchors=False,  # on_page_content reads the ids MkDocs really produced
        )
        return strip_markers(markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        state = self._state
        src = page.file.src_uri
        scan = state.scans.pop(src, None)
        if scan is not None:
            # The ids MkDocs really produced (toc slugs, attr_list, raw HTML), not our estimate.
            # MkDocs keeps this set for its own checks; sharing it costs no memory.
            state.pages[src] = PageFacts(src, scan, page.present_anchor_ids or frozenset())
        if state.assessments.has(src):
            html = assets.add_to_content(html, page.url)
        return NOTICE_PLACEHOLDER + html if self.command == "serve" else html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        state = self._state
        page_findings = state.findings + state.collector.findings
        site = state.site or site_info(files, config)
        state.findings = sitecheck.conclude(
            state.pages, site, page_findings, self.config, state.baseline
        )
        log_findings(state.findings, log)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.command != "serve" or NOTICE_PLACEHOLDER not in output:
            return output
        mine = [
            f
            for f in self._state.findings
            if f.file == page.file.src_uri and f.severity in ("error", "warn")
        ]
        return output.replace(NOTICE_PLACEHOLDER, notice_html(mine) if mine else "", 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        findings = self._state.findings
        if not findings:
            return
        if has_errors(findings) and self.command != "serve":
            raise PluginError(summary(findings))
        log.info(summary(findings))

    def _assessments_found(self, found: Sequence[Assessment]) -> None:
        """Called by the assessments extension for each page it converts."""
        state = self._state
        for f in state.assessments.add(state.collector.file, found):
            state.collector.report(f)

    @property
    def _state(self) -> BuildState:
        if self.state is None:  # only if MkDocs skipped on_config, which it never does
            raise PluginError("careerkit: plugin used before on_config")
        return self.state


def notice_html(findings: list[Finding]) -> str:
    """The box shown at the top of a page under ``mkdocs serve`` listing its problems."""
    box = ET.Element("div", {"class": "admonition failure careerkit-notice", "role": "alert"})
    title = ET.SubElement(box, "p", {"class": "admonition-title"})
    title.text = f"careerkit found {len(findings)} problem(s) on this page"
    items = ET.SubElement(box, "ul")
    for f in findings:
        li = ET.SubElement(items, "li")
        li.text = f"line {f.line}:{f.column}: {f.message}"
        if f.suggestion:
            li.text += f" — {f.suggestion}"
        code = ET.SubElement(li, "code")
        code.text = f.code
        code.tail = ""
    return ET.tostring(box, encoding="unicode", method="html")
