"""Cross-references in real builds: fixture sites through MkDocs' API, the same findings from
``careerkit check``, the serve notice, and bad input that must give findings, not tracebacks."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_careerkit.findings import Finding, summary
from mkdocs_careerkit.sitecheck import check_site
from mkdocs_careerkit.sources import read_source, toc_slugify
from mkdocs_careerkit.xref import scan_page
from mkdocs_careerkit.xref.feature import Xref
from tests.conftest import EXTENSIONS, Built, build_site, write_site

FIXTURES = Path(__file__).parent / "fixtures"
# "rich" has its own tests (test_xref_rich.py): there build and check differ by design (a hook).
FIXTURE_SITES = sorted(
    p.name for p in FIXTURES.iterdir() if (p / "mkdocs.yml").exists() and p.name != "rich"
)
# What careerkit logs at warning level or above: finding lines and the summary.
FINDING_LOGS = [
    r"\[(xref|page|suppress|tags)\.[\w-]+\]$",
    r"^careerkit: \d+ errors?, \d+ warnings?",
]
LOGGED = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<text>.*) \[(?P<code>[\w.-]+)\]$"
)
LEVELS = {logging.ERROR: "error", logging.WARNING: "warn", logging.INFO: "info"}

Row = tuple[
    str, int, int, str, str, str, str
]  # file, line, column, code, severity, message, suggestion


def rows(findings: list[Finding]) -> set[Row]:
    return {
        (f.file, f.line, f.column, f.code, f.severity, f.message, f.suggestion) for f in findings
    }


def copy_fixture(name: str, tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / name, tmp_path / name)
    return tmp_path / name / "mkdocs.yml"


def build_findings(built: Built) -> list[Finding]:
    """What the build concluded (the plugin keeps it until the next build)."""
    assert built.config is not None, built.error
    state = built.config.plugins["careerkit"].state
    return list(state.findings)


def logged(built: Built) -> set[tuple[str, int, int, str, str]]:
    """Findings as MkDocs' log shows them: (file, line, column, code, severity)."""
    out = set()
    for r in built.records:
        if not r.name.startswith("mkdocs.plugins.mkdocs_careerkit"):
            continue
        m = LOGGED.match(r.getMessage().removeprefix("mkdocs_careerkit: "))
        if m:
            loc = (m["file"], int(m["line"]), int(m["column"]), m["code"])
            out.add((*loc, LEVELS[r.levelno]))
    return out


def cli_findings(config_file: Path) -> list[Finding]:
    return check_site(load_config(str(config_file)))


def expected(name: str) -> list[dict[str, Any]]:
    path = FIXTURES / name / "expected.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []  # type: ignore[no-any-return]


# --- The fixture sites ---------------------------------------------------------------------


def test_expected_positions_point_at_what_the_author_wrote() -> None:
    """The table is checked against the fixture text, so it cannot drift from the pages."""
    for name in FIXTURE_SITES:
        for item in expected(name):
            lines = (
                (FIXTURES / name / "docs" / item["file"]).read_text(encoding="utf-8").split("\n")
            )
            at = lines[item["line"] - 1][item["column"] - 1 :]
            assert at.startswith(item["at"]), (item, at)


