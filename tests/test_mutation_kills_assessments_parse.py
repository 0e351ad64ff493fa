"""Assessment parsing: a scale written without numbers, and a scale in the paragraph before the
block. Written against survivors of ``assessments/parse.py`` (see tests/MUTATION.md): no test
checked the warning for a scale in words, nor a scale read from the paragraph before a block.
"""

from __future__ import annotations

import pytest

from mkdocs_careerkit.assessments import check_source
from mkdocs_careerkit.assessments.parse import parse_page

UNUSABLE = (
    "looks like a rating scale, but its points are not numbers, so the statements are checkboxes"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '!!! question "Q (low=Poor; mid=OK; high=Great)"\n    - [ ] one\n',
            [(1, 17, f"'(low=Poor; mid=OK; high=Great)' {UNUSABLE}", "'(1=Poor, 5=Great)'")],
        ),
        (
            '!!! question "Q"\n    Rate (a=b) then (never=Poor, always=Great):\n\n    - [ ] one\n',
            [(2, 21, f"'(never=Poor, always=Great)' {UNUSABLE}", "'(1=Poor, 5=Great)'")],
        ),
        (
            '!!! question "Q"\n    Read this first.\n    Then rate (low=Poor, high=Great).\n\n'
            "    - [ ] one\n",
            [(3, 15, f"'(low=Poor, high=Great)' {UNUSABLE}", "'(1=Poor, 5=Great)'")],
        ),
        (  # only the first such text is reported: the intro's, before the title's
            '!!! question "Q (e=f, g=h)"\n    Rate (never=Poor, always=Great) or (x=y, z=w):\n\n'
            "    - [ ] one\n",
            [(2, 10, f"'(never=Poor, always=Great)' {UNUSABLE}", "'(1=Poor, 5=Great)'")],
        ),
        ('!!! question "Q"\n    Rate yourself (low=Poor):\n\n    - [ ] one\n', []),
        ('!!! question "Q"\n    Rate yourself (low=Poor, high):\n\n    - [ ] one\n', []),
    ],
)
def test_a_scale_in_words_is_one_warning_at_its_parenthesis(
    text: str, expected: list[tuple[int, int, str, str]]
) -> None:
    found = check_source(text, "p.md")
    assert [(f.line, f.column, f.message, f.suggestion) for f in found] == [
        (line, column, message, f"number the points, e.g. {example}")
        for line, column, message, example in expected
    ]
    assert all(f.code == "assessment.unusable-scale" and f.severity == "warn" for f in found)


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        (
            'Rate each statement from 1 (Poor) to 5 (Excellent):\n\n!!! question "Q"\n'
            "    - [ ] one\n",
            (1, 5, 1, 26, "1 (Poor) to 5 (Excellent)"),
        ),
        ('Rate each statement 1-5:\n!!! question "Q"\n    - [ ] one\n', (1, 5, 1, 21, "1-5")),
        (
            'Some words here.\nRate each statement 1-4:\n\n!!! question "Q"\n    - [ ] one\n',
            (1, 4, 2, 21, "1-4"),
        ),
        (
            '- item\n\n    Rate 1-5:\n\n    !!! question "Q"\n        - [ ] one\n',
            (1, 5, 3, 10, "1-5"),
        ),
        ('# Rate 1-5\n\n!!! question "Q"\n    - [ ] one\n', None),  # a heading is no paragraph
        ('  Rate 1-5\n\n!!! question "Q"\n    - [ ] one\n', None),  # another indentation
        ('```\nRate 1-5\n```\n\n!!! question "Q"\n    - [ ] one\n', None),  # code
        ('Rate 1-5\n\n\n!!! question "Q"\n    - [ ] one\n', None),  # not right before
    ],
)
def test_a_scale_in_the_paragraph_right_before_the_block(
    text: str, scale: tuple[int, int, int, int, str] | None
) -> None:
    page = parse_page(text.split("\n"))
    (a,) = page.assessments
    got = a.scale and (a.scale.low, a.scale.high, a.scale.line, a.scale.column, a.scale.text)
    assert got == scale
    assert page.findings == ()


def _rubrics(text: str) -> list[tuple[object, ...]]:
    page = parse_page(text.split("\n"))
    assert page.findings == ()
    return [
        (
            *(it.id, it.text, it.line, it.column, it.kind, it.explicit_id, it.table),
            *(it.id_column, it.example, it.example_column),
            [(level.value, level.label, level.text, level.line) for level in it.levels],
        )
        for a in page.assessments
        for it in a.items
    ]


def test_a_rubric_with_an_id_and_a_current_column() -> None:
    """The first level marked in the "Current" column is the author's example; the id's column
    is where ``{#dec}`` starts."""
    text = (
        '!!! assessment "Q (1=Novice, 3=Expert)"\n'
        "    | Level | Decisions {#dec} | Current |\n"
        "    |---|---|---|\n"
        "    | Novice (1) | follows | |\n"
        "    | Competent (2) | decides | ✅ |\n"
        "    | Expert (3) | leads | ✅ |\n"
    )
    assert _rubrics(text) == [
        (
            *("dec", "Decisions", 2, 5, "rubric", True, 0),
            *(25, 2, 2),
            [
                (1, "Novice (1)", "follows", 4),
                (2, "Competent (2)", "decides", 5),
                (3, "Expert (3)", "leads", 6),
            ],
        )
    ]


def test_two_rubric_tables_and_a_header_without_a_name() -> None:
    text = (
        '!!! assessment "Q"\n    | Level | Skill |\n    |---|---|\n    | 1 | a |\n    | 2 | b |\n\n'
        "    | Level |  |\n    |---|---|\n    | 1 | x |\n    | 2 | y |\n"
    )
    assert _rubrics(text) == [
        (
            "skill",
            "Skill",
            2,
            5,
            "rubric",
            False,
            0,
            0,
            None,
            -1,
            [(1, "1", "a", 4), (2, "2", "b", 5)],
        ),
        (
            "level",
            "Level",
            7,
            5,
            "rubric",
            False,
            1,
            0,
            None,
            -1,
            [(1, "1", "x", 9), (2, "2", "y", 10)],
        ),
    ]
