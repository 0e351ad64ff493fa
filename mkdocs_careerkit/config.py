"""Configuration of the ``careerkit`` plugin: one sub-config per feature.

A wrong option name is an error (not MkDocs' usual warning), because a typo such as
``xrefs:`` would otherwise silently switch a check off.
"""

from __future__ import annotations

import difflib
import re
from pathlib import PurePosixPath

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_careerkit.assessments.parse import TITLE_WORDS
from mkdocs_careerkit.assessments.strings import DEFAULT_STRINGS, PROGRESS_STRINGS
from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.findings import SEVERITIES
from mkdocs_careerkit.xref.check import XrefOptions


class StrictConfig(base.Config):
    """A Config whose unknown keys are errors naming the key and the closest known one."""

    def _validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super()._validate()
        kept: base.ConfigWarnings = []
        for key, message in warnings:
            if message.startswith("Unrecognised configuration name"):
                hint = difflib.get_close_matches(key, sorted(self._schema_keys), n=1)
                text = f"Unrecognised configuration name: {key}"
                if hint:
                    text += f" (did you mean '{hint[0]}'?)"
                else:
                    text += f" (known names: {', '.join(sorted(self._schema_keys))})"
                failed.append((key, base.ValidationError(text)))
            else:
                kept.append((key, message))
        return failed, kept


