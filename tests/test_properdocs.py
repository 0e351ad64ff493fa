"""ProperDocs (the continuation of MkDocs 1.x) loads the plugin from its own entry point group."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

from tests.conftest import unavailable, write_site


def test_registered_in_both_entry_point_groups() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        (ep,) = [e for e in entry_points(group=group) if e.name == "careerkit"]
        assert ep.value == "mkdocs_careerkit.plugin:CareerkitPlugin"


def test_properdocs_build_runs_the_plugin(tmp_path: Path) -> None:
    exe = shutil.which("properdocs", path=str(Path(sys.executable).parent))
    if exe is None:
        unavailable("properdocs is not installed: pip install -e '.[test]'")
    cfg = write_site(tmp_path, {"index.md": "# Home\n\n[x](missing.md)\n"}, {"theme": "material"})
    out = subprocess.run(
        [exe, "build", "-f", str(cfg)], capture_output=True, text=True, timeout=120
    )
    # The plugin ran: it found the broken link at its source line and failed the build.
    assert out.returncode != 0
    assert "index.md:3:1: link 'missing.md': no such file" in out.stderr
    assert "careerkit: 1 error, 0 warnings" in out.stderr
