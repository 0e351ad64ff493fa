"""engine.finalize: severities, inline suppression markers and the baseline, with no MkDocs."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from mkdocs_careerkit.engine import Baseline, baseline_text, finalize
from mkdocs_careerkit.findings import Finding, Severity
from mkdocs_careerkit.xref.scan import Suppression, scan_page


def f(
    line: int = 3,
    code: str = "xref.missing-page",
    severity: Severity = "error",
    message: str = "link 'a.md': no such file 'a.md'",
    file: str = "p.md",
    column: int = 1,
) -> Finding:
    return Finding(file, line, column, code, severity, message, "")


def marks(text: str, file: str = "p.md") -> dict[str, tuple[Suppression, ...]]:
    return {file: scan_page(text).suppressions}


def brief(findings: list[Finding]) -> list[tuple[str, int, str, str]]:
    return [(x.file, x.line, x.code, x.severity) for x in findings]


# --- Severities --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({}, [("p.md", 3, "xref.missing-page", "error"), ("p.md", 4, "xref.orphan-page", "warn")]),
        (
            {"xref.missing-page": "warn", "xref.orphan-page": "error"},
            [("p.md", 3, "xref.missing-page", "warn"), ("p.md", 4, "xref.orphan-page", "error")],
        ),
        (
            {"xref.orphan-page": "info"},
            [("p.md", 3, "xref.missing-page", "error"), ("p.md", 4, "xref.orphan-page", "info")],
        ),
        ({"xref.missing-page": "ignore"}, [("p.md", 4, "xref.orphan-page", "warn")]),
    ],
)
def test_severity_overrides(
    override: dict[str, Severity], expected: list[tuple[str, int, str, str]]
) -> None:
    found = finalize([f(4, "xref.orphan-page", "warn"), f(3)], severity=override)
    assert brief(found) == expected


def test_result_is_sorted_by_file_line_column() -> None:
    found = finalize([f(9, file="b.md"), f(2, column=9), f(2, column=3), f(1, file="a/z.md")])
    assert [x.location for x in found] == ["a/z.md:1:1", "b.md:9:1", "p.md:2:3", "p.md:2:9"]


# --- Inline markers ----------------------------------------------------------------------------


def test_marker_with_reason_silences_its_codes_on_its_line() -> None:
    text = "x\nx\n[a](a.md) [B](B.md) <!-- careerkit-ignore xref.missing-page: moved -->"
    found = finalize(
        [f(3), f(3, "xref.case-mismatch"), f(4)],
        suppressions=marks(text),
    )
    assert brief(found) == [
        ("p.md", 3, "xref.case-mismatch", "error"),
        ("p.md", 4, "xref.missing-page", "error"),
    ]


def test_marker_alone_silences_the_next_non_blank_line() -> None:
    text = "x\n<!-- careerkit-ignore xref.missing-page: why -->\n\n[a](a.md)"
    assert finalize([f(4)], suppressions=marks(text)) == []


def test_marker_without_codes_silences_every_code() -> None:
    text = "x\nx\nline <!-- careerkit-ignore: everything on this line is known -->"
    assert finalize([f(3), f(3, "xref.orphan-page", "warn")], suppressions=marks(text)) == []


def test_marker_without_a_reason_silences_nothing_and_is_an_error() -> None:
    text = "x\nx\n[a](a.md) <!-- careerkit-ignore xref.missing-page -->"
    found = finalize([f(3)], suppressions=marks(text))
    assert [(x.line, x.column, x.code, x.severity) for x in found] == [
        (3, 1, "xref.missing-page", "error"),
        (3, 11, "suppress.missing-reason", "error"),
    ]


def test_unused_marker_is_info_and_names_its_line() -> None:
    text = "<!-- careerkit-ignore xref.case-mismatch: none here -->\n[a](a.md)"
    found = finalize([f(2)], suppressions=marks(text))
    assert [(x.line, x.code, x.severity) for x in found] == [
        (1, "suppress.unused", "info"),
        (2, "xref.missing-page", "error"),
    ]
    assert "line 2" in found[0].message


def test_marker_severities_can_be_overridden() -> None:
    text = "<!-- careerkit-ignore x: r -->\n\n<!-- careerkit-ignore y -->"
    found = finalize(
        [],
        suppressions=marks(text),
        severity={"suppress.unused": "ignore", "suppress.missing-reason": "warn"},
    )
    assert [(x.code, x.severity) for x in found] == [("suppress.missing-reason", "warn")]


def test_markers_only_apply_to_their_own_file() -> None:
    text = "x\nx\n<!-- careerkit-ignore: r --> x"
    found = finalize([f(3, file="other.md")], suppressions=marks(text))
    assert brief(found) == [
        ("other.md", 3, "xref.missing-page", "error"),
        ("p.md", 3, "suppress.unused", "info"),
    ]


# --- Baseline ----------------------------------------------------------------------------------


def baseline(*findings: Finding) -> Baseline:
    return Baseline.from_text(baseline_text(findings), "baseline.json")


def test_baseline_file_lists_errors_and_warnings_only() -> None:
    text = baseline_text([f(3), f(4, "xref.orphan-page", "warn"), f(5, "suppress.unused", "info")])
    data = json.loads(text)
    assert data["careerkit_baseline"] == 1
    assert [(e["file"], e["code"]) for e in data["findings"]] == [
        ("p.md", "xref.missing-page"),
        ("p.md", "xref.orphan-page"),
    ]
    assert set(data["findings"][0]) == {"file", "code", "message"}  # no lines: they move


def test_known_findings_become_info_new_ones_still_fail() -> None:
    known = f(3)
    new = f(7, message="link 'new.md': no such file 'new.md'")
    found = finalize([known, new], baseline=baseline(known))
    assert [(x.line, x.severity, x.message.endswith("(in baseline)")) for x in found] == [
        (3, "info", True),
        (7, "error", False),
    ]


def test_baseline_survives_lines_moving() -> None:
    found = finalize([f(30)], baseline=baseline(f(3)))
    assert [(x.line, x.severity) for x in found] == [(30, "info")]


def test_fixed_entries_are_reported_as_removable() -> None:
    gone = f(5, message="link 'old.md': no such file 'old.md'")
    found = finalize([f(3)], baseline=baseline(f(3), gone))
    assert [(x.code, x.severity, x.line) for x in found] == [
        ("baseline.fixed", "info", 0),
        ("xref.missing-page", "info", 3),
    ]
    assert (
        found[0].message
        == "no longer occurs: [xref.missing-page] link 'old.md': no such file 'old.md'"
    )
    assert found[0].suggestion == "remove this entry from baseline.json"


@pytest.mark.parametrize(
    ("in_baseline", "now", "expected"),
    [
        (2, 3, Counter({"info": 2, "error": 1})),  # one more than known: the extra one fails
        (3, 2, Counter({"info": 2, "baseline.fixed": 1})),  # one fixed: one entry removable
        (2, 2, Counter({"info": 2})),
        (0, 2, Counter({"error": 2})),
    ],
)
def test_baseline_is_a_multiset(in_baseline: int, now: int, expected: Counter[str]) -> None:
    # The same broken link several times on one page: same file, code and message.
    found = finalize(
        [f(10 + i) for i in range(now)], baseline=baseline(*[f(i) for i in range(in_baseline)])
    )
    got = Counter("baseline.fixed" if x.code == "baseline.fixed" else x.severity for x in found)
    assert got == expected


def test_baseline_applies_after_severity_overrides() -> None:
    b = baseline(f(3, severity="warn"))
    found = finalize([f(3)], severity={"xref.missing-page": "warn"}, baseline=b)
    assert brief(found) == [("p.md", 3, "xref.missing-page", "info")]
    # An ignored finding is neither reported nor counted against the baseline.
    found = finalize([f(3)], severity={"xref.missing-page": "ignore"}, baseline=b)
    assert [x.code for x in found] == ["baseline.fixed"]


def test_suppressed_findings_do_not_consume_baseline_entries() -> None:
    text = "x\nx\n<!-- careerkit-ignore xref.missing-page: known --> [a](a.md)"
    found = finalize([f(3)], suppressions=marks(text), baseline=baseline(f(3)))
    assert [x.code for x in found] == ["baseline.fixed"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "baseline.json:1:2: not valid JSON"),
        ("[]", "not a careerkit baseline"),
        ('{"careerkit_baseline": 2, "findings": []}', "not a careerkit baseline"),
        (
            '{"careerkit_baseline": 1, "findings": [{"file": "a.md"}]}',
            "entry 1 lacks file, code or message",
        ),
        ('{"careerkit_baseline": 1, "findings": ["x"]}', "entry 1 lacks file, code or message"),
        ('{"careerkit_baseline": 1, "findings": null}', "'findings' must be a list"),
        ('{"careerkit_baseline": 1, "findings": {"a": 1}}', "'findings' must be a list"),
    ],
)
def test_bad_baseline_files_give_readable_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=r"^baseline\.json") as e:
        Baseline.from_text(text, "baseline.json")
    assert message in str(e.value)


def test_empty_baseline_is_fine() -> None:
    b = Baseline.from_text('{"careerkit_baseline": 1}', "b.json")
    assert finalize([f(3)], baseline=b)[0].severity == "error"
