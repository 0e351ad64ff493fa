"""Config loading: defaults, and a clear MkDocs config error for each bad value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import write_site


def load(tmp_path: Path, plugin_options: Any) -> Any:
    cfg = write_site(tmp_path, {"index.md": "# Hi\n"}, {"plugins": [{"careerkit": plugin_options}]})
    return load_config(str(cfg))


def test_defaults(tmp_path: Path) -> None:
    options = load(tmp_path, {}).plugins["careerkit"].config
    assert options.xref.enabled is True
    assert options.xref.nav_section == "Cross-Reference Navigation"
    assert options.xref.nav_section_min_links == 1
    assert options.xref.ignore == []
    assert options.severity == {}
    assert options.baseline is None
    assert options.tags.enabled is None and options.tags.taxonomy is None
    assert options.tags.required == ["title", "description", "tags"]
    assert (options.tags.min_tags, options.tags.max_tags) == (1, None)
    assert options.reading.enabled is True
    assert options.reading.headings == ["Further Reading"]
    assert options.backlinks.enabled is True
    assert options.backlinks.title == "Referenced by"
    assert options.link_graph.enabled is True
    assert options.link_graph.file == "careerkit-links.json"


def test_tags_switch_on_with_a_taxonomy_or_when_enabled(tmp_path: Path) -> None:
    from mkdocs_careerkit.tags.adapter import enabled

    assert not enabled(load(tmp_path, {}).plugins["careerkit"].config)
    assert enabled(load(tmp_path, {"tags": {"taxonomy": "t.yml"}}).plugins["careerkit"].config)
    assert enabled(load(tmp_path, {"tags": {"enabled": True}}).plugins["careerkit"].config)
    off = {"tags": {"taxonomy": "t.yml", "enabled": False}}
    assert not enabled(load(tmp_path, off).plugins["careerkit"].config)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"xrefs": {"enabled": False}},
            "Unrecognised configuration name: xrefs (did you mean 'xref'?)",
        ),
        (
            {"xref": {"enabeld": False}},
            "Unrecognised configuration name: enabeld (did you mean 'enabled'?)",
        ),
        ({"xref": {"enabled": "sometimes"}}, "enabled"),
        ({"xref": {"nav_section_min_links": "two"}}, "nav_section_min_links"),
        ({"severity": {"xref.orphan-page": "fatal"}}, "fatal"),
        ({"severity": {"xref.orphan-pages": "warn"}}, "xref.orphan-page"),
        ({"tags": {"taxonomies": "t.yml"}}, "taxonomies (did you mean 'taxonomy'?)"),
        ({"tags": {"max_tags": "five"}}, "max_tags"),
        ({"tags": {"required": "title"}}, "required"),
        ({"severity": {"tags.unknwon": "warn"}}, "did you mean 'tags.unknown'?"),
        ({"reading": {"heading": ["Books"]}}, "did you mean 'headings'?"),
        ({"reading": {"headings": "Further Reading"}}, "headings"),
        ({"severity": {"reading.unparsd": "ignore"}}, "did you mean 'reading.unparsed'?"),
        ({"backlinks": {"enabled": "yes please"}}, "enabled"),
        ({"backlinks": {"title": 3}}, "title"),
        (
            {"backlinks": {"titel": "x"}},
            "Unrecognised configuration name: titel (did you mean 'title'?)",
        ),
    ],
)
def test_bad_values_fail_naming_the_option(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(Abort):
        load(tmp_path, options)
    errors = " ".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert "careerkit" in errors
    assert message in errors
