"""Property-based tests: any text gives a model or a finding, never an exception, and every
position points inside the text at what it claims to."""

from __future__ import annotations

import json
import re
from collections import Counter
from xml.etree import ElementTree as ET

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.engine import Baseline, baseline_text, finalize
from mkdocs_careerkit.findings import SEVERITIES, Finding
from mkdocs_careerkit.reports import FORMATS, render
from mkdocs_careerkit.sources import split_front_matter
from mkdocs_careerkit.xref.check import PageFacts, SiteInfo, XrefOptions, check_links
from mkdocs_careerkit.xref.scan import scan_page, strip_markers
from tests.test_reports import GITHUB_LINE
from tests.test_xref_scan import assert_build_scan_matches

FRAGMENTS = [
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "[^",
    "]:",
    "[x]",
    "[]",
    "#",
    "## ",
    "\n",
    "\n\n",
    " ",
    "    ",
    "\t",
    "`",
    "``",
    "```",
    "~~~",
    "<!--",
    "-->",
    "{#",
    "}",
    "{: ",
    "===",
    '=== "T"',
    "!!! note",
    "???",
    "- ",
    "- [ ] ",
    "1. ",
    "| ",
    "---",
    "<a href=",
    '"',
    "'",
    "<div>",
    "</div>",
    "<div markdown>",
    "<a id=x>",
    "\\",
    "%20",
    "page.md",
    "#anchor",
    "../",
    "http://",
    "&amp;",
    "careerkit-ignore",
    " xref.missing-page",
    ": why",
    "é",
    "\r\n",
    "*",
    "_",
    ">",
]
markdownish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=60).map("".join)
any_text = st.text() | markdownish
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=300)


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@relaxed
@given(text=any_text, offset=st.integers(min_value=0, max_value=5))
def test_scan_page_never_raises_and_positions_point_at_links(text: str, offset: int) -> None:
    scan = scan_page(text, line_offset=offset)
    lines = lines_of(text)
    for link in scan.links:
        assert offset < link.line <= offset + len(lines)
        line = lines[link.line - offset - 1]
        assert 1 <= link.column <= len(line)
        at = line[link.column - 1 :]
        if link.kind == "html":
            assert at[:2].lower() == "<a"
        else:
            assert at.startswith(("[", "![")), (link, at)
    for heading in scan.headings:
        assert offset < heading.line <= offset + len(lines)
        assert heading.anchor in scan.anchors
    for marker in scan.suppressions:
        line = lines[marker.line - offset - 1]
        assert line[marker.column - 1 :].startswith("<!--")
        assert marker.applies_to >= marker.line


@relaxed
@given(text=any_text)
def test_strip_markers_never_raises_and_keeps_line_numbers(text: str) -> None:
    out = strip_markers(text)
    assert len(lines_of(out)) == len(lines_of(text))
    if "careerkit-ignore" not in text:
        assert out == text


names = st.sampled_from(
    ["index.md", "a.md", "sub/b.md", "sub/deeper/c.md", "Café.md", "x y.md", "img.png"]
)


@relaxed
@given(
    pages=st.dictionaries(names, any_text, max_size=5),
    others=st.dictionaries(
        names, st.sampled_from(["included", "not_in_nav", "draft", "excluded"]), max_size=4
    ),
    nav=st.none() | st.frozensets(names),
    ignore=st.lists(st.sampled_from(["*", "sub/*", "a.md#*", "[", "http*"]), max_size=2),
)
def test_check_links_never_raises(
    pages: dict[str, str], others: dict[str, str], nav: frozenset[str] | None, ignore: list[str]
) -> None:
    facts = {}
    for src, text in pages.items():
        scan = scan_page(text)
        facts[src] = PageFacts(src, scan, scan.anchors)
    files = {**others, **dict.fromkeys(pages, "included")}
    found = check_links(facts, SiteInfo(files, nav), XrefOptions(tuple(ignore), "A", 2))  # type: ignore[arg-type]
    for f in found:
        assert f.file in pages
        assert f.severity in SEVERITIES
        # Every finding points at what it is about: a link, the nav section's heading, or the
        # top of an orphan page.
        scan = facts[f.file].scan
        if f.code == "xref.orphan-page":
            assert (f.line, f.column) == (1, 1)
        elif f.code == "xref.thin-nav-section":
            assert any(h.line == f.line and h.text.strip().casefold() == "a" for h in scan.headings)
        else:
            assert (f.line, f.column) in {(x.line, x.column) for x in scan.links}, f
        event(f.code)
    finalize(found, suppressions={src: p.scan.suppressions for src, p in facts.items()})


@relaxed
@given(target=st.text(max_size=40), page=names)
def test_any_link_target_is_checked_without_raising(target: str, page: str) -> None:
    text = f"[x]({target}) [y](<{target}>) <a href='{target}'>z</a>"
    scan = scan_page(text)
    facts = {page: PageFacts(page, scan, scan.anchors)}
    found = check_links(facts, SiteInfo({page: "included", "a.md": "included"}))
    links = {(x.line, x.column) for x in scan.links}
    for f in found:
        assert (f.file, f.severity) == (page, default_severity(f.code))
        assert (f.line, f.column) in links, (f, links)
        event(f.code)


