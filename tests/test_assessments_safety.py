"""Safety and faithfulness: careerkit only enriches what Python-Markdown rendered.

Every block is rendered with and without careerkit under the extension combinations the docs
mention, including shapes that do not render as an assessment. With careerkit's additions
taken out, the two outputs must be identical: no author text is converted twice, rebuilt or
lost, and no author text becomes live HTML that Markdown itself did not make.
"""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.assessments import check_source, makeExtension
from mkdocs_careerkit.findings import Finding
from tests.test_assessments_parse import SEED_BLOCK
from tests.test_assessments_render import DATA_RE

COMBINATIONS: dict[str, tuple[list[str], dict[str, Any]]] = {
    "material": (
        [
            "admonition",
            "pymdownx.details",
            "pymdownx.superfences",
            "pymdownx.tabbed",
            "pymdownx.tasklist",
            "attr_list",
            "md_in_html",
            "tables",
        ],
        {
            "pymdownx.tabbed": {"alternate_style": True},
            "pymdownx.tasklist": {"custom_checkbox": True},
        },
    ),
    "classic-tabs": (
        ["admonition", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "tables"],
        {},
    ),
    "no-tasklist": (
        ["admonition", "pymdownx.tabbed", "tables"],
        {"pymdownx.tabbed": {"alternate_style": True}},
    ),
    "no-tabbed": (["admonition", "pymdownx.tasklist", "tables"], {}),
    "admonition-only": (["admonition"], {}),
}

PAYLOADS = {
    "code-span": "`<img src=x onerror=xss>`",
    "raw-html": "<img src=x onerror=xss>",
    "entities": "&lt;img src=x onerror=xss&gt; &amp;lt;b&amp;gt;",
    "script-end": "</script><script>xss</script>",
}


def block(p: str, shape: str = "good") -> str:
    """An assessment with the payload in every piece of author text."""
    gap = "" if shape == "no-blank-line" else "\n"
    quote = "\n    > - [ ] quoted " + p + "\n" if shape == "quoted-item" else ""
    return (
        f'!!! question "Title {p}"\n'
        f"    **Rate yourself (1=Poor {p}, 5=Great {p}):**\n{gap}"
        f'    === "Tab {p}"\n'
        f"{gap}"
        f"        - [ ] Statement {p}\n"
        f"        - [ ] Second statement\n"
        f"{quote}\n"
        f'    === "Other tab {p}"\n\n'
        f"        - [ ] Third {p}\n\n"
        f"    - Overall below 3: band {p}\n"
        f"    - Overall 3 or more: another band\n"
    )


def careerkit(text: str, combo: str, reported: list[Finding] | None = None) -> str:
    extensions, configs = COMBINATIONS[combo]
    sink = reported if reported is not None else []
    md = markdown.Markdown(
        extensions=[*extensions, makeExtension(reporter=sink.append)],
        extension_configs=configs,
    )
    return md.convert(text)


def plain(text: str, combo: str) -> str:
    extensions, configs = COMBINATIONS[combo]
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


def strip_careerkit(out: str) -> str:
    """The output with everything careerkit adds taken out again."""
    out = DATA_RE.sub("", out)
    out = re.sub(r'<template class="careerkit-controls"[^>]*>.*?</template>', "", out, flags=re.S)
    out = re.sub(r"<td><label>(.*?)</label></td>", r"<td>\1</td>", out, flags=re.S)
    out = re.sub(r'<div class="careerkit-profile"[^>]*></div>\n?', "", out)
    out = re.sub(r' data-careerkit-[a-z]+="[^"]*"', "", out)
    out = re.sub(r'<span class="careerkit-box">(\[[ xX]\])</span>', r"\1", out)
    out = re.sub(r'<p class="careerkit-scale">[^<]*</p>\n?', "", out)

    def classes(m: re.Match[str]) -> str:
        kept = [c for c in m.group(1).split() if c not in OURS]
        return f' class="{" ".join(kept)}"' if kept else ""

    return re.sub(r' class="([^"<>]*)"(?=[^<>]*>)', classes, out)


OURS = {"careerkit-assessment", "careerkit-band", "careerkit-rubric", "careerkit-rated"}


