"""Assessment syntax: source lines in, model out (pure; no Markdown, no MkDocs)."""

from __future__ import annotations

import textwrap

import pytest

from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.assessments.parse import ParseOptions, parse_page, plain_text, slugify
from tests.conftest import SEED, unavailable

# The assessment block of the seed chapter (networking-community-building.md), verbatim: it must
# work with no change at all.
SEED_BLOCK = """\
!!! question "Professional Network Assessment"
    **Evaluate your networking effectiveness (1=Needs Improvement, 5=Excellent):**

    === "Network Quality"
        - [ ] My network includes diverse perspectives and backgrounds
        - [ ] I have strong relationships with peers in similar roles
        - [ ] I have connections to senior leaders in my field
        - [ ] My network spans multiple companies and industries

    === "Value Creation"
        - [ ] I regularly help others in my network
        - [ ] I make valuable introductions between connections
        - [ ] I share useful resources and opportunities
        - [ ] Others seek my advice and expertise

    === "Community Engagement"
        - [ ] I participate actively in relevant professional communities
        - [ ] I contribute meaningfully to discussions and events
        - [ ] I have leadership roles in communities I care about
        - [ ] My community involvement helps others learn and grow
"""


def parse(text: str, **options: object) -> tuple[Assessment, ...]:
    result = parse_page(
        textwrap.dedent(text).strip("\n").split("\n"),
        ParseOptions(**options),  # type: ignore[arg-type]
    )
    assert result.findings == (), result.findings
    return result.assessments


def test_seed_block_is_a_verbatim_copy() -> None:
    if not SEED.exists():
        unavailable(f"the seed chapter is not next to the repository ({SEED})")
    assert SEED_BLOCK in SEED.read_text(encoding="utf-8")


def test_seed_block_is_a_rated_assessment_with_three_sections() -> None:
    (a,) = parse(SEED_BLOCK)
    assert (a.id, a.title, a.type, a.explicit) == (
        "professional-network-assessment",
        "Professional Network Assessment",
        "question",
        False,
    )
    assert a.scale is not None
    assert (a.scale.low, a.scale.high, a.scale.label_map()) == (
        1,
        5,
        {1: "Needs Improvement", 5: "Excellent"},
    )
    assert [(s.title, len(s.items)) for s in a.sections] == [
        ("Network Quality", 4),
        ("Value Creation", 4),
        ("Community Engagement", 4),
    ]
    assert {i.kind for i in a.items} == {"rate"}
    first = a.sections[1].items[0]
    assert (first.id, first.text, first.line, first.column) == (
        "i-regularly-help-others-in-my-network",
        "I regularly help others in my network",
        11,
        9,
    )


def test_question_without_task_items_is_left_alone() -> None:
    assert (
        parse(
            """
        !!! question "Think about it (1=low, 5=high)"
            - What would you do differently?
            - Who could help?
        """
        )
        == ()
    )


def test_other_admonition_types_are_not_assessments_unless_configured() -> None:
    text = """
        !!! tip "Checklist"
            - [ ] one
    """
    assert parse(text) == ()
    (a,) = parse(text, types=("question", "tip"))
    assert a.items[0].kind == "check"


@pytest.mark.parametrize(
    ("intro", "low", "high"),
    [
        ("Rate yourself (1=Needs Improvement, 5=Excellent):", 1, 5),
        ("Rate yourself (1: Never; 3: Sometimes; 5: Always)", 1, 5),
        ("**Rate each statement 1–5**", 1, 5),
        ("Rate each statement from 0 to 10.", 0, 10),
        ("Rate 1-4, where 4 is best", 1, 4),
    ],
)
def test_scale_read_from_the_intro(intro: str, low: int, high: int) -> None:
    (a,) = parse(f'!!! question "Q"\n    {intro}\n\n    - [ ] one\n')
    assert a.scale is not None and (a.scale.low, a.scale.high) == (low, high)
    assert a.items[0].kind == "rate"


