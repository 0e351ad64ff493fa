"""Assessment parsing: a scale written without numbers, and a scale in the paragraph before the
block. Written against survivors of ``assessments/parse.py`` (see tests/MUTATION.md): no test
checked the warning for a scale in words, nor a scale read from the paragraph before a block.
"""

from __future__ import annotations

import hashlib
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
from mkdocs_careerkit.assessments.parse import (
    PageAssessments,
    ParseOptions,
    fenced_lines,
    parse_page,
    plain_text,
    slugify,
    split_cells,
)
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


def _finding(
    src: str, line: str, part: str, code: str, message: str, suggestion: str = ""
) -> Finding:
    """A finding as parse_page reports it: no file yet, the code's severity (spelled out here)."""
    severity = "warn" if code in ("assessment.not-read", "assessment.unusable-scale") else "error"
    return Finding("", _at(src, line), _col(line, part), code, severity, message, suggestion)


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


def _p(value: int, label: str = "") -> ScalePoint:
    return ScalePoint(value, label)


@pytest.mark.parametrize(
    ("intro", "at", "text", "points"),
    [
        # A range alone in parentheses: the scale starts at its first number.
        ("Answer (1–5) each.", "1–5", "1–5", (_p(1), _p(5))),
        ("Answer ( 1 - 5 ) each.", "1 - 5", "1 - 5", (_p(1), _p(5))),
        # Numbered points in parentheses: the scale starts at the parenthesis.
        (
            "Answer (1: Never; 5: Always).",
            "(",
            "1: Never; 5: Always",
            (_p(1, "Never"), _p(5, "Always")),
        ),
        # A range after rate / score / scale in the same sentence, with or without labels.
        (
            "Rate from 1 (Poor) to 5 (Excellent).",
            "1 (",
            "1 (Poor) to 5 (Excellent)",
            (_p(1, "Poor"), _p(5, "Excellent")),
        ),
        ("Rate each 1-5", "1-5", "1-5", (_p(1), _p(5))),
        ("Score yourself 0 to 10.", "0 to", "0 to 10", (_p(0), _p(10))),
        # The word must be in the same sentence as the range.
        ("Rate it. Spend 1-2 hours.", None, "", ()),
        ("Intro. Then more. Rate it. Spend 1-2 hours.", None, "", ()),
    ],
)
def test_a_scale_in_the_intro_whole(
    intro: str, at: str | None, text: str, points: tuple[ScalePoint, ...]
) -> None:
    src = f'!!! question "Q"\n    {intro}\n\n    - [ ] one\n'
    page = parse_page(src.split("\n"))
    assert page.findings == ()
    expected = None if at is None else Scale(points, 2, 4 + intro.index(at) + 1, text)
    assert page.assessments[0].scale == expected


LABELS_HINT = "give one label per point, lowest first, separated by commas"
SCALE_HINT = "write e.g. 'scale: 1-5' or 'scale: 1=Never, 5=Always' or 'scale: none'"


def _range(low: int, high: int, line: int = 2, text: str = "", **kw: Any) -> Scale:
    """A scale from the option ``scale: low-high`` written on ``line`` (value at column 12)."""
    return Scale((_p(low), _p(high)), line, 12, text or f"{low}-{high}", **kw)


