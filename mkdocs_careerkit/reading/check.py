"""Findings about reading lists, from the models alone. Imports nothing from MkDocs."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping, Sequence

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.parse import Section
from mkdocs_careerkit.reading.site import Book, spelling

UNPARSED_HINT = "write it as 'Author, Name. *Title*. Year. Note' or '*Title* by Author'"


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unparsed_message(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    return f"'{short(first)}' is not recognised as a book or article; left as written"


def check_spellings(books: Iterable[Book]) -> list[Finding]:
    """A ``warn`` finding at each place that spells a book differently from its first mention,
    naming both places and both spellings."""
    out = []
    for book in books:
        first = book.citations[0]
        for c in book.citations[1:]:
            if spelling(c.entry) == spelling(first.entry):
                continue
            out.append(
                Finding(
                    c.file,
                    c.line,
                    1,
                    "reading.spelled-differently",
                    default_severity("reading.spelled-differently"),
                    f"'{short(spelling(c.entry), 160)}' is the book written "
                    f"'{short(spelling(first.entry), 160)}' at {first.file}:{first.line}",
                    "write it the same way in both places",
                )
            )
    return out


def unknown_book(file: str, line: int, ref: str, known: Collection[str]) -> Finding:
    """``[book:id]`` whose id the data file lacks."""
    hint = difflib.get_close_matches(ref, sorted(known), n=1)
    return Finding(
        file,
        line,
        1,
        "reading.unknown-book",
        default_severity("reading.unknown-book"),
        f"'[book:{ref}]' names no book of the books data file",
        f"did you mean '[book:{hint[0]}]'?"
        if hint
        else "add it to the file named by the 'reading: books:' option",
    )


def check_sources(
    sources: Mapping[str, Sequence[Section]], known: Collection[str] = ()
) -> list[Finding]:
    """What ``careerkit check`` reports without rendering: each item that does not parse, each
    ``[book:id]`` the data file lacks."""
    unknown = [
        unknown_book(src, item.line, item.ref, known)
        for src, sections in sources.items()
        for s in sections
        for item in s.items
        if item.ref and item.ref not in known
    ]
    return unknown + [
        Finding(
            src,
            item.line,
            1,
            "reading.unparsed",
            default_severity("reading.unparsed"),
            unparsed_message(item.text),
            UNPARSED_HINT,
        )
        for src, sections in sources.items()
        for s in sections
        for item in s.items
        if item.entry is None and not item.ref
    ]
