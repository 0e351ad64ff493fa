"""benchmarks/run.py: budget verdicts that never report noise as a result, and a smoke run that
writes a complete report while keeping the hand-written analysis below its marker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, load_benchmark_script

run = load_benchmark_script("run")


def series(*walls: float) -> object:
    return run.Series([run.Sample(wall=w, cpu=w, rss_kib=1024, warnings=0) for w in walls])


@pytest.mark.parametrize(
    ("careerkit", "plain", "verdict"),
    [
        ((41.0, 42.0, 43.0), (40.0, 41.0, 42.0), "PASS"),  # 1.024x by median, 1.025x by min
        ((44.0, 45.0, 46.0), (40.0, 41.0, 42.0), "FAIL"),  # 1.098x and 1.100x
        # One lucky plain build: 1.049x by median but 1.073x by minima; the run cannot tell.
        ((42.9, 43.0, 43.1), (40.0, 41.0, 42.0), "UNCLEAR"),
    ],
)
def test_a_timed_budget_is_decided_only_when_median_and_minimum_agree(
    careerkit: tuple[float, ...], plain: tuple[float, ...], verdict: str
) -> None:
    line = run.timed_verdict(series(*careerkit), series(*plain), 1.05)
    assert line.startswith(f"- {verdict}")


def test_a_smoke_run_writes_every_table_and_keeps_the_analysis(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    kept = "\n## Analysis\n\nWritten by hand.\n"
    out.write_text("# old numbers\n\n| stale | table |\n\n<!-- analysis -->" + kept, "utf-8")
    args = ["--pages", "100", "--runs", "1", "--check-pages", "100", "--skip-htmlproofer"]
    args += ["--variants", "plain", "careerkit", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    head, analysis = report.split("<!-- analysis -->")
    assert "| stale | table |" not in head
    assert analysis == kept
    assert "benchmarks/run.py " + " ".join(args[:-1]) in head  # the command that reproduces it
    rows = [line for line in head.splitlines() if line.startswith(("| plain |", "| careerkit |"))]
    assert len(rows) == 2, head
    assert "| 100 | 1 |" in head  # `careerkit check` timed at 100 pages, 0 findings below
    assert "| 0 |\n" in head.split("## `careerkit check`")[1]
    assert "Pages without any careerkit feature that load careerkit assets: 0 of" in head
    assert "- PASS — careerkit assessment JS+CSS ≤ 8 KB gzip together" in head
    # Budgets are set at 1,000 pages; a 100-page run must say it could not judge them.
    assert "- N/A — build budgets: no plain and careerkit builds at 1,000 pages" in head
