"""The one engine behind both the build and ``careerkit check``.

The build feeds it what MkDocs gathered while rendering; the CLI feeds it the same facts read
straight from the sources. Everything after that — the checks, severities, suppressions and
baseline — is this module's, so both give the same findings.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel, get_files

from mkdocs_careerkit.assessments import SiteAssessments, check_source
from mkdocs_careerkit.assessments.adapter import options_from_config
from mkdocs_careerkit.backlinks import core as backlinks
from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.config import CareerkitConfig, ReadingConfig, xref_options
from mkdocs_careerkit.engine import Baseline, finalize
from mkdocs_careerkit.findings import Finding, Severity
from mkdocs_careerkit.lists.check import swallowed_list_findings
from mkdocs_careerkit.navcards.check import repaired_in_source
from mkdocs_careerkit.reading.check import check_sources, check_spellings
from mkdocs_careerkit.reading.feature import load_data, scan_sources
from mkdocs_careerkit.reading.site import citations, merge
from mkdocs_careerkit.sources import (
    Snippets,
    adds_files,
    blind_spots,
    read_source,
    scan_options,
    site_info,
)
from mkdocs_careerkit.tags.adapter import enabled as tags_enabled
from mkdocs_careerkit.tags.adapter import site_tags
from mkdocs_careerkit.xref import PageFacts, SiteInfo, check_links, scan_page
from mkdocs_careerkit.xref.check import PageLink
from mkdocs_careerkit.xref.scan import Suppression


def plugin_config(config: MkDocsConfig) -> CareerkitConfig:
    """The careerkit options of a loaded MkDocs config (defaults if the plugin is not listed)."""
    plugin = config.plugins.get("careerkit")
    if plugin is not None:
        return plugin.config  # type: ignore[no-any-return]
    defaults = CareerkitConfig()
    defaults.load_dict({})
    defaults.validate()
    return defaults


def load_baseline(
    options: CareerkitConfig, config: MkDocsConfig, override: str | None = None
) -> Baseline | None:
    """The baseline named by ``--baseline`` or the ``baseline`` option, if any.

    Raises:
        PluginError: The file cannot be read or is not a baseline; the one-line message names
            the file, the problem and the fix.
    """
    path = override or options.baseline
    if not path:
        return None
    if not override and config.config_file_path:
        path = os.path.join(os.path.dirname(config.config_file_path), path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        write = f"'careerkit check --write-baseline {path}'"
        if os.path.isdir(path):  # IsADirectoryError, or PermissionError on Windows
            problem = (
                f"baseline {path} is a directory: name the file written by "
                "'careerkit check --write-baseline FILE'"
            )
        elif isinstance(e, FileNotFoundError):
            where = "" if override else " (the 'baseline' option is relative to mkdocs.yml)"
            problem = (
                f"baseline file {path} does not exist{where}: correct the path "
                f"or create the file with {write}"
            )
        elif isinstance(e, PermissionError):
            problem = f"cannot read baseline file {path}: permission denied: make it readable"
        else:
            problem = (
                f"cannot read baseline file {path}: {e.strerror or e}: "
                "check the path and the file's permissions"
            )
        raise PluginError(f"careerkit: {problem}") from e
    try:
        return Baseline.from_bytes(data, path)
    except ValueError as e:
        raise PluginError(f"careerkit: {e}") from e


def conclude(
    pages: Mapping[str, PageFacts],
    site: SiteInfo,
    page_findings: Iterable[Finding],
    options: CareerkitConfig,
    baseline: Baseline | None,
    claimed: set[tuple[str, str]] | None = None,
    markers: Mapping[str, tuple[Suppression, ...]] | None = None,
    links: list[PageLink] | None = None,
) -> list[Finding]:
    """All findings of a site, final: the site-wide checks plus what pages reported.

    ``markers``: careerkit-ignore markers outside the Markdown (e.g. in front matter);
    ``links``, if given, receives every link to a page, as resolved (the link graph).
    """
    findings = list(page_findings)
    if options.xref.enabled:
        findings += check_links(pages, site, xref_options(options), claimed, links)
    suppressions = {src: facts.scan.suppressions for src, facts in pages.items()}
    for src, marks in (markers or {}).items():
        suppressions[src] = (*suppressions.get(src, ()), *marks)
    return finalize(
        findings,
        suppressions=suppressions,
        severity=cast("Mapping[str, Severity]", options.severity),
        baseline=baseline,
    )


def check_site(
    config: MkDocsConfig,
    *,
    baseline: str | None = None,
    use_baseline: bool = True,
    links: list[PageLink] | None = None,
    checked: list[str] | None = None,
) -> list[Finding]:
    """Check a site from its sources without rendering it (``careerkit check``).

    ``links``, if given, receives every link to a page, as resolved, and ``checked`` the docs path
    of every page checked (the link graph).
    """
    options = plugin_config(config)
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)  # favicon.png and the like
    site = site_info(files, config)
    if options.reading.enabled and options.reading.list_page:
        # The reading list page careerkit generates in a build (unless a page is already there).
        listed = {**site.files}
        listed.setdefault(options.reading.list_page, "included")
        site = dataclasses.replace(site, files=listed)
    blind = blind_spots(config)
    if blind:
        site = dataclasses.replace(site, blind=True, blind_files=adds_files(config))
    scan_kwargs = scan_options(config)
    snippets = Snippets.from_config(config)
    pages: dict[str, PageFacts] = {}
    page_findings: list[Finding] = []
    if blind and options.xref.enabled:
        page_findings.append(_cannot_see(config, blind))
    assessments, assessment_options = (
        SiteAssessments(),
        options_from_config(options.assessments, config),
    )
    tags = site_tags(options, config, files) if tags_enabled(options) else None
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.abs_src_path is None:
            continue
        source = read_source(file.abs_src_path, file.src_uri)
        page_findings += source.findings
        body = source.body
        extra = snippets.extra(body) if snippets is not None else ""
        scan = scan_page(
            f"{body}\n\n{extra}" if extra else body,
            line_offset=source.line_offset,
            **scan_kwargs,
        )
        if extra:  # what snippets brings counts for ids and definitions, not as the page's text
            scan = scan.within(source.line_offset + body.count("\n") + 1)
        pages[file.src_uri] = PageFacts(file.src_uri, scan, scan.anchors)
        swallowed = scan.swallowed
        if options.navcards.enabled:  # navigation cards show these lists as meant
            fixed = repaired_in_source(
                scan, options.navcards.headings, body.split("\n"), source.line_offset
            )
            swallowed = tuple(s for s in swallowed if s not in fixed)
        page_findings += swallowed_list_findings(file.src_uri, swallowed)
        if options.xref.enabled and options.backlinks.enabled:
            problem = backlinks.option(source.meta)[1]
            if problem:
                page_findings.append(backlinks.option_finding(file.src_uri, problem))
        if options.assessments.enabled:
            page_findings += check_source(
                source.body, file.src_uri, source.line_offset, assessment_options, assessments
            )
        if tags is not None:
            tags.page(file.src_uri, source.raw, source.meta)
    if tags is not None:
        page_findings += tags.conclude()
    if options.reading.enabled:
        page_findings += check_reading(files, config, options.reading)
    known = load_baseline(options, config, baseline) if use_baseline else None
    markers = tags.suppressions if tags is not None else None
    if checked is not None:
        checked.extend(pages)
    return conclude(pages, site, page_findings, options, known, markers=markers, links=links)


def check_reading(files: Files, config: MkDocsConfig, options: ReadingConfig) -> list[Finding]:
    """Reading-list findings from the sources: the books data file, items in no known style,
    unknown ``[book:id]``, one book spelled two ways (what the build also reports; an item's
    unexpected rendering only a build can see)."""
    data, found = load_data(options.books, config)
    scanned = scan_sources(files, tuple(options.headings), config.nav)
    books = merge(citations(scanned.sections, {}, data), data)
    return found + check_sources(scanned.sections, data) + check_spellings(books)


def _cannot_see(config: MkDocsConfig, blind: list[str]) -> Finding:
    """The one finding that says what ``careerkit check`` cannot see, and what follows."""
    where = os.path.relpath(config.config_file_path or "mkdocs.yml", config.docs_dir)
    return Finding(
        where.replace(os.sep, "/"),
        0,
        0,
        "xref.cannot-see",
        default_severity("xref.cannot-see"),
        f"careerkit check cannot see what {', '.join(blind)} add(s) to pages: missing anchors, "
        "references and footnotes are warnings here, not errors",
        "the build sees everything: run 'mkdocs build' for the exact verdict",
    )
