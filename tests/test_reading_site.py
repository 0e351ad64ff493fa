"""Reading cards in real MkDocs builds: the seed chapter, assets, findings, control builds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from tests.conftest import EXTENSIONS, SEED, build_site, unavailable, write_site

CHAPTER = """\
---
title: Networking
---

# Networking

Intro with a [link](other.md) and *emphasis*.

- A plain list
- that is not reading

## Further Reading

This chapter draws on networking research:

**Classics:**

*   **Granovetter, Mark. *Getting a Job: A Study of Contacts and Careers*.** Classic research on weak ties.
*   Kotter, John P. _Power and Influence_. 1985. (Read with [the other page](other.md#top))
*   [A blog without an author](https://example.com)

## Cross-Reference Navigation

- [Other](other.md)
"""  # noqa: E501

# The seed chapter links to chapters these mini sites lack.
NO_XREF = {"careerkit": {"xref": {"enabled": False}}}
OTHER = "# Other\n\n## Top\n\nNo reading here. Back to [networking](index.md).\n"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_seed_chapter_renders_five_cards(site: Any) -> None:
    if not SEED.is_file():
        unavailable(f"seed chapter not found at {SEED}")
    site.expect.append(r"contains a link .*, but the target is not found")
    site.expect.append(r"\[markdown\.swallowed-list\]$")  # the seed as written: see test_lists
    built = site(
        {"index.md": SEED.read_text(encoding="utf-8")},
        {"markdown_extensions": EXTENSIONS, "plugins": [NO_XREF]},
    )
    assert built.error is None, built.messages()
    page = soup(built.html("index.md"))
    cards = page.select("ul.careerkit-cards:not(.careerkit-navcards) > li.careerkit-card")
    assert len(cards) == 5
    titles = [c.select_one(".careerkit-card-title").get_text() for c in cards]
    assert titles == [
        "Give and Take: Why Helping Others Drives Our Success",
        "Getting a Job: A Study of Contacts and Careers",
        "The Hidden Power of Social Networks",
        "Working Identity: Unconventional Strategies for Reinventing Your Career",
        "Learn to Love Networking",
    ]
    cites = [c.select_one(".careerkit-card-cite").get_text() for c in cards]
    assert cites[4].startswith("Casciaro, Tiziana, Francesca Gino, and Maryam Kouchaki.")
    whys = [c.select_one(".careerkit-card-why").get_text().strip() for c in cards]
    assert whys[1] == "Classic research on the strength of weak ties in professional networking."
    intro = page.find(string=re.compile("This chapter draws on networking"))
    assert intro is not None and intro.parent.name == "p"
    sheet = page.select('link[href$="careerkit-cards.css"]')
    assert [s["href"] for s in sheet] == ["assets/careerkit/careerkit-cards.css"]
    assert (built.site_dir / "assets/careerkit/careerkit-cards.css").is_file()
    # Every card: the citation as written, the note as "why read it", the authors as parsed
    # (the page's JSON-LD says who they are).
    assert cites == [
        "Grant, Adam. Give and Take: Why Helping Others Drives Our Success.",
        "Granovetter, Mark. Getting a Job: A Study of Contacts and Careers.",
        "Cross, Rob, and Andrew Parker. The Hidden Power of Social Networks.",
        "Ibarra, Herminia. Working Identity: Unconventional Strategies for Reinventing Your "
        "Career.",
        "Casciaro, Tiziana, Francesca Gino, and Maryam Kouchaki. Learn to Love Networking.",
    ]
    assert whys == [
        "Research on how generosity and helping others creates professional success.",
        "Classic research on the strength of weak ties in professional networking.",
        "Understanding how networks drive organizational success.",
        "Using networks to explore and develop professional identity.",
        "Harvard Business Review research on authentic networking approaches.",
    ]
    (ld,) = [json.loads(x.string or "") for x in page.select('script[type="application/ld+json"]')]
    authors = [[a["name"] for a in i["item"]["author"]] for i in ld["itemListElement"]]
    assert authors == [
        ["Adam Grant"],
        ["Mark Granovetter"],
        ["Rob Cross", "Andrew Parker"],
        ["Herminia Ibarra"],
        ["Tiziana Casciaro", "Francesca Gino", "Maryam Kouchaki"],
    ]
    assert [i["item"]["name"] for i in ld["itemListElement"]] == [
        "Give and Take",
        "Getting a Job",
        "The Hidden Power of Social Networks",
        "Working Identity",
        "Learn to Love Networking",
    ]


def test_findings_at_their_lines_and_the_stylesheet_only_where_cards_are(site: Any) -> None:
    built = site({"index.md": CHAPTER, "other.md": OTHER})
    assert built.error is None, built.messages()
    assert [m for m in built.careerkit_lines() if "[reading." in m] == [
        "index.md:20:1: '[A blog without an author](https://example.com)' is not recognised as "
        "a book or article; left as written (write it as 'Author, Name. *Title*. Year. Note' or "
        "'*Title* by Author') [reading.unparsed]"
    ]
    index = soup(built.html("index.md"))
    assert len(index.select("li.careerkit-card:not(.careerkit-navcard)")) == 2
    assert index.select_one("p.careerkit-card-group").get_text() == "Classics:"
    assert "careerkit-cards.css" not in built.html("other.md")


def test_reading_can_be_switched_off(site: Any) -> None:
    built = site(
        {"index.md": CHAPTER, "other.md": OTHER},
        # Navigation cards (the chapter has a Cross-Reference Navigation) share the stylesheet.
        {
            "plugins": [
                {"careerkit": {"reading": {"enabled": False}, "navcards": {"enabled": False}}}
            ]
        },
    )
    assert built.error is None
    assert "careerkit-card" not in built.html("index.md")
    assert not (built.site_dir / "assets/careerkit/careerkit-cards.css").exists()


def test_a_site_without_reading_lists_gets_no_stylesheet(site: Any) -> None:
    built = site({"index.md": OTHER.replace("index.md", "other.md"), "other.md": OTHER})
    assert built.error is None
    assert not (built.site_dir / "assets/careerkit/careerkit-cards.css").exists()


def test_the_extension_listed_by_the_author_keeps_its_headings(site: Any) -> None:
    config = {"markdown_extensions": [{"mkdocs_careerkit.reading": {"headings": "Books"}}]}
    built = site({"index.md": "# Home\n\n## Books\n\n- Newport, Cal. _Deep Work_. 2016.\n"}, config)
    assert built.error is None
    assert 'class="careerkit-card"' in built.html("index.md")
    assert (built.site_dir / "assets/careerkit/careerkit-cards.css").is_file()


def _main(html: str) -> BeautifulSoup:
    page = soup(html)
    main = page.select_one("[role=main]") or page.select_one("article") or page.body
    assert main is not None
    return main


def _split(main: Any) -> tuple[str, str]:
    """(everything but the reading section, the reading section) of the page's content."""
    outside: list[str] = []
    inside: list[str] = []
    in_section = False
    for el in main.children:
        name = getattr(el, "name", None)
        if name and re.fullmatch(r"h[1-6]", name):
            in_section = el.get_text(strip=True).rstrip("¶").strip() == "Further Reading"
        if name == "link" and "careerkit-cards.css" in el.get("href", ""):
            continue
        (inside if in_section else outside).append(str(el))
    return "".join(outside), "".join(inside)


def test_control_build_same_html_outside_the_section_and_every_word_inside(
    tmp_path: Path,
) -> None:
    if not SEED.is_file():
        unavailable(f"seed chapter not found at {SEED}")
    pages = {"index.md": CHAPTER, "other.md": OTHER, "seed.md": SEED.read_text("utf-8")}
    results = {}
    reading_only = {
        "careerkit": {
            "xref": {"enabled": False},
            "assessments": {"enabled": False},
            "navcards": {"enabled": False},
        }
    }
    for name, plugins in (("with", ["search", reading_only]), ("without", ["search"])):
        config = write_site(
            tmp_path / name,
            pages,
            {"plugins": plugins, "markdown_extensions": EXTENSIONS, "theme": "mkdocs"},
        )
        built = build_site(config)
        assert built.error is None, built.messages()
        results[name] = built
    for page in ("index.md", "seed.md", "other.md"):
        out_with, in_with = _split(_main(results["with"].html(page)))
        out_without, in_without = _split(_main(results["without"].html(page)))
        assert out_with == out_without, page
        section = soup(in_with)
        for also in section.select(
            ".careerkit-card-also"
        ):  # careerkit's own link, not the author's
            also.decompose()
        words_with = re.findall(r"\w+", section.get_text())
        assert words_with == re.findall(r"\w+", soup(in_without).get_text()), page
        if page != "other.md":
            assert "careerkit-card" in in_with
