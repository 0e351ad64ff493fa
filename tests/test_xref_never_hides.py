"""Turning careerkit on never hides a problem: MkDocs' own link messages survive unless careerkit
reported the same link, and two files publishing to one URL are reported."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_careerkit.cli import main
from tests.conftest import Built, build_site, write_site
from tests.test_xref_sites import FIXTURE_SITES, FIXTURES

# MkDocs reports every kind of link problem at warning level, so every one can be compared.
LOUD = {
    "links": {
        "not_found": "warn",
        "anchors": "warn",
        "unrecognized_links": "warn",
        "absolute_links": "warn",
    }
}
_MKDOCS_LINK = re.compile(
    r"^Doc file '([^']+)' contains (?:a link|an unrecognized relative link|an absolute link) "
    r"'(.*)'(?:, but |, it was left as is)"
)


def mkdocs_link_messages(built: Built, level: int = logging.WARNING) -> set[tuple[str, str]]:
    """(page, link) of each link MkDocs' own validation logged at ``level`` or above."""
    out = set()
    for r in built.records:
        if r.name == "mkdocs.structure.pages" and r.levelno >= level:
            m = _MKDOCS_LINK.match(r.getMessage())
            if m:
                out.add((m[1], m[2]))
    return out


def careerkit_reported(built: Built) -> list[tuple[str, str]]:
    """(file, message) of careerkit's findings at warning level or above."""
    out = []
    for r in built.records:
        if r.name.startswith("mkdocs.plugins.mkdocs_careerkit") and r.levelno >= logging.WARNING:
            m = re.match(r"^(?:mkdocs_careerkit: )?([^:]+):\d+:\d+: (.*)$", r.getMessage())
            if m:
                out.append((m[1], m[2]))
    return out


def silenced(page: Path, link: str) -> bool:
    """The author silenced this link with a careerkit-ignore marker (and gave a reason)."""
    lines = page.read_text("utf-8").split("\n")
    for i, line in enumerate(lines):
        if f"]({link})" in line:
            marked = line + (lines[i - 1] if i else "")
            if re.search(r"<!--\s*careerkit-ignore[^>]*:\s*\S", marked):
                return True
    return False


def plugins_without_careerkit(config: Path) -> list[Any]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    raw = yaml.load(config.read_text("utf-8"), Loader=Loader)
    plugins = raw.get("plugins") or ["search"]
    return [p for p in plugins if "careerkit" not in (p if isinstance(p, str) else next(iter(p)))]


@pytest.mark.parametrize("name", FIXTURE_SITES)
def test_what_mkdocs_reports_without_careerkit_is_still_reported_with_it(
    name: str, tmp_path: Path
) -> None:
    shutil.copytree(FIXTURES / name, tmp_path / name)
    config = tmp_path / name / "mkdocs.yml"
    control = build_site(config, plugins=plugins_without_careerkit(config), validation=LOUD)
    alone = mkdocs_link_messages(control)
    if name in ("faults", "rich"):  # fixtures with broken links: the comparison means something
        assert len(alone) >= 10, alone
    shutil.rmtree(tmp_path / name / "site", ignore_errors=True)
    built = build_site(config, validation=LOUD)
    still_loud = mkdocs_link_messages(built)
    reported = careerkit_reported(built)
    hidden = {
        (page, link)
        for page, link in alone - still_loud
        if not any(file == page and f"'{link}'" in message for file, message in reported)
        and not silenced(tmp_path / name / "docs" / page, link)
    }
    assert hidden == set()
    # And MkDocs' message is quieted only where careerkit said the same.
    for page, link in alone - still_loud:
        assert (page, link) in mkdocs_link_messages(built, logging.DEBUG)


HOOK = """
def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri == "index.md":
        return markdown + "\\n\\nAdded by a hook: [hooked](hook-made-missing.md)\\n"
    return markdown
"""


def test_a_link_careerkit_cannot_see_keeps_mkdocs_warning(tmp_path: Path) -> None:
    """The hook runs after careerkit read the page: MkDocs alone sees the broken link."""
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n\n[Gone](gone.md)\n"},
        {"hooks": ["hook.py"], "plugins": ["careerkit"]},
    )
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    built = build_site(config)
    assert ("index.md", "hook-made-missing.md") in mkdocs_link_messages(built)
    # careerkit reported gone.md itself, at its line: MkDocs' message about it is quieted.
    assert ("index.md", "gone.md") not in mkdocs_link_messages(built)
    assert ("index.md", "gone.md") in mkdocs_link_messages(built, logging.DEBUG)
    assert [m for _, m in careerkit_reported(built) if "gone.md" in m] == [
        "link 'gone.md': no such file 'gone.md' [xref.missing-page]"
    ]


