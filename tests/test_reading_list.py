"""The guide's reading list: merging spellings, the generated page, exports, JSON-LD, check."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string as parse_bibtex

from mkdocs_careerkit.cli import main as cli_main
from mkdocs_careerkit.reading.check import check_spellings
from mkdocs_careerkit.reading.parse import parse_entry
from mkdocs_careerkit.reading.site import Citation, export_bibtex, export_csv, json_ld, merge
from tests.conftest import write_site


def cite(file: str, line: int, text: str) -> Citation:
    entry = parse_entry(text)
    assert entry is not None, text
    return Citation(file, line, "further-reading", "Further Reading", entry)


CD_SHORT = "**Humble, Jez, and David Farley. *Continuous Delivery*.** Pipelines."
CD_LONG = (
    "Farley, David & Jez Humble. _Continuous Delivery: Reliable Software Releases through "
    "Build, Test, and Deployment Automation_. 2010."
)


def test_one_book_spelled_two_ways_is_one_book_and_one_warning() -> None:
    books = merge(
        [
            cite("a.md", 10, CD_SHORT),
            cite("b.md", 20, CD_LONG),
            cite("c.md", 5, "_Continuous Delivery_ by Jez Humble and David Farley"),
            cite("c.md", 6, "_Made to Stick_ by Chip Heath & Dan Heath"),
        ]
    )
    assert [b.entry.title for b in books] == ["Continuous Delivery", "Made to Stick"]
    assert books[0].pages == ("a.md", "b.md", "c.md")
    assert books[0].entry.subtitle.startswith("Reliable Software")  # the fullest spelling
    found = check_spellings(books)
    assert [(f.file, f.line, f.code, f.severity) for f in found] == [
        ("b.md", 20, "reading.spelled-differently", "warn"),
    ]
    assert found[0].message == (
        "'Continuous Delivery: Reliable Software Releases through Build, Test, and Deployment "
        "Automation by David Farley, Jez Humble' is the book written 'Continuous Delivery by "
        "Jez Humble, David Farley' at a.md:10"
    )


def test_same_title_other_author_is_another_book() -> None:
    books = merge(
        [cite("a.md", 1, "Grant, Adam. _Originals_."), cite("b.md", 1, "Smith, Jo. _Originals_.")]
    )
    assert len(books) == 2
    assert check_spellings(books) == []


def test_csv_cells_never_start_a_formula_and_json_ld_cannot_close_its_script() -> None:
    books = merge([cite("a.md", 1, "Grant, Adam. _=HYPERLINK(1) </script><b> & more_. 2013.")])
    rows = list(csv.DictReader(io.StringIO(export_csv(books, {"a.md": "a/"}))))
    assert rows[0]["title"] == "'=HYPERLINK(1) </script><b> & more"
    text = json_ld([b.entry for b in books])
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["itemListElement"][0]["item"]["name"] == "=HYPERLINK(1) </script><b> & more"


def test_bibtex_export_parses_with_pybtex() -> None:
    books = merge(
        [
            cite("a.md", 1, CD_LONG),
            cite(
                "a.md",
                2,
                "Brown, Peter C., Henry L. Roediger III, and Mark A. McDaniel. "
                "*Make It Stick*. 2014.",
            ),
            cite("a.md", 3, "Forsgren, Nicole, et al. _Accelerate_. 2018."),
            cite("a.md", 4, "Grant, Adam. _Odd {braces} \\ 50% & $cost #1_. 2013."),
            cite("a.md", 5, "Grant, Adam. _Odd Braces Again_. 2013."),
            cite("b.md", 1, 'Conway, Melvin E. "How Do Committees Invent?" _Datamation_ (1968).'),
        ]
    )
    data = parse_bibtex(export_bibtex(books), "bibtex")
    entries = data.entries
    assert sorted(entries) == [
        "brown2014make",
        "conway1968how",
        "farley2010continuous",
        "forsgren2018accelerate",
        "grant2013odd",
        "grant2013odda",
    ]
    assert entries["conway1968how"].type == "article"
    assert entries["conway1968how"].fields["journal"] == "Datamation"
    assert entries["farley2010continuous"].type == "book"
    assert [str(p) for p in entries["brown2014make"].persons["author"]] == [
        "Brown, Peter C.",
        "Roediger, III, Henry L.",
        "McDaniel, Mark A.",
    ]
    assert [str(p) for p in entries["forsgren2018accelerate"].persons["author"]][-1] == "others"
    assert "50" in entries["grant2013odd"].fields["title"]


def test_json_ld_uses_schema_org_types() -> None:
    entries = [
        parse_entry(CD_LONG),
        parse_entry('Conway, Melvin E. "How Do Committees Invent?" _Datamation_ 14 (1968).'),
    ]
    data = json.loads(json_ld([e for e in entries if e is not None], name="Further Reading"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ItemList"
    book, article = (i["item"] for i in data["itemListElement"])
    assert book["@type"] == "Book"
    assert book["author"] == [
        {"@type": "Person", "name": "David Farley"},
        {"@type": "Person", "name": "Jez Humble"},
    ]
    assert book["datePublished"] == "2010"
    assert article["@type"] == "ScholarlyArticle"
    assert article["isPartOf"] == {"@type": "Periodical", "name": "Datamation"}


PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "guide/delivery.md": f"""\
        ---
        title: Delivery
        ---

        # Shipping software

        ## Further Reading

        * {CD_SHORT}
        * _Made to Stick_ by Chip Heath & Dan Heath
        """,
    "guide/teams.md": f"""\
        # Teams

        ## Further Reading {{#books}}

        - {CD_LONG}
        - Grant, Adam. _A </script><b>bold</b> title_. 2013.
        """,
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_generated_reading_list_with_back_links_exports_and_one_warning(site: Any) -> None:
    site.expect.append(r"reading\.spelled-differently")
    built = site(PAGES, {"markdown_extensions": ["attr_list", "toc"]})
    assert built.error is None, built.messages()
    assert built.careerkit_lines(level=30) == [
        "guide/teams.md:5:1: 'Continuous Delivery: Reliable Software Releases through Build, "
        "Test, and Deployment Automation by David Farley, Jez Humble' is the book written "
        "'Continuous Delivery by Jez Humble, David Farley' at guide/delivery.md:9 (write it the "
        "same way in both places) [reading.spelled-differently]",
    ]
    page = soup(built.html("reading-list.md"))
    assert page.title is not None and page.title.get_text().startswith("Reading list")
    cards = page.select(".careerkit-reading-list li.careerkit-card")
    # Sorted by title, a leading article ignored.
    assert [c.select_one(".careerkit-card-title").get_text() for c in cards] == [
        "Continuous Delivery: Reliable Software Releases through Build, Test, and Deployment "
        "Automation",
        "Made to Stick",
        "A </script><b>bold</b> title",
    ]
    links = [(a.get_text(), a["href"]) for a in cards[0].select(".careerkit-card-why a")]
    assert links == [
        ("Delivery", "../guide/delivery/#further-reading"),
        ("Teams", "../guide/teams/#books"),
    ]
    assert "(2 pages)" in cards[0].get_text()
    # Every back-link lands on a real heading.
    for _, href in links:
        target, anchor = href.split("#")
        assert f'id="{anchor}"' in built.html(target.replace("../", "").rstrip("/") + ".md")
    downloads = {a.get_text(): a["href"] for a in page.select(".careerkit-reading-count a")}
    assert downloads == {
        "JSON": "../reading-list.json",
        "CSV": "../reading-list.csv",
        "BibTeX": "../reading-list.bib",
    }
    bib = parse_bibtex((built.site_dir / "reading-list.bib").read_text("utf-8"), "bibtex")
    assert sorted(bib.entries) == ["farley2010continuous", "grant2013script", "heathmade"]
    data = json.loads((built.site_dir / "reading-list.json").read_text("utf-8"))
    assert [b["title"] for b in data["books"]] == [
        "Continuous Delivery",
        "Made to Stick",
        "A </script><b>bold</b> title",
    ]
    assert data["books"][0]["recommended_in"][1] == {
        "page": "guide/teams.md",
        "title": "Teams",
        "url": "guide/teams/#books",
        "line": 5,
    }
    rows = list(csv.DictReader(io.StringIO((built.site_dir / "reading-list.csv").read_text())))
    assert [r["chapters"] for r in rows] == ["2", "1", "1"]
    ld = [json.loads(s.string or "") for s in page.select('script[type="application/ld+json"]')]
    assert [len(x["itemListElement"]) for x in ld] == [3]
    assert "<b>bold</b>" not in built.html("reading-list.md").split("</title>")[1]


def test_chapter_pages_carry_json_ld_for_their_cards(site: Any) -> None:
    site.expect.append(r"reading\.spelled-differently")
    built = site(PAGES)
    html = built.html("guide/delivery.md")
    [script] = soup(html).select('script[type="application/ld+json"]')
    data = json.loads(script.string or "")
    assert [i["item"]["name"] for i in data["itemListElement"]] == [
        "Continuous Delivery",
        "Made to Stick",
    ]
    assert "application/ld+json" not in built.html("index.md")


def test_a_page_with_the_marker_holds_the_list_instead(site: Any) -> None:
    site.expect.append(r"reading\.spelled-differently")
    pages = {
        **PAGES,
        "books.md": "# Our books\n\nAll of them:\n\n<!-- careerkit/reading-list -->\n\nThe end.\n",
    }
    built = site(pages)
    assert built.error is None
    assert not (built.site_dir / "reading-list").exists()
    page = soup(built.html("books.md"))
    text = page.get_text()
    assert text.index("All of them") < text.index("Made to Stick") < text.index("The end.")
    assert (built.site_dir / "books.json").is_file()


def test_the_list_page_can_be_moved_renamed_or_switched_off(site: Any, tmp_path: Path) -> None:
    site.expect.append(r"reading\.spelled-differently")
    built = site(
        PAGES,
        {
            "plugins": [
                {
                    "careerkit": {
                        "reading": {
                            "list_page": "guide/books.md",
                            "list_title": "Books & <more>",
                            "exports": False,
                        }
                    }
                }
            ]
        },
    )
    page = soup(built.html("guide/books.md"))
    assert page.select_one("h1").get_text().rstrip("¶") == "Books & <more>"
    assert not (built.site_dir / "guide/books.json").exists()
    assert page.select(".careerkit-reading-count a") == []
    off = site(PAGES, {"plugins": [{"careerkit": {"reading": {"list_page": ""}}}]})
    assert not (off.site_dir / "reading-list").exists()
    assert not (off.site_dir / "reading-list.json").exists()


def test_bad_list_page_option_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    cfg = write_site(
        tmp_path,
        {"index.md": "# Hi\n"},
        {"plugins": [{"careerkit": {"reading": {"list_page": "../books"}}}]},
    )
    with pytest.raises(Abort):
        load_config(str(cfg))
    assert "is not a page path inside docs_dir ending in .md" in caplog.text


def test_careerkit_check_reports_the_same_spelling_and_unparsed_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = {
        **PAGES,
        "guide/more.md": "# More\n\n## Further Reading\n\n- [A blog](https://example.com)\n",
    }
    config = write_site(tmp_path, pages)
    code = cli_main(["check", "-f", str(config), "--format", "text"])
    out = capsys.readouterr().out
    assert code == 0
    assert re.search(r"guide/teams\.md:5:\d+: .*\[reading\.spelled-differently\]", out), out
    assert "guide/more.md:5:1: '[A blog](https://example.com)' is not recognised" in out
    assert "[reading.unparsed]" in out


def test_a_page_of_your_own_at_the_list_path_gets_the_list_at_its_end(site: Any) -> None:
    site.expect.append(r"reading\.spelled-differently")
    built = site({**PAGES, "reading-list.md": "# Books we like\n\nHand-written intro.\n"})
    text = soup(built.html("reading-list.md")).get_text()
    assert text.index("Hand-written intro.") < text.index("Made to Stick")


def test_chapter_cards_link_to_the_book_on_the_list_when_other_pages_cite_it(site: Any) -> None:
    site.expect.append(r"reading\.spelled-differently")
    built = site(PAGES, {"markdown_extensions": ["attr_list", "toc"]})
    page = soup(built.html("guide/delivery.md"))
    cards = page.select("li.careerkit-card")
    also = [c.select_one(".careerkit-card-also a") for c in cards]
    assert also[1] is None  # Made to Stick: only this page
    assert also[0] is not None
    assert also[0].get_text() == "Also recommended in 1 other page"
    assert also[0]["href"] == "../../reading-list/#book-continuous-delivery"
    listing = soup(built.html("reading-list.md"))
    assert listing.select_one("#book-continuous-delivery") is not None
    assert listing.select(".careerkit-card-also") == []  # not on the list itself


def test_search_indexes_the_cards_but_not_the_also_recommended_links(site: Any) -> None:
    # careerkit's own words, the same on every card: put in after the search plugin read the
    # page (even with careerkit before search in `plugins`), or a search for "recommended"
    # would list every chapter.
    site.expect.append(r"reading\.spelled-differently")
    built = site(PAGES, {"plugins": ["careerkit", "search"]})
    assert soup(built.html("guide/delivery.md")).select(".careerkit-card-also a")
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert "Continuous Delivery" in text
    assert "Also recommended" not in text
    assert "careerkit:also" not in text
