"""The reading-list parser: a table of entries as guide authors write them, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.reading.parse import (
    book_key,
    find_sections,
    has_marker,
    parse_entry,
    same_book,
    split_authors,
    words,
)

A = "Adam Grant"
# (text, style, authors, title, subtitle, year, venue, note); style None = unparsed.
TABLE: list[tuple[str, str | None, tuple[str, ...], str, str, int | None, str, str]] = [
    # 1. The seed chapter: bold author + italic title, then a note.
    (
        "**Grant, Adam. *Give and Take: Why Helping Others Drives Our Success*.** Research on "
        "how generosity and helping others creates professional success.",
        "bold",
        (A,),
        "Give and Take",
        "Why Helping Others Drives Our Success",
        None,
        "",
        "Research on how generosity and helping others creates professional success.",
    ),
    (
        "**Granovetter, Mark. *Getting a Job: A Study of Contacts and Careers*.** Classic "
        "research on the strength of weak ties in professional networking.",
        "bold",
        ("Mark Granovetter",),
        "Getting a Job",
        "A Study of Contacts and Careers",
        None,
        "",
        "Classic research on the strength of weak ties in professional networking.",
    ),
    (
        "**Cross, Rob, and Andrew Parker. *The Hidden Power of Social Networks*.** Understanding "
        "how networks drive organizational success.",
        "bold",
        ("Rob Cross", "Andrew Parker"),
        "The Hidden Power of Social Networks",
        "",
        None,
        "",
        "Understanding how networks drive organizational success.",
    ),
    (
        "**Ibarra, Herminia. *Working Identity: Unconventional Strategies for Reinventing Your "
        "Career*.** Using networks to explore and develop professional identity.",
        "bold",
        ("Herminia Ibarra",),
        "Working Identity",
        "Unconventional Strategies for Reinventing Your Career",
        None,
        "",
        "Using networks to explore and develop professional identity.",
    ),
    (
        "**Casciaro, Tiziana, Francesca Gino, and Maryam Kouchaki. *Learn to Love Networking*.** "
        "Harvard Business Review research on authentic networking approaches.",
        "bold",
        ("Tiziana Casciaro", "Francesca Gino", "Maryam Kouchaki"),
        "Learn to Love Networking",
        "",
        None,
        "",
        "Harvard Business Review research on authentic networking approaches.",
    ),
    (
        "**Grant, Adam. _Give and Take_.** Generosity.",
        "bold",
        (A,),
        "Give and Take",
        "",
        None,
        "",
        "Generosity.",
    ),
    (
        "**Grant, Adam. *Give and Take*. 2013.** Generosity.",
        "bold",
        (A,),
        "Give and Take",
        "",
        2013,
        "",
        "Generosity.",
    ),
    ("**Grant, Adam. *Give and Take*.**", "bold", (A,), "Give and Take", "", None, "", ""),
    (
        "**Grant, Adam. *Give and Take*.** - Generosity.",
        "bold",
        (A,),
        "Give and Take",
        "",
        None,
        "",
        "Generosity.",
    ),
    (
        "**Heath, Chip & Dan Heath. *Made to Stick*.** Sticky ideas.",
        "bold",
        ("Chip Heath", "Dan Heath"),
        "Made to Stick",
        "",
        None,
        "",
        "Sticky ideas.",
    ),
    (
        "**Forsgren, Nicole, et al. *Accelerate*.** Research.",
        "bold",
        ("Nicole Forsgren",),
        "Accelerate",
        "",
        None,
        "",
        "Research.",
    ),
    (
        "**Dweck, Carol S. *Mindset: The New Psychology of Success*.** Growth.",
        "bold",
        ("Carol S. Dweck",),
        "Mindset",
        "The New Psychology of Success",
        None,
        "",
        "Growth.",
    ),
    (
        "**Brown, Peter C., Henry L. Roediger III, and Mark A. McDaniel. *Make It Stick*.** Why.",
        "bold",
        ("Peter C. Brown", "Henry L. Roediger III", "Mark A. McDaniel"),
        "Make It Stick",
        "",
        None,
        "",
        "Why.",
    ),
    # 2. Author. _Title_. Year.
    (
        "Skelton, Matthew, and Manuel Pais. _Team Topologies: Organizing Business and Technology "
        "Teams for Fast Flow_. 2019.",
        "cite",
        ("Matthew Skelton", "Manuel Pais"),
        "Team Topologies",
        "Organizing Business and Technology Teams for Fast Flow",
        2019,
        "",
        "",
    ),
    (
        "Skelton, Matthew, and Manuel Pais. *Team Topologies*. 2019.",
        "cite",
        ("Matthew Skelton", "Manuel Pais"),
        "Team Topologies",
        "",
        2019,
        "",
        "",
    ),
    (
        "Humble, Jez & David Farley. _Continuous Delivery_. Addison-Wesley, 2010.",
        "cite",
        ("Jez Humble", "David Farley"),
        "Continuous Delivery",
        "",
        2010,
        "",
        "",
    ),
    (
        "Humble, Jez, and David Farley. _Continuous Delivery: Reliable Software Releases through "
        "Build, Test, and Deployment Automation_. 2010.",
        "cite",
        ("Jez Humble", "David Farley"),
        "Continuous Delivery",
        "Reliable Software Releases through Build, Test, and Deployment Automation",
        2010,
        "",
        "",
    ),
    (
        "Forsgren, Nicole, et al. _Accelerate_. IT Revolution, 2018. The research behind DORA.",
        "cite",
        ("Nicole Forsgren",),
        "Accelerate",
        "",
        2018,
        "",
        "The research behind DORA.",
    ),
    (
        "Grant, Adam. *Give and Take*. New York: Viking, 2013. About givers.",
        "cite",
        (A,),
        "Give and Take",
        "",
        2013,
        "",
        "About givers.",
    ),
    ("Grant, Adam. _Give and Take_.", "cite", (A,), "Give and Take", "", None, "", ""),
    ("Grant, Adam. _Give and Take_", "cite", (A,), "Give and Take", "", None, "", ""),
    ("Newport, Cal. _Deep Work_ (2016)", "cite", ("Cal Newport",), "Deep Work", "", 2016, "", ""),
    # 3. Author. _Title_. Year. (Note)
    (
        "Kotter, John P. _Power and Influence: Beyond Formal Authority_. 1985. (Classic analysis "
        "of how managers lead without authority)",
        "cite",
        ("John P. Kotter",),
        "Power and Influence",
        "Beyond Formal Authority",
        1985,
        "",
        "Classic analysis of how managers lead without authority",
    ),
    (
        "Kotter, John P. _Leading Change_. 1996. (Eight steps.)",
        "cite",
        ("John P. Kotter",),
        "Leading Change",
        "",
        1996,
        "",
        "Eight steps.",
    ),
    (
        "Kotter, John P. _Leading Change_. 1996 - Eight steps.",
        "cite",
        ("John P. Kotter",),
        "Leading Change",
        "",
        1996,
        "",
        "Eight steps.",
    ),
    (
        "Kotter, John P. _Leading Change_ — Eight steps.",
        "cite",
        ("John P. Kotter",),
        "Leading Change",
        "",
        None,
        "",
        "Eight steps.",
    ),
    (
        "Kotter, John P. _Leading Change_: Eight steps.",
        "cite",
        ("John P. Kotter",),
        "Leading Change",
        "",
        None,
        "",
        "Eight steps.",
    ),
    (
        "Kotter, John P. _Leading Change_. Harvard Business Review Press, 1996. (See [change]"
        "(change.md).)",
        "cite",
        ("John P. Kotter",),
        "Leading Change",
        "",
        1996,
        "",
        "See [change](change.md).",
    ),
    # 4. _Title_ by Author
    (
        "_Made to Stick_ by Chip Heath & Dan Heath",
        "by",
        ("Chip Heath", "Dan Heath"),
        "Made to Stick",
        "",
        None,
        "",
        "",
    ),
    (
        "_Made to Stick_ by Chip Heath and Dan Heath",
        "by",
        ("Chip Heath", "Dan Heath"),
        "Made to Stick",
        "",
        None,
        "",
        "",
    ),
    (
        "*Made to Stick* by Chip and Dan Heath",
        "by",
        ("Chip", "Dan Heath"),
        "Made to Stick",
        "",
        None,
        "",
        "",
    ),
    (
        "_The Lean Startup_ by Eric Ries - Understanding how startups learn",
        "by",
        ("Eric Ries",),
        "The Lean Startup",
        "",
        None,
        "",
        "Understanding how startups learn",
    ),
    (
        "_The Lean Startup_ by Eric Ries – Validated learning.",
        "by",
        ("Eric Ries",),
        "The Lean Startup",
        "",
        None,
        "",
        "Validated learning.",
    ),
    (
        "_The Lean Startup_ by Eric Ries (2011)",
        "by",
        ("Eric Ries",),
        "The Lean Startup",
        "",
        2011,
        "",
        "",
    ),
    (
        "_The Lean Startup_ by Eric Ries, 2011",
        "by",
        ("Eric Ries",),
        "The Lean Startup",
        "",
        2011,
        "",
        "",
    ),
    (
        "_The Lean Startup_ by Eric Ries: validated learning",
        "by",
        ("Eric Ries",),
        "The Lean Startup",
        "",
        None,
        "",
        "validated learning",
    ),
    (
        "_Drive_ by Daniel H. Pink. What motivates us.",
        "by",
        ("Daniel H. Pink",),
        "Drive",
        "",
        None,
        "",
        "What motivates us.",
    ),
    (
        "_Drive: The Surprising Truth About What Motivates Us_ by Daniel H. Pink",
        "by",
        ("Daniel H. Pink",),
        "Drive",
        "The Surprising Truth About What Motivates Us",
        None,
        "",
        "",
    ),
    (
        "_Accelerate_ by Nicole Forsgren et al. (The DORA research)",
        "by",
        ("Nicole Forsgren",),
        "Accelerate",
        "",
        None,
        "",
        "The DORA research",
    ),
    (
        "_Thinking, Fast and Slow_ by Daniel Kahneman",
        "by",
        ("Daniel Kahneman",),
        "Thinking, Fast and Slow",
        "",
        None,
        "",
        "",
    ),
    # 5. Articles
    (
        'Conway, Melvin E. "How Do Committees Invent?" _Datamation_ 14, no. 4 (1968): 28-31.',
        "article",
        ("Melvin E. Conway",),
        "How Do Committees Invent?",
        "",
        1968,
        "Datamation",
        "",
    ),
    (
        'Conway, Melvin E. "How Do Committees Invent?" *Datamation* 14, no. 4 (1968): 28-31. '
        "Where Conway's law comes from.",
        "article",
        ("Melvin E. Conway",),
        "How Do Committees Invent?",
        "",
        1968,
        "Datamation",
        "Where Conway's law comes from.",
    ),
    (
        'Granovetter, Mark S. "The Strength of Weak Ties." _American Journal of Sociology_ 78, '
        "no. 6 (1973): 1360-1380.",
        "article",
        ("Mark S. Granovetter",),
        "The Strength of Weak Ties.",
        "",
        1973,
        "American Journal of Sociology",
        "",
    ),
    (
        "Casciaro, Tiziana, Francesca Gino, and Maryam Kouchaki. “Learn to Love Networking.” "
        "_Harvard Business Review_ (2016).",
        "article",
        ("Tiziana Casciaro", "Francesca Gino", "Maryam Kouchaki"),
        "Learn to Love Networking.",
        "",
        2016,
        "Harvard Business Review",
        "",
    ),
    (
        'Ibarra, Herminia, and Mark Lee Hunter. "How Leaders Create and Use Networks." In '
        "_Harvard Business Review_ (2007).",
        "article",
        ("Herminia Ibarra", "Mark Lee Hunter"),
        "How Leaders Create and Use Networks.",
        "",
        2007,
        "Harvard Business Review",
        "",
    ),
    # Unparsed: stays as written.
    ("[Martin Fowler's blog](https://martinfowler.com)", None, (), "", "", None, "", ""),
    ("Read anything by Camille Fournier.", None, (), "", "", None, "", ""),
    ("The Manager's Path", None, (), "", "", None, "", ""),
    ("**Business and Risk Analysis:**", None, (), "", "", None, "", ""),
    ("", None, (), "", "", None, "", ""),
    ("   ", None, (), "", "", None, "", ""),
    ("*Deep Work* is worth reading, whoever wrote it.", None, (), "", "", None, "", ""),
    ("Grant, Adam. Give and Take. 2013.", None, (), "", "", None, "", ""),
    ("**Grant, Adam.** Give and Take.", None, (), "", "", None, "", ""),
]


def test_the_table_is_large_and_covers_every_style() -> None:
    assert len(TABLE) >= 40
    assert {row[1] for row in TABLE} == {"bold", "cite", "by", "article", None}


@pytest.mark.parametrize(
    ("text", "style", "authors", "title", "subtitle", "year", "venue", "note"),
    TABLE,
    ids=[f"{i:02}-{row[0][:40]}" for i, row in enumerate(TABLE)],
)
def test_parse_entry(
    text: str,
    style: str | None,
    authors: tuple[str, ...],
    title: str,
    subtitle: str,
    year: int | None,
    venue: str,
    note: str,
) -> None:
    entry = parse_entry(text)
    if style is None:
        assert entry is None
        return
    assert entry is not None
    got = (
        entry.style,
        entry.authors,
        entry.title,
        entry.subtitle,
        entry.year,
        entry.venue,
        entry.note,
    )
    assert got == (style, authors, title, subtitle, year, venue, note)
    # No text lost: every word written is in the model, and the note is where it says.
    assert words(text) <= words(entry.words) | {"and", "by", "in"}
    if note:
        assert note.rstrip(").") in text[entry.note_start :]
    assert entry.text == text


def test_et_al_and_kind() -> None:
    accelerate = parse_entry("Forsgren, Nicole, et al. _Accelerate_. 2018.")
    conway = parse_entry('Conway, Melvin E. "How Do Committees Invent?" _Datamation_ (1968).')
    assert accelerate is not None and accelerate.et_al and accelerate.kind == "book"
    assert conway is not None and conway.kind == "article" and not conway.et_al


@pytest.mark.parametrize(
    ("text", "inverted", "expected"),
    [
        ("Cross, Rob, and Andrew Parker", True, ("Rob Cross", "Andrew Parker")),
        ("Chip Heath & Dan Heath", False, ("Chip Heath", "Dan Heath")),
        ("Heath, Chip; Heath, Dan", True, ("Chip Heath", "Heath", "Dan")),
        ("Eric Ries", False, ("Eric Ries",)),
        ("", True, ()),
    ],
)
def test_split_authors(text: str, inverted: bool, expected: tuple[str, ...]) -> None:
    assert split_authors(text, inverted=inverted)[0] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Humble, Jez, and David Farley. _Continuous Delivery: Reliable Software Releases_.",
            "_Continuous delivery_ by David Farley & Jez Humble",
        ),
        ("**Kleon, Austin. *Show Your Work!*.** Share.", "Kleon, Austin. _Show Your Work_. 2014."),
        ("_The Manager's Path_ by Camille Fournier", "Fournier, Camille. *The Managers Path*."),
        ("_Made to Stick_ by Chip Heath & Dan Heath", "_Made to Stick_ by Chip and Dan Heath"),
    ],
)
def test_one_book_spelled_two_ways_has_one_key(a: str, b: str) -> None:
    ea, eb = parse_entry(a), parse_entry(b)
    assert ea is not None and eb is not None
    assert book_key(ea) == book_key(eb)
    assert same_book(ea, eb)


def test_different_books_are_not_merged() -> None:
    keys = {book_key(e) for row in TABLE if (e := parse_entry(row[0])) is not None}
    assert len(keys) == 20
    grant = parse_entry("Grant, Adam. _Originals_.")
    other = parse_entry("Smith, Jane. _Originals_.")
    assert grant is not None and other is not None
    assert book_key(grant) == book_key(other) and not same_book(grant, other)


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('ab Z.,:;-–—()&*_"“”[]!?019\n')) | st.characters(),
        max_size=120,
    )
)
def test_any_text_gives_an_entry_or_unparsed_and_loses_nothing(text: str) -> None:
    entry = parse_entry(text)
    if entry is not None:
        assert entry.text == text
        assert words(text) <= words(entry.words) | {"and", "by", "in"}
        assert 0 <= entry.note_start <= len(text)


PARTS = st.sampled_from(
    [
        "**",
        "*",
        "_",
        "Grant, Adam. ",
        "Heath, Chip & Dan Heath. ",
        "Give and Take",
        ": Why",
        ". ",
        "2013",
        "(",
        ")",
        " by ",
        "Eric Ries",
        " - ",
        "Note text",
        '"',
        "Quoted",
        "et al.",
        " ",
        ", and ",
        "[x](y.md)",
        "\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PARTS, max_size=14).map("".join))
def test_citation_like_text_gives_an_entry_or_unparsed(text: str) -> None:
    entry = parse_entry(text)
    if entry is not None:
        assert words(text) <= words(entry.words) | {"and", "by", "in"}


def test_find_sections_lines_labels_and_fences() -> None:
    lines = [
        "# Chapter",  # 1
        "```",
        "## Further Reading",
        "- not this one",
        "```",
        "## Further reading {#reading}",  # 6
        "",
        "This chapter draws on:",
        "",
        "**Business and Risk Analysis:**",  # 10
        "",
        "- Kotter, John P. _Leading Change_. 1996.",  # 12
        "- _Drive_ by Daniel H. Pink",
        "  continued here",
        "",
        "### A subsection",
        "- [A blog](https://example.com)",  # 17
        "## Next",
        "- not reading",
    ]
    [section] = find_sections(lines, ("Further Reading",))
    assert (section.line, section.level, section.title) == (6, 2, "Further reading")
    assert section.labels == ((10, "Business and Risk Analysis"),)
    assert [(i.line, i.text) for i in section.items] == [
        (12, "Kotter, John P. _Leading Change_. 1996."),
        (13, "_Drive_ by Daniel H. Pink\ncontinued here"),
        (17, "[A blog](https://example.com)"),
    ]
    assert [i.entry is not None for i in section.items] == [True, True, False]


def test_the_list_marker_counts_only_outside_code() -> None:
    marker = "<!-- careerkit/reading-list -->"
    assert has_marker(["# Books", "", marker], marker)
    assert not has_marker(["```markdown", marker, "```"], marker)
    assert not has_marker(["    " + marker], marker)
    assert not has_marker([f"See `{marker}`."], marker)


LINE_PARTS = st.sampled_from(
    [
        "## Further Reading",
        "# X",
        "- ",
        "* ",
        "1. ",
        "```",
        "~~~",
        "    ",
        "**Label:**",
        "",
        "_T_ by A",
        "[book:a]",
        "{#id}",
        "text",
        "  - nested",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(LINE_PARTS, max_size=3).map("".join), max_size=25))
def test_find_sections_takes_any_lines(lines: list[str]) -> None:
    for section in find_sections(lines, ("Further Reading",)):
        assert 1 <= section.line <= len(lines)
        for item in section.items:
            assert section.line < item.line <= len(lines)
            assert item.text.split("\n")[0] in lines[item.line - 1]
