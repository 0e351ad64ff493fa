"""``careerkit tags init`` and ``careerkit tags report``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from mkdocs_careerkit.cli import main
from mkdocs_careerkit.sitecheck import check_site
from mkdocs_careerkit.tags.taxonomy import parse_taxonomy
from mkdocs_careerkit.tags.usage import Usage, init_text, near_duplicates, report_data, similar
from tests.conftest import EXAMPLE_SITE

FIXTURE = Path(__file__).parent / "fixtures" / "tags"


def use_taxonomy(config_file: Path, name: str) -> None:
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    plugins = [p for p in config["plugins"] if not (isinstance(p, dict) and "careerkit" in p)]
    config["plugins"] = [*plugins, {"careerkit": {"tags": {"taxonomy": name}}}]
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")


def test_init_on_the_example_site_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE_SITE, root, ignore=shutil.ignore_patterns("site"))
    config_file = root / "mkdocs.yml"
    assert main(["tags", "init", "-f", str(config_file), "-o", str(root / "new.yml")]) == 0
    assert "wrote" in capsys.readouterr().err
    text = (root / "new.yml").read_text(encoding="utf-8")
    assert "  career-development:  # 6 pages\n" in text
    pages = len(list((root / "docs" / "careerkit").glob("*.md")))  # all from careerkit/.meta.yml
    assert f"  careerkit:  # {pages} pages\n" in text
    use_taxonomy(config_file, "new.yml")
    assert check_site(load_config(str(config_file))) == []


def test_init_on_a_drifting_site_accepts_every_tag_and_proposes_aliases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "tags"
    shutil.copytree(FIXTURE, root)
    config_file = root / "mkdocs.yml"
    # The configured taxonomy exists: init will not overwrite it by accident.
    assert main(["tags", "init", "-f", str(config_file)]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["tags", "init", "-f", str(config_file), "--force"]) == 0
    text = (root / "taxonomy.yml").read_text(encoding="utf-8")
    assert (
        "  networking:  # 2 pages\n"
        "    # near-duplicates to confirm: aliases: [network, Networking]\n" in text
    )
    assert (
        "  leadership:  # 1 page\n    # near-duplicates to confirm: aliases: [leadershp]\n" in text
    )
    found = check_site(load_config(str(config_file)))
    assert not [f for f in found if f.code in ("tags.unknown", "tags.bad-taxonomy", "tags.alias")]


def test_init_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "tags"
    shutil.copytree(FIXTURE, root)
    assert main(["tags", "init", "-f", str(root / "mkdocs.yml"), "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert parse_taxonomy(out, "t.yml")[1] == []


def test_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "tags"
    shutil.copytree(FIXTURE, root)
    assert main(["tags", "report", "-f", str(root / "mkdocs.yml"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pages"] == 5
    assert data["most_used"][0] == {"tag": "networking", "pages": 2}
    assert data["untagged"] == ["untagged.md"]
    near = {d["tag"]: [o["tag"] for o in d["similar"]] for d in data["near_duplicates"]}
    assert near["networking"] == ["network", "Networking"]
    assert near["leadership"] == ["leadershp"]
    assert "career-developmnt" in data["used_once"]
    assert main(["tags", "report", "-f", str(root / "mkdocs.yml")]) == 0
    text = capsys.readouterr().out
    assert (
        text.startswith("10 tags on 5 pages\n") and "Pages without tags (1):\n  untagged.md" in text
    )


def test_bad_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tags", "report", "-f", str(tmp_path / "nope.yml")]) == 2
    assert capsys.readouterr().err.startswith("careerkit: ")
    assert main(["tags"]) == 2


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("leadership", "technical-leadership", True),
        ("influence", "influence-without-authority", True),
        ("Career_Development", "career-development", True),
        ("mentor", "mentors", True),
        ("leadership", "leadershp", True),
        ("learning", "teaching", False),
        ("feedback", "networking", False),
    ],
)
def test_similar(a: str, b: str, alike: bool) -> None:
    assert similar(a, b) is alike and similar(b, a) is alike


TAGS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text("ab", min_size=1, max_size=3) | TAGS, st.integers(1, 5), max_size=10)
)
def test_near_duplicate_groups_are_disjoint_and_keep_the_most_used(counts: dict[str, int]) -> None:
    groups = near_duplicates(counts)
    members = [t for others in groups.values() for t in others]
    assert len(members) == len(set(members)) and not set(members) & set(groups)
    for head, others in groups.items():
        assert all(counts[head] >= counts[o] for o in others)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(TAGS, max_size=5), max_size=6))
def test_init_text_is_a_valid_taxonomy_of_exactly_the_tags_in_use(pages: list[list[str]]) -> None:
    usage = Usage({f"p{i}.md": tags for i, tags in enumerate(pages)})
    taxonomy, findings = parse_taxonomy(init_text(usage), "t.yml")
    assert findings == []
    assert set(taxonomy.tags) == {t for tags in pages for t in tags}
    data = report_data(usage)
    assert data["pages"] == len(pages) and data["tags"] == len(taxonomy.tags)


@pytest.mark.parametrize(
    ("taxonomy", "message"),
    [
        ("nope.yml", "does not exist (the 'tags: taxonomy:' option is relative to mkdocs.yml)"),
        ("docs", "is a directory"),
    ],
)
def test_check_with_an_unusable_taxonomy_path_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], taxonomy: str, message: str
) -> None:
    root = tmp_path / "tags"
    shutil.copytree(FIXTURE, root)
    use_taxonomy(root / "mkdocs.yml", taxonomy)
    assert main(["check", "-f", str(root / "mkdocs.yml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("careerkit: tag taxonomy ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_a_taxonomy_that_is_not_utf8_is_a_finding(tmp_path: Path) -> None:
    root = tmp_path / "tags"
    shutil.copytree(FIXTURE, root)
    (root / "taxonomy.yml").write_bytes(b"tags:\n  caf\xe9:\n")
    found = check_site(load_config(str(root / "mkdocs.yml")))
    assert ("../taxonomy.yml", 2, "page.unreadable") in {(f.file, f.line, f.code) for f in found}
