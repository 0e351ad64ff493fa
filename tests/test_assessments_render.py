"""The Markdown extension alone: Markdown in, HTML out (no MkDocs)."""

from __future__ import annotations

import json
import logging
import re
import textwrap
from typing import Any

import markdown
import pytest

from mkdocs_careerkit.assessments import makeExtension
from mkdocs_careerkit.assessments.extension import rewrite_source
from mkdocs_careerkit.assessments.parse import parse_page
from mkdocs_careerkit.findings import Finding
from tests.test_assessments_parse import SEED_BLOCK

MATERIAL_EXTENSIONS: list[Any] = [
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "attr_list",
    "md_in_html",
    "tables",
]
MATERIAL_CONFIGS = {
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.tasklist": {"custom_checkbox": True},
}
DATA_RE = re.compile(
    r'<template class="careerkit-assessment-data"[^>]*>'
    r'<script type="application/json">(.*?)</script>'
    r".*?</template>",
    re.S,
)


def render(text: str, extensions: list[Any] | None = None, **options: Any) -> str:
    md = markdown.Markdown(
        extensions=[
            *(MATERIAL_EXTENSIONS if extensions is None else extensions),
            makeExtension(**options),
        ],
        extension_configs=MATERIAL_CONFIGS,
    )
    return md.convert(textwrap.dedent(text).strip("\n"))


def data(out: str) -> list[dict[str, Any]]:
    return [json.loads(m) for m in DATA_RE.findall(out)]


def without_careerkit(out: str) -> str:
    out = DATA_RE.sub("", out)
    out = re.sub(r'<template class="careerkit-controls"[^>]*>.*?</template>', "", out, flags=re.S)
    out = re.sub(r"<td><label>(.*?)</label></td>", r"<td>\1</td>", out, flags=re.S)
    out = out.replace("careerkit-rated ", "")
    out = re.sub(r' data-careerkit-[a-z]+="[^"]*"', "", out)
    return out.replace(" careerkit-assessment", "").replace("\n\n", "\n")


def test_seed_block_renders_unchanged_plus_data_for_the_script() -> None:
    block = SEED_BLOCK
    plain = markdown.markdown(
        block, extensions=MATERIAL_EXTENSIONS, extension_configs=MATERIAL_CONFIGS
    )
    out = render(block)
    # Readers without JavaScript see exactly the checklist they saw before.
    assert without_careerkit(out).strip() == plain.strip()
    assert 'class="admonition question careerkit-assessment"' in out
    assert 'data-careerkit-assessment="professional-network-assessment"' in out
    assert out.count("data-careerkit-item=") == 12
    assert (
        '<li class="careerkit-rated task-list-item" '
        'data-careerkit-item="i-regularly-help-others-in-my-network">' in out
    )
    (model,) = data(out)
    assert model["scale"] == {
        "labels": {"1": "Needs Improvement", "5": "Excellent"},
        "max": 5,
        "min": 1,
    }
    assert [(s["title"], len(s["items"])) for s in model["sections"]] == [
        ("Network Quality", 4),
        ("Value Creation", 4),
        ("Community Engagement", 4),
    ]
    assert model["strings"]["save"] == "Save today's result"


def test_author_text_is_escaped_in_the_data() -> None:
    nasty = "I say \"hi\" & 'bye' </script><img src=x onerror=alert(1)> <!--"
    out = render(f'!!! question "Q (1=a, 5=b)"\n    - [ ] {nasty}\n')
    (raw,) = DATA_RE.findall(out)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert json.loads(raw)["sections"][0]["items"][0]["text"] == nasty
    # The only script careerkit adds is the JSON one; nothing executable.
    assert out.count("<script") == 1
    # What Markdown itself does with raw HTML in the item is unchanged by careerkit.
    plain = markdown.markdown(
        f'!!! question "Q (1=a, 5=b)"\n    - [ ] {nasty}\n',
        extensions=MATERIAL_EXTENSIONS,
        extension_configs=MATERIAL_CONFIGS,
    )
    assert without_careerkit(out).strip() == plain.strip()


def test_attribute_values_are_escaped() -> None:
    out = render('!!! assessment "Q"\n    id: a.b:c\n\n    - [ ] x {#i"d}\n')
    assert 'data-careerkit-assessment="a.b:c"' in out
    assert '"' not in re.findall(r'data-careerkit-item="([^"]*)"', out)[0]


