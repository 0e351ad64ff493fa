"""navcards/check.py whole: which scanned link each card is, which swallowed lists the cards
repair, the findings for items left as written, and check's view from the source alone. Every
case starts from Markdown: the scan reads it, the extension makes the cards."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.navcards.check import (
    card_links,
    repaired,
    repaired_in_source,
    spans,
    unparsed_findings,
)
from mkdocs_careerkit.navcards.enhance import Section
from mkdocs_careerkit.navcards.extension import NavCardsExtension
from mkdocs_careerkit.xref.scan import PageScan, scan_page

NAMES = ("Cross-Reference Navigation",)


def read(
    source: str, line_offset: int = 0, names: tuple[str, ...] = NAMES
) -> tuple[PageScan, list[Section]]:
    found: list[Section] = []
    cards = NavCardsExtension(collect=found.extend, headings=list(names))
    markdown.markdown(source, extensions=["attr_list", cards])
    return scan_page(source, line_offset=line_offset), found


def where(links: list) -> list[tuple[int, int, str] | None]:  # type: ignore[type-arg]
    return [None if x is None else (x.line, x.column, x.target) for x in links]


PAGE = """\
# Title

[before](x.md)

## Cross-Reference Navigation

**Group:**

- [A](a.md) - first ![pic](b.md) [^1]

[bdef]: b.md

- **[B](b.md)** - second, see [inline](e.md)

### Sub

- [C](c.md) - third

## Elsewhere

- [D](d.md) - not a card

[^1]: A note.
"""


def test_each_card_is_the_next_scanned_link_to_its_target_in_its_own_section() -> None:
    scan, sections = read(PAGE)
    assert [c.href for s in sections for c in s.cards] == ["a.md", "b.md", "c.md"]
    found = spans(scan.headings, NAMES)
    assert [(s.heading.line, s.end) for s in found] == [(5, 19)]
    # The definition and the image to b.md before B are not its link.
    expected = [(9, 3, "a.md"), (13, 5, "b.md"), (17, 3, "c.md")]
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == expected
    assert where(card_links(scan, sections, found)) == expected


def test_a_card_whose_link_the_scan_does_not_see_there_has_none() -> None:
    scan, sections = read(PAGE)
    # Names that find no section in the scan: no pool to match from, every card unmatched.
    assert where(card_links(scan, sections, spans(scan.headings, ("Nothing Here",)))) == [
        None,
        None,
        None,
    ]
    # Two sections in the scan, one in the tree: they do not agree, nothing is matched.
    twice = PAGE.replace("## Elsewhere", "## Cross-Reference Navigation")
    scan2, _ = read(twice)
    assert where(card_links(scan2, sections, spans(scan2.headings, NAMES))) == [None, None, None]


def test_the_last_section_runs_to_the_end_of_a_long_page() -> None:
    prose = "".join(f"Line {n}.\n\n" for n in range(60))
    source = f"# T\n\n{prose}## Cross-Reference Navigation\n\n{prose}- [Far](far.md) - why\n"
    scan, sections = read(source)
    [span] = spans(scan.headings, NAMES)
    assert span.end > scan.headings[-1].line + 200
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == [(245, 3, "far.md")]


def test_cards_take_links_in_order_and_skip_one_that_matches_no_card() -> None:
    source = """\
# T

## Cross-Reference Navigation

- [A](a.md) - one
- [A again](a.md) - two
- [Not mine](b.md) and [B](b.md) - three
"""
    scan, sections = read(source)
    assert [c.href for c in sections[0].cards] == ["a.md", "a.md", "b.md"]
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == [
        (5, 3, "a.md"),
        (6, 3, "a.md"),
        (7, 3, "b.md"),
    ]


SWALLOWED = """\
# T

## Cross-Reference Navigation

**One:**
- [A](a.md) - first
- [B](b.md) - second

**Two:**
- plain words, no link
- [C](c.md) - third

## Later

