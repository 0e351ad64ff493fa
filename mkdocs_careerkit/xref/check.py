"""Check every page's links against the whole site. Pure: models in, findings out."""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Literal
from urllib.parse import unquote, urlsplit

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding, Severity
from mkdocs_careerkit.xref.scan import Link, PageScan, reference_key

Inclusion = Literal["included", "not_in_nav", "draft", "excluded"]

_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_WEB_SCHEMES = ("http", "https")
# `https:/host`, `https:host`, `https//host`, `www.host` without a scheme.
_MALFORMED_RE = re.compile(r"^(?:https?:/?(?!/)|https?//|w{2,3}\.[a-z0-9-]+\.)", re.IGNORECASE)
_HOST_RE = re.compile(r"^[A-Za-z0-9._~%!$&'()*+,;=:@\[\]-]+$")


@dataclasses.dataclass(frozen=True)
class SiteInfo:
    """What the checks need to know about the site as a whole.

    Attributes:
        files: Every file under ``docs_dir`` (docs-relative path) and whether it is published.
        nav: Pages listed in ``nav``, or None when ``nav`` is not configured (every page is in it).
    """

    files: Mapping[str, Inclusion]
    nav: frozenset[str] | None = None
    urls: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """Each file's URL on the built site (MkDocs' ``File.url``, relative to the site root).
    Raw HTML links are resolved against these, as a browser does; without them, like Markdown
    links."""
    collisions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """URLs that two or more source files publish to, with those files (first kept)."""
    absolute_to_docs: bool = False
    """MkDocs' ``validation.links.absolute_links: relative_to_docs``: ``/x.md`` is resolved."""
    theme_ids: frozenset[str] = frozenset()
    """Ids the theme's templates put on every page (Material's ``__toc``, ``__search``, …)."""
    reachable: frozenset[str] = frozenset()
    """Pages that plugins link from pages they generate (blog posts from the blog's index)."""
    lookup: Callable[[str], bool] | None = dataclasses.field(default=None, compare=False)
    """In a build: MkDocs' own file lookup (``Files.get_file_from_path``), which plugins such as
    mkdocs-static-i18n extend; a path it finds is not missing."""
    autorefs: bool = False
    """mkdocs-autorefs is enabled: it resolves ``[text][identifier]`` and reports its own
    failures, so an undefined label is its business."""
    late_anchors: tuple[str, ...] = ()
    """Prefixes of ids that plugins add to finished pages (Material's tags listing, ``tag:``):
    ``careerkit check`` cannot see them, so a missing one is a warning there (the build reads
    the finished page)."""
    blind_files: bool = False
    """True when site code ``careerkit check`` cannot see may add files (``on_files`` of a hook
    or plugin, such as mkdocs-gen-files): then a missing page is a warning, never an error."""
    blind: bool = False
    """True when site code the checks cannot see may add ids or definitions (``careerkit check``
    on a site with hooks or Markdown-rewriting plugins): then missing anchors and references
    are warnings, never errors."""


@dataclasses.dataclass(frozen=True)
class Rendered:
    """What Python-Markdown really produced for a page (a build only): the judge of its links.

    Attributes:
        hrefs: Every ``a[href]`` and ``img[src]`` as written, before MkDocs rewrote ``.md``.
        ids: Every id of the rendered page, stashed HTML (highlighted code) included.
        references: Python-Markdown's final reference table (key → target), after every
            preprocessor, snippet and hook added its definitions.
        literal: Reference labels whose ``[label]`` stayed text on the page.
        footnotes: Footnote labels defined; None when footnotes are not enabled.
    """

    hrefs: frozenset[str]
    ids: frozenset[str]
    references: Mapping[str, str]
    literal: frozenset[str]
    footnotes: frozenset[str] | None


@dataclasses.dataclass(frozen=True)
class PageFacts:
    """One page: its scan, and the anchors it really has (from the rendered tree in a build)."""

    src_uri: str
    scan: PageScan
    anchors: AbstractSet[str]
    rendered: Rendered | None = None


