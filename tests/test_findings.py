"""The one finding model: log line form, ordering, summary."""

from __future__ import annotations

import logging

import pytest

from mkdocs_careerkit.findings import Finding, FindingCollector, log_findings, summary


def make(severity: str = "error", line: int = 3, code: str = "xref.missing-page") -> Finding:
    return Finding("guide/a.md", line, 7, code, severity, "link 'b.md': no such file", "")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (make(), "guide/a.md:3:7: link 'b.md': no such file [xref.missing-page]"),
        (
            Finding("a.md", 1, 2, "xref.missing-anchor", "warn", "no '#x'", "did you mean '#y'?"),
            "a.md:1:2: no '#x' (did you mean '#y'?) [xref.missing-anchor]",
        ),
    ],
)
def test_format_is_path_line_col_message_code(finding: Finding, expected: str) -> None:
    assert finding.format() == expected


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ([], "careerkit: 0 errors, 0 warnings"),
        (["error"], "careerkit: 1 error, 0 warnings"),
        (["error", "error", "error", "warn", "warn"], "careerkit: 3 errors, 2 warnings"),
        (["warn", "info"], "careerkit: 0 errors, 1 warning, 1 info finding"),
    ],
)
def test_summary_counts(severities: list[str], expected: str) -> None:
    assert summary([make(s) for s in severities]) == expected


def test_log_levels_follow_severity_and_ignore_is_silent(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.careerkit")
    with caplog.at_level(logging.DEBUG, logger="test.careerkit"):
        log_findings(
            [make("info", 1), make("ignore", 2), make("warn", 3), make("error", 4)], logger
        )
    assert [(r.levelno, r.getMessage().split(":")[1]) for r in caplog.records] == [
        (logging.INFO, "1"),
        (logging.WARNING, "3"),
        (logging.ERROR, "4"),
    ]


def test_collector_fills_file_and_shifts_past_front_matter() -> None:
    collector = FindingCollector()
    collector.start_page("leadership/x.md", 12)
    collector.report(Finding("", 4, 5, "assessment.x", "error", "m"))
    assert collector.findings[0].location == "leadership/x.md:16:5"