@pytest.mark.parametrize(
    ("options", "scale", "option_lines", "intro", "findings"),
    [
        (
            ["scale: 1-5", "labels: Never, Rarely, Sometimes, Often, Always"],
            _range(1, 5, labels=("Never", "Rarely", "Sometimes", "Often", "Always")),
            (2, 3),
            "",
            [],
        ),
        (
            ["scale: 1=Never, 5=Always", "labels: a, b"],
            Scale((_p(1, "Never"), _p(5, "Always")), 2, 12, "1=Never, 5=Always"),
            (2, 3),
            "",
            [(3, 13, "2 labels for a scale of 5 points (1–5)", LABELS_HINT)],
        ),
        # Eleven points is the most labels are counted for; above, or a scale of one point,
        # the check reports the scale itself.
        (
            ["scale: 1-11", "labels: a, b"],
            _range(1, 11),
            (2, 3),
            "",
            [(3, 13, "2 labels for a scale of 11 points (1–11)", LABELS_HINT)],
        ),
        (["scale: 1-12", "labels: a, b"], _range(1, 12), (2, 3), "", []),
        (["scale: 3-3", "labels: a"], _range(3, 3), (2, 3), "", []),
        (["labels: a, b"], None, (2,), "", [(2, 13, "'labels' needs a scale", "add 'scale: 1-5'")]),
        (
            ["scale: none", "labels: a"],
            None,
            (2, 3),
            "",
            [(3, 13, "'labels' needs a scale", "add 'scale: 1-5'")],
        ),
        (
            ["scale: sometimes"],
            None,
            (2,),
            "",
            [(2, 12, "cannot read the scale 'sometimes'", SCALE_HINT)],
        ),
        (["Scale: 0 to 4"], _range(0, 4, text="0 to 4"), (2,), "", []),
        (
            ["id: !!!"],
            None,
            (2,),
            "",
            [
                (
                    2,
                    9,
                    "assessment id '!!!' may only hold letters, digits, '-', '_', '.' and ':'",
                    "write 'id: my-assessment'",
                )
            ],
        ),
        # Options may follow blank lines; a blank line ends them.
        (["", "scale: 1-5"], _range(1, 5, line=3), (3,), "", []),
        (["scale: 1-5", "", "id: x"], _range(1, 5), (2,), "id: x", []),
        # Only a line at the body's indentation whose key is an option or close to one starts
        # the options.
        (["Scope: whole team"], None, (), "Scope: whole team", []),
        ([" scale: 1-5"], None, (), " scale: 1-5", []),
    ],
)
def test_explicit_options_whole(
    options: list[str],
    scale: Scale | None,
    option_lines: tuple[int, ...],
    intro: str,
    findings: list[tuple[int, int, str, str]],
) -> None:
    body = "\n".join(f"    {o}" if o else "" for o in options)
    page = parse_page(f'!!! assessment "Q"\n{body}\n\n    - [ ] one\n'.split("\n"))
    (a,) = page.assessments
    assert (a.id, a.scale, a.option_lines, a.intro) == ("q", scale, option_lines, intro)
    assert page.findings == tuple(
        Finding("", line, column, "assessment.bad-option", "error", message, hint)
        for line, column, message, hint in findings
    )


PLACES = """\
# Title only h1

!!! question "First (1-5)"
    - [ ] a

## Section A
```
## Not a heading
```

=== "Tab one"

    !!! question "In a tab"
        - [ ] b

    - item in a tab

        !!! question "Under an item in a tab"
            - [ ] c

- list item

    !!! question "In a list item"
        - [ ] d

    - nested item

        !!! question "Two levels down"
            - [ ] e

    === "Inner tab"

        !!! question "In a tab in a list item"
            - [ ] f

Paragraph.

    !!! question "Indented code"
        - [ ] no

  !!! question "Two spaces"
      - [ ] no

Paragraph.
- item right after a paragraph
    !!! question "Right under the item"
        - [ ] g

!!! question "Rate 1-5 yourself"
    - [ ] h

!!! question "???"
    - [ ] i

## Section B
!!! question "Rate 1-3 honestly"
    Rate each 1-3.

    - [ ] j
!!! assessment "Empty"
## After
"""


