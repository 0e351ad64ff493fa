"""The Python-Markdown extension: ``markdown_extensions: [mkdocs_careerkit.assessments]``.

A preprocessor reads the assessment blocks from the source lines (where line numbers are known),
reports findings and tags each block's ``!!!`` line with a class; a treeprocessor finds the
tagged blocks in the rendered tree and adds the data the script needs. The author's text passes
through unchanged apart from careerkit's own syntax (option lines, ``{#id}``), so admonition,
content tabs and task lists render the original checklist for readers without JavaScript.
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
from mkdocs_careerkit.assessments.check import check_page
from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.assessments.parse import ParseOptions, parse_page
from mkdocs_careerkit.assessments.render import enhance, marker_class
from mkdocs_careerkit.assessments.strings import merged
from mkdocs_careerkit.findings import Finding

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
        types: Admonition types that are assessments when they hold task-list items.
        strings: The reader-facing words (defaults merged with translations).
    """

    types: tuple[str, ...] = ("question",)
    strings: Mapping[str, str] = dataclasses.field(default_factory=lambda: merged(None))

    @classmethod
    def create(
        cls, types: Sequence[str] = ("question",), strings: Mapping[str, str] | None = None
    ) -> AssessmentOptions:
        return cls(tuple(str(t).lower() for t in types), merged(strings))

    @property
    def parse(self) -> ParseOptions:
        return ParseOptions(self.types, (self.strings["overall"],))


class AssessmentExtension(Extension):
    """Interactive self-assessments from admonitions with task-list items and rubric tables."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "admonition_types": [
                ["question"],
                "Admonition types that are assessments when they contain task-list items "
                "('assessment' always is).",
            ],
            "strings": [{}, "Translations of the words readers see, by key."],
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
        return AssessmentOptions.create(types, self.getConfig("strings") or {})

    def extendMarkdown(self, md: Markdown) -> None:
        state = _DocumentState()
        options = self.options()
        md.preprocessors.register(
            _AssessmentPreprocessor(
                md, options, state, self.getConfig("reporter"), self.getConfig("collect")
            ),
            "careerkit_assessments",
            28,  # after normalize_whitespace (30), before fenced code is stashed (25)
        )
        md.treeprocessors.register(
            _AssessmentTreeprocessor(md, options, state, str(self.getConfig("assets_url"))),
            "careerkit_assessments",
            26,  # before pymdownx.tasklist (25) and inline Markdown (20)
        )
        md.registerExtension(self)


@dataclasses.dataclass
class _DocumentState:
    assessments: tuple[Assessment, ...] = ()


class _AssessmentPreprocessor(Preprocessor):
    def __init__(
        self,
        md: Markdown,
        options: AssessmentOptions,
        state: _DocumentState,
        reporter: Reporter,
        collect: Collector,
    ) -> None:
        super().__init__(md)
        self.options = options
        self.state = state
        self.reporter = reporter
        self.collect = collect

    def run(self, lines: list[str]) -> list[str]:
        parsed = parse_page(lines, self.options.parse)
        for f in (*parsed.findings, *check_page(parsed.assessments)):
            self.reporter(f)
        self.collect(parsed.assessments)
        blocks = self.md.parser.blockprocessors
        renderable = {"!!!": "admonition" in blocks, "???": "details" in blocks}
        kept = [a for a in parsed.assessments if renderable[lines[a.line - 1].lstrip()[:3]]]
        self.state.assessments = tuple(kept)
        return rewrite_source(lines, kept)


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
        self, md: Markdown, options: AssessmentOptions, state: _DocumentState, assets_url: str
    ) -> None:
        super().__init__(md)
        self.options = options
        self.state = state
        self.assets_url = assets_url

    def run(self, root: Element) -> None:
        wanted = {marker_class(a.index): a for a in self.state.assessments}
        if not wanted:
            return
        found: list[tuple[Element, Assessment]] = []
        prefix = marker_class(0)[:-1]
        for el in root.iter():
            classes = el.get("class")
            if classes is None or prefix not in classes:
                continue
            for cls in classes.split():
                a = wanted.pop(cls, None)
                if a is not None:
                    found.append((el, a))
        tasklist = "task-list" in self.md.treeprocessors
        for el, a in found:
            enhance(el, a, self.options.strings, tasklist=tasklist)
        if found and self.assets_url:
            root.extend(assets.elements(self.assets_url, assets.host_src_path(self.md)))
        self.state.assessments = ()


def makeExtension(**kwargs: Any) -> AssessmentExtension:  # the name Markdown looks for
    return AssessmentExtension(**kwargs)
