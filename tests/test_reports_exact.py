"""Exact reports: every format compared whole, byte for byte, as a CI reader receives it.

Written against the mutants that survived tests/test_reports.py (see tests/MUTATION.md): those
tests checked the shape of each format and a few fields, so a renamed JUnit attribute, a wrong
SARIF rule description or level, a lost ``startColumn``, ``\\u00e9`` instead of ``é``, or a
GitHub title that broke on ``:`` went unnoticed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from mkdocs_careerkit import __version__
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reports import (
    render,
    shown_path,
    to_github,
    to_json,
    to_junit,
    to_sarif,
    to_text,
)

BROKEN = Finding(
    "guide/a.md",
    12,
    5,
    "xref.missing-page",
    "error",
    "link 'b.md': no such file",
    "did you mean 'c.md'?",
)
# Line known, column not: SARIF gives the line alone, GitHub column 1.
ORPHAN = Finding("guide/a.md", 1, 0, "xref.orphan-page", "warn", "page is not in nav", "")
# A code careerkit does not know (a hook's), a file name and message with every character the
# formats must escape, and a letter outside ASCII.
ODD = Finding("my: page, 100%.md", 3, 1, "team:x,y", "error", "no anchor 'é'\r\nnext", "")
# Line unknown: SARIF gives no region.
FIXED = Finding("b.md", 0, 0, "baseline.fixed", "info", "no longer occurs", "remove it")
IGNORED = Finding("d.md", 1, 1, "xref.missing-page", "ignore", "ignored", "")
FINDINGS = [BROKEN, ORPHAN, ODD, FIXED, IGNORED]


def test_text_exact() -> None:
    assert render(FINDINGS, "text", "docs/") == (
        "ERROR docs/guide/a.md:12:5: link 'b.md': no such file (did you mean 'c.md'?)"
        " [xref.missing-page]\n"
        "WARN  docs/guide/a.md:1:0: page is not in nav [xref.orphan-page]\n"
        "ERROR docs/my: page, 100%.md:3:1: no anchor 'é'\r\nnext [team:x,y]\n"
        "INFO  docs/b.md:0:0: no longer occurs (remove it) [baseline.fixed]\n"
        "careerkit: 2 errors, 1 warning, 1 info finding\n"
    )


def test_every_renderer_shows_docs_relative_paths_by_default() -> None:
    """Called without a prefix (the plugin's own use), every format prints the docs path."""
    assert shown_path("a.md") == "a.md"
    assert to_text([ORPHAN]).startswith("WARN  guide/a.md:1:0: ")
    assert json.loads(to_json([ORPHAN]))[0]["file"] == "guide/a.md"
    assert to_github([ORPHAN]).startswith("::warning file=guide/a.md,")
    assert 'file="guide/a.md"' in to_junit([ORPHAN])
    assert 'name="guide/a.md:1:0 xref.orphan-page"' in to_junit([ORPHAN])
    location = json.loads(to_sarif([ORPHAN]))["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "guide/a.md"}


def pretty(data: Any) -> str:
    """JSON as the reports write it: two-space indent, UTF-8 text as is, a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_json_exact() -> None:
    text = render(FINDINGS, "json", "docs/")
    assert text == pretty(
        [
            {
                "file": "docs/guide/a.md",
                "docs_path": "guide/a.md",
                "line": 12,
                "column": 5,
                "code": "xref.missing-page",
                "severity": "error",
                "message": "link 'b.md': no such file",
                "suggestion": "did you mean 'c.md'?",
            },
            {
                "file": "docs/guide/a.md",
                "docs_path": "guide/a.md",
                "line": 1,
                "column": 0,
                "code": "xref.orphan-page",
                "severity": "warn",
                "message": "page is not in nav",
                "suggestion": "",
            },
            {
                "file": "docs/my: page, 100%.md",
                "docs_path": "my: page, 100%.md",
                "line": 3,
                "column": 1,
                "code": "team:x,y",
                "severity": "error",
                "message": "no anchor 'é'\r\nnext",
                "suggestion": "",
            },
            {
                "file": "docs/b.md",
                "docs_path": "b.md",
                "line": 0,
                "column": 0,
                "code": "baseline.fixed",
                "severity": "info",
                "message": "no longer occurs",
                "suggestion": "remove it",
            },
        ]
    )
    # The literal layout, so that the helper above cannot drift from what a reader sees.
    assert text.startswith('[\n  {\n    "file": "docs/guide/a.md",\n')
    assert '"message": "no anchor \'é\'\\r\\nnext",' in text


def test_github_exact() -> None:
    assert render(FINDINGS, "github", "docs/") == (
        "::error file=docs/guide/a.md,line=12,col=5,title=xref.missing-page::"
        "link 'b.md': no such file (did you mean 'c.md'?)\n"
        "::warning file=docs/guide/a.md,line=1,col=1,title=xref.orphan-page::page is not in nav\n"
        "::error file=docs/my%3A page%2C 100%25.md,line=3,col=1,title=team%3Ax%2Cy::"
        "no anchor 'é'%0D%0Anext\n"
        "::notice file=docs/b.md,line=1,col=1,title=baseline.fixed::no longer occurs (remove it)\n"
    )


def test_junit_exact() -> None:
    assert render(FINDINGS, "junit", "docs/") == (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<testsuites name="careerkit" tests="3" failures="3">'
        '<testsuite name="careerkit" tests="3" failures="3" errors="0" skipped="0">'
        '<testcase classname="xref.missing-page" name="docs/guide/a.md:12:5 xref.missing-page"'
        ' file="docs/guide/a.md" line="12">'
        '<failure message="link \'b.md\': no such file" type="error">'
        "docs/guide/a.md:12:5: link 'b.md': no such file (did you mean 'c.md'?)"
        " [xref.missing-page]</failure></testcase>"
        '<testcase classname="xref.orphan-page" name="docs/guide/a.md:1:0 xref.orphan-page"'
        ' file="docs/guide/a.md" line="1">'
        '<failure message="page is not in nav" type="warn">'
        "docs/guide/a.md:1:0: page is not in nav [xref.orphan-page]</failure></testcase>"
        '<testcase classname="team:x,y" name="docs/my: page, 100%.md:3:1 team:x,y"'
        ' file="docs/my: page, 100%.md" line="3">'
        '<failure message="no anchor \'é\'&#13;&#10;next" type="error">'
        "docs/my: page, 100%.md:3:1: no anchor 'é'\r\nnext [team:x,y]</failure></testcase>"
        "</testsuite></testsuites>\n"
    )


def test_junit_without_failures_exact() -> None:
    assert render([FIXED, IGNORED], "junit") == (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<testsuites name="careerkit" tests="1" failures="0">'
        '<testsuite name="careerkit" tests="1" failures="0" errors="0" skipped="0">'
        '<testcase classname="careerkit" name="no findings" /></testsuite></testsuites>\n'
    )


def sarif_result(
    rule: str, index: int, level: str, text: str, uri: str, region: dict[str, int] | None
) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if region is not None:
        location["region"] = region
    return {
        "ruleId": rule,
        "ruleIndex": index,
        "level": level,
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    }


def sarif_rule(code: str, text: str, level: str) -> dict[str, Any]:
    return {
        "id": code,
        "shortDescription": {"text": text},
        "defaultConfiguration": {"level": level},
    }


def test_sarif_exact() -> None:
    assert render(FINDINGS, "sarif", "docs/") == pretty(
        {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "careerkit",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/mkdocs-careerkit/",
                            # Sorted by code; the level is the code's default severity, and a
                            # code careerkit does not know is described by itself, as an error.
                            "rules": [
                                sarif_rule(
                                    "baseline.fixed",
                                    "baseline entry that no longer occurs and can be removed",
                                    "note",
                                ),
                                sarif_rule("team:x,y", "team:x,y", "error"),
                                sarif_rule(
                                    "xref.missing-page",
                                    "link to a page or file that does not exist",
                                    "error",
                                ),
                                sarif_rule(
                                    "xref.orphan-page",
                                    "page that is not in nav and that no page links to",
                                    "warning",
                                ),
                            ],
                        }
                    },
                    "results": [
                        sarif_result(
                            "xref.missing-page",
                            2,
                            "error",
                            "link 'b.md': no such file (did you mean 'c.md'?)",
                            "docs/guide/a.md",
                            {"startLine": 12, "startColumn": 5},
                        ),
                        sarif_result(
                            "xref.orphan-page",
                            3,
                            "warning",
                            "page is not in nav",
                            "docs/guide/a.md",
                            {"startLine": 1},
                        ),
                        sarif_result(
                            "team:x,y",
                            1,
                            "error",
                            "no anchor 'é'\r\nnext",
                            "docs/my%3A%20page,%20100%25.md",
                            {"startLine": 3, "startColumn": 1},
                        ),
                        sarif_result(
                            "baseline.fixed",
                            0,
                            "note",
                            "no longer occurs (remove it)",
                            "docs/b.md",
                            None,
                        ),
                    ],
                }
            ],
        }
    )


def test_sarif_rule_levels_follow_each_codes_default_severity() -> None:
    """Not the severity the finding was raised to: ``xref.orphan-page`` defaults to warn."""
    raised = ORPHAN.with_severity("error")
    doc = json.loads(render([raised], "sarif"))
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["rules"] == [
        sarif_rule(
            "xref.orphan-page", "page that is not in nav and that no page links to", "warning"
        )
    ]
    assert doc["runs"][0]["results"][0]["level"] == "error"


@pytest.mark.parametrize(
    ("prefix", "file", "uri"),
    [
        # Sub-delimiters and '@' are legal in a URI path and stay as written.
        ("/srv/docs/", "a,b;c=d@e!$&'()*+.md", "file:///srv/docs/a,b;c=d@e!$&'()*+.md"),
        ("C:/Users/me/docs/", "a,b;c=d@e.md", "file:///C:/Users/me/docs/a,b;c=d@e.md"),
        ("", "a,b;c=d@e.md", "a,b;c=d@e.md"),
        ("/srv/docs/", "a b%.md", "file:///srv/docs/a%20b%25.md"),
    ],
)
def test_sarif_uri_keeps_legal_characters(prefix: str, file: str, uri: str) -> None:
    doc = json.loads(
        render([Finding(file, 1, 1, "xref.missing-page", "error", "m")], "sarif", prefix)
    )
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": uri}
