"""Assessment checks, finding by finding: code, line, column, severity, message and suggestion.

Written against the mutants of ``mkdocs_careerkit/assessments/check.py`` that survived
``tests/test_assessments_check.py`` (see tests/MUTATION.md): that file compares positions and a
part of each message, so a lost suggestion, a wrong severity, a scale of exactly 11 points, a
rubric level outside the scale followed by good rows, the closed top of a band, or the
``missing-extension`` findings of ``careerkit check`` went unnoticed.
"""

# ruff: noqa: E501  (whole messages, as an author reads them)

from __future__ import annotations

import textwrap
from typing import NamedTuple

import pytest

from mkdocs_careerkit.assessments import check_source
from mkdocs_careerkit.assessments.extension import AssessmentOptions
from tests.test_assessments_check import CASES


class Finding_(NamedTuple):
    code: str
    line: int
    column: int
    severity: str
    message: str
    suggestion: str


Expected = Finding_


def block(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def found(text: str, extensions: list[str] | None = None) -> list[Finding_]:
    options = None if extensions is None else AssessmentOptions.create(extensions=extensions)
    return [
        Finding_(f.code, f.line, f.column, f.severity, f.message, f.suggestion)
        for f in check_source(text, "guide/page.md", options=options)
    ]


EXACT: dict[str, list[Expected]] = {
    "scale-reversed": [
        Finding_(
            "assessment.scale-reversed",
            2,
            19,
            "error",
            "scale '5=Excellent, 1=Needs Improvement' runs from 5 down to 1",
            "write the lowest point first: '1=Needs Improvement, 5=Excellent'",
        ),
    ],
    "scale-reversed-option": [
        Finding_(
            "assessment.scale-reversed",
            2,
            12,
            "error",
            "scale '5-1' runs from 5 down to 1",
            "write the lowest point first: '1–5'",
        ),
    ],
    "scale-too-long": [
        Finding_(
            "assessment.bad-scale",
            2,
            12,
            "error",
            "scale '1-20' has 20 points; at most 11 can be rated",
            "",
        ),
    ],
    "band-outside-scale": [
        Finding_(
            "assessment.band-outside-scale",
            4,
            7,
            "error",
            "band 'Overall 0–2' lies outside the 1–5 scale",
            "keep the range within 1–5",
        ),
    ],
    "band-outside-percent": [
        Finding_(
            "assessment.band-outside-scale",
            4,
            7,
            "error",
            "band 'Overall 50–120%' lies outside the range 0–100%",
            "keep the range within 0%–100%",
        ),
    ],
    "band-average-on-checklist": [
        Finding_(
            "assessment.band-outside-scale",
            4,
            7,
            "error",
            "band 'Overall below 2' gives an average, but this assessment has no scale (its items are checkboxes)",
            "write the range in percent, e.g. 'Overall 0–49%'",
        ),
    ],
    "bands-overlap": [
        Finding_(
            "assessment.bands-overlap",
            6,
            7,
            "error",
            "band 'Giving 2.5–5' overlaps band 'Giving below 3'",
            "a range includes its start and excludes its end (except at the top of the scale), so '1–2.5' and '2.5–4' do not overlap",
        ),
    ],
    "bands-overlap-across-units": [
        Finding_(
            "assessment.bands-overlap",
            5,
            7,
            "error",
            "band 'Overall 80% or more' overlaps band 'Overall 4–5'",
            "a range includes its start and excludes its end (except at the top of the scale), so '1–2.5' and '2.5–4' do not overlap",
        ),
    ],
    "band-empty": [
        Finding_(
            "assessment.bad-band",
            4,
            7,
            "error",
            "band 'Overall 4–2' is an empty range",
            "write the lower number first, e.g. '2.5–4'",
        ),
    ],
    "band-unknown-section": [
        Finding_(
            "assessment.band-unknown-section",
            5,
            7,
            "error",
            "band 'Givng below 3': no section 'Givng' in this assessment",
            "did you mean 'Giving'?",
        ),
    ],
    "empty-section": [
        Finding_(
            "assessment.empty-section",
            5,
            5,
            "error",
            "section 'Receiving' has nothing to answer",
            "add '- [ ] statements' under the tab, or remove the tab",
        ),
    ],
    "empty-assessment": [
        Finding_(
            "assessment.empty",
            1,
            1,
            "error",
            "assessment 'Q' has nothing to answer",
            "add '- [ ] statements' or a rubric table",
        ),
    ],
    "rubric-missing-level": [
        Finding_(
            "assessment.rubric-missing-level",
            2,
            5,
            "error",
            "rubric 'Decisions' has no level 3",
            "add a row for each level, e.g. '| Competent (3) | … |'",
        ),
    ],
    "rubric-gap-without-scale": [
        Finding_(
            "assessment.rubric-missing-level",
            2,
            5,
            "error",
            "rubric 'Decisions' has no level 2",
            "add a row for each level, e.g. '| Competent (3) | … |'",
        ),
    ],
    "rubric-level-twice": [
        Finding_(
            "assessment.rubric-bad-level", 6, 1, "error", "rubric 'Decisions' has level 2 twice", ""
        ),
    ],
    "rubric-row-without-level": [
        Finding_(
            "assessment.rubric-bad-level",
            6,
            5,
            "error",
            "rubric row 'Also two' has no single level number",
            "start the row with its level, e.g. '| Novice (1) | ... |'",
        ),
    ],
    "duplicate-explicit-id": [
        Finding_(
            "assessment.duplicate-id",
            3,
            29,
            "error",
            "item id 'ask' is used twice in this assessment (also by 'I ask for feedback')",
            "give this one another id than '{#ask}'",
        ),
    ],
    "duplicate-derived-id": [
        Finding_(
            "assessment.duplicate-id",
            3,
            5,
            "error",
            "item id 'i-ask-for-feedback' is used twice in this assessment (also by 'I ask for feedback')",
            "reword one of them, or give each its own '{#id}'",
        ),
    ],
    "duplicate-section": [
        Finding_(
            "assessment.duplicate-id",
            4,
            5,
            "error",
            "section id 'giving' is used twice in this assessment",
            "give each tab its own title, or an id: '=== \"Title\" {#id}'",
        ),
    ],
    "duplicate-assessment-id": [
        Finding_(
            "assessment.duplicate-id",
            4,
            1,
            "error",
            "assessment id 'same' is used twice on this page (also by 'Same'), so both would share the reader's answers",
            "give each assessment its own title, or an 'id:' option in an '!!! assessment' block",
        ),
    ],
    "unknown-option": [
        Finding_(
            "assessment.unknown-option",
            3,
            5,
            "error",
            "unknown assessment option 'lables'",
            "did you mean 'labels'?",
        ),
    ],
    "labels-count": [
        Finding_(
            "assessment.bad-option",
            3,
            13,
            "error",
            "2 labels for a scale of 5 points (1–5)",
            "give one label per point, lowest first, separated by commas",
        ),
    ],
    "bad-id-option": [
        Finding_(
            "assessment.bad-option",
            2,
            9,
            "error",
            "assessment id 'my id!' may only hold letters, digits, '-', '_', '.' and ':'",
            "write 'id: my-id'",
        ),
    ],
    "unreadable-scale": [
        Finding_(
            "assessment.bad-option",
            2,
            12,
            "error",
            "cannot read the scale 'often'",
            "write e.g. 'scale: 1-5' or 'scale: 1=Never, 5=Always' or 'scale: none'",
        ),
    ],
    "empty-statement": [
        Finding_(
            "assessment.empty-statement",
            3,
            5,
            "error",
            "this statement has no text, so readers cannot tell what they rate",
            "write the statement after '[ ]', or remove the line",
        ),
    ],
    "band-beyond-the-top": [
        Finding_(
            "assessment.band-outside-scale",
            4,
            7,
            "error",
            "band 'Overall 6 or more' lies outside the 1–5 scale",
            "keep the range within 1–5",
        ),
    ],
    "scale-reversed-intro-range": [
        Finding_(
            "assessment.scale-reversed",
            2,
            10,
            "error",
            "scale '5–1' runs from 5 down to 1",
            "write the lowest point first: '1–5'",
        ),
    ],
    "scale-reversed-intro-range-not-ending-at-1": [
        Finding_(
            "assessment.scale-reversed",
            2,
            25,
            "error",
            "scale '5-2' runs from 5 down to 2",
            "write the lowest point first: '2–5'",
        ),
    ],
}

MORE: dict[str, tuple[str, list[Expected]]] = {
    "two-assessments-each-own-findings": (
        block(
            """
            !!! question "First (1=low, 5=high)"
                - [ ] **

            !!! assessment "Second"
                scale: 1-12

                - [ ] one
        """
        ),
        [
            Finding_(
                "assessment.empty-statement",
                2,
                5,
                "error",
                "this statement has no text, so readers cannot tell what they rate",
                "write the statement after '[ ]', or remove the line",
            ),
            Finding_(
                "assessment.bad-scale",
                5,
                12,
                "error",
                "scale '1-12' has 12 points; at most 11 can be rated",
                "",
            ),
        ],
    ),
    "point-named-twice": (
        block(
            """
            !!! question "Q (1=low, 5=high, 5=top)"
                - [ ] one

                - Overall 0–2: outside, but the scale is broken
        """
        ),
        [
            Finding_(
                "assessment.bad-scale",
                1,
                17,
                "error",
                "scale '1=low, 5=high, 5=top' names point 5 twice",
                "",
            ),
        ],
    ),
    "eleven-points-is-the-most": (
        block(
            """
            !!! assessment "Q"
                scale: 1-11

                - [ ] one

                - Overall 0–2: outside the scale
        """
        ),
        [
            Finding_(
                "assessment.band-outside-scale",
                6,
                7,
                "error",
                "band 'Overall 0–2' lies outside the 1–11 scale",
                "keep the range within 1–11",
            ),
        ],
    ),
    "twelve-points-is-too-many": (
        block(
            """
            !!! assessment "Q"
                scale: 1-12

                - [ ] one

                - Overall 0–2: not checked against a broken scale
        """
        ),
        [
            Finding_(
                "assessment.bad-scale",
                2,
                12,
                "error",
                "scale '1-12' has 12 points; at most 11 can be rated",
                "",
            ),
        ],
    ),
    "partial-weights": (
        block(
            """
            !!! question "Q (1=low, 5=high)"
                === "Giving (50%)"
                    - [ ] one
                === "Receiving"
                    - [ ] two
                === "Asking"
                    - [ ] three
        """
        ),
        [
            Finding_(
                "assessment.partial-weights",
                4,
                5,
                "warn",
                "tab 'Receiving' has no weight but other tabs do, so the overall score is not weighted",
                "give every tab a weight, e.g. '=== \"Receiving (25%)\"', or none",
            ),
        ],
    ),
    "all-weighted": (
        block(
            """
            !!! question "Q (1=low, 5=high)"
                === "Giving (50%)"
                    - [ ] one
                === "Receiving (50%)"
                    - [ ] two
        """
        ),
        [],
    ),
    "empty-then-duplicate": (
        block(
            """
            !!! question "Q (1=low, 5=high)"
                - [ ] **
                - [ ] same words
                - [ ] same words
        """
        ),
        [
            Finding_(
                "assessment.empty-statement",
                2,
                5,
                "error",
                "this statement has no text, so readers cannot tell what they rate",
                "write the statement after '[ ]', or remove the line",
            ),
            Finding_(
                "assessment.duplicate-id",
                4,
                5,
                "error",
                "item id 'same-words' is used twice in this assessment (also by 'same words')",
                "reword one of them, or give each its own '{#id}'",
            ),
        ],
    ),
    "rubric-duplicate-id": (
        block(
            """
            !!! assessment "Q (1=Novice, 2=Expert)"
                | Level | Decisions |
                |---|---|
                | 1 | a |
                | 2 | c |

                | Level | Decisions |
                |---|---|
                | 1 | a |
                | 2 | c |
        """
        ),
        [
            Finding_(
                "assessment.duplicate-id",
                7,
                5,
                "error",
                "rubric id 'decisions' is used twice in this assessment (also by 'Decisions')",
                "reword one of them, or give each its own '{#id}'",
            ),
        ],
    ),
    "rubric-level-outside-then-rows": (
        block(
            """
            !!! assessment "Q (1=Novice, 3=Expert)"
                | Level | Decisions |
                |---|---|
                | 4 | beyond |
                | 1 | follows |
                | 2 | decides |
                | 3 | leads |
        """
        ),
        [
            Finding_(
                "assessment.rubric-bad-level",
                4,
                1,
                "error",
                "rubric 'Decisions' has level 4, outside the scale 1–3",
                "",
            ),
        ],
    ),
    "rubric-top-level-missing": (
        block(
            """
            !!! assessment "Q (1=Novice, 3=Expert)"
                | Level | Decisions |
                |---|---|
                | 1 | follows |
                | 2 | decides |
        """
        ),
        [
            Finding_(
                "assessment.rubric-missing-level",
                2,
                5,
                "error",
                "rubric 'Decisions' has no level 3",
                "add a row for each level, e.g. '| Competent (3) | … |'",
            ),
        ],
    ),
    "rubric-three-missing": (
        block(
            """
            !!! assessment "Q (1=Novice, 5=Expert)"
                | Level | Decisions |
                |---|---|
                | 1 | follows |
                | 5 | leads |
        """
        ),
        [
            Finding_(
                "assessment.rubric-missing-level",
                2,
                5,
                "error",
                "rubric 'Decisions' has no level 2, 3 and 4",
                "add a row for each level, e.g. '| Competent (3) | … |'",
            ),
        ],
    ),
    "rubric-two-levels": (
        block(
            """
            !!! assessment "Q"
                | Level | Decisions |
                |---|---|
                | 1 | follows |
                | 2 | leads |
        """
        ),
        [],
    ),
    "band-findings-in-a-row": (
        block(
            """
            !!! assessment "Q (1=low, 5=high)"
                === "Giving"
                    - [ ] one

                - Zzzz below 3: unknown
                - Overal below 2: typo
                - Overall 4–2: empty
                - Overall 0–2: outside
                - Overall 90–101%: outside
                - Overall 3–3: empty
                - Overall 5 or more: fine
        """
        ),
        [
            Finding_(
                "assessment.band-unknown-section",
                5,
                7,
                "error",
                "band 'Zzzz below 3': no section 'Zzzz' in this assessment",
                "sections: Overall, Giving",
            ),
            Finding_(
                "assessment.band-unknown-section",
                6,
                7,
                "error",
                "band 'Overal below 2': no section 'Overal' in this assessment",
                "did you mean 'Overall'?",
            ),
            Finding_(
                "assessment.bad-band",
                7,
                7,
                "error",
                "band 'Overall 4–2' is an empty range",
                "write the lower number first, e.g. '2.5–4'",
            ),
            Finding_(
                "assessment.band-outside-scale",
                8,
                7,
                "error",
                "band 'Overall 0–2' lies outside the 1–5 scale",
                "keep the range within 1–5",
            ),
            Finding_(
                "assessment.band-outside-scale",
                9,
                7,
                "error",
                "band 'Overall 90–101%' lies outside the range 0–100%",
                "keep the range within 0%–100%",
            ),
            Finding_(
                "assessment.bad-band",
                10,
                7,
                "error",
                "band 'Overall 3–3' is an empty range",
                "write the lower number first, e.g. '2.5–4'",
            ),
        ],
    ),
    "checklist-bands-in-a-row": (
        block(
            """
            !!! assessment "Checklist"
                - [ ] one

                - Overall below 2: average
                - Overall 3–4: average
        """
        ),
        [
            Finding_(
                "assessment.band-outside-scale",
                4,
                7,
                "error",
                "band 'Overall below 2' gives an average, but this assessment has no scale (its items are checkboxes)",
                "write the range in percent, e.g. 'Overall 0–49%'",
            ),
            Finding_(
                "assessment.band-outside-scale",
                5,
                7,
                "error",
                "band 'Overall 3–4' gives an average, but this assessment has no scale (its items are checkboxes)",
                "write the range in percent, e.g. 'Overall 0–49%'",
            ),
        ],
    ),
    "top-bands-overlap": (
        block(
            """
            !!! question "Q (1=low, 5=high)"
                - [ ] one

                - Overall 4–5: great
                - Overall 5 or more: top
        """
        ),
        [
            Finding_(
                "assessment.bands-overlap",
                5,
                7,
                "error",
                "band 'Overall 5 or more' overlaps band 'Overall 4–5'",
                "a range includes its start and excludes its end (except at the top of the scale), so '1–2.5' and '2.5–4' do not overlap",
            ),
        ],
    ),
    "top-bands-overlap-reversed": (
        block(
            """
            !!! question "Q (1=low, 5=high)"
                - [ ] one

                - Overall 5 or more: top
                - Overall 4–5: great
        """
        ),
        [
            Finding_(
                "assessment.bands-overlap",
                5,
                7,
                "error",
                "band 'Overall 4–5' overlaps band 'Overall 5 or more'",
                "a range includes its start and excludes its end (except at the top of the scale), so '1–2.5' and '2.5–4' do not overlap",
            ),
        ],
    ),
    "average-and-percent-adjacent": (
        block(
            """
            !!! question "Q (1=low, 5=high)"
                - [ ] one

                - Overall 1–4: most
                - Overall 80–100%: top
        """
        ),
        [],
    ),
    "rubric-one-level-twice": (
        block(
            """
            !!! assessment "Q"
                | Level | Decisions |
                |---|---|
                | 1 | a |
                | 1 | b |
        """
        ),
        [
            Finding_(
                "assessment.rubric-bad-level",
                5,
                1,
                "error",
                "rubric 'Decisions' has level 1 twice",
                "",
            ),
            Finding_(
                "assessment.rubric-missing-level",
                2,
                5,
                "error",
                "rubric 'Decisions' needs at least two levels",
                "add a row for each level, e.g. '| Competent (3) | … |'",
            ),
        ],
    ),
    "band-close-match-at-cutoff": (
        block(
            """
            !!! assessment "Q (1=low, 5=high)"
                === "Giving"
                    - [ ] one

                - Givers below 3: typo
        """
        ),
        [
            Finding_(
                "assessment.band-unknown-section",
                5,
                7,
                "error",
                "band 'Givers below 3': no section 'Givers' in this assessment",
                "did you mean 'Giving'?",
            ),
        ],
    ),
    "three-point-reversed": (
        '!!! question "Q"\n    Rate yourself (5=Excellent, 3=OK, 1=Poor):\n\n    - [ ] one\n',
        [
            Finding_(
                "assessment.scale-reversed",
                2,
                19,
                "error",
                "scale '5=Excellent, 3=OK, 1=Poor' runs from 5 down to 1",
                "write the lowest point first: '1=Poor, 3=OK, 5=Excellent'",
            ),
        ],
    ),
    "statements-before-tabs-then-a-tab-twice": (
        '!!! question "Q (1=low, 5=high)"\n    - [ ] first\n\n    === "Giving"\n        - [ ] one\n'
        '    === "Giving"\n        - [ ] two\n',
        [
            Finding_(
                "assessment.duplicate-id",
                6,
                5,
                "error",
                "section id 'giving' is used twice in this assessment",
                "give each tab its own title, or an id: '=== \"Title\" {#id}'",
            ),
        ],
    ),
    "overlap-after-a-band-of-another-section": (
        '!!! question "Q (1=low, 5=high)"\n    === "Giving"\n        - [ ] one\n    === "Receiving"\n'
        "        - [ ] two\n\n    - Giving below 3: a\n    - Receiving below 3: b\n    - Giving 2.5–5: c\n",
        [
            Finding_(
                "assessment.bands-overlap",
                9,
                7,
                "error",
                "band 'Giving 2.5–5' overlaps band 'Giving below 3'",
                "a range includes its start and excludes its end (except at the top of the scale), so '1–2.5' and '2.5–4' do not overlap",
            )
        ],
    ),
}

EXTENSIONS: dict[str, tuple[str, list[str], list[Expected]]] = {
    "no-admonition": (
        block(
            """
            !!! question "Q"
                - [ ] one

            ??? question "R"
                - [ ] two
        """
        ),
        ["pymdownx.details", "pymdownx.tasklist"],
        [
            Finding_(
                "assessment.missing-extension",
                1,
                1,
                "warn",
                "'Q' is left as written, not interactive: its '!!!' block needs the admonition extension",
                "add admonition to markdown_extensions",
            ),
        ],
    ),
    "no-details": (
        block(
            """
            ??? question "R"
                - [ ] two

            !!! question "Q"
                - [ ] one
        """
        ),
        ["admonition", "pymdownx.tasklist"],
        [
            Finding_(
                "assessment.missing-extension",
                1,
                1,
                "warn",
                "'R' is left as written, not interactive: its '???' block needs the pymdownx.details extension",
                "add pymdownx.details to markdown_extensions",
            ),
        ],
    ),
    "no-tasklist": (
        block(
            """
            !!! assessment "Rubric (1=a, 2=b)"
                | Level | Decisions |
                |---|---|
                | 1 | x |
                | 2 | y |

            ???+ question "Q"
                - [ ] one

            !!! question "R"
                - [ ] two
        """
        ),
        ["admonition", "pymdownx.details"],
        [
            Finding_(
                "assessment.missing-extension",
                7,
                1,
                "warn",
                "'Q' shows its statements as '[ ]' text to readers without JavaScript: the pymdownx.tasklist extension is not enabled",
                "add pymdownx.tasklist to markdown_extensions",
            ),
        ],
    ),
    "all-there": (
        block(
            """
            !!! question "Q"
                - [ ] one
        """
        ),
        ["admonition", "pymdownx.details", "pymdownx.tasklist"],
        [],
    ),
    "block-inside-a-list-item": (
        '- A list item\n\n    ??? question "Q"\n        - [ ] one\n',
        ["admonition", "pymdownx.tasklist"],
        [
            Finding_(
                "assessment.missing-extension",
                3,
                5,
                "warn",
                "'Q' is left as written, not interactive: its '???' block needs the pymdownx.details extension",
                "add pymdownx.details to markdown_extensions",
            ),
        ],
    ),
    "rubrics-only-need-no-tasklist": (
        '!!! assessment "R (1=a, 2=b)"\n    | Level | Decisions |\n    |---|---|\n    | 1 | x |\n    | 2 | y |\n',
        ["admonition", "pymdownx.details"],
        [],
    ),
}


@pytest.mark.parametrize(
    ("text", "name"), [(c.values[0], c.id) for c in CASES], ids=[c.id for c in CASES]
)
def test_each_malformed_case_reads_exactly(text: str, name: str) -> None:
    assert found(block(text)) == EXACT[name]


@pytest.mark.parametrize(("text", "expected"), MORE.values(), ids=MORE.keys())
def test_more_assessments_read_exactly(text: str, expected: list[Finding_]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "extensions", "expected"), EXTENSIONS.values(), ids=EXTENSIONS.keys()
)
def test_careerkit_check_names_the_missing_extension(
    text: str, extensions: list[str], expected: list[Finding_]
) -> None:
    assert found(text, extensions) == expected


def test_without_a_list_of_extensions_none_is_missing() -> None:
    """The build renders with the extensions it has; only `careerkit check` passes the list."""
    assert found(EXTENSIONS["no-admonition"][0]) == []