@relaxed
@given(body=any_text, yaml_part=any_text)
def test_split_front_matter_never_raises(body: str, yaml_part: str) -> None:
    for raw in (body, f"---\n{yaml_part}\n---\n{body}"):
        source = split_front_matter(raw, "p.md")
        assert source.line_offset >= 0
        for f in source.findings:
            assert f.code == "page.bad-front-matter" and f.line >= 1 and f.column >= 1


finding = st.builds(
    Finding,
    file=st.text(min_size=1, max_size=20),
    line=st.integers(min_value=0, max_value=10**6),
    column=st.integers(min_value=0, max_value=500),
    code=st.sampled_from(["xref.missing-page", "xref.orphan-page", "baseline.fixed", "x.unknown"]),
    severity=st.sampled_from(SEVERITIES),
    message=st.text(min_size=1, max_size=60),
    suggestion=st.text(max_size=30),
)


@relaxed
@given(findings=st.lists(finding, max_size=8))
def test_reports_render_any_findings(findings: list[Finding]) -> None:
    for fmt in FORMATS:
        out = render(findings, fmt, "docs/")
        if fmt == "json":
            assert len(json.loads(out)) == len([f for f in findings if f.severity != "ignore"])
        elif fmt == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif fmt == "sarif":
            assert json.loads(out)["version"] == "2.1.0"
        elif fmt == "github":
            for line in out.rstrip("\n").split("\n") if out else []:
                assert GITHUB_LINE.match(line), line


# Each way a baseline file can be wrong, and the message it gets (after "b.json").
REWRITE = r": write it again with 'careerkit check --write-baseline b\.json'"
BASELINE_ERRORS = {
    "not JSON": r"(:\d+:\d+: not valid JSON \(.+\): fix it or|: the file is empty:)" + REWRITE[1:],
    "not a baseline": r": not a careerkit baseline" + REWRITE,
    "findings not a list": r": 'findings' must be a list" + REWRITE,
    "bad entry": r": entry \d+ lacks file, code or message" + REWRITE,
}
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)
entry = st.fixed_dictionaries(
    {"file": st.text(max_size=8), "code": st.text(max_size=8), "message": st.text(max_size=8)},
    optional={"line": st.integers()},
)
broken_entry = st.dictionaries(st.sampled_from(["file", "code", "message"]), st.text(), max_size=2)
baseline_doc = st.fixed_dictionaries(
    {"careerkit_baseline": st.sampled_from([1, 1, 1, 2, "1", None])},
    optional={
        "findings": st.lists(entry, max_size=4)
        | st.lists(entry | broken_entry | json_value)
        | json_value
    },
).map(json.dumps)


def test_baseline_text_is_a_baseline_or_says_why() -> None:
    """Any text: a baseline with one entry per listed finding, or a ValueError naming the file
    and what is wrong; both outcomes and every kind of error are reached."""
    reached: Counter[str] = Counter()

    @relaxed
    @given(text=st.text() | baseline_doc | baseline_doc.map(lambda s: s[: len(s) // 2]))
    def prop(text: str) -> None:
        try:
            baseline = Baseline.from_text(text, "b.json")
        except ValueError as e:
            kinds = [
                k
                for k, rx in BASELINE_ERRORS.items()
                if re.fullmatch("b\\.json" + rx, str(e), re.S)
            ]
            assert len(kinds) == 1, str(e)
            reached[kinds[0]] += 1
            event(kinds[0])
            return
        data = json.loads(text)
        assert data["careerkit_baseline"] == 1
        items = data.get("findings", [])
        assert baseline.entries == Counter(
            (str(i["file"]), str(i["code"]), str(i["message"])) for i in items
        )
        reached["accepted" if items else "accepted, no entry"] += 1
        event("accepted")

    prop()
    assert set(reached) == {"accepted", "accepted, no entry", *BASELINE_ERRORS}, reached


@relaxed
@given(findings=st.lists(finding, max_size=8))
def test_baseline_round_trip(findings: list[Finding]) -> None:
    """A written baseline reads back as exactly its error and warning findings."""
    baseline = Baseline.from_text(baseline_text(findings), "b.json")
    assert baseline.entries == Counter(
        (f.file, f.code, f.message) for f in findings if f.severity in ("error", "warn")
    )
    # ...and marks exactly those as known: nothing fails any more.
    final = finalize(findings, baseline=baseline)
    assert [f for f in final if f.severity in ("error", "warn")] == []


@relaxed
@given(text=any_text)
def test_build_mode_scan_finds_the_same_links_headings_and_markers(text: str) -> None:
    """The build's fast scan (no id estimate) may skip work, never a heading or a link."""
    assert_build_scan_matches(text)
