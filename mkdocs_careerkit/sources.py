"""Read page sources and site facts from MkDocs objects (the adapter side of the checks)."""

from __future__ import annotations

import dataclasses
import functools
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from typing import Any

import yaml
from markdown.extensions.toc import slugify as default_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.utils import meta

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref.check import Inclusion, SiteInfo
from mkdocs_careerkit.xref.scan import Slugify


@dataclasses.dataclass(frozen=True)
class Source:
    """A page's text as MkDocs will read it.

    Attributes:
        raw: The whole file (replacement characters where it was not UTF-8).
        body: The Markdown after the front matter, as MkDocs hands it to extensions.
        line_offset: Lines of the file before ``body``.
        meta: Parsed front matter.
        findings: Problems reading it (not UTF-8, unreadable, broken front matter).
    """

    raw: str
    body: str
    line_offset: int
    meta: dict[str, Any]
    findings: tuple[Finding, ...] = ()


def _finding(
    src: str, line: int, code: str, message: str, suggestion: str, column: int = 1
) -> Finding:
    return Finding(src, line, column, code, default_severity(code), message, suggestion)


def read_text(abs_path: str, src_uri: str) -> tuple[str, list[Finding]]:
    """Read a page like MkDocs does (UTF-8, BOM dropped, universal newlines), turning every
    failure into a finding."""
    try:
        with open(abs_path, "rb") as f:
            data = f.read()
    except OSError as e:
        return "", [unreadable(src_uri, e)]
    return decode(data, src_uri)


def unreadable(src_uri: str, e: OSError) -> Finding:
    """The finding for a page that cannot be read at all."""
    msg = f"cannot read the page: {e.strerror or e}"
    return _finding(src_uri, 0, "page.unreadable", msg, "check the file's permissions")


def decode(data: bytes, src_uri: str) -> tuple[str, list[Finding]]:
    """A page's bytes as MkDocs reads them (see :func:`read_text`)."""
    findings: list[Finding] = []
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    data = data[bom:]  # a UTF-8 byte order mark is dropped, as MkDocs' 'utf-8-sig' does
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line_start = data.rfind(b"\n", 0, e.start) + 1
        line = data.count(b"\n", 0, e.start) + 1
        column = len(data[line_start : e.start].decode("utf-8", errors="replace")) + 1
        findings.append(
            _finding(
                src_uri,
                line,
                "page.unreadable",
                f"byte {data[e.start]:#04x} at offset {e.start + bom} is not UTF-8",
                "save the file as UTF-8",
                column,
            )
        )
        raw = data.decode("utf-8", errors="replace")
    return universal_newlines(raw), findings


def universal_newlines(text: str) -> str:
    """Python's universal newlines, as MkDocs reads files: `\r\n` and a lone `\r` end lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_source(abs_path: str, src_uri: str) -> Source:
    """Read a page and split off its front matter, turning every failure into a finding."""
    raw, findings = read_text(abs_path, src_uri)
    return split_front_matter(raw, src_uri, findings)


def split_front_matter(raw: str, src_uri: str, findings: list[Finding] | None = None) -> Source:
    """Split front matter exactly as MkDocs does and report YAML errors with their line."""
    found = list(findings or [])
    raw = universal_newlines(raw)
    body, data = meta.get_data(raw)
    if not data:
        bad = front_matter_error(raw, src_uri)
        if bad is not None:
            found.append(bad)
    return Source(
        raw, body, body_offset(raw, body), data if isinstance(data, dict) else {}, tuple(found)
    )


def body_offset(raw: str, body: str) -> int:
    """Lines of ``raw`` before ``body`` (its front matter); 0 if ``body`` is not its end."""
    return raw.count("\n", 0, len(raw) - len(body)) if raw.endswith(body) else 0


def front_matter_error(raw: str, src_uri: str) -> Finding | None:
    """The finding for a ``---`` block that is not valid YAML (MkDocs then silently treats
    the page as having no front matter); None when there is no such block or it parses."""
    m = meta.YAML_RE.match(raw)
    if m is None:
        return None
    try:
        yaml.safe_load(m.group(1))
    except ValueError as e:  # a value PyYAML cannot build, such as the date 2024-13-01
        return _finding(
            src_uri,
            _bad_value_line(m.group(1)),
            "page.bad-front-matter",
            f"front matter has a value YAML cannot read: {e}",
            "fix the value, or quote it to keep it as text",
        )
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for '---', +1 for 1-based
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        context, where = getattr(e, "context", None), getattr(e, "context_mark", None)
        if context and where is not None and where.line + 2 != line:
            problem += f" ({context} on line {where.line + 2})"
        return _finding(
            src_uri,
            line,
            "page.bad-front-matter",
            f"front matter is not valid YAML: {problem}",
            "fix the YAML between the '---' lines (quote values containing ':')",
        )
    return None


def _bad_value_line(block: str) -> int:
    """The file line of the first front matter line whose value alone fails to load."""
    for i, line in enumerate(block.split("\n")):
        try:
            yaml.safe_load(line)
        except ValueError:
            return i + 2  # +1 for '---', +1 for 1-based
        except yaml.YAMLError:
            continue
    return 1


def toc_slugify(config: MkDocsConfig) -> tuple[Slugify, str]:
    """The ``toc`` extension's slugify function and separator as configured for the site."""
    toc = config.mdx_configs.get("toc", {}) or {}
    slugify: Callable[[str, str], str] = toc.get("slugify") or default_slugify
    return slugify, str(toc.get("separator", "-"))