def test_which_blocks_are_read_where_they_end_their_ids_and_groups() -> None:
    """Blocks at the top level, in a tab, in a list item, under an item in a tab, two levels
    down, right under an item: read. In indented code, or indented by two spaces: not.

    The group is the content tab the block sits in, else the nearest heading above it other
    than the h1 (not one in fenced code); a scale written in the title is not part of the id."""
    src = PLACES

    def block(title: str, last: str, iid: str, group: str, scale: str | None) -> tuple[object, ...]:
        head = next(row for row in src.split("\n") if row.endswith(f'!!! question "{title}"'))
        indent = len(head) - len(head.lstrip())
        return (_at(src, head), indent + 1, indent, _at(src, last), iid, title, group, scale)

    page = parse_page(src.split("\n"))
    assert page.findings == ()
    assert [
        (a.line, a.column, a.indent, a.end, a.id, a.title, a.group, a.scale and a.scale.text)
        for a in page.assessments[:-1]
    ] == [
        block("First (1-5)", "    - [ ] a", "first", "", "1-5"),
        block("In a tab", "        - [ ] b", "in-a-tab", "Tab one", None),
        block(
            "Under an item in a tab",
            "            - [ ] c",
            "under-an-item-in-a-tab",
            "Tab one",
            None,
        ),
        block("In a list item", "        - [ ] d", "in-a-list-item", "Section A", None),
        block("Two levels down", "            - [ ] e", "two-levels-down", "Section A", None),
        block(
            "In a tab in a list item",
            "            - [ ] f",
            "in-a-tab-in-a-list-item",
            "Inner tab",
            None,
        ),
        block("Right under the item", "        - [ ] g", "right-under-the-item", "Section A", None),
        block("Rate 1-5 yourself", "    - [ ] h", "rate-yourself", "Section A", "1-5"),
        block("???", "    - [ ] i", "question", "Section A", None),  # no word: the type
        # The scale comes from the intro, so the title's "1-3" stays in the id.
        block("Rate 1-3 honestly", "    - [ ] j", "rate-1-3-honestly", "Section B", "1-3"),
    ]
    assert [a.index for a in page.assessments] == list(range(len(page.assessments)))
    empty = page.assessments[-1]
    line = _at(src, '!!! assessment "Empty"')
    assert empty == Assessment(
        index=len(page.assessments) - 1,
        id="empty",
        title="Empty",
        type="assessment",
        explicit=True,
        line=line,
        column=1,
        indent=0,
        end=line,  # a block without a body ends on its own line
        scale=None,
        sections=(),
        bands=(),
        group="Section B",  # the heading below it does not count
    )


BANDS = """\
## Top
!!! question "Bands (1-5)"
    - Note: a list item in the intro
    - no colon here either

    - [ ] a
    - [ ] 🚀

    === "Delivery" {#deliver}
        - [ ] b

    - Later 3+: not a section, skipped
    - DELIVER below 2: by id, in any case
    - Total 80% or more: an overall word from the options
    - _Overall below 2_: emphasis around the head
"""


def _band(
    src: str, line: str, scope: str, section: str | None, low: float, high: float, **kw: Any
) -> Band:
    text = line.strip()[2:]
    head = kw.pop("head", text.split(":")[0])
    unit = kw.pop("unit", "average")
    return Band(scope, section, low, high, unit, head, text, _at(src, line), _col(line, text), **kw)


def test_bands_of_a_recognised_block_and_its_intro() -> None:
    """In a question block, only bands whose scope is the overall score (any of the configured
    words) or a section (title or id, in any case) count; list items without a band head stay in
    the intro; a statement without words gets an id from its text's hash."""
    src = BANDS
    page = parse_page(src.split("\n"), ParseOptions(overall=("Total",)))
    assert page.findings == ()
    (a,) = page.assessments
    assert (a.group, a.intro) == ("Top", "- Note: a list item in the intro\n- no colon here either")
    rocket = "item-" + hashlib.sha1("🚀".encode()).hexdigest()[:8]
    assert [(i.id, i.text) for i in a.items] == [("a", "a"), (rocket, "🚀"), ("b", "b")]
    assert a.bands == (
        _band(
            src,
            "    - DELIVER below 2: by id, in any case",
            "DELIVER",
            "deliver",
            1,
            2,
            open_low=True,
        ),
        _band(
            src,
            "    - Total 80% or more: an overall word from the options",
            "Total",
            "",
            80,
            100,
            unit="percent",
            open_high=True,
        ),
        _band(
            src,
            "    - _Overall below 2_: emphasis around the head",
            "Overall",
            "",
            1,
            2,
            head="Overall below 2",
            open_low=True,
        ),
    )


def test_bands_of_an_explicit_block_without_a_scale() -> None:
    """Every band head counts (an unknown scope has no section); open ends without a scale are
    0 and 1; a band head may be up to 200 characters long."""
    long_scope = "x" * (200 - len(" below 2"))
    too_long = "y" * (201 - len(" below 2"))
    rows = [
        "    - XP below 2: read the XP book",
        "    - Overall below 2: low",
        "    - Overall 3+: high",
        f"    - {long_scope} below 2: long",
        f"    - {too_long} below 2: too long",
    ]
    src = '!!! assessment "Q"\n    - [ ] a\n' + "\n".join(rows) + "\n"
    page = parse_page(src.split("\n"))
    assert page.findings == ()
    assert page.assessments[0].bands == (
        _band(src, rows[0], "XP", None, 0, 2, open_low=True),
        _band(src, rows[1], "Overall", "", 0, 2, open_low=True),
        _band(src, rows[2], "Overall", "", 3, 1, open_high=True),
        _band(src, rows[3], long_scope, None, 0, 2, open_low=True),
    )