def text_words(source: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", source))


@pytest.mark.parametrize("combo", COMBINATIONS)
@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("shape", ["good", "no-blank-line", "quoted-item"])
def test_author_text_never_becomes_html_that_markdown_did_not_make(
    combo: str, payload: str, shape: str
) -> None:
    source = block(PAYLOADS[payload], shape)
    out = careerkit(source, combo)
    expected = plain(source, combo)
    # careerkit's additions taken out, the output is exactly Python-Markdown's own.
    assert strip_careerkit(out) == expected
    # The only element careerkit adds that can hold markup is the escaped JSON.
    for raw in DATA_RE.findall(out):
        assert "<" not in raw and ">" not in raw and "&" not in raw
    assert out.count("<img") == expected.count("<img")
    assert out.count("<script") == expected.count("<script") + len(DATA_RE.findall(out))


@pytest.mark.parametrize("combo", COMBINATIONS)
def test_which_shapes_become_interactive(combo: str) -> None:
    reported: list[Finding] = []
    good = careerkit(block("x"), combo, reported)
    tabbed = "no-tabbed" not in combo and combo != "admonition-only"
    tasklist = combo not in ("no-tasklist", "admonition-only")
    assert ("data-careerkit-assessment" in good) is tabbed
    # Without the task-list extension the block still works, with a warning naming it.
    expected = ([] if tasklist else ["assessment.missing-extension"]) + (
        [] if tabbed else ["assessment.not-rendered"]
    )
    assert [f.code for f in reported] == expected


RICH = """\
!!! question "Growth Check (1=Rarely, 5=Always)"
    Read the [guide](guide.md) first. ![A diagram of growth](growth.png)

    === "Learning"
        - [ ] I read widely about distributed systems
        - [ ] I keep notes in `notes.md`

        !!! tip "Hint for learners"
            Pick **one** topic per quarter.

        ```
        print("kept as code")
        ```

        A paragraph after the list, with a [link](other.md).

    === "Sharing"

        - [ ] I teach colleagues what I learned

    - Overall below 3: revisit the fundamentals chapter.
    - Overall 3 or more: mentor somebody new.

    Closing paragraph nobody should lose.
"""


@pytest.mark.parametrize("combo", COMBINATIONS)
@pytest.mark.parametrize(
    "source",
    [
        RICH,
        SEED_BLOCK,
        RICH.replace("    Read the", "    **Rate:**\n    - [ ] No blank line\n    Read the"),
        RICH.replace("    - Overall below", "    > - [ ] quoted statement\n\n    - Overall below"),
    ],
    ids=["rich", "seed", "no-blank-line", "quoted-item"],
)
def test_no_author_word_is_lost(combo: str, source: str) -> None:
    out = careerkit(source, combo)
    assert strip_careerkit(out) == plain(source, combo)
    haystack = html.unescape(out)
    missing = [w for w in text_words(source) if w not in haystack]
    assert missing == []


def test_broken_shapes_are_reported_with_why_and_how_to_fix() -> None:
    cases = {
        "no-blank-line": (
            "the statement 'Statement x' is not a list item (2 lines below)",
            "put a blank line before the list",
        ),
        "quoted-item": (None, None),
    }
    for shape, (why, fix) in cases.items():
        reported: list[Finding] = []
        source = (
            block("x", shape).replace('=== "Tab x"\n', "").replace('    === "Other tab x"\n\n', "")
        )
        source = re.sub(r"^        ", "    ", source, flags=re.M)
        careerkit(source, "material", reported)
        rendered = [f for f in reported if f.code == "assessment.not-rendered"]
        if why is None:
            assert rendered == []
            line = source.split("\n").index("    > - [ ] quoted x") + 1
            assert [(f.code, f.line, f.column) for f in reported] == [
                ("assessment.not-read", line, 5)
            ]
        else:
            assert [(f.line, f.column, f.severity) for f in rendered] == [(1, 1, "warn")]
            assert rendered[0].message.endswith(why)
            assert rendered[0].suggestion == fix


def test_a_quoted_statement_is_reported_and_the_others_still_work() -> None:
    reported: list[Finding] = []
    out = careerkit(block("x", "quoted-item"), "material", reported)
    assert out.count("data-careerkit-item=") == 3
    assert "quoted x" in out
    assert [(f.code, f.line, f.column) for f in reported] == [("assessment.not-read", 9, 5)]


# -- Only real admonitions -------------------------------------------------------------------

NOT_BLOCKS = {
    "indented-code": 'Some text.\n\n    !!! question "Example (5=a, 1=b)"\n        - [ ] x\n',
    "comment": '<!--\n!!! question "Draft (5=a, 1=b)"\n    - [ ] x\n-->\n',
    "raw-html": '<div class="example">\n!!! question "Raw (5=a, 1=b)"\n    - [ ] x\n</div>\n',
    "fenced": '```markdown\n!!! question "Fenced (5=a, 1=b)"\n    - [ ] x\n```\n',
    "two-space-indent": '  !!! question "Indented (5=a, 1=b)"\n      - [ ] x\n',
}


@pytest.mark.parametrize("name", NOT_BLOCKS)
@pytest.mark.parametrize("combo", ["material", "admonition-only"])
def test_examples_in_code_comments_and_html_are_neither_read_nor_changed(
    name: str, combo: str
) -> None:
    source = NOT_BLOCKS[name]
    reported: list[Finding] = []
    assert careerkit(source, combo, reported) == plain(source, combo)
    assert reported == []
    assert check_source(source, "p.md") == []


def test_nested_assessments_are_read_on_their_own() -> None:
    source = textwrap.dedent(
        """\
        !!! question "Outer (1=a, 5=b)"
            - [ ] outer one

            !!! question "Inner"
                - [ ] inner one

            - [ ] outer two
        """
    )
    out = careerkit(source, "material")
    assert strip_careerkit(out) == plain(source, "material")
    outer, inner = (
        re.findall(r'"id":"([^"]+)","kind"', raw) for raw in reversed(DATA_RE.findall(out))
    )
    assert (outer, inner) == (["outer-one", "outer-two"], ["inner-one"])


def test_an_assessment_in_a_blockquote_is_reported() -> None:
    source = '> !!! question "Quoted"\n>     - [ ] x\n'
    reported: list[Finding] = []
    out = careerkit(source, "material", reported)
    assert out == plain(source, "material")
    assert [(f.code, f.line, f.column) for f in reported] == [("assessment.not-read", 1, 1)]
    assert [f.code for f in check_source(source, "p.md")] == ["assessment.not-read"]


def test_findings_after_a_snippet_include_are_at_the_source_line(tmp_path: Path) -> None:
    (tmp_path / "intro.md").write_text("one\n\ntwo\n\nthree\n", encoding="utf-8")
    source = '# Page\n\n--8<-- "intro.md"\n\n!!! question "Q (5=a, 1=b)"\n    - [ ] x\n'
    reported: list[Finding] = []
    md = markdown.Markdown(
        extensions=[
            "admonition",
            "pymdownx.snippets",
            "pymdownx.tasklist",
            makeExtension(reporter=reported.append),
        ],
        extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)]}},
    )
    assert "three" in md.convert(source)
    assert [(f.code, f.line, f.column) for f in reported] == [("assessment.scale-reversed", 5, 17)]
    assert [(f.line, f.column) for f in check_source(source, "p.md")] == [(5, 17)]


