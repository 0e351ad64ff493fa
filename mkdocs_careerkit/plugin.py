"""The ``careerkit`` MkDocs plugin: a table of short event handlers that delegate."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Literal
from xml.etree import ElementTree as ET

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
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
    footnotes_enabled,
    front_matter_error,
    read_text,
    site_info,
    toc_slugify,
)
from mkdocs_careerkit.xref import PageFacts, scan_page, strip_markers
from mkdocs_careerkit.xref.check import Rendered
from mkdocs_careerkit.xref.mkdocs_messages import HeldLinkMessages
from mkdocs_careerkit.xref.rendered import RenderedFactsExtension
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
    sources: dict[str, str] = dataclasses.field(default_factory=dict)
    """Pages read but not yet converted: their text as read (one at a time in practice)."""
    scans: dict[str, PageScan] = dataclasses.field(default_factory=dict)
    pages: dict[str, PageFacts] = dataclasses.field(default_factory=dict)
    findings: list[Finding] = dataclasses.field(default_factory=list)
    assessments: SiteAssessments = dataclasses.field(default_factory=SiteAssessments)
    footnotes: bool = False
    rendered: Rendered | None = None
    """The facts of the page being converted, until ``on_page_content`` files them."""
    nav: list[str] | None = None
    held: HeldLinkMessages = dataclasses.field(default_factory=HeldLinkMessages)
    claimed: set[tuple[str, str]] = dataclasses.field(default_factory=set)
    """(page, target) of each link careerkit reported: MkDocs' message about it is quieted."""


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
        # The rendered page is the judge of its links: ids, hrefs, definitions as published.
        config.markdown_extensions.append(
            RenderedFactsExtension(self._rendered, self._labels)  # type: ignore[arg-type]
        )
        self.state.footnotes = footnotes_enabled(config)
        if self.config.xref.enabled and self.config.xref.quiet_mkdocs_validation:
            # MkDocs' own message about a link careerkit reports is the same news once more.
            self.state.held.install()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
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
        if raw is None and page.file.abs_src_path is not None:
            # A page whose source a plugin read itself (Material's blog posts): lines still
            # count from the top of the file.
            raw, _ = read_text(page.file.abs_src_path, src)
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
            footnote_links=state.footnotes,
        )
        return strip_markers(markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        state = self._state
        src = page.file.src_uri
        scan = state.scans.pop(src, None)
        rendered, state.rendered = state.rendered, None
        if scan is not None:
            # The ids the page really has: MkDocs' set (raw HTML included) and what the
            # rendered tree and Python-Markdown's stash hold after every extension ran.
            anchors: AbstractSet[str] = page.present_anchor_ids or frozenset()
            if rendered is not None and not rendered.ids <= anchors:
                anchors = {a for a in anchors if "\x02" not in a} | rendered.ids
            state.pages[src] = PageFacts(src, scan, anchors, rendered)
        if state.assessments.has(src):
            html = assets.add_to_content(html, page.url)
        return NOTICE_PLACEHOLDER + html if self.command == "serve" else html

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if config.nav is not None:  # without `nav:`, every page is in the navigation
            self._state.nav = [p.file.src_uri for p in nav.pages]
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        state = self._state
        page_findings = state.findings + state.collector.findings
        site = site_info(files, config, nav=state.nav)
        state.findings = sitecheck.conclude(
            state.pages, site, page_findings, self.config, state.baseline, state.claimed
        )
        log_findings(state.findings, log)
        return env

    def on_build_error(self, *, error: Exception) -> None:
        if self.state is not None:
            self.state.held.release(self.state.claimed)

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
        self._state.held.release(self._state.claimed)
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

    def _rendered(self, facts: Rendered) -> None:
        """Called by the facts extension at the end of each page's conversion."""
        self._state.rendered = facts

    def _labels(self) -> list[str]:
        """The reference labels of the page being converted (asked only when one is missing)."""
        state = self._state
        scan = state.scans.get(state.collector.file)
        return [link.label for link in scan.links if link.kind == "reference"] if scan else []

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
