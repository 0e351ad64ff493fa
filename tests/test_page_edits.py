"""The finished page's changes, made in one pass (feature.PageEdits)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_careerkit.feature import PageEdits


def test_changes_asked_in_any_order_land_where_each_was_asked() -> None:
    edits = PageEdits("<head></head><nav>P</nav><p>A</p><!--x--><p>B</p><!--x-->")
    edits.replace_last("<!--x-->", "<section>backlinks</section>")
    head = edits.output.find("</head>")
    edits.replace(head, head, "<script>ld</script>")
    a = edits.output.find("A")
    edits.replace(a, a + 1, "a&amp;b")
    assert edits.apply() == (
        "<head><script>ld</script></head><nav>P</nav><p>a&amp;b</p><!--x--><p>B</p>"
        "<section>backlinks</section>"
    )


def test_no_change_gives_the_same_page_back() -> None:
    page = "<html>" + "x" * 1000 + "</html>"
    edits = PageEdits(page)
    assert edits.replace_last("<!--missing-->", "y") is False
    assert edits.apply() is page


def test_overlapping_changes_are_refused() -> None:
    edits = PageEdits("0123456789")
    edits.replace(2, 5, "a")
    edits.replace(4, 6, "b")
    with pytest.raises(ValueError, match="overlapping page edits at 4"):
        edits.apply()


@given(
    st.text(alphabet="ab<>", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 3), st.text("xyz", max_size=3))),
)
def test_apply_equals_the_changes_made_one_by_one_from_the_end(
    page: str, asked: list[tuple[int, int, str]]
) -> None:
    # Keep the changes that do not overlap, then make them from the last to the first, each on
    # the page as the previous one left it: the same text as one pass (two insertions at one
    # place land in the order they were asked).
    chosen: list[tuple[int, int, str]] = []
    for start, length, text in sorted(asked):
        start = min(start, len(page))
        end = min(start + length, len(page))
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, text))
    edits = PageEdits(page)
    for change in chosen:
        edits.replace(*change)
    expected = page
    for start, end, text in reversed(chosen):
        expected = expected[:start] + text + expected[end:]
    assert edits.apply() == expected