@pytest.mark.parametrize(
    "intro",
    ["Tick what applies.", "Spend 10-15 minutes on it.", "In 2023-2024 we changed (a lot)."],
)
def test_without_a_scale_items_are_checkboxes(intro: str) -> None:
    (a,) = parse(f'!!! question "Q"\n    {intro}\n\n    - [ ] one\n')
    assert a.scale is None
    assert a.items[0].kind == "check"


def test_scale_in_an_item_is_not_the_assessments_scale() -> None:
    (a,) = parse('!!! question "Q"\n    - [ ] I spend 1-5 hours a week (1=low, 5=high)\n')
    assert a.scale is None


def test_explicit_assessment_options() -> None:
    (a,) = parse(
        """
        !!! assessment "Feedback Habits"
            id: feedback-2025
            scale: 1-5
            labels: Never, Rarely, Sometimes, Often, Always

            Rate how often each is true.

            - [ ] I ask for feedback {#ask}
        """
    )
    assert a.explicit and a.explicit_id
    assert a.id == "feedback-2025"
    assert a.option_lines == (2, 3, 4)
    assert a.scale is not None
    assert a.scale.label_map() == {
        1: "Never",
        2: "Rarely",
        3: "Sometimes",
        4: "Often",
        5: "Always",
    }
    assert a.intro == "Rate how often each is true."
    assert [(i.id, i.explicit_id, i.id_column) for i in a.items] == [("ask", True, 30)]


def test_explicit_checklist_and_text_that_only_looks_like_an_option() -> None:
    (a,) = parse(
        """
        !!! assessment "Ready?"
            scale: none

            - [ ] Slides done
        """
    )
    assert a.scale is None and a.items[0].kind == "check"
    (b,) = parse(
        """
        !!! assessment "Ready? (1=no, 3=yes)"
            Note: be honest.

            - [ ] Slides done
        """
    )
    assert b.option_lines == () and b.intro == "Note: be honest."


def test_items_and_sections_get_ids_from_text_or_explicitly() -> None:
    (a,) = parse(
        """
        !!! question "Q (1=low, 5=high)"
            === "Giving *Feedback*"
                - [ ] I **describe** the [impact](impact.md) of behaviour
                - [ ] Timely {: #timely }

            === "Receiving" {#recv}
                - [ ] I say "thank you" — even when it's hard
        """
    )
    assert [(s.id, s.title, s.explicit_id) for s in a.sections] == [
        ("giving-feedback", "Giving Feedback", False),
        ("recv", "Receiving", True),
    ]
    assert [i.id for i in a.items] == [
        "i-describe-the-impact-of-behaviour",
        "timely",
        "i-say-thank-you-even-when-its-hard",
    ]
    assert a.items[0].text == "I describe the impact of behaviour"


def test_same_statement_in_two_sections_is_qualified_by_section() -> None:
    (a,) = parse(
        """
        !!! question "Q (1=low, 5=high)"
            === "Peers"
                - [ ] I ask for feedback
                - [ ] I listen
            === "Managers"
                - [ ] I ask for feedback
        """
    )
    assert [i.id for i in a.items] == [
        "peers/i-ask-for-feedback",
        "i-listen",
        "managers/i-ask-for-feedback",
    ]


def test_item_ids_do_not_depend_on_other_items() -> None:
    before = parse('!!! question "Q (1=a, 5=b)"\n    - [ ] Alpha\n    - [ ] Beta\n')
    after = parse(
        '!!! question "Q (1=a, 5=b)"\n    - [ ] New one\n    - [ ] Beta\n    - [ ] Alpha, edited\n'
    )
    assert {i.id for i in before[0].items} & {i.id for i in after[0].items} == {"beta"}


def test_long_statements_keep_distinct_ids() -> None:
    start = "I regularly and deliberately seek out opportunities to practise this skill in "
    (a,) = parse(f'!!! question "Q"\n    - [ ] {start}meetings\n    - [ ] {start}writing\n')
    ids = [i.id for i in a.items]
    assert len(set(ids)) == 2 and all(len(i) <= 64 for i in ids)