@dataclasses.dataclass(frozen=True)
class PageLink:
    """A link from one page to a page of the site (or to itself), as the checks resolved it.

    Attributes:
        source: Docs path of the page the link is written on.
        line: 1-based line of the link in the source file.
        column: 1-based column of the link.
        target: Docs path of the page it leads to (for a broken link, the path it names).
        anchor: The ``#anchor`` part, without ``#`` ('' for none).
        text: The link text as written ('' for raw HTML links).
        resolved: The page, and the anchor if any, exist.
    """

    source: str
    line: int
    column: int
    target: str
    anchor: str
    text: str
    resolved: bool


@dataclasses.dataclass(frozen=True)
class PageResult:
    """What checking one page's links gave (see :func:`check_links`' ``reuse``)."""

    findings: tuple[Finding, ...]
    links: tuple[PageLink, ...]
    inbound: frozenset[str]
    """The other pages its links lead to (pages no link leads to are orphans)."""
    claimed: frozenset[tuple[str, str]]
    anchor_misses: tuple[tuple[Finding, str, str], ...]


def target_facts(facts: PageFacts) -> tuple[object, ...]:
    """All that checking *other* pages' links reads of a page: its anchors, its headings'
    anchors and texts (for suggestions), the reference labels it defines (for hints), what
    was rendered of it. A page whose bytes changed but whose target facts did not changes
    no other page's link findings."""
    labels = sorted({reference_key(x.label) for x in facts.scan.links if x.kind == "definition"})
    headings = tuple((h.anchor, h.text) for h in facts.scan.headings)
    return (
        sorted(a for a in facts.anchors if a),
        None in facts.anchors,
        headings,
        labels,
        facts.rendered,
    )


@dataclasses.dataclass(frozen=True)
class XrefOptions:
    ignore: tuple[str, ...] = ()
    nav_section: str = "Cross-Reference Navigation"
    nav_section_min_links: int = 1


def _finding(
    page: str,
    link: Link,
    code: str,
    message: str,
    suggestion: str = "",
    severity: Severity | None = None,
) -> Finding:
    return Finding(
        page, link.line, link.column, code, severity or default_severity(code), message, suggestion
    )


# How alike a suggestion must be (difflib ratio): 0.6 offered '#further-reading' for
# '#no-such-heading'; 0.75 keeps typos, swapped or missing words.
_CLOSE = 0.75


def _closest(word: str, candidates: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=_CLOSE)
    return match[0] if match else None


def relative(from_page: str, to_path: str) -> str:
    """The relative link from one docs page to a docs path."""
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def _url_key(url: str) -> str:
    """A site URL as a lookup key: no leading './' or '/', no trailing '/' ('' for the root)."""
    key = posixpath.normpath(url.lstrip("/")) if url.strip("/.") else ""
    return "" if key == "." else key


def _is_page(path: str) -> bool:
    return path.endswith((".md", ".markdown"))


def malformed_url(target: str) -> bool:
    """True for an external URL that cannot be right (`https:/host`, `htps://`, `www.host`)."""
    if _MALFORMED_RE.match(target):
        return True
    scheme = _SCHEME_RE.match(target)
    if scheme is None:
        return False
    name = scheme.group(1).lower()
    if name in _WEB_SCHEMES:
        try:
            host = urlsplit(target).netloc.rsplit("@", 1)[-1]
        except ValueError:  # `http://[::1/`: a broken IPv6 literal
            return True
        return not host or not _HOST_RE.match(host) or host.startswith(".") or ".." in host
    if name == "mailto":
        return "@" not in target
    # A near miss of http(s) (`htps`, `htttp`, `hhttps`) followed by `//`.
    near = difflib.get_close_matches(name, _WEB_SCHEMES, n=1, cutoff=0.75)
    return bool(near) and target[scheme.end() : scheme.end() + 2] == "//"


