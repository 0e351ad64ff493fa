"""The `careerkit` console script, run as a real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs_careerkit import __version__, cli
from tests.conftest import write_site


def careerkit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("careerkit", path=str(Path(sys.executable).parent))
    assert exe, "the careerkit console script is not installed next to this Python"
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_help_and_version() -> None:
    out = careerkit("--help")
    assert out.returncode == 0 and "check" in out.stdout
    out = careerkit("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"careerkit {__version__}"


def test_check_clean_site_exits_0(tmp_path: Path) -> None:
    write_site(tmp_path, {"index.md": "# Home\n\n[Me](a.md#a)\n", "a.md": "# A\n"})
    out = careerkit("check", cwd=tmp_path)
    assert out.returncode == 0, out.stderr + out.stdout
    assert "careerkit: 0 errors, 0 warnings" in out.stdout


def test_check_broken_link_exits_1_with_location(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {"index.md": "---\ntitle: x\n---\n# Home\n\nSee [A](a.md#nope).\n", "a.md": "# A\n"},
    )
    out = careerkit("check", "--format", "json", cwd=tmp_path)
    assert out.returncode == 1
    [finding] = json.loads(out.stdout)
    assert (finding["file"], finding["line"], finding["column"], finding["code"]) == (
        "docs/index.md",
        6,
        5,
        "xref.missing-anchor",
    )
    assert finding["docs_path"] == "index.md"


def test_usage_and_config_errors_exit_2(tmp_path: Path) -> None:
    assert careerkit("check", "--format", "yaml").returncode == 2
    assert careerkit("check", "-f", str(tmp_path / "missing.yml")).returncode == 2
    cfg = write_site(tmp_path, {"index.md": "# x\n"}, {"plugins": [{"careerkit": {"xrefs": {}}}]})
    out = careerkit("check", "-f", str(cfg))
    assert out.returncode == 2
    assert "xrefs" in out.stderr


def test_without_a_config_file_here_it_says_where_it_looked(tmp_path: Path) -> None:
    for command in (["check"], ["tags", "report"]):
        out = careerkit(*command, cwd=tmp_path)
        assert out.returncode == 2 and out.stdout == ""
        assert out.stderr == (
            f"careerkit: no site config in {tmp_path} (looked for zensical.toml, "
            "properdocs.yml, mkdocs.yml, mkdocs.yaml): run it in the site's folder or name the "
            "file with -f FILE\n"
        )


def test_check_reads_config_like_mkdocs_inherit_and_env(tmp_path: Path) -> None:
    """INHERIT and !ENV work because the CLI loads mkdocs.yml through MkDocs' own loader."""
    write_site(tmp_path, {"index.md": "# Home\n\n## Plan\n\n[Plan](#plan) [Old](#old)\n"})
    (tmp_path / "base.yml").write_text(
        "site_name: Base\nplugins:\n  - careerkit:\n      severity:\n"
        "        xref.missing-anchor: !ENV [CAREERKIT_TEST_LEVEL, error]\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\n", encoding="utf-8")
    env = {**os.environ, "CAREERKIT_TEST_LEVEL": "warn"}
    exe = shutil.which("careerkit", path=str(Path(sys.executable).parent))
    assert exe
    out = subprocess.run(
        [exe, "check", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    [finding] = json.loads(out.stdout)
    assert (finding["code"], finding["severity"], finding["line"]) == (
        "xref.missing-anchor",
        "warn",
        5,
    )
    del env["CAREERKIT_TEST_LEVEL"]
    out = subprocess.run(
        [exe, "check"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert out.returncode == 1


def test_check_leaves_the_cycle_collector_as_it_was(tmp_path: Path) -> None:
    """main() turns Python's cycle collector off while it runs (cli._no_cycle_collection) and
    back on afterwards, also when called in-process."""
    import gc

    config = write_site(tmp_path, {"index.md": "# Home\n"})
    assert gc.isenabled()
    assert cli.main(["check", "-f", str(config), "--no-cache", "-o", str(tmp_path / "r")]) == 0
    assert gc.isenabled()
    gc.disable()
    try:
        cli.main(["check", "-f", str(config), "--no-cache", "-o", str(tmp_path / "r")])
        assert not gc.isenabled()
    finally:
        gc.enable()
