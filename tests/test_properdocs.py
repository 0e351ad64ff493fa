"""ProperDocs (the continuation of MkDocs 1.x) loads the plugin from its own entry point group."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

from tests.conftest import EXAMPLE_SITE, EXTENSIONS, unavailable, write_site


def _properdocs() -> str:
    exe = shutil.which("properdocs", path=str(Path(sys.executable).parent))
    if exe is None:
        unavailable("properdocs is not installed: pip install -e '.[test]'")
    return exe


def test_registered_in_both_entry_point_groups() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        (ep,) = [e for e in entry_points(group=group) if e.name == "careerkit"]
        assert ep.value == "mkdocs_careerkit.plugin:CareerkitPlugin"


def test_properdocs_build_runs_the_plugin(tmp_path: Path) -> None:
    exe = _properdocs()
    page = '# Home\n\n[x](missing.md)\n\n!!! question "Check (5=High, 1=Low)"\n    - [ ] one\n'
    config = {"theme": "material", "markdown_extensions": ["admonition"]}
    cfg = write_site(tmp_path, {"index.md": page}, config)
    out = subprocess.run(
        [exe, "build", "-f", str(cfg)], capture_output=True, text=True, timeout=120
    )
    # The plugin ran: it found the broken link and the reversed scale at their source lines and
    # failed the build.
    assert out.returncode != 0
    assert "index.md:3:1: link 'missing.md': no such file" in out.stderr
    assert "index.md:5:" in out.stderr and "[assessment.scale-reversed]" in out.stderr
    # Without pymdownx.tasklist, readers without JavaScript would see '[ ]' text: a warning.
    assert "[assessment.missing-extension]" in out.stderr
    assert "careerkit: 2 errors, 1 warning" in out.stderr


def build_example_with_properdocs(root: Path, site_url: str | None = None) -> Path:
    """Copy the example site (Material) to ``root``, unchanged but for ``site_url``, build it with
    ``properdocs build --strict``; return the site folder."""
    exe = _properdocs()
    shutil.copytree(EXAMPLE_SITE, root, ignore=shutil.ignore_patterns("site"))
    if site_url:
        with (root / "mkdocs.yml").open("a", encoding="utf-8") as f:
            f.write(f"\nsite_url: {site_url}\n")
    out = subprocess.run(
        [exe, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "careerkit" not in out.stderr  # no finding, no error
    return root / "site"


def test_properdocs_builds_the_example_site_on_material(tmp_path: Path) -> None:
    site = build_example_with_properdocs(tmp_path / "example")
    page = site / "professional-development" / "networking-community-building"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert 'data-careerkit-assessment="professional-network-assessment"' in html
    assert '<script src="../../assets/careerkit/careerkit-assessment.js" defer>' in html
    assert (site / "assets" / "careerkit" / "careerkit-assessment.js").is_file()


def test_properdocs_builds_a_plain_theme_site(tmp_path: Path) -> None:
    """ProperDocs no longer bundles the ``mkdocs`` theme: ``properdocs-theme-mkdocs`` brings it
    (README, "Compatibility")."""
    exe = _properdocs()
    pages = {
        "index.md": "# Home\n\nSee [the guide](guide.md#first-steps).\n",
        "guide.md": (
            "# Guide\n\n## First steps\n\n"
            '!!! question "Check-in (1=Low, 5=High)"\n'
            "    - [ ] I know my next step\n"
        ),
    }
    cfg = write_site(tmp_path, pages, {"theme": "mkdocs", "markdown_extensions": EXTENSIONS})
    out = subprocess.run(
        [exe, "build", "--strict", "-f", str(cfg)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    html = (tmp_path / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "data-careerkit-assessment=" in html
    assert '<script src="../assets/careerkit/careerkit-assessment.js" defer>' in html
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "careerkit-assessment.js" not in home  # only on the page with an assessment
