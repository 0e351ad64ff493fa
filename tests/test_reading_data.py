"""The books data file: checks with file:line, matching, [book:id] cards, enrichment."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.cli import main as cli_main
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.data import load_books, match
from mkdocs_careerkit.reading.parse import parse_entry

GOOD = """\
give-and-take:
  title: "Give and Take: Why Helping Others Drives Our Success"
  authors: [Adam Grant]
  year: 2013
  publisher: Viking
  isbn: 0-670-02655-7
  url: https://example.com/give-and-take
  cover: img/give.png
  best_for: [new manager, staff engineer]
  note: Why generous people rise.
deep-work:
  title: Deep Work
  authors: Cal Newport
"""


def load(tmp_path: Path, text: str, year: int = 2026) -> tuple[dict[str, Any], list[Finding]]:
    (tmp_path / "docs" / "img").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "img" / "give.png").write_bytes(b"\x89PNG")
    path = tmp_path / "books.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8", errors="surrogateescape")
    return load_books(str(path), "../books.yml", str(tmp_path / "docs"), this_year=year)


def test_a_good_file(tmp_path: Path) -> None:
    books, found = load(tmp_path, GOOD)
    assert found == []
    give = books["give-and-take"]
    assert (give.line, give.entry.title, give.entry.subtitle) == (
        1,
        "Give and Take",
        "Why Helping Others Drives Our Success",
    )
    assert give.isbn == "9780670026555"  # ISBN-10 made ISBN-13
    assert give.best_for == ("new manager", "staff engineer")
    assert books["deep-work"].entry.authors == ("Cal Newport",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a:\n  title: A\n  isbn: 978-0-670-02655-4\n",
            (
                3,
                "reading.bad-isbn",
                "book 'a': ISBN '978-0-670-02655-4' is not valid (The "
                "number's checksum or check digit is invalid)",
            ),
        ),
        ("a:\n  title: A\n  isbn: '12345'\n", (3, "reading.bad-isbn", None)),
        ("a:\n  authors: [X]\n", (1, "reading.book-missing-title", "book 'a' has no title")),
        (
            "a:\n  title: A\n  year: 3020\n",
            (3, "reading.bad-year", "book 'a': year '3020' is not between 1450 and 2027"),
        ),
        ("a:\n  title: A\n  year: soon\n", (3, "reading.bad-year", None)),
        (
            "a:\n  title: A\n  cover: img/missing.png\n",
            (
                3,
                "reading.missing-cover",
                "book 'a': cover 'img/missing.png' is not a file in docs_dir",
            ),
        ),
        ("a:\n  title: A\n  cover: ../../etc/passwd\n", (3, "reading.missing-cover", None)),
        ("a:\n  title: A\n  isbm: 1\n", (3, "reading.bad-data-file", None)),
        ("a:\n  title: [A\n", (3, "reading.bad-data-file", None)),
        ("- a\n- b\n", (1, "reading.bad-data-file", None)),
        ("a: just a title\n", (1, "reading.bad-data-file", None)),
        ("a:\n  title: A\na:\n  title: B\n", (3, "reading.bad-data-file", None)),
        ("'bad id!':\n  title: A\n", (1, "reading.bad-data-file", None)),
        ("a:\n  title: A\n  authors: {x: 1}\n", (3, "reading.bad-data-file", None)),
        (
            "a:\n  title: A\n  url: javascript:alert(1)\n",
            (
                3,
                "reading.bad-data-file",
                "book 'a': url 'javascript:alert(1)' is not an http(s) address",
            ),
        ),
        ("a:\n  title: A\n  url: example.com/a\n", (3, "reading.bad-data-file", None)),
        (
            "a:\n  title: A\n  best_for: {manager: 1}\n",
            (
                3,
                "reading.bad-data-file",
                "book 'a': best_for must be a phrase or a list of phrases",
            ),
        ),
        (
            "a:\n  title: A\n  publisher: Caf\udce9\n",
            (3, "reading.bad-data-file", "the books file is not UTF-8 text (byte 0xe9)"),
        ),
    ],
)
def test_each_problem_is_a_finding_at_its_line(
    tmp_path: Path, text: str, expected: tuple[int, str, str | None]
) -> None:
    _, found = load(tmp_path, text)
    assert len(found) == 1, found
    f = found[0]
    assert (f.file, f.line, f.code) == ("../books.yml", expected[0], expected[1])
    if expected[2] is not None:
        assert f.message == expected[2]


def test_unreadable_file_is_a_finding(tmp_path: Path) -> None:
    books, found = load_books(str(tmp_path / "nope.yml"), "../nope.yml", str(tmp_path))
    assert books == {}
    assert [(f.code, f.severity) for f in found] == [("reading.bad-data-file", "error")]


def test_a_field_with_a_tag_safe_yaml_does_not_know_counts_as_missing(tmp_path: Path) -> None:
    books, found = load(
        tmp_path,
        """\
        good:
          title: Good
          authors: &people [Ann Author, Bo Writer]
        tagged:
          title: !python/name:os.system Tagged
          authors: *people
        """,
    )
    assert list(books) == ["good"]
    assert books["good"].entry.authors == ("Ann Author", "Bo Writer")
    assert [(f.line, f.code, f.message) for f in found] == [
        (4, "reading.book-missing-title", "book 'tagged' has no title")
    ]


def test_entries_match_by_title_and_author_in_any_spelling(tmp_path: Path) -> None:
    books, _ = load(tmp_path, GOOD)
    entry = parse_entry("_give and take_ by Adam Grant")
    other = parse_entry("_Give and Take_ by Someone Else")
    assert entry is not None and other is not None
    found = match(entry, books)
    assert found is not None and found.id == "give-and-take"
    assert match(other, books) is None


def convert(source: str, books: dict[str, Any]) -> tuple[str, list[Finding]]:
    found: list[Finding] = []
    md = markdown.Markdown(
        extensions=["toc", "mkdocs_careerkit.reading"],
        extension_configs={"mkdocs_careerkit.reading": {"reporter": found.append, "books": books}},
    )
    return md.convert(textwrap.dedent(source).strip("\n")), found


def test_book_ids_become_cards_and_unknown_ids_are_errors(tmp_path: Path) -> None:
    books, _ = load(tmp_path, GOOD)
    html, found = convert(
        """
        ## Further Reading

        - [book:give-and-take] Read the *first* chapter twice.
        - [book:deep-work]
        - [book:deep-wrok]
        """,
        {k: b.entry for k, b in books.items()},
    )
    assert (
        '<li class="careerkit-card" data-careerkit-book="give and take" '
        'data-careerkit-kind="book"><span class="careerkit-card-cite"><cite '
        'class="careerkit-card-title">Give and Take<span class="careerkit-card-subtitle">: Why '
        "Helping Others Drives Our Success</span></cite> — Adam Grant, 2013</span>"
        '<span class="careerkit-card-why"> Read the <em>first</em> chapter twice.</span></li>'
    ) in html
    assert (
        '<span class="careerkit-card-cite"><cite class="careerkit-card-title">Deep Work</cite> '
        "— Cal Newport</span></li>"
    ) in html
    assert "<li>[book:deep-wrok]</li>" in html
    assert [(f.line, f.code, f.severity, f.suggestion) for f in found] == [
        (5, "reading.unknown-book", "error", "did you mean '[book:deep-work]'?")
    ]


PAGES = {
    "index.md": "# Home\n",
    "guide/a.md": """\
        # A

        ## Further Reading

        - _Give and Take_ by Adam Grant - Generosity.
        - [book:deep-work] Focus.
        """,
    "img/give.png": b"\x89PNG",
}


def test_data_enriches_the_list_exports_and_json_ld(site: Any, tmp_path: Path) -> None:
    (tmp_path / "books.yml").write_text(GOOD, encoding="utf-8")
    built = site(PAGES, {"plugins": [{"careerkit": {"reading": {"books": "books.yml"}}}]})
    assert built.error is None, built.messages()
    page = BeautifulSoup(built.html("reading-list.md"), "html.parser")
    cards = page.select(".careerkit-reading-list li.careerkit-card")
    assert [c.select_one("cite").get_text() for c in cards] == [
        "Deep Work",
        "Give and Take: Why Helping Others Drives Our Success",
    ]
    give = cards[1]
    assert give.select_one(".careerkit-card-facts").get_text() == "Viking · ISBN 9780670026555"
    assert [c.get_text() for c in give.select(".careerkit-chip")] == [
        "new manager",
        "staff engineer",
    ]
    img = give.select_one("img.careerkit-card-cover")
    assert img is not None and img["src"] == "../img/give.png"
    assert img["alt"] == "Cover of Give and Take"
    data = json.loads((built.site_dir / "reading-list.json").read_text("utf-8"))
    assert data["books"][1]["isbn"] == "9780670026555"
    [ld] = BeautifulSoup(built.html("guide/a.md"), "html.parser").select(
        'script[type="application/ld+json"]'
    )
    items = [i["item"] for i in json.loads(ld.string or "")["itemListElement"]]
    assert items[0]["isbn"] == "9780670026555"
    assert items[1]["name"] == "Deep Work"


def test_bad_data_fails_the_build_with_locations_and_check_agrees(
    site: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.expect += [r"reading\.", r"careerkit: \d+ error"]
    (tmp_path / "books.yml").write_text(
        "deep-work:\n  title: Deep Work\n  isbn: 978-0-670-02655-4\n", encoding="utf-8"
    )
    pages = {**PAGES, "guide/b.md": "# B\n\n## Further Reading\n\n- [book:nope]\n"}
    config = {"plugins": [{"careerkit": {"reading": {"books": "books.yml"}}}]}
    built = site(pages, config)
    assert built.error is not None
    lines = [line for line in built.careerkit_lines() if "[reading." in line]
    assert any(line.startswith("../books.yml:3:1: book 'deep-work': ISBN") for line in lines)
    assert (
        "guide/b.md:5:1: '[book:nope]' names no book of the books data file (add it to the "
        "file named by the 'reading: books:' option) [reading.unknown-book]" in lines
    )
    code = cli_main(["check", "-f", str(built.config_file), "--format", "text"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[reading.bad-isbn]" in out and "guide/b.md:5:1:" in out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a:",
                "\n",
                "  ",
                "title: ",
                "isbn: ",
                "year: ",
                "cover: ",
                "authors: ",
                "[",
                "]",
                "{",
                "}",
                "- ",
                "9780670026555",
                "0",
                "x",
                "'",
                '"',
                ":",
                "best_for: ",
                "&a",
                "*a",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_any_data_file_gives_books_or_findings_never_an_exception(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "books.yml"
        path.write_text(text, encoding="utf-8")
        books, found = load_books(str(path), "books.yml", tmp)
    assert all(f.code.startswith("reading.") for f in found)
    assert all(b.entry.title for b in books.values())
