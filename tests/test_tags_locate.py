"""The locator: the exact line and column of each tag, whatever shape the YAML has."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.tags.locate import Located, locate

SHAPES = [
    ("tags:\n  - a\n  - b\n", Located((1, 1), (2, 3), ((2, 5), (3, 5)))),
    ("tags:\n- a\n- b\n", Located((1, 1), (2, 1), ((2, 3), (3, 3)))),
    ("title: x\ntags: [a, b]\n", Located((2, 1), (2, 7), ((2, 8), (2, 11)))),
    ("tags: [ 'a b', \"c\" ]\n", Located((1, 1), (1, 7), ((1, 9), (1, 16)))),
    ("tags: [a,\n   b,\n c]\n", Located((1, 1), (1, 7), ((1, 8), (2, 4), (3, 2)))),
    ("tags:   # topics\n  # first\n  -   a  # why\n", Located((1, 1), (3, 3), ((3, 7),))),
    ("tags: a\n", Located((1, 1), (1, 7))),
    ("tags:\n", Located((1, 1), (1, 6))),
    ("'tags': [x]\n", Located((1, 1), (1, 9), ((1, 10),))),
    ("tags: [x]\ntags: [y, z]\n", Located((2, 1), (2, 7), ((2, 8), (2, 11)))),
    ("tags:\n  - - nested\n  - {a: 1}\n", Located((1, 1), (2, 3), ((2, 5), (3, 5)))),
    ("a: &t [x]\ntags: *t\n", Located((2, 1), (1, 4), ((1, 8),))),
    ("tags: [é, ü]\n", Located((1, 1), (1, 7), ((1, 8), (1, 11)))),
    ("tags:\n  - >-\n    folded\n  - |\n    literal\n", Located((1, 1), (2, 3), ((2, 5), (4, 5)))),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES, ids=[s for s, _ in SHAPES])
def test_shapes(text: str, expected: Located) -> None:
    assert locate(text, "tags") == expected


@pytest.mark.parametrize("text", ["", "- a\n", "tags: [a\n", "title: x\n", "a: \x00\n", "tags"])
def test_nothing_to_locate(text: str) -> None:
    assert locate(text, "tags") is None


def test_first_line_shifts_lines_only() -> None:
    assert locate("tags: [a]\n", "tags", first_line=2) == Located((2, 1), (2, 7), ((2, 8),))


def test_item_falls_back_to_the_value() -> None:
    assert Located((1, 1), (1, 7)).item(0) == (1, 7)


# Tags that survive every quoting style: no quote characters, no line breaks.
TAG = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc", "Zl", "Zp"),
        exclude_characters="'\"\\\ufeff\x85",
    ),
    min_size=1,
    max_size=12,
).filter(lambda s: s == s.strip())


def _plain_ok(tag: str, flow: bool) -> bool:
    try:
        text = f"k: [{tag}]" if flow else f"k:\n- {tag}"
        return yaml.safe_load(text) == {"k": [tag]}
    except yaml.YAMLError:
        return False


@st.composite
def written(draw: st.DrawFn) -> tuple[str, list[str], list[tuple[int, int]], list[str]]:
    """A front matter with a tags list in a random shape, and where each tag starts."""
    tags = draw(st.lists(TAG, min_size=1, max_size=6))
    flow = draw(st.booleans())
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("title: A page")
    if draw(st.booleans()):
        lines.append("# a comment")
    positions: list[tuple[int, int]] = []
    shown: list[str] = []
    for tag in tags:
        styles = ["single", "double"] + (["plain"] if _plain_ok(tag, flow) else [])
        style = draw(st.sampled_from(styles))
        shown.append({"single": f"'{tag}'", "double": f'"{tag}"', "plain": tag}[style])
    if flow:
        line = "tags: ["
        lines.append("")
        for i, text in enumerate(shown):
            if i and draw(st.booleans()):  # wrap the list onto a new line
                lines[-1] = line
                lines.append("")
                line = " " * draw(st.integers(1, 4))
            line += " " * draw(st.integers(0, 2))
            positions.append((len(lines), len(line) + 1))
            line += text + ("," if i < len(shown) - 1 else "")
        lines[-1] = line + " ]"
    else:
        lines.append("tags:" + draw(st.sampled_from(["", "  # topics"])))
        indent = " " * draw(st.integers(0, 4))
        gap = " " * draw(st.integers(1, 3))
        for text in shown:
            if draw(st.booleans()):
                lines.append(indent + "# note")
            lines.append(f"{indent}-{gap}{text}")
            positions.append((len(lines), len(indent) + 1 + len(gap) + 1))
    if draw(st.booleans()):
        lines.append("description: After the tags.")
    return "\n".join(lines) + "\n", tags, positions, shown


@settings(max_examples=300, deadline=None)
@given(written(), st.integers(1, 3))
def test_every_tag_is_found_where_it_is_written(
    case: tuple[str, list[str], list[tuple[int, int]], list[str]], first: int
) -> None:
    text, tags, positions, shown = case
    assert yaml.safe_load(text)["tags"] == tags  # the generator writes what it means
    found = locate(text, "tags", first_line=first)
    assert found is not None
    assert list(found.items) == [(line + first - 1, col) for line, col in positions]
    rows = text.split("\n")
    for (line, col), s in zip(found.items, shown, strict=True):
        assert rows[line - first][col - 1 :].startswith(s)


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=60)
    | st.lists(
        st.sampled_from(["tags:", "- a", "  - b", "[", "'", ": ", "\t", "tags: [x, y]"])
    ).map("\n".join)
)
def test_any_text_places_or_says_none(text: str) -> None:
    found = locate(text, "tags")
    if found is not None:
        lines = text.count("\n") + 1
        for line, column in (found.key, found.value, *found.items):
            assert 1 <= line <= lines + 1 and column >= 1