**Three:**
- [D](d.md) - elsewhere
"""


def test_repaired_lists_are_the_swallowed_paragraphs_that_became_cards() -> None:
    scan, sections = read(SWALLOWED)
    assert [s.line for s in scan.swallowed] == [6, 10, 16]
    assert sections[0].swallowed == (True, False)
    assert [s.line for s in repaired(scan, sections, spans(scan.headings, NAMES))] == [6]
    # Sections that do not agree with the scan's: nothing is claimed as repaired.
    assert repaired(scan, sections, spans(scan.headings, ("Later",))) == []
    assert repaired(scan, [*sections, *sections], spans(scan.headings, NAMES)) == []


def test_check_sees_the_same_repairs_from_the_source_alone() -> None:
    scan, _ = read(SWALLOWED)
    lines = SWALLOWED.split("\n")
    assert [s.line for s in repaired_in_source(scan, NAMES, lines)] == [6]
    assert [s.line for s in repaired_in_source(scan, ("Later",), lines)] == [16]
    assert repaired_in_source(scan, ("Nothing",), lines) == []


def test_check_counts_lines_after_front_matter() -> None:
    front = "---\ntitle: T\n---\n"
    scan, _ = read(SWALLOWED, line_offset=3)
    lines = SWALLOWED.split("\n")
    assert [s.line for s in scan.swallowed] == [9, 13, 19]
    assert [s.line for s in repaired_in_source(scan, NAMES, lines, line_offset=3)] == [9]
    assert front  # the offset is the front matter's three lines


def test_a_swallowed_paragraph_ends_at_a_blank_line_or_a_heading() -> None:
    source = """\
# T

## Cross-Reference Navigation

**One:**
- [A](a.md) - first
- [B](b.md) - second
continued text of B
## Next
- not a link, but past the heading
"""
    scan, _ = read(source)
    lines = source.split("\n")
    assert [s.line for s in repaired_in_source(scan, NAMES, lines)] == [6]


def test_items_left_as_written_are_findings_at_their_sections_heading() -> None:
    long = "x" * 70
    source = f"""\
# T

## Cross-Reference Navigation

- [A](a.md) - fine
- no link here
- {long}
"""
    scan, sections = read(source)
    assert sections[0].unparsed == ("no link here", long)
    message = "in section 'Cross-Reference Navigation' is not a link followed by a reason"
    hint = (
        "write each item as '- [Title](page.md) - why to read it', under a bold label such as "
        "'**Related skills:**'"
    )
    expected = [
        Finding(
            "p.md",
            3,
            1,
            "navcards.unparsed",
            "info",
            f"'no link here' {message}; left as written",
            hint,
        ),
        Finding(
            "p.md",
            3,
            1,
            "navcards.unparsed",
            "info",
            f"'{'x' * 49}…' {message}; left as written",
            hint,
        ),
    ]
    assert unparsed_findings("p.md", sections, spans(scan.headings, NAMES)) == expected
    # A scan that does not agree on the sections: at the top of the page.
    assert [
        f.line for f in unparsed_findings("p.md", sections, spans(scan.headings, ("Nothing",)))
    ] == [1, 1]
    # Exactly fifty characters are quoted whole.
    fifty = "y" * 50
    scan3, sections3 = read(source.replace(long, fifty))
    assert (
        f"'{fifty}' {message}"
        in unparsed_findings("p.md", sections3, spans(scan3.headings, NAMES))[1].message
    )


def test_repairs_in_every_section_indented_items_and_a_hash_line_ending_the_paragraph() -> None:
    source = """\
# T

## Cross-Reference Navigation

**One:**
- [A](a.md) - first
  - [B](b.md) - indented under the first

## Related

**Two:**
- [C](c.md) - third
"""
    names = (*NAMES, "Related")
    scan, sections = read(source, names=names)
    assert [s.line for s in scan.swallowed] == [6, 12]
    assert [s.swallowed for s in sections] == [(True,), (True,)]
    # Both sections' repairs, not only the last one's.
    assert [s.line for s in repaired(scan, sections, spans(scan.headings, names))] == [6, 12]
    # From the source: an item indented by up to three spaces is an item too.
    lines = source.split("\n")
    assert [s.line for s in repaired_in_source(scan, names, lines)] == [6, 12]
    # A line starting with '#' after spaces ends the paragraph: the plain item after it is
    # not part of the swallowed list.
    ended = source + " #not-a-heading\n- plain words\n"
    scan2, _ = read(ended, names=names)
    lines2 = ended.split("\n")
    assert [s.line for s in repaired_in_source(scan2, names, lines2)] == [6, 12]


def test_a_card_the_scan_cannot_match_does_not_send_the_next_card_back() -> None:
    source = """\
# T

## Cross-Reference Navigation

- [A](a.md) - one
- <https://example.com/z> - an autolink, which the scan does not read as a link
- [A](a.md) - two, the same link again
"""
    scan, sections = read(source)
    assert [c.href for c in sections[0].cards] == ["a.md", "https://example.com/z", "a.md"]
    links = where(card_links(scan, sections, spans(scan.headings, NAMES)))
    # The autolink's card has no scanned link; the next card keeps looking after the first
    # card's, and finds its own.
    assert links == [(5, 3, "a.md"), None, (7, 3, "a.md")]


def test_a_link_to_the_same_page_in_an_earlier_reason_is_not_the_later_cards_link() -> None:
    source = """\
