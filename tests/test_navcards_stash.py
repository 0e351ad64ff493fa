"""What navigation cards report quotes the author's text, never Python-Markdown's placeholders.

Python-Markdown keeps inline raw HTML and entities out of the tree until the very end: in the
tree the cards are made from, ``<b>`` or ``&amp;`` is a placeholder (``\\x02wzxhzdk:0\\x03``).
"""

from __future__ import annotations

from pathlib import Path

import markdown

from mkdocs_careerkit.navcards.enhance import Card, Section
from mkdocs_careerkit.navcards.extension import NavCardsExtension
from tests.conftest import build_site, write_site

NAV = "## Cross-Reference Navigation\n\n"


def sections(source: str) -> list[Section]:
    found: list[Section] = []
    markdown.markdown(source, extensions=[NavCardsExtension(collect=found.extend)])
    return found


def test_items_left_as_written_are_quoted_as_written() -> None:
    source = (
        NAV + "- <b>A</b> - raw HTML\n\n"
        "**G:**\n- [X](x.md)\n- see <span\n  class='x'>this</span> &copy; too\n"
    )
    assert sections(source) == [
        Section(
            "Cross-Reference Navigation",
            (),
            ("<b>A</b> - raw HTML", "G: - X - see <span class='x'>this</span> &copy; too"),
            (False,),
        )
    ]


def test_a_cards_link_text_is_the_authors() -> None:
    found = sections(NAV + "- [Q &amp; A <i>now</i>](q.md) - why\n")
    assert found[0].cards == (Card("q.md", "Q &amp; A <i>now</i>", True, False),)


def test_a_raw_html_item_is_reported_as_written(tmp_path: Path, log_guard: list[str]) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n\n## Cross-Reference Navigation\n\n- [A](a.md) - fine\n"
            "- <b>A</b> - raw HTML\n",
            "a.md": "# A\n",
        },
    )
    built = build_site(config)
    assert built.error is None
    assert built.careerkit_lines()[0] == (
        "index.md:3:1: '<b>A</b> - raw HTML' in section 'Cross-Reference Navigation' is not a "
        "link followed by a reason; left as written (write each item as '- [Title](page.md) - "
        "why to read it', under a bold label such as '**Related skills:**') [navcards.unparsed]"
    )


def test_a_link_text_with_an_entity_that_names_the_page_does_not_repeat_its_title(
    tmp_path: Path, log_guard: list[str]
) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n\n## Cross-Reference Navigation\n\n"
            "- [Q &amp; A](q.md) - why\n- [Questions](q.md) - why\n",
            "q.md": "# Q & A\n",
        },
    )
    built = build_site(config)
    assert built.error is None
    html = built.html("index.md")
    # Only the second card, whose link text does not name the page, shows its title.
    assert html.count('<span class="careerkit-navcard-page">Q &amp; A</span>') == 1
