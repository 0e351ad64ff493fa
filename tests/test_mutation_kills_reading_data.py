"""The books data file, finding by finding and field by field.

Written against the survivors of ``reading/data.py`` (see tests/MUTATION.md): its tests compared
codes and lines, so every message and suggestion, and most fields of a valid book (URL, note,
publisher, the entry's style and text), went unchecked.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.data import BookData, load_books

BOOKS = """\
good:
  title: "Give and Take: A Revolutionary Approach"
  authors: [Adam Grant]
  year: 2013
  publisher: Viking
  isbn: 978-0-670-02655-5
  url: https://example.com/give
  cover: covers/give.png
  best_for: new manager
  note: Read first.
bad id!: {title: X}
notmap: just text
unknown: {title: T, colour: red}
badauthors: {title: T, authors: {a: 1}}
badyear: {title: T, year: 1200}
badisbn: {title: T, isbn: "123"}
badcover: {title: T, cover: ../outside.png}
good: {title: Again}
"""
FIELDS = "title, authors, year, publisher, isbn, url, cover, best_for, note"


def _load(tmp_path: Path, text: str) -> tuple[dict[str, BookData], list[Finding]]:
    (tmp_path / "docs" / "covers").mkdir(parents=True)
    (tmp_path / "docs" / "covers" / "give.png").write_bytes(b"")
    path = tmp_path / "books.yml"
    path.write_text(text, encoding="utf-8")
    return load_books(str(path), "../books.yml", str(tmp_path / "docs"), this_year=2026)


def test_every_problem_is_a_whole_finding(tmp_path: Path) -> None:
    _, found = _load(tmp_path, BOOKS)

    def f(line: int, code: str, message: str, suggestion: str = "") -> Finding:
        return Finding("../books.yml", line, 1, code, "error", message, suggestion)

    assert found == [
        f(
            11,
            "reading.bad-data-file",
            "'bad id!' is not a book id (letters, digits, '-', '_', '.')",
        ),
        f(12, "reading.bad-data-file", "book 'notmap' must be a mapping of fields"),
        f(
            13,
            "reading.bad-data-file",
            "book 'unknown' has an unknown field 'colour'",
            f"known fields: {FIELDS}",
        ),
        f(
            14,
            "reading.bad-data-file",
            "book 'badauthors': authors must be a name or a list of names",
        ),
        f(15, "reading.bad-year", "book 'badyear': year '1200' is not between 1450 and 2027"),
        f(
            16,
            "reading.bad-isbn",
            "book 'badisbn': ISBN '123' is not valid (The number has an invalid length)",
            "copy the ISBN from the book's imprint page",
        ),
        f(
            17,
            "reading.missing-cover",
            "book 'badcover': cover '../outside.png' is not a file in docs_dir",
            "give the image's path relative to docs_dir; images are never downloaded",
        ),
        f(18, "reading.bad-data-file", "book id 'good' is used twice"),
    ]


def test_a_valid_book_keeps_every_field(tmp_path: Path) -> None:
    books, _ = _load(tmp_path, BOOKS)
    good = books["good"]
    assert (good.line, good.publisher, good.isbn, good.url, good.cover) == (
        1,
        "Viking",
        "9780670026555",
        "https://example.com/give",
        "covers/give.png",
    )
    assert (good.best_for, good.note) == (("new manager",), "Read first.")
    e = good.entry
    assert (e.title, e.subtitle, e.authors, e.et_al, e.year, e.style, e.kind) == (
        "Give and Take",
        "A Revolutionary Approach",
        ("Adam Grant",),
        False,
        2013,
        "data",
        "book",
    )
    assert (e.text, e.note, e.note_start, e.details, e.rest, e.venue) == (
        "Give and Take: A Revolutionary Approach",
        "Read first.",
        39,
        "",
        "",
        "",
    )


def test_a_file_that_is_no_mapping_or_no_yaml_or_missing(tmp_path: Path) -> None:
    for name, text, line, message in [
        (
            "list.yml",
            "- a\n- b\n",
            1,
            "the books file must map ids to books ('give-and-take: {title: …}')",
        ),
        (
            "broken.yml",
            "a: [\n",
            2,
            "the books file is not valid YAML: expected the node content, but found '<stream end>'",
        ),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_books(str(path), name, str(tmp_path)) == (
            {},
            [Finding(name, line, 1, "reading.bad-data-file", "error", message, "")],
        )
    books, [missing] = load_books(str(tmp_path / "nope.yml"), "nope.yml", str(tmp_path))
    assert books == {}
    assert (missing.file, missing.line, missing.code, missing.suggestion) == (
        "nope.yml",
        0,
        "reading.bad-data-file",
        "",
    )
    assert missing.message.startswith("cannot read the books file: [Errno 2] No such file")
