"""What ``careerkit check`` prints: one openable path per finding in every format, and a stdout
that holds the report alone."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree as ET

import pytest

from mkdocs_careerkit import cli
from mkdocs_careerkit.reports import FORMATS
from tests.conftest import write_site

PAGE = "guide/my page, 1%.md"  # a space, a comma and a percent sign: each format escapes them


def paths_in(report: str, fmt: str) -> list[str]:
    """The path each format prints for each finding, unescaped."""
    if fmt == "text":
        return re.findall(r"^[A-Z]+ +(.+?):\d+:\d+: ", report, re.M)
    if fmt == "json":
        return [d["file"] for d in json.loads(report)]
    if fmt == "github":
        return [
            unquote(m)  # %25, %2C and %3A are the only escapes, and unquote undoes them
            for m in re.findall(r"^::\w+ file=([^,]+),", report, re.M)
        ]
    if fmt == "junit":
        return [c.get("file", "") for c in ET.fromstring(report).iter("testcase")]
    results = json.loads(report)["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    return [unquote(urlparse(u).path) if u.startswith("file:") else unquote(u) for u in uris]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    write_site(
        root,
        {
            "index.md": "# Home\n\n[Guide](guide/my%20page,%201%25.md)\n",
            PAGE: "# Page\n\nSee [gone](gone.md) and [there](../index.md#nope).\n",
        },
    )
    (root / "sub").mkdir()
    return root


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("cwd", "config", "prefix"),
    [
        (".", "mkdocs.yml", "docs/"),
        ("..", "repo/mkdocs.yml", "repo/docs/"),
        ("sub", "../mkdocs.yml", "../docs/"),
    ],
    ids=["site-root", "parent", "subfolder"],
)
def test_every_format_prints_the_path_relative_to_the_working_directory(
    fmt: str,
    cwd: str,
    config: str,
    prefix: str,
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(repo / cwd)
    assert cli.main(["check", "-f", config, "--format", fmt]) == 1
    out = capsys.readouterr().out
    paths = paths_in(out, fmt)
    assert paths == [prefix + PAGE] * 2, out
    assert all(os.path.isfile(p) for p in paths)  # openable from where the command ran


@pytest.mark.parametrize("fmt", FORMATS)
def test_absolute_paths_option(
    fmt: str, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo / "sub")
    assert cli.main(["check", "-f", "../mkdocs.yml", "--format", fmt, "--absolute-paths"]) == 1
    out = capsys.readouterr().out
    assert paths_in(out, fmt) == [(repo / "docs" / PAGE).as_posix()] * 2, out


def test_json_keeps_the_docs_relative_path(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo.parent)
    cli.main(["check", "-f", "repo/mkdocs.yml", "--format", "json"])
    items = json.loads(capsys.readouterr().out)
    assert [(d["file"], d["docs_path"]) for d in items] == [("repo/docs/" + PAGE, PAGE)] * 2


def test_baseline_stays_docs_relative_wherever_it_is_written(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written from a subfolder with absolute paths on, read from the parent: same entries."""
    monkeypatch.chdir(repo / "sub")
    write = ["check", "-f", "../mkdocs.yml", "--absolute-paths", "--write-baseline", "b.json"]
    assert cli.main(write) == 0
    entries = json.loads((repo / "sub" / "b.json").read_text(encoding="utf-8"))["findings"]
    assert {e["file"] for e in entries} == {PAGE}
    monkeypatch.chdir(repo.parent)
    capsys.readouterr()
    args = ["check", "-f", "repo/mkdocs.yml", "--baseline", "repo/sub/b.json", "--format", "json"]
    assert cli.main(args) == 0
    items = json.loads(capsys.readouterr().out)
    assert {(d["file"], d["severity"]) for d in items} == {("repo/docs/" + PAGE, "info")}