def test_columns_count_characters_not_tab_stops() -> None:
    source = '!!! question "Q"\n\t- [ ] one {#a}\n\t- [ ] two {#a}\n'
    reported: list[Finding] = []
    careerkit(source, "material", reported)
    # '{#a}' is the 12th character of the line; with the tab as 4 columns it would be 15.
    assert [(f.line, f.column) for f in reported] == [(3, 12)]
    assert [(f.line, f.column) for f in check_source(source, "p.md")] == [(3, 12)]


# -- Scales only from an explicit pattern ----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "intro"),
    [
        ("Q", "Spend 1-2 hours on this."),
        ("Review of 2024-01-05", "Tick what applies."),
        ("Week 3-4 goals", "Be honest."),
        ("Q", "Read chapters 2-5 first."),
    ],
)
def test_incidental_numbers_are_not_a_scale(title: str, intro: str) -> None:
    source = f'!!! question "{title}"\n    {intro}\n\n    - [ ] one\n'
    out = careerkit(source, "material")
    assert '"kind":"check"' in out and '"scale":null' in out
    assert check_source(source, "p.md") == []


@pytest.mark.parametrize(
    ("intro", "column"),
    [("Rate 5–1.", 10), ("Rate each statement 5-2:", 25), ("On a scale of 10 to 1:", 19)],
)
def test_a_reversed_intro_range_is_reported_not_made_a_checklist(intro: str, column: int) -> None:
    source = f'!!! question "Q"\n    {intro}\n\n    - [ ] one\n'
    assert [(f.code, f.line, f.column) for f in check_source(source, "p.md")] == [
        ("assessment.scale-reversed", 2, column)
    ]


