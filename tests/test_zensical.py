"""Zensical (the successor of Material for MkDocs) runs careerkit's Markdown extensions, not its
plugin: the example site, with the one config change documented in the README, builds there and
its pages with an assessment reference the copied script and stylesheet."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from mkdocs_careerkit import assets
from tests.conftest import EXAMPLE_SITE, EXTENSIONS, REPO, unavailable

SEED_HTML = "professional-development/networking-community-building/index.html"
# The README's "Zensical" section: the extension, told where the copied assets are.
EXTENSION = {"mkdocs_careerkit.assessments": {"assets_url": "assets/careerkit"}}
EXTENSION_TOML = '"mkdocs_careerkit.assessments" = { assets_url = "assets/careerkit" }'


def zensical() -> str:
    exe = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if exe is None:
        unavailable("zensical is not installed: pip install -e '.[test]'")
    return exe


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    return out


def build_example_with_zensical(root: Path, site_url: str | None = None) -> Path:
    """Copy the example site to ``root``, make the README's change, build it with Zensical
    (reading mkdocs.yml, as it does next to no zensical.toml); return the site folder."""
    exe = zensical()
    shutil.copytree(EXAMPLE_SITE, root, ignore=shutil.ignore_patterns("site"))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"].append(EXTENSION)
    if site_url:
        config["site_url"] = site_url
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    run(sys.executable, "-m", "mkdocs_careerkit.assets", "docs/assets/careerkit", cwd=root)
    out = run(exe, "build", "--clean", "--strict", "-f", "mkdocs.yml", cwd=root)
    assert "careerkit" not in out.stdout + out.stderr  # no assessment finding
    return root / "site"


def test_example_site_builds_with_zensical_and_references_the_assets(tmp_path: Path) -> None:
    site = build_example_with_zensical(tmp_path / "example")
    seed = (site / SEED_HTML).read_text(encoding="utf-8")
    assert 'data-careerkit-assessment="professional-network-assessment"' in seed
    # Zensical turns the file-relative URLs into page URLs, as with every link.
    assert '<link href="../../assets/careerkit/careerkit-assessment.css" rel="stylesheet" />' in (
        seed
    )
    assert '<script defer="" src="../../assets/careerkit/careerkit-assessment.js"></script>' in (
        seed
    )
    assert (site / "assets" / "careerkit" / "careerkit-assessment.js").is_file()
    # Pages without an assessment carry neither.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "careerkit-assessment" not in home


def test_zensical_toml_site_references_the_assets_on_assessment_pages_only(tmp_path: Path) -> None:
    exe = zensical()
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nSee [the guide](guide/check-in.md).\n", "utf-8")
    (docs / "guide" / "check-in.md").write_text(
        '# Check-in\n\n!!! question "Check-in (1=Low, 5=High)"\n    - [ ] I know my next step\n',
        encoding="utf-8",
    )
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "T"\n[project.markdown_extensions]\nadmonition = {}\n'
        f"pymdownx.tasklist = {{}}\n{EXTENSION_TOML}\n"
        # The check's options (test_configfile.py): Zensical skips plugins it does not know.
        '[project.plugins.careerkit.severity]\n"xref.orphan-page" = "ignore"\n',
        encoding="utf-8",
    )
    run(sys.executable, "-m", "mkdocs_careerkit.assets", "docs/assets/careerkit", cwd=tmp_path)
    run(exe, "build", "--clean", "--strict", cwd=tmp_path)
    page = (tmp_path / "site" / "guide" / "check-in" / "index.html").read_text(encoding="utf-8")
    assert 'data-careerkit-assessment="check-in"' in page
    assert 'src="../../assets/careerkit/careerkit-assessment.js"' in page
    assert "careerkit-assessment" not in (tmp_path / "site" / "index.html").read_text("utf-8")
    # careerkit check reads the same file.
    check = run(sys.executable, "-m", "mkdocs_careerkit.cli", "check", cwd=tmp_path)
    assert check.stdout == "careerkit: 0 errors, 0 warnings\n"


BLOCK = '# T\n\n!!! question "Check (1=Low, 5=High)"\n    - [ ] I know\n'


@pytest.mark.parametrize(
    ("assets_url", "src_path", "css", "js"),
    [
        ("assets/careerkit", "guide/page.md", "../assets/careerkit/", "../assets/careerkit/"),
        ("assets/careerkit/", "index.md", "assets/careerkit/", "assets/careerkit/"),
        ("/guide/assets/careerkit", "a/b.md", "/guide/assets/careerkit/", ""),
        ("https://cdn.example/ck", "a/b.md", "https://cdn.example/ck/", ""),
        ("assets/careerkit", None, "assets/careerkit/", ""),  # no host: as written
    ],
)
def test_asset_urls_are_relative_to_the_markdown_file(
    assets_url: str, src_path: str | None, css: str, js: str
) -> None:
    link, script = assets.elements(assets_url, src_path)
    assert link.attrib == {"rel": "stylesheet", "href": css + "careerkit-assessment.css"}
    assert script.attrib == {"src": (js or css) + "careerkit-assessment.js", "defer": ""}


def test_extension_appends_the_tags_only_with_assets_url_and_an_assessment() -> None:
    def convert(text: str, **options: Any) -> str:
        md = markdown.Markdown(
            extensions=["admonition", "pymdownx.tasklist", "mkdocs_careerkit.assessments"],
            extension_configs={"mkdocs_careerkit.assessments": options},
        )
        return md.convert(text)

    tags = (
        '<link href="assets/careerkit/careerkit-assessment.css" rel="stylesheet" />'
        '<script defer="" src="assets/careerkit/careerkit-assessment.js"></script>'
    )
    assert convert(BLOCK, assets_url="assets/careerkit").endswith(tags)
    assert "careerkit-assessment." not in convert(BLOCK)  # default: the plugin's job
    assert "careerkit-assessment." not in convert("# T\n", assets_url="assets/careerkit")


def test_under_mkdocs_the_plugin_adds_the_assets_once(site: Any) -> None:
    """An mkdocs.yml that also serves Zensical (the extension with ``assets_url``) still gets the
    plugin's site files and tags, once."""
    built = site({"index.md": BLOCK}, {"markdown_extensions": [*EXTENSIONS, EXTENSION]})
    assert built.error is None
    html = built.html("index.md")
    assert html.count("careerkit-assessment.js") == 1
    assert html.count("careerkit-assessment.css") == 1


def test_readme_and_compatibility_page_show_the_tested_config_lines() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    page = (EXAMPLE_SITE / "docs" / "careerkit" / "compatibility.md").read_text(encoding="utf-8")
    command = "python -m mkdocs_careerkit.assets docs/assets/careerkit"
    for text in (readme, page):
        assert EXTENSION_TOML in text and command in text
    yaml_lines = "  - mkdocs_careerkit.assessments:\n      assets_url: assets/careerkit\n"
    assert yaml.safe_load(yaml_lines) == [EXTENSION]
    assert yaml_lines in page
