"""Interactive self-assessments: rate statements, pick rubric levels, keep the results.

Use it through the ``careerkit`` plugin, or alone as a Python-Markdown extension::

    markdown_extensions:
      - mkdocs_careerkit.assessments

The modules follow the project's shape: ``parse`` (source lines to a model), ``check`` (model to
findings), ``render`` (model to marks on the HTML tree), ``extension`` (Python-Markdown) and
``adapter`` (MkDocs).
"""

from __future__ import annotations

import dataclasses

import markdown

from mkdocs_careerkit.assessments.check import check_extensions, check_page
from mkdocs_careerkit.assessments.extension import (
    AssessmentExtension,
    AssessmentOptions,
    makeExtension,
    source_positions,
)
from mkdocs_careerkit.assessments.lines import LineMap
from mkdocs_careerkit.assessments.parse import parse_page
from mkdocs_careerkit.assessments.site import SiteAssessments
from mkdocs_careerkit.findings import Finding

__all__ = [
    "AssessmentExtension",
    "AssessmentOptions",
    "SiteAssessments",
    "check_source",
    "makeExtension",
]


def check_source(
    body: str,
    src_uri: str,
    line_offset: int = 0,
    options: AssessmentOptions | None = None,
    site: SiteAssessments | None = None,
) -> list[Finding]:
    """The findings the build reports for one page's assessments, without rendering it.

    Args:
        body: The page's Markdown after its front matter.
        src_uri: The page's path relative to ``docs_dir``.
        line_offset: Lines of the file before ``body`` (the front matter).
        options: Assessment options (defaults if omitted).
        site: Site-wide record, to report an assessment id used on two pages.

    Returns:
        Findings with the file set and lines counted from the top of the file.
    """
    opts = options or AssessmentOptions()
    source = body.split("\n")
    quick = parse_page([line.expandtabs(4) for line in source], opts.parse)
    if not quick.assessments and not quick.findings:
        return []  # most pages; raw HTML cannot add a block, only hide one
    lines = markdown_lines(source)
    parsed = parse_page(lines, opts.parse)
    positions = LineMap.build(source, lines)
    findings = [*parsed.findings, *check_page(parsed.assessments)]
    if opts.extensions is not None:  # what the build reports when an extension is off
        findings += check_extensions(parsed.assessments, lines, opts.extensions.__contains__)[1]
    if site is not None:
        findings += site.add(src_uri, parsed.assessments)
    return [
        dataclasses.replace(f, file=src_uri, line=f.line + line_offset if f.line else 0)
        for f in source_positions(findings, positions)
    ]


_MARKDOWN: list[markdown.Markdown] = []


def markdown_lines(source: list[str]) -> list[str]:
    """The lines Python-Markdown's own preprocessors make of a page: whitespace normalised,
    raw HTML blocks and comments stashed (what the extension reads in a build)."""
    if not _MARKDOWN:
        _MARKDOWN.append(markdown.Markdown())
    md = _MARKDOWN[0]
    md.reset()
    lines = source
    for name in ("normalize_whitespace", "html_block"):
        lines = md.preprocessors[name].run(lines)
    return lines
