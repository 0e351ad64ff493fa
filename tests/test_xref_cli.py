"""``careerkit check`` and ``mkdocs build`` as real subprocesses on the fixture sites."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from tests.conftest import build_site
from tests.test_reports import GITHUB_LINE, sarif_schema
from tests.test_xref_sites import (
    FINDING_LOGS,
    FIXTURE_SITES,
    FIXTURES,
    build_findings,
    expected,
    rows,
)

BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which(args[0], path=str(BIN))
    assert exe, f"{args[0]} is not installed next to this Python"
    return subprocess.run([exe, *args[1:]], capture_output=True, text=True, cwd=cwd, timeout=120)


FAULTS = len(expected("faults"))  # every finding the fault fixture must produce
FAILING = sum(1 for e in expected("faults") if e["severity"] in ("error", "warn"))


def fixture(name: str, tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / name, tmp_path / name)
    return tmp_path / name


def json_rows(out: str) -> set[tuple[Any, ...]]:
    return {
        (
            d["docs_path"],
            d["line"],
            d["column"],
            d["code"],
            d["severity"],
            d["message"],
            d["suggestion"],
        )
        for d in json.loads(out)
    }


@pytest.mark.parametrize("name", FIXTURE_SITES)
def test_check_json_equals_the_build(name: str, tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    root = fixture(name, tmp_path)
    out = run("careerkit", "check", "--format", "json", cwd=root)
    assert out.returncode in (0, 1), out.stderr
    built = build_site(root / "mkdocs.yml")
    assert json_rows(out.stdout) - {
        r for r in json_rows(out.stdout) if r[3] == "xref.cannot-see"
    } == rows(build_findings(built))
    has_error = any(d["severity"] == "error" for d in json.loads(out.stdout))
    assert out.returncode == (1 if has_error else 0)


def test_exit_codes(tmp_path: Path) -> None:
    faults = fixture("faults", tmp_path)
    clean = fixture("clean", tmp_path)
    assert run("careerkit", "check", cwd=faults).returncode == 1
    assert run("careerkit", "check", cwd=clean).returncode == 0
    assert run("careerkit", "check", "--format", "xml", cwd=clean).returncode == 2
    assert run("careerkit", "check", "-f", "nope.yml", cwd=clean).returncode == 2
    assert run("careerkit", "check", "--baseline", "nope.json", cwd=clean).returncode == 2
    (clean / "bad.json").write_text("{", encoding="utf-8")
    bad = run("careerkit", "check", "--baseline", "bad.json", cwd=clean)
    assert bad.returncode == 2 and "not valid JSON" in bad.stderr


def test_text_output_ends_with_summary(tmp_path: Path) -> None:
    out = run("careerkit", "check", cwd=fixture("faults", tmp_path))
    assert out.stdout.splitlines()[-1] == "careerkit: 20 errors, 6 warnings, 1 info finding"


def test_output_file(tmp_path: Path) -> None:
    root = fixture("faults", tmp_path)
    out = run("careerkit", "check", "--format", "json", "--output", "report.json", cwd=root)
    assert out.returncode == 1 and out.stdout == ""
    assert len(json.loads((root / "report.json").read_text(encoding="utf-8"))) == FAULTS


def test_config_file_elsewhere_and_ci_paths(tmp_path: Path) -> None:
    fixture("faults", tmp_path)
    out = run("careerkit", "check", "-f", "faults/mkdocs.yml", "--format", "github", cwd=tmp_path)
    assert out.returncode == 1
    lines = out.stdout.rstrip("\n").split("\n")
    assert len(lines) == FAULTS
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert lines[0].startswith(
        "::error file=faults/docs/leadership/giving-feedback.md,line=14,col=15,"
        "title=xref.missing-page::"
    )


def test_junit_and_sarif_from_the_cli(tmp_path: Path) -> None:
    root = fixture("faults", tmp_path)
    junit = run("careerkit", "check", "--format", "junit", cwd=root)
    suite = ET.fromstring(junit.stdout.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("failures") == str(FAILING)
    sarif = json.loads(run("careerkit", "check", "--format", "sarif", cwd=root).stdout)
    assert len(sarif["runs"][0]["results"]) == FAULTS
    jsonschema.validate(sarif, sarif_schema(), format_checker=jsonschema.FormatChecker())


def test_baseline_round_trip(tmp_path: Path) -> None:
    root = fixture("faults", tmp_path)
    wrote = run("careerkit", "check", "--write-baseline", "baseline.json", cwd=root)
    assert wrote.returncode == 0, wrote.stderr
    assert (
        len(json.loads((root / "baseline.json").read_text(encoding="utf-8"))["findings"]) == FAILING
    )

    known = run("careerkit", "check", "--baseline", "baseline.json", "--format", "json", cwd=root)
    assert known.returncode == 0, known.stdout
    assert {d["severity"] for d in json.loads(known.stdout)} == {"info"}

    page = root / "docs" / "leadership" / "influence.md"
    text = page.read_text(encoding="utf-8")
    # A new fault fails; moving the old ones down two lines does not matter.
    page.write_text(
        "# Influence\n\n[New](brand-new.md)\n" + text.split("\n", 1)[1], encoding="utf-8"
    )
    new = run("careerkit", "check", "--baseline", "baseline.json", "--format", "json", cwd=root)
    assert new.returncode == 1
    errors = [d for d in json.loads(new.stdout) if d["severity"] == "error"]
    assert [(d["file"], d["line"], d["code"]) for d in errors] == [
        ("docs/leadership/influence.md", 3, "xref.missing-page")
    ]

    # Fixing a known fault makes its entry removable.
    page.write_text(text.replace("#missing-anchor", "#events"), encoding="utf-8")
    fixed = run("careerkit", "check", "--baseline", "baseline.json", "--format", "json", cwd=root)
    assert fixed.returncode == 0
    assert [d["message"] for d in json.loads(fixed.stdout) if d["code"] == "baseline.fixed"] == [
        "no longer occurs: [xref.missing-anchor] link '../professional-development/networking.md"
        "#missing-anchor': 'professional-development/networking.md' has no anchor '#missing-anchor'"
    ]


def test_baseline_option_lets_the_build_pass(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    root = fixture("faults", tmp_path)
    assert run("careerkit", "check", "--write-baseline", "known.json", cwd=root).returncode == 0
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - careerkit\n", "  - careerkit:\n      baseline: known.json\n"
        ),
        encoding="utf-8",
    )
    built = build_site(config)
    assert built.error is None, built.messages()
    assert {f.severity for f in build_findings(built)} == {"info"}
    assert run("careerkit", "check", cwd=root).returncode == 0  # the option works for check too


def test_mkdocs_build_exits_non_zero_with_the_summary(tmp_path: Path) -> None:
    root = fixture("faults", tmp_path)
    out = run("mkdocs", "build", cwd=root)
    assert out.returncode == 1
    assert re.search(
        r"^ERROR\s+-\s+careerkit: 20 errors, 6 warnings, 1 info finding$", out.stderr, re.M
    )
    # Every finding was printed before the build stopped.
    assert len(re.findall(r"\[(xref|page|suppress)\.[\w-]+\]$", out.stderr, re.M)) == FAULTS
    assert run("mkdocs", "build", cwd=fixture("clean", tmp_path)).returncode == 0


def test_mkdocs_build_verbose_and_quiet_fail_alike(tmp_path: Path) -> None:
    root = fixture("slugs", tmp_path)
    for flag in ("-v", "-q"):
        out = run("mkdocs", "build", flag, cwd=root)
        assert out.returncode == 1, flag
        assert "careerkit: 1 error, 0 warnings" in out.stderr, flag


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    root = fixture("clean", tmp_path)
    out = run(
        "careerkit", "check", "--output", str(tmp_path / "no" / "such" / "dir" / "r.txt"), cwd=root
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr
