"""Check every page's links against the whole site. Pure: models in, findings out."""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import posixpath
import re
from collections.abc import Iterable, Mapping
from typing import Literal
from urllib.parse import unquote, urlsplit

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref.scan import Link, PageScan

Inclusion = Literal["included", "not_in_nav", "draft", "excluded"]

_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_KNOWN_SCHEMES = {"http", "https", "mailto", "tel", "ftp", "ftps", "data", "sms", "irc", "news"}
_MALFORMED_RE = re.compile(r"^(https?:/[^/]|https?:[^/]|https?//|htps?:|htttps?:|ww\.)", re.I)


@dataclasses.dataclass(frozen=True)
class SiteInfo:
    """What the checks need to know about the site as a whole.

    Attributes:
        files: Every file under ``docs_dir`` (docs-relative path) and whether it is published.
        nav: Pages listed in ``nav``, or None when ``nav`` is not configured (every page is in it).
    """

    files: Mapping[str, Inclusion]
    nav: frozenset[str] | None = None


@dataclasses.dataclass(frozen=True)
class PageFacts:
    """One page: its scan, and the anchors it really has (from the rendered tree in a build)."""

    src_uri: str
    scan: PageScan
    anchors: frozenset[str]


@dataclasses.dataclass(frozen=True)
class XrefOptions:
    ignore: tuple[str, ...] = ()
    nav_section: str = "Cross-Reference Navigation"
    nav_section_min_links: int = 1


def _finding(page: str, link: Link, code: str, message: str, suggestion: str = "") -> Finding:
    return Finding(page, link.line, link.column, code, default_severity(code), message, suggestion)


