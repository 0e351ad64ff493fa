"""The example site — a career guide that documents the plugin — builds strictly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SITE, build_site


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(EXAMPLE_SITE, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site"))
    return root


def test_example_site_builds_strict_without_findings(example: Path) -> None:
    built = build_site(example / "mkdocs.yml", strict=True)
    assert built.error is None, built.messages()
    assert built.messages() == []
    assert built.careerkit_lines() == []


def test_example_site_has_guide_pages_in_two_sections() -> None:
    pages = sorted(
        p.relative_to(EXAMPLE_SITE / "docs").as_posix()
        for p in (EXAMPLE_SITE / "docs").rglob("*.md")
    )
    sections = {p.split("/")[0] for p in pages if "/" in p and not p.startswith("careerkit/")}
    assert len(sections) >= 2
    guide = [p for p in pages if not p.startswith("careerkit/") and p != "index.md"]
    assert len(guide) >= 8
    for page in guide:
        text = (EXAMPLE_SITE / "docs" / page).read_text(encoding="utf-8")
        assert text.startswith("---\ntitle:"), page
        for part in (
            "tags:",
            "!!! quote",
            "!!! question",
            '=== "',
            "- [ ]",
            "(1=",
            "## Cross-Reference Navigation",
            "## Further Reading",
        ):
            assert part in text, f"{page} lacks {part!r}"


def test_docs_page_lists_every_check_with_its_default_severity() -> None:
    from mkdocs_careerkit.codes import CODES

    page = (EXAMPLE_SITE / "docs" / "careerkit" / "cross-references.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[2].strip()
        for line in page.splitlines()
        if line.startswith("| `")
    }
    for code, info in CODES.items():
        if code.split(".")[0] in ("xref", "page", "suppress", "baseline", "markdown", "backlinks"):
            assert rows.get(code) == info.severity, f"{code} missing or wrong on the docs page"


def test_example_site_shows_backlinks_on_every_page_linked_to(example: Path) -> None:
    built = build_site(example / "mkdocs.yml", strict=True)
    assert built.error is None, built.messages()
    links = built.config.plugins["careerkit"].state.links
    linked = {x.target for x in links if x.resolved and x.source != x.target}
    pages = {p.relative_to(example / "docs").as_posix() for p in (example / "docs").rglob("*.md")}
    assert len(linked) >= 10
    for page in sorted(pages):
        has_block = 'class="careerkit-backlinks"' in built.html(page)
        assert has_block == (page in linked), page
