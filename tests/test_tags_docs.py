"""The tag taxonomy docs page: its tables match the code, its taxonomy example is valid, and the
example site's taxonomy checks clean."""

from __future__ import annotations

import re

import yaml

from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.config import TagsConfig
from mkdocs_careerkit.tags.taxonomy import parse_taxonomy
from tests.conftest import EXAMPLE_SITE

PAGE = EXAMPLE_SITE / "docs" / "careerkit" / "tags.md"
TEXT = PAGE.read_text(encoding="utf-8")


def table(prefix: str) -> dict[str, str]:
    return {
        line.split("|")[1].strip(" `"): line.split("|")[2].strip()
        for line in TEXT.splitlines()
        if line.startswith("| `" + prefix)
    }


def test_every_check_is_listed_with_its_default_severity() -> None:
    assert table("tags.") == {c: v.severity for c, v in CODES.items() if c.startswith("tags.")}


def test_every_option_is_documented() -> None:
    names = [name for name, _ in TagsConfig._schema]
    assert names and all(name in table("") for name in names), names


def test_every_taxonomy_key_is_documented() -> None:
    from mkdocs_careerkit.tags.taxonomy import TAG_KEYS

    assert all(key in table("") for key in TAG_KEYS)


def test_the_taxonomy_example_is_valid() -> None:
    examples = [
        block
        for block in re.findall(r"^```yaml\n(.*?)^```$", TEXT, re.S | re.M)
        if block.startswith("tags:")
    ]
    assert examples
    for block in examples:
        taxonomy, findings = parse_taxonomy(block, "example")
        assert findings == [] and taxonomy.tags


def test_the_example_site_taxonomy_is_valid_with_groups_and_descriptions() -> None:
    text = (EXAMPLE_SITE / "taxonomy.yml").read_text(encoding="utf-8")
    taxonomy, findings = parse_taxonomy(text, "taxonomy.yml")
    assert findings == []
    live = [t for t in taxonomy.tags.values() if not t.deprecated]
    assert all(t.description and t.group for t in live)
    config = yaml.safe_load((EXAMPLE_SITE / "mkdocs.yml").read_text(encoding="utf-8"))
    [careerkit] = [p["careerkit"] for p in config["plugins"] if isinstance(p, dict)]
    assert careerkit["tags"] == {"taxonomy": "taxonomy.yml", "max_tags": 6}
