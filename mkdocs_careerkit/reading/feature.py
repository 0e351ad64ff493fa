"""Reading lists in a build: cards on each page, and the guide's one reading list.

The list is built from the sources in ``on_files``: a page MkDocs generates must have its
Markdown before pages render, and pages are rendered before ``on_env``, so collecting while
rendering would come too late for the list page. Reading each page's source once more is cheap
(a substring test skips pages without a reading section) and gives ``careerkit check`` the same
books. Titles come from ``nav:``, front matter, the first heading or the file name, as MkDocs
would find them.
"""

from __future__ import annotations

import dataclasses
import os
import re
import types
from collections.abc import Iterable, Sequence
from typing import Any
from xml.etree import ElementTree as ET

import yaml
from markdown.preprocessors import NormalizeWhitespace
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.nav import Section as NavSection
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, meta

from mkdocs_careerkit import assets
from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.check import check_spellings
from mkdocs_careerkit.reading.data import BookData, by_key, load_books, match
from mkdocs_careerkit.reading.extension import EXTENSION, PageReading, ReadingExtension
from mkdocs_careerkit.reading.parse import Entry, Section, has_marker, sections_of
from mkdocs_careerkit.reading.render import also, reading_list
from mkdocs_careerkit.reading.site import (
    MARKER,
    Book,
    BookIndex,
    book_ids,
    book_index,
    by_best_for,
    by_section,
    citations,
    export_bibtex,
    export_csv,
    export_json,
    export_path,
    find_book,
    json_ld,
    merge,
)
from mkdocs_careerkit.sources import read_text, toc_slugify, universal_newlines
from mkdocs_careerkit.xref.scan import PageScan

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TABS: Any = types.SimpleNamespace(tab_length=4)  # MkDocs' Markdown, as NormalizeWhitespace needs
_ALSO_START = "<!--careerkit:also:"
_ALSO_RE = re.compile(r"<!--careerkit:also:(\d+)-->")
_H1_RE = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)


@dataclasses.dataclass(frozen=True)
class SourcePages:
    """What the source scan found: reading sections per page, page titles, marker pages."""

    sections: dict[str, list[Section]]
    titles: dict[str, str]
    hosts: tuple[str, ...]


def scan_sources(files: Files, names: tuple[str, ...], nav: Any = None) -> SourcePages:
    """The reading sections of every published page, read from its source (lines count from
    the top of the file), with the titles of those pages and the pages holding the marker."""
    keys = [n.casefold() for n in names]
    found: dict[str, list[Section]] = {}
    titles = nav_titles(nav or [])
    hosts = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.abs_src_path is None:
            continue
        raw, _ = read_text(file.abs_src_path, file.src_uri)  # problems: the plugin reports
        raw = universal_newlines(raw)
        if MARKER in raw and has_marker(raw.split("\n"), MARKER):
            hosts.append(file.src_uri)
        folded = raw.casefold()
        if not any(k in folded for k in keys):
            continue  # cheap: most pages have no reading section
        body, meta = _front_matter(raw)
        # The lines as Python-Markdown's first preprocessor leaves them: the conversion then
        # finds the same sections without parsing them again (sections_of remembers them).
        sections = list(sections_of(NormalizeWhitespace(_TABS).run(body.split("\n")), names))
        if not sections:
            continue
        offset = raw.count("\n") - body.count("\n") if raw.endswith(body) else 0
        found[file.src_uri] = [_shift(s, offset) for s in sections]
        if file.src_uri not in titles:
            title = meta.get("title")
            h1 = _H1_RE.search(body)
            titles[file.src_uri] = str(title) if title else h1.group(1) if h1 else _name(file)
    return SourcePages(found, titles, tuple(hosts))


def _front_matter(raw: str) -> tuple[str, dict[str, Any]]:
    """Body and front matter as MkDocs splits them (``mkdocs.utils.meta.get_data``), with
    libyaml's loader when present: this runs on every page with a reading section."""
    m = meta.YAML_RE.match(raw)
    if not m:
        body, data = meta.get_data(raw)  # MultiMarkdown style, no YAML to speed up
        return body, data
    try:
        data = yaml.load(m.group(1), Loader=_LOADER)
    except yaml.YAMLError:
        return raw, {}
    if not isinstance(data, dict):
        return raw, {}
    return raw[m.end() :].lstrip("\n"), data


def nav_titles(items: Iterable[Any]) -> dict[str, str]:
    """``{docs path: title}`` for the pages ``nav:`` names with a title."""
    out: dict[str, str] = {}
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    out[os.path.normpath(value).replace(os.sep, "/")] = str(title)
                elif isinstance(value, list):
                    out.update(nav_titles(value))
    return out