def test_without_quieting_mkdocs_keeps_every_message(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n\n[Gone](gone.md)\n"},
        {"plugins": [{"careerkit": {"xref": {"quiet_mkdocs_validation": False}}}]},
    )
    built = build_site(config)
    assert ("index.md", "gone.md") in mkdocs_link_messages(built)


COLLIDING = {
    "index.md": "# Home\n\n[Guide](guide/page.md)\n",
    "guide/page.md": "# Old page\n",
    "guide/page/index.md": "# New page\n\n## Steps\n",
}


def test_two_files_with_one_url_are_an_error_in_the_build(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, COLLIDING, {"plugins": ["careerkit"]}))
    assert built.error is not None
    [(file, message)] = [(f, m) for f, m in careerkit_reported(built) if "page.url-collision" in m]
    assert file == "guide/page/index.md"
    assert "'guide/page/index.md' and 'guide/page.md' both publish to 'guide/page/'" in message


def test_two_files_with_one_url_are_an_error_in_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path, COLLIDING, {"plugins": ["careerkit"]})
    assert main(["check", "-f", str(config), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(f["docs_path"], f["code"], f["severity"]) for f in found] == [
        ("guide/page/index.md", "page.url-collision", "error")
    ]


def test_one_file_per_url_is_no_collision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = {k: v for k, v in COLLIDING.items() if k != "guide/page.md"}
    pages["index.md"] = "# Home\n\n[Guide](guide/page/index.md)\n"
    config = write_site(tmp_path, pages, {"plugins": ["careerkit"]})
    assert main(["check", "-f", str(config), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


GENERATOR = """
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class _Cli(Preprocessor):
    def run(self, lines):
        out = []
        for line in lines:
            out += ["## Usage", "", "Run it."] if line == "::: cli" else [line]
        return out


class CliExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_Cli(md), "cli", 40)


def makeExtension(**kwargs):
    return CliExtension(**kwargs)
"""


def test_a_generator_extension_is_judged_by_the_build_and_named_by_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Like mkdocs-click: headings made by an extension exist in the build; check says once
    that it cannot see them, and never calls the link broken."""
    (tmp_path / "gen_cli.py").write_text(GENERATOR, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    pages = {"index.md": "# Home\n\n[usage](tool.md#usage)\n", "tool.md": "# Tool\n\n::: cli\n"}
    config = write_site(tmp_path, pages, {"markdown_extensions": ["gen_cli"]})
    built = build_site(config)
    assert built.error is None and careerkit_reported(built) == []
    assert main(["check", "-f", str(config), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["severity"]) for f in found] == [
        ("xref.cannot-see", "info"),
        ("xref.missing-anchor", "warn"),
    ]
    assert "Markdown extension 'gen_cli'" in found[0]["message"]


def test_a_broken_definition_from_a_snippet_is_reported_where_it_is_used(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n\nSee [the guide][guide] and [home][home].\n"},
        {
            "markdown_extensions": [
                {"pymdownx.snippets": {"base_path": [str(tmp_path)], "auto_append": ["links.md"]}}
            ]
        },
    )
    (tmp_path / "links.md").write_text("[guide]: no-guide.md\n[home]: index.md\n", "utf-8")
    built = build_site(config)
    assert careerkit_reported(built) == [
        ("index.md", "link 'no-guide.md': no such file 'no-guide.md' [xref.missing-page]")
    ]
    assert ("index.md", "no-guide.md") not in mkdocs_link_messages(built)
    assert ("index.md", "no-guide.md") in mkdocs_link_messages(built, logging.DEBUG)


@pytest.mark.parametrize("verbose", [False, True])
def test_a_quieted_mkdocs_message_is_shown_only_with_verbose(tmp_path: Path, verbose: bool) -> None:
    """What an author sees in the terminal: careerkit's error with its line, and MkDocs' own
    message about the same link only under ``mkdocs build --verbose`` (as a debug line)."""
    import subprocess
    import sys

    config = write_site(tmp_path, {"index.md": "# Home\n\n[Gone](gone.md)\n"}, {})
    argv = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    done = subprocess.run(
        argv + (["--verbose"] if verbose else []), capture_output=True, text=True, check=False
    )
    out = done.stdout + done.stderr
    assert "index.md:3:1: link 'gone.md': no such file 'gone.md' [xref.missing-page]" in out
    mkdocs_own = [line for line in out.splitlines() if "contains a link 'gone.md'" in line]
    if verbose:
        assert len(mkdocs_own) == 1 and mkdocs_own[0].startswith("DEBUG")
    else:
        assert mkdocs_own == []
