"""benchmarks/generate.py: same bytes for the same arguments, the pages asked for, a clean site
that MkDocs and careerkit both accept, and injected faults that are exactly what careerkit finds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import build_site, load_benchmark_script

generate = load_benchmark_script("generate")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def nav_pages(items: Any) -> list[str]:
    if isinstance(items, str):
        return [items]
    if isinstance(items, dict):
        return [p for v in items.values() for p in nav_pages(v)]
    return [p for v in items for p in nav_pages(v)]


def careerkit_check(config: Path) -> tuple[int, list[dict[str, Any]]]:
    exe = shutil.which("careerkit", path=str(Path(sys.executable).parent))
    assert exe, "the careerkit console script is not installed next to this Python"
    out = subprocess.run(
        [exe, "check", "-f", str(config), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode in (0, 1), out.stderr
    return out.returncode, json.loads(out.stdout)


def test_same_arguments_give_the_same_bytes(tmp_path: Path) -> None:
    generate.generate(tmp_path / "a", 25, seed=3, faults=True)
    generate.generate(tmp_path / "b", 25, seed=3, faults=True)
    generate.generate(tmp_path / "c", 25, seed=4, faults=True)
    a = tree(tmp_path / "a")
    assert a == tree(tmp_path / "b")
    assert a != tree(tmp_path / "c")
    # Regenerating in place replaces the previous site entirely.
    generate.generate(tmp_path / "a", 25, seed=4, faults=True)
    assert tree(tmp_path / "a") == tree(tmp_path / "c")


def test_pages_sections_and_chapter_format(tmp_path: Path) -> None:
    info = generate.generate(tmp_path, 30)
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = nav_pages(config["nav"])
    assert len(pages) == len(set(pages)) == info["pages"] == 30
    assert config["plugins"] == ["search", "careerkit"]
    assert config["theme"]["name"] == "material"
    assert "navigation.instant" in config["theme"]["features"]
    docs = tmp_path / "docs"
    on_disk = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert on_disk == sorted([*pages, generate.DRAFT_PAGE])
    assert {p.split("/")[0] for p in pages if "/" in p} == {s for s, _ in generate.SECTIONS}
    assert not (tmp_path / "faults.json").exists()

    with_assessment = []
    for page in pages[1:]:
        text = (docs / page).read_text(encoding="utf-8")
        assert text.startswith("---\ntitle: "), page
        for part in ("\ntags:\n  - ", '!!! quote "', "## Cross-Reference Navigation", "\n*   **"):
            assert part in text, f"{page} lacks {part!r}"
        if "!!! question" in text:
            with_assessment.append(page)
            for part in ("(1=Needs Improvement, 5=Excellent):**", '    === "', "        - [ ] "):
                assert part in text, f"{page} lacks {part!r}"
            items = [line for line in text.splitlines() if line.startswith("        - [ ] ")]
            assert len(items) == len(set(items)) == 12, page  # distinct, like the seed's
        links = text.split("## Cross-Reference Navigation")[1].split("## Further Reading")[0]
        assert 4 <= links.count("](") <= 8, page
    assert sorted(with_assessment) == sorted(info["assessment_pages"])
    assert 0 < len(with_assessment) < len(pages) - 1  # some chapters have no assessment


def test_clean_site_has_no_findings(tmp_path: Path) -> None:
    generate.generate(tmp_path, 40, seed=2)
    assert careerkit_check(tmp_path / "mkdocs.yml") == (0, [])


def test_clean_site_passes_mkdocs_own_strict_link_validation(tmp_path: Path) -> None:
    """An oracle independent of careerkit: MkDocs' own checks accept every generated link."""
    generate.generate(tmp_path, 20)
    warn = dict.fromkeys(("not_found", "anchors", "absolute_links", "unrecognized_links"), "warn")
    built = build_site(
        tmp_path / "mkdocs.yml", strict=True, plugins=["search"], validation={"links": warn}
    )
    assert built.error is None, built.messages()
    assert built.messages() == []


