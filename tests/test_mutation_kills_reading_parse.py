"""Reading sections whole: where they start and end, every item's line, text and nesting.

Written against the survivors of ``reading/parse.py`` (see tests/MUTATION.md): its section tests
compared a few items' lines and texts, so continuation lines, nested items, ``[book:id]``
items, explicit ids, indented and tilde fences and subheadings went unchecked, as did
``plain_rest``, ``has_marker`` after a fence, and the book key's leading article.
"""

from __future__ import annotations

import pytest

from mkdocs_careerkit.reading.parse import (
    Entry,
    Item,
    Section,
    book_key,
    find_sections,
    has_marker,
    heading_matches,
    normal,
    parse_entry,
    plain_rest,
    same_book,
)

NAMES = ("Further Reading",)


@pytest.fixture(autouse=True)
def _parse_afresh() -> None:
    """Parse every text anew: parse_entry remembers texts, and an entry remembered from an
    earlier test (or, under mutmut, from the run before the mutant) would hide what the parser
    does now."""
    parse_entry.cache_clear()
    normal.cache_clear()


PAGE = [
    "# Guide",
    "Intro text before any reading section.",
    "## Further Reading {#reading .wide}",
    "- [book:give-and-take] A classic.",
    "- _Drive_ by Daniel H. Pink   ",
    "lazy continuation of drive",
    "- _Deep Work_ by Cal Newport",
    "  continued",
    "",
    "  Indented after a blank.",
    "",
    "\tTabbed after a blank.",
    "    Four spaces, no blank before.",
    "- _Slow Productivity_ by Cal Newport",
    "  continued",
    "",
    "    Indented code after a blank: a nested block.",
    "- _Outer_ by A Person",
    "    - _Inner_ by B Person",
    "- [book:nested-ref]",
    "    - a sub item",
    "",
    "**Classics:**",
    "- _Made to Stick_ by Chip Heath & Dan Heath",
    "",
    "A paragraph after the list.",
    "## Further reading:",
    "  ```",
    "- inside an indented fence",
    "  ```",
    "- _Range_ by David Epstein",
    "~~~",
    "# Not a heading inside a tilde fence",
    "~~~",
    "- _Grit_ by Angela Duckworth",
    "### A subsection",
    "lazy text after the subheading",
    "# Next chapter",
    "- not reading",
]


def _at(text: str) -> int:
    return PAGE.index(text) + 1


def _item(first: str, text: str, *, nested: bool = False, ref: str = "") -> Item:
    """The item starting on the line ``- first``; a parsed entry unless nested or a reference."""
    entry = None if nested or ref else parse_entry(text)
    return Item(_at(f"- {first}"), text, entry, nested, ref)


def test_every_section_and_item_of_a_page_whole() -> None:
    assert find_sections(PAGE, NAMES) == [
        Section(
            _at("## Further Reading {#reading .wide}"),
            2,
            "Further Reading",
            (
                _item(
                    "[book:give-and-take] A classic.",
                    "[book:give-and-take] A classic.",
                    ref="give-and-take",
                ),
                # Trailing spaces dropped; an unindented line right after the item continues it.
                _item(
                    "_Drive_ by Daniel H. Pink   ",
                    "_Drive_ by Daniel H. Pink\nlazy continuation of drive",
                ),
                # After a blank line, only indented lines (spaces or a tab) continue the item; an
                # indented line without a blank before it is a continuation, not code.
                _item(
                    "_Deep Work_ by Cal Newport",
                    "_Deep Work_ by Cal Newport\ncontinued\n\nIndented after a blank.\n\n"
                    "Tabbed after a blank.\nFour spaces, no blank before.",
                ),
                # Four spaces after a blank line: a block nested in the item.
                _item(
                    "_Slow Productivity_ by Cal Newport",
                    "_Slow Productivity_ by Cal Newport\ncontinued\n\n"
                    "Indented code after a blank: a nested block.",
                    nested=True,
                ),
                # A list indented by four spaces is nested in the item.
                _item(
                    "_Outer_ by A Person",
                    "_Outer_ by A Person\n- _Inner_ by B Person",
                    nested=True,
                ),
                # A reference with a nested list is not taken as a reference.
                _item("[book:nested-ref]", "[book:nested-ref]\n- a sub item", nested=True),
                _item(
                    "_Made to Stick_ by Chip Heath & Dan Heath",
                    "_Made to Stick_ by Chip Heath & Dan Heath",
                ),
            ),
            ((_at("**Classics:**"), "Classics"),),
            "reading",
            "Further Reading {#reading .wide}",
        ),
        Section(
            _at("## Further reading:"),
            2,
            "Further reading:",
            (
                _item("_Range_ by David Epstein", "_Range_ by David Epstein"),
                # A subheading ends the item: the line after it is no continuation.
                _item("_Grit_ by Angela Duckworth", "_Grit_ by Angela Duckworth"),
            ),
            (),
            "",
            "Further reading:",
        ),
    ]


def test_the_parsed_entries_are_those_of_the_items() -> None:
    # The expectations above take entries from parse_entry; these are entries indeed, so that a
    # nested item's missing entry is a difference.
    assert parse_entry("_Outer_ by A Person\n- _Inner_ by B Person") is not None
    assert parse_entry("_Drive_ by Daniel H. Pink\nlazy continuation of drive") is not None