def test_slugs_of_long_texts() -> None:
    """Up to 64 characters a slug is the text's; longer, its first 56 characters (without a
    trailing '-') and six hex digits of the whole slug's SHA-1."""
    exact = "a" * 64
    assert slugify(exact) == exact
    over = "a" * 65
    assert slugify(over) == "a" * 56 + "-" + hashlib.sha1(over.encode()).hexdigest()[:6]
    assert slugify("word " * 13) == "-".join(["word"] * 13)  # 64 characters after the strip
    long_slug = "-".join(["abcdefg"] * 9)  # 71 characters
    digest = hashlib.sha1(long_slug.encode()).hexdigest()[:6]
    # The first 56 characters end in '-' ('abcdefg-' seven times): dropped before the digest.
    assert slugify("abcdefg " * 9) == long_slug[:55] + "-" + digest
    assert slugify("_Émile's   ideas_!") == "emiles-ideas"


QUOTED = """\
```
> !!! question "In code"
>     - [ ] w
```

> !!! question "Quoted (1-5)"
>     - [ ] x

   > !!! QUESTION "Indented quote"
   >
   >     text
   >     - [ ] y

> !!! question "No statements"
>     text only
not quoted anymore
>     - [ ] after the quote ended

> !!! note "Another type"
>     - [ ] z

!!! assessment "After the quotes"
    sacle: 1-5
    - [ ] v
"""


def test_assessments_in_a_blockquote_are_reported_not_read() -> None:
    """A quoted block of an assessment type (in any case) with a statement among its quoted
    lines is reported at its '>' line and column; not one in code, one whose statements come
    after the quote ended, or one of another type. The page's findings are in line order."""
    src = QUOTED
    quoted = "this assessment is inside a blockquote ('> !!!'), so readers cannot answer it"
    hint = "remove the '>' in front of the block's lines"
    page = parse_page(src.split("\n"))
    assert [a.title for a in page.assessments] == ["After the quotes"]
    assert page.findings == (
        _finding(src, '> !!! question "Quoted (1-5)"', ">", "assessment.not-read", quoted, hint),
        _finding(
            src, '   > !!! QUESTION "Indented quote"', ">", "assessment.not-read", quoted, hint
        ),
        _finding(
            src,
            "    sacle: 1-5",
            "sacle",
            "assessment.unknown-option",
            "unknown assessment option 'sacle'",
            "did you mean 'scale'?",
        ),
    )


@pytest.mark.parametrize(
    ("lines", "fenced"),
    [
        (["a", "```", "b", "```", "c"], [False, True, True, True, False]),
        # Only the fence's own character closes it, not a line that merely holds one.
        (["```", "x", "~~~", "text ``` inline", "```"], [True] * 5),
        # A shorter fence does not close it, a longer one does.
        (["````", "```", "`````", "after"], [True, True, True, False]),
        (["```", "``` not closing", "```", "after"], [True, True, True, False]),
        # Inline code is no fence; a tilde fence may hold backticks in its info string.
        (["``` `x` ```", "after"], [False, False]),
        (["~~~ `x`", "code", "~~~", "after"], [True, True, True, False]),
        # Never closed: code to the end of the page.
        (["text", "  ```python", "code"], [False, True, True]),
    ],
)
def test_fenced_lines(lines: list[str], fenced: list[bool]) -> None:
    assert fenced_lines(lines) == fenced


NESTED = """\
!!! question "Outer (1-5)"
    - [ ] outer one

    !!! question "Inner (1-3)"
        - [ ] inner one
        - [ ] inner two
    - [ ] outer two
"""


