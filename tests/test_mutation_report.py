"""Mutation testing is not run in CI (too slow for two cores); CI checks its record exists."""

from __future__ import annotations

import re

from tests.conftest import REPO

REPORT = REPO / "tests" / "MUTATION.md"


def test_mutation_report_exists_with_its_command() -> None:
    text = REPORT.read_text(encoding="utf-8")
    assert "tests/mutation/run.py" in text
    for module in ("findings.py", "engine.py"):
        assert f"## `mkdocs_careerkit/{module}`" in text, module


def test_every_module_the_run_knows_has_a_measured_section() -> None:
    """A module added to ``MODULES`` in tests/mutation/run.py is measured before it is merged."""
    run = (REPO / "tests" / "mutation" / "run.py").read_text(encoding="utf-8")
    text = REPORT.read_text(encoding="utf-8")
    modules = re.findall(r'^        "(mkdocs_careerkit/[\w/]+\.py)",$', run, re.M)
    assert len(modules) >= 14, modules
    for module in modules:
        assert f"## `{module}`\n\n**" in text, module
