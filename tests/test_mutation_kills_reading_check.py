"""Reading-list findings from the models alone, whole (position, severity, message, suggestion).

``reading/check.py`` was tested only through site builds (tests/test_reading_list.py); these
pure tests are what its mutation run uses first, and they pin what a reader of the report sees.
"""

from __future__ import annotations

from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.check import (
    UNPARSED_HINT,
    check_sources,
    check_spellings,
    short,
    unparsed_message,
)
from mkdocs_careerkit.reading.parse import find_sections
from mkdocs_careerkit.reading.site import citations, merge

NAMES = ("Further Reading",)
CARNEGIE = "- Carnegie, Dale. *How to Win Friends and Influence People*. 1936. Classic."
PAGES = {
    "a.md": [
        "# A",
        "",
        "## Further Reading",
        "",
        CARNEGIE,
        "- just some words here",
        "- [book:deep-wrok]",
        "- [book:known]",
        "",
    ],
    "c.md": ["# C", "", "## Further Reading", "", CARNEGIE, ""],
    "b.md": [
        "# B",
        "",
        "## Further Reading",
        "",
        "- *How to Win Friends & Influence People* by Dale Carnegie",
        "- " + "x" * 70,
        "",
    ],
}
SOURCES = {src: find_sections(lines, NAMES) for src, lines in PAGES.items()}


def test_unknown_books_then_unparsed_items() -> None:
    assert check_sources(SOURCES, {"deep-work", "known"}) == [
        Finding(
            "a.md",
            7,
            1,
            "reading.unknown-book",
            "error",
            "'[book:deep-wrok]' names no book of the books data file",
            "did you mean '[book:deep-work]'?",
        ),
        Finding(
            "a.md",
            6,
            1,
            "reading.unparsed",
            "info",
            "'just some words here' is not recognised as a book or article; left as written",
            UNPARSED_HINT,
        ),
        Finding(
            "b.md",
            6,
            1,
            "reading.unparsed",
            "info",
            "'" + "x" * 59 + "…' is not recognised as a book or article; left as written",
            UNPARSED_HINT,
        ),
    ]
    assert UNPARSED_HINT == "write it as 'Author, Name. *Title*. Year. Note' or '*Title* by Author'"


def test_without_a_books_file_every_reference_is_unknown() -> None:
    found = [f for f in check_sources(SOURCES) if f.code == "reading.unknown-book"]
    hint = "add it to the file named by the 'reading: books:' option"
    assert [(f.line, f.message, f.suggestion) for f in found] == [
        (7, "'[book:deep-wrok]' names no book of the books data file", hint),
        (8, "'[book:known]' names no book of the books data file", hint),
    ]


def test_each_other_spelling_is_reported_where_it_is_not_where_it_agrees() -> None:
    books = merge(citations(SOURCES, {}))
    assert check_spellings(books) == [
        Finding(
            "b.md",
            5,
            1,
            "reading.spelled-differently",
            "warn",
            "'How to Win Friends & Influence People by Dale Carnegie' is the book written "
            "'How to Win Friends and Influence People by Dale Carnegie' at a.md:5",
            "write it the same way in both places",
        )
    ]


def test_short_and_the_first_line_of_an_item() -> None:
    assert short("x" * 60) == "x" * 60
    assert short("x" * 61) == "x" * 59 + "…"
    assert short("abcdef", 4) == "abc…"
    assert unparsed_message("first line\nsecond") == (
        "'first line' is not recognised as a book or article; left as written"
    )
    assert unparsed_message("") == "'' is not recognised as a book or article; left as written"
