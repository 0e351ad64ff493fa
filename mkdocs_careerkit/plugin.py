"""The ``careerkit`` MkDocs plugin: a table of short event handlers that delegate."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, Literal, cast
from xml.etree import ElementTree as ET

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_careerkit.config import CareerkitConfig
from mkdocs_careerkit.engine import finalize
from mkdocs_careerkit.feature import Build, Feature, finding_key
from mkdocs_careerkit.findings import Finding, Severity, has_errors, log_findings, summary
from mkdocs_careerkit.sources import (
    body_offset,
    footnotes_enabled,
    front_matter_error,
    read_text,
    toc_slugify,
)
from mkdocs_careerkit.tags.adapter import enabled as tags_enabled
from mkdocs_careerkit.xref import scan_page, strip_markers

log = get_plugin_logger(__name__)

NOTICE_PLACEHOLDER = "<!-- careerkit-notice -->"

# Each feature: the option that switches it on, and the module:class that handles its events
# (imported only when on: a build pays nothing for a feature it does not use).
FEATURES: tuple[tuple[Callable[[CareerkitConfig], bool], str], ...] = (
    (lambda o: o.xref.enabled, "xref.feature:Xref"),
    (lambda o: o.assessments.enabled, "assessments.feature:Assessments"),
    (tags_enabled, "tags.feature:Tags"),
    (lambda o: o.reading.enabled, "reading.feature:Reading"),
    (lambda o: True, "lists.feature:SwallowedLists"),  # off: `markdown.swallowed-list: ignore`
    (lambda o: o.navcards.enabled, "navcards.feature:NavCards"),  # after Reading: its stylesheet
    (lambda o: o.xref.enabled and o.backlinks.enabled, "backlinks.feature:Backlinks"),  # after Xref
    (lambda o: o.xref.enabled and o.link_graph.enabled, "linkgraph.feature:LinkGraph"),
)


def feature_class(path: str) -> type[Feature]:
    """The class a :data:`FEATURES` entry names, imported now."""
    module, name = path.split(":")
    found = getattr(importlib.import_module(f"mkdocs_careerkit.{module}"), name)
    return cast("type[Feature]", found)


class CareerkitPlugin(BasePlugin[CareerkitConfig]):
    """Checks cross-references and renders interactive assessments for career guides.

    The plugin reads each page once (text, front matter offset, careerkit-ignore markers) and
    hands the enabled features the events they need; findings are made final in ``on_env``.
    """

    def __init__(self) -> None:
        self.command: str = "build"
        self.state: Build | None = None
        self.features: list[Feature] = []
        self.sources: dict[str, str] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        baseline = None
        if self.config.baseline:
            from mkdocs_careerkit.sitecheck import load_baseline  # the checks' module: only then

            baseline = load_baseline(self.config, config)
        self.state = Build(self.config, self.command, baseline)
        self.slugify, self.separator = toc_slugify(config)
        self.footnotes = footnotes_enabled(config)
        self.sources = {}
        self.features = [feature_class(f)(self.state) for on, f in FEATURES if on(self.config)]
        for feature in self.features:
            feature.on_config(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for feature in self.features:
            feature.on_files(files, config)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        for feature in self.features:
            feature.on_nav(nav, config)
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if page.file.abs_src_path is None:
            return None
        raw, findings = read_text(page.file.abs_src_path, page.file.src_uri)
        self._state.findings += findings
        self.sources[page.file.src_uri] = raw  # until on_page_markdown, right after
        return raw

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        state = self._state
        src = page.file.src_uri
        raw = self.sources.pop(src, None)
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
        for feature in self.features:
            feature.page_markdown(markdown, page, raw)
        # Scanned even with xref off: its careerkit-ignore markers apply to every feature's
        # findings, and `careerkit check` always reads them.
        scan = scan_page(
            markdown,
            line_offset=offset,
            slugify=self.slugify,
            separator=self.separator,
            estimate_anchors=False,  # the rendered page has the real ids
            footnote_links=self.footnotes,
        )
        state.scans[src] = scan
        state.suppressions[src] = scan.suppressions
        return strip_markers(markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        scan = self._state.scans.pop(page.file.src_uri, None)
        if scan is not None:
            for feature in self.features:
                html = feature.page_content(html, page, scan)
        return NOTICE_PLACEHOLDER + html if self.command == "serve" else html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        state = self._state
        found = state.findings + state.collector.findings
        for feature in self.features:
            found += feature.conclude(files, config)
        state.findings = finalize(
            found,
            suppressions=state.suppressions,
            severity=cast("Mapping[str, Severity]", self.config.severity),
            baseline=state.baseline,
        )
        return env  # logged in on_post_build, once finished pages had their say

    @event_priority(-100)  # after the search plugin indexed the content
    def on_page_context(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if page.content is not None:
            content = page.content
            for feature in self.features:
                content = feature.page_context(content, page)
            page.content = content
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        for feature in self.features:
            output = feature.post_page(output, page)
        if self.command != "serve" or NOTICE_PLACEHOLDER not in output:
            return output
        mine = [
            f
            for f in self._state.findings
            if f.file == page.file.src_uri and f.severity in ("error", "warn")
        ]
        return output.replace(NOTICE_PLACEHOLDER, notice_html(mine) if mine else "", 1)

    def on_build_error(self, *, error: Exception) -> None:
        for feature in self.features:
            feature.on_post_build()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        state = self._state
        for feature in self.features:
            feature.on_post_build()
        wrong = set().union(*(feature.withdrawn() for feature in self.features))
        if wrong:
            state.findings = [f for f in state.findings if finding_key(f) not in wrong]
        findings = state.findings
        log_findings(findings, log)
        if not findings:
            return
        if has_errors(findings) and self.command != "serve":
            raise PluginError(summary(findings))
        # MkDocs names the plugin before the message: "mkdocs_careerkit: 0 errors, 1 warning".
        log.info(summary(findings).removeprefix("careerkit: "))

    @property
    def _state(self) -> Build:
        if self.state is None:  # only if MkDocs skipped on_config, which it never does
            raise PluginError("careerkit: plugin used before on_config")
        return self.state


def notice_html(findings: list[Finding]) -> str:
    """The box shown at the top of a page under ``mkdocs serve`` listing its problems."""
    box = ET.Element("div", {"class": "admonition failure careerkit-notice", "role": "alert"})
    title = ET.SubElement(box, "p", {"class": "admonition-title"})
    n = len(findings)
    title.text = f"careerkit found {n} problem{'' if n == 1 else 's'} on this page"
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