_INCLUSION: dict[InclusionLevel, Inclusion] = {
    InclusionLevel.EXCLUDED: "excluded",
    InclusionLevel.DRAFT: "draft",
    InclusionLevel.NOT_IN_NAV: "not_in_nav",
}


def _nav_paths(items: Iterable[Any]) -> Iterable[str]:
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _nav_paths(value)
        elif isinstance(item, list):
            yield from _nav_paths(item)


def site_info(files: Files, config: MkDocsConfig, *, nav: Iterable[str] | None = None) -> SiteInfo:
    """Which files exist and are published, which pages the nav lists, and what the theme and
    plugins add.

    Args:
        files: The site's files (with the theme's, as MkDocs collects them for a build).
        config: The loaded config.
        nav: The pages of the final navigation, if known (a build knows it after ``on_nav``).
    """
    table: dict[str, Inclusion] = {
        f.src_uri: _INCLUSION.get(f.inclusion, "included") for f in files
    }
    listed: frozenset[str] | None = None
    if nav is not None:
        listed = frozenset(nav)
    elif config.nav is not None:
        listed = frozenset(os.path.normpath(p).replace(os.sep, "/") for p in _nav_paths(config.nav))
    urls = {f.src_uri: f.url for f in files}
    return SiteInfo(
        table,
        listed,
        urls,
        collisions=_collisions(files),
        absolute_to_docs=int(config.validation.links.absolute_links) == -1,  # relative_to_docs
        theme_ids=theme_ids(tuple(config.theme.dirs)),
        reachable=_blog_posts(files, config) | _generated_pages(files, config),
        autorefs=any(name.split("/")[-1] == "autorefs" for name in config.plugins),
        # Material's tags plugin writes its listings (ids `tag:…`) after pages are converted.
        late_anchors=("tag:",) if any(n.split("/")[-1] == "tags" for n in config.plugins) else (),
    )


def _mdx(config: MkDocsConfig, name: str) -> dict[str, Any] | None:
    """The options of a Markdown extension if the site enables it (by name), else None."""
    if name not in config.markdown_extensions:
        return None
    return dict(config.mdx_configs.get(name) or {})


def scan_options(config: MkDocsConfig) -> dict[str, Any]:
    """How ``careerkit check`` reads pages of this site: the extensions that change ids."""
    slugify, separator = toc_slugify(config)
    blocks_tab = _mdx(config, "pymdownx.blocks.tab")
    tabbed = _mdx(config, "pymdownx.tabbed") or blocks_tab or {}
    tab_slugs = None
    if tabbed.get("slugify"):
        tab_slugs = (
            tabbed["slugify"],
            str(tabbed.get("separator", "-")),
            bool(tabbed.get("combine_header_slug", False)),
        )
    return {
        "slugify": slugify,
        "separator": separator,
        "footnote_links": footnotes_enabled(config),
        "emoji": _mdx(config, "pymdownx.emoji") is not None,
        "tab_slugs": tab_slugs,
        "blocks": any(str(e).startswith("pymdownx.blocks.") for e in config.markdown_extensions),
        "line_anchors": bool((_mdx(config, "pymdownx.highlight") or {}).get("anchor_linenums")),
    }


