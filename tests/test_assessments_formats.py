"""The formats real guides use: rubric blocks with a page profile, weighted checklists."""

from __future__ import annotations

import re
import textwrap

import pytest

from mkdocs_careerkit.assessments import check_source
from mkdocs_careerkit.assessments.parse import ParseOptions, parse_page
from tests.conftest import EXAMPLE_SITE
from tests.test_assessments_render import data, render
from tests.test_assessments_safety import plain, strip_careerkit

DOCS = EXAMPLE_SITE / "docs" / "careerkit"


def body(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8").split("---\n", 2)[2]


def rubric_block(title: str, current: int = 3) -> str:
    rows = "\n".join(
        f"    | **{name} ({n})** | {name} work | {'✅' if n == current else '⚪'} |"
        for n, name in enumerate(["Novice", "Developing", "Proficient", "Advanced", "Expert"], 1)
    )
    return (
        f'!!! question "{title}"\n'
        "    | Level | Capability | Current |\n"
        "    |-------|------------|:-------:|\n"
        f"{rows}\n\n"
        f"    **Current Level: {current}/5** - Proficient\n\n"
        '    ??? example "Evidence Questions"\n'
        "        - Which design decision did you influence recently?\n"
    )


def test_a_rubric_block_is_one_competency_named_by_its_title() -> None:
    (a,) = parse_page(
        rubric_block("1.1 Clean Architecture & System Design").split("\n")
    ).assessments
    assert a.rubric_block and a.id == "1-1-clean-architecture-system-design"
    (item,) = a.items
    assert (item.text, item.example, item.example_column) == (
        "1.1 Clean Architecture & System Design",
        3,
        2,
    )
    # The "Current" column is the author's example, not part of a level's description.
    assert [(lv.value, lv.text) for lv in item.levels][:2] == [
        (1, "Novice work"),
        (2, "Developing work"),
    ]


def test_a_numbered_table_without_parentheses_leaves_a_question_alone() -> None:
    text = (
        '!!! question "Steps"\n    | Step | What |\n    |---|---|\n    | 1 | a |\n    | 2 | b |\n'
    )
    assert parse_page(text.split("\n")).assessments == ()


def test_two_rubric_blocks_make_one_profile_after_the_last() -> None:
    source = (
        "# Engineering Ladder\n\n## Technical\n\n"
        + rubric_block("Design")
        + "\n## People\n\n"
        + rubric_block("Mentoring", 2)
        + "\nAfter the blocks.\n"
    )
    out = render(source)
    (model,) = data(out)
    assert model["id"] == "engineering-ladder-profile"
    assert model["parts"] is True
    assert [(s["title"], [i["id"] for i in s["items"]]) for s in model["sections"]] == [
        ("Technical", ["design"]),
        ("People", ["mentoring"]),
    ]
    assert out.count('data-careerkit-part="engineering-ladder-profile"') == 2
    assert re.findall(r'data-careerkit-rubric="([^"]+)"', out) == ["design", "mentoring"]
    assert out.count('<th data-careerkit-example="Example"') == 2
    assert out.count('<p data-careerkit-example="Example"><strong>Current Level') == 2
    # The profile comes right after the last block, before the text that follows it.
    assert out.index('class="careerkit-profile"') < out.index("After the blocks.")
    # Apart from careerkit's marks and the profile, the page is Python-Markdown's own.
    without_profile = re.sub(r'<div class="careerkit-profile".*?</template></div>\n?', "", out)
    without_profile = re.sub(r' data-careerkit-(?:part|example)="[^"]*"', "", without_profile)
    assert strip_careerkit(without_profile) == plain(source, "material")


@pytest.mark.parametrize(
    ("title", "pid"),
    [
        ("R&D Ladder", "r-d-ladder-profile"),
        ("R&amp;D Ladder", "r-d-ladder-profile"),  # an entity: the reader sees "R&D Ladder"
        ("Leadership <small>2025</small>", "leadership-2025-profile"),  # inline HTML
    ],
)
def test_a_profiles_id_is_made_from_the_title_a_reader_sees(title: str, pid: str) -> None:
    # Python-Markdown holds entities and inline HTML aside as placeholders until the page is
    # written: the id (the key answers are saved under) must not be made from those.
    source = f"# {title}\n\n" + rubric_block("Design") + "\n" + rubric_block("Mentoring", 2)
    (model,) = data(render(source))
    assert model["id"] == pid


def test_one_rubric_block_is_an_assessment_of_its_own() -> None:
    out = render(rubric_block("Design"))
    (model,) = data(out)
    assert model["id"] == "design" and "parts" not in model
    assert 'data-careerkit-assessment="design"' in out


def test_sixteen_blocks_in_domain_tabs() -> None:
    out = render(body("competency-profile.md"))
    (model,) = data(out)
    assert model["id"] == "engineering-competency-profile"
    assert [(s["title"], len(s["items"])) for s in model["sections"]] == [
        ("Architecture", 4),
        ("Delivery", 4),
        ("People", 4),
        ("Strategy", 4),
    ]
    assert check_source(body("competency-profile.md"), "p.md") == []


@pytest.mark.parametrize(
    ("title", "is_assessment"),
    [
        ("Team Health Assessment", True),
        ("Quarterly Self-Assessment", True),
        ("Team health check", True),
        ("Reassessment notes", False),
        ("How to Use This Assessment", True),  # a title alone is not enough: see below
    ],
)
def test_title_words_make_any_type_an_assessment(title: str, is_assessment: bool) -> None:
    with_items = f'!!! abstract "{title}"\n    - [ ] one\n'
    prose = f'!!! info "{title}"\n    Answer honestly, then compare every quarter.\n'
    assert bool(parse_page(with_items.split("\n")).assessments) is is_assessment
    assert parse_page(prose.split("\n")).assessments == ()


def test_title_words_are_configurable() -> None:
    text = '!!! abstract "Team Radar"\n    - [ ] one\n'
    assert parse_page(text.split("\n")).assessments == ()
    options = ParseOptions(titles=("radar",))
    assert parse_page(text.split("\n"), options).assessments
    other = '!!! abstract "Team Assessment"\n    - [ ] one\n'.split("\n")
    assert parse_page(other, options).assessments == ()


def test_weighted_checklist() -> None:
    source = body("team-health.md")
    out = render(source)
    (model,) = data(out)
    assert model["weighted"] is True
    assert model["scale"] == {"labels": {"1": "Poor", "5": "Excellent"}, "max": 5, "min": 1}
    assert [(s["id"], s["weight"]) for s in model["sections"]] == [
        ("value-stream-clarity", 25.0),
        ("delivery-flow", 25.0),
        ("collaboration", 30.0),
        ("learning", 20.0),
    ]
    assert re.findall(r'data-careerkit-static="([^"]*)"><strong>(\w+)', out) == [
        ("value-stream-clarity", "Score"),
        ("delivery-flow", "Score"),
        ("collaboration", "Score"),
        ("learning", "Score"),
        ("", "Overall"),
    ]
    assert check_source(source, "p.md") == []


def test_a_scale_sentence_before_the_block_applies_to_it() -> None:
    text = textwrap.dedent(
        """\
        Rate each statement 1-4.

        !!! question "Q"
            - [ ] one
        """
    )
    (a,) = parse_page(text.split("\n")).assessments
    assert a.scale is not None and (a.scale.low, a.scale.high, a.scale.line) == (1, 4, 1)
    # Only the paragraph right before the block: not one further up.
    further = "Rate each statement 1-4.\n\nAnother paragraph.\n\n" + text.split("\n\n", 1)[1]
    (b,) = parse_page(further.split("\n")).assessments
    assert b.scale is None


def test_partial_weights_are_not_used_and_reported() -> None:
    text = (
        '!!! question "Q (1=a, 5=b)"\n    === "A (40%)"\n        - [ ] one\n'
        '    === "B"\n        - [ ] two\n'
    )
    (a,) = parse_page(text.split("\n")).assessments
    assert not a.weighted
    assert "weighted" not in data(render(text))[0]
    (f,) = check_source(text, "p.md")
    assert (f.code, f.severity, f.line, f.column) == ("assessment.partial-weights", "warn", 4, 5)
    assert f.message == (
        "tab 'B' has no weight but other tabs do, so the overall score is not weighted"
    )
