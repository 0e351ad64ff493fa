"""``careerkit check FILE…``, ``--changed``, ``--cache`` and the pre-commit hook (subprocesses)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from mkdocs_careerkit import cache
from tests.conftest import REPO, write_site

PAGES = {
    "index.md": "# Home\n\nSee [the plan](guide/plan.md#first-steps).\n",
    "guide/plan.md": "# Plan\n\n## First Steps\n\nText.\n\n[Back](../index.md)\n",
    # A broken link that has been there all along, on a page nobody edits.
    "guide/old.md": "# Old\n\n[Gone](gone.md)\n\n[Plan](plan.md)\n",
}


def careerkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("careerkit", path=str(Path(sys.executable).parent))
    assert exe, "the careerkit console script is not installed next to this Python"
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout


def found(out: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    """(docs path, code) of each finding in a JSON report."""
    return sorted((f["docs_path"], f["code"]) for f in json.loads(out.stdout))


def site(tmp_path: Path) -> Path:
    write_site(tmp_path, PAGES)
    return tmp_path


def rename_heading(root: Path) -> None:
    page = root / "docs" / "guide" / "plan.md"
    page.write_text(page.read_text().replace("## First Steps", "## Getting Started"))


OLD = ("guide/old.md", "xref.missing-page")
BROKEN = ("index.md", "xref.missing-anchor")


def test_named_page_reports_its_findings_and_broken_links_to_it(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert found(careerkit("check", "--format", "json", cwd=root)) == [OLD]
    rename_heading(root)
    whole = careerkit("check", "--format", "json", cwd=root)
    assert found(whole) == sorted([BROKEN, OLD])
    # The heading was renamed on plan.md; the link it broke is on index.md. old.md links to
    # plan.md too, but its broken link to gone.md is not about plan.md.
    out = careerkit("check", "--format", "json", "docs/guide/plan.md", cwd=root)
    assert out.returncode == 1
    assert found(out) == [BROKEN]
    # old.md's own finding, and nothing of index.md's (old.md does not link to index.md).
    out = careerkit("check", "--format", "json", "docs/guide/old.md", cwd=root)
    assert found(out) == [OLD]
    # A page nobody links to and without findings: nothing to report, exit 0.
    out = careerkit("check", "docs/index.md", cwd=root)
    assert out.returncode == 1 and "index.md" in out.stdout  # its own broken link
    # The config concerns every page: the whole report.
    out = careerkit("check", "--format", "json", "mkdocs.yml", cwd=root)
    assert found(out) == sorted([BROKEN, OLD])
    # A file the site does not read (the project's README): nothing to check, exit 0.
    (root / "README.md").write_text("# Readme\n")
    out = careerkit("check", "--format", "json", "README.md", cwd=root)
    assert (out.returncode, json.loads(out.stdout)) == (0, [])


def test_named_files_give_the_same_report_with_and_without_the_cache(tmp_path: Path) -> None:
    root = site(tmp_path)
    careerkit("check", cwd=root)  # fills the cache
    rename_heading(root)
    for named in (["docs/guide/plan.md"], ["docs/guide/old.md", "docs/index.md"], []):
        cached = careerkit("check", "--format", "json", *named, cwd=root)
        fresh = careerkit("check", "--format", "json", "--no-cache", *named, cwd=root)
        assert (cached.returncode, cached.stdout) == (fresh.returncode, fresh.stdout)


def test_cache_folder_next_to_the_config_or_where_named(tmp_path: Path) -> None:
    root = site(tmp_path)
    sub = root / "elsewhere"
    sub.mkdir()
    assert careerkit("check", "--no-cache", "-f", "../mkdocs.yml", cwd=sub).returncode == 1
    assert not (root / cache.DIRNAME).exists()
    careerkit("check", "-f", "../mkdocs.yml", cwd=sub)
    assert (root / cache.DIRNAME / cache.FILENAME).is_file()
    # It ignores itself, so that `git add .` never commits it.
    assert (root / cache.DIRNAME / ".gitignore").read_text().splitlines()[-1] == "*"
    careerkit("check", "--cache", str(root / "mine"), cwd=root)
    assert (root / "mine" / cache.FILENAME).is_file()


def test_a_corrupt_cache_gives_the_same_report_and_no_traceback(tmp_path: Path) -> None:
    root = site(tmp_path)
    before = careerkit("check", "--format", "json", cwd=root)
    (root / cache.DIRNAME / cache.FILENAME).write_bytes(b"\x80\x05garbage")
    after = careerkit("check", "--format", "json", cwd=root)
    assert (after.returncode, after.stdout) == (before.returncode, before.stdout)
    assert "Traceback" not in after.stderr and after.stderr == before.stderr


def test_changed_asks_git(tmp_path: Path) -> None:
    root = site(tmp_path)
    git("init", "-q", cwd=root)
    git("add", ".", cwd=root)
    git("commit", "-qm", "start", cwd=root)
    # Nothing changed: nothing to report.
    out = careerkit("check", "--changed", "--format", "json", cwd=root)
    assert (out.returncode, json.loads(out.stdout)) == (0, [])
    rename_heading(root)  # unstaged
    out = careerkit("check", "--changed", "--format", "json", cwd=root)
    assert (out.returncode, found(out)) == (1, [BROKEN])
    git("checkout", "--", ".", cwd=root)
    # A deleted page: the links to it are reported (old.md's link to gone.md is not).
    git("rm", "-q", "docs/guide/plan.md", cwd=root)
    out = careerkit("check", "--changed", "--format", "json", cwd=root)
    assert [(f["docs_path"], f["line"], f["code"]) for f in json.loads(out.stdout)] == [
        ("guide/old.md", 5, "xref.missing-page"),
        ("index.md", 3, "xref.missing-page"),
    ]


def test_changed_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    root = site(tmp_path)
    env_root = tmp_path / "no-git"
    env_root.mkdir()
    shutil.move(str(root / "docs"), env_root / "docs")
    shutil.move(str(root / "mkdocs.yml"), env_root / "mkdocs.yml")
    exe = shutil.which("careerkit", path=str(Path(sys.executable).parent)) or ""
    out = subprocess.run(
        [exe, "check", "--changed"],
        capture_output=True,
        text=True,
        cwd=env_root,
        env={**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path)},
        timeout=120,
    )
    assert out.returncode == 2
    assert out.stderr.startswith("careerkit: --changed asks git") and "Traceback" not in out.stderr


def test_write_baseline_with_files_is_a_usage_error(tmp_path: Path) -> None:
    root = site(tmp_path)
    out = careerkit("check", "--write-baseline", "b.json", "docs/index.md", cwd=root)
    assert out.returncode == 2 and "whole site" in out.stderr
    assert not (root / "b.json").exists()


def _hooks() -> dict[str, dict[str, Any]]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {h["id"]: h for h in hooks}


def _run_hook(hook: dict[str, Any], root: Path) -> subprocess.CompletedProcess[str]:
    """Run a hook as pre-commit does: its entry, then (with pass_filenames) the staged files
    its ``files`` pattern matches, from the repository's top."""
    staged = git("diff", "--staged", "--name-only", "--diff-filter=ACMRTUXB", cwd=root).split()
    files = [f for f in staged if re.search(hook["files"], f)]
    if not files and not hook.get("always_run"):
        return subprocess.CompletedProcess([], 0, "", "")
    argv = shlex.split(hook["entry"]) + (files if hook.get("pass_filenames", True) else [])
    exe = shutil.which(argv[0], path=str(Path(sys.executable).parent))
    assert exe
    return subprocess.run([exe, *argv[1:]], capture_output=True, text=True, cwd=root, timeout=120)