# T

## Cross-Reference Navigation

- [B](b.md) - second, and see [the next chapter](c.md) too
- [C](c.md) - third
"""
    scan, sections = read(source)
    assert [c.href for c in sections[0].cards] == ["b.md", "c.md"]
    # C's card is the link written as C's item, where a broken one would be reported.
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == [
        (5, 3, "b.md"),
        (6, 3, "c.md"),
    ]


def test_two_cards_alike_take_a_link_each_and_markup_in_the_text_still_matches() -> None:
    source = """\
# T

## Cross-Reference Navigation

- [A](a.md) - once
- [A](a.md) - twice, the same card
- [**C** *now*](c.md) - its text has markup the scan keeps
"""
    scan, sections = read(source)
    assert [(c.href, c.text) for c in sections[0].cards] == [
        ("a.md", "A"),
        ("a.md", "A"),
        ("c.md", "C now"),
    ]
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == [
        (5, 3, "a.md"),
        (6, 3, "a.md"),
        (7, 3, "c.md"),
    ]


def test_an_image_with_the_cards_text_is_not_its_link() -> None:
    source = """\
# T

## Cross-Reference Navigation

- [A](a.md) - first, then a picture of B: ![B](b.md)
- [B](b.md) - second
"""
    scan, sections = read(source)
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == [
        (5, 3, "a.md"),
        (6, 3, "b.md"),
    ]


def test_links_in_the_sections_heading_and_in_the_next_heading_are_no_cards_links() -> None:
    source = """\
# T

## [Cross-Reference Navigation](https://example.com/z)

- <https://example.com/z> - an autolink, which the scan does not read as a link

## Next, see [z](https://example.com/z)
"""
    scan, sections = read(source)
    assert [c.href for c in sections[0].cards] == ["https://example.com/z"]
    assert [(s.heading.line, s.end) for s in spans(scan.headings, NAMES)] == [(3, 7)]
    # Both headings link to the card's target; neither is the card's link.
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == [None]


def test_only_a_markdown_link_inline_or_by_reference_is_a_cards_link() -> None:
    source = """\
# T

## Cross-Reference Navigation

- [A](a.md) - with ![a picture](https://example.com/z) and
  <a href="https://example.com/z">raw HTML</a>[^1]
- <https://example.com/z> - an autolink, which the scan does not read as a link
- [D][d] - by reference

[z]: https://example.com/z
[d]: d.md
[^1]: A note.
"""
    scan, sections = read(source)
    assert [c.href for c in sections[0].cards] == ["a.md", "https://example.com/z", "d.md"]
    # The image, the HTML link and the (unused) definition lead to the autolink's target too,
    # but the extension makes no card of any of them: the autolink's card has no scanned link.
    assert where(card_links(scan, sections, spans(scan.headings, NAMES))) == [
        (5, 3, "a.md"),
        None,
        (8, 3, "d.md"),
    ]


ATX = "## Cross-Reference Navigation\n\n"


@pytest.mark.parametrize(
    ("heading", "label", "cards"),
    [
        (ATX, "**One:**", True),
        (ATX, "**One**:", True),
        (ATX, "__One__", True),
        (ATX, "***One:***", True),
        (ATX, "**One:**  ", True),  # a hard line break after the label
        (ATX, "**Related\nskills:**", True),
        ("## Cross-Reference Navigation\n", "**One:**", True),  # no blank line between
        ("Cross-Reference Navigation\n---\n", "**One:**", True),  # under a setext heading
        (ATX, "Also read:", False),
        (ATX, "**One:** and prose", False),
        (ATX, "**One** and **Two**", False),
        (ATX, "*One:*", False),
        (ATX, "Prose first.\n**One:**", False),
    ],
)
def test_check_repairs_a_swallowed_list_where_the_cards_do(
    heading: str, label: str, cards: bool
) -> None:
    source = f"# T\n\n{heading}{label}\n- [A](a.md) - first\n- [B](b.md) - second\n"
    scan, sections = read(source)
    assert sections[0].swallowed == (cards,)
    built = repaired(scan, sections, spans(scan.headings, NAMES))
    assert len(built) == cards
    # `careerkit check` sees the same from the source: a list the cards leave as written is
    # reported by both.
    assert repaired_in_source(scan, NAMES, source.split("\n")) == built