def nav_sections(items: Iterable[Any]) -> dict[str, str]:
    """``{docs path: title}`` in nav order: the top-level section holding each page, or the
    page's own title for a page at the top of the nav (``""`` if it has none yet)."""
    out: dict[str, str] = {}

    def pages(item: Any, title: str) -> None:
        if isinstance(item, NavSection):
            for child in item.children:
                pages(child, title)
        elif isinstance(item, Page):
            out.setdefault(item.file.src_uri, title)

    for item in items:
        if isinstance(item, NavSection):
            pages(item, item.title)
        elif isinstance(item, Page):
            out.setdefault(item.file.src_uri, item.title or "")
    return out


def _name(file: File) -> str:
    """MkDocs' title from a file name: ``giving-feedback.md`` → ``Giving feedback``."""
    title = file.name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _shift(section: Section, offset: int) -> Section:
    if not offset:
        return section
    return dataclasses.replace(
        section,
        line=section.line + offset,
        items=tuple(dataclasses.replace(i, line=i.line + offset) for i in section.items),
        labels=tuple((line + offset, label) for line, label in section.labels),
    )


def section_anchors(
    sections: dict[str, list[Section]], config: MkDocsConfig
) -> dict[tuple[str, int], str]:
    """The id each reading heading will get: its ``{#id}``, else the ``toc`` slug (numbered
    ``_1``, ``_2`` like ``toc`` when a page repeats it)."""
    slugify, separator = toc_slugify(config)
    attr_list = "attr_list" in config.markdown_extensions
    out = {}
    for src, found in sections.items():
        seen: dict[str, int] = {}
        for s in found:
            given = s.explicit_id if attr_list else ""
            slug = given or slugify(s.title if attr_list else s.heading, separator)
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out[(src, s.line)] = slug if n == 0 or given else f"{slug}_{n}"
    return out


