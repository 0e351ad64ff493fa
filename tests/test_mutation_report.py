"""Mutation testing is not run in CI (too slow for two cores); CI checks its record exists."""

from __future__ import annotations

from tests.conftest import REPO

REPORT = REPO / "tests" / "MUTATION.md"


def test_mutation_report_exists_with_its_command() -> None:
    text = REPORT.read_text(encoding="utf-8")
    assert "tests/mutation/run.py" in text
    for module in ("findings.py", "engine.py"):
        assert f"## `mkdocs_careerkit/{module}`" in text, module
