"""Markdown in, exact HTML out: the reading extension without MkDocs."""

from __future__ import annotations

import re
import textwrap
from typing import Any

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.extension import PageReading


def convert(
    source: str, extensions: tuple[Any, ...] = ("toc",), **config: Any
) -> tuple[str, list[Finding], list[PageReading]]:
    found: list[Finding] = []
    pages: list[PageReading] = []
    md = markdown.Markdown(
        extensions=[*extensions, "mkdocs_careerkit.reading"],
        extension_configs={
            "mkdocs_careerkit.reading": {
                "reporter": found.append,
                "collect": pages.extend,
                **config,
            }
        },
    )
    return md.convert(textwrap.dedent(source).strip("\n")), found, pages


def plain(source: str, extensions: tuple[Any, ...] = ("toc",)) -> str:
    return markdown.markdown(textwrap.dedent(source).strip("\n"), extensions=list(extensions))


def test_seed_style_bold_citation_and_note() -> None:
    html, found, pages = convert(
        """
        ## Further Reading

        This chapter draws on networking research:

        *   **Grant, Adam. *Give and Take: Why Helping Others Drives Our Success*.** Research on generosity.
        *   **Cross, Rob, and Andrew Parker. *The Hidden Power of Social Networks*.** Networks & <b>success</b>.
        """  # noqa: E501
    )
    assert html == (
        '<h2 id="further-reading">Further Reading</h2>\n'
        "<p>This chapter draws on networking research:</p>\n"
        '<ul class="careerkit-cards">\n'
        '<li class="careerkit-card" data-careerkit-book="give and take" '
        'data-careerkit-kind="book"><span class="careerkit-card-cite"><strong>Grant, Adam. '
        '<em class="careerkit-card-title">Give and Take<span class="careerkit-card-subtitle">'
        ": Why Helping Others Drives Our Success</span></em>.</strong></span>"
        '<span class="careerkit-card-why"> Research on generosity.</span></li>\n'
        '<li class="careerkit-card" data-careerkit-book="hidden power of social networks" '
        'data-careerkit-kind="book"><span class="careerkit-card-cite"><strong>Cross, Rob, and '
        'Andrew Parker. <em class="careerkit-card-title">The Hidden Power of Social Networks</em>.'
        '</strong></span><span class="careerkit-card-why"> Networks &amp; <b>success</b>.</span>'
        "</li>\n"
        "</ul>"
    )
    assert found == []
    [page] = pages
    assert (page.id, page.cards, page.section.line) == ("further-reading", (True, True), 1)


def test_cite_style_note_with_link_in_parentheses() -> None:
    html, found, _ = convert(
        """
        ## Further Reading

        - Kotter, John P. _Power and Influence: Beyond Formal Authority_. 1985. (Classic analysis of [power](power.md))
        """  # noqa: E501
    )
    assert html.endswith(
        '<li class="careerkit-card" data-careerkit-book="power and influence" '
        'data-careerkit-kind="book"><span class="careerkit-card-cite">Kotter, John P. '
        '<em class="careerkit-card-title">Power and Influence<span class="careerkit-card-subtitle">'
        ": Beyond Formal Authority</span></em>. 1985.</span>"
        '<span class="careerkit-card-why"> (Classic analysis of <a href="power.md">power</a>)'
        "</span></li>\n</ul>"
    )
    assert found == []


def test_by_style_and_article_and_group_labels() -> None:
    html, found, _ = convert(
        """
        ## Further Reading

        **Business and Risk Analysis:**

        - _The Lean Startup_ by Eric Ries - Understanding how `startups` learn
        - Conway, Melvin E. "How Do Committees Invent?" _Datamation_ 14, no. 4 (1968): 28-31.

        **Other:**

        - _Made to Stick_ by Chip Heath & Dan Heath
        """
    )
    assert html == (
        '<h2 id="further-reading">Further Reading</h2>\n'
        '<p class="careerkit-card-group"><strong>Business and Risk Analysis:</strong></p>\n'
        '<ul class="careerkit-cards">\n'
        '<li class="careerkit-card" data-careerkit-book="lean startup" data-careerkit-kind="book">'
        '<span class="careerkit-card-cite"><em class="careerkit-card-title">The Lean Startup</em>'
        ' by Eric Ries</span><span class="careerkit-card-sep"> - </span>'
        '<span class="careerkit-card-why">Understanding how '
        "<code>startups</code> learn</span></li>\n"
        '<li class="careerkit-card" data-careerkit-book="how do committees invent" '
        'data-careerkit-kind="article"><span class="careerkit-card-cite">Conway, Melvin E. "How '
        'Do Committees Invent?" <em>Datamation</em> 14, no. 4 (1968): 28-31.</span></li>\n'
        "</ul>\n"
        '<p class="careerkit-card-group"><strong>Other:</strong></p>\n'
        '<ul class="careerkit-cards">\n'
        '<li class="careerkit-card" data-careerkit-book="made to stick" data-careerkit-kind="book">'
        '<span class="careerkit-card-cite"><em class="careerkit-card-title">Made to Stick</em> by '
        "Chip Heath &amp; Dan Heath</span></li>\n"
        "</ul>"
    )
    assert found == []


@pytest.mark.parametrize("sep", [" - ", " – ", " — ", " -- ", ": "])
def test_the_separator_before_a_note_is_kept_apart_from_it(sep: str) -> None:
    # The card shows the note on a line of its own: a dash or colon that only separated it
    # from the citation is kept (the author's text) but not shown at the start of the note.
    html, _, _ = convert(
        f"## Further Reading\n\n- _Made to Stick_ by Chip Heath{sep}Why ideas last"
    )
    assert (
        f'by Chip Heath</span><span class="careerkit-card-sep">{sep}</span>'
        '<span class="careerkit-card-why">Why ideas last</span>'
    ) in html.replace("&amp;", "&")


def test_loose_list_items_are_cards_too() -> None:
    html, found, _ = convert(
        """
        ## Further Reading

        - Newport, Cal. _Deep Work_. 2016. Focus.

        - Newport, Cal. _Digital Minimalism_. 2019.
        """
    )
    assert (
        '<li class="careerkit-card" data-careerkit-book="deep work" data-careerkit-kind="book">\n'
        '<p><span class="careerkit-card-cite">Newport, Cal. <em class="careerkit-card-title">Deep '
        'Work</em>. 2016.</span><span class="careerkit-card-why"> Focus.</span></p>\n</li>'
    ) in html
    assert found == []


def test_unparsed_item_stays_as_written_with_an_info_finding() -> None:
    source = """
        # Page

        ## Further Reading

        - [Martin Fowler's blog](https://martinfowler.com)
        - Newport, Cal. _Deep Work_. 2016.
        """
    html, found, pages = convert(source)
    assert '<li><a href="https://martinfowler.com">Martin Fowler\'s blog</a></li>' in html
    assert [(f.line, f.code, f.severity) for f in found] == [(5, "reading.unparsed", "info")]
    assert "Martin Fowler's blog" in found[0].message
    assert pages[0].cards == (False, True)


def test_markup_the_source_scan_did_not_expect_leaves_the_item_alone() -> None:
    # The citation after the title holds an escape: the rendered text differs from the source.
    source = """
        ## Further Reading

        - Kotter, John P. _Leading Change_. 1996\\. Eight steps.
        """
    html, found, _ = convert(source)
    assert html == plain(source)
    assert [(f.line, f.code) for f in found] == [(3, "reading.unexpected-shape")]


def test_other_sections_and_pages_without_reading_are_untouched() -> None:
    source = """
        ## Further Thoughts

        - Newport, Cal. _Deep Work_. 2016.

        ## Further Reading

        Nothing yet.

        ## After

        - Newport, Cal. _Deep Work_. 2016.
        """
    html, found, pages = convert(source)
    assert html == plain(source)
    assert found == []
    assert pages[0].cards == ()


def test_configurable_heading_names_and_nested_headings() -> None:
    source = """
        ## Recommended Books

        ### Classics

        - Newport, Cal. _Deep Work_. 2016.
        """
    html, _, _ = convert(source, headings=["Recommended books"])
    assert html.count('class="careerkit-card"') == 1
    html, _, _ = convert(source)
    assert html == plain(source)


