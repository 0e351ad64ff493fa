"""Navigation cards, exactly: Markdown in, the whole HTML and the sections out.

``tests/test_navcards.py`` reads the cards through BeautifulSoup, which lower-cases tag and
attribute names and ignores where a ``<ul>`` lands; here a page with every shape the cards are
made of is compared character for character, cards numbered across three sections, with and
without the plugin's placeholders. Then what is *not* a label or a card stays as rendered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import markdown
import pytest

from mkdocs_careerkit.navcards.enhance import Card, Section
from mkdocs_careerkit.navcards.extension import NavCardsExtension
from tests.test_navcards import NAV, text

NAMES = ["Cross-Reference Navigation", "Related", "Appendix"]


def convert(
    source: str,
    *,
    cards: bool = True,
    placeholders: bool = False,
    extensions: Sequence[str] = (),
) -> tuple[str, list[Section]]:
    found: list[Section] = []
    used: list[Any] = ["attr_list", "toc", *extensions]
    if cards:
        used.append(
            NavCardsExtension(collect=found.extend, headings=NAMES, placeholders=placeholders)
        )
    return markdown.markdown(source, extensions=used), found


# Three sections: the swallowed form (its second item indented, its label line ending in a
# space), prose that is not a label, an ordered list; a list with reasons that start without a
# separator and a link without a target, then a swallowed list after it; a heading in capitals,
# a swallowed paragraph that stays as written, and a list.
PAGE = (
    "## Cross-Reference Navigation\n\n"
    "**Group:** \n- **[A](a.md)** - why A\n  - [B](b.md)\n- [C](c.md)\n\n"
    "Intro **Other:**\n\n1. [D](d.md): because\n2. *[E](e.md)*\n\n"
    "## Related\n\n"
    "- [F](f.md) *why F*\n- [G](g.md)s\n- [H]() - no target yet\n\n"
    "**Later:**\n- [I](i.md)\n\n"
    "## APPENDIX\n\n"
    "**More:**\n- [J](j.md)\n- see the [K](k.md) chapter\n\n- [L](l.md)\n"
)

PAGE_HTML = (
    '<h2 id="cross-reference-navigation">Cross-Reference Navigation</h2>\n'
    '<p class="careerkit-card-group"><strong>Group:</strong> </p>\n'
    '<ul class="careerkit-cards careerkit-navcards">'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="0">'
    '<span aria-hidden="true" class="careerkit-navcard-marker">- </span>'
    '<strong class="careerkit-navcard-title">'
    '<a class="careerkit-navcard-link" href="a.md">A</a></strong>'
    '<span class="careerkit-navcard-sep"> - </span>'
    '<span class="careerkit-card-why">why A</span>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="0"></span></li>\n'
    '  <li class="careerkit-card careerkit-navcard" data-careerkit-navcard="1">'
    '<span aria-hidden="true" class="careerkit-navcard-marker">- </span>'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="b.md">B</a>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="1"></span></li>\n'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="2">'
    '<span aria-hidden="true" class="careerkit-navcard-marker">- </span>'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="c.md">C</a>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="2"></span></li>'
    "</ul>\n"
    "<p>Intro <strong>Other:</strong></p>\n"
    '<ol class="careerkit-cards careerkit-navcards">\n'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="3">'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="d.md">D</a>'
    '<span class="careerkit-navcard-sep">: </span>'
    '<span class="careerkit-card-why">because</span>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="3"></span></li>\n'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="4">'
    '<em class="careerkit-navcard-title">'
    '<a class="careerkit-navcard-link" href="e.md">E</a></em>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="4"></span></li>\n'
    "</ol>\n"
    '<h2 id="related">Related</h2>\n'
    '<ul class="careerkit-cards careerkit-navcards">\n'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="5">'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="f.md">F</a>'
    '<span class="careerkit-card-why"> <em>why F</em></span>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="5"></span></li>\n'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="6">'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="g.md">G</a>'
    '<span class="careerkit-card-why">s</span>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="6"></span></li>\n'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="7">'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="">H</a>'
    '<span class="careerkit-navcard-sep"> - </span>'
    '<span class="careerkit-card-why">no target yet</span>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="7"></span></li>\n'
    "</ul>\n"
    '<p class="careerkit-card-group"><strong>Later:</strong></p>\n'
    '<ul class="careerkit-cards careerkit-navcards">'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="8">'
    '<span aria-hidden="true" class="careerkit-navcard-marker">- </span>'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="i.md">I</a>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="8"></span></li>'
    "</ul>\n"
    '<h2 id="appendix">APPENDIX</h2>\n'
    "<p><strong>More:</strong>\n"
    '- <a href="j.md">J</a>\n'
    '- see the <a href="k.md">K</a> chapter</p>\n'
    '<ul class="careerkit-cards careerkit-navcards">\n'
    '<li class="careerkit-card careerkit-navcard" data-careerkit-navcard="9">'
    '<a class="careerkit-navcard-title careerkit-navcard-link" href="l.md">L</a>'
    '<span class="careerkit-navcard-meta" data-careerkit-navcard="9"></span></li>\n'
    "</ul>"
)


def card(href: str, title: str, *, reason: bool, swallowed: bool) -> Card:
    return Card(href, title, reason, swallowed)


PAGE_SECTIONS = [
    Section(
        "Cross-Reference Navigation",
        (
            card("a.md", "A", reason=True, swallowed=True),
            card("b.md", "B", reason=False, swallowed=True),
            card("c.md", "C", reason=False, swallowed=True),
            card("d.md", "D", reason=True, swallowed=False),
            card("e.md", "E", reason=False, swallowed=False),
        ),
        (),
        (True,),
    ),
    Section(
        "Related",
        (
            card("f.md", "F", reason=True, swallowed=False),
            card("g.md", "G", reason=True, swallowed=False),
            card("", "H", reason=True, swallowed=False),
            card("i.md", "I", reason=False, swallowed=True),
        ),
        (),
        (True,),
    ),
    Section(
        "APPENDIX",
        (card("l.md", "L", reason=False, swallowed=False),),
        ("More: - J - see the K chapter",),
        (False,),
    ),
]


def test_a_page_of_every_shape_gives_exactly_these_cards() -> None:
    html, sections = convert(PAGE)
    assert html == PAGE_HTML
    assert sections == PAGE_SECTIONS
    assert text(html) == text(convert(PAGE, cards=False)[0])  # no author word lost


def test_with_placeholders_each_card_ends_in_the_plugins_mark_instead() -> None:
    html, sections = convert(PAGE, placeholders=True)
    meta = re.compile(
        r'<span class="careerkit-navcard-meta" data-careerkit-navcard="(\d+)"></span>'
    )
    assert html == meta.sub(r"<!--careerkit:navcard:\1-->", PAGE_HTML)
    assert "<!--careerkit:navcard:9-->" in html
    assert sections == PAGE_SECTIONS


@pytest.mark.parametrize(
    "label",
    [
        "Intro **G:**",  # text before the bold
        "**G:** *more*",  # more than a line break after it
        "**G:** X",  # text after the colon
        "**![](icon.png)**",  # bold without text
    ],
)
def test_a_paragraph_that_is_not_only_a_bold_label_stays_as_rendered(label: str) -> None:
    # Before a list: the list becomes cards, the paragraph is no group label.
    separated = NAV + label + "\n\n- [A](a.md)\n"
    html, _ = convert(separated)
    assert 'class="careerkit-card-group"' not in html
    assert 'class="careerkit-card careerkit-navcard"' in html
    # Its line followed by list lines: the paragraph stays exactly as rendered.
    swallowed = NAV + label + "\n- [A](a.md)\n"
    html, sections = convert(swallowed)
    assert html == convert(swallowed, cards=False)[0]
    assert [s.swallowed for s in sections] == [(False,)]


@pytest.mark.parametrize(
    ("body", "unparsed"),
    [
        ("**G:**\n- [A](a.md)\n- \n", "G: - A -"),  # an empty last item
        ("**G:**\n- first\n- [A](a.md)\n", "G: - first - A"),  # an item without a link
        ("**G:**\n- [A](a.md)\n- one\n- two\n", "G: - A - one - two"),
    ],
)
def test_a_swallowed_paragraph_with_an_item_that_is_no_link_stays_as_written(
    body: str, unparsed: str
) -> None:
    source = NAV + body
    html, sections = convert(source)
    assert html == convert(source, cards=False)[0]
    assert sections == [Section("Cross-Reference Navigation", (), (unparsed,), (False,))]


def test_a_footnote_reference_first_is_no_card() -> None:
    source = NAV + "- [^1] - the note\n\n[^1]: See the appendix.\n"
    html, sections = convert(source, extensions=["footnotes"])
    assert html == convert(source, cards=False, extensions=["footnotes"])[0]
    assert sections[0].unparsed == ("1 - the note",)


def test_an_html_list_with_a_paragraph_inside_still_gives_its_items_as_cards() -> None:
    source = (
        NAV
        + '<ul markdown="1">\n<p>Read these:</p>\n<li markdown="1">[A](a.md) - why</li>\n</ul>\n'
    )
    html, sections = convert(source, extensions=["md_in_html"])
    assert "<p>Read these:</p>" in html
    assert sections == [
        Section(
            "Cross-Reference Navigation", (card("a.md", "A", reason=True, swallowed=False),), (), ()
        )
    ]