def _closest(word: str, candidates: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return match[0] if match else None


def relative(from_page: str, to_path: str) -> str:
    """The relative link from one docs page to a docs path."""
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def _is_page(path: str) -> bool:
    return path.endswith((".md", ".markdown"))


class _Checker:
    def __init__(
        self, pages: Mapping[str, PageFacts], site: SiteInfo, options: XrefOptions
    ) -> None:
        self.pages = pages
        self.site = site
        self.options = options
        self.by_lower = {p.lower(): p for p in site.files}
        self.doc_pages = [p for p in site.files if _is_page(p)]
        self.inbound: set[str] = set()
        self.findings: list[Finding] = []

    def ignored(self, link: Link, resolved: str) -> bool:
        return any(
            fnmatch.fnmatchcase(link.target, pat) or fnmatch.fnmatchcase(resolved, pat)
            for pat in self.options.ignore
        )

    def check_link(self, page: str, link: Link) -> bool:
        """Report what is wrong with one link; True if it leads somewhere real."""
        add = self.findings.append
        target = link.target.strip()
        if link.kind == "reference" and not link.defined:
            add(
                _finding(
                    page,
                    link,
                    "xref.missing-reference",
                    f"reference link '[{link.label}]' has no definition",
                    f"add a line '[{link.label}]: page.md' or fix the label",
                )
            )
            return False
        if link.kind == "reference":
            return True  # the definition itself is checked where it is written
        if not target:
            return False
        scheme = _SCHEME_RE.match(target)
        if _MALFORMED_RE.match(target) or (
            scheme and scheme.group(1).lower() not in _KNOWN_SCHEMES and "/" in target[:9]
        ):
            add(
                _finding(
                    page,
                    link,
                    "xref.malformed-url",
                    f"malformed URL '{target}'",
                    "write it as https://host/path",
                )
            )
            return False
        if scheme or target.startswith("//"):
            return True  # external: never fetched
        parts = urlsplit(target)
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        if " " in parts.path and "%20" not in parts.path and not link.target.startswith("<"):
            add(
                _finding(
                    page,
                    link,
                    "xref.space-in-link",
                    f"link target '{target}' contains a space",
                    f"write '{parts.path.replace(' ', '%20')}' or wrap it in <...>",
                )
            )
        if not path:
            resolved = page
        elif path.startswith("/"):
            resolved = posixpath.normpath(path.lstrip("/")) if path.strip("/") else "index.md"
            add(
                _finding(
                    page,
                    link,
                    "xref.absolute-link",
                    f"absolute link '{target}' to the site's own page",
                    f"use a relative link such as '{relative(page, resolved)}'",
                )
            )
        else:
            joined = posixpath.join(posixpath.dirname(page), path)
            resolved = posixpath.normpath(joined)
            if resolved.startswith("../") or resolved == "..":
                add(
                    _finding(
                        page,
                        link,
                        "xref.outside-docs",
                        f"link '{target}' climbs above docs_dir",
                        "remove one '../' or link to the published URL",
                    )
                )
                return False
        full = resolved + (f"#{anchor}" if anchor else "")
        if self.ignored(link, full):
            return True
        real = self.resolve_file(page, link, target, resolved)
        if real is None:
            return False
        if real != page:
            self.inbound.add(real)
        if anchor and _is_page(real):
            facts = self.pages.get(real)
            if facts is not None and anchor not in facts.anchors:
                best = _closest(anchor, sorted(a for a in facts.anchors if not a.startswith("__")))
                shown = target if path else f"#{anchor}"
                where = "this page" if real == page else f"'{real}'"
                add(
                    _finding(
                        page,
                        link,
                        "xref.missing-anchor",
                        f"link '{shown}': {where} has no anchor '#{anchor}'",
                        f"did you mean '#{best}'?" if best else "",
                    )
                )
                return False
        return True

    def resolve_file(self, page: str, link: Link, target: str, resolved: str) -> str | None:
        add = self.findings.append
        files = self.site.files
        if resolved.endswith(".html") and resolved not in files:
            stem = resolved[: -len(".html")]
            source = next((s for s in (stem + ".md", stem + "/index.md") if s in files), None)
            if stem.endswith("/index") or stem == "index":
                source = source or next((s for s in (stem[:-5] + "README.md",) if s in files), None)
            if source:
                add(
                    _finding(
                        page,
                        link,
                        "xref.html-link",
                        f"link '{target}' points at generated HTML",
                        f"link the source: '{relative(page, source)}'",
                    )
                )
                resolved = source
        if resolved in files:
            inclusion = files[resolved]
            if inclusion in ("draft", "excluded"):
                why = "a draft" if inclusion == "draft" else "excluded by exclude_docs"
                add(
                    _finding(
                        page,
                        link,
                        "xref.unpublished-page",
                        f"link '{target}' points at '{resolved}', which is {why} "
                        "and will not be in the built site",
                        "publish the page or remove the link",
                    )
                )
                return None
            return resolved
        lower = self.by_lower.get(resolved.lower())
        if lower is not None:
            add(
                _finding(
                    page,
                    link,
                    "xref.case-mismatch",
                    f"link '{target}' differs in letter case from the file '{lower}'",
                    f"write '{relative(page, lower)}'",
                )
            )
            return None
        if resolved + "/index.md" in files or (resolved == "." and "index.md" in files):
            index = (resolved + "/index.md") if resolved != "." else "index.md"
            add(
                _finding(
                    page,
                    link,
                    "xref.missing-page",
                    f"link '{target}' points at a folder, not a page",
                    f"link the page itself: '{relative(page, index)}'",
                )
            )
            return None
        add(
            _finding(
                page,
                link,
                "xref.missing-page",
                f"link '{target}': no such file '{resolved}'",
                self.suggest_path(page, resolved),
            )
        )
        return None

    def suggest_path(self, page: str, resolved: str) -> str:
        name = posixpath.basename(resolved)
        pool = self.doc_pages if _is_page(resolved) else list(self.site.files)
        same_name = [p for p in pool if posixpath.basename(p) == name]
        best = same_name[0] if len(same_name) == 1 else _closest(resolved, pool)
        if best is None:
            by_name = _closest(name, [posixpath.basename(p) for p in pool])
            best = next((p for p in pool if posixpath.basename(p) == by_name), None)
        return f"did you mean '{relative(page, best)}'?" if best else ""

    def check_nav_section(self, facts: PageFacts, valid: Mapping[int, bool]) -> None:
        wanted = self.options.nav_section.strip().casefold()
        headings = facts.scan.headings
        for i, heading in enumerate(headings):
            if heading.text.strip().casefold() != wanted:
                continue
            end = next((h.line for h in headings[i + 1 :] if h.level <= heading.level), 10**9)
            count = sum(
                1
                for link in facts.scan.links
                if heading.line < link.line < end
                and link.kind != "definition"
                and valid.get(id(link), False)
            )
            if count < self.options.nav_section_min_links:
                self.findings.append(
                    Finding(
                        facts.src_uri,
                        heading.line,
                        1,
                        "xref.thin-nav-section",
                        default_severity("xref.thin-nav-section"),
                        f"section '{heading.text}' has {count} valid link(s), fewer than "
                        f"{self.options.nav_section_min_links}",
                        "link related pages in this section",
                    )
                )

    def run(self) -> list[Finding]:
        for src, facts in self.pages.items():
            valid: dict[int, bool] = {}
            for link in facts.scan.links:
                valid[id(link)] = self.check_link(src, link)
            self.check_nav_section(facts, valid)
        if self.site.nav is not None:
            for src in self.pages:
                if (
                    src not in self.site.nav
                    and src not in self.inbound
                    and posixpath.basename(src) not in ("index.md", "README.md")
                    and self.site.files.get(src) == "included"
                ):
                    self.findings.append(
                        Finding(
                            src,
                            1,
                            1,
                            "xref.orphan-page",
                            default_severity("xref.orphan-page"),
                            f"page '{src}' is not in nav and no page links to it",
                            "add it to nav, link to it, or list it under not_in_nav",
                        )
                    )
        return self.findings


def check_links(
    pages: Mapping[str, PageFacts], site: SiteInfo, options: XrefOptions | None = None
) -> list[Finding]:
    """Every cross-reference finding for a site, in no particular order.

    Args:
        pages: Every page that will be published, by docs-relative path.
        site: Every file, with its inclusion, and the nav.
        options: The configurable parts of the checks.
    """
    return _Checker(pages, site, options or XrefOptions()).run()