def test_a_nested_assessment_is_read_on_its_own_and_hidden_from_its_parent() -> None:
    src = NESTED
    page = parse_page(src.split("\n"))
    assert page.findings == ()
    outer, inner = page.assessments
    assert (outer.index, outer.end, [(i.text, i.line) for i in outer.items]) == (
        0,
        _at(src, "    - [ ] outer two"),
        [("outer one", 2), ("outer two", _at(src, "    - [ ] outer two"))],
    )
    assert (inner.index, inner.end, [(i.text, i.line) for i in inner.items]) == (
        1,
        _at(src, "        - [ ] inner two"),
        [
            ("inner one", _at(src, "        - [ ] inner one")),
            ("inner two", _at(src, "        - [ ] inner two")),
        ],
    )
    assert (outer.scale and outer.scale.text, inner.scale and inner.scale.text) == ("1-5", "1-3")


@pytest.mark.parametrize(
    ("body", "intro", "tables"),
    [
        # The intro ends at the first tab, statement, table or band; prose after it is not in it.
        (["Before.", '=== "Tab"', "    - [ ] a", "After."], "Before.", 0),
        (["Before.", "- [ ] a", "", "After."], "Before.", 0),
        (["Before.", "| h | i |", "|---|---|", "| 1 | 2 |", "", "After."], "Before.", 1),
        (["Before.", "- Overall 3+: good", "", "After."], "Before.", 0),
        # Pipes without a delimiter row are prose.
        (
            ["| not | a table |", "| still | prose |", "", "- [ ] a"],
            "| not | a table |\n| still | prose |",
            0,
        ),
        # A table right after a fence, or whose header and delimiter end the block.
        (["```", "code", "```", "| h | i |", "|---|---|", "| 1 | 2 |", "- [ ] a"], "", 1),
        (["- [ ] a", "", "| h | i |", "|---|---|"], "", 1),
        (["| h | i |", "|---|---|", "```", "code", "```", "- [ ] a"], "", 1),
        # A table header on the block's last line is no table, whatever follows the block.
        (["- [ ] a", "", "| h | i |"], "", 0),
    ],
)
def test_where_the_intro_ends_and_what_is_a_table(body: list[str], intro: str, tables: int) -> None:
    text = (
        '!!! assessment "Q"\n' + "\n".join(f"    {b}" if b else "" for b in body) + "\n|---|---|\n"
    )
    page = parse_page(text.split("\n"))
    assert page.findings == ()
    (a,) = page.assessments
    assert (a.intro, a.tables) == (intro, tables)


def test_statement_text_is_plain_text() -> None:
    """Link targets, emphasis and ids are dropped; an escaped character stays, as itself (it
    was shown with its backslash and without the character before this test)."""
    src = (
        '!!! question "Q"\n'
        "    - [ ] See [the guide][guide] and [this](x.md)\n"
        "    - [ ] \\*Not emphasis\\* but **bold** and `code` {#plain}\n"
        "    - [ ] \\[not a link\\](x), snake\\_case and a \\\\ backslash {#escapes}\n"
    )
    page = parse_page(src.split("\n"))
    assert [(i.id, i.text) for i in page.assessments[0].items] == [
        ("see-the-guide-and-this", "See the guide and this"),
        ("plain", "*Not emphasis* but bold and code"),
        ("escapes", "[not a link](x), snake_case and a \\ backslash"),
    ]


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("|| a |", ["", "a"]),
        ("| a ||", ["a", ""]),
        # An escaped pipe is text, also at the end of the row.
        ("| a \\| b | c \\|", ["a \\| b", "c \\|"]),
    ],
)
def test_split_cells(row: str, cells: list[str]) -> None:
    assert split_cells(row) == cells


@pytest.mark.parametrize(
    ("before", "scale"),
    [
        # The first scale of the paragraph right before the block, in reading order.
        (["Rate 1-5 first,", "or rate 1-4 after that:"], ("1-5", 1, 6)),
        (["Some words.", "Rate 1-4 here:", "And more words."], ("1-4", 2, 6)),
        # An admonition, a collapsible, a heading or a table row is no paragraph.
        (['!!! note "Rate 1-5"'], None),
        (['??? note "Rate 1-5"'], None),
        (["| Rate 1-5 |"], None),
    ],
)
def test_the_paragraph_before_a_block(
    before: list[str], scale: tuple[str, int, int] | None
) -> None:
    src = "\n".join(before) + '\n!!! question "Q"\n    - [ ] one\n'
    (a,) = parse_page(src.split("\n")).assessments
    assert (a.scale and (a.scale.text, a.scale.line, a.scale.column)) == scale