class Reading(Feature):
    """Turns "Further Reading" lists into cards and makes the guide's reading list."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.pages: dict[str, tuple[PageReading, ...]] = {}
        self.books: list[Book] = []
        self.index: BookIndex | None = None
        self.found: list[Finding] = []
        self.hosts: tuple[str, ...] = ()
        self.exports: list[tuple[str, str]] = []
        self.titles: dict[str, str] = {}
        self.ld: dict[str, str] = {}
        self.book_ids: list[str] = []
        self.urls: dict[str, str] = {}
        self.sections: dict[str, str] = {}
        options = self.build.options.reading
        self.names = tuple(options.headings)
        self.data, self.data_findings = load_data(options.books, config)
        self.data_index = by_key(self.data)
        hooks = {
            "reporter": self.build.collector.report,
            "collect": self._found,
            "books": {k: b.entry for k, b in self.data.items()},
            "also": self._also,
        }
        if EXTENSION in config.markdown_extensions:
            # The author's own entry gets the reporter; its options win.
            mdx = config.mdx_configs.setdefault(EXTENSION, {})
            mdx.setdefault("headings", list(options.headings))
            names = mdx["headings"]
            self.names = (names,) if isinstance(names, str) else tuple(names)
            mdx.update(hooks)
            return
        config.markdown_extensions.append(
            ReadingExtension(headings=list(options.headings), **hooks)  # type: ignore[arg-type]
        )

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        options = self.build.options.reading
        scanned = scan_sources(files, self.names, config.nav)
        self.titles = scanned.titles
        anchors = section_anchors(scanned.sections, config)
        self.books = merge(citations(scanned.sections, anchors, self.data), self.data)
        self.index = None
        self.found = check_spellings(self.books)
        self.hosts = scanned.hosts
        if not self.hosts and options.list_page and self.books:
            if files.get_file_from_path(options.list_page) is None:
                title = options.list_title.replace("\n", " ")
                content = (
                    f"---\ntitle: {_yaml_str(title)}\n---\n\n# {_md_text(title)}\n\n{MARKER}\n"
                )
                files.append(File.generated(config, options.list_page, content=content))
            # A page of the author's own at that path holds the list (at its end).
            self.hosts = (options.list_page,)
        if self.books:
            # Only sites that show cards get the stylesheet; the filter script only with a list.
            assets.add_files(files, config, (assets.CARDS_CSS,))
            if self.hosts:
                assets.add_files(files, config, (assets.READING_FILTER_JS,))
        self.urls = {f.src_uri: f.url for f in files}
        self.exports = []
        if self.hosts and options.exports and self.books:
            for label, suffix, text in (
                ("JSON", ".json", export_json(self.books, self.urls, self.titles)),
                ("CSV", ".csv", export_csv(self.books, self.urls)),
                ("BibTeX", ".bib", export_bibtex(self.books)),
            ):
                path = export_path(self.hosts[0], suffix)
                if files.get_file_from_path(path) is None:
                    files.append(File.generated(config, path, content=text))
                    self.exports.append((label, path))

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        self.sections = nav_sections(nav.items)

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        src = page.file.src_uri
        found = self.pages.get(src, ())
        shown = [
            self.data[item.ref] if item.ref else item.entry
            for r in found
            for item, card in zip(r.section.items, r.cards, strict=True)
            if card
        ]
        entries = [x.entry if isinstance(x, BookData) else x for x in shown if x is not None]
        known = [
            x if isinstance(x, BookData) else match(x, self.data, self.data_index) if x else None
            for x in shown
        ]
        cards = bool(entries)
        if src in self.hosts:
            html = self._place_list(html, page)
            entries = [b.entry for b in self.books]
            known = [b.data for b in self.books]
            cards = True
        if cards:
            html += assets.stylesheet_tag(assets.CARDS_CSS, page.url)
        if src in self.hosts and self.books:
            # In the content, like the assessment script: Material's instant navigation loads
            # it when a reader arrives at the list from another page.
            html += assets.script_tag(assets.READING_FILTER_JS, page.url)
        if entries:
            self.ld[src] = json_ld(entries, known=known)
        return html

    def post_page(self, output: str, page: Page) -> str:
        # In <head>: Material's instant navigation re-creates the scripts of the content
        # without their type, which would run the JSON as JavaScript. `str.replace` finds
        # `</head>` near the start and copies the page once, in its own character width (a
        # slice of a page with one non-ASCII character is converted, 1 ms per 400 KB).
        data = self.ld.pop(page.file.src_uri, None)
        if data is None:
            return output
        script = f'<script type="application/ld+json">{data}</script>'
        return output.replace("</head>", script + "</head>", 1)

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        return [*self.data_findings, *self.found]

    def _place_list(self, html: str, page: Page) -> str:
        def href(target: str, anchor: str) -> str:
            url = get_relative_url(self.urls.get(target, target), page.url)
            return f"{url}#{anchor}" if anchor else url

        exports = [
            (label, get_relative_url(self.urls.get(p, p), page.url)) for label, p in self.exports
        ]

        def cover(path: str) -> str:
            return get_relative_url(path, page.url)

        group_by = self.build.options.reading.group_by
        groups = (
            by_section(self.books, self.sections, self.titles)
            if group_by == "section"
            else by_best_for(self.books)
            if group_by == "best_for"
            else None
        )
        element = reading_list(self.books, href, self.titles, exports, cover, groups)
        text = ET.tostring(element, encoding="unicode", method="html")
        if MARKER in html:
            return html.replace(MARKER, text, 1)
        return html + text

    def _also(self, entry: Entry) -> str | None:
        """Called by the extension for each card: a placeholder for a link to the book on the
        reading list when other pages recommend it too (see :meth:`page_context`)."""
        if not self.hosts:
            return None
        if self.index is None:
            self.index = book_index(self.books)
        i = find_book(entry, self.books, self.index)
        if i < 0:
            return None
        here = self.build.page
        if here in self.hosts or not any(p != here for p in self.books[i].pages):
            return None
        return f"<!--careerkit:also:{i}-->"

    def page_context(self, content: str, page: Page) -> str:
        """The "Also recommended in N other pages" links, put in after the search plugin read
        the page: they are careerkit's words, the same on every card, not the author's."""
        if _ALSO_START not in content:
            return content
        here = page.file.src_uri
        if not self.book_ids:
            self.book_ids = book_ids(self.books)
        host = self.hosts[0]
        url = get_relative_url(self.urls.get(host, host), self.urls.get(here, here))

        def link(m: re.Match[str]) -> str:
            i = int(m.group(1))
            pages = self.books[i].pages  # each page once
            n = len(pages) - (here in pages)
            text = f"Also recommended in {n} other page{'s' if n > 1 else ''}"
            return also(text, f"{url}#{self.book_ids[i]}")

        return _ALSO_RE.sub(link, content)

    def _found(self, found: Sequence[PageReading]) -> None:
        """Called by the extension for each page it converts."""
        if found:
            self.pages[self.build.page] = tuple(found)
        else:
            self.pages.pop(self.build.page, None)


def load_data(path: str | None, config: MkDocsConfig) -> tuple[dict[str, BookData], list[Finding]]:
    """The books data file named by the ``books`` option (relative to ``mkdocs.yml``)."""
    if not path:
        return {}, []
    base = os.path.dirname(config.config_file_path or "")
    full = os.path.join(base, path)
    shown = os.path.relpath(full, config.docs_dir).replace(os.sep, "/")
    return load_books(full, shown, config.docs_dir)


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _md_text(text: str) -> str:
    """Text that Markdown shows as written (the list page's heading)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>])", r"\\\1", text)
