"""The Python-Markdown extension: ``markdown_extensions: [mkdocs_careerkit.assessments]``.

A first preprocessor keeps the page's lines as written. The main preprocessor runs after
Python-Markdown stashed raw HTML, comments and fenced code (so examples there are never read),
reads the assessment blocks from the lines, reports findings at the source line and column, and
tags each block's ``!!!`` line with a class. A treeprocessor finds the tagged blocks in the
rendered tree and adds the data the script needs; a block whose rendered shape is not what the
model expects is left as rendered and reported. The author's text passes through unchanged apart
from careerkit's own syntax (option lines, ``{#id}``), so admonition, content tabs and task lists
render the original checklist for readers without JavaScript.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from mkdocs_careerkit import assets
from mkdocs_careerkit.assessments.check import check_extensions, check_page
from mkdocs_careerkit.assessments.lines import LineMap
from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.assessments.parse import TITLE_WORDS, ParseOptions, finding, parse_page
from mkdocs_careerkit.assessments.render import (
    as_part,
    enhance,
    marker_class,
    profile,
    profile_id,
)
from mkdocs_careerkit.assessments.strings import merged
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.stash import shown

log = logging.getLogger("mkdocs_careerkit")

Reporter = Callable[[Finding], None]
Collector = Callable[[Sequence[Assessment]], None]

_TITLE_RE = re.compile(r"^(?P<head> *(?P<marker>!!!|\?\?\?\+?) ?[\w\-]+)")
_ID_SUFFIX_RE = re.compile(r" *\{:? *#[\w.:-]+ *\}(?= *$)")


def log_finding(finding: Finding) -> None:
    """Default reporter when the extension runs without the plugin: a warning per finding."""
    if finding.severity == "ignore":
        return
    text = f"{finding.line}:{finding.column}: {finding.message}"
    if finding.suggestion:
        text += f" ({finding.suggestion})"
    log.warning("%s [%s]", text, finding.code)


def _ignore(found: Sequence[Assessment]) -> None:
    """Default collector: nothing to record."""


@dataclasses.dataclass(frozen=True)
class AssessmentOptions:
    """The extension's options, validated.

    Attributes:
        types: Admonition types that are assessments when they hold task-list items or a
            level table.
        strings: The reader-facing words (defaults merged with translations).
        titles: Title words that make an admonition of any type an assessment when it holds
            task-list items or a level table.
    """

    types: tuple[str, ...] = ("question",)
    strings: Mapping[str, str] = dataclasses.field(default_factory=lambda: merged(None))
    titles: tuple[str, ...] = TITLE_WORDS
    extensions: frozenset[str] | None = None

    @classmethod
    def create(
        cls,
        types: Sequence[str] = ("question",),
        strings: Mapping[str, str] | None = None,
        titles: Sequence[str] = TITLE_WORDS,
        extensions: Sequence[object] | None = None,
        language: object = "",
    ) -> AssessmentOptions:
        names = None
        if extensions is not None:  # the site's markdown_extensions, for careerkit check
            names = frozenset(
                str(e).removeprefix("markdown.extensions.")
                for e in extensions
                if isinstance(e, str)
            )
        return cls(
            tuple(str(t).lower() for t in types),
            merged(strings, language),
            tuple(str(t) for t in titles),
            names,
        )

    @property
    def parse(self) -> ParseOptions:
        return ParseOptions(self.types, (self.strings["overall"],), self.titles)


class AssessmentExtension(Extension):
    """Interactive self-assessments from admonitions with task-list items and rubric tables."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "admonition_types": [
                ["question"],
                "Admonition types that are assessments when they contain task-list items or a "
                "level table ('assessment' always is).",
            ],
            "title_words": [
                list(TITLE_WORDS),
                "Title words that make an admonition of any type an assessment when it "
                "contains task-list items or a level table.",
            ],
            "strings": [{}, "Translations of the words readers see, by key."],
            "language": [
                "",
                "Language of the built-in words readers see (en, de, fr, es, pt; others: en).",
            ],
            "reporter": [
                log_finding,
                "Called with each Finding (lines count from the Markdown body); "
                "default: log a warning.",
            ],
            "collect": [_ignore, "Called with the assessments of each converted document."],
            "assets_url": [
                "",
                "Without the plugin (Zensical): where 'python -m mkdocs_careerkit.assets DIR' "
                "copied the script and stylesheet, relative to docs_dir; pages with an "
                "assessment then reference them. Empty: no references (the plugin adds them).",
            ],
        }
        super().__init__(**kwargs)

    def options(self) -> AssessmentOptions:
        types = self.getConfig("admonition_types")
        if isinstance(types, str):
            types = [types]
        titles = self.getConfig("title_words")
        if isinstance(titles, str):
            titles = [titles]
        return AssessmentOptions.create(
            types,
            self.getConfig("strings") or {},
            titles,
            language=self.getConfig("language"),
        )

    def extendMarkdown(self, md: Markdown) -> None:
        state = _DocumentState()
        options = self.options()
        reporter = self.getConfig("reporter")
        md.preprocessors.register(_SourcePreprocessor(md, state), "careerkit_source", 35)
        md.preprocessors.register(
            _AssessmentPreprocessor(md, options, state, reporter),
            "careerkit_assessments",
            19,  # after raw HTML, comments (html_block, 20) and fenced code (25) are stashed
        )
        md.treeprocessors.register(
            _AssessmentTreeprocessor(
                md,
                options,
                state,
                reporter,
                self.getConfig("collect"),
                str(self.getConfig("assets_url")),
            ),
            "careerkit_assessments",
            26,  # before pymdownx.tasklist (25) and inline Markdown (20)
        )
        md.registerExtension(self)


