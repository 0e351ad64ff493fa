"""The self-assessments docs page: its examples work as shown, its tables match the code."""

from __future__ import annotations

import re

import pytest

from mkdocs_careerkit.assessments import check_source
from mkdocs_careerkit.assessments.parse import parse_page
from mkdocs_careerkit.assessments.strings import DEFAULT_STRINGS
from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.config import AssessmentsConfig
from tests.conftest import EXAMPLE_SITE

PAGE = EXAMPLE_SITE / "docs" / "careerkit" / "assessments.md"
TEXT = PAGE.read_text(encoding="utf-8")
EXAMPLES = re.findall(r"^```markdown\n(.*?)^```$", TEXT, re.S | re.M)


def table(first_column_prefix: str) -> dict[str, str]:
    return {
        line.split("|")[1].strip(" `"): line.split("|")[2].strip()
        for line in TEXT.splitlines()
        if line.startswith("| `" + first_column_prefix)
    }


def test_the_page_has_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.split("\n")[0] for e in EXAMPLES])
def test_every_example_is_an_assessment_without_findings(example: str) -> None:
    assert check_source(example, "docs.md") == []
    assert parse_page(example.split("\n")).assessments


def test_every_check_is_listed_with_its_default_severity() -> None:
    rows = table("assessment.")
    assert rows == {code: c.severity for code, c in CODES.items() if code.startswith("assessment.")}


def test_every_string_is_listed_with_its_english_text() -> None:
    rows = {k: v for k, v in table("").items() if k in DEFAULT_STRINGS}
    assert rows == DEFAULT_STRINGS


def test_every_option_is_documented() -> None:
    options = table("")
    names = [name for name, _ in AssessmentsConfig._schema]
    assert names and all(name in options for name in names), names
