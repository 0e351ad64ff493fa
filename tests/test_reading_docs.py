"""The reading-lists docs page: its tables match the code, its examples parse as shown."""

from __future__ import annotations

import re

import pytest

from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.config import ReadingConfig
from mkdocs_careerkit.reading.parse import find_sections, parse_entry
from tests.conftest import EXAMPLE_SITE

PAGE = EXAMPLE_SITE / "docs" / "careerkit" / "reading-lists.md"
TEXT = PAGE.read_text(encoding="utf-8")


def table(first_column_prefix: str) -> dict[str, str]:
    return {
        line.split("|")[1].strip(" `"): line.split("|")[2].strip()
        for line in TEXT.splitlines()
        if line.startswith("| `" + first_column_prefix)
    }


def test_every_check_is_listed_with_its_default_severity() -> None:
    rows = table("reading.")
    assert rows == {code: c.severity for code, c in CODES.items() if code.startswith("reading.")}


def test_every_option_is_documented() -> None:
    options = table("")
    names = [name for name, _ in ReadingConfig._schema]
    assert names and all(name in options for name in names), names


STYLES = [
    example
    for line in TEXT.splitlines()
    if line.startswith("| ") and not line.startswith(("| `", "| Style", "| ---"))
    for example in re.findall(r"`([^`]+)`", line.split("|")[2])
]


@pytest.mark.parametrize("example", STYLES)
def test_every_style_example_parses(example: str) -> None:
    assert parse_entry(example) is not None


def test_the_live_example_parses_in_full() -> None:
    [section] = find_sections(TEXT.splitlines(), ("Further Reading",))
    assert len(section.items) == 5
    assert all(item.entry is not None for item in section.items)
    assert [label for _, label in section.labels] == ["Books", "Articles"]
