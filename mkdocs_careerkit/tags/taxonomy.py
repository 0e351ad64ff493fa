"""The tag taxonomy: a YAML file → a model of allowed tags, plus findings about the file itself.

Pure: no MkDocs. Lines come from PyYAML's node marks, so every problem with the file (syntax,
wrong types, unknown keys, duplicate tags, aliases claimed twice, missing replacements, cycles)
is a finding at its own line, all in one run; a broken file never raises.

The file::

    tags:
      networking:
        description: Building professional relationships.
        group: Skills
        aliases: [network, networks]
      career:
        subtree: true            # career/anything is allowed too
      influence-without-authority:
        deprecated: influence    # normalised to its replacement
      teaching:                  # a tag with nothing more to say
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Mapping
from typing import Literal

import yaml

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding

CODE = "tags.bad-taxonomy"
TOP_KEYS = ("tags",)
TAG_KEYS = ("description", "group", "aliases", "deprecated", "subtree")
_HOW = "see the tag taxonomy docs page for the file's shape"


@dataclasses.dataclass(frozen=True)
class Tag:
    """One tag of the taxonomy.

    Attributes:
        name: The canonical spelling.
        line: Line of its key in the taxonomy file.
        column: Column of its key.
        description: What the tag is for ('' if none).
        group: Heading it is listed under on the tag index ('' if none).
        aliases: Accepted spellings that normalise to it.
        deprecated: Whether pages should stop using it.
        replacement: The tag a deprecated one becomes (chains followed to the end), if any.
        subtree: Whether ``name<separator>anything`` is allowed too.
    """

    name: str
    line: int
    column: int = 1
    description: str = ""
    group: str = ""
    aliases: tuple[str, ...] = ()
    deprecated: bool = False
    replacement: str | None = None
    subtree: bool = False


Kind = Literal["known", "alias", "deprecated", "unknown"]


@dataclasses.dataclass(frozen=True)
class Resolution:
    """What a tag as written is: its kind and the tag a page should carry instead."""

    kind: Kind
    canonical: str
    via: str = ""  # the alias's tag, or the deprecated tag's replacement


@dataclasses.dataclass(frozen=True)
class Taxonomy:
    """The allowed tags, and how other spellings map onto them.

    Attributes:
        path: The file, as findings name it (relative to ``docs_dir``).
        tags: Every tag by name, in file order.
        aliases: Alias → the tag it stands for.
        separator: Hierarchy separator for subtrees (Material's ``tags_hierarchy_separator``).
    """

    path: str
    tags: Mapping[str, Tag]
    aliases: Mapping[str, str]
    separator: str = "/"

    def resolve(self, tag: str) -> Resolution:
        """Classify ``tag`` and give the spelling pages should carry."""
        entry = self.tags.get(tag)
        if entry is not None:
            if entry.deprecated:
                return Resolution("deprecated", entry.replacement or tag, entry.replacement or "")
            return Resolution("known", tag)
        owner = self.aliases.get(tag)
        if owner is not None:
            target = self.tags[owner]
            final = target.replacement if target.deprecated and target.replacement else owner
            return Resolution("alias", final, owner)
        if self.in_subtree(tag):
            return Resolution("known", tag)
        return Resolution("unknown", tag)

    def in_subtree(self, tag: str) -> bool:
        """Whether ``tag`` lies below a tag marked ``subtree: true``."""
        parts = tag.split(self.separator) if self.separator else [tag]
        for i in range(1, len(parts)):
            parent = self.tags.get(self.separator.join(parts[:i]))
            if parent is not None and parent.subtree:
                return True
        return False

    def suggest(self, tag: str) -> str:
        """A "did you mean" for an unknown tag: same words in another case or with other
        separators, then the closest spelling of a tag or an alias ('' if nothing is close)."""
        names = [t for t, e in self.tags.items() if not e.deprecated]
        spellings = {**{a: o for a, o in self.aliases.items()}, **{n: n for n in names}}
        key = fold(tag)
        for spelling, owner in spellings.items():
            if fold(spelling) == key:
                return _did_you_mean(spelling, owner)
        close = difflib.get_close_matches(tag, list(spellings), n=1, cutoff=0.75)
        if not close:
            folded = {fold(s): s for s in spellings}
            hits = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.75)
            close = [folded[h] for h in hits]
        return _did_you_mean(close[0], spellings[close[0]]) if close else ""


def _did_you_mean(spelling: str, owner: str) -> str:
    if spelling == owner:
        return f"did you mean '{owner}'?"
    return f"did you mean '{owner}' (its alias '{spelling}')?"


_FOLD_RE = re.compile(r"[\s_\-]+")


def fold(tag: str) -> str:
    """A tag with case and ``-``/``_``/space differences removed, to spot near-misses."""
    return _FOLD_RE.sub("-", tag.strip().casefold()).strip("-")


def _finding(path: str, line: int, column: int, message: str, suggestion: str = "") -> Finding:
    return Finding(path, line, column, CODE, default_severity(CODE), message, suggestion)


def _at(node: yaml.Node, path: str, message: str, suggestion: str = "") -> Finding:
    mark = node.start_mark
    return _finding(path, mark.line + 1, mark.column + 1, message, suggestion)


def _hint(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"


def _scalar(node: yaml.Node) -> str | None:
    """A scalar node's text, or None for other nodes."""
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _string(node: yaml.Node) -> str | None:
    """The text of a scalar that YAML reads as a string (not a number, date, bool or null)."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        value = yaml.SafeLoader("").construct_object(node, deep=True)  # type: ignore[no-untyped-call]
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return None
    return value if isinstance(value, str) else None


def _bool(node: yaml.Node) -> bool | None:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
        return None
    return node.value.lower() in ("true", "yes", "on", "y")


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'"


def _compose(text: str, path: str) -> tuple[yaml.Node | None, list[Finding]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader), []
    except yaml.reader.ReaderError as e:  # a character YAML refuses, such as NUL
        start = text.rfind("\n", 0, e.position) + 1
        line, column = text.count("\n", 0, e.position) + 1, e.position - start + 1
        return None, [
            _finding(path, line, column, f"tag taxonomy cannot be read: {e.reason}", _HOW)
        ]
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return None, [
            _finding(path, line, column, f"tag taxonomy is not valid YAML: {problem}", _HOW)
        ]
    except (ValueError, RecursionError) as e:  # a NUL or other character YAML refuses
        return None, [_finding(path, 1, 1, f"tag taxonomy cannot be read: {e}", _HOW)]


def parse_taxonomy(text: str, path: str, separator: str = "/") -> tuple[Taxonomy, list[Finding]]:
    """Read a taxonomy file.

    Args:
        text: The file's text.
        path: How findings name the file.
        separator: Hierarchy separator for ``subtree`` tags.

    Returns:
        The taxonomy (what could be read of it; empty if nothing) and every problem found.
    """
    # Lines as MkDocs reads files (universal newlines), so a finding's line is the editor's.
    text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    root, findings = _compose(text, path)
    empty = Taxonomy(path, {}, {}, separator)
    if root is None:
        if not findings:
            findings.append(_finding(path, 1, 1, "tag taxonomy is empty", _HOW))
        return empty, findings
    if not isinstance(root, yaml.MappingNode):
        return empty, [
            _at(
                root,
                path,
                f"tag taxonomy must be a mapping with 'tags:', not {_describe(root)}",
                _HOW,
            )
        ]
    tags_node: yaml.Node | None = None
    for key, value in root.value:
        name = _scalar(key)
        if name == "tags":
            if tags_node is not None:
                findings.append(
                    _at(
                        key, path, "'tags' appears twice in the tag taxonomy", "merge the two lists"
                    )
                )
            tags_node = value
        else:
            findings.append(
                _at(
                    key,
                    path,
                    f"unknown key '{name or _describe(key)}' in the tag taxonomy",
                    _hint(str(name), TOP_KEYS),
                )
            )
    if tags_node is None:
        findings.append(_at(root, path, "tag taxonomy has no 'tags:' mapping", _HOW))
        return empty, findings
    if not isinstance(tags_node, yaml.MappingNode):
        if not (isinstance(tags_node, yaml.ScalarNode) and tags_node.tag.endswith(":null")):
            findings.append(
                _at(
                    tags_node,
                    path,
                    f"'tags' must map each tag to its details, not {_describe(tags_node)}",
                    _HOW,
                )
            )
        return empty, findings
    entries: dict[str, Tag] = {}
    raw_replacements: dict[str, tuple[str, yaml.Node]] = {}
    alias_nodes: list[tuple[str, str, yaml.Node]] = []
    for key, value in tags_node.value:
        name = _string(key)
        if not name or not name.strip():
            findings.append(
                _at(key, path, f"tag name {_describe(key)} is not text", "quote it, e.g. '2024'")
            )
            continue
        if name in entries:
            findings.append(
                _at(
                    key,
                    path,
                    f"tag '{name}' is listed twice (first on line {entries[name].line})",
                    "keep one entry",
                )
            )
            continue
        tag, problems, replacement, written = _entry(name, key, value, path)
        findings += problems
        entries[name] = tag
        if replacement is not None:
            raw_replacements[name] = replacement
        alias_nodes += [(name, a, n) for a, n in written]
    aliases: dict[str, str] = {}
    by_tag: dict[str, list[str]] = {}
    for owner, alias, node in alias_nodes:
        if alias in entries:
            findings.append(
                _at(
                    node,
                    path,
                    f"alias '{alias}' of '{owner}' is also a tag",
                    f"remove the alias, or deprecate '{alias}' in favour of '{owner}'",
                )
            )
        elif alias in aliases:
            other = aliases[alias]
            message = (
                f"alias '{alias}' is listed twice for '{owner}'"
                if other == owner
                else f"alias '{alias}' belongs to both '{other}' and '{owner}'"
            )
            findings.append(_at(node, path, message, "keep it under one tag"))
        else:
            aliases[alias] = owner
            by_tag.setdefault(owner, []).append(alias)
    findings += _replacements(entries, raw_replacements, aliases, path)
    final = {
        name: dataclasses.replace(
            tag,
            aliases=tuple(by_tag.get(name, ())),
            replacement=_follow(name, entries, {n: r for n, (r, _) in raw_replacements.items()}),
        )
        for name, tag in entries.items()
    }
    return Taxonomy(path, final, aliases, separator), findings


def _entry(
    name: str, key: yaml.Node, value: yaml.Node, path: str
) -> tuple[Tag, list[Finding], tuple[str, yaml.Node] | None, list[tuple[str, yaml.Node]]]:
    """One tag's details: the tag, problems, its raw replacement and its aliases."""
    line, column = key.start_mark.line + 1, key.start_mark.column + 1
    findings: list[Finding] = []
    if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null"):
        return Tag(name, line, column), findings, None, []
    if isinstance(value, yaml.ScalarNode) and _string(value) is not None:
        return Tag(name, line, column, description=value.value), findings, None, []
    if not isinstance(value, yaml.MappingNode):
        findings.append(
            _at(
                value,
                path,
                f"details of tag '{name}' must be a mapping or a "
                f"description, not {_describe(value)}",
                "write e.g. {description: ..., group: ...}",
            )
        )
        return Tag(name, line, column), findings, None, []
    fields: dict[str, object] = {}
    replacement: tuple[str, yaml.Node] | None = None
    aliases: list[tuple[str, yaml.Node]] = []
    seen: set[str] = set()
    for k, v in value.value:
        field = _scalar(k)
        if field not in TAG_KEYS:
            findings.append(
                _at(
                    k,
                    path,
                    f"unknown key '{field or _describe(k)}' in tag '{name}'",
                    _hint(str(field), TAG_KEYS),
                )
            )
            continue
        if field in seen:
            findings.append(
                _at(k, path, f"key '{field}' appears twice in tag '{name}'", "keep one")
            )
            continue
        seen.add(field)
        if field in ("description", "group"):
            text = _string(v)
            if text is None and not (isinstance(v, yaml.ScalarNode) and v.tag.endswith(":null")):
                findings.append(
                    _at(
                        v,
                        path,
                        f"'{field}' of tag '{name}' must be text, not {_describe(v)}",
                        "quote it",
                    )
                )
            fields[field] = (text or "").strip()
        elif field == "subtree":
            flag = _bool(v)
            if flag is None:
                findings.append(
                    _at(
                        v,
                        path,
                        f"'subtree' of tag '{name}' must be true or false, not {_describe(v)}",
                    )
                )
            fields["subtree"] = bool(flag)
        elif field == "aliases":
            items = v.value if isinstance(v, yaml.SequenceNode) else [v]
            for item in items:
                alias = _string(item)
                if alias is None or not alias.strip():
                    findings.append(
                        _at(
                            item,
                            path,
                            f"alias {_describe(item)} of tag '{name}' is not text",
                            "write aliases: [one, other]",
                        )
                    )
                elif alias == name:
                    findings.append(
                        _at(item, path, f"tag '{name}' lists itself as an alias", "remove it")
                    )
                else:
                    aliases.append((alias, item))
        else:  # deprecated
            flag = _bool(v)
            target = _string(v)
            if flag is not None:
                fields["deprecated"] = flag
            elif target is not None and target.strip():
                fields["deprecated"] = True
                replacement = (target, v)
            else:
                findings.append(
                    _at(
                        v,
                        path,
                        f"'deprecated' of tag '{name}' must name its "
                        f"replacement or be true, not {_describe(v)}",
                        "write deprecated: other-tag",
                    )
                )
    tag = Tag(
        name,
        line,
        column,
        description=str(fields.get("description", "")),
        group=str(fields.get("group", "")),
        deprecated=bool(fields.get("deprecated", False)),
        subtree=bool(fields.get("subtree", False)),
    )
    return tag, findings, replacement, aliases


def _replacements(
    entries: Mapping[str, Tag],
    raw: Mapping[str, tuple[str, yaml.Node]],
    aliases: Mapping[str, str],
    path: str,
) -> list[Finding]:
    """Replacements that name no tag, and chains of replacements that go round in a cycle."""
    findings: list[Finding] = []
    for name, (target, node) in raw.items():
        if target not in entries:
            owner = aliases.get(target)
            tip = (
                f"write '{owner}' ('{target}' is its alias)"
                if owner
                else _hint(target, tuple(entries)).replace("known keys", "tags")
            )
            findings.append(
                _at(
                    node,
                    path,
                    f"tag '{name}' is replaced by '{target}', which is not a tag of the taxonomy",
                    tip,
                )
            )
    reported: set[str] = set()
    for start in raw:
        chain = [start]
        while chain[-1] in raw and raw[chain[-1]][0] in entries:
            nxt = raw[chain[-1]][0]
            if nxt in chain:
                cycle = chain[chain.index(nxt) :]
                if not reported & set(cycle):
                    reported.update(cycle)
                    first = min(cycle, key=lambda n: entries[n].line)
                    i = cycle.index(first)
                    loop = [*cycle[i:], *cycle[:i], first]
                    findings.append(
                        _at(
                            raw[first][1],
                            path,
                            f"deprecated tags replace each other in a cycle: {' → '.join(loop)}",
                            "make one of them the tag that stays",
                        )
                    )
                break
            chain.append(nxt)
    return findings


def _follow(name: str, entries: Mapping[str, Tag], raw: Mapping[str, str]) -> str | None:
    """The end of ``name``'s chain of replacements (None if none, broken, or a cycle)."""
    seen = {name}
    current = raw.get(name)
    while current is not None and current in entries:
        if current in seen:
            return None
        seen.add(current)
        if current not in raw:
            return current
        current = raw[current]
    return None
