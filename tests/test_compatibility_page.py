"""The compatibility page's table: every ✅ names tests, and every test it names exists."""

from __future__ import annotations

import re

from tests.conftest import EXAMPLE_SITE, REPO

PAGE = EXAMPLE_SITE / "docs" / "careerkit" / "compatibility.md"
TOOLS = ["MkDocs", "ProperDocs", "Zensical"]


def table() -> list[list[str]]:
    lines = PAGE.read_text(encoding="utf-8").split("\n## Feature by Tool\n", 1)[1].splitlines()
    rows = [line for line in lines if line.startswith("| ") and not set(line) <= set("|- ")]
    assert [c.strip() for c in rows[0].strip("|").split("|")] == ["Feature", *TOOLS]
    return [[c.strip() for c in row.strip("|").split("|")] for row in rows[1:]]


def named_tests(cell: str) -> list[tuple[str, str]]:
    """``file.py::name`` references in a cell; ``::name`` is in the file named before it."""
    found, current = [], ""
    for file, name in re.findall(r"`([\w/]+\.py)?::(\w+)`", cell):
        current = file or current
        found.append((current, name))
    return found


def test_every_tick_names_tests_that_exist() -> None:
    rows = table()
    assert len(rows) >= 8
    for feature, *cells in rows:
        assert len(cells) == len(TOOLS), feature
        for tool, cell in zip(TOOLS, cells, strict=True):
            tests = named_tests(cell)
            if "✅" not in cell:
                continue
            assert tests, f"{feature} / {tool}: a ✅ without a test"
            for file, name in tests:
                source = (REPO / "tests" / file).read_text(encoding="utf-8")
                assert re.search(rf"^def {name}\(", source, re.M), f"{file}::{name} not found"


def test_page_is_in_the_nav() -> None:
    assert "careerkit/compatibility.md" in (EXAMPLE_SITE / "mkdocs.yml").read_text("utf-8")
