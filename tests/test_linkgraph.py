"""The link graph: careerkit-links.json in the built site and ``careerkit check --graph``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mkdocs_careerkit.cli import main
from mkdocs_careerkit.linkgraph.core import SCHEMA, graph
from mkdocs_careerkit.sources import split_front_matter
from mkdocs_careerkit.xref.check import PageLink
from mkdocs_careerkit.xref.scan import scan_page
from tests.conftest import EXAMPLE_SITE, build_site, write_site


def validate(data: Any) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)


def check_graph(config: Path, tmp_path: Path, *extra: str) -> tuple[int, Any, Any]:
    out = tmp_path / "graph.json"
    report = tmp_path / "report.json"
    code = main(
        ["check", "-f", str(config), "--graph", str(out), "--format", "json", "-o", str(report)]
    )
    return code, json.loads(out.read_text(encoding="utf-8")), json.loads(report.read_text())


def test_pure_graph_sorts_and_keeps_every_field() -> None:
    data = graph(
        ["b.md", "a.md", "a.md"],
        [
            PageLink("b.md", 3, 1, "a.md", "", "A", True),
            PageLink("a.md", 9, 4, "x.md", "top", "X <y>", False),
            PageLink("a.md", 2, 7, "a.md", "intro", "", True),
        ],
    )
    validate(data)
    assert data == {
        "careerkit_link_graph": 1,
        "pages": ["a.md", "b.md"],
        "links": [
            {
                "source": "a.md",
                "line": 2,
                "column": 7,
                "target": "a.md",
                "anchor": "intro",
                "text": "",
                "resolved": True,
            },
            {
                "source": "a.md",
                "line": 9,
                "column": 4,
                "target": "x.md",
                "anchor": "top",
                "text": "X <y>",
                "resolved": False,
            },
            {
                "source": "b.md",
                "line": 3,
                "column": 1,
                "target": "a.md",
                "anchor": "",
                "text": "A",
                "resolved": True,
            },
        ],
    }


@pytest.mark.parametrize(
    "bad",
    [{"source": "a.md"}, {"line": 0}, {"resolved": "yes"}, {"extra": 1}],
    ids=["missing fields", "line 0", "resolved not boolean", "unknown field"],
)
def test_schema_rejects_what_is_not_a_graph(bad: dict[str, Any]) -> None:
    entry = {
        "source": "a.md",
        "line": 1,
        "column": 1,
        "target": "b.md",
        "anchor": "",
        "text": "",
        "resolved": True,
    }
    entry = {"source": "a.md"} if "source" in bad else {**entry, **bad}
    with pytest.raises(jsonschema.ValidationError):
        validate({"careerkit_link_graph": 1, "pages": ["a.md"], "links": [entry]})


def test_example_site_graph_is_every_link_and_matches_check(
    tmp_path: Path, log_guard: list[str]
) -> None:
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE_SITE, root, ignore=shutil.ignore_patterns("site"))
    built = build_site(root / "mkdocs.yml", strict=True)
    assert built.error is None, built.messages()
    in_site = json.loads((built.site_dir / "careerkit-links.json").read_text(encoding="utf-8"))
    validate(in_site)
    code, from_check, report = check_graph(root / "mkdocs.yml", tmp_path)
    assert code == 0 and report == []
    validate(from_check)
    assert in_site == from_check
    # Every Markdown link to a page, at its source line, and nothing else.
    docs = root / "docs"
    expected = set()
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        source = split_front_matter(path.read_text(encoding="utf-8"), src)
        for x in scan_page(source.body, line_offset=source.line_offset).links:
            target = x.target.split("#")[0]
            if x.kind in ("inline", "reference") and (target.endswith(".md") or not target):
                if not x.target.startswith(("http:", "https:")) and x.target:
                    expected.add((src, x.line, x.column, x.text))
    assert {(x["source"], x["line"], x["column"], x["text"]) for x in in_site["links"]} == expected
    assert len(expected) >= 80
    assert all(x["resolved"] for x in in_site["links"])
    assert in_site["pages"] == sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    # The example on the docs page is a real entry.
    page = (docs / "careerkit" / "navigation.md").read_text(encoding="utf-8")
    shown = json.loads(page.split("```json\n", 1)[1].split("```", 1)[0].replace('"..."', '"x"'))
    assert shown["links"][0] in in_site["links"]


PAGES = {
    "index.md": """\
        # Home

        [Guide](guide.md#steps), [broken page](missing.md), [bad anchor](guide.md#nope),
        [same page](#home), ![image](pic.png), [site](https://example.com),
        [by reference][g] and `[in code](guide.md)`.

        <a href="guide.md">raw HTML</a>

        [g]: guide.md
        """,
    "guide.md": "# Guide\n\n## Steps\n\nBack [home](index.md).\n",
    "pic.png": b"\x89PNG\r\n",
}


def test_graph_lists_broken_links_where_check_reports_them(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard += [r"missing\.md", r"#nope", r"raw HTML link", r"careerkit: \d+ error"]
    config = write_site(tmp_path / "site", PAGES)
    built = build_site(config)
    assert built.error is not None  # broken links fail the build; the graph is still written
    code, data, report = check_graph(config, tmp_path)
    assert code == 1
    validate(data)
    assert json.loads((built.site_dir / "careerkit-links.json").read_text()) == data
    rows = [
        (x["line"], x["column"], x["target"], x["anchor"], x["text"], x["resolved"])
        for x in data["links"]
        if x["source"] == "index.md"
    ]
    assert rows == [
        (3, 1, "guide.md", "steps", "Guide", True),
        (3, 26, "missing.md", "", "broken page", False),
        (3, 53, "guide.md", "nope", "bad anchor", False),
        (4, 1, "index.md", "home", "same page", True),
        (5, 1, "guide.md", "", "by reference", True),
        (7, 1, "guide.md", "", "", True),
    ]
    broken = {(x["source"], x["line"], x["column"]) for x in data["links"] if not x["resolved"]}
    errors = {
        (f["docs_path"], f["line"], f["column"])
        for f in report
        if f["code"] in ("xref.missing-page", "xref.missing-anchor")
    }
    assert broken == errors


def test_build_writes_the_graph_where_configured_and_not_when_off(
    tmp_path: Path, log_guard: list[str]
) -> None:
    pages = {"index.md": "[Guide](guide.md)\n", "guide.md": "# Guide\n"}
    custom = build_site(
        write_site(
            tmp_path / "custom",
            pages,
            {"plugins": [{"careerkit": {"link_graph": {"file": "data/links.json"}}}]},
        )
    )
    assert custom.error is None
    data = json.loads((custom.site_dir / "data/links.json").read_text(encoding="utf-8"))
    assert [(x["source"], x["target"]) for x in data["links"]] == [("index.md", "guide.md")]
    assert not (custom.site_dir / "careerkit-links.json").exists()
    off = build_site(
        write_site(
            tmp_path / "off",
            pages,
            {"plugins": [{"careerkit": {"link_graph": {"enabled": False}}}]},
        )
    )
    assert off.error is None and not (off.site_dir / "careerkit-links.json").exists()
    own = build_site(
        write_site(tmp_path / "own", {**pages, "careerkit-links.json": '{"mine": true}\n'})
    )
    assert (own.site_dir / "careerkit-links.json").read_text() == '{"mine": true}\n'


@pytest.mark.parametrize("path", ["../links.json", "/tmp/links.json", "", "C:/links.json"])
def test_graph_file_must_be_inside_the_site(
    tmp_path: Path, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = write_site(
        tmp_path,
        {"index.md": "# Hi\n"},
        {"plugins": [{"careerkit": {"link_graph": {"file": path}}}]},
    )
    with pytest.raises(Abort):
        load_config(str(config))
    assert "must be a path inside the built site" in caplog.text


def test_check_graph_to_a_folder_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path, {"index.md": "# Hi\n"})
    assert main(["check", "-f", str(config), "--graph", str(tmp_path / "no/such/g.json")]) == 2
    assert "careerkit: cannot write" in capsys.readouterr().err
