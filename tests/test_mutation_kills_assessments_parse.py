"""Assessment parsing: a scale written without numbers, and a scale in the paragraph before the
block. Written against survivors of ``assessments/parse.py`` (see tests/MUTATION.md): no test
checked the warning for a scale in words, nor a scale read from the paragraph before a block.
"""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_careerkit.assessments import check_source
from mkdocs_careerkit.assessments.model import (
    Assessment,
    Band,
    Item,
    Level,
    Scale,
    ScalePoint,
    Section,
)
from mkdocs_careerkit.assessments.parse import PageAssessments, finding, parse_page, slugify
from mkdocs_careerkit.findings import Finding

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


# -- A whole explicit block, model and findings ---------------------------------------------------
#
# The earlier tests compared parts of the model (a scale's numbers, an item's id); these compare
# the whole frozen model, so that every field the reader, the renderer or the check reads is
# pinned: positions, intro, option lines, tabs, continuation lines, nested statements, bands.

EXPLICIT = """\
# Guide

## Team health

!!! assessment "Team health (1=Poor, 5=Great)"
    id: team-health
    scal: 1-5
    colour: red
    id: again
      indented: no

    Intro line one.

    ```
    - [ ] in code
    ```
    Intro line two.

    === "Clarity (25%)"
        - [ ] We know our goals {#goals}
        - [x] We review them
          every quarter
        at the item's own indentation
        - [ ] Nested parent
            - [ ] nested child

    === "Delivery" {#deliver}

        > - [ ] quoted statement

        - [ ] We ship weekly

    - [ ] Outside again
    lazily continued
    - Overall below 2.5: read more
    - Clarity 2.5-4: fine
    - deliver 4+: great
    - Nothing 3+: unknown scope
"""


def _at(src: str, line: str) -> int:
    """The 1-based number of the line ``line`` in ``src``."""
    return src.split("\n").index(line) + 1


def _col(line: str, part: str) -> int:
    """The 1-based column where ``part`` starts in ``line``."""
    return line.index(part) + 1


def _rate(src: str, line: str, iid: str, text: str, **kw: Any) -> Item:
    return Item(iid, text, _at(src, line), _col(line, "- ["), "rate", **kw)


def _band(
    src: str, line: str, scope: str, section: str | None, low: float, high: float, **kw: Any
) -> Band:
    text = line.strip()[2:]
    head = text.split(":")[0]
    return Band(
        scope, section, low, high, "average", head, text, _at(src, line), _col(line, text), **kw
    )


def _finding(
    src: str, line: str, part: str, code: str, message: str, suggestion: str = ""
) -> Finding:
    return finding(_at(src, line), _col(line, part), code, message, suggestion)


