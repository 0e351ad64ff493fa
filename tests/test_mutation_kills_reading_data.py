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


# Each bad book written over several lines, the bad field not on the book's own line, so that a
# finding's line is the field's (the one-line books above cannot tell the two apart).
SPREAD = """\
early:
  colour: red
  title: Early
  year: 1450
late:
  title: Late
  year: 2027
  isbn: 0-670-02655-7
  cover: covers/../covers/give.png
  url: https://example.com/late
wrongauthors:
  title: Wrong Authors
  authors:
    - 1
wrongyear:
  title: Wrong Year
  year: 1449
toolate:
  title: Too Late
  year: 2028
wrongisbn:
  title: Wrong ISBN
  isbn: "123"
outside:
  title: Outside
  cover: ../outside.png
wrongbestfor:
  title: Wrong Best For
  best_for: {a: b}
wrongurl:
  title: Wrong URL
  url: javascript:alert(1)
untitled:
  authors: Somebody
  title: "  "
early: {title: Early again}
after:
  title: After
"""


def _spread(tmp_path: Path) -> tuple[dict[str, BookData], list[Finding]]:
    # A file outside docs_dir that exists: only the '..' rule keeps it out.
    (tmp_path / "outside.png").write_bytes(b"")
    return _load(tmp_path, SPREAD)


def test_a_problem_is_reported_at_its_fields_line(tmp_path: Path) -> None:
    _, found = _spread(tmp_path)
    lines = SPREAD.splitlines()

    def at(text: str) -> int:
        return lines.index(text) + 1

    def f(line: int, code: str, message: str, suggestion: str = "") -> Finding:
        return Finding("../books.yml", line, 1, code, "error", message, suggestion)

    assert found == [
        f(
            at("  colour: red"),
            "reading.bad-data-file",
            "book 'early' has an unknown field 'colour'",
            f"known fields: {FIELDS}",
        ),
        f(
            at("  cover: covers/../covers/give.png"),
            "reading.missing-cover",
            "book 'late': cover 'covers/../covers/give.png' is not a file in docs_dir",
            "give the image's path relative to docs_dir; images are never downloaded",
        ),
        f(
            at("  authors:"),
            "reading.bad-data-file",
            "book 'wrongauthors': authors must be a name or a list of names",
        ),
        f(
            at("  year: 1449"),
            "reading.bad-year",
            "book 'wrongyear': year '1449' is not between 1450 and 2027",
        ),
        f(
            at("  year: 2028"),
            "reading.bad-year",
            "book 'toolate': year '2028' is not between 1450 and 2027",
        ),
        f(
            at('  isbn: "123"'),
            "reading.bad-isbn",
            "book 'wrongisbn': ISBN '123' is not valid (The number has an invalid length)",
            "copy the ISBN from the book's imprint page",
        ),
        f(
            at("  cover: ../outside.png"),
            "reading.missing-cover",
            "book 'outside': cover '../outside.png' is not a file in docs_dir",
            "give the image's path relative to docs_dir; images are never downloaded",
        ),
        f(
            at("  best_for: {a: b}"),
            "reading.bad-data-file",
            "book 'wrongbestfor': best_for must be a phrase or a list of phrases",
        ),
        f(
            at("  url: javascript:alert(1)"),
            "reading.bad-data-file",
            "book 'wrongurl': url 'javascript:alert(1)' is not an http(s) address",
            "write the whole address, starting with https://",
        ),
        # A missing or blank title is reported at the book's own line.
        f(at("untitled:"), "reading.book-missing-title", "book 'untitled' has no title"),
        f(
            at("early: {title: Early again}"),
            "reading.bad-data-file",
            "book id 'early' is used twice",
        ),
    ]


def test_books_with_an_error_are_left_out_and_a_bad_cover_is_dropped(tmp_path: Path) -> None:
    books, _ = _spread(tmp_path)
    # An unknown field and a missing cover are reported, but the book stays (without the cover);
    # a missing title, a bad author, year, ISBN, best_for or URL leaves the book out.
    assert sorted(books) == ["after", "early", "late", "outside"]
    assert books["early"].entry.year == 1450  # the first printed year is allowed
    late = books["late"]
    # Next year is allowed; a cover path that climbs out and back in is refused all the same.
    assert (late.entry.year, late.isbn, late.cover, late.url) == (
        2027,
        "9780670026555",
        "",
        "https://example.com/late",
    )
    assert books["outside"].cover == ""


def test_a_book_with_only_a_title_has_empty_defaults(tmp_path: Path) -> None:
    books, _ = _spread(tmp_path)
    after = books["after"]
    assert (after.id, after.line) == ("after", SPREAD.splitlines().index("after:") + 1)
    assert (after.publisher, after.isbn, after.url, after.cover, after.best_for, after.note) == (
        "",
        "",
        "",
        "",
        (),
        "",
    )
    e = after.entry
    assert (e.text, e.title, e.subtitle, e.authors, e.year, e.note, e.note_start) == (
        "After",
        "After",
        "",
        (),
        None,
        "",
        len("After"),
    )


def test_a_file_saved_with_a_byte_order_mark_reads_as_without(tmp_path: Path) -> None:
    path = tmp_path / "bom.yml"
    path.write_bytes("\ufeffdeep-work:\n  title: Deep Work\n".encode())
    books, found = load_books(str(path), "bom.yml", str(tmp_path))
    assert found == []
    assert list(books) == ["deep-work"]
    assert books["deep-work"].entry.title == "Deep Work"


def test_a_file_that_is_not_utf8_or_holds_a_control_character(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yml"
    latin.write_bytes(b"a:\n  title: Caf\xe9\n")
    assert load_books(str(latin), "latin.yml", str(tmp_path)) == (
        {},
        [
            Finding(
                "latin.yml",
                2,
                1,
                "reading.bad-data-file",
                "error",
                "the books file is not UTF-8 text (byte 0xe9)",
                "save the file as UTF-8",
            )
        ],
    )
    # PyYAML's reader errors carry no line mark: the finding is for the file (line 0) and quotes
    # the whole error.
    bell = tmp_path / "bell.yml"
    bell.write_bytes(b"a: \x07\n")
    assert load_books(str(bell), "bell.yml", str(tmp_path)) == (
        {},
        [
            Finding(
                "bell.yml",
                0,
                1,
                "reading.bad-data-file",
                "error",
                "the books file is not valid YAML: unacceptable character #x0007: special "
                'characters are not allowed\n  in "<unicode string>", position 3',
                "",
            )
        ],
    )
