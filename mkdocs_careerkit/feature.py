"""What every feature of the plugin shares: the per-build state and the few hooks it may use.

The plugin (``plugin.py``) reads each page once and hands the features the events they need,
in order; a feature is a small object that adapts those events to its pure core.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_careerkit.config import CareerkitConfig
from mkdocs_careerkit.engine import Baseline
from mkdocs_careerkit.findings import Finding, FindingCollector
from mkdocs_careerkit.xref.check import PageLink
from mkdocs_careerkit.xref.scan import PageScan


@dataclasses.dataclass
class Build:
    """Everything one build gathers; made anew in ``on_config`` so serve rebuilds start clean.

    Attributes:
        options: The plugin's validated options (read-only).
        command: ``build``, ``serve`` or ``gh-deploy``.
        baseline: Known findings that do not fail the build.
        collector: Where Markdown extensions report findings for the page being converted.
        findings: Raw findings of pages (reading, front matter) and features, then, after
            ``on_env``, the final list.
        scans: Each page's source scan (links, headings, careerkit-ignore markers), kept until
            the page is converted.
        suppressions: Each page's careerkit-ignore markers, for the final findings.
        links: Every link to a page of the site, as the cross-reference checks resolved it;
            filled in ``on_env`` (by ``Xref.conclude``), for the features that come after.
        repaired_lists: ``(page, line)`` of swallowed lists that a feature shows as the author
            meant them (navigation cards): no ``markdown.swallowed-list`` finding there.
    """

    options: CareerkitConfig
    command: str
    baseline: Baseline | None
    collector: FindingCollector = dataclasses.field(default_factory=FindingCollector)
    findings: list[Finding] = dataclasses.field(default_factory=list)
    scans: dict[str, PageScan] = dataclasses.field(default_factory=dict)
    suppressions: dict[str, Any] = dataclasses.field(default_factory=dict)
    links: list[PageLink] = dataclasses.field(default_factory=list)
    repaired_lists: set[tuple[str, int]] = dataclasses.field(default_factory=set)

    @property
    def page(self) -> str:
        """The docs path of the page being converted."""
        return self.collector.file


def finding_key(f: Finding) -> tuple[str, int, int, str, str]:
    """What identifies a finding across severity overrides and the baseline's note."""
    return (f.file, f.line, f.column, f.code, f.message)


class Feature:
    """One capability of the plugin. Every hook is optional; the plugin calls them in order."""

    def __init__(self, build: Build) -> None:
        self.build = build

    def on_config(self, config: MkDocsConfig) -> None:
        """Install Markdown extensions, logging filters."""

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        """Add generated files (assets, generated pages)."""

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        """Read the final navigation."""

    def page_markdown(self, markdown: str, page: Page, raw: str | None) -> None:
        """Before Material's tags plugin reads ``page.meta`` (and after its meta plugin merged
        ``.meta.yml``): check the page's front matter in ``raw`` (its source, or None), adjust
        ``page.meta``."""

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        """After a page is converted: collect its facts, add assets; returns the HTML."""
        return html

    def page_context(self, content: str, page: Page) -> str:
        """Once every page is converted, just before this one goes into its template (and after
        the search plugin indexed it): fill placeholders in ``page.content``, a few KB, not the
        finished page with its whole navigation; returns the content."""
        return content

    def post_page(self, output: str, page: Page) -> str:
        """The finished HTML of a page (``<head>`` included): read it cheaply (never parse it),
        or add to it; returns it."""
        return output

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        """Once every page is converted: the feature's site-wide findings."""
        return []

    def withdrawn(self) -> set[tuple[str, int, int, str, str]]:
        """Findings of ``conclude`` that finished pages proved wrong, by :func:`finding_key`."""
        return set()

    def on_post_build(self) -> None:
        """At the end of the build, whether it succeeded or not."""
