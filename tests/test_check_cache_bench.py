"""benchmarks/run.py's incremental-check measurement: it times a real cached run per round and
leaves the site as it found it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import load_benchmark_script

run = load_benchmark_script("run")
generate = load_benchmark_script("generate")


def test_incremental_measurement_times_cold_runs_and_restores_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    generate.generate(site, 12, seed=1)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    s = run.incremental_check(site, 2)
    assert len(s.samples) == 2 and all(x.wall > 0 and x.cpu > 0 for x in s.samples)
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before  # pages put back, the cache removed
    lines = run.incremental_lines(12, s)
    verdict = [line for line in lines if line.startswith("- ")]
    assert len(verdict) == 1
    expected = "PASS" if max(s.median, s.min) <= run.BUDGET_INCREMENTAL else "FAIL"
    if (s.median <= run.BUDGET_INCREMENTAL) != (s.min <= run.BUDGET_INCREMENTAL):
        expected = "UNCLEAR"
    assert verdict[0].startswith(f"- {expected}")


def test_incremental_verdict_needs_median_and_minimum_to_agree() -> None:
    def series(*walls: float) -> object:
        return run.Series([run.Sample(wall=w, cpu=w, rss_kib=1, warnings=0) for w in walls])

    assert run.incremental_lines(1000, series(0.2, 0.25, 0.28))[-2].startswith("- PASS")
    assert run.incremental_lines(1000, series(0.5, 0.6, 0.7))[-2].startswith("- FAIL")
    assert run.incremental_lines(1000, series(0.25, 0.35, 0.4))[-2].startswith("- UNCLEAR")