def test_pre_commit_hook_runs_the_incremental_check(tmp_path: Path) -> None:
    hook = _hooks()["careerkit-check"]
    assert "--changed" in shlex.split(hook["entry"]) and hook["require_serial"]
    root = site(tmp_path)
    git("init", "-q", cwd=root)
    git("add", ".", cwd=root)
    git("commit", "-qm", "start", cwd=root)
    # A commit that renames a heading: the hook fails and names the link it broke.
    rename_heading(root)
    git("add", "docs/guide/plan.md", cwd=root)
    out = _run_hook(hook, root)
    assert out.returncode == 1, out.stderr
    assert "docs/index.md:3:5: link 'guide/plan.md#first-steps'" in out.stdout
    assert "old.md" not in out.stdout  # not this commit's doing
    git("commit", "-qm", "rename", cwd=root)
    # A commit that only deletes a page runs it too (always_run), and git names the page.
    git("rm", "-q", "docs/guide/old.md", cwd=root)
    out = _run_hook(hook, root)
    assert (out.returncode, out.stdout.strip().splitlines()[-1]) == (
        0,
        "careerkit: 0 errors, 0 warnings",
    )
    # pre-commit would not even start a hook without always_run for that commit.
    assert _run_hook(_hooks()["careerkit-check-site"], root).args == []
    git("commit", "-qm", "delete", cwd=root)
    # The whole-site hook reports every finding, whichever page the commit touches.
    (root / "docs" / "guide" / "plan.md").write_text("# Plan\n\nNew text.\n")
    git("add", ".", cwd=root)
    out = _run_hook(_hooks()["careerkit-check-site"], root)
    assert out.returncode == 1 and "docs/index.md:3:5" in out.stdout


def test_hook_file_pattern() -> None:
    pattern = _hooks()["careerkit-check"]["files"]
    for name in ("docs/a.md", "mkdocs.yml", "sub/mkdocs.yaml", "zensical.toml", "properdocs.yml"):
        assert re.search(pattern, name), name
    for name in ("src/app.py", "docs/img.png"):
        assert not re.search(pattern, name), name