def test_an_explicit_block_whole() -> None:
    src = EXPLICIT
    head = '!!! assessment "Team health (1=Poor, 5=Great)"'
    goals = "        - [ ] We know our goals {#goals}"
    assert parse_page(src.split("\n")) == PageAssessments(
        (
            Assessment(
                index=0,
                id="team-health",
                title="Team health (1=Poor, 5=Great)",
                type="assessment",
                explicit=True,
                line=_at(src, head),
                column=1,
                indent=0,
                end=_at(src, "    - Nothing 3+: unknown scope"),
                scale=Scale(
                    (ScalePoint(1, "Poor"), ScalePoint(5, "Great")),
                    _at(src, head),
                    _col(head, "("),
                    "1=Poor, 5=Great",
                ),
                sections=(
                    Section(
                        "_",
                        "",
                        _at(src, head),
                        1,
                        (
                            _rate(
                                src,
                                "    - [ ] Outside again",
                                "outside-again-lazily-continued",
                                "Outside again lazily continued",
                            ),
                        ),
                        implicit=True,
                    ),
                    Section(
                        "clarity",
                        "Clarity (25%)",
                        _at(src, '    === "Clarity (25%)"'),
                        5,
                        (
                            _rate(
                                src,
                                goals,
                                "goals",
                                "We know our goals",
                                explicit_id=True,
                                id_column=_col(goals, "{"),
                            ),
                            _rate(
                                src,
                                "        - [x] We review them",
                                "we-review-them-every-quarter-at-the-items-own-indentation",
                                "We review them every quarter at the item's own indentation",
                            ),
                            _rate(
                                src, "        - [ ] Nested parent", "nested-parent", "Nested parent"
                            ),
                            _rate(
                                src,
                                "            - [ ] nested child",
                                "nested-child",
                                "nested child",
                            ),
                        ),
                        weight=25.0,
                    ),
                    Section(
                        "deliver",
                        "Delivery",
                        _at(src, '    === "Delivery" {#deliver}'),
                        5,
                        (
                            _rate(
                                src,
                                "        - [ ] We ship weekly",
                                "we-ship-weekly",
                                "We ship weekly",
                            ),
                        ),
                        explicit_id=True,
                    ),
                ),
                bands=(
                    # Open ends take the scale's bounds; scopes name the overall score, a
                    # section's title or its id, or nothing known (None: the check reports it).
                    _band(
                        src,
                        "    - Overall below 2.5: read more",
                        "Overall",
                        "",
                        1,
                        2.5,
                        open_low=True,
                    ),
                    _band(src, "    - Clarity 2.5-4: fine", "Clarity", "clarity", 2.5, 4),
                    _band(
                        src, "    - deliver 4+: great", "deliver", "deliver", 4, 5, open_high=True
                    ),
                    _band(
                        src,
                        "    - Nothing 3+: unknown scope",
                        "Nothing",
                        None,
                        3,
                        5,
                        open_high=True,
                    ),
                ),
                # Every option line, the unknown and the repeated ones too, is taken out.
                option_lines=tuple(
                    range(_at(src, "    id: team-health"), _at(src, "    id: again") + 1)
                ),
                # From the first line that is no option to the first tab, without fenced code.
                intro="  indented: no\n\nIntro line one.\n\nIntro line two.",
                tables=0,
                explicit_id=True,
                group="Team health",
            ),
        ),
        (
            _finding(
                src,
                "    scal: 1-5",
                "scal",
                "assessment.unknown-option",
                "unknown assessment option 'scal'",
                "did you mean 'scale'?",
            ),
            _finding(
                src,
                "    colour: red",
                "colour",
                "assessment.unknown-option",
                "unknown assessment option 'colour'",
                "known options: id, scale, labels",
            ),
            _finding(
                src, "    id: again", "id", "assessment.bad-option", "option 'id' is given twice"
            ),
            # Inside a tab too (it was not reported there before this test).
            _finding(
                src,
                "        > - [ ] quoted statement",
                ">",
                "assessment.not-read",
                "this statement is inside a quote ('> - [ ]'), so readers cannot answer it",
                "remove the '>' to make it a statement, or the '[ ]' to quote it as text",
            ),
        ),
    )


CONTINUATIONS = """\
!!! question "Continuations (1-5)"
    - [ ] before a table
    | Level | Skill |
    |---|---|
    - [ ] parent
        - [ ] child
       seven spaces: not the child's
    - [ ] before a note
    !!! note
        text
    - [ ] before a collapsible
    ??? note
        text
    - [ ] before a tab
    === "Tab"
        - [ ] last statement
          continued on the block's last line
"""


def test_what_ends_a_statement() -> None:
    """A table, a nested admonition or a tab right after a statement, or a line indented less
    than the statement's own text, is not part of it; the block's last line can be."""
    src = CONTINUATIONS
    head = '!!! question "Continuations (1-5)"'

    def rate(line: str, text: str) -> Item:
        return _rate(src, line, slugify(text), text)

    assert parse_page(src.split("\n")) == PageAssessments(
        (
            Assessment(
                index=0,
                id="continuations",  # the scale written in the title is not part of the id
                title="Continuations (1-5)",
                type="question",
                explicit=False,
                line=1,
                column=1,
                indent=0,
                end=_at(src, "          continued on the block's last line"),
                scale=Scale((ScalePoint(1, ""), ScalePoint(5, "")), 1, _col(head, "1-5"), "1-5"),
                sections=(
                    Section(
                        "_",
                        "",
                        1,
                        1,
                        (
                            rate("    - [ ] before a table", "before a table"),
                            rate("    - [ ] parent", "parent"),
                            rate("        - [ ] child", "child"),
                            rate("    - [ ] before a note", "before a note"),
                            rate("    - [ ] before a collapsible", "before a collapsible"),
                            rate("    - [ ] before a tab", "before a tab"),
                        ),
                        implicit=True,
                    ),
                    Section(
                        "tab",
                        "Tab",
                        _at(src, '    === "Tab"'),
                        5,
                        (
                            rate(
                                "        - [ ] last statement",
                                "last statement continued on the block's last line",
                            ),
                        ),
                    ),
                ),
                bands=(),
                tables=1,  # the header without rows is an ordinary table
                group="",  # no heading above
            ),
        ),
        (),
    )