def test_fault_fixture_every_fault_once_at_its_line_and_column(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard.extend(FINDING_LOGS)
    built = build_site(copy_fixture("faults", tmp_path))
    want = expected("faults")
    found = build_findings(built)
    assert sorted(
        (f.file, f.line, f.column, f.code, f.severity, f.suggestion) for f in found
    ) == sorted(
        (e["file"], e["line"], e["column"], e["code"], e["severity"], e["suggestion"]) for e in want
    )
    # Every finding reached the log, at the level of its severity.
    assert logged(built) == {
        (e["file"], e["line"], e["column"], e["code"], e["severity"]) for e in want
    }
    # The build failed, with the summary as its last word.
    assert built.error is not None
    assert summary(found) == "careerkit: 20 errors, 6 warnings, 1 info finding"
    assert built.messages(logging.ERROR)[-1] == summary(found)


def test_fault_fixture_messages_quote_what_the_author_typed(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard.extend(FINDING_LOGS)
    found = build_findings(build_site(copy_fixture("faults", tmp_path)))
    texts = {
        (f.line, f.column): f.message for f in found if f.file == "leadership/giving-feedback.md"
    }
    assert texts[(14, 15)].startswith("link '../professional-development/mentorshp.md'")
    assert texts[(36, 5)] == "reference link '[missing-ref]' has no definition"
    assert texts[(39, 3)] == "malformed URL 'https:/example.com'"


def test_clean_fixture_has_zero_findings_even_strict(tmp_path: Path, log_guard: list[str]) -> None:
    built = build_site(copy_fixture("clean", tmp_path), strict=True)
    assert built.error is None, built.messages()
    assert build_findings(built) == []
    assert built.careerkit_lines() == []


def test_custom_slugify_fixture(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    built = build_site(copy_fixture("slugs", tmp_path))
    assert [(f.file, f.line, f.column, f.code, f.suggestion) for f in build_findings(built)] == [
        ("index.md", 15, 3, "xref.missing-anchor", "did you mean '#mixed_case_heading'?")
    ]


@pytest.mark.parametrize("name", FIXTURE_SITES)
def test_build_and_check_agree_on_every_fixture(
    name: str, tmp_path: Path, log_guard: list[str]
) -> None:
    """The proof that check's anchor estimate is right: same findings as the real build."""
    log_guard.extend(FINDING_LOGS)
    config = copy_fixture(name, tmp_path)
    built = build_site(config)
    assert rows(build_findings(built)) == check_rows(cli_findings(config))


def check_rows(findings: list[Finding]) -> set[Row]:
    """Check's findings without its one note on what it cannot see (a build sees it all)."""
    return rows([f for f in findings if f.code != "xref.cannot-see"])


@pytest.mark.parametrize("name", FIXTURE_SITES)
def test_estimated_anchors_equal_the_rendered_ids(
    name: str, tmp_path: Path, log_guard: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """scan_page's anchors ⊇ MkDocs' present_anchor_ids — in fact equal, on every fixture page."""
    log_guard.extend(FINDING_LOGS)
    # The build lets the pages' facts go once it checked the links: keep what it checked.
    seen: dict[str, Any] = {}
    conclude = Xref.conclude

    def keep(self: Xref, *args: Any) -> Any:
        seen.update(self.pages)
        return conclude(self, *args)

    monkeypatch.setattr(Xref, "conclude", keep)
    built = build_site(copy_fixture(name, tmp_path))
    pages = seen
    assert pages
    slugify, separator = toc_slugify(built.config)
    for src, facts in pages.items():
        # The build itself skips the estimate; make it here from the same source.
        source = read_source(str(built.docs_dir / src), src)
        estimate = scan_page(
            source.body, line_offset=source.line_offset, slugify=slugify, separator=separator
        ).anchors
        assert estimate >= facts.anchors, (src, sorted(facts.anchors - estimate))
        assert estimate == facts.anchors, (src, sorted(estimate - facts.anchors))


# --- Failing the build ---------------------------------------------------------------------

ERROR_SITE = {"index.md": "# Home\n\n[a](a.md)\n[b](b.md)\n", "c.md": "# C\n\n[x](#nope)\n"}


def test_errors_fail_without_strict_with_a_summary(site: Any) -> None:
    site.expect.extend(FINDING_LOGS)
    built = site(ERROR_SITE)
    assert built.error is not None
    assert built.messages(logging.ERROR)[-1] == "careerkit: 3 errors, 0 warnings"
    assert [
        line.split(" [")[0].split(": ")[0] for line in built.careerkit_lines(logging.ERROR)[:3]
    ] == [
        "c.md:3:1",
        "index.md:3:1",
        "index.md:4:1",
    ]


@pytest.mark.parametrize("level", [logging.DEBUG, logging.ERROR])
def test_log_level_changes_nothing(tmp_path: Path, log_guard: list[str], level: int) -> None:
    """``-v`` (DEBUG) or ``-q`` (ERROR): the build fails on an error finding all the same."""
    log_guard.extend(FINDING_LOGS)
    config = write_site(tmp_path, ERROR_SITE)
    logger = logging.getLogger("mkdocs")
    old = logger.level
    logger.setLevel(level)
    try:
        cfg = load_config(str(config))
        cfg.plugins.on_startup(command="build", dirty=False)
        with pytest.raises(Abort):
            build(cfg)
    finally:
        logger.setLevel(old)
    assert summary(cfg.plugins["careerkit"].state.findings) == "careerkit: 3 errors, 0 warnings"


WARN_SITE = {
    "index.md": "# Home\n\n[b](/b/)\n",
    "b.md": "# B\n\n## Cross-Reference Navigation\n\nNothing yet.\n",
}


def test_warnings_alone_do_not_fail_a_normal_build(site: Any) -> None:
    site.expect.append(r"\[xref\.(absolute-link|thin-nav-section)\]$")
    built = site(WARN_SITE)
    assert built.error is None
    assert sorted(line.rsplit(" ", 1)[1] for line in built.careerkit_lines(logging.WARNING)) == [
        "[xref.absolute-link]",
        "[xref.thin-nav-section]",
    ]
    assert built.messages(logging.INFO)[-2].endswith("careerkit: 0 errors, 2 warnings")


def test_strict_fails_on_warnings(site: Any) -> None:
    site.expect.append(r"\[xref\.(absolute-link|thin-nav-section)\]$")
    built = site(WARN_SITE, strict=True)
    # MkDocs' own strict mode counts careerkit's two warnings, and nothing else, and aborts.
    assert isinstance(built.error, Abort)
    assert str(built.error) == "Aborted with 2 warnings in strict mode!"
    assert sorted(m.rsplit(" ", 1)[1] for m in built.messages(logging.WARNING)) == [
        "[xref.absolute-link]",
        "[xref.thin-nav-section]",
    ]


def test_severity_override_turns_a_warning_into_an_error(site: Any) -> None:
    site.expect.extend(FINDING_LOGS)
    built = site(
        WARN_SITE, {"plugins": [{"careerkit": {"severity": {"xref.absolute-link": "error"}}}]}
    )
    assert built.error is not None
    assert built.messages(logging.ERROR)[-1] == "careerkit: 1 error, 1 warning"


def test_markers_are_read_with_xref_disabled(tmp_path: Path, log_guard: list[str]) -> None:
    """Markers apply to every feature's findings: build and check must read them alike."""
    log_guard.extend(FINDING_LOGS)
    page = "# Home\n\nx <!-- careerkit-ignore xref.missing-page -->\n"
    config = write_site(
        tmp_path, {"index.md": page}, {"plugins": [{"careerkit": {"xref": {"enabled": False}}}]}
    )
    assert rows(build_findings(build_site(config))) == rows(cli_findings(config))


# --- mkdocs serve: a notice on the page, never an exception --------------------------------


def test_serve_shows_a_notice_and_does_not_stop(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    built = build_site(copy_fixture("faults", tmp_path), command="serve")
    assert built.error is None, built.error
    html = built.html("leadership/influence.md")
    notice = re.search(r'<div class="[^"]*careerkit-notice[^"]*"[^>]*>(.*?)</div>', html, re.S)
    assert notice is not None
    assert "careerkit found 2 problems on this page" in notice.group(1)
    assert (
        "line 7:1: link &#x27;../professional-development/networking.md#missing-anchor&#x27;"
        in notice.group(1)
        or "line 7:1: link '../professional-development/networking.md#missing-anchor'"
        in notice.group(1)
    )
    assert "xref.missing-anchor" in notice.group(1)
    assert "line 24:8:" in notice.group(1) and "xref.raw-html-md-link" in notice.group(1)
    feedback = built.html("leadership/giving-feedback.md")
    assert feedback.count("<li>line ") == 22  # its errors and warnings, not the info finding
    assert "careerkit-notice" not in built.html("professional-development/networking.md")
    assert any("careerkit: 20 errors" in m for m in built.messages(logging.INFO))


def test_markers_never_reach_the_html(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    built = build_site(copy_fixture("faults", tmp_path), command="serve")
    marked = sorted(
        str(src.relative_to(built.docs_dir))
        for src in built.docs_dir.rglob("*.md")
        if "<!-- careerkit-ignore" in src.read_text(encoding="utf-8")
    )
    # The fixture has markers, in pages that are built: each such page's HTML exists (html()
    # raises otherwise) and has none of them, and neither has any other page.
    assert marked
    for page in marked:
        assert "<!-- careerkit-ignore" not in built.html(page), page
    html = sorted(built.site_dir.rglob("*.html"))
    assert len(html) > len(marked)
    for page in html:
        assert "<!-- careerkit-ignore" not in page.read_text(encoding="utf-8"), page


def test_marker_in_a_code_sample_is_kept(site: Any) -> None:
    page = (
        "# Docs\n\n```markdown\n[x](y.md) <!-- careerkit-ignore xref.missing-page: why -->\n```\n"
    )
    built = site({"index.md": page}, {"markdown_extensions": ["pymdownx.superfences"]})
    assert built.error is None
    assert "careerkit-ignore xref.missing-page: why" in built.html("index.md")
    assert built.careerkit_lines() == []


def test_stripped_marker_keeps_lists_and_line_numbers(site: Any) -> None:
    site.expect.extend(FINDING_LOGS)
    page = (
        "# P\n\n- one\n<!-- careerkit-ignore xref.missing-page: archived -->\n- [two](gone.md)\n"
        "- three\n\n[x](missing.md)\n"
    )
    built = site({"index.md": page})
    html = built.html("index.md")
    assert "<li>one</li>" in html and "<p>" not in html.split("<ul>")[1].split("</ul>")[0]
    assert [line.split(": ")[0] for line in built.careerkit_lines(logging.ERROR)] == [
        "index.md:8:1"
    ]


# --- Bad input: findings with their location, never a traceback ----------------------------


def bad_site(tmp_path: Path, pages: dict[str, Any], nav: list[str] | None = None) -> Path:
    config: dict[str, Any] = {"markdown_extensions": EXTENSIONS}
    if nav:
        config["nav"] = nav
    return write_site(tmp_path, pages, config)


def check_both(config: Path) -> list[Finding]:
    """Build and ``careerkit check``: the same findings, returned once."""
    built = build_site(config)
    found = build_findings(built)
    assert rows(found) == rows(cli_findings(config))
    return found


def brief(found: list[Finding]) -> list[tuple[str, int, int, str]]:
    return [(f.file, f.line, f.column, f.code) for f in found]


def test_non_utf8_page_is_a_finding_and_the_site_still_builds(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard.extend(FINDING_LOGS)
    config = bad_site(
        tmp_path,
        {
            "index.md": "# Home\n\n[latin](latin.md) and [gone](gone.md)\n",
            "latin.md": b"# Latin-1\n\nGood line.\ncaf\xe9 and [x](nowhere.md)\n",
        },
    )
    assert brief(check_both(config)) == [
        ("index.md", 3, 23, "xref.missing-page"),
        ("latin.md", 4, 4, "page.unreadable"),
        ("latin.md", 4, 10, "xref.missing-page"),
    ]
    built = build_site(config)
    assert "Latin-1" in built.html("latin.md")
    assert "byte 0xe9 at offset" in next(
        f.message for f in build_findings(built) if f.code == "page.unreadable"
    )


def test_unreadable_file_is_a_finding(tmp_path: Path) -> None:
    from mkdocs_careerkit.sources import read_source

    source = read_source(str(tmp_path / "missing.md"), "missing.md")
    assert brief(list(source.findings)) == [("missing.md", 0, 1, "page.unreadable")]
    assert source.body == ""


def test_broken_front_matter_at_the_yaml_error_line(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    config = bad_site(
        tmp_path,
        {
            "index.md": "---\ntitle: ok\ntags: [a, b\nauthor: me\n---\n\n# Home\n\n[self](#home)\n",
        },
    )
    found = check_both(config)
    assert brief(found) == [("index.md", 4, 1, "page.bad-front-matter")]
    assert found[0].message.startswith("front matter is not valid YAML:")


def test_punctuation_heading_gets_underscore_one(tmp_path: Path, log_guard: list[str]) -> None:
    config = bad_site(
        tmp_path,
        {
            "index.md": "# Home\n\n## ???\n\n## !!!\n\n[q](#_1) [e](#_2) [o](other.md#_1)\n",
            "other.md": "# ?\n",
        },
    )
    assert check_both(config) == []


def test_spaces_in_link_targets(tmp_path: Path, log_guard: list[str]) -> None:
    """Python-Markdown renders `[x](my page.md)` as a link MkDocs resolves: it works, with a
    warning because other Markdown renderers would not make it a link."""
    log_guard.extend(FINDING_LOGS)
    config = bad_site(
        tmp_path,
        {
            "index.md": "# Home\n\n[a](my%20page.md) [b](<my page.md>) [c](my page.md#my-page)\n",
            "my page.md": "# My Page\n",
        },
    )
    assert brief(check_both(config)) == [("index.md", 3, 37, "xref.space-in-link")]
    built = build_site(config)
    paragraph = re.search(
        r'<p><a href="([^"]*)">a</a> <a href="([^"]*)">b</a> <a href="([^"]*)">c',
        built.html("index.md"),
    )
    assert paragraph is not None
    assert paragraph.groups() == ("my%20page/", "my%20page/", "my%20page/#my-page")  # all resolved


def test_link_above_docs_dir(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS)
    config = bad_site(tmp_path, {"index.md": "# Home\n", "a/b.md": "# B\n\n[up](../../x.md)\n"})
    found = check_both(config)
    assert brief(found) == [("a/b.md", 3, 1, "xref.outside-docs")]
    assert found[0].message == "link '../../x.md' climbs above docs_dir"


def test_empty_pages(tmp_path: Path, log_guard: list[str]) -> None:
    config = bad_site(
        tmp_path,
        {
            "index.md": "# Home\n\n[e](empty.md) [w](blank.md)\n",
            "empty.md": "",
            "blank.md": "\n\n  \n",
        },
    )
    assert check_both(config) == []


def test_megabyte_page(tmp_path: Path, log_guard: list[str]) -> None:
    """A 1 MB page: every link on it checked, nothing raised (the time is in benchmarks/)."""
    log_guard.extend(FINDING_LOGS)
    section = (
        "## Section {n}\n\n"
        "Some *prose* with a [link](index.md#home) and `code [x](nope.md)` and more text, "
        "wrapped [onto\nthe next line](#section-{n}).\n\n"
        '!!! note\n\n    === "Tab"\n\n        | a | [b](#section-{n}) |\n        | - | - |\n\n'
        "```\n[fenced](nope.md)\n```\n\n"
    )
    parts = ["# Big\n\n"]
    n = 0
    while sum(map(len, parts)) < 1_000_000:
        parts.append(section.format(n=n))
        n += 1
    parts.append("[broken](#section-999999)\n")
    config = bad_site(tmp_path, {"index.md": "# Home\n\n[big](big.md)\n", "big.md": "".join(parts)})
    found = check_both(config)
    last_line = "".join(parts).count("\n")
    assert brief(found) == [("big.md", last_line, 1, "xref.missing-anchor")]
    assert found[0].suggestion.startswith("did you mean '#section-")


def test_the_serve_notice_counts_one_problem_in_the_singular() -> None:
    from mkdocs_careerkit.findings import Finding
    from mkdocs_careerkit.plugin import notice_html

    one = Finding("a.md", 3, 1, "xref.missing-page", "error", "link 'b.md': no such file", "")
    assert "careerkit found 1 problem on this page" in notice_html([one])
    assert "careerkit found 2 problems on this page" in notice_html([one, one])