# The realistic site at 30 pages: at 20, the page with broken front matter can be the only one
# with some tag, and careerkit then rightly reports that tag as unused (tags.unused, info).
@pytest.mark.parametrize(
    ("seed", "density", "pages"), [(1, "dense", 20), (7, "dense", 20), (7, "realistic", 30)]
)
def test_injected_faults_are_exactly_what_careerkit_finds(
    tmp_path: Path, seed: int, density: str, pages: int
) -> None:
    info = generate.generate(tmp_path, pages, seed=seed, faults=True, density=density)
    manifest = json.loads((tmp_path / "faults.json").read_text(encoding="utf-8"))
    assert manifest == info["faults"]
    assert [m["fault"] for m in sorted(manifest, key=lambda m: m["fault"])] == sorted(
        f.name for f in generate.FAULTS
    )
    status, findings = careerkit_check(tmp_path / "mkdocs.yml")
    assert status == 1
    found = sorted((f["docs_path"], f["line"], f["column"], f["code"]) for f in findings)
    expected = sorted((m["file"], m["line"], m["column"], m["code"]) for m in manifest)
    assert found == expected


def test_too_few_pages_for_faults_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least"):
        generate.generate(tmp_path, 10, faults=True)


def test_reading_variant_five_entries_per_chapter_in_every_style(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    from mkdocs_careerkit.reading.parse import parse_entry

    plain = generate.generate(tmp_path / "plain", 30, seed=2)
    info = generate.generate(tmp_path / "reading", 30, seed=2, reading=True)
    assert info["reading_pages"] == plain["reading_pages"]
    a, b = tree(tmp_path / "plain" / "docs"), tree(tmp_path / "reading" / "docs")
    assert a.keys() == b.keys()
    cited: dict[str, set[str]] = {}
    for page in info["reading_pages"]:
        head_a = a[page].decode("utf-8").partition("## Further Reading")[0]
        head_b, _, list_b = b[page].decode("utf-8").partition("## Further Reading")
        assert head_a == head_b, page  # only the reading list differs
        items = [line[2:] for line in list_b.splitlines() if line.startswith("- ")]
        entries = [parse_entry(item) for item in items]
        assert len(entries) == 5 and all(entries), (page, items)
        styles = sorted((e.style, bool(e.note)) for e in entries if e)
        assert styles == [
            ("article", False),
            ("bold", True),
            ("by", True),
            ("cite", False),
            ("cite", True),
        ], page
        for e in entries:
            assert e is not None
            cited.setdefault(e.title, set()).add(page)
    assert len(cited) <= generate.READING_CATALOGUE
    assert max(len(pages) for pages in cited.values()) >= 3  # books recur across chapters
    # Each book is written one way everywhere: the clean site stays clean, merged on the list.
    assert careerkit_check(tmp_path / "reading" / "mkdocs.yml") == (0, [])
    built = build_site(tmp_path / "reading" / "mkdocs.yml")
    assert built.error is None, built.messages()
    page = BeautifulSoup(built.html("reading-list.md"), "html.parser")
    assert len(page.select(".careerkit-reading-list li.careerkit-card")) == len(cited)
    # The command line's --reading is the same variant.
    assert generate.main([str(tmp_path / "cli"), "--pages", "5", "--reading"], echo=str) == 0
    generate.generate(tmp_path / "api", 5, seed=1, reading=True)
    assert tree(tmp_path / "cli" / "docs") == tree(tmp_path / "api" / "docs")
    assert tree(tmp_path / "cli" / "docs") != tree(generate_plain(tmp_path / "five") / "docs")


def generate_plain(out: Path) -> Path:
    generate.generate(out, 5, seed=1)
    return out


# --------------------------------------------------------------------------------------------
# --density realistic: what real guides look like.


def front_matter(text: str) -> dict[str, Any]:
    assert text.startswith("---\n"), text[:80]
    data = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert isinstance(data, dict)
    return data


def test_dense_is_the_default_and_realistic_is_another_site(tmp_path: Path) -> None:
    generate.generate(tmp_path / "default", 25, seed=3)
    generate.generate(tmp_path / "dense", 25, seed=3, density="dense")
    generate.generate(tmp_path / "real", 25, seed=3, density="realistic")
    default = tree(tmp_path / "default")
    assert default == tree(tmp_path / "dense")
    assert "taxonomy.yml" not in default and "books.yml" not in default
    real = tree(tmp_path / "real")
    assert {"taxonomy.yml", "books.yml"} <= real.keys()
    # Same seed, same bytes; another seed, another site; and regenerating a realistic site as
    # dense in the same folder leaves no taxonomy or books file behind.
    generate.generate(tmp_path / "again", 25, seed=3, density="realistic")
    assert tree(tmp_path / "again") == real
    generate.generate(tmp_path / "other", 25, seed=4, density="realistic")
    assert tree(tmp_path / "other") != real
    generate.generate(tmp_path / "real", 25, seed=3)
    assert tree(tmp_path / "real") == default
    with pytest.raises(ValueError, match="density"):
        generate.generate(tmp_path / "bad", 5, density="sparse")
    # The command line's --density is the same site.
    assert generate.main([str(tmp_path / "cli"), "--pages", "25", "--seed", "3",
                          "--density", "realistic"], echo=str) == 0  # fmt: skip
    assert tree(tmp_path / "cli") == real


def test_realistic_density_counts(tmp_path: Path) -> None:
    from mkdocs_careerkit.reading.data import load_books
    from mkdocs_careerkit.reading.parse import parse_entry
    from mkdocs_careerkit.tags.taxonomy import parse_taxonomy

    info = generate.generate(tmp_path, 400, seed=5, density="realistic")
    dense = generate.generate(tmp_path / "dense", 400, seed=5)
    assert info["density"] == "realistic"
    chapters = info["chapters"]
    # About one page in twenty with an assessment (dense: two in three).
    assert 1 / 40 < info["with_assessment"] / chapters < 1 / 10
    assert dense["with_assessment"] / chapters > 0.55
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == [
        "search",
        {"careerkit": {"tags": {"taxonomy": "taxonomy.yml"}, "reading": {"books": "books.yml"}}},
    ]
    taxonomy, problems = parse_taxonomy(
        (tmp_path / "taxonomy.yml").read_text(encoding="utf-8"), "taxonomy.yml"
    )
    assert problems == []
    assert set(taxonomy.tags) == set(generate.TAGS)
    assert all(t.description and t.group for t in taxonomy.tags.values())
    books, problems = load_books(str(tmp_path / "books.yml"), "books.yml", str(tmp_path / "docs"))
    assert problems == []
    assert len(books) >= 10
    docs = tmp_path / "docs"
    pages = nav_pages(config["nav"])
    used_tags: set[str] = set()
    matched: set[str] = set()
    assessments, tight, groups = [], 0, 0
    for page in pages:
        text = (docs / page).read_text(encoding="utf-8")
        tags = front_matter(text)["tags"]
        assert tags and set(tags) <= set(taxonomy.tags), page  # the home page too
        used_tags.update(tags)
        if page == "index.md":
            continue
        if "!!! question" in text:
            assessments.append(page)
        nav = text.split("## Cross-Reference Navigation\n")[1].split("## Further Reading")[0]
        lines = nav.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("**") and line.endswith(":**"):  # a bold group label
                groups += 1
                tight += lines[i + 1].startswith("- **[")
        items = [line for line in lines if line.startswith("- ")]
        assert 4 <= len(items) <= 8, page
        assert all(
            line.startswith("- **[") and ".md" in line and ")** - " in line for line in items
        )
        reading = text.split("## Further Reading\n")[1]
        entries = [parse_entry(x[2:]) for x in reading.splitlines() if x.startswith("- ")]
        assert len(entries) == 5 and all(entries), page
        for e in entries:
            assert e is not None
            matched.update(b for b, book in books.items() if book.entry.title.startswith(e.title))
    assert sorted(assessments) == sorted(info["assessment_pages"])
    assert set(info["reading_pages"]) == set(pages) - {"index.md"}
    # Some groups are written without the blank line, most with it.
    assert tight == info["tight_nav_groups"]
    assert 0.1 < tight / groups < 0.45
    assert used_tags == set(taxonomy.tags)
    assert matched == set(books)  # every book of the data file is cited somewhere


def test_realistic_site_builds_strict_with_every_feature_and_checks_clean(tmp_path: Path) -> None:
    """Zero warnings with every careerkit feature on: the repaired navigation groups, tags
    against the taxonomy, the books data file, backlinks and the link graph."""
    info = generate.generate(tmp_path, 40, seed=1, density="realistic")
    assert info["with_assessment"] > 0 and info["tight_nav_groups"] > 0  # the seed has both
    exe = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    assert exe
    done = subprocess.run(
        [exe, "build", "--strict", "-f", str(tmp_path / "mkdocs.yml"), "-d", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert not [x for x in done.stderr.splitlines() if x.startswith(("WARNING", "ERROR"))]
    site = tmp_path / "s"
    assert (site / "careerkit-links.json").is_file()
    assert "careerkit-assessment" in (site / generate_html(info["assessment_pages"][0])).read_text(
        encoding="utf-8"
    )
    reading_list = (site / "reading-list" / "index.html").read_text(encoding="utf-8")
    assert "Harper Business" in reading_list  # details from books.yml
    assert careerkit_check(tmp_path / "mkdocs.yml") == (0, [])


def generate_html(page: str) -> str:
    return page[: -len(".md")] + "/index.html"
