"""Page tags → findings, and the canonical tags each page should carry. Pure: no MkDocs.

One :class:`SiteTags` per build (or ``careerkit check`` run) takes the ``.meta.yml`` files, then
each page's source, then concludes with the site-wide findings; the build and the check feed it
the same text, so both report the same findings.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import yaml

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.tags.locate import Located, locate
from mkdocs_careerkit.tags.taxonomy import Taxonomy
from mkdocs_careerkit.xref.scan import IGNORE_MARKER, Suppression

# MkDocs' own front matter pattern (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S | re.M)


@dataclasses.dataclass(frozen=True)
class TagOptions:
    """How pages are checked.

    Attributes:
        key: The front matter key that holds tags (Material's ``tags_name_property``).
        required: Front matter keys every page must have.
        min_tags: Fewest tags a page with tags may have.
        max_tags: Most tags a page may have (None: no limit).
    """

    key: str = "tags"
    required: tuple[str, ...] = ("title", "description", "tags")
    min_tags: int = 1
    max_tags: int | None = None


def front_matter(raw: str) -> str | None:
    """The YAML between a page's ``---`` lines (it starts on file line 2), or None."""
    m = _FRONT_MATTER_RE.match(raw)
    return m.group(1) if m else None


# A YAML comment: `- 2024  # careerkit-ignore tags.not-a-list: a year is a fine tag here`.
_MARKER_RE = re.compile(
    r"(?:^|[ \t])(?P<hash>#)[ \t]*" + IGNORE_MARKER + r"\b(?P<codes>[^:\n]*?)(?::(?P<reason>.*))?$"
)


def yaml_markers(text: str, first_line: int) -> tuple[Suppression, ...]:
    """``# careerkit-ignore CODE: reason`` comments in YAML (front matter, ``.meta.yml``).

    A marker after a value silences its own line; alone on its line, the next line that is
    neither blank nor a comment.
    """
    if IGNORE_MARKER not in text:
        return ()
    lines = text.split("\n")
    found: list[Suppression] = []
    for row, line in enumerate(lines):
        m = _MARKER_RE.search(line)
        before = line[: m.start("hash")] if m else ""
        if m is None or before.count("'") % 2 or before.count('"') % 2:
            continue  # no marker, or a '#' inside a quoted value
        target = row
        if not before.strip():
            target = row + 1
            while target < len(lines) and (
                not lines[target].strip() or lines[target].lstrip().startswith("#")
            ):
                target += 1
        codes = tuple(c for c in re.split(r"[\s,]+", m.group("codes").strip()) if c)
        reason = " ".join((m.group("reason") or "").split())
        found.append(
            Suppression(row + first_line, m.start("hash") + 1, target + first_line, codes, reason)
        )
    return tuple(found)


def normalise(values: object, taxonomy: Taxonomy | None) -> object:
    """The tags a page should carry: aliases and deprecated tags replaced, repeats dropped.
    Items that are not text stay where they are (they are reported, not guessed at); anything
    but a list is returned as is."""
    if taxonomy is None or not isinstance(values, list):
        return values
    result: list[object] = []
    seen: set[str] = set()
    for value in values:
        if isinstance(value, str):
            value = taxonomy.resolve(value).canonical
            if value in seen:
                continue
            seen.add(value)
        result.append(value)
    return result


def _finding(src: str, at: tuple[int, int], code: str, message: str, tip: str = "") -> Finding:
    return Finding(src, at[0], at[1], code, default_severity(code), message, tip)


@dataclasses.dataclass
class _Source:
    """One file's tags as written, where to find them, and what they normalise to."""

    src: str
    text: str | None  # the YAML, for locating; None when there is none
    first_line: int
    values: object  # the key's value as YAML read it (missing: None)
    located: Located | None = None
    _looked: bool = False

    def where(self, key: str, index: int | None = None) -> tuple[int, int]:
        if not self._looked:
            self._looked = True
            self.located = locate(self.text, key, self.first_line) if self.text else None
        if self.located is None:
            return (1, 1)
        return self.located.key if index is None else self.located.item(index)


class SiteTags:
    """Checks tags file by file and collects what the site-wide checks need."""

    def __init__(self, taxonomy: Taxonomy | None, options: TagOptions | None = None) -> None:
        self.taxonomy = taxonomy
        self.options = options or TagOptions()
        self.findings: list[Finding] = []
        self.meta_files: dict[str, dict[str, Any]] = {}  # .meta.yml path → its data
        self.used: Counter[str] = Counter()
        self.suppressions: dict[str, tuple[Suppression, ...]] = {}  # YAML comment markers

    def meta_file(self, src: str, text: str) -> None:
        """A ``.meta.yml`` of Material's meta plugin: its tags, checked at its own lines."""
        try:
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (yaml.YAMLError, ValueError, RecursionError) as e:
            # Material's meta plugin stops the build over it; `careerkit check` says where.
            mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
            at = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            problem = getattr(e, "problem", None) or str(e).splitlines()[0]
            self.findings.append(
                _finding(
                    src,
                    at,
                    "page.bad-front-matter",
                    f"meta file is not valid YAML: {problem}",
                    "fix the YAML (quote values containing ':')",
                )
            )
            data = None
        if not isinstance(data, dict):
            data = {}
        self.meta_files[src] = data
        marks = yaml_markers(text, 1)
        if marks:
            self.suppressions[src] = marks
        if self.options.key in data:
            source = _Source(src, text, 1, data[self.options.key])
            self._check_list(source)

    def inherited(self, src: str) -> dict[str, Any]:
        """What the meta files that apply to page ``src`` give it (Material's rule: the page's
        path starts with the meta file's folder)."""
        merged: dict[str, Any] = {}
        for path, data in self.meta_files.items():
            if src.startswith(posixpath.dirname(path)):
                for k, v in data.items():
                    if isinstance(v, list) and isinstance(merged.get(k), list):
                        merged[k] = merged[k] + v
                    else:
                        merged.setdefault(k, v)
        return merged

    def page(self, src: str, raw: str, meta: Mapping[str, Any]) -> None:
        """Check a page: its own front matter (``meta``, as MkDocs parsed it from ``raw``) and
        the keys and tags it inherits from meta files."""
        key, options = self.options.key, self.options
        text = front_matter(raw)
        if text is not None and not meta:
            return  # broken or empty front matter: page.bad-front-matter says so
        inherited = self.inherited(src)
        source = _Source(src, text, 2, meta.get(key))
        marks = yaml_markers(text, 2) if text else ()
        if marks:
            self.suppressions[src] = marks
        for name in options.required:
            if name not in meta and name not in inherited:
                where = "in its front matter" if text is not None else "(no front matter)"
                self.findings.append(
                    _finding(
                        src,
                        (1, 1),
                        "tags.missing-key",
                        f"page lacks '{name}' {where}",
                        f"add '{name}:' between the '---' lines at the top",
                    )
                )
        own = self._check_list(source) if key in meta else []
        from_meta = inherited.get(key)
        if own is None or (key not in meta and not isinstance(from_meta, list)):
            return  # not a list (reported), or no tags at all (a missing key, if required)
        extra = [t for t in from_meta if isinstance(t, str)] if isinstance(from_meta, list) else []
        count = len(dict.fromkeys([*self._canonical(extra), *own]))
        if count < options.min_tags or (options.max_tags is not None and count > options.max_tags):
            bound = (
                f"at least {options.min_tags}"
                if count < options.min_tags
                else f"at most {options.max_tags}"
            )
            self.findings.append(
                _finding(
                    src,
                    source.where(key) if key in meta else (1, 1),
                    "tags.count",
                    f"page has {count} tag{'' if count == 1 else 's'}; {bound} expected",
                    "keep the tags a reader would look the page up by",
                )
            )

    def _canonical(self, tags: Iterable[str]) -> list[str]:
        t = self.taxonomy
        return [t.resolve(v).canonical for v in tags] if t is not None else list(tags)

    def _check_list(self, source: _Source) -> list[str] | None:
        """Check one written list of tags; returns its canonical tags (and counts their use),
        None if it is not a list."""
        key, src, values = self.options.key, source.src, source.values
        if not isinstance(values, list):
            shown = "nothing" if values is None else repr(values)
            self.findings.append(
                _finding(
                    src,
                    source.where(key, -1),
                    "tags.not-a-list",
                    f"'{key}' must be a list of tags, not {shown}",
                    f"write {key}: [one, other] or one '- tag' per line",
                )
            )
            return None
        canonical: list[str] = []
        seen: dict[str, str] = {}
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                self.findings.append(
                    _finding(
                        src,
                        source.where(key, i),
                        "tags.not-a-list",
                        f"tag {value!r} is not text" if value != "" else "empty tag",
                        "quote it to make it text, or remove it",
                    )
                )
                continue
            resolution = self.taxonomy.resolve(value) if self.taxonomy else None
            tag = resolution.canonical if resolution else value
            if tag in seen:
                again = seen[tag]
                message = (
                    f"tag '{value}' appears twice"
                    if again == value
                    else f"tags '{again}' and '{value}' are both '{tag}'"
                )
                self.findings.append(
                    _finding(
                        src, source.where(key, i), "tags.duplicate", message, "remove this one"
                    )
                )
                continue
            seen[tag] = value
            canonical.append(tag)
            if resolution is not None:
                self._judge(source, i, value, resolution.kind, resolution.canonical)
        self.used.update(canonical)
        return canonical

    def _judge(self, source: _Source, index: int, value: str, kind: str, canonical: str) -> None:
        taxonomy = self.taxonomy
        assert taxonomy is not None
        if kind not in ("unknown", "alias", "deprecated"):
            return  # a tag of the taxonomy: nothing to report, so no YAML to compose for where
        at = source.where(self.options.key, index)
        if kind == "unknown":
            tip = taxonomy.suggest(value) or f"add it to the taxonomy ({taxonomy.path})"
            message = f"tag '{value}' is not in the taxonomy"
            self.findings.append(_finding(source.src, at, "tags.unknown", message, tip))
        elif kind == "alias":
            message = f"tag '{value}' is an alias of '{canonical}'"
            tip = f"write '{canonical}'; the built site already shows it"
            self.findings.append(_finding(source.src, at, "tags.alias", message, tip))
        elif kind == "deprecated":
            if canonical != value:
                message = f"tag '{value}' is deprecated in favour of '{canonical}'"
                tip = f"write '{canonical}'; the built site already shows it"
            else:
                message, tip = f"tag '{value}' is deprecated", "remove it"
            self.findings.append(_finding(source.src, at, "tags.deprecated", message, tip))

    def conclude(self) -> list[Finding]:
        """Every finding: those of the files seen, then taxonomy tags no page uses."""
        found = list(self.findings)
        taxonomy = self.taxonomy
        if taxonomy is None:
            return found
        sep = taxonomy.separator
        parents = {p for t in self.used for p in _ancestors(t, sep)}
        for name, tag in taxonomy.tags.items():
            if tag.deprecated or name in self.used or (tag.subtree and name in parents):
                continue
            found.append(
                _finding(
                    taxonomy.path,
                    (tag.line, tag.column),
                    "tags.unused",
                    f"tag '{name}' of the taxonomy is used by no page",
                    "tag the pages it is for, or remove it",
                )
            )
        return found


def _ancestors(tag: str, separator: str) -> Sequence[str]:
    if not separator or separator not in tag:
        return ()
    parts = tag.split(separator)
    return [separator.join(parts[:i]) for i in range(1, len(parts))]
