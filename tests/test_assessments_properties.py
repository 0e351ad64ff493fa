"""Property tests: any text gives assessments or findings, never an exception."""

from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.assessments import check_source, makeExtension
from mkdocs_careerkit.assessments.check import check_page
from mkdocs_careerkit.assessments.parse import parse_page
from mkdocs_careerkit.codes import CODES

# Fragments of real assessment syntax, so generated pages reach the interesting code paths.
FRAGMENTS = [
    '!!! question "Q"',
    '!!! question "Q (1=a, 5=b)"',
    '!!! assessment "A"',
    '??? question "C"',
    "!!! question",
    '!!! assessment ""',
    "    id: x",
    "    id: bad id",
    "    scale: 1-5",
    "    scale: 5-1",
    "    scale: 1=Never, 5=Always",
    "    scale: none",
    "    labels: a, b, c, d, e",
    "    lables: x",
    "    Rate yourself (1=Needs Improvement, 5=Excellent):",
    "    Rate yourself (5=Excellent, 1=Poor)",
    "    Rate 1–5",
    '    === "Tab"',
    '    === "Tab" {#t}',
    '    ===! "Other"',
    "        - [ ] item",
    "        - [x] item {#i}",
    "    - [ ] item",
    "    - [ ] item {#i}",
    "    * [ ] **bold** [link](x.md)",
    "    1. [ ] numbered",
    "    - Overall below 2.5: read [M](m.md)",
    "    - Overall 2.5–4: ok",
    "    - Overall 4 or more: great",
    "    - Overall 0–49%: low",
    "    - Tab 1–9: weird",
    "    - below 3 in Tab: x",
    "    - Nope 1-2: y",
    "    | Level | Skill |",
    "    | Level | Skill {#s} |",
    "    |---|---|",
    "    | :-- | --: |",
    "    | Novice (1) | a |",
    "    | 2 | b |",
    "    | 2 | again |",
    "    | Three | c |",
    "    | 5 | e |",
    "    | 99 | far |",
    "    ```",
    "```",
    "~~~",
    "",
    "text",
    "        continuation",
    "\t- [ ] tabbed",
    "    <script>alert(1)</script>",
]

lines = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_parse_and_check_never_raise(page: list[str]) -> None:
    text = "\n".join(page)
    parsed = parse_page(text.split("\n"))
    found = [*parsed.findings, *check_page(parsed.assessments)]
    count = len(text.split("\n"))
    for f in found:
        assert f.code in CODES
        assert 1 <= f.line <= count
        assert f.column >= 1
    for a in parsed.assessments:
        assert 1 <= a.line <= a.end <= count
        assert a.id
        for item in a.items:
            assert item.id and a.line < item.line <= a.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_rendering_never_raises(page: list[str]) -> None:
    reported: list[object] = []
    md = markdown.Markdown(
        extensions=[
            "admonition",
            "pymdownx.details",
            "pymdownx.superfences",
            "pymdownx.tabbed",
            "pymdownx.tasklist",
            "tables",
            makeExtension(reporter=reported.append),
        ]
    )
    md.convert("\n".join(page))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=0, max_value=50))
def test_check_source_accepts_any_text(text: str, offset: int) -> None:
    for f in check_source(text, "p.md", offset):
        assert f.file == "p.md" and f.line > offset