def test_blocks_in_fenced_code_are_examples_not_assessments() -> None:
    assert (
        parse(
            """
        ```markdown
        !!! question "Example"
            - [ ] not real
        ```

        ~~~~
        !!! assessment "Also an example"
        ~~~~
        """
        )
        == ()
    )


def test_nested_and_collapsible_blocks() -> None:
    found = parse(
        """
        === "Tab"

            ???+ question "Inside a tab"
                - [ ] one

        !!! note
            Text.

            !!! question
                - [ ] two
        """
    )
    assert [(a.title, a.line, a.indent) for a in found] == [
        ("Inside a tab", 3, 4),
        ("Question", 9, 4),
    ]


def test_rubric_tables() -> None:
    (a,) = parse(
        """
        !!! assessment "Leadership (1=Novice, 5=Expert)"
            | Level | Technical decisions |
            |---|---|
            | Novice (1) | Follows decisions made by others |
            | 2 | Makes *small* decisions |
            | Competent (3) | Decides within the team |
            | 4 | Decides across teams |
            | Expert (5) | Sets direction for the organization |

            | Level | Mentoring {#mentor} |
            | :-- | :-- |
            | Level 1 | Mentors nobody yet |
            | Level 2 | Answers questions |
            | Level 3 | Mentors one person |
            | Level 4 | Mentors several |
            | Level 5 | Builds a mentoring programme |

            | Tool | Use |
            |---|---|
            | Git | daily |
            | Make | sometimes |
        """
    )
    assert a.tables == 3
    first, second = a.rubrics
    assert (first.id, first.text, first.kind, first.table, first.line) == (
        "technical-decisions",
        "Technical decisions",
        "rubric",
        0,
        2,
    )
    assert [(lv.value, lv.label, lv.text, lv.line) for lv in first.levels][:2] == [
        (1, "Novice (1)", "Follows decisions made by others", 4),
        (2, "2", "Makes small decisions", 5),
    ]
    assert (second.id, second.explicit_id, second.table) == ("mentor", True, 1)


def test_bands() -> None:
    (a,) = parse(
        """
        !!! question "Network (1=Needs Improvement, 5=Excellent)"
            === "Value Creation"
                - [ ] I help
            === "Reach"
                - [ ] I reach

            - Overall below 2.5: read [Mentorship](../mentorship.md)
            - **Overall 2.5–4:** keep going
            - Overall score 4 or more: teach others
            - Value Creation below 40%: start small
            - below 3 in Reach: go to meetups
            - "Reach" at least 3: lead a meetup
            - Week 1-2: an ordinary list item, not a band
        """
    )
    assert [(b.section, b.low, b.high, b.unit, b.line, b.column) for b in a.bands] == [
        ("", 1.0, 2.5, "average", 7, 7),
        ("", 2.5, 4.0, "average", 8, 7),
        ("", 4.0, 5.0, "average", 9, 7),
        ("value-creation", 0.0, 40.0, "percent", 10, 7),
        ("reach", 1.0, 3.0, "average", 11, 7),
        ("reach", 3.0, 5.0, "average", 12, 7),
    ]
    assert a.bands[0].text == "Overall below 2.5: read [Mentorship](../mentorship.md)"


def test_overall_word_follows_the_translation() -> None:
    (a,) = parse(
        '!!! question "Q (1=a, 5=b)"\n    - [ ] x\n\n    - Gesamt below 3: mehr üben\n',
        overall=("Gesamt",),
    )
    assert a.bands[0].section == ""


@pytest.mark.parametrize(
    ("text", "plain", "slug"),
    [
        ("I **really** help [others](a.md)", "I really help others", "i-really-help-others"),
        ("Café `naïve` *façade*", "Café naïve façade", "cafe-naive-facade"),
        ("It's  <b>bold</b>  {#x}", "It's <b>bold</b>", "its-b-bold-b"),
        ("snake_case_name and _emph_", "snake_case_name and emph", "snake_case_name-and-emph"),
        ("Ünïcödé 日本語", "Ünïcödé 日本語", "unicode-日本語"),
    ],
)
def test_plain_text_and_slugs(text: str, plain: str, slug: str) -> None:
    assert plain_text(text) == plain
    assert slugify(text) == slug
