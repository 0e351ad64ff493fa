"""Tags in real builds: the fixture's every problem at its line, identical in ``careerkit check``;
Material's tag index merged through aliases; careerkit's own index on Material and plain themes."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_careerkit.findings import summary
from mkdocs_careerkit.sitecheck import check_site
from tests.conftest import build_site, write_site
from tests.test_xref_sites import FINDING_LOGS, build_findings, logged, rows

FIXTURE = Path(__file__).parent / "fixtures" / "tags"
EXPECTED = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


def copy(tmp_path: Path, **careerkit: Any) -> Path:
    """The fixture in ``tmp_path``, with extra careerkit options merged in."""
    root = tmp_path / "tags"
    shutil.copytree(FIXTURE, root)
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "careerkit" in plugin:
            plugin["careerkit"].update(careerkit)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


# Making the fixture's errors warnings lets the build finish, to look at what it made.
LENIENT = {
    "severity": {"tags.unknown": "warn", "tags.not-a-list": "warn", "tags.duplicate": "warn"}
}


def test_every_problem_once_at_its_line_with_suggestions(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard.extend(FINDING_LOGS)
    built = build_site(copy(tmp_path))
    found = build_findings(built)
    assert sorted((f.file, f.line, f.column, f.code, f.severity, f.suggestion) for f in found) == (
        sorted(
            (e["file"], e["line"], e["column"], e["code"], e["severity"], e["suggestion"])
            for e in EXPECTED
        )
    )
    assert logged(built) == {
        (e["file"], e["line"], e["column"], e["code"], e["severity"]) for e in EXPECTED
    }
    assert built.error is not None  # the error-level ones fail it, without --strict
    assert summary(found) == "careerkit: 5 errors, 4 warnings, 2 info findings"


def test_expected_positions_point_at_the_tag(tmp_path: Path) -> None:
    for e in EXPECTED:
        lines = (FIXTURE / "docs" / e["file"]).read_text(encoding="utf-8").split("\n")
        assert lines[e["line"] - 1][e["column"] - 1 :].startswith(e["at"]), e


def test_check_gives_the_same_findings_as_the_build(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    config_file = copy(tmp_path)
    from mkdocs.config import load_config

    checked = [f for f in check_site(load_config(str(config_file))) if f.code != "xref.cannot-see"]
    assert rows(checked) == rows(build_findings(build_site(config_file)))


def test_warnings_and_infos_alone_do_not_fail_the_build(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard.extend(FINDING_LOGS)
    built = build_site(copy(tmp_path, **LENIENT))
    assert built.error is None


def material_index(built: Any) -> dict[str, list[str]]:
    """Material's tag listing: tag → titles of its pages."""
    soup = BeautifulSoup(built.html("tags.md"), "html.parser")
    out = {}
    for h in soup.select("article h2"):
        tag = h.select_one(".md-tag")
        if tag is not None:
            out[tag.get_text()] = [a.get_text(strip=True) for a in h.find_next("ul").select("a")]
    return out


def test_material_tag_index_shows_aliases_merged_into_their_tag(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard.extend(FINDING_LOGS)
    config_file = copy(tmp_path, **LENIENT)
    page = config_file.parent / "docs" / "tags.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- material/tags -->\n", "utf-8")
    built = build_site(config_file)
    assert built.error is None, built.messages()
    index = material_index(built)
    assert sorted(index["networking"]) == ["Giving feedback", "Home", "Networking"]
    assert "network" not in index  # the alias is not a tag of its own
    assert sorted(index["influence"]) == ["Giving feedback", "Networking"]  # deprecated → its
    assert "influence-without-authority" not in index  # replacement
    assert index["leadership"] == ["Giving feedback"]  # from leadership/.meta.yml
    # The page itself shows the canonical tags, once each.
    soup = BeautifulSoup(built.html("networking.md"), "html.parser")
    assert sorted(t.get_text() for t in soup.select(".md-tags .md-tag")) == [
        "career-developmnt",
        "influence",
        "networking",
    ]