def test_a_scale_without_numbers_is_reported() -> None:
    source = '!!! question "Q"\n    Rate yourself (low=Poor, high=Great):\n\n    - [ ] one\n'
    (f,) = check_source(source, "p.md")
    assert (f.code, f.severity, f.line, f.column) == ("assessment.unusable-scale", "warn", 2, 19)
    assert f.message == (
        "'(low=Poor, high=Great)' looks like a rating scale, but its points are not numbers, "
        "so the statements are checkboxes"
    )
    assert f.suggestion == "number the points, e.g. '(1=Poor, 5=Great)'"


def test_a_labelled_range_is_a_scale() -> None:
    source = '!!! question "Q"\n    Rate each from 1 (Poor) to 5 (Excellent).\n\n    - [ ] one\n'
    out = careerkit(source, "material")
    assert '"scale":{"labels":{"1":"Poor","5":"Excellent"},"max":5,"min":1}' in out


# -- Fuzz: careerkit never changes what it does not own --------------------------------------

FRAGMENTS = [
    '!!! question "Q"',
    '!!! question "Q (1=a, 5=b)"',
    '??? question "C"',
    "!!! note",
    "    Rate yourself (1=Needs Improvement, 5=Excellent):",
    "    Rate 5–1",
    "    Spend 1-2 hours",
    '    === "Tab"',
    '    === "Tab `<b>`"',
    "        - [ ] item",
    "        - [x] item <img src=x onerror=xss>",
    "    - [ ] item",
    "    - [ ] `<script>`",
    "    > - [ ] quoted",
    "    **Rate:**",
    "    - Overall below 2.5: read [M](m.md)",
    "    - Overall 2.5 or more: ok &amp; fine",
    "    | Level | Skill |",
    "    |---|---|",
    "    | Novice (1) | a |",
    "    | 2 | b |",
    "    ```",
    "```",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "",
    "",
    "text",
    "        continuation",
    "\t- [ ] tabbed",
    "    !!! question",
    "        - [ ] nested",
    "> !!! question",
    ">     - [ ] in a quote",
    '!!! abstract "Team Health Assessment"',
    "# Title",
    "## Domain",
    '=== "Domain"',
    '    === "Flow (25%)"',
    "    | Level | Capability | Current |",
    "    |-------|------------|:-------:|",
    "    | **Novice (1)** | a `<b>` | ⚪ |",
    "    | **Expert (2)** | b | ✅ |",
    "    **Current Level: 2/2** - Expert",
    "        **Score: 2/4** - note",
    "    **Overall Health: Strong (10/16)**",
    "Rate each dimension from 1 (Poor) to 5 (Excellent).",
]
pages = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages, st.sampled_from(sorted(COMBINATIONS)))
def test_fuzz_output_is_markdowns_own_plus_careerkit_additions(page: list[str], combo: str) -> None:
    source = "\n".join(page)
    reported: list[Finding] = []
    out = careerkit(source, combo, reported)
    assert strip_careerkit(out) == plain(source, combo)
    for raw in DATA_RE.findall(out):
        assert "<" not in raw and ">" not in raw
    count = len(source.split("\n"))
    for f in reported:
        assert 1 <= f.line <= count and f.column >= 1, f
