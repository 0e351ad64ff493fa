"""Turn raw findings into the final list: severities, inline suppressions, baseline.

Shared by the build and ``careerkit check`` so both give the same findings. Pure.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding, Severity, sort_findings
from mkdocs_careerkit.xref.scan import Suppression

BASELINE_VERSION = 1
# How to fix any broken baseline file.
_REWRITE = "write it again with 'careerkit check --write-baseline {path}'"


def _key(f: Finding) -> tuple[str, str, str]:
    # Lines move when text is added above; file, code and message (which quotes the link) do not.
    return (f.file, f.code, f.message)


@dataclasses.dataclass(frozen=True)
class Baseline:
    """Known findings that must not fail the build (a multiset of fingerprints)."""

    path: str
    entries: Counter[tuple[str, str, str]]

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> Baseline:
        """Parse the bytes of a baseline file; raises ValueError with a one-line message that
        names ``path``, the problem and the fix."""
        try:
            text = data.decode("utf-8-sig")  # a byte order mark, as Windows editors add, is fine
        except UnicodeDecodeError as e:
            raise ValueError(
                f"{path}: byte {data[e.start]:#04x} at offset {e.start} is not UTF-8: "
                f"{_REWRITE.format(path=path)}"
            ) from e
        return cls.from_text(text, path)

    @classmethod
    def from_text(cls, text: str, path: str) -> Baseline:
        """Parse a baseline file; raises ValueError with a one-line message naming ``path``."""
        if not text.strip():
            raise ValueError(f"{path}: the file is empty: {_REWRITE.format(path=path)}")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise ValueError(
                f"{path}:{e.lineno}:{e.colno}: not valid JSON ({e.msg}): "
                f"fix it or {_REWRITE.format(path=path)}"
            ) from e
        except (ValueError, RecursionError) as e:
            raise ValueError(
                f"{path}: not a careerkit baseline (a number too long or nesting too deep): "
                f"{_REWRITE.format(path=path)}"
            ) from e
        if not isinstance(data, dict) or data.get("careerkit_baseline") != BASELINE_VERSION:
            raise ValueError(f"{path}: not a careerkit baseline: {_REWRITE.format(path=path)}")
        items = data.get("findings", [])
        if not isinstance(items, list):
            raise ValueError(f"{path}: 'findings' must be a list: {_REWRITE.format(path=path)}")
        entries: Counter[tuple[str, str, str]] = Counter()
        for i, item in enumerate(items):
            try:
                entries[(str(item["file"]), str(item["code"]), str(item["message"]))] += 1
            except (KeyError, TypeError, RecursionError) as e:
                raise ValueError(
                    f"{path}: entry {i + 1} lacks file, code or message: "
                    f"{_REWRITE.format(path=path)}"
                ) from e
        return cls(path, entries)


def baseline_text(findings: Iterable[Finding]) -> str:
    """The baseline file for these findings (only those that would warn or fail)."""
    items = [
        {"file": f.file, "code": f.code, "message": f.message}
        for f in sort_findings(findings)
        if f.severity in ("error", "warn")
    ]
    return json.dumps({"careerkit_baseline": BASELINE_VERSION, "findings": items}, indent=2) + "\n"


def finalize(
    findings: Iterable[Finding],
    *,
    suppressions: Mapping[str, Sequence[Suppression]] | None = None,
    severity: Mapping[str, Severity] | None = None,
    baseline: Baseline | None = None,
) -> list[Finding]:
    """Apply severity overrides, inline ``careerkit-ignore`` markers and the baseline.

    Args:
        findings: Raw findings from every feature, with default severities.
        suppressions: Markers per page.
        severity: Overrides per code from the config.
        baseline: Known findings that are reported as info instead of failing.

    Returns:
        The findings to report, sorted, without those whose severity is ``ignore``.
    """
    overrides = severity or {}
    marks = suppressions or {}
    used: set[tuple[str, int, int]] = set()
    kept: list[Finding] = []

    def level(code: str) -> Severity:
        return overrides.get(code, default_severity(code))

    for f in findings:
        f = f.with_severity(overrides.get(f.code, f.severity))
        marker = next(
            (m for m in marks.get(f.file, ()) if m.reason and m.covers(f.line, f.code)), None
        )
        if marker is not None:
            used.add((f.file, marker.line, marker.column))
            continue
        kept.append(f)
    for file, page_marks in marks.items():
        for m in page_marks:
            if not m.reason:
                kept.append(
                    Finding(
                        file,
                        m.line,
                        m.column,
                        "suppress.missing-reason",
                        level("suppress.missing-reason"),
                        "careerkit-ignore marker without a reason",
                        "write <!-- careerkit-ignore CODE: why this link is fine -->",
                    )
                )
            elif (file, m.line, m.column) not in used:
                kept.append(
                    Finding(
                        file,
                        m.line,
                        m.column,
                        "suppress.unused",
                        level("suppress.unused"),
                        "careerkit-ignore marker silenced nothing on line " + str(m.applies_to),
                        "remove the marker",
                    )
                )
    if baseline is not None:
        remaining = Counter(baseline.entries)
        result: list[Finding] = []
        for f in sort_findings(kept):
            k = _key(f)
            if f.severity in ("error", "warn") and remaining[k] > 0:
                remaining[k] -= 1
                f = dataclasses.replace(f, severity="info", message=f.message + " (in baseline)")
            result.append(f)
        for (file, code, message), n in sorted(remaining.items()):
            for _ in range(n):
                result.append(
                    Finding(
                        file,
                        0,
                        0,
                        "baseline.fixed",
                        level("baseline.fixed"),
                        f"no longer occurs: [{code}] {message}",
                        f"remove this entry from {baseline.path}",
                    )
                )
        kept = result
    return sort_findings(f for f in kept if f.severity != "ignore")
