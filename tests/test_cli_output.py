"""What ``careerkit check`` prints: one openable path per finding in every format, and a stdout
that holds the report alone."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from mkdocs_careerkit import cli
from mkdocs_careerkit.reports import FORMATS
from tests.conftest import write_site
from tests.test_reports import GITHUB_LINE, sarif_schema

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


# --- stdout holds the report alone ------------------------------------------------------------

NOISY_EXTENSION = """
import sys

from markdown.extensions import Extension

print("noisy: extension imported")


class NoisyExtension(Extension):
    def extendMarkdown(self, md):
        print("noisy: extendMarkdown")
        sys.stdout.write("noisy: sys.stdout.write\\n")


def makeExtension(**kwargs):
    return NoisyExtension(**kwargs)
"""
NOISY_HOOK = """
import os
import subprocess
import sys

print("noisy: hook imported")
os.write(1, b"noisy: file descriptor 1\\n")
subprocess.run([sys.executable, "-c", "print('noisy: child process')"], check=True)


def on_config(config):
    print("noisy: on_config")


def on_page_markdown(markdown, **kwargs):
    print("noisy: on_page_markdown")
    return markdown
"""
NOISE = [
    "noisy: extension imported",
    "noisy: extendMarkdown",
    "noisy: sys.stdout.write",
    "noisy: hook imported",
    "noisy: file descriptor 1",
    "noisy: child process",
]


def noisy_site(root: Path) -> dict[str, str]:
    """A site whose own Markdown extension and hook print to stdout; the env to run it in."""
    write_site(
        root,
        {"index.md": "# Home\n\n[Gone](gone.md)\n"},
        {"markdown_extensions": ["noisy_ext"], "hooks": ["hooks/noisy_hook.py"]},
    )
    (root / "noisy_ext.py").write_text(NOISY_EXTENSION, encoding="utf-8")
    (root / "hooks").mkdir()
    (root / "hooks" / "noisy_hook.py").write_text(NOISY_HOOK, encoding="utf-8")
    # How such sites run MkDocs: the extension module is importable from the project folder.
    return {**os.environ, "PYTHONPATH": str(root)}


def run_careerkit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("careerkit", path=str(Path(sys.executable).parent))
    assert exe, "the careerkit console script is not installed next to this Python"
    return subprocess.run(
        [exe, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_site_code_printing_goes_to_stderr(fmt: str, tmp_path: Path) -> None:
    env = noisy_site(tmp_path)
    out = run_careerkit("check", "--format", fmt, cwd=tmp_path, env=env)
    assert out.returncode == 1, out.stderr
    assert "noisy:" not in out.stdout, out.stdout
    for line in NOISE:
        assert line in out.stderr.splitlines(), (line, out.stderr)
    if fmt == "json":
        # The hook handles on_page_markdown: check says once that it cannot see its output.
        cannot_see, finding = json.loads(out.stdout)
        assert cannot_see["code"] == "xref.cannot-see" and cannot_see["file"] == "mkdocs.yml"
        assert finding["file"] == "docs/index.md"
    elif fmt == "sarif":
        doc = json.loads(out.stdout)
        jsonschema.validate(doc, sarif_schema(), format_checker=jsonschema.FormatChecker())
    elif fmt == "junit":
        suite = ET.fromstring(out.stdout.encode("utf-8")).find("testsuite")
        assert suite is not None and suite.get("failures") == "1"
    elif fmt == "github":
        notice, line = out.stdout.splitlines()
        assert notice.startswith("::notice file=mkdocs.yml,") and GITHUB_LINE.match(line), line
    else:
        assert out.stdout.splitlines()[-1] == "careerkit: 1 error, 0 warnings, 1 info finding"


def test_output_file_leaves_stdout_empty_and_confirms_on_stderr(tmp_path: Path) -> None:
    write_site(tmp_path, {"index.md": "# Home\n\n[Gone](gone.md)\n"})
    out = run_careerkit(
        "check", "--format", "sarif", "--output", "report.sarif", cwd=tmp_path, env={**os.environ}
    )
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr == "careerkit: wrote report.sarif (1 error, 0 warnings)\n"
    assert len(json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))["runs"]) == 1


def test_output_file_from_a_noisy_site(tmp_path: Path) -> None:
    env = noisy_site(tmp_path)
    out = run_careerkit("check", "--format", "json", "-o", "r.json", cwd=tmp_path, env=env)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.splitlines()[-1] == (
        "careerkit: wrote r.json (1 error, 0 warnings, 1 info finding)"
    )
    assert len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))) == 2


def test_in_process_check_restores_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """main() called from Python: site output goes to stderr, the report and later prints to
    stdout, at the Python and the file-descriptor level alike."""
    monkeypatch.setenv("PYTHONPATH", noisy_site(tmp_path)["PYTHONPATH"])
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    try:
        assert cli.main(["check", "--format", "json"]) == 1
    finally:
        for module in ("noisy_ext", "noisy_hook"):
            sys.modules.pop(module, None)
    print("after")
    os.write(1, b"after fd\n")
    out, err = capfd.readouterr()
    assert out.endswith("]\nafter\nafter fd\n"), out
    assert "noisy:" not in out and "noisy: hook imported" in err
