"""Options set in ``mkdocs.yml`` reach the checks, in a real build and in ``careerkit check``;
``careerkit check --strict`` fails on warnings, and only with ``--strict``.

Each option changes the findings of the same small site, so a build or a check that drops one of
them on the way (and falls back to its default) gives another list and fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import build_site, write_site
from tests.test_xref_cli import json_rows, run
from tests.test_xref_sites import FINDING_LOGS, build_findings, cli_findings, rows

PAGES = {
    "index.md": """\
        # Home

        [Old notes](legacy/gone.md) are archived elsewhere.

        ## See Also

        - [Guide](guide.md)
        """,
    "guide.md": """\
        # Guide

        ## Cross-Reference Navigation

        Nothing here yet.
        """,
}
MISSING = (
    "index.md",
    3,
    1,
    "xref.missing-page",
    "error",
    "link 'legacy/gone.md': no such file 'legacy/gone.md'",
)
THIN = "xref.thin-nav-section", "warn"
SUGGEST = "link related pages in this section"


def thin(page: str, line: int, section: str, count: int, wanted: int) -> tuple[Any, ...]:
    message = f"section '{section}' has {count} valid link(s), fewer than {wanted}"
    return (page, line, 1, *THIN, message, SUGGEST)


CASES: dict[str, tuple[dict[str, Any], set[tuple[Any, ...]]]] = {
    "defaults": (
        {},
        {(*MISSING, ""), thin("guide.md", 3, "Cross-Reference Navigation", 0, 1)},
    ),
    "ignore": (
        {"ignore": ["legacy/*"]},
        {thin("guide.md", 3, "Cross-Reference Navigation", 0, 1)},
    ),
    "nav_section": ({"nav_section": "See Also"}, {(*MISSING, "")}),
    "nav_section_min_links": (
        {"nav_section_min_links": 2},
        {(*MISSING, ""), thin("guide.md", 3, "Cross-Reference Navigation", 0, 2)},
    ),
    "all three": (
        {"ignore": ["legacy/*"], "nav_section": "See Also", "nav_section_min_links": 2},
        {thin("index.md", 5, "See Also", 1, 2)},
    ),
}


def options_site(root: Path, xref: dict[str, Any]) -> Path:
    plugin: Any = {"careerkit": {"xref": xref}} if xref else "careerkit"
    return write_site(root, PAGES, {"plugins": [plugin]})


@pytest.mark.parametrize("case", list(CASES))
def test_xref_options_reach_the_build(case: str, tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    xref, want = CASES[case]
    built = build_site(options_site(tmp_path, xref))
    assert rows(build_findings(built)) == want
    assert (built.error is None) == all(row[4] != "error" for row in want)


@pytest.mark.parametrize("case", list(CASES))
def test_xref_options_reach_careerkit_check(case: str, tmp_path: Path) -> None:
    xref, want = CASES[case]
    config = options_site(tmp_path, xref)
    out = run("careerkit", "check", "--format", "json", cwd=tmp_path)
    assert json_rows(out.stdout) == want, out.stderr
    assert out.returncode == (1 if any(row[4] == "error" for row in want) else 0)
    assert rows(cli_findings(config)) == want  # the same through the Python API


def test_check_strict_fails_on_warnings_only_with_strict(tmp_path: Path) -> None:
    options_site(tmp_path, CASES["all three"][0])  # one warning, no error
    plain = run("careerkit", "check", cwd=tmp_path)
    strict = run("careerkit", "check", "--strict", cwd=tmp_path)
    assert (plain.returncode, strict.returncode) == (0, 1), (plain.stdout, strict.stdout)
    assert strict.stdout == plain.stdout
    assert plain.stdout.splitlines()[-1] == "careerkit: 0 errors, 1 warning"
    as_json = run("careerkit", "check", "--strict", "--format", "json", cwd=tmp_path)
    assert as_json.returncode == 1 and len(json.loads(as_json.stdout)) == 1


def test_check_strict_passes_without_warnings(tmp_path: Path) -> None:
    """Info findings (an unused marker) and a clean site do not fail, even with --strict."""
    page = "# Home\n\n[Guide](guide.md) <!-- careerkit-ignore xref.missing-page: renamed -->\n"
    write_site(tmp_path, {"index.md": page, "guide.md": "# Guide\n"})
    out = run("careerkit", "check", "--strict", "--format", "json", cwd=tmp_path)
    assert out.returncode == 0, out.stdout
    assert [(d["code"], d["severity"]) for d in json.loads(out.stdout)] == [
        ("suppress.unused", "info")
    ]


def test_check_strict_still_fails_on_errors(tmp_path: Path) -> None:
    options_site(tmp_path, {})
    assert run("careerkit", "check", "--strict", cwd=tmp_path).returncode == 1
