"""Malformed assessments: each is a finding with its code, at the line and column to fix."""

from __future__ import annotations

import textwrap

import pytest

from mkdocs_careerkit.assessments import SiteAssessments, check_source
from mkdocs_careerkit.codes import CODES
from tests.conftest import EXAMPLE_SITE
from tests.test_assessments_parse import SEED_BLOCK


def findings(text: str, offset: int = 0) -> list[tuple[str, int, int, str]]:
    body = textwrap.dedent(text).strip("\n") + "\n"
    return sorted(
        (f.code, f.line, f.column, f.message + " | " + f.suggestion)
        for f in check_source(body, "guide/page.md", offset)
    )


CASES = [
    pytest.param(
        """
        !!! question "Q"
            Rate yourself (5=Excellent, 1=Needs Improvement):

            - [ ] one
        """,
        ("assessment.scale-reversed", 2, 19),
        "scale '5=Excellent, 1=Needs Improvement' runs from 5 down to 1 | "
        "write the lowest point first: '1=Needs Improvement, 5=Excellent'",
        id="scale-reversed",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            scale: 5-1

            - [ ] one
        """,
        ("assessment.scale-reversed", 2, 12),
        "runs from 5 down to 1",
        id="scale-reversed-option",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            scale: 1-20

            - [ ] one
        """,
        ("assessment.bad-scale", 2, 12),
        "has 20 points; at most 11",
        id="scale-too-long",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] one

            - Overall 0–2: start here
        """,
        ("assessment.band-outside-scale", 4, 7),
        "band 'Overall 0–2' lies outside the 1–5 scale | keep the range within 1–5",
        id="band-outside-scale",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] one

            - Overall 50–120%: start here
        """,
        ("assessment.band-outside-scale", 4, 7),
        "outside the range 0–100%",
        id="band-outside-percent",
    ),
    pytest.param(
        """
        !!! question "Checklist"
            - [ ] one

            - Overall below 2: do more
        """,
        ("assessment.band-outside-scale", 4, 7),
        "gives an average, but this assessment has no scale",
        id="band-average-on-checklist",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            === "Giving"
                - [ ] one

            - Giving below 3: practise
            - Giving 2.5–5: fine
        """,
        ("assessment.bands-overlap", 6, 7),
        "band 'Giving 2.5–5' overlaps band 'Giving below 3'",
        id="bands-overlap",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] one

            - Overall 4–5: great
            - Overall 80% or more: also great
        """,
        ("assessment.bands-overlap", 5, 7),
        "overlaps band 'Overall 4–5'",
        id="bands-overlap-across-units",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] one

            - Overall 4–2: upside down
        """,
        ("assessment.bad-band", 4, 7),
        "is an empty range",
        id="band-empty",
    ),
    pytest.param(
        """
        !!! assessment "Q (1=low, 5=high)"
            === "Giving"
                - [ ] one

            - Givng below 3: practise
        """,
        ("assessment.band-unknown-section", 5, 7),
        "no section 'Givng' in this assessment | did you mean 'Giving'?",
        id="band-unknown-section",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            === "Giving"
                - [ ] one

            === "Receiving"
                Nothing to rate here yet.
        """,
        ("assessment.empty-section", 5, 5),
        "section 'Receiving' has nothing to answer",
        id="empty-section",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            Just words.
        """,
        ("assessment.empty", 1, 1),
        "assessment 'Q' has nothing to answer",
        id="empty-assessment",
    ),
    pytest.param(
        """
        !!! assessment "Q (1=Novice, 5=Expert)"
            | Level | Decisions |
            |---|---|
            | Novice (1) | follows |
            | 2 | small ones |
            | 4 | across teams |
            | Expert (5) | sets direction |
        """,
        ("assessment.rubric-missing-level", 2, 5),
        "rubric 'Decisions' has no level 3",
        id="rubric-missing-level",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            | Level | Decisions |
            |---|---|
            | 1 | follows |
            | 3 | decides |
        """,
        ("assessment.rubric-missing-level", 2, 5),
        "has no level 2",
        id="rubric-gap-without-scale",
    ),
    pytest.param(
        """
        !!! assessment "Q (1=Novice, 3=Expert)"
            | Level | Decisions |
            |---|---|
            | 1 | follows |
            | 2 | decides |
            | 2 | decides again |
            | 3 | leads |
        """,
        ("assessment.rubric-bad-level", 6, 1),
        "has level 2 twice",
        id="rubric-level-twice",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            | Level | Decisions |
            |---|---|
            | 1 | follows |
            | 2 | decides |
            | Also two | decides, but writes no number |
            | 3 | leads |
        """,
        ("assessment.rubric-bad-level", 6, 5),
        "rubric row 'Also two' has no single level number",
        id="rubric-row-without-level",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] I ask for feedback {#ask}
            - [ ] I act on feedback {#ask}
        """,
        ("assessment.duplicate-id", 3, 29),
        "item id 'ask' is used twice in this assessment (also by 'I ask for feedback') | "
        "give this one another id than '{#ask}'",
        id="duplicate-explicit-id",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] I ask for feedback
            - [ ] I ask for *feedback*
        """,
        ("assessment.duplicate-id", 3, 5),
        "item id 'i-ask-for-feedback' is used twice",
        id="duplicate-derived-id",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            === "Giving"
                - [ ] one
            === "Giving"
                - [ ] two
        """,
        ("assessment.duplicate-id", 4, 5),
        "section id 'giving' is used twice",
        id="duplicate-section",
    ),
    pytest.param(
        """
        !!! question "Same"
            - [ ] one

        !!! question "Same"
            - [ ] two
        """,
        ("assessment.duplicate-id", 4, 1),
        "assessment id 'same' is used twice on this page",
        id="duplicate-assessment-id",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            scale: 1-5
            lables: a, b, c, d, e

            - [ ] one
        """,
        ("assessment.unknown-option", 3, 5),
        "unknown assessment option 'lables' | did you mean 'labels'?",
        id="unknown-option",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            scale: 1-5
            labels: Never, Always

            - [ ] one
        """,
        ("assessment.bad-option", 3, 13),
        "2 labels for a scale of 5 points (1–5)",
        id="labels-count",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            id: my id!

            - [ ] one
        """,
        ("assessment.bad-option", 2, 9),
        "assessment id 'my id!' may only hold",
        id="bad-id-option",
    ),
    pytest.param(
        """
        !!! assessment "Q"
            scale: often

            - [ ] one
        """,
        ("assessment.bad-option", 2, 12),
        "cannot read the scale 'often'",
        id="unreadable-scale",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] one
            - [ ] **
        """,
        ("assessment.empty-statement", 3, 5),
        "this statement has no text, so readers cannot tell what they rate | "
        "write the statement after '[ ]', or remove the line",
        id="empty-statement",
    ),
    pytest.param(
        """
        !!! question "Q (1=low, 5=high)"
            - [ ] one

            - Overall 6 or more: beyond the top
        """,
        ("assessment.band-outside-scale", 4, 7),
        "band 'Overall 6 or more' lies outside the 1–5 scale | keep the range within 1–5",
        id="band-beyond-the-top",
    ),
    pytest.param(
        """
        !!! question "Q"
            Rate 5–1:

            - [ ] one
        """,
        ("assessment.scale-reversed", 2, 10),
        "scale '5–1' runs from 5 down to 1 | write the lowest point first: '1–5'",
        id="scale-reversed-intro-range",
    ),
    pytest.param(
        """
        !!! question "Q"
            Rate each statement 5-2:

            - [ ] one
        """,
        ("assessment.scale-reversed", 2, 25),
        "scale '5-2' runs from 5 down to 2",
        id="scale-reversed-intro-range-not-ending-at-1",
    ),
]


