"""Swallowed lists: the cases the mutants of ``lists/check.py`` showed untested (tests/MUTATION.md).

As in ``tests/test_lists.py``, every reported line is checked against Python-Markdown itself: it
renders no list item there, and one more once a blank line goes before it. One case here was a
false alarm before this file: an empty ``>`` line ends the paragraph in a block quote, as a
blank line does, so the item after it is a list item.
"""

from __future__ import annotations

import re

import pytest

from mkdocs_careerkit.lists.check import (
    SwallowedList,
    swallowed_list_findings,
    swallowed_lists,
)
from mkdocs_careerkit.xref.scan import scan_page
from tests.test_lists import _rendered_items

# (name, Markdown, every swallowed item as (line, column, item))
CASES: list[tuple[str, str, list[tuple[int, int, str]]]] = [
    ("tab-indented item is paragraph text", "Text\n\t- item\n", []),
    ("one-line block tag ends the paragraph", "Text\n<div>x</div>\n- item\n", []),
    ("block tag in capitals", "Text\n<DIV>x</DIV>\n- item\n", []),
    ("inline tag does not", "Text\n<span>x</span>\n- item\n", [(3, 1, "- item")]),
    (
        "front matter with a space after its dashes, unreadable",
        "--- \ntitle: x\ntags:\n  - a\n  bad: [\n---\n\nText\n- item\n",
        [(9, 1, "- item")],
    ),
    (
        "closing dashes with a space after them",
        "---\ntags:\n- a\nbad: [\n--- \n\nText\n- item\n",
        [(8, 1, "- item")],
    ),
    (
        "front matter closed by dots",
        "---\ntags:\n- a\nbad: [\n...\n\nText\n- item\n",
        [(8, 1, "- item")],
    ),
    ("a rule that opens no front matter", "---\nText\n- item\n", [(3, 1, "- item")]),
    ("text right after front matter", "---\nbad: [\n---\nText\n- item\n", [(5, 1, "- item")]),
    ("dots close the front matter", "---\nbad: [\ntitle\n...\n- item\n", []),
    ("paragraph indented at the top of the page", "  Text\n  - item\n", [(2, 3, "- item")]),
    ("block quote in a paragraph", "Text\n>  Quoted\n>  - item\n", [(3, 4, "- item")]),
    (
        "a definition in a list, then a paragraph",
        "- item\n[a]: a.md\n\nText\n- item\n",
        [(5, 1, "- item")],
    ),
    ("indented code after a comment", "<!-- a\nX -->\n    Text\n    - item\n", []),
    ("block quote marker indented", "> Text\n  > - item\n", [(2, 5, "- item")]),
    ("deeper block quote", "> Text\n> > Deeper\n> > - item\n", [(3, 5, "- item")]),
    ("letter before the dash", "Text\nX - item\n", []),
    ("no-break space before the dash", "Text\n\u00a0- item\n", []),
    ("empty quote line ends the paragraph", "> Text\n>\n> - item\n", []),
    (
        "empty quote line, then a paragraph",
        "> Text\n>\n> More\n> - item\n",
        [(4, 3, "- item")],
    ),
    (
        "after an empty quote line, an indented paragraph",
        "> Text\n>\n>  Para\n>  - item\n",
        [(4, 4, "- item")],
    ),
    ("code in an admonition", "!!! note\n        Text\n        - item\n", []),
    ("table rows", "a | b\n--- | ---\n- item\n", []),
    ("colon and dashes are no table rule", "Text\n:--\n- item\n", [(3, 1, "- item")]),
    ("item indented by three", "Text\n   - item\n", [(2, 4, "- item")]),
    ("trailing spaces are not quoted", "Text\n- item  \n", [(2, 1, "- item")]),
    ("md_in_html opening line ends the paragraph", "Text\n<div markdown>\n- item\n</div>\n", []),
    ("block tag inside md_in_html", "<div markdown>\nText\n<p>x</p>\n- item\n</div>\n", []),
    (
        "paragraph inside md_in_html",
        '<div markdown="1">\nText\nMore\n- item\n</div>\n',
        [(4, 1, "- item")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_swallowed_items_exactly(
    name: str, text: str, expected: list[tuple[int, int, str]]
) -> None:
    found = [(s.line, s.column, s.item) for s in scan_page(text).swallowed]
    assert found == expected
    lines = text.split("\n")
    for line, _, _ in expected:
        # Python-Markdown agrees: a blank line before the item makes one more list item.
        prefix = re.match(r"[ >]*", lines[line - 1])
        indent = prefix.group(0).rstrip(" ") if prefix else ""
        fixed = "\n".join([*lines[: line - 1], indent, *lines[line - 1 :]])
        assert _rendered_items(fixed) > _rendered_items(text), fixed


@pytest.mark.parametrize(
    "text",
    [
        "> Text\n>\n> - item\n",  # the former false alarm
        "Text\n<div markdown>\n- item\n</div>\n",
        "<div markdown>\nText\n<p>x</p>\n- item\n</div>\n",
    ],
)
def test_where_nothing_is_reported_python_markdown_renders_the_item(text: str) -> None:
    assert _rendered_items(text) == 1


def test_called_directly_lines_count_from_one_without_front_matter() -> None:
    lines = ["Text", "- item"]
    assert swallowed_lists(lines, lines) == [SwallowedList(2, 1, "- item")]
    assert swallowed_lists(lines, lines, line_offset=4) == [SwallowedList(6, 1, "- item")]


def test_rows_beyond_the_masked_or_fenced_lists() -> None:
    """A row the scanner did not mask counts as blank; one not marked fenced is not fenced."""
    lines = ["Text", "- item"]
    assert swallowed_lists(lines, lines, fenced=[False]) == [SwallowedList(2, 1, "- item")]
    assert swallowed_lists(lines, ["Text"]) == []


@pytest.mark.parametrize(
    ("item", "quoted"),
    [
        ("- " + "x" * 38, "- " + "x" * 38),  # 40 characters: quoted whole
        ("- " + "x" * 39, "- " + "x" * 37 + "…"),  # 41: cut to 39 and an ellipsis
    ],
)
def test_message_quotes_up_to_forty_characters(item: str, quoted: str) -> None:
    (f,) = swallowed_list_findings("a.md", [SwallowedList(2, 1, item)])
    assert f.message == (
        f"'{quoted}' follows a paragraph line directly: Python-Markdown renders it as text of "
        "the paragraph, not as a list item (GitHub shows a list)"
    )