RUBRICS = """\
!!! assessment "Rubrics"
    | Level {1–3} | Decisions {#dec} | Notes {optional} |
    |---|---|---|
    | Novice (1) | follows | asks |
    | Expert (3) | leads | |

    | Level | Current | Skill | Notes |
    |---|---|---|---|
    | one | | | |
    | 1 | | a | b |
    | 2 | yes | c |
    | 3 |

    | Ordinary | table |
    |---|---|
    | 1 | a |
    | x | b |
    | y | c |

    | Half | numbered |
    |---|---|
    | 1 | e |
    | p | f |
    | 2 | g |
    | q | h |

    |  |  |
    |---|---|
    | 1 | x |
    | 2 | y |
"""


def test_rubric_tables_whole() -> None:
    """Which tables are rubrics (at least half their rows numbered), each rubric's name, id and
    levels, the example column wherever it stands, and a finding per row without a level."""
    src = RUBRICS

    def rubric(
        header: str,
        iid: str,
        text: str,
        table: int,
        levels: list[tuple[int, str, str, str]],
        **kw: Any,
    ) -> Item:
        """A rubric item; each level as (value, label, description, its row as written)."""
        return Item(
            iid,
            text,
            _at(src, header),
            5,
            "rubric",
            levels=tuple(Level(v, label, t, _at(src, row)) for v, label, t, row in levels),
            table=table,
            **kw,
        )

    first = "    | Level {1–3} | Decisions {#dec} | Notes {optional} |"
    bad = "has no single level number"
    hint = "start the row with its level, e.g. '| Novice (1) | ... |'"
    assert parse_page(src.split("\n")) == PageAssessments(
        (
            Assessment(
                index=0,
                id="rubrics",
                title="Rubrics",
                type="assessment",
                explicit=True,
                line=1,
                column=1,
                indent=0,
                end=_at(src, "    | 2 | y |"),
                scale=None,
                sections=(
                    Section(
                        "_",
                        "",
                        1,
                        1,
                        (
                            rubric(
                                first,
                                "dec",
                                "Decisions",
                                0,
                                [
                                    (
                                        1,
                                        "Novice (1)",
                                        "follows asks",
                                        "    | Novice (1) | follows | asks |",
                                    ),
                                    (3, "Expert (3)", "leads", "    | Expert (3) | leads | |"),
                                ],
                                explicit_id=True,
                                id_column=_col(first, "{#dec}"),
                            ),
                            # "Current" holds the author's example; the name is the next column.
                            rubric(
                                "    | Level | Current | Skill | Notes |",
                                "skill",
                                "Skill",
                                1,
                                [
                                    (1, "1", "a b", "    | 1 | | a | b |"),
                                    (2, "2", "c", "    | 2 | yes | c |"),
                                    (3, "3", "", "    | 3 |"),
                                ],
                                example=2,
                                example_column=1,
                            ),
                            rubric(
                                "    | Half | numbered |",
                                "numbered",
                                "numbered",
                                3,
                                [(1, "1", "e", "    | 1 | e |"), (2, "2", "g", "    | 2 | g |")],
                            ),
                            rubric(
                                "    |  |  |",
                                "rubric-5",
                                "Rubric 5",
                                4,
                                [(1, "1", "x", "    | 1 | x |"), (2, "2", "y", "    | 2 | y |")],
                            ),
                        ),
                        implicit=True,
                    ),
                ),
                bands=(),
                tables=5,
            ),
        ),
        (
            _finding(
                src,
                "    | one | | | |",
                "|",
                "assessment.rubric-bad-level",
                f"rubric row 'one' {bad}",
                hint,
            ),
            _finding(
                src,
                "    | p | f |",
                "|",
                "assessment.rubric-bad-level",
                f"rubric row 'p' {bad}",
                hint,
            ),
            _finding(
                src,
                "    | q | h |",
                "|",
                "assessment.rubric-bad-level",
                f"rubric row 'q' {bad}",
                hint,
            ),
        ),
    )
