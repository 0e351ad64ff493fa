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
    assert options.backlinks.enabled is True
    assert options.backlinks.title == "Referenced by"
    assert options.link_graph.enabled is True
    assert options.link_graph.file == "careerkit-links.json"


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