@dataclasses.dataclass
class _DocumentState:
    source: list[str] = dataclasses.field(default_factory=list)
    assessments: tuple[Assessment, ...] = ()
    lines: LineMap | None = None


def source_positions(findings: Sequence[Finding], lines: LineMap | None) -> list[Finding]:
    """Findings moved from processed lines to the lines and columns the author typed."""
    if lines is None:
        return list(findings)
    out = []
    for f in findings:
        line, column = lines.position(f.line, f.column)
        out.append(dataclasses.replace(f, line=line, column=column))
    return out


class _SourcePreprocessor(Preprocessor):
    """Keeps the lines as written, before other preprocessors change them."""

    def __init__(self, md: Markdown, state: _DocumentState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.source = list(lines)
        self.state.lines = None
        return lines


class _AssessmentPreprocessor(Preprocessor):
    def __init__(
        self,
        md: Markdown,
        options: AssessmentOptions,
        state: _DocumentState,
        reporter: Reporter,
    ) -> None:
        super().__init__(md)
        self.options = options
        self.state = state
        self.reporter = reporter

    def run(self, lines: list[str]) -> list[str]:
        parsed = parse_page(lines, self.options.parse)
        self.state.assessments = ()
        if not parsed.assessments and not parsed.findings:
            return lines
        self.state.lines = LineMap.build(self.state.source or lines, lines, self.md.tab_length)
        for f in source_positions(
            [*parsed.findings, *check_page(parsed.assessments)], self.state.lines
        ):
            self.reporter(f)
        blocks = self.md.parser.blockprocessors
        present = {
            "admonition": "admonition" in blocks,
            "pymdownx.details": "details" in blocks,
            "pymdownx.tasklist": "task-list" in self.md.treeprocessors,
        }
        kept, missing = check_extensions(parsed.assessments, lines, present.__getitem__)
        for f in source_positions(missing, self.state.lines):
            self.reporter(f)
        self.state.assessments = tuple(kept)
        return rewrite_source(lines, kept)


def report(
    reporter: Reporter, lines: LineMap | None, a: Assessment, why: str, fix: str, at: int = 0
) -> None:
    """Report that assessment ``a`` is left as written, at its ``!!!`` line."""
    where = ""
    if at > a.line:
        # Lines below the '!!!' line: the extension does not know the front matter's length.
        below = (lines.position(at, 0)[0] - lines.position(a.line, 0)[0]) if lines else at - a.line
        where = f" ({below} line{'s' if below != 1 else ''} below)"
    found = finding(
        a.line,
        a.column,
        "assessment.not-rendered",
        f"'{a.title}' is left as written, not interactive: {why}{where}",
        fix,
    )
    for f in source_positions([found], lines):
        reporter(f)


def rewrite_source(lines: Sequence[str], assessments: Sequence[Assessment]) -> list[str]:
    """The lines Markdown renders: careerkit's own syntax removed, each block tagged.

    The ``!!!`` line gets a class naming the block; option lines become blank lines; ``{#id}``
    after items, tab titles and in rubric headers is removed. Everything else is unchanged.
    """
    out = list(lines)
    for a in assessments:
        title = a.line - 1
        m = _TITLE_RE.match(out[title])
        if m:
            out[title] = m.group("head") + " " + marker_class(a.index) + out[title][m.end() :]
        for n in a.option_lines:
            out[n - 1] = ""
        for s in a.sections:
            if s.explicit_id:
                out[s.line - 1] = _ID_SUFFIX_RE.sub("", out[s.line - 1])
            for item in s.items:
                if item.explicit_id and item.is_rubric:
                    out[item.line - 1] = re.sub(r" *\{:? *#[\w.:-]+ *\}", "", out[item.line - 1])
                elif item.explicit_id:
                    out[item.line - 1] = _ID_SUFFIX_RE.sub("", out[item.line - 1])
    return out


class _AssessmentTreeprocessor(Treeprocessor):
    def __init__(
        self,
        md: Markdown,
        options: AssessmentOptions,
        state: _DocumentState,
        reporter: Reporter,
        collect: Collector,
        assets_url: str = "",
    ) -> None:
        super().__init__(md)
        self.options = options
        self.state = state
        self.reporter = reporter
        self.collect = collect
        self.assets_url = assets_url

    def _shown(self, text: str) -> str:
        return shown(text, self.md)

    def run(self, root: Element) -> None:
        wanted = {marker_class(a.index): a for a in self.state.assessments}
        self.state.assessments = ()
        found: list[tuple[Element, Assessment]] = []
        if wanted:
            prefix = marker_class(0)[:-1]
            for el in root.iter():
                classes = el.get("class")
                if classes is None or prefix not in classes:
                    continue
                for cls in classes.split():
                    a = wanted.pop(cls, None)
                    if a is not None:
                        found.append((el, a))
        lines = self.state.lines
        for a in wanted.values():  # its '!!!' line did not become an admonition
            _unmark(root, marker_class(a.index))
            report(
                self.reporter,
                lines,
                a,
                "it did not render as an admonition",
                "start the '!!!' line at the left margin, or four spaces into a list item, "
                "admonition or content tab",
            )
        tasklist = "task-list" in self.md.treeprocessors
        strings = self.options.strings
        # Two or more rubric blocks on a page make one competency profile.
        blocks = [a for _, a in found if a.rubric_block]
        pid = profile_id(root, blocks[0], self._shown) if len(blocks) > 1 else ""
        done: list[Assessment] = []
        parts: list[tuple[Element, Assessment]] = []
        for el, a in found:
            part = pid if pid and a.rubric_block else ""
            shown = as_part(a) if part else a
            problem = enhance(el, shown, strings, tasklist=tasklist, part=part)
            if problem is not None:
                report(self.reporter, lines, a, problem.why, problem.fix, problem.line)
                continue
            done.append(a)
            if part:
                parts.append((el, shown))
        if parts:
            done.append(profile(root, pid, parts, strings))
        if done and self.assets_url:  # Zensical: no plugin adds the assets
            root.extend(assets.elements(self.assets_url, assets.host_src_path(self.md)))
        if lines is not None:
            done = [_at_source(a, lines) for a in done]
        self.collect(done)


def _at_source(a: Assessment, lines: LineMap) -> Assessment:
    line, column = lines.position(a.line, a.column)
    return dataclasses.replace(a, line=line, column=column)


def _unmark(root: Element, marker: str) -> None:
    """Remove a marker that ended up in text (a '!!!' line Markdown did not read as a block)."""
    for el in root.iter():
        for attr in ("text", "tail"):
            value = getattr(el, attr)
            if value and marker in value:
                setattr(el, attr, type(value)(value.replace(" " + marker, "")))


def makeExtension(**kwargs: Any) -> AssessmentExtension:  # the name Markdown looks for
    return AssessmentExtension(**kwargs)