def test_the_paragraph_before_a_block_in_a_list_item() -> None:
    """Indented like the block: a table row there is no paragraph either."""
    src = '- item\n\n    | Rate 1-5 |\n    !!! question "Q"\n        - [ ] one\n'
    (a,) = parse_page(src.split("\n")).assessments
    assert a.scale is None
    src = src.replace("| Rate 1-5 |", "Rate 1-5:")
    (a,) = parse_page(src.split("\n")).assessments
    assert a.scale == Scale((_p(1), _p(5)), 3, 10, "1-5")


def test_tabs_inside_a_tab_are_not_sections() -> None:
    src = (
        '!!! question "Q"\n'
        '    === "Outer"\n'
        '        === "Inner"\n'
        "            - [ ] inside both\n"
        "    - [ ] outside\n"
    )
    (a,) = parse_page(src.split("\n")).assessments
    assert [(s.id, s.title, [i.text for i in s.items]) for s in a.sections] == [
        ("_", "", ["outside"]),
        ("outer", "Outer", ["inside both"]),
    ]


RUBRIC_BLOCK = (
    '!!! question "Making decisions"\n'
    "    | Level | Decisions |\n"
    "    |---|---|\n"
    "    | {first} | follows |\n"
    "    | {second} | leads |\n"
    "{more}"
)


def _rubric_block(first: str, second: str, more: str = "") -> list[tuple[str, str, str]]:
    text = RUBRIC_BLOCK.format(first=first, second=second, more=more)
    page = parse_page(text.split("\n"))
    assert page.findings == ()
    return [(i.id, i.text, i.kind) for a in page.assessments for i in a.items]


def test_a_question_block_with_a_level_table() -> None:
    """Levels written with their number in parentheses make a question block a rubric; the
    competency of a block's only rubric is the block's title; bare numbers are an ordinary
    table in an ordinary admonition."""
    assert _rubric_block("Novice (1)", "Expert (2)") == [
        ("decisions", "Making decisions", "rubric")
    ]
    assert _rubric_block("1", "2") == []
    assert _rubric_block("Novice (1)", "Expert (2)", "\n    - [ ] and a statement\n") == [
        ("decisions", "Decisions", "rubric"),
        ("and-a-statement", "and a statement", "check"),
    ]
    # Numbers in parentheses in another column do not count.
    text = RUBRIC_BLOCK.format(first="1", second="2", more="").replace("s |", "s (1) |")
    assert "| follows (1) |" in text and "| leads (1) |" in text
    assert parse_page(text.split("\n")).assessments == ()


def test_an_explicit_block_of_options_only() -> None:
    """Options on the block's last lines are options too."""
    page = parse_page('!!! assessment "Q"\n    id: q-1\n    scale: 1-4\n'.split("\n"))
    (a,) = page.assessments
    assert (a.id, a.scale, a.option_lines, a.end, a.sections) == (
        "q-1",
        Scale((_p(1), _p(4)), 3, 12, "1-4"),
        (2, 3),
        3,
        (),
    )
    assert page.findings == ()


def test_positions_and_columns_in_odd_places() -> None:
    """An id after other braces is found where it is; a row without a level is reported at
    its own indentation; the level column is never the example column, whatever its name."""
    src = (
        '!!! assessment "Q"\n'
        "    - [ ] Use {braces} here {#braces}\n"
        "\n"
        "    | Current | Skill |\n"
        "    |---|---|\n"
        "    | 1 | a |\n"
        "      | one | b |\n"
        "    | 2 | c |\n"
    )
    page = parse_page(src.split("\n"))
    statement, rubric = page.assessments[0].items
    line = "    - [ ] Use {braces} here {#braces}"
    assert (statement.id, statement.text, statement.id_column) == (
        "braces",
        "Use {braces} here",
        _col(line, "{#"),
    )
    assert (rubric.text, rubric.example, rubric.example_column) == ("Skill", None, -1)
    assert [level.value for level in rubric.levels] == [1, 2]
    assert page.findings == (
        _finding(
            src,
            "      | one | b |",
            "|",
            "assessment.rubric-bad-level",
            "rubric row 'one' has no single level number",
            "start the row with its level, e.g. '| Novice (1) | ... |'",
        ),
    )


