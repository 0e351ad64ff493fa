"""Exact results of the finding model and engine.finalize: whole findings, whole files.

Written against the mutants that survived tests/test_findings.py and tests/test_engine.py (see
tests/MUTATION.md): those tests compared parts of findings (code and line, or the first finding
only), so a wrong column, message or suggestion, or a warning the baseline did not absorb, went
unnoticed.
"""

from __future__ import annotations

import pytest

from mkdocs_careerkit.engine import Baseline, baseline_text, finalize
from mkdocs_careerkit.findings import Finding, FindingCollector, has_errors, sort_findings
from mkdocs_careerkit.xref.scan import scan_page


def f(
    line: int = 3, severity: str = "error", message: str = "link 'a.md': no such file"
) -> Finding:
    return Finding("p.md", line, 1, "xref.missing-page", severity, message, "")  # type: ignore[arg-type]


# --- findings.py -------------------------------------------------------------------------------


def test_sort_is_by_file_line_column_code_then_message_not_severity() -> None:
    # Same place and code: the message decides, not the severity (which the dataclass's own
    # order would compare first).
    a = Finding("p.md", 3, 1, "xref.x", "warn", "a")
    b = Finding("p.md", 3, 1, "xref.x", "error", "b")
    c = Finding("p.md", 3, 1, "xref.a", "info", "z")
    d = Finding("o.md", 9, 9, "xref.z", "error", "z")
    assert sort_findings([a, b, c, d]) == [d, c, a, b]


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ([], False),
        (["warn", "info", "ignore"], False),
        (["info", "error"], True),
        (["error"], True),
    ],
)
def test_has_errors(severities: list[str], expected: bool) -> None:
    assert has_errors(f(severity=s) for s in severities) is expected


def test_collector_without_a_page_keeps_file_and_line() -> None:
    """An extension used without the plugin: no file yet, lines as reported."""
    collector = FindingCollector()
    collector.report(Finding("", 4, 5, "assessment.x", "error", "m"))
    assert collector.findings == [Finding("", 4, 5, "assessment.x", "error", "m")]


def test_collector_keeps_an_unknown_line_unknown() -> None:
    collector = FindingCollector()
    collector.start_page("x.md", 12)
    collector.report(Finding("", 0, 0, "assessment.x", "error", "m"))
    collector.report(Finding("", 1, 2, "assessment.x", "error", "m"))
    assert [x.location for x in collector.findings] == ["x.md:0:0", "x.md:13:2"]


# --- engine.py ---------------------------------------------------------------------------------


def test_marker_findings_in_full() -> None:
    text = (
        "<!-- careerkit-ignore xref.case-mismatch: none here -->\n"
        "[a](a.md)\n"
        "x <!-- careerkit-ignore xref.missing-page -->\n"
    )
    assert finalize([], suppressions={"p.md": scan_page(text).suppressions}) == [
        Finding(
            "p.md",
            1,
            1,
            "suppress.unused",
            "info",
            "careerkit-ignore marker silenced nothing on line 2",
            "remove the marker",
        ),
        Finding(
            "p.md",
            3,
            3,
            "suppress.missing-reason",
            "error",
            "careerkit-ignore marker without a reason",
            "write <!-- careerkit-ignore CODE: why this link is fine -->",
        ),
    ]


def test_baseline_file_text_exactly() -> None:
    """The file people commit: stable, indented, one entry per line group, newline at the end."""
    text = baseline_text([f(5, "warn", "b"), f(3), f(4, "info"), f(6, "ignore")])
    assert text == (
        "{\n"
        '  "careerkit_baseline": 1,\n'
        '  "findings": [\n'
        "    {\n"
        '      "file": "p.md",\n'
        '      "code": "xref.missing-page",\n'
        '      "message": "link \'a.md\': no such file"\n'
        "    },\n"
        "    {\n"
        '      "file": "p.md",\n'
        '      "code": "xref.missing-page",\n'
        '      "message": "b"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_baseline_absorbs_warnings_and_errors_in_full() -> None:
    known = Baseline.from_text(baseline_text([f(3), f(4, "warn", "w")]), "b.json")
    found = finalize([f(30), f(40, "warn", "w"), f(50, message="new")], baseline=known)
    assert found == [
        Finding(
            "p.md", 30, 1, "xref.missing-page", "info", "link 'a.md': no such file (in baseline)"
        ),
        Finding("p.md", 40, 1, "xref.missing-page", "info", "w (in baseline)"),
        Finding("p.md", 50, 1, "xref.missing-page", "error", "new"),
    ]


def test_baseline_absorbs_a_finding_made_a_warning_by_the_config() -> None:
    known = Baseline.from_text(baseline_text([f(3, "warn")]), "b.json")
    found = finalize([f(3)], severity={"xref.missing-page": "warn"}, baseline=known)
    assert [(x.line, x.code, x.severity) for x in found] == [(3, "xref.missing-page", "info")]


def test_fixed_entry_in_full() -> None:
    known = Baseline.from_text(baseline_text([f(3, message="gone")]), "b.json")
    assert finalize([], baseline=known) == [
        Finding(
            "p.md",
            0,
            0,
            "baseline.fixed",
            "info",
            "no longer occurs: [xref.missing-page] gone",
            "remove this entry from b.json",
        )
    ]


def test_not_a_baseline_message_in_full() -> None:
    with pytest.raises(ValueError) as e:
        Baseline.from_text("[]", "b.json")
    assert str(e.value) == (
        "b.json: not a careerkit baseline: write it again with "
        "'careerkit check --write-baseline b.json'"
    )
