"""The one engine behind both the build and ``careerkit check``.

The build feeds it what MkDocs gathered while rendering; the CLI feeds it the same facts read
straight from the sources. Everything after that — the checks, severities, suppressions and
baseline — is this module's, so both give the same findings.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files

from mkdocs_careerkit import __version__
from mkdocs_careerkit.assessments import SiteAssessments, check_source
from mkdocs_careerkit.assessments.adapter import options_from_config
from mkdocs_careerkit.backlinks import core as backlinks
from mkdocs_careerkit.cache import PageCache, code_stamp, digest, stable
from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.config import CareerkitConfig, ReadingConfig, xref_options
from mkdocs_careerkit.engine import Baseline, finalize
from mkdocs_careerkit.findings import Finding, Severity
from mkdocs_careerkit.lists.check import swallowed_list_findings
from mkdocs_careerkit.navcards.check import repaired_in_source
from mkdocs_careerkit.reading.check import check_sources, check_spellings
from mkdocs_careerkit.reading.feature import SourcePages, load_data, nav_titles, scan_sources
from mkdocs_careerkit.reading.site import citations, merge
from mkdocs_careerkit.sources import (
    Snippets,
    adds_files,
    blind_spots,
    decode,
    scan_options,
    site_info,
    split_front_matter,
    unreadable,
)
from mkdocs_careerkit.tags.adapter import enabled as tags_enabled
from mkdocs_careerkit.tags.adapter import site_tags
from mkdocs_careerkit.tags.check import SiteTags
from mkdocs_careerkit.xref import PageFacts, SiteInfo, check_links, scan_page
from mkdocs_careerkit.xref.check import PageLink, PageResult, target_facts
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
    reuse: Mapping[str, PageResult] | None = None,
    results: dict[str, PageResult] | None = None,
) -> list[Finding]:
    """All findings of a site, final: the site-wide checks plus what pages reported.

    ``markers``: careerkit-ignore markers outside the Markdown (e.g. in front matter);
    ``links``, if given, receives every link to a page, as resolved (the link graph);
    ``reuse`` and ``results``: as :func:`~mkdocs_careerkit.xref.check.check_links` has them.
    """
    findings = list(page_findings)
    if options.xref.enabled:
        findings += check_links(
            pages, site, xref_options(options), claimed, links, reuse=reuse, results=results
        )
    suppressions = {src: facts.scan.suppressions for src, facts in pages.items()}
    for src, marks in (markers or {}).items():
        suppressions[src] = (*suppressions.get(src, ()), *marks)
    return finalize(
        findings,
        suppressions=suppressions,
        severity=cast("Mapping[str, Severity]", options.severity),
        baseline=baseline,
    )


@dataclasses.dataclass(frozen=True)
class PageRecord:
    """Everything ``careerkit check`` learns from one page read alone: a function of the page's
    bytes and the site's configuration only, so that it can be cached (``cache.py``).

    Attributes:
        facts: The page's links, anchors, headings and markers (for the site-wide link checks).
        findings: The page's own findings, in the order the checks report them.
        assessment_ids: The page's assessment ids in order, each with the finding reported if
            another page used the id first (its message names :data:`_OWNER`, replaced by
            that page when the site-wide pass finds one).
        tags: The page's tag findings, its front matter markers, the canonical tags it uses
            (None when tags are not checked).
        reading: The page's reading sections, title and marker, as ``scan_sources`` reads
            them (None when reading lists are off).
        targets: A hash of the page's target facts (what checking other pages' links reads
            of it), for the cached link results ('' when there is no cache).
    """

    facts: PageFacts
    findings: tuple[Finding, ...]
    assessment_ids: tuple[tuple[str, Finding], ...] = ()
    tags: tuple[tuple[Finding, ...], tuple[Suppression, ...], tuple[str, ...]] | None = None
    reading: SourcePages | None = None
    targets: str = ""


# A page name no docs path can be: stands for "the page that used the id first".
_OWNER = "\x00careerkit-owner\x00"


class _SomeOtherPage(dict[str, str]):
    """Owners of assessment ids as seen from one page read alone: always another page."""

    def setdefault(self, key: str, default: str | None = None) -> str:  # type: ignore[override]
        return _OWNER


@dataclasses.dataclass
class _Context:
    """What reading a page alone needs besides the page (all from the site's configuration)."""

    options: CareerkitConfig
    scan_kwargs: dict[str, Any]
    snippets: Snippets | None
    assessment_options: Any
    tags: SiteTags | None
    reading_headings: tuple[str, ...]


def page_record(file: File, data: bytes | OSError, ctx: _Context) -> PageRecord:
    """Read one page alone (``data``: its bytes, or why they could not be read).

    A new per-page check adds its results to :class:`PageRecord` here, and its site-wide part
    to :func:`check_site` after the loop over records: the cache then covers it as it is.
    """
    src = file.src_uri
    options = ctx.options
    if isinstance(data, OSError):
        source = split_front_matter("", src, [unreadable(src, data)])
    else:
        text, problems = decode(data, src)
        source = split_front_matter(text, src, problems)
    findings = list(source.findings)
    body = source.body
    extra = ctx.snippets.extra(body) if ctx.snippets is not None else ""
    scan = scan_page(
        f"{body}\n\n{extra}" if extra else body,
        line_offset=source.line_offset,
        **ctx.scan_kwargs,
    )
    if extra:  # what snippets brings counts for ids and definitions, not as the page's text
        scan = scan.within(source.line_offset + body.count("\n") + 1)
    swallowed = scan.swallowed
    if options.navcards.enabled:  # navigation cards show these lists as meant
        fixed = repaired_in_source(
            scan, options.navcards.headings, body.split("\n"), source.line_offset
        )
        swallowed = tuple(s for s in swallowed if s not in fixed)
    findings += swallowed_list_findings(src, swallowed)
    if options.xref.enabled and options.backlinks.enabled:
        problem = backlinks.option(source.meta)[1]
        if problem:
            findings.append(backlinks.option_finding(src, problem))
    ids: list[tuple[str, Finding]] = []
    if options.assessments.enabled:
        probe = SiteAssessments(owners=_SomeOtherPage())
        tail = f"' is also used on page '{_OWNER}'"
        for f in check_source(source.body, src, source.line_offset, ctx.assessment_options, probe):
            if f.code == "assessment.id-reused" and tail in f.message:
                head = f.message.partition(tail)[0]
                ids.append((head.removeprefix("assessment id '"), f))
            else:
                findings.append(f)
    tags = None
    if ctx.tags is not None:
        one = copy.copy(ctx.tags)
        one.findings, one.suppressions, one.used = [], {}, Counter()
        one.page(src, source.raw, source.meta)
        tags = (tuple(one.findings), one.suppressions.get(src, ()), tuple(one.used.elements()))
    reading = None
    if options.reading.enabled:
        reading = scan_sources(cast("Files", _OnePage(file)), ctx.reading_headings)
    facts = PageFacts(src, scan, scan.anchors)
    return PageRecord(facts, tuple(findings), tuple(ids), tags, reading)


class _OnePage:
    """One page as ``scan_sources`` walks a site's files."""

    def __init__(self, file: File) -> None:
        self.file = file

    def documentation_pages(self, **_: Any) -> list[File]:
        return [self.file]


def check_site(
    config: MkDocsConfig,
    *,
    baseline: str | None = None,
    use_baseline: bool = True,
    links: list[PageLink] | None = None,
    checked: list[str] | None = None,
    cache_file: str | None = None,
) -> list[Finding]:
    """Check a site from its sources without rendering it (``careerkit check``).

    ``links``, if given, receives every link to a page, as resolved, and ``checked`` the docs path
    of every page checked (the link graph). ``cache_file``: where page records are kept between
    runs (``cache.py``); the findings are the same with or without it.
    """
    options = plugin_config(config)
    files = get_files(config)
    # favicon.png and the like, chosen by MkDocs' own rules from a quicker listing
    files.add_files_from_theme(cast("Any", ThemeListing(config.theme.dirs)), config)
    site = site_info(files, config)
    if options.reading.enabled and options.reading.list_page:
        # The reading list page careerkit generates in a build (unless a page is already there).
        listed = {**site.files}
        listed.setdefault(options.reading.list_page, "included")
        site = dataclasses.replace(site, files=listed)
    blind = blind_spots(config)
    if blind:
        site = dataclasses.replace(site, blind=True, blind_files=adds_files(config))
    tags = site_tags(options, config, files) if tags_enabled(options) else None
    ctx = _Context(
        options,
        scan_options(config),
        Snippets.from_config(config),
        options_from_config(options.assessments, config),
        tags,
        tuple(options.reading.headings),
    )
    cache = _open_cache(cache_file, config, files, ctx)
    page_findings: list[Finding] = []
    if blind and options.xref.enabled:
        page_findings.append(_cannot_see(config, blind))
    pages: dict[str, PageFacts] = {}
    hashes: dict[str, str | None] = {}
    targets: dict[str, str] = {}
    owners: dict[str, str] = {}
    sections: dict[str, list[Any]] = {}
    titles: dict[str, str] = {}
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.abs_src_path is None:
            continue
        record, hashes[file.src_uri] = _record(file, ctx, cache)
        src = file.src_uri
        pages[src] = record.facts
        targets[src] = record.targets
        page_findings += record.findings
        for assessment_id, reused in record.assessment_ids:
            owner = owners.setdefault(assessment_id, src)
            if owner != src:
                message = reused.message.replace(_OWNER, owner)
                page_findings.append(dataclasses.replace(reused, message=message))
        if tags is not None and record.tags is not None:
            found, marks, used = record.tags
            tags.findings += found
            if marks:
                tags.suppressions[src] = marks
            tags.used.update(used)
        if record.reading is not None:
            sections.update(record.reading.sections)
            titles.update(record.reading.titles)
    if cache is not None and ctx.snippets is not None:
        for name, text in ctx.snippets.texts().items():
            cache.depend(f"snippet:{name}", digest(text.encode("utf-8")))
    if tags is not None:
        page_findings += tags.conclude()
    if options.reading.enabled:
        named = nav_titles(config.nav or [])  # the nav's titles win, as in scan_sources
        for src, title in titles.items():
            named.setdefault(src, title)
        scanned = SourcePages(sections, named, ())
        page_findings += check_reading(files, config, options.reading, scanned)
    known = load_baseline(options, config, baseline) if use_baseline else None
    markers = tags.suppressions if tags is not None else None
    if checked is not None:
        checked.extend(pages)
    if cache is None:
        return conclude(pages, site, page_findings, options, known, markers=markers, links=links)
    earlier = None
    if options.xref.enabled:
        earlier = _LinkResults(cache, site, options, pages, hashes, targets)
    results: dict[str, PageResult] = {}
    final = conclude(
        pages,
        site,
        page_findings,
        options,
        known,
        markers=markers,
        links=links,
        reuse=earlier.reuse if earlier is not None else None,
        results=results,
    )
    if earlier is not None:
        earlier.keep(results)
    cache.save()
    return final


# Cache entries of the link check's results: a name no docs path can be, then the page's.
_LINKS = "\x00links\x00"


class _LinkResults:
    """What checking each page's links gave in earlier runs, kept in the page cache.

    A page's link findings are a function of the page, the site (its files, nav, URLs, theme
    ids…), the options, the order of the pages and every page's target facts (what checking
    links elsewhere reads of it: :func:`~mkdocs_careerkit.xref.check.target_facts`). Each
    page's results are kept under a hash of all of these, so they are used again exactly when
    nothing they depend on changed: when a page's bytes change, its own links are checked
    again; when its target facts change too (a heading renamed, an anchor removed), every
    page's. Orphans and URL collisions are always worked out afresh from all pages.
    """

    def __init__(
        self,
        cache: PageCache,
        site: SiteInfo,
        options: CareerkitConfig,
        pages: Mapping[str, PageFacts],
        hashes: Mapping[str, str | None],
        targets: Mapping[str, str],
    ) -> None:
        self.cache = cache
        self.keys: dict[str, str] = {}
        self.reuse: dict[str, PageResult] = {}
        if any(hashes.get(src) is None for src in pages):
            return  # a page that could not be read is never cached
        every = "\n".join(f"{src}\x00{targets[src]}" for src in pages)
        context = digest(stable([site, xref_options(options), every]).encode("utf-8"))
        for src in pages:
            self.keys[src] = key = digest(f"{hashes[src]}\x00{context}".encode())
            result = cache.get(_LINKS + src, key, count=False)
            if isinstance(result, PageResult):
                self.reuse[src] = result

    def keep(self, results: Mapping[str, PageResult]) -> None:
        """Keep what this run's link check gave for the pages it checked."""
        for src, result in results.items():
            if src in self.keys:
                self.cache.put(_LINKS + src, self.keys[src], result)


class ThemeListing:
    """What ``Files.add_files_from_theme`` asks of the theme's Jinja environment: the names of
    the theme's files (``list_templates``), as Jinja's ``FileSystemLoader`` lists them.

    Hidden folders are not entered: MkDocs drops every name in them (its filter's ``.*`` and
    ``*/.*``), and Material's ``.icons`` holds 14,000 files, whose listing and filtering took
    a tenth of a second of every check. Nothing else of Jinja is needed (nor imported, nor the
    theme's translations installed) to know which files the theme adds.
    """

    def __init__(self, dirs: Iterable[str]) -> None:
        self.dirs = [os.fspath(d) for d in dirs]

    def list_templates(self, filter_func: Callable[[str], bool] | None = None) -> list[str]:
        found: set[str] = set()
        for searchpath in self.dirs:
            for dirpath, dirnames, filenames in os.walk(searchpath):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for filename in filenames:
                    name = os.path.join(dirpath, filename)[len(searchpath) :]
                    name = name.strip(os.path.sep).replace(os.path.sep, "/")
                    found.add(name[2:] if name[:2] == "./" else name)
        names = sorted(found)
        return [n for n in names if filter_func(n)] if filter_func is not None else names


def _record(file: File, ctx: _Context, cache: PageCache | None) -> tuple[PageRecord, str | None]:
    """A page's record, from the cache when its bytes are those of the cached one, and its
    content hash (None without a cache, or when the page could not be read)."""
    assert file.abs_src_path is not None
    data: bytes | OSError
    try:
        with open(file.abs_src_path, "rb") as f:
            data = f.read()
    except OSError as e:
        data = e
    if cache is None or isinstance(data, OSError):
        return page_record(file, data, ctx), None
    content = digest(data)
    record = cache.get(file.src_uri, content)
    if not isinstance(record, PageRecord):
        record = page_record(file, data, ctx)
        # For the cached link results only (see _LinkResults).
        targets = digest(repr(target_facts(record.facts)).encode("utf-8"))
        record = dataclasses.replace(record, targets=targets)
        cache.put(file.src_uri, content, record)
    return record, content


def _open_cache(
    path: str | None, config: MkDocsConfig, files: Files, ctx: _Context
) -> PageCache | None:
    """The page cache at ``path`` for this configuration (None: no cache)."""
    if path is None:
        return None
    parts: list[Any] = [
        __version__,
        code_stamp(),
        {k: v for k, v in config.items() if k not in _NOT_IN_KEY},
        ctx.scan_kwargs,
        ctx.assessment_options,
        ctx.reading_headings,
    ]
    if ctx.tags is not None:  # the taxonomy and the meta files' data, as read
        parts += [ctx.tags.taxonomy, ctx.tags.options, ctx.tags.meta_files]
    parts.append([_file_digest(p) for p in _config_files(config)])
    key = digest(stable(parts).encode("utf-8"))
    snippets = ctx.snippets

    def dep(name: str) -> str:
        kind, _, value = name.partition(":")
        if kind == "snippet" and snippets is not None:
            return digest(Snippets(snippets.base_paths, ()).read(value).encode("utf-8"))
        raise ValueError(f"unknown dependency {name}")

    return PageCache.open(path, key, dep)


# Config values that change no page record (and may differ from run to run).
_NOT_IN_KEY = frozenset({"site_dir", "dev_addr", "watch", "serve_open", "strict"})


def _config_files(config: MkDocsConfig) -> list[str]:
    """Files besides the pages whose bytes page records may depend on: the config file and
    the one it inherits from, and the site's hook modules."""
    found = [config.config_file_path or ""]
    inherited = _inherits(found[0]) if found[0] else None
    while inherited is not None and inherited not in found and len(found) < 16:
        found.append(inherited)
        inherited = _inherits(inherited)
    hooks: dict[str, Any] = config.hooks if isinstance(config.hooks, dict) else {}
    for hook in hooks.values():
        found.append(getattr(hook, "__file__", "") or "")
    return [p for p in found if p]


_INHERIT_RE = re.compile(r"""^INHERIT:[ \t]*["']?([^"'\n#]+?)["']?[ \t]*(?:#.*)?$""", re.M)


def _inherits(path: str) -> str | None:
    """The file a YAML config names in ``INHERIT:`` (relative to it), if any."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            m = _INHERIT_RE.search(f.read())
    except OSError:
        return None
    return os.path.join(os.path.dirname(path), m.group(1)) if m else None


def site_inputs(config: MkDocsConfig) -> list[str]:
    """Absolute paths of the files and folders outside ``docs_dir`` that any page's findings may
    depend on: the config file, the taxonomy, the books file, the baseline, snippets' base
    paths, the theme's custom folder, the hooks."""
    options = plugin_config(config)
    root = os.path.dirname(config.config_file_path or "") or "."
    found = _config_files(config)
    for path in (options.tags.taxonomy, options.reading.books, options.baseline):
        if path:
            found.append(os.path.join(root, path))
    snippets = Snippets.from_config(config)
    if snippets is not None:
        found += snippets.base_paths
    custom = getattr(config.theme, "custom_dir", None)
    if custom:
        found.append(custom)
    return [os.path.abspath(p) for p in found]


def _file_digest(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return digest(f.read())
    except OSError:
        return "missing"


def check_reading(
    files: Files,
    config: MkDocsConfig,
    options: ReadingConfig,
    scanned: SourcePages | None = None,
) -> list[Finding]:
    """Reading-list findings from the sources: the books data file, items in no known style,
    unknown ``[book:id]``, one book spelled two ways (what the build also reports; an item's
    unexpected rendering only a build can see). ``scanned``: the pages' sections, if read."""
    data, found = load_data(options.books, config)
    if scanned is None:
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