class SeverityMap(c.DictOfItems[str]):
    """``{code: severity}``; an unknown code is an error suggesting the closest known one."""

    def __init__(self) -> None:
        super().__init__(c.Choice(SEVERITIES), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        result = super().run_validation(value)
        for code in result:
            if code not in CODES:
                hint = difflib.get_close_matches(code, sorted(CODES), n=1)
                tip = f"did you mean '{hint[0]}'?" if hint else "see the list of checks"
                raise base.ValidationError(f"unknown finding code '{code}' ({tip})")
        return result


class XrefConfig(StrictConfig):
    """Cross-reference checks (``xref.*`` codes)."""

    enabled = c.Type(bool, default=True)
    """Check links between pages and to anchors while the site builds."""

    ignore = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns of link targets never to check, matched against the target as written
    (``../drafts/*``) and against the resolved docs path with its anchor
    (``leadership/*.md#legacy-*``)."""

    nav_section = c.Type(str, default="Cross-Reference Navigation")
    """Heading text of the section that links a page to its siblings (compared ignoring case)."""

    nav_section_min_links = c.Type(int, default=1)
    """A navigation section with fewer valid links than this is reported
    (``xref.thin-nav-section``)."""

    quiet_mkdocs_validation = c.Type(bool, default=True)
    """Lower MkDocs' own message about a link careerkit reported too to `debug` (shown with
    `mkdocs build --verbose`), so that each broken link is reported once, by careerkit, with its
    source line."""


class StringsMap(c.DictOfItems[str]):
    """``{key: text}`` translating the words readers see; an unknown key, or a text that drops
    a ``{placeholder}`` of the English original, is an error."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        result = super().run_validation(value)
        known = {**DEFAULT_STRINGS, **PROGRESS_STRINGS}  # the progress page's words too
        for key, text in result.items():
            if key not in known:
                hint = difflib.get_close_matches(key, sorted(known), n=1)
                tip = f"did you mean '{hint[0]}'?" if hint else "see the assessments docs page"
                raise base.ValidationError(f"unknown string '{key}' ({tip})")
            needed = set(re.findall(r"\{\w+\}", known[key]))
            missing = sorted(needed - set(re.findall(r"\{\w+\}", text)))
            if missing:
                raise base.ValidationError(
                    f"string '{key}' must keep {', '.join(missing)} (English: '{known[key]}')"
                )
        return result


class AssessmentsConfig(StrictConfig):
    """Interactive self-assessments (``assessment.*`` codes)."""

    enabled = c.Type(bool, default=True)
    """Turn assessment blocks into interactive ratings."""

    admonition_types = c.ListOfItems(c.Type(str), default=["question"])
    """Admonition types that are assessments when they contain task-list items (``- [ ]``) or
    a level table. Blocks of type ``assessment`` always are, and accept option lines."""

    title_words = c.ListOfItems(c.Type(str), default=list(TITLE_WORDS))
    """Words that make an admonition of any type (``!!! abstract "Team Health Check"``) an
    assessment when its title holds one of them, as a whole word and ignoring case, and it
    contains task-list items or a level table. ``[]`` turns this off."""

    strings = StringsMap()
    """Translations of the words readers see around an assessment and on the progress page
    (buttons, headings, messages), by key, e.g. ``{save: Heutiges Ergebnis speichern}``;
    by default the built-in words of the site's language."""


class TagsConfig(StrictConfig):
    """Tag taxonomy and front matter checks (``tags.*`` codes)."""

    enabled = c.Optional(c.Type(bool))
    """Check page tags and front matter. Unset: on when a ``taxonomy`` is set (turning it on
    without one still checks that tags are lists, repeats, required keys and counts)."""

    taxonomy = c.Optional(c.Type(str))
    """Path (relative to ``mkdocs.yml``) of the tag taxonomy file: allowed tags with their
    descriptions, groups, aliases and deprecations. ``careerkit tags init`` writes one."""

    required = c.ListOfItems(c.Type(str), default=["title", "description", "tags"])
    """Front matter keys every page must have (``tags.missing-key``); keys a ``.meta.yml`` of
    Material's meta plugin gives the page count."""

    min_tags = c.Type(int, default=1)
    """Fewest tags a page that has tags may carry (``tags.count``)."""

    max_tags = c.Optional(c.Type(int))
    """Most tags a page may carry (``tags.count``); unset: no limit."""


class PagePath(c.Type[str]):
    """A Markdown page's path inside ``docs_dir`` (``guide/books.md``), or ``""``."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        if path and (not path.endswith(".md") or path.startswith("/") or ".." in path.split("/")):
            raise base.ValidationError(
                f"'{path}' is not a page path inside docs_dir ending in .md "
                "(e.g. 'reading-list.md'), nor '' for no page"
            )
        return path


class ReadingConfig(StrictConfig):
    """Reading lists (``reading.*`` codes)."""

    enabled = c.Type(bool, default=True)
    """Turn the lists under a "Further Reading" heading into cards."""

    headings = c.ListOfItems(c.Type(str), default=["Further Reading"])
    """Heading texts of reading sections (compared ignoring case and a final colon)."""

    list_page = PagePath(default="reading-list.md")
    """Docs path of the generated site-wide reading list (``""``: none). A page of your own
    holding the marker ``<!-- careerkit/reading-list -->`` gets the list there instead."""

    list_title = c.Type(str, default="Reading list")
    """Title of the generated reading-list page."""

    group_by = c.Choice(("section", "best_for", "none"), default="section")
    """How the reading list groups its books: ``section``, under the top-level nav section of
    the first page (in nav order) that recommends the book; ``best_for``, under the first
    "best for" of the book in the data file; ``none``, one list."""

    books = c.Optional(c.Type(str))
    """Path (relative to ``mkdocs.yml``) of a books data file: details by book id, matched to
    the entries of pages by title and author, or cited as ``[book:id]``."""

    exports = c.Type(bool, default=True)
    """Publish the reading list as JSON, CSV and BibTeX next to its page, linked from it."""


class NavCardsConfig(StrictConfig):
    """Navigation cards: the links under "Cross-Reference Navigation" as groups of cards."""

    enabled = c.Type(bool, default=True)
    """Show each navigation section's links as cards, grouped by their bold labels, with the
    target page's title, description (when no reason is given) and tags."""

    headings = c.ListOfItems(c.Type(str), default=["Cross-Reference Navigation"])
    """Heading texts of navigation sections (compared ignoring case and a final colon)."""

    tags = c.Type(bool, default=True)
    """Show the target page's tags on its card."""


class BacklinksConfig(StrictConfig):
    """The "Referenced by" block on pages that other pages link to (needs ``xref``)."""

    enabled = c.Type(bool, default=True)
    """Add the block to every page other pages link to; a page leaves it out with
    ``careerkit: {backlinks: false}`` in its front matter."""

    title = c.Type(str, default="Referenced by")
    """The block's heading."""


class SitePath(c.Type[str]):
    """A relative path inside the built site (no ``..``, not absolute)."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        parts = PurePosixPath(path.replace("\\", "/"))
        if not path.strip() or parts.is_absolute() or ".." in parts.parts or ":" in path:
            raise base.ValidationError(
                f"'{path}' must be a path inside the built site, such as careerkit-links.json"
            )
        return path


class LinkGraphConfig(StrictConfig):
    """The link graph written next to the built site (needs ``xref``)."""

    enabled = c.Type(bool, default=True)
    """Write every link between pages, with its source line, as JSON into the site."""

    file = SitePath(default="careerkit-links.json")
    """Path of the JSON file, relative to the built site's root."""


class CareerkitConfig(StrictConfig):
    """Options of the ``careerkit`` plugin in ``mkdocs.yml``."""

    xref = c.SubConfig(XrefConfig)
    """Cross-reference checks."""

    assessments = c.SubConfig(AssessmentsConfig)
    """Interactive self-assessments."""

    tags = c.SubConfig(TagsConfig)
    """Tag taxonomy and front matter checks."""
    reading = c.SubConfig(ReadingConfig)
    """Reading lists: "Further Reading" cards."""

    navcards = c.SubConfig(NavCardsConfig)
    """Navigation cards under "Cross-Reference Navigation"."""

    backlinks = c.SubConfig(BacklinksConfig)
    """The "Referenced by" block."""

    link_graph = c.SubConfig(LinkGraphConfig)
    """The link graph, ``careerkit-links.json``."""

    severity = SeverityMap()
    """Severity per finding code, overriding the defaults, e.g. ``{xref.orphan-page: ignore}``."""

    baseline = c.Optional(c.Type(str))
    """Path (relative to ``mkdocs.yml``) of a baseline file written by
    ``careerkit check --write-baseline``: findings listed there do not fail the build."""


def xref_options(options: CareerkitConfig) -> XrefOptions:
    """The cross-reference checks' options, from the plugin's."""
    x = options.xref
    return XrefOptions(tuple(x.ignore), x.nav_section, x.nav_section_min_links)