class _Checker:
    def __init__(
        self, pages: Mapping[str, PageFacts], site: SiteInfo, options: XrefOptions
    ) -> None:
        self.pages = pages
        self.site = site
        self.options = options
        self.by_lower: dict[str, str] = {}
        for p in sorted(site.files):
            self.by_lower.setdefault(p.lower(), p)
        self.doc_pages = sorted(p for p in site.files if _is_page(p))
        self.by_url = {_url_key(unquote(url)): src for src, url in site.urls.items()}
        self.inbound: set[str] = set()
        self.findings: list[Finding] = []
        self.claimed: set[tuple[str, str]] = set()
        self.anchor_misses: list[tuple[Finding, str, str]] = []
        self.links: list[PageLink] = []
        # Where the link being checked leads (docs path, anchor), once its path is resolved.
        self.resolution: tuple[str, str] | None = None
        # Where each reference label is defined, and each page's own labels.
        self.defined_in: dict[str, list[str]] = {}
        self.page_labels: dict[str, set[str]] = {}
        for src, facts in pages.items():
            for link in facts.scan.links:
                if link.kind == "definition":
                    key = reference_key(link.label)
                    self.defined_in.setdefault(key, []).append(src)
                    self.page_labels.setdefault(src, set()).add(key)

    def ignored(self, target: str, resolved: str) -> bool:
        return any(
            fnmatch.fnmatchcase(target, pat) or (resolved and fnmatch.fnmatchcase(resolved, pat))
            for pat in self.options.ignore
        )

    def check_link(self, page: str, link: Link, rendered: Rendered | None = None) -> bool:
        """Report what is wrong with one link; True if it leads somewhere real.

        In a build (``rendered`` given) the rendered page decides whether a link exists at
        all: a scanned link that Python-Markdown did not make into one is not judged.
        """
        kind = link.kind
        if kind == "reference":
            return self.check_reference(page, link, rendered)
        if kind == "definition":
            return self.check_definition(page, link, rendered)
        if kind == "footnote":
            return self.check_footnote(page, link, rendered)
        if rendered is not None and kind != "html" and link.target not in rendered.hrefs:
            return False  # in code, or removed by a plugin: not a link of the built page
        return self.check_target(page, link)

    def quietly(self, page: str, link: Link) -> tuple[bool, list[Finding]]:
        """Check a link without reporting: whether it leads somewhere, and what was wrong."""
        kept, self.findings = self.findings, []
        try:
            return self.check_target(page, link), self.findings
        finally:
            self.findings = kept

    def check_reference(self, page: str, link: Link, rendered: Rendered | None) -> bool:
        key = reference_key(link.label)
        if rendered is not None:
            target = rendered.references.get(key)
            if target is not None and not link.defined:
                # Defined by a snippet, a hook or a plugin: checked here, where it is used.
                return self.check_target(page, dataclasses.replace(link, target=target))
            if target is not None:
                # Defined on the page: reported where the definition is written.
                return self.quietly(page, dataclasses.replace(link, target=target))[0]
            if link.label not in rendered.literal:
                return False  # made into something else (mkdocs-autorefs, another plugin)
        elif link.defined:
            return self.quietly(page, link)[0]
        elif self.site.autorefs:
            return False  # mkdocs-autorefs resolves it or reports it itself
        elsewhere = [p for p in self.defined_in.get(key, []) if p != page]
        if elsewhere:
            hint = (
                f"'[{link.label}]' is defined in '{elsewhere[0]}', but a definition applies only "
                "to its own page: copy it here, or list it in a pymdownx.snippets auto_append file"
            )
        else:
            known = sorted(self.page_labels.get(page, ()))
            best = _closest(key, known)
            hint = (
                f"did you mean '[{best}]'?"
                if best
                else f"add a line '[{link.label}]: page.md' below the paragraph, or fix the label"
            )
        self.findings.append(
            _finding(
                page,
                link,
                "xref.missing-reference",
                f"reference link '[{link.label}]' has no definition",
                hint,
                self.blind_severity("xref.missing-reference"),
            )
        )
        return False

    def check_definition(self, page: str, link: Link, rendered: Rendered | None) -> bool:
        """A definition is a link where it is used; unused or overridden, only a warning."""
        # The scan knows which definition of a label comes last (Python-Markdown keeps that
        # one); the rendered table knows what a snippet or hook defined after the page.
        overridden = link.overridden
        if rendered is not None:
            final = rendered.references.get(reference_key(link.label), link.target)
            overridden = overridden or final != link.target
            live = link.target in rendered.hrefs and not overridden
        else:
            live = link.used
        if live:
            return self.check_target(page, link)
        ok, found = self.quietly(page, link)
        broken = [f for f in found if f.severity == "error"]
        if broken:
            why = "overridden by a later definition of the label" if overridden else "never used"
            self.findings.append(
                _finding(
                    page,
                    link,
                    "xref.unused-definition",
                    f"definition '[{link.label}]' is {why} and points nowhere: {broken[0].message}",
                    "remove the definition, or fix its target",
                )
            )
        return ok

    def check_footnote(self, page: str, link: Link, rendered: Rendered | None) -> bool:
        if rendered is not None and rendered.footnotes is not None:
            defined = link.label in rendered.footnotes
        else:
            defined = link.defined
        if not defined:
            self.findings.append(
                _finding(
                    page,
                    link,
                    "xref.missing-footnote",
                    f"footnote '[^{link.label}]' has no definition",
                    f"add a line '[^{link.label}]: the note' to the page, or remove the reference",
                    self.blind_severity("xref.missing-footnote"),
                )
            )
        return defined

    def blind_severity(self, code: str) -> Severity:
        """Errors that site code careerkit check cannot see could disprove are warnings."""
        return "warn" if self.site.blind else default_severity(code)

    def check_target(self, page: str, link: Link) -> bool:
        add = self.findings.append
        target = link.target.strip()
        if not target:
            return False
        if self.ignored(target, ""):
            self.claimed.add((page, link.target))
            return True
        if "{{" in target or "{%" in target:
            return True  # a template (mkdocs-macros renders it first): only the build can judge
        if malformed_url(target):
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
        if _SCHEME_RE.match(target) or target.startswith("//"):
            return True  # external: never fetched
        try:
            parts = urlsplit(target)
        except ValueError:
            parts = urlsplit(target.replace("[", "%5B").replace("]", "%5D"))
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        if not path:
            resolved = page
        elif path.startswith("/"):
            # The site root is the home page: index.md, or README.md where there is none.
            home = (
                "README.md"
                if "index.md" not in self.site.files and "README.md" in (self.site.files)
                else "index.md"
            )
            resolved = posixpath.normpath(path.lstrip("/")) if path.strip("/") else home
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        full = resolved + (f"#{anchor}" if anchor else "")
        self.resolution = (resolved, anchor)
        if self.ignored(target, full):
            self.claimed.add((page, link.target))
            return True
        if path.startswith("/") and not (self.site.absolute_to_docs and link.kind != "html"):
            own = self.own_page(resolved)
            if own is None:
                return True  # not one of ours: served from elsewhere on the host
            if _is_page(path) and link.kind != "html":
                # MkDocs leaves it as is: '/x.md' exists at no site root.
                fix = (
                    f"use the relative link '{relative(page, own)}"
                    + (f"#{anchor}'" if anchor else "'")
                    if own in self.site.files
                    else self.suggest_path(page, own) or "link the page with a relative path"
                )
                add(
                    _finding(
                        page,
                        link,
                        "xref.absolute-md-link",
                        f"absolute link '{target}' is left as is by MkDocs: readers get a 404 "
                        "wherever the site is served",
                        fix,
                    )
                )
                return False
            resolved = own
            self.resolution = (resolved, anchor)
            add(
                _finding(
                    page,
                    link,
                    "xref.absolute-link",
                    f"absolute link '{target}' to the site's own page",
                    f"use a relative link such as '{relative(page, own)}'",
                )
            )
        elif link.kind == "html" and self.site.urls and not _is_page(path):
            # Raw HTML is copied as written: the browser resolves it against the page's URL.
            found = self.resolve_url(page, link, target, path)
            if found is None:
                return False
            resolved = found
            self.resolution = (resolved, anchor)
        elif resolved == ".." or resolved.startswith("../"):
            inside = re.sub(r"^(\.\./)+", "", resolved)
            hint = inside if inside in self.site.files else self.same_name(inside)
            add(
                _finding(
                    page,
                    link,
                    "xref.outside-docs",
                    f"link '{target}' climbs above docs_dir",
                    f"did you mean '{relative(page, hint)}'?"
                    if hint
                    else "remove one '../' or link to the published URL",
                )
            )
            return False
        real = self.resolve_file(page, link, target, resolved)
        if real is None:
            return False
        self.resolution = (real, anchor)
        if " " in parts.path and not link.bracketed:
            # Only for links that lead somewhere: a broken one is reported once, as broken.
            add(
                _finding(
                    page,
                    link,
                    "xref.space-in-link",
                    f"link target '{target}' contains a space",
                    f"write '{parts.path.replace(' ', '%20')}' or wrap it in <...>",
                )
            )
        if real != page:
            self.inbound.add(real)
        if link.kind == "html" and _is_page(path):
            # MkDocs rewrites .md links in the Markdown tree only; raw HTML is copied as is.
            fragment = f"#{anchor}" if anchor else ""
            url = self.url_from(page, real)
            add(
                _finding(
                    page,
                    link,
                    "xref.raw-html-md-link",
                    f"raw HTML link '{target}' is not rewritten by MkDocs: readers get a 404",
                    f"write it as a Markdown link, [text]({relative(page, real)}{fragment})"
                    + (f", or link the page's URL '{url}{fragment}'" if url else ""),
                )
            )
        if anchor and _is_page(real):
            facts = self.pages.get(real)
            if (
                facts is not None
                and anchor not in facts.anchors
                and anchor not in self.site.theme_ids
            ):
                best = self.closest_anchor(anchor, facts)
                shown = target if path else f"#{anchor}"
                where = "this page" if real == page else f"'{real}'"
                miss = _finding(
                    page,
                    link,
                    "xref.missing-anchor",
                    f"link '{shown}': {where} has no anchor '#{anchor}'",
                    f"did you mean '#{best}'?" if best else "",
                    "warn"
                    if anchor.startswith(self.site.late_anchors) and facts.rendered is None
                    else self.blind_severity("xref.missing-anchor"),
                )
                add(miss)
                self.anchor_misses.append((miss, real, anchor))
                return False
        return True

    def closest_anchor(self, anchor: str, facts: PageFacts) -> str | None:
        """The target's anchor that is genuinely close: by its slug or its heading's words."""
        words = anchor.replace("-", " ").replace("_", " ").casefold()
        texts = {h.anchor: h.text.casefold() for h in facts.scan.headings if h.anchor}
        best, score = None, 0.0
        # MkDocs' own set may hold None (`<tag id>` without a value in raw HTML).
        for candidate in sorted(a for a in facts.anchors if a and not a.startswith("__")):
            ratio = difflib.SequenceMatcher(None, anchor, candidate).ratio()
            if candidate in texts:
                text_ratio = difflib.SequenceMatcher(None, words, texts[candidate]).ratio()
                ratio = max(ratio, text_ratio)
            if ratio > score:
                best, score = candidate, ratio
        return best if score >= _CLOSE else None

    def page_folder(self, page: str) -> str:
        """The folder a browser resolves a page's relative links against ('' for the root)."""
        url = unquote(self.site.urls.get(page, ""))
        folder = url if url.endswith("/") else posixpath.dirname(url) + "/"
        return "" if folder in ("./", "/") else folder

    def url_from(self, page: str, target: str) -> str:
        """The relative URL from a page to another file of the site ('' if unknown)."""
        if target not in self.site.urls or page not in self.site.urls:
            return ""
        url = unquote(self.site.urls[target])
        url = "" if url == "./" else url
        rel = posixpath.relpath(url or ".", self.page_folder(page) or ".")
        if rel == ".":
            return "./"
        return rel + "/" if url.endswith("/") else rel

    def resolve_url(self, page: str, link: Link, target: str, path: str) -> str | None:
        """The file behind a raw HTML link's URL, or None (reported) if the site has none."""
        joined = posixpath.normpath(self.page_folder(page) + path)
        if joined == ".." or joined.startswith("../"):
            self.findings.append(
                _finding(
                    page,
                    link,
                    "xref.outside-docs",
                    f"link '{target}' climbs above the site's root",
                    "remove one '../'",
                )
            )
            return None
        key = _url_key(joined)
        found = self.by_url.get(key)
        if found is None and (key == "index.html" or key.endswith("/index.html")):
            found = self.by_url.get(_url_key(key[: -len("index.html")]))
        if found is None:
            pages = [u for u, src in self.by_url.items() if _is_page(src)]
            best = _closest(key, pages)
            self.findings.append(
                _finding(
                    page,
                    link,
                    "xref.missing-page",
                    f"raw HTML link '{target}' leads to '/{key}', which is not on the site",
                    f"did you mean '{self.url_from(page, self.by_url[best])}'?" if best else "",
                )
            )
            return None
        return found

    def own_page(self, resolved: str) -> str | None:
        """The docs file an absolute link means, if it is one of the site's own."""
        files = self.site.files
        if resolved in files or _is_page(resolved):
            return resolved
        stem = resolved[: -len(".html")] if resolved.endswith(".html") else resolved
        if stem.endswith("/index") or stem == "index":
            stem = stem[: -len("index")].rstrip("/") or "."
        for candidate in (stem + ".md", stem + "/index.md", stem + "/README.md"):
            candidate = posixpath.normpath(candidate)
            if candidate in files:
                return candidate
        return None

    def html_source(self, resolved: str) -> str | None:
        """The page ``x.md`` that ``x.html`` or ``x/index.html`` is generated from."""
        files = self.site.files
        stem = resolved[: -len(".html")]
        candidates = [stem + ".md", stem + "/index.md"]
        if stem == "index" or stem.endswith("/index"):
            folder = stem[: -len("index")].rstrip("/")
            base = folder + "/" if folder else ""
            candidates += [base + "index.md", base + "README.md"]
            if folder:
                candidates.append(folder + ".md")
        return next((c for c in candidates if c in files), None)

    def resolve_file(self, page: str, link: Link, target: str, resolved: str) -> str | None:
        add = self.findings.append
        files = self.site.files
        if resolved.endswith(".html") and resolved not in files:
            source = self.html_source(resolved)
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
        if self.site.lookup is not None and self.site.lookup(resolved):
            return resolved  # a plugin's file (mkdocs-static-i18n): MkDocs resolves it
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
        folder = "" if resolved == "." else resolved + "/"
        index = next((folder + n for n in ("index.md", "README.md") if folder + n in files), None)
        if index is not None:
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
        inside = sorted(p for p in self.doc_pages if p.startswith(folder)) if folder else []
        if inside:
            parent = posixpath.dirname(resolved)
            up = next(
                (
                    c
                    for c in (resolved + ".md", f"{parent}/index.md" if parent else "index.md")
                    if c in files
                ),
                None,
            )
            hint = f"link the page '{relative(page, up)}'" if up else "link one of its pages"
            add(
                _finding(
                    page,
                    link,
                    "xref.missing-page",
                    f"link '{target}' points at the folder '{resolved}', which has no index page",
                    f"{hint}, or add '{folder}index.md'",
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
                "warn" if self.site.blind_files else None,
            )
        )
        return None

    def same_name(self, resolved: str) -> str | None:
        """The one file with the same name in another folder (wrong folder or ``../`` depth)."""
        name = posixpath.basename(resolved)
        same = [p for p in self.site.files if posixpath.basename(p) == name]
        return same[0] if len(same) == 1 else None

    def suggest_path(self, page: str, resolved: str) -> str:
        """A typo, the same name in another folder, a wrong ``../`` depth, or a folder URL."""
        files = self.site.files
        best = next((c for c in (resolved + ".md", resolved + "/index.md") if c in files), None)
        best = best or self.same_name(resolved)
        if best is None:
            # Only files whose own name is close (pages share folders, so whole paths of
            # unrelated pages in one folder look alike).
            stem = posixpath.splitext(posixpath.basename(resolved))[0]
            pool = [
                p
                for p in (self.doc_pages if _is_page(resolved) else sorted(files))
                if difflib.SequenceMatcher(
                    None, stem, posixpath.splitext(posixpath.basename(p))[0]
                ).ratio()
                >= _CLOSE
            ]
            best = _closest(resolved, pool) or (pool[0] if len(pool) == 1 else None)
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
                for n, link in enumerate(facts.scan.links)
                if heading.line < link.line < end
                and link.kind != "definition"
                and valid.get(n, False)
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

    def add_page_link(self, page: str, link: Link, ok: bool) -> None:
        """Record a link a reader can follow to a page (not a definition, image or footnote)."""
        if self.resolution is None or link.kind in ("definition", "image", "footnote"):
            return
        target, anchor = self.resolution
        if _is_page(target):
            self.links.append(PageLink(page, link.line, link.column, target, anchor, link.text, ok))

    def check_page(self, src: str, facts: PageFacts) -> PageResult:
        """Check one page's links (adding to the checker's totals); what they gave."""
        findings, links, misses = len(self.findings), len(self.links), len(self.anchor_misses)
        inbound, claimed = self.inbound, self.claimed
        self.inbound, self.claimed = set(), set()
        valid = {}
        for n, link in enumerate(facts.scan.links):
            before = len(self.findings)
            self.resolution = None
            valid[n] = self.check_link(src, link, facts.rendered)
            if len(self.findings) > before:
                # MkDocs' own message about this link is then the same news, once more.
                self.claimed.add((src, link.target))
                if link.kind == "reference" and facts.rendered is not None:
                    real = facts.rendered.references.get(reference_key(link.label))
                    if real is not None:  # defined by a snippet or a hook
                        self.claimed.add((src, real))
            self.add_page_link(src, link, valid[n])
        self.check_nav_section(facts, valid)
        result = PageResult(
            tuple(self.findings[findings:]),
            tuple(self.links[links:]),
            frozenset(self.inbound),
            frozenset(self.claimed),
            tuple(self.anchor_misses[misses:]),
        )
        inbound |= self.inbound  # in place: a copy per page would grow with the site
        claimed |= self.claimed
        self.inbound, self.claimed = inbound, claimed
        return result

    def replay(self, result: PageResult) -> None:
        """Add what checking a page gave earlier, as :meth:`check_page` would have."""
        self.findings += result.findings
        self.links += result.links
        self.inbound |= result.inbound
        self.claimed |= result.claimed
        self.anchor_misses += result.anchor_misses

    def run(
        self,
        reuse: Mapping[str, PageResult] | None = None,
        results: dict[str, PageResult] | None = None,
    ) -> list[Finding]:
        for src, facts in self.pages.items():
            done = reuse.get(src) if reuse is not None else None
            if done is not None:
                self.replay(done)
                continue
            result = self.check_page(src, facts)
            if results is not None:
                results[src] = result
        for url, sources in self.site.collisions:
            first, *others = sources
            for other in others:
                self.findings.append(
                    Finding(
                        other,
                        1,
                        1,
                        "page.url-collision",
                        default_severity("page.url-collision"),
                        f"'{other}' and '{first}' both publish to '{url or '/'}': the built "
                        "site keeps only one of them",
                        "rename or delete one of the two files",
                    )
                )
        if self.site.nav is not None:
            for src in self.pages:
                if (
                    src not in self.site.nav
                    and src not in self.inbound
                    and src not in self.site.reachable
                    and src not in ("index.md", "README.md")
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
    pages: Mapping[str, PageFacts],
    site: SiteInfo,
    options: XrefOptions | None = None,
    claimed: set[tuple[str, str]] | None = None,
    links: list[PageLink] | None = None,
    anchor_misses: list[tuple[Finding, str, str]] | None = None,
    *,
    reuse: Mapping[str, PageResult] | None = None,
    results: dict[str, PageResult] | None = None,
) -> list[Finding]:
    """Every cross-reference finding for a site, in no particular order.

    Args:
        pages: Every page that will be published, by docs-relative path.
        site: Every file, with its inclusion, and the nav.
        options: The configurable parts of the checks.
        claimed: If given, receives ``(page, target)`` of every link careerkit reported or was
            told to ignore, so the build can quiet MkDocs' own message about the same link.
        links: If given, receives every link to a page of the site, resolved or not, in the
            order of ``pages`` and of each page's links.
        anchor_misses: If given, receives each missing-anchor finding with its target page and
            anchor, so the build can look for ids that plugins add to finished pages.
        reuse: What checking some pages' links gave in an earlier run, used instead of checking
            them again: right only when those pages, the site, the options and the
            :func:`target_facts` of every page are the same as then (``careerkit check``'s
            cache makes sure of it).
        results: If given, receives what checking each page's links gave (pages not in
            ``reuse``).
    """
    checker = _Checker(pages, site, options or XrefOptions())
    findings = checker.run(reuse, results)
    if claimed is not None:
        claimed.update(checker.claimed)
    if links is not None:
        links.extend(checker.links)
    if anchor_misses is not None:
        anchor_misses.extend(checker.anchor_misses)
    return findings
