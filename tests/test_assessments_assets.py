"""The assessment script and stylesheet: size budget, and what they must never contain."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mkdocs_careerkit.assets import ASSESSMENT_CSS, ASSESSMENT_JS, gzip_sizes, source_path
from tests.conftest import REPO

BUDGET = 8 * 1024  # gzip bytes, script and stylesheet together


def test_script_and_style_fit_the_budget() -> None:
    sizes = gzip_sizes()
    assert set(sizes) == {ASSESSMENT_JS, ASSESSMENT_CSS}
    assert sum(sizes.values()) <= BUDGET, sizes


def test_benchmark_script_prints_the_sizes() -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "asset_size.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    sizes = gzip_sizes()
    assert f"total {sum(sizes.values())} gzip bytes: within" in out
    for path, size in sizes.items():
        assert f"{Path(path).name} {size} gzip bytes" in out


def test_script_never_evaluates_or_injects_html() -> None:
    js = source_path(ASSESSMENT_JS).read_text(encoding="utf-8")
    js = re.sub(r"/\*.*?\*/|//[^\n]*", "", js, flags=re.S)  # comments may name them
    for forbidden in (
        "eval(",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "new Function",
        "document.write",
        'setAttribute("style"',
    ):
        assert forbidden not in js, forbidden
    # No style attribute through h(); Intl.NumberFormat's `style: "percent"` formats numbers.
    assert re.findall(r"\bstyle:[^,}]*", js) == ['style: "percent" ']


def test_colours_come_from_material_variables_with_fallbacks() -> None:
    css = source_path(ASSESSMENT_CSS).read_text(encoding="utf-8")
    variables = re.findall(r"var\((--md-[\w-]+)(,[^)]*)?\)", css)
    assert variables, "no Material variables used"
    # Icons have no plain-theme equivalent; every colour has a fallback.
    bare = [name for name, fallback in variables if not fallback and "-icon-" not in name]
    assert bare == []
    assert "@media print" in css
    assert ":focus-visible" in css


def test_assets_can_be_copied_for_use_without_the_plugin(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mkdocs_careerkit.assets", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == [
        "careerkit-assessment.css",
        "careerkit-assessment.js",
        "careerkit-cards.css",
    ]
    assert "careerkit-assessment.js" in out.stdout