def test_plain_text_keeps_nul_characters_the_author_wrote() -> None:
    """Escaped characters are set aside between NULs while the markup goes; NULs and digits the
    author wrote are never taken for them."""
    assert plain_text("a \x001\x00 b \\*") == "a \x001\x00 b *"
    assert plain_text("\\* \x000\x00 \x00\x000\x00\x00 \x009\x00") == (
        "* \x000\x00 \x00\x000\x00\x00 \x009\x00"
    )


def test_only_explicit_blocks_have_options() -> None:
    """In a question block a 'key: value' first line is prose; an explicit block's only
    option may be its last line."""
    page = parse_page('!!! question "Q"\n    id: x\n\n    - [ ] one\n'.split("\n"))
    (a,) = page.assessments
    assert (a.id, a.option_lines, a.intro) == ("q", (), "id: x")
    (a,) = parse_page('!!! assessment "Q"\n    scale: 1-4\n'.split("\n")).assessments
    assert (a.scale, a.option_lines, a.intro) == (Scale((_p(1), _p(4)), 2, 12, "1-4"), (2,), "")


def test_section_ids_and_band_scopes_from_odd_titles() -> None:
    """A tab title without words gets a numbered id (counting the statements outside tabs as
    the first group); a band may name a section whose title ends in 'score'."""
    src = (
        '!!! question "Q (1-5)"\n'
        "    - [ ] outside\n"
        "\n"
        '    === "???"\n'
        "        - [ ] in the wordless tab\n"
        "\n"
        '    === "Team score"\n'
        "        - [ ] in the team tab\n"
        "\n"
        "    - Team score below 2: talk\n"
    )
    page = parse_page(src.split("\n"))
    (a,) = page.assessments
    assert [(s.id, s.title) for s in a.sections] == [
        ("_", ""),
        ("section-2", "???"),
        ("team-score", "Team score"),
    ]
    assert [(b.scope, b.section) for b in a.bands] == [("Team score", "team-score")]


def test_the_group_of_a_block_after_a_tab_at_its_own_indentation() -> None:
    """A block indented like a tab title is not inside that tab (its content is indented
    further): the group is the heading above; a heading below the block never counts."""
    src = (
        "## Heading\n"
        "\n"
        "- item\n"
        "\n"
        '    === "Tab in the item"\n'
        "        text\n"
        "\n"
        '    !!! question "Q"\n'
        "        - [ ] one\n"
        "## Last"
    )
    (a,) = parse_page(src.split("\n")).assessments
    assert a.group == "Heading"
    (a,) = parse_page('!!! question "Q"\n    - [ ] one\n## Last'.split("\n")).assessments
    assert a.group == ""


def test_an_intro_may_start_with_an_x() -> None:
    (a,) = parse_page(
        '!!! question "Q"\n    XP matters, X\n\n    - [ ] one\n'.split("\n")
    ).assessments
    assert a.intro == "XP matters, X"


def test_a_page_whose_only_blocks_are_quoted() -> None:
    src = '> !!! question "Q"\n>     - [ ] x\n'
    page = parse_page(src.split("\n"))
    assert page == PageAssessments(
        (),
        (
            _finding(
                src,
                '> !!! question "Q"',
                ">",
                "assessment.not-read",
                "this assessment is inside a blockquote ('> !!!'), so readers cannot answer it",
                "remove the '>' in front of the block's lines",
            ),
        ),
    )


def test_fenced_code_after_a_nested_assessment_stays_code() -> None:
    src = (
        '!!! question "Outer (1-5)"\n'
        "    - [ ] outer one\n"
        "\n"
        '    !!! question "Inner (1-3)"\n'
        "        - [ ] inner one\n"
        "    - [ ] outer two\n"
        "    ```\n"
        "    - [ ] in code\n"
        "    ```\n"
        "    - [ ] outer three\n"
    )
    page = parse_page(src.split("\n"))
    assert page.findings == ()
    assert [[i.text for i in a.items] for a in page.assessments] == [
        ["outer one", "outer two", "outer three"],
        ["inner one"],
    ]