def careerkit_index(html: str) -> list[tuple[str, list[tuple[str, str, str, list[str]]]]]:
    """careerkit's index: (group, [(tag, count, description, page links)])."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one(".careerkit-tags")
    assert root is not None
    out = []
    for section in root.select("section.careerkit-tag-group"):
        items = []
        for dt in section.select("dt"):
            dd = dt.find_next_sibling("dd")
            p = dd.select_one("p")
            items.append(
                (
                    dt.select_one(".careerkit-tag").get_text(),
                    dt.select_one(".careerkit-tag-count").get_text(),
                    p.get_text() if p else "",
                    [a["href"] for a in dd.select("a")],
                )
            )
        out.append((section.h2.get_text(), items))
    return out


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_careerkit_index_groups_describes_counts_and_links(
    tmp_path: Path, log_guard: list[str], theme: str
) -> None:
    log_guard.extend(FINDING_LOGS)
    config_file = copy(tmp_path, **LENIENT)
    if theme == "mkdocs":  # plain MkDocs: no Material, no meta plugin, no tags plugin
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        config["theme"] = {"name": "mkdocs"}
        config["plugins"] = [p for p in config["plugins"] if isinstance(p, dict)]
        config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    built = build_site(config_file)
    assert built.error is None, built.messages()
    groups = careerkit_index(built.html("tags.md"))
    feedback = "../leadership/feedback/"
    skills = [
        (
            "networking",
            "3 pages",
            "Building professional relationships.",
            [feedback, "..", "../networking/"],
        ),
        ("leadership", "1 page", "Leading people and teams.", [feedback]),
        ("influence", "2 pages", "", [feedback, "../networking/"]),
    ]
    if theme == "mkdocs":  # without the meta plugin, leadership/.meta.yml gives nothing
        skills = [s for s in skills if s[0] != "leadership"]
    assert groups[0] == ("Skills", skills)
    assert groups[1] == ("Career stage", [("career/early", "1 page", "", [".."])])
    assert groups[2][0] == "Other tags"
    assert groups[2][1][0] == ("career-development", "1 page", "Growing over a career.", ["./"])
    assert "<!-- careerkit/tags -->" not in built.html("tags.md")
    # Its stylesheet is a site file, linked from the index page only.
    link = '<link rel="stylesheet" href="../assets/careerkit/careerkit-tags.css">'
    assert link in built.html("tags.md")
    assert "careerkit-tags.css" not in built.html("networking.md")
    assert (built.site_dir / "assets" / "careerkit" / "careerkit-tags.css").is_file()


def test_the_index_escapes_author_text(site: Any, tmp_path: Path) -> None:
    (tmp_path / "tags.yml").write_text(
        "tags:\n  '<b>x</b>':\n    description: 'a & <i>b</i>'\n    group: '<G>'\n",
        encoding="utf-8",
    )
    built = site(
        {
            "index.md": "---\ntitle: '<T>'\ndescription: d\ntags: ['<b>x</b>']\n---\n"
            "<!-- careerkit/tags -->\n",
        },
        {"plugins": [{"careerkit": {"tags": {"taxonomy": "tags.yml"}}}]},
    )
    assert built.error is None, built.messages()
    html = built.html("index.md")
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "a &amp; &lt;i&gt;b&lt;/i&gt;" in html
    assert "&lt;G&gt;" in html and "<b>x</b>" not in html


def test_off_without_a_taxonomy(site: Any) -> None:
    built = site({"index.md": "# No front matter\n\n<!-- careerkit/tags -->\n"})
    assert built.error is None and built.careerkit_lines() == []
    assert "<!-- careerkit/tags -->" in built.html("index.md")  # left as the author wrote it


def test_on_without_a_taxonomy_checks_shape_and_keys(site: Any) -> None:
    site.expect.extend(FINDING_LOGS)
    built = site(
        {"index.md": "---\ntitle: T\ntags: [a, a]\n---\n# T\n"},
        {"plugins": [{"careerkit": {"tags": {"enabled": True}}}]},
    )
    assert built.careerkit_lines() == [
        "index.md:1:1: page lacks 'description' in its front matter "
        "(add 'description:' between the '---' lines at the top) [tags.missing-key]",
        "index.md:3:11: tag 'a' appears twice (remove this one) [tags.duplicate]",
    ]


BAD_TAXONOMY = "tags:\n  a:\n    deprecated: b\n  b:\n    deprecated: a\n  c: [x]\n"


def test_a_bad_taxonomy_is_findings_at_its_lines_not_a_traceback(site: Any, tmp_path: Path) -> None:
    site.expect.extend(FINDING_LOGS)
    (tmp_path / "tags.yml").write_text(BAD_TAXONOMY, encoding="utf-8")
    built = site(
        {"index.md": "---\ntitle: T\ndescription: D\ntags: [a]\n---\n# T\n"},
        {"plugins": [{"careerkit": {"tags": {"taxonomy": "tags.yml"}}}]},
    )
    assert [line for line in built.careerkit_lines(logging.ERROR)] == [
        "../tags.yml:3:17: deprecated tags replace each other in a cycle: a → b → a (make one of "
        "them the tag that stays) [tags.bad-taxonomy]",
        "../tags.yml:6:6: details of tag 'c' must be a mapping or a description, not a list "
        "(write e.g. {description: ..., group: ...}) [tags.bad-taxonomy]",
    ]


def test_a_missing_taxonomy_stops_the_build_with_one_line(site: Any) -> None:
    site.expect.append(r"tag taxonomy .*nope\.yml does not exist")
    built = site(
        {"index.md": "# T\n"}, {"plugins": [{"careerkit": {"tags": {"taxonomy": "nope.yml"}}}]}
    )
    assert built.error is not None
    assert "careerkit tags init" in str(built.messages(logging.ERROR))


def test_yaml_syntax_error_in_the_taxonomy(tmp_path: Path) -> None:
    config_file = write_site(
        tmp_path,
        {"index.md": "---\ntitle: T\ndescription: D\ntags: [a]\n---\n# T\n"},
        {"plugins": [{"careerkit": {"tags": {"taxonomy": "tags.yml"}}}]},
    )
    (tmp_path / "tags.yml").write_text("tags:\n  a: [\n", encoding="utf-8")
    from mkdocs.config import load_config

    found = check_site(load_config(str(config_file)))
    assert [(f.file, f.line, f.code) for f in found if f.severity == "error"] == [
        ("../tags.yml", 3, "tags.bad-taxonomy"),
        ("index.md", 4, "tags.unknown"),
    ]


def test_front_matter_markers_silence_in_build_and_check_alike(site: Any, tmp_path: Path) -> None:
    site.expect.extend(FINDING_LOGS)
    (tmp_path / "tags.yml").write_text("tags:\n  a:\n  b:\n", encoding="utf-8")
    pages = {
        "index.md": "---\ntitle: T\ndescription: D\ntags:\n"
        "  - a\n"
        "  - 2024  # careerkit-ignore tags.not-a-list: the year the guide began\n"
        "  # careerkit-ignore tags.unknown: kept for the old index\n"
        "  - legacy\n"
        "  - b  # careerkit-ignore tags.alias: nothing to silence here\n"
        "  - c  # careerkit-ignore tags.unknown\n"
        "---\n# T\n",
    }
    built = site(pages, {"plugins": [{"careerkit": {"tags": {"taxonomy": "tags.yml"}}}]})
    from mkdocs.config import load_config

    found = build_findings(built)
    assert rows(found) == rows(check_site(load_config(str(tmp_path / "mkdocs.yml"))))
    assert sorted((f.line, f.code) for f in found) == [
        (9, "suppress.unused"),
        (10, "suppress.missing-reason"),
        (10, "tags.unknown"),
    ]
