"""Reports: JSON, GitHub annotations, JUnit XML and SARIF 2.1.0 are what their readers expect."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reports import FORMATS, render, shown_path
from tests.conftest import unavailable

REPO = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+(,title=[^:]+)?::.+$"
)

FINDINGS = [
    Finding(
        "leadership/a.md",
        12,
        5,
        "xref.missing-page",
        "error",
        "link 'b.md': no such file",
        "did you mean 'c.md'?",
    ),
    Finding("leadership/a.md", 14, 1, "xref.orphan-page", "warn", "page is not in nav", ""),
    Finding(
        "my page, 100%.md",
        3,
        7,
        "xref.missing-anchor",
        "error",
        "no anchor '#x'\nsecond line: 50%",
        "",
    ),
    Finding("b.md", 0, 0, "baseline.fixed", "info", "no longer occurs: [xref.x] y", "remove it"),
    Finding("c.md", 2, 2, "xref.space-in-link", "warn", "odd \x0c\x00 characters <&>", ""),
    Finding("d.md", 1, 1, "xref.missing-page", "ignore", "ignored", ""),
]
SHOWN = [f for f in FINDINGS if f.severity != "ignore"]


def test_json_is_a_list_of_finding_objects() -> None:
    data = json.loads(render(FINDINGS, "json"))
    assert isinstance(data, list) and len(data) == len(SHOWN)
    for item, finding in zip(data, SHOWN, strict=True):
        assert list(item) == [
            "file",
            "docs_path",
            "line",
            "column",
            "code",
            "severity",
            "message",
            "suggestion",
        ]
        assert item.pop("docs_path") == item["file"]  # without a prefix the two are equal
        assert Finding(**item) == finding


def test_json_file_has_the_prefix_and_docs_path_has_not() -> None:
    [item] = json.loads(render(FINDINGS[:1], "json", "docs/"))
    assert (item["file"], item["docs_path"]) == ("docs/leadership/a.md", "leadership/a.md")


@pytest.mark.parametrize(
    ("prefix", "file", "shown"),
    [
        ("", "a.md", "a.md"),
        ("docs/", "a.md", "docs/a.md"),
        ("../docs/", "sub/a.md", "../docs/sub/a.md"),
        ("docs/", "../README.md", "README.md"),  # a snippet outside docs_dir
        ("/srv/site/docs/", "a b.md", "/srv/site/docs/a b.md"),
        ("docs/", "", ""),  # a finding about no file in particular
    ],
)
def test_shown_path(prefix: str, file: str, shown: str) -> None:
    assert shown_path(file, prefix) == shown


def test_every_format_shows_the_same_path() -> None:
    finding = [Finding("sub/my page, 1%.md", 3, 4, "xref.missing-page", "error", "m", "")]
    shown = "../docs/sub/my page, 1%.md"
    assert render(finding, "text", "../docs/").startswith(f"ERROR {shown}:3:4: ")
    assert json.loads(render(finding, "json", "../docs/"))[0]["file"] == shown
    assert f"file={shown.replace('%', '%25').replace(',', '%2C')}," in render(
        finding, "github", "../docs/"
    )
    case = parse_junit(render(finding, "junit", "../docs/")).find("testsuite/testcase")
    assert case is not None and case.get("file") == shown
    sarif = json.loads(render(finding, "sarif", "../docs/"))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "../docs/sub/my%20page,%201%25.md"} and unquote(uri["uri"]) == shown


@pytest.mark.parametrize(
    ("prefix", "uri"),
    [
        ("/srv/my site/docs/", "file:///srv/my%20site/docs/a%3Ab.md"),
        ("C:/Users/me/docs/", "file:///C:/Users/me/docs/a%3Ab.md"),
        ("", "a%3Ab.md"),  # 'a:b.md' would read as a URI with the scheme 'a'
    ],
)
def test_sarif_absolute_paths_are_file_uris(prefix: str, uri: str) -> None:
    finding = [Finding("a:b.md", 1, 1, "xref.missing-page", "error", "m", "")]
    doc = json.loads(render(finding, "sarif", prefix))
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == uri
    jsonschema.validate(doc, sarif_schema(), format_checker=jsonschema.FormatChecker())


def test_text_report_ends_with_the_summary() -> None:
    lines = render(FINDINGS, "text").splitlines()
    assert lines[0] == (
        "ERROR leadership/a.md:12:5: link 'b.md': no such file (did you mean 'c.md'?) "
        "[xref.missing-page]"
    )
    assert lines[-1] == "careerkit: 2 errors, 2 warnings, 1 info finding"
    assert render([], "text") == "careerkit: 0 errors, 0 warnings\n"


def test_github_annotations_have_the_documented_shape() -> None:
    # The runner reads commands line by line, splitting on "\n" (and "\r") only.
    lines = render(FINDINGS, "github", "docs/").rstrip("\n").split("\n")
    assert len(lines) == len(SHOWN)
    for line in lines:
        assert GITHUB_LINE.match(line) and "\r" not in line, line
    assert lines[0] == (
        "::error file=docs/leadership/a.md,line=12,col=5,title=xref.missing-page::"
        "link 'b.md': no such file (did you mean 'c.md'?)"
    )
    # Property values escape ',' and ':'; the message escapes '%' and line breaks.
    assert lines[2].startswith("::error file=docs/my page%2C 100%25.md,line=3,col=7,")
    assert lines[2].endswith("::no anchor '#x'%0Asecond line: 50%25")
    assert lines[3].startswith("::notice file=docs/b.md,line=1,col=1,")  # unknown line → 1
    assert render([], "github") == ""


def parse_junit(text: str) -> ET.Element:
    assert text.startswith("<?xml")
    return ET.fromstring(text.encode("utf-8"))


def test_junit_structure_and_counts() -> None:
    root = parse_junit(render(FINDINGS, "junit", "docs/"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    cases = suite.findall("testcase")
    failures = suite.findall("testcase/failure")
    failing = [f for f in SHOWN if f.severity in ("error", "warn")]
    assert len(cases) == int(suite.get("tests", "")) == int(root.get("tests", "")) == len(failing)
    assert (
        len(failures)
        == int(suite.get("failures", ""))
        == int(root.get("failures", ""))
        == len(failing)
    )
    assert suite.get("errors") == "0" and suite.get("skipped") == "0"
    first = cases[0]
    assert first.get("classname") == "xref.missing-page"
    assert first.get("file") == "docs/leadership/a.md" and first.get("line") == "12"
    failure = first.find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.text == "docs/" + FINDINGS[0].format()  # the same path as the file attribute
    # Characters XML cannot hold are replaced, the rest escaped and read back intact.
    odd = next(c for c in cases if c.get("classname") == "xref.space-in-link").find("failure")
    assert odd is not None and odd.get("message") == "odd \ufffd\ufffd characters <&>"


def test_junit_without_failures_is_one_passing_case() -> None:
    root = parse_junit(render([FINDINGS[3]], "junit"))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None
    assert (suite.get("tests"), suite.get("failures")) == ("1", "0")


def sarif_schema() -> dict[str, Any]:
    if not SARIF_SCHEMA.exists():
        unavailable(f"the published SARIF 2.1.0 schema is not at {SARIF_SCHEMA}")
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("findings", [FINDINGS, []], ids=["findings", "empty"])
def test_sarif_validates_against_the_published_schema(findings: list[Finding]) -> None:
    doc = json.loads(render(findings, "sarif", "docs/"))
    jsonschema.validate(doc, sarif_schema(), format_checker=jsonschema.FormatChecker())


def test_sarif_content() -> None:
    doc = json.loads(render(FINDINGS, "sarif", "docs/"))
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(SHOWN)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first = results[0]
    assert (first["ruleId"], first["level"]) == ("xref.missing-page", "error")
    location = first["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "docs/leadership/a.md"},
        "region": {"startLine": 12, "startColumn": 5},
    }
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "docs/my%20page,%20100%25.md"
    )
    assert [r["level"] for r in results] == ["error", "warning", "error", "note", "warning"]
    assert "region" not in results[3]["locations"][0]["physicalLocation"]  # line unknown


def test_every_format_renders_an_empty_list() -> None:
    for fmt in FORMATS:
        assert isinstance(render([], fmt), str)


# RFC 3986: a URI reference holds only these characters, and '%' only as a %XX escape.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$")


def assert_uri_reference(uri: str) -> None:
    """The schema says ``format: uri-reference``, which jsonschema does not check by itself."""
    assert URI_REFERENCE.match(uri), uri
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", uri)
    # A relative reference must not look like it starts with a scheme ("a:b.md").
    assert scheme is None or scheme.group() == "file:", uri


@settings(deadline=None, max_examples=300)
@given(
    file=st.text(min_size=1, max_size=30),
    prefix=st.sampled_from(["", "docs/", "../my docs/", "/srv/a b/docs/", "C:/Users/me/docs/"]),
)
def test_sarif_uri_is_a_uri_reference_for_any_file_name(file: str, prefix: str) -> None:
    finding = Finding(file, 1, 1, "xref.missing-page", "error", "m", "")
    doc = json.loads(render([finding], "sarif", prefix))
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert_uri_reference(uri["uri"])
    shown = shown_path(file, prefix)
    if uri["uri"].startswith("file:"):
        path = unquote(urlparse(uri["uri"]).path, errors="surrogatepass")
        assert path.lstrip("/") == shown.lstrip("/")
    else:
        assert unquote(uri["uri"], errors="surrogatepass") == shown
