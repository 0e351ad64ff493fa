"""Reading lists in a build: the extension with the plugin's options, the card stylesheet on the
pages that show cards."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from mkdocs_careerkit import assets
from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.reading.extension import EXTENSION, PageReading, ReadingExtension
from mkdocs_careerkit.reading.parse import Section, find_sections
from mkdocs_careerkit.sources import read_source
from mkdocs_careerkit.xref.scan import PageScan


def scan_sources(files: Files, names: tuple[str, ...]) -> dict[str, list[Section]]:
    """The reading sections of every published page, read from its source (lines count from
    the top of the file)."""
    keys = [n.casefold() for n in names]
    found: dict[str, list[Section]] = {}
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.abs_src_path is None:
            continue
        source = read_source(file.abs_src_path, file.src_uri)
        folded = source.body.casefold()
        if not any(k in folded for k in keys):
            continue  # cheap: most pages have no reading section
        sections = find_sections(source.body.split("\n"), names)
        if sections:
            found[file.src_uri] = [_shift(s, source.line_offset) for s in sections]
    return found


def _shift(section: Section, offset: int) -> Section:
    if not offset:
        return section
    return dataclasses.replace(
        section,
        line=section.line + offset,
        items=tuple(dataclasses.replace(i, line=i.line + offset) for i in section.items),
        labels=tuple((line + offset, label) for line, label in section.labels),
    )


class Reading(Feature):
    """Turns "Further Reading" lists into cards."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.pages: dict[str, tuple[PageReading, ...]] = {}
        self.sources: dict[str, list[Section]] = {}
        options = self.build.options.reading
        self.names = tuple(options.headings)
        hooks = {"reporter": self.build.collector.report, "collect": self._found}
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
        self.sources = scan_sources(files, self.names)
        if any(i.entry for sections in self.sources.values() for s in sections for i in s.items):
            # Only sites that show cards get the stylesheet.
            assets.add_files(files, config, (assets.CARDS_CSS,))

    def page_content(self, html: str, page: Page, scan: PageScan) -> str:
        found = self.pages.get(page.file.src_uri, ())
        if any(any(r.cards) for r in found):
            html += assets.stylesheet_tag(assets.CARDS_CSS, page.url)
        return html

    def _found(self, found: Sequence[PageReading]) -> None:
        """Called by the extension for each page it converts."""
        if found:
            self.pages[self.build.page] = tuple(found)
        else:
            self.pages.pop(self.build.page, None)