def test_without_tabbed_the_block_is_left_as_rendered_and_reported() -> None:
    reported: list[Finding] = []
    extensions = ["admonition", "pymdownx.tasklist"]
    out = render(SEED_BLOCK, extensions=extensions, reporter=reported.append)
    # Exactly what Python-Markdown renders without careerkit: nothing rebuilt, nothing lost.
    assert out == markdown.markdown(SEED_BLOCK, extensions=extensions)
    assert [(f.code, f.severity, f.line, f.column) for f in reported] == [
        ("assessment.not-rendered", "warn", 1, 1)
    ]
    assert reported[0].message == (
        "'Professional Network Assessment' is left as written, not interactive: its content "
        "tabs ('=== \"…\"') did not render (3 lines below)"
    )
    assert reported[0].suggestion == (
        "enable the pymdownx.tabbed extension (with alternate_style: true for Material)"
    )


def test_without_tasklist_the_literal_box_is_wrapped() -> None:
    out = render(
        '!!! question "Q (1=a, 5=b)"\n    - [ ] I share *useful* resources\n',
        extensions=["admonition"],
    )
    assert (
        '<li class="careerkit-rated" data-careerkit-item="i-share-useful-resources">'
        '<span class="careerkit-box">[ ]</span> I share <em>useful</em> resources</li>'
    ) in out


RUBRIC = """
    !!! assessment "Leadership"
        scale: 1=Novice, 3=Expert

        | Level | Decisions |
        |---|---|
        | Novice (1) | follows |
        | 2 | decides |
        | Expert (3) | leads |

        - Overall below 2: read [Expertise](expertise.md)
        - Overall 2 or more: mentor someone
"""


def test_rubric_without_the_tables_extension_is_left_as_rendered() -> None:
    reported: list[Finding] = []
    out = render(RUBRIC, extensions=["admonition"], reporter=reported.append)
    assert "careerkit" not in out
    assert [(f.code, f.line, f.message) for f in reported] == [
        (
            "assessment.not-rendered",
            1,
            "'Leadership' is left as written, not interactive: its tables did not render as "
            "tables (3 lines below)",
        )
    ]


def test_rubric_rows_and_bands_are_marked() -> None:
    out = render(RUBRIC, extensions=["admonition", "tables"])
    assert 'data-careerkit-rubric="decisions"' in out
    assert re.findall(r'data-careerkit-level="(\d)"', out) == ["1", "2", "3"]
    assert re.findall(r'<li class="careerkit-band" data-careerkit-band="(\d)">([^<]*)', out) == [
        ("0", "Overall below 2: read "),
        ("1", "Overall 2 or more: mentor someone"),
    ]
    assert '<a href="expertise.md">Expertise</a>' in out
    assert '<p class="careerkit-scale">Scale: 1 = Novice · 2 · 3 = Expert</p>' in out
    (model,) = data(out)
    assert model["bands"] == [
        {"closed": False, "high": 2.0, "low": 1.0, "section": "", "unit": "average"},
        {"closed": True, "high": 3.0, "low": 2.0, "section": "", "unit": "average"},
    ]
    item = model["sections"][0]["items"][0]
    assert (item["kind"], item["min"], item["max"], item["levels"][0]) == (
        "rubric",
        1,
        3,
        {"label": "Novice (1)", "text": "follows", "value": 1},
    )


def test_collapsible_blocks() -> None:
    out = render('???+ assessment "Q"\n    scale: 1-3\n\n    - [ ] one\n')
    assert out.startswith(
        '<details class="assessment careerkit-assessment" data-careerkit-assessment="q" '
        'open="open">\n'
        "<summary>Q</summary>\n"
        '<p class="careerkit-scale">Scale: 1 · 2 · 3</p>'
    )
    assert data(out)[0]["sections"][0]["items"][0]["id"] == "one"


def test_careerkit_syntax_is_removed_and_nothing_else_changes() -> None:
    lines = (
        textwrap.dedent(
            """
        !!! assessment "Q"
            id: q
            scale: 1-5

            === "Tab" {#tab}
                - [ ] one {#one}
                - [ ] two

            | Level | Skill {#skill} |
            |---|---|
            | 1 | a |
            | 2 | b |
        """
        )
        .strip("\n")
        .split("\n")
    )
    (a,) = parse_page(lines).assessments
    out = rewrite_source(lines, [a])
    changed = [
        (n + 1, old, new) for n, (old, new) in enumerate(zip(lines, out, strict=True)) if old != new
    ]
    assert changed == [
        (1, '!!! assessment "Q"', '!!! assessment careerkit-assessment-0 "Q"'),
        (2, "    id: q", ""),
        (3, "    scale: 1-5", ""),
        (5, '    === "Tab" {#tab}', '    === "Tab"'),
        (6, "        - [ ] one {#one}", "        - [ ] one"),
        (9, "    | Level | Skill {#skill} |", "    | Level | Skill |"),
    ]