_SNIPPET_RE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(?P<q>["'])(?P<path>[^"'\n]+)(?P=q)""", re.M)
_SNIPPET_BLOCK_RE = re.compile(r"^[ \t]*-{1,}8<-{1,}[ \t]*$", re.M)


@dataclasses.dataclass(frozen=True)
class Snippets:
    """pymdownx.snippets as configured: where included files are looked up, what is appended."""

    base_paths: tuple[str, ...]
    auto_append: tuple[str, ...]
    _texts: dict[str, str] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Snippets | None:
        options = _mdx(config, "pymdownx.snippets")
        if options is None:
            return None
        base = options.get("base_path", ["."])
        bases = [base] if isinstance(base, str) else list(base)
        root = os.path.dirname(config.config_file_path or "") or "."
        # Relative base paths are relative to where MkDocs runs: the config's folder, usually.
        paths = tuple(
            os.path.abspath(b if os.path.isabs(b) else os.path.join(root, b)) for b in bases
        )
        return cls(paths, tuple(options.get("auto_append", []) or []))

    def read(self, name: str) -> str:
        """An included file's text ('' if none of the base paths has it), read once per check:
        ``auto_append`` files are added to every page."""
        if name not in self._texts:
            self._texts[name] = self._read(name)
        return self._texts[name]

    def texts(self) -> dict[str, str]:
        """Every included file read so far, by the name pages use (what the cache checks)."""
        return dict(self._texts)

    def _read(self, name: str) -> str:
        for candidate in dict.fromkeys((name, name.split(":", 1)[0])):  # `file.md:2:5`
            for base in self.base_paths:
                if os.path.isfile(base):  # a base path may name one file
                    path = base if os.path.basename(base) == candidate else ""
                else:
                    path = os.path.join(base, candidate)
                if path and os.path.isfile(path):
                    return read_text(path, candidate)[0]
        return ""

    def _included(self, text: str, seen: set[str], depth: int) -> list[str]:
        """Texts of the files ``text`` includes, and of the files they include in turn."""
        if "8<" not in text or depth > 8:
            return []
        names = [m.group("path") for m in _SNIPPET_RE.finditer(text)]
        if _SNIPPET_BLOCK_RE.search(text):
            names += _block_names(text)
        out: list[str] = []
        for name in names:
            name = name.strip()
            if name in seen or name.startswith(";"):
                continue
            seen.add(name)
            part = self.read(name)
            if part:
                out.append(part)
                out += self._included(part, seen, depth + 1)
        return out

    def extra(self, body: str) -> str:
        """What snippets adds to a page: included files and ``auto_append`` ones, as text to
        scan after the page (for their ids and link definitions; lines past the page's end)."""
        seen: set[str] = set()
        parts = self._included(body, seen, 0)
        for name in self.auto_append:
            appended = self.read(name)
            if appended:
                parts += [appended, *self._included(appended, seen, 1)]
        return "\n\n".join(parts)


def _block_names(body: str) -> list[str]:
    """File names inside ``--8<--`` … ``--8<--`` blocks."""
    names: list[str] = []
    inside = False
    for line in body.split("\n"):
        if _SNIPPET_BLOCK_RE.match(line):
            inside = not inside
        elif inside and line.strip() and not line.lstrip().startswith(";"):
            names.append(line.strip())
    return names


_FOOTNOTE_EXTENSIONS = frozenset(
    {"footnotes", "markdown.extensions.footnotes", "extra", "markdown.extensions.extra"}
)


def footnotes_enabled(config: MkDocsConfig) -> bool:
    """Whether ``[^label]`` is a footnote on this site (footnotes, or extra that includes it)."""
    return any(
        (isinstance(ext, str) and ext in _FOOTNOTE_EXTENSIONS)
        or type(ext).__name__ in ("FootnoteExtension", "ExtraExtension")
        for ext in config.markdown_extensions
    )


def _collisions(files: Files) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Published pages that share a URL (``a.md`` and ``a/index.md``), first one first."""
    by_url: dict[str, list[str]] = {}
    for f in files.documentation_pages(inclusion=InclusionLevel.is_included):
        by_url.setdefault(f.url, []).append(f.src_uri)
    return tuple(
        (url, tuple(sorted(srcs))) for url, srcs in sorted(by_url.items()) if len(srcs) > 1
    )


_THEME_ID_RE = re.compile(r"""\bid=["']([A-Za-z_][\w:.-]*)["']""")


@functools.lru_cache(maxsize=8)
def theme_ids(dirs: tuple[str, ...]) -> frozenset[str]:
    """Literal ids in the theme's templates (Material's ``__toc``, ``__search``, …): every page
    has them, whatever its Markdown says."""
    found: set[str] = set()
    for folder in dirs:
        # os.walk, not Path.rglob: Material's 14,000 icons are listed in a third of the time.
        for dirpath, _, filenames in os.walk(folder):
            for name in filenames:
                if not name.endswith(".html"):
                    continue
                try:
                    with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                        found.update(_THEME_ID_RE.findall(f.read()))
                except (OSError, UnicodeDecodeError):
                    continue  # a theme file we cannot read adds no ids
    return frozenset(found)


def _generated_pages(files: Files, config: MkDocsConfig) -> frozenset[str]:
    """Pages a plugin made (the blog's archive and category views): the plugin links them."""
    docs = os.path.join(os.path.abspath(config.docs_dir), "")
    return frozenset(
        f.src_uri
        for f in files.documentation_pages()
        if getattr(f, "generated_by", None)
        or (f.abs_src_path and not os.path.abspath(f.abs_src_path).startswith(docs))
    )


def _blog_posts(files: Files, config: MkDocsConfig) -> frozenset[str]:
    """Posts of Material's blog plugin: its index, archive and category pages link to them."""
    folders = []
    for name, plugin in config.plugins.items():
        if name.split("/")[-1].split(" ")[0] != "blog" or not hasattr(plugin, "config"):
            continue
        options = plugin.config
        blog = str(getattr(options, "blog_dir", "blog") or ".").strip("/")
        posts = str(getattr(options, "post_dir", "{blog}/posts")).format(blog=blog)
        folders.append(posixpath.normpath(posts).lstrip("./") + "/")
    if not folders:
        return frozenset()
    return frozenset(f.src_uri for f in files if f.src_uri.startswith(tuple(folders)))


# Plugins that neither add ids nor link definitions to pages, nor rewrite their Markdown.
_SEEN_THROUGH = frozenset(
    "search careerkit tags blog meta social offline privacy info typeset optimize group "
    "autorefs minify git-revision-date-localized git-committers git-authors redirects "
    "rss glightbox".split()
)


def _site_code(config: MkDocsConfig) -> list[tuple[str, object]]:
    """The hooks and plugins (named for a message) whose page events check cannot replay."""
    hooks: dict[str, object] = dict(config.hooks) if isinstance(config.hooks, dict) else {}
    found = [(f"hook '{name}'", hook) for name, hook in hooks.items()]
    for name, plugin in config.plugins.items():
        if name not in hooks and name.split("/")[-1].split(" ")[0] not in _SEEN_THROUGH:
            found.append((f"plugin '{name}'", plugin))
    return found


def blind_spots(config: MkDocsConfig) -> list[str]:
    """Hooks and plugins whose changes to pages ``careerkit check`` cannot see: those that
    handle an event in which a page's Markdown or HTML can change."""
    found = [label for label, handler in _site_code(config) if _changes_pages(handler)]
    for ext in config.markdown_extensions:
        name = ext if isinstance(ext, str) else f"{type(ext).__module__}.{type(ext).__name__}"
        if not name.startswith(_KNOWN_EXTENSION_PREFIXES) and name not in _KNOWN_EXTENSIONS:
            found.append(f"Markdown extension '{name}'")  # mkdocs-click and other generators
    return found


# Markdown extensions whose ids and definitions careerkit check works out from the source (or
# that add none): Python-Markdown's, pymdown-extensions, Material's, careerkit's own.
_KNOWN_EXTENSIONS = frozenset(
    "abbr admonition attr_list codehilite def_list extra fenced_code footnotes legacy_attrs "
    "legacy_em md_in_html meta nl2br sane_lists smarty tables toc wikilinks".split()
)
_KNOWN_EXTENSION_PREFIXES = (
    "markdown.extensions.",
    "pymdownx.",
    "material.",
    "mkdocs_careerkit",
)


_PAGE_EVENTS = ("on_page_read_source", "on_page_markdown", "on_page_content", "on_files")


def adds_files(config: MkDocsConfig) -> bool:
    """Whether a hook or plugin may add pages (``on_files``) that check cannot see."""
    return any(_changes_pages(handler, ("on_files",)) for _, handler in _site_code(config))


def _changes_pages(handler: object, events: tuple[str, ...] = _PAGE_EVENTS) -> bool:
    for event in events:
        method = getattr(handler, event, None)
        if method is not None and getattr(method, "__func__", method) is not getattr(
            BasePlugin, event, None
        ):
            return True
    return False
