"""The reading list's groups (by nav section, by "best for") and what its filter needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from mkdocs_careerkit.reading.data import BookData
from mkdocs_careerkit.reading.parse import parse_entry
from mkdocs_careerkit.reading.site import Book, Citation, by_best_for, by_section, merge
from tests.conftest import write_site


def cite(file: str, text: str, line: int = 3) -> Citation:
    entry = parse_entry(text)
    assert entry is not None, text
    return Citation(file, line, "further-reading", "Further Reading", entry)


def with_best_for(book: Book, *best_for: str) -> Book:
    data = BookData(id="x", entry=book.entry, line=1, best_for=tuple(best_for))
    return Book(book.entry, book.citations, data)


STICK = "_Made to Stick_ by Chip Heath & Dan Heath"
TOPO = "Skelton, Matthew, and Manuel Pais. _Team Topologies_. 2019."
GRIT = "_Grit_ by Angela Duckworth"
ZEN = "_Zen and the Art_ by Robert Pirsig"


def test_by_section_puts_each_book_under_its_first_page_in_nav_order() -> None:
    books = merge(
        [
            cite("lead/b.md", STICK),  # also in dev/a.md, which comes first in the nav
            cite("dev/a.md", STICK),
            cite("lead/b.md", TOPO),
            cite("home.md", GRIT),
            cite("unlisted.md", ZEN),
        ]
    )
    titles = [b.entry.title for b in books]
    assert titles == ["Grit", "Made to Stick", "Team Topologies", "Zen and the Art"]
    sections = {"home.md": "Home", "dev/a.md": "Development", "lead/b.md": "Leadership"}
    groups = by_section(books, sections, {"unlisted.md": "Not in the nav"})
    named = [(label, [titles[i] for i in members]) for label, members in groups]
    assert named == [
        ("Home", ["Grit"]),
        ("Development", ["Made to Stick"]),
        ("Leadership", ["Team Topologies"]),
        ("Not in the nav", ["Zen and the Art"]),
    ]


def test_a_top_level_page_without_a_title_yet_is_named_by_its_title() -> None:
    books = merge([cite("about.md", GRIT)])
    assert by_section(books, {"about.md": ""}, {"about.md": "About us"}) == [("About us", [0])]


def test_by_best_for_uses_the_first_and_puts_the_rest_last() -> None:
    books = merge([cite("a.md", t) for t in (STICK, TOPO, GRIT, ZEN)])
    books = [
        books[0],  # Grit: none
        with_best_for(books[1], "tech lead", "new manager"),  # Made to Stick
        with_best_for(books[2], "New manager"),  # Team Topologies
        books[3],  # Zen: none
    ]
    assert by_best_for(books) == [("New manager", [2]), ("tech lead", [1]), ("Other", [0, 3])]
    # A "best for" called Other is one group with the books that have none.
    books[1] = with_best_for(books[1], "Other")
    assert by_best_for(books) == [("New manager", [2]), ("Other", [0, 1, 3])]


PAGES = {
    "index.md": "# Home\n\n## Further Reading\n\n- _Grit_ by Angela Duckworth - On effort.\n",
    "dev/a.md": f'# A\n\n## Further Reading\n\n- {STICK} - Ideas "<that>" stick & stay.\n',
    "lead/b.md": (
        f"# B\n\n## Further Reading\n\n- {STICK} - Sticky, again.\n"
        f"- {TOPO} (Fast [flow](https://example.com/flow))\n"
    ),
}
NAV = [
    {"Home": "index.md"},
    {"Leadership": [{"B": "lead/b.md"}]},
    {"Development": [{"A": "dev/a.md"}]},
    {"Reading list": "reading-list.md"},
]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def groups(html: str) -> list[tuple[str, list[str]]]:
    page = soup(html)
    out = []
    for section in page.select(".careerkit-reading-list > section.careerkit-reading-group"):
        h2 = section.find("h2")
        assert h2 is not None
        titles = [t.get_text() for t in section.select("li.careerkit-card .careerkit-card-title")]
        out.append((h2.get_text(), titles))
    return out


def test_the_built_list_is_grouped_by_nav_section_in_nav_order(site: Any) -> None:
    built = site(PAGES, {"nav": NAV})
    assert built.error is None, built.messages()
    assert groups(built.html("reading-list.md")) == [
        ("Home", ["Grit"]),
        ("Leadership", ["Made to Stick", "Team Topologies"]),
    ]


def test_without_nav_the_sections_are_the_folders(site: Any) -> None:
    built = site(PAGES)
    assert groups(built.html("reading-list.md")) == [
        ("Home", ["Grit"]),
        ("Dev", ["Made to Stick"]),
        ("Lead", ["Team Topologies"]),
    ]


def test_group_by_none_is_one_list_and_best_for_uses_the_data_file(
    site: Any, tmp_path: Path
) -> None:
    flat = site(PAGES, {"plugins": [{"careerkit": {"reading": {"group_by": "none"}}}]})
    page = soup(flat.html("reading-list.md"))
    assert page.select(".careerkit-reading-group") == []
    assert len(page.select(".careerkit-reading-list > ul.careerkit-cards > li")) == 3
    (tmp_path / "books.yml").write_text(
        "stick:\n  title: Made to Stick\n  authors: [Chip Heath, Dan Heath]\n"
        "  best_for: [new manager]\n",
        encoding="utf-8",
    )
    reading = {"group_by": "best_for", "books": "books.yml"}
    config = {"plugins": [{"careerkit": {"reading": reading}}]}
    built = site(PAGES, config)
    assert built.error is None, built.messages()
    assert groups(built.html("reading-list.md")) == [
        ("new manager", ["Made to Stick"]),
        ("Other", ["Grit", "Team Topologies"]),
    ]


def test_bad_group_by_is_a_config_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    cfg = write_site(
        tmp_path,
        {"index.md": "# Hi\n"},
        {"plugins": [{"careerkit": {"reading": {"group_by": "chapter"}}}]},
    )
    with pytest.raises(Abort):
        load_config(str(cfg))
    assert "group_by" in caplog.text and "'chapter'" in caplog.text


def test_the_filter_script_and_notes_are_only_on_the_list_page(site: Any) -> None:
    built = site(PAGES, {"nav": NAV})
    listing = soup(built.html("reading-list.md"))
    scripts = [s["src"] for s in listing.select("script[src]") if "careerkit" in s["src"]]
    assert scripts == ["../assets/careerkit/careerkit-reading-filter.js"]
    assert (built.site_dir / "assets/careerkit/careerkit-reading-filter.js").is_file()
    for chapter in ("index.md", "dev/a.md", "lead/b.md"):
        assert "careerkit-reading-filter" not in built.html(chapter)
    # The notes the chapters wrote, as written (escaped by the attribute), for the filter.
    stick = listing.select_one("#book-made-to-stick")
    assert stick is not None
    assert stick["data-careerkit-notes"] == 'Ideas "<that>" stick & stay. Sticky, again.'
    assert 'data-careerkit-notes="Ideas &quot;<that&gt;&quot; stick &amp; stay.' in built.html(
        "reading-list.md"
    )


def test_no_list_page_means_no_filter_script(site: Any) -> None:
    built = site(PAGES, {"plugins": [{"careerkit": {"reading": {"list_page": ""}}}]})
    assert not (built.site_dir / "assets/careerkit/careerkit-reading-filter.js").exists()
    assert (built.site_dir / "assets/careerkit/careerkit-cards.css").is_file()