def test_findings_are_logged_when_the_extension_runs_alone(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs_careerkit"):
        markdown.markdown(
            '\n!!! question "Q (5=high, 1=low)"\n    - [ ] one\n',
            extensions=["admonition", "pymdownx.tasklist", "mkdocs_careerkit.assessments"],
        )
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        (
            "mkdocs_careerkit",
            logging.WARNING,
            "2:17: scale '5=high, 1=low' runs from 5 down to 1 (write the lowest point first: "
            "'1=low, 5=high') [assessment.scale-reversed]",
        )
    ]


def test_reporter_and_collect_options() -> None:
    reported: list[Finding] = []
    collected: list[Any] = []
    render(
        '!!! question "Q"\n    Rate 1-5.\n\n    - [ ] x\n    - [ ] x\n',
        reporter=reported.append,
        collect=collected.append,
    )
    assert [(f.code, f.line) for f in reported] == [("assessment.duplicate-id", 5)]
    assert [[a.id for a in page] for page in collected] == [["q"]]


def test_types_and_strings_options() -> None:
    out = render(
        '!!! tip "Ready?"\n    - [ ] Slides\n\n    - Gesamt 50% or more: gut\n',
        admonition_types="tip",
        strings={"overall": "Gesamt", "save": "Speichern"},
    )
    (model,) = data(out)
    assert model["strings"]["save"] == "Speichern"
    assert model["bands"][0]["unit"] == "percent"
    assert 'data-careerkit-band="0"' in out


def test_without_the_admonition_extension_nothing_is_changed() -> None:
    text = '!!! question "Q (1=a, 5=b)"\n    - [ ] x\n'
    assert render(text, extensions=[]) == markdown.markdown(text)


def test_text_is_escaped_once() -> None:
    out = render('!!! question "Fish & Chips (1=a, 5=b)"\n    - [ ] x\n')
    (model,) = data(out)
    assert model["title"] == "Fish & Chips (1=a, 5=b)"
    assert '<p class="admonition-title">Fish &amp; Chips (1=a, 5=b)</p>' in out


def test_one_rating_control_per_block_waits_in_the_data_template() -> None:
    out = render(
        '!!! question "Q (1=Low, 3=High)"\n    - [ ] A\n    - [ ] B\n', extensions=["admonition"]
    )
    # The statements stay as rendered; the script copies the one control into each of them.
    assert '<li class="careerkit-rated" data-careerkit-item="a"><span class="careerkit-box">' in out
    assert "[ ]</span> A</li>" in out and "[ ]</span> B</li>" in out
    control = (
        '<span class="careerkit-rate" role="radiogroup">'
        '<label><input aria-label="1 Low" type="radio" value="1" />'
        "<b>1</b><small>Low</small></label>"
        '<label><input aria-label="2" type="radio" value="2" />'
        "<b>2</b></label>"
        '<label><input aria-label="3 High" type="radio" value="3" />'
        "<b>3</b><small>High</small></label></span></template>"
    )
    assert out.count('class="careerkit-rate"') == 1
    assert control in out
    # Inside the data template: inert, never seen without JavaScript.
    assert out.index('<template class="careerkit-assessment-data"') < out.index(control)


def test_a_checklist_gets_no_rating_control() -> None:
    out = render('!!! question "Q"\n    - [ ] A\n    - [ ] B\n', extensions=["admonition"])
    assert "careerkit-rate" not in out


def test_the_summary_waits_in_the_data_template_with_secondary_actions_in_a_menu() -> None:
    out = render('!!! question "Q <b> (1=Low, 3=High)"\n    - [ ] A\n', extensions=["admonition"])
    summary = re.search(r"</script>(.*)</template>", out, re.S)
    assert summary is not None
    html = summary.group(1)
    assert html.startswith(
        '<div aria-label="Your results" class="careerkit-summary" role="region">'
    )
    assert "<strong>Your results: Q &lt;b&gt; (1=Low, 3=High)</strong>" in html
    assert (
        '<button class="md-button md-button--primary careerkit-save" data-careerkit-do="save" '
        'type="button">Save today\'s result</button>'
    ) in html
    menu = re.search(r'<span class="careerkit-menu" hidden="hidden">(.*?)</span>', html)
    assert menu is not None
    assert re.findall(r">([^<]+)</button>", menu.group(1)) == [
        "Export JSON",
        "Export CSV",
        "Export Markdown",
        "Import JSON",
        "Print summary",
        "Reset",
    ]
    # A scale gives the table its Average column; a checklist has none.
    assert '<th scope="col">Average</th>' in html
    checklist = render('!!! question "Q"\n    - [ ] A\n', extensions=["admonition"])
    assert "Average" not in checklist.split("</script>")[1]
