"""``careerkit check`` reads zensical.toml and properdocs.yml as well as mkdocs.yml: the same
findings from the same pages, whichever file describes them."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from mkdocs_careerkit import cli, configfile
from mkdocs_careerkit.configfile import tomllib
from tests.conftest import REPO, unavailable, write_site

FAULTS = REPO / "tests" / "fixtures" / "faults"

# tests/fixtures/faults/mkdocs.yml, as a Zensical user writes it (careerkit's assessments
# extension listed, since Zensical runs extensions, not plugins).
FAULTS_TOML = '''\
[project]
site_name = "Fault fixture"
docs_dir = "docs"
draft_docs = """
drafts/
"""
exclude_docs = """
private/
"""
not_in_nav = """
extras/
"""
nav = [
  { "Home" = "index.md" },
  { "Professional Development" = [
    "professional-development/mentorship.md",
    "professional-development/networking.md",
    "professional-development/bad-meta.md",
  ] },
  { "Leadership" = ["leadership/giving-feedback.md", "leadership/influence.md"] },
  "my page.md",
]

[project.markdown_extensions]
admonition = {}
pymdownx.details = {}
pymdownx.superfences = {}
pymdownx.tabbed.alternate_style = true
pymdownx.tasklist = {}
attr_list = {}
md_in_html = {}
toc = {}
tables = {}
footnotes = {}
"mkdocs_careerkit.assessments" = {}
'''


def check_json(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, list[dict[str, Any]]]:
    monkeypatch.chdir(root)
    code = cli.main(["check", "--format", "json", *args])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


@pytest.fixture
def faults(tmp_path: Path) -> Path:
    root = tmp_path / "faults"
    shutil.copytree(FAULTS, root)
    return root


def test_zensical_copy_of_the_faults_site_gives_exactly_the_same_findings(
    faults: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = check_json(faults, capsys, monkeypatch, "-f", "mkdocs.yml")
    assert expected[0] == 1 and len(expected[1]) > 20  # the fixture has faults of every kind
    (faults / "zensical.toml").write_text(FAULTS_TOML, encoding="utf-8")
    assert check_json(faults, capsys, monkeypatch, "-f", "zensical.toml") == expected
    (faults / "mkdocs.yml").unlink()
    assert check_json(faults, capsys, monkeypatch) == expected  # found without -f


def test_properdocs_yml_gives_the_same_findings(
    faults: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = check_json(faults, capsys, monkeypatch)
    (faults / "mkdocs.yml").rename(faults / "properdocs.yml")
    assert check_json(faults, capsys, monkeypatch) == expected


@pytest.mark.parametrize(
    ("present", "found"),
    [
        (("mkdocs.yml", "properdocs.yml", "zensical.toml"), "zensical.toml"),
        (("mkdocs.yml", "properdocs.yml"), "properdocs.yml"),
        (("mkdocs.yaml", "mkdocs.yml"), "mkdocs.yml"),
        (("mkdocs.yaml",), "mkdocs.yaml"),
        ((), "mkdocs.yml"),  # none: the error names the file MkDocs users expect
    ],
)
def test_config_file_is_found_in_order(
    present: tuple[str, ...], found: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in present:
        (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert configfile.find_config_file() == found
    assert configfile.find_config_file(str(tmp_path)) == str(tmp_path / found)


def _zensical_config(path: Path) -> dict[str, Any]:
    if importlib.util.find_spec("zensical") is None:
        unavailable("zensical is not installed: pip install -e '.[test]'")
    from zensical.config import parse_config

    return parse_config(str(path))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "toml",
    [
        FAULTS_TOML,
        '[project]\nsite_name = "Defaults"\n',  # Zensical's default extensions
        '[project]\nsite_name = "List"\nmarkdown_extensions = ["admonition", '
        '{ "pymdownx.tabbed" = { alternate_style = true } }, "pymdownx.superfences", "def_list"]\n',
    ],
    ids=["faults", "defaults", "list"],
)
def test_extensions_are_the_ones_zensical_runs(toml: str, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "zensical.toml").write_text(toml, encoding="utf-8")
    theirs = _zensical_config(tmp_path / "zensical.toml")
    project = tomllib.loads(toml)["project"]
    ours = configfile.markdown_extensions(project.get("markdown_extensions"))
    assert [e if isinstance(e, str) else next(iter(e)) for e in ours] == theirs[
        "markdown_extensions"
    ]
    config = configfile.load(str(tmp_path / "zensical.toml"))
    assert config.docs_dir == str(tmp_path / "docs")
    assert config.plugins["careerkit"] is not None


def test_slugify_and_emoji_functions_are_imported_from_their_names(tmp_path: Path) -> None:
    from pymdownx.slugs import slugify

    ours = dict(
        next(iter(e.items()))
        for e in configfile.markdown_extensions(
            {
                "toc": {"slugify": {"object": "pymdownx.slugs.slugify", "kwds": {"case": "lower"}}},
                "pymdownx": {"emoji": {"emoji_index": "pymdownx.emoji.twemoji"}},
            }
        )
        if isinstance(e, dict)
    )
    assert ours["toc"]["slugify"]("Ünïcode Title", "-") == slugify(case="lower")(
        "Ünïcode Title", "-"
    )
    assert ours["pymdownx.emoji"]["emoji_index"].__name__ == "twemoji"


def test_assessment_extension_options_apply_to_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``admonition_types`` on the extension (the only place Zensical users have) is what check
    reads blocks with; ``[project.plugins.careerkit]`` holds the check's own options."""
    page = '# Home\n\n!!! example "Check-in (5=High, 1=Low)"\n    - [ ] I know my next step\n'
    write_site(tmp_path, {"index.md": page})
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "T"\n'
        "[project.markdown_extensions]\nadmonition = {}\npymdownx.tasklist = {}\n"
        '"mkdocs_careerkit.assessments".admonition_types = ["example"]\n'
        '[project.plugins.careerkit.severity]\n"assessment.scale-reversed" = "warn"\n',
        encoding="utf-8",
    )
    code, found = check_json(tmp_path, capsys, monkeypatch)
    assert [(f["code"], f["severity"], f["line"]) for f in found] == [
        ("assessment.scale-reversed", "warn", 3)
    ]
    assert code == 0


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('[project\nsite_name = "T"\n', "zensical.toml is not valid TOML: "),
        ("project = 3\n", "zensical.toml: [project] must be a table"),
        ('[project]\nsite_name = "T"\nmarkdown_extensions = 3\n', "must be a table or a list"),
        (
            '[project]\nsite_name = "T"\n[project.markdown_extensions]\n'
            'pymdownx.emoji.emoji_index = "no_such_module.index"\n',
            "cannot import 'no_such_module.index'",
        ),
        ('[project]\nsite_name = "T"\nnav = 3\n', "nav"),
        ('[project]\nsite_name = "T"\ntheme.custom_dir = "missing"\n', "custom_dir"),
        ('[project]\nsite_name = "T"\n[project.plugins.careerkit]\nbad = 1\n', "bad"),
    ],
    ids=["bad-toml", "project-not-table", "extensions-type", "import", "nav", "custom-dir", "opt"],
)
def test_bad_zensical_toml_is_one_line_exit_2(
    toml: str,
    problem: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "zensical.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 2
    out, err = capsys.readouterr()
    last = err.splitlines()[-1]
    assert out == "" and last.startswith("careerkit: ") and problem in err, err
    assert "Traceback" not in err


# mkdocs.yml through libyaml (configfile.load_yaml) must be what MkDocs' own loader makes of it.
_YAML_SITE = """\
site_name: !ENV [CAREERKIT_TEST_SITE_NAME, 'Fallback']
INHERIT: base.yml
docs_dir: docs
theme:
  name: mkdocs
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
  - pymdownx.snippets:
      base_path: !relative $config_dir
nav:
  - Home: index.md
  - Guide:
    - 'Quoted: title': guide.md
    - guide.md
"""


def test_yaml_config_is_what_mkdocs_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config

    monkeypatch.setenv("CAREERKIT_TEST_SITE_NAME", "From the environment")
    write_site(tmp_path, {"index.md": "# Home\n", "guide.md": "# Guide\n"})
    base = "site_url: https://example.org/\nuse_directory_urls: false\n"
    (tmp_path / "base.yml").write_text(base, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(_YAML_SITE, encoding="utf-8")
    path = str(tmp_path / "mkdocs.yml")
    ours, theirs = configfile.load(path), load_config(path)
    assert ours.config_file_path == theirs.config_file_path
    for key in ("site_name", "site_url", "use_directory_urls", "docs_dir", "nav"):
        assert ours[key] == theirs[key], key
    assert ours.site_name == "From the environment"
    assert ours.markdown_extensions == theirs.markdown_extensions
    toc = ours.mdx_configs["toc"]
    assert toc["slugify"]("A B", "-") == theirs.mdx_configs["toc"]["slugify"]("A B", "-") == "a-b"
    base = ours.mdx_configs["pymdownx.snippets"]["base_path"]
    assert os.path.normpath(os.fspath(base)) == str(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "site_name: [unclosed\n",
        "site_name: x\n\tnav: []\n",
        "site_name: x\nINHERIT: missing.yml\n",
        "site_name: x\nuse_directory_urls: maybe\n",
    ],
)
def test_broken_yaml_config_reads_as_mkdocs_words_it(tmp_path: Path, text: str) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    write_site(tmp_path, {"index.md": "# Home\n"})
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    path = str(tmp_path / "mkdocs.yml")
    with pytest.raises(MkDocsException) as theirs:
        load_config(path)
    with pytest.raises(MkDocsException) as ours:
        configfile.load(path)
    assert type(ours.value) is type(theirs.value)
    assert str(ours.value) == str(theirs.value)