def test_attr_list_on_the_heading_and_items() -> None:
    source = """
        ## Further Reading {#books}

        - Newport, Cal. _Deep Work_. 2016. {.featured}
        """
    html, found, pages = convert(source, ("toc", "attr_list"))
    assert '<h2 id="books">' in html
    assert pages[0].id == "books"
    assert found == []


@pytest.mark.parametrize(
    "extensions",
    [
        ("toc", "pymdownx.smartsymbols", "pymdownx.magiclink"),
        ("toc", "smarty"),
        ("admonition", "footnotes", "md_in_html", "pymdownx.superfences"),
    ],
)
def test_with_other_extensions_every_word_survives(extensions: tuple[str, ...]) -> None:
    source = """
        ## Further Reading

        - Kotter, John P. "Leading" _Change_. 1996 -- Eight (c) steps[^1], see https://example.com.
        - _Drive_ by Daniel H. Pink... "Motivation" <https://example.org>
        - **Grant, Adam. *Give and Take*.** Givers -- takers.

        [^1]: A note.
        """
    html, _, _ = convert(source, extensions)
    bare = plain(source, extensions)

    def text(h: str) -> list[str]:
        return re.findall(r"\w+", re.sub(r"<[^>]+>", " ", h))

    assert text(html) == text(bare)


def test_apostrophes_in_names_are_plain_text() -> None:
    html, found, _ = convert(
        """
        ## Further Reading

        - _The Staff Engineer's Path_ by Tanya Reilly - Leading through influence
        - Reilly, Tanya. _The Staff Engineer's Path_. O'Reilly, 2022. Influence.
        """
    )
    assert html.count('class="careerkit-card"') == 2
    assert found == []


PIECES = [
    "**",
    "*",
    "_",
    "`",
    "[x](y.md)",
    "<b>",
    "</b>",
    "&amp;",
    "\\*",
    "Grant, Adam. ",
    "Title",
    ": Sub",
    ". ",
    "2013",
    "(",
    ")",
    " by ",
    "Eric Ries",
    " - ",
    "note",
    '"Q"',
    " et al.",
    "[book:x]",
    "{: .c}",
    "  ",
    "\n  more",
    "\n\n  para",
    "\n  - nested",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), max_size=5))
def test_any_reading_section_converts_and_keeps_every_word(items: list[str]) -> None:
    source = "## Further Reading\n\nIntro.\n\n" + "".join(f"- {i}\n" for i in items)
    extensions = ("toc", "attr_list", "md_in_html")
    found: list[Finding] = []
    md = markdown.Markdown(
        extensions=[*extensions, "mkdocs_careerkit.reading"],
        extension_configs={"mkdocs_careerkit.reading": {"reporter": found.append}},
    )
    html = md.convert(source)
    bare = markdown.markdown(source, extensions=list(extensions))

    def words(h: str) -> list[str]:
        return re.findall(r"\w+", re.sub(r"<[^>]+>", " ", h))

    assert words(html) == words(bare)
    assert all(f.code.startswith("reading.") and f.line >= 1 for f in found)


def test_the_whole_parse_table_as_one_list_loses_no_text() -> None:
    # The ≥ 40 entries of the parser's table, written as one Further Reading list: each
    # recognised one is a card, each other one stays the bullet it was (with an info finding at
    # its line), and the page says every word the plain rendering says, in the same order.
    from tests.test_reading_parse import TABLE

    rows = [row for row in TABLE if row[0].strip() and "\n" not in row[0]]
    assert len(rows) >= 40
    source = "## Further Reading\n\n" + "".join(f"- {row[0]}\n" for row in rows)
    html, found, pages = convert(source)
    bare = plain(source)

    def words(h: str) -> list[str]:
        return re.findall(r"\w+", re.sub(r"<[^>]+>", " ", h))

    assert words(html) == words(bare)
    (reading,) = pages
    unparsed = [n for n, row in enumerate(rows) if row[1] is None]
    assert [n for n, card in enumerate(reading.cards) if not card] == unparsed
    assert html.count('class="careerkit-card"') == len(rows) - len(unparsed)
    infos = [(f.line, f.code, f.severity) for f in found]
    assert infos == [(3 + n, "reading.unparsed", "info") for n in unparsed]