@pytest.mark.parametrize(("text", "where", "message"), CASES)
def test_each_malformed_case_is_one_finding_at_its_line(
    text: str, where: tuple[str, int, int], message: str
) -> None:
    found = findings(text)
    assert [f[:3] for f in found] == [where], found
    assert message in found[0][3]
    assert where[0] in CODES


def test_lines_count_the_front_matter() -> None:
    text = '!!! question "Q (1=a, 5=b)"\n    - [ ] x {#a}\n    - [ ] y {#a}\n'
    (f,) = check_source(text, "leadership/x.md", 4)
    assert f.location == "leadership/x.md:7:13"
    assert f.severity == "error"


def test_well_formed_assessments_have_no_findings() -> None:
    assert findings(SEED_BLOCK) == []
    for page in sorted((EXAMPLE_SITE / "docs").rglob("*.md")):
        assert findings(page.read_text(encoding="utf-8")) == [], page


def test_adjacent_bands_do_not_overlap() -> None:
    assert findings(
        """
            !!! question "Q (1=low, 5=high)"
                - [ ] one

                - Overall below 2.5: a
                - Overall 2.5–4: b
                - Overall 4 or more: c
                - Overall 0–49%: d
            """
    ) == [
        (
            "assessment.bands-overlap",
            7,
            7,
            "band 'Overall 0–49%' overlaps band 'Overall below 2.5' | a range includes its "
            "start and excludes its end (except at the top of the scale), so '1–2.5' and "
            "'2.5–4' do not overlap",
        )
    ]


def test_an_assessment_id_on_two_pages_is_a_warning_on_the_second() -> None:
    site = SiteAssessments()
    text = '!!! question "Self-Check"\n    - [ ] one\n'
    assert check_source(text, "a.md", 0, site=site) == []
    (f,) = check_source(text, "b.md", 2, site=site)
    assert (f.location, f.code, f.severity) == ("b.md:3:1", "assessment.id-reused", "warn")
    assert "also used on page 'a.md'" in f.message
    assert site.has("a.md") and site.has("b.md") and not site.has("c.md")


def test_two_empty_statements_are_each_reported_as_empty_not_as_a_duplicate() -> None:
    found = findings('!!! question "Q"\n    - [ ] **\n    - [ ] {#x}\n    - [ ] __\n')
    assert [f[:3] for f in found] == [
        ("assessment.empty-statement", 2, 5),
        ("assessment.empty-statement", 3, 5),
        ("assessment.empty-statement", 4, 5),
    ]
    assert all("also by" not in f[3] for f in found)