def test_the_list_marker_after_code_blocks() -> None:
    marker = "<!-- careerkit/reading-list -->"
    # An indented closing fence closes; what follows a closed block counts.
    assert has_marker(["  ```", marker, "  ```", marker], marker)
    assert has_marker(["~~~", "x", "~~~", "", marker], marker)
    assert not has_marker(["```", marker, "```", "text"], marker)
    assert not has_marker(["\t" + marker], marker)
    assert has_marker(["   " + marker], marker)


@pytest.mark.parametrize(
    ("heading", "names", "matches"),
    [
        ("Further Reading:", NAMES, True),
        ("further reading :", NAMES, True),
        (":Further Reading", NAMES, False),
        ("Further Reading {#id}", NAMES, True),
        # A name ending in the letter X, written in capitals.
        ("READING BOX", ("Reading Box",), True),
        ("Further", NAMES, False),
    ],
)
def test_heading_matches(heading: str, names: tuple[str, ...], matches: bool) -> None:
    assert heading_matches(heading, names) is matches


@pytest.mark.parametrize(
    ("rest", "plain"),
    [
        (" by Cal Newport. 2016.", True),
        ("", True),
        (" by A & B", True),  # an ampersand alone is text
        (" by *Cal* Newport", False),
        (" by Cal_Newport", False),
        (" [link](x)", False),
        (" <b>x</b>", False),
        (" a\\b", False),
        (" `code`", False),
        (" caf&eacute;", False),
        (" &#233;", False),
    ],
)
def test_plain_rest(rest: str, plain: bool) -> None:
    assert plain_rest(rest) is plain


def _entry(text: str) -> Entry:
    entry = parse_entry(text)
    assert entry is not None
    return entry


def test_book_key_drops_a_leading_article_only() -> None:
    assert book_key(_entry("_The Lean Startup_ by Eric Ries")) == "lean startup"
    assert book_key(_entry("_An Elegant Puzzle_ by Will Larson")) == "elegant puzzle"
    assert book_key(_entry("_Thinking in Systems_ by Donella Meadows")) == "thinking in systems"


def test_same_book_needs_the_same_key_and_a_shared_surname_or_no_authors() -> None:
    ries = _entry("_The Lean Startup_ by Eric Ries")
    assert not same_book(ries, _entry("_The Startup Way_ by Eric Ries"))
    assert not same_book(ries, _entry("_Lean Startup_ by Jane Doe"))
    anonymous = _entry("**_Lean Startup_.** A note.")
    assert anonymous.authors == ()
    # No authors on one side: the title decides, either way round.
    assert same_book(ries, anonymous) and same_book(anonymous, ries)
    assert same_book(anonymous, _entry("**_The Lean Startup_**"))


@pytest.mark.parametrize(
    ("tail", "note"),
    [
        # A note wholly in parentheses loses them, nested ones kept; otherwise it stays as
        # written.
        ("(a note (with a nested one) inside)", "a note (with a nested one) inside"),
        ("(a note).", "a note"),
        ("(one) and (two)", "(one) and (two)"),
        ("(x", "(x"),
        ("(ab", "(ab"),
    ],
)
def test_a_note_in_parentheses(tail: str, note: str) -> None:
    entry = _entry(f"_Drive_ by Daniel Pink {tail}")
    assert (entry.authors, entry.note) == (("Daniel Pink",), note)


def test_sections_of_remembers_a_pages_sections() -> None:
    from mkdocs_careerkit.reading import parse as reading_parse

    lines = ["## Further Reading", "- _Drive_ by Daniel H. Pink"]
    first = reading_parse.sections_of(lines, NAMES)
    assert first == tuple(find_sections(lines, NAMES))
    assert first[0].items[0].line == 2
    # The same lines (a tuple or a list) give the very same sections; other names, others.
    assert reading_parse.sections_of(tuple(lines), NAMES) is first
    assert reading_parse.sections_of(lines, ("Reading",)) == ()
    # Other lines are other sections.
    moved = ["", *lines]
    assert reading_parse.sections_of(moved, NAMES)[0].line == 2


def test_sections_of_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_careerkit.reading import parse as reading_parse

    full = {(str(n).encode(), NAMES): () for n in range(8192)}
    monkeypatch.setattr(reading_parse, "_SECTIONS", full)
    found = reading_parse.sections_of(["## Further Reading", "- x"], NAMES)
    assert [len(s.items) for s in found] == [1]
    assert len(full) == 1  # cleared, then this page remembered
    not_full = {(str(n).encode(), NAMES): () for n in range(8191)}
    monkeypatch.setattr(reading_parse, "_SECTIONS", not_full)
    reading_parse.sections_of(["## Further Reading", "- y"], NAMES)
    assert len(not_full) == 8192


def test_sections_of_a_page_with_undecodable_bytes() -> None:
    """A page read with surrogate escapes (bytes that are not UTF-8) is remembered too."""
    from mkdocs_careerkit.reading import parse as reading_parse

    lines = ["## Further Reading", "- caf\udce9 notes"]
    (section,) = reading_parse.sections_of(lines, NAMES)
    assert [i.text for i in section.items] == ["caf\udce9 notes"]
