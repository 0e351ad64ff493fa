"""One finding model for the whole project.

Every feature reports problems in the docs as :class:`Finding` objects, so the build log,
the ``careerkit check`` command and its reports all speak one language.
This module imports nothing from MkDocs.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterable
from typing import Literal

Severity = Literal["error", "warn", "info", "ignore"]
SEVERITIES: tuple[Severity, ...] = ("error", "warn", "info", "ignore")

_LOG_LEVELS: dict[str, int] = {
    "error": logging.ERROR,
    "warn": logging.WARNING,
    "info": logging.INFO,
}


@dataclasses.dataclass(frozen=True, order=True)
class Finding:
    """A problem found in the documentation sources.

    Attributes:
        file: Path of the source file, relative to ``docs_dir``, with forward slashes.
        line: 1-based line in the source file (front matter included); 0 if unknown.
        column: 1-based column; 0 if unknown.
        code: Stable identifier such as ``xref.missing-page``.
        severity: ``error``, ``warn``, ``info`` or ``ignore``.
        message: What is wrong, quoting what the author wrote.
        suggestion: How to fix it ("did you mean ..."), or an empty string.
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    suggestion: str = ""

    @property
    def location(self) -> str:
        """``path.md:LINE:COL``, the form editors and terminals turn into links."""
        return f"{self.file}:{self.line}:{self.column}"

    def format(self) -> str:
        """The one-line log form: ``path.md:LINE:COL: message (suggestion) [code]``."""
        text = f"{self.location}: {self.message}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return f"{text} [{self.code}]"

    def with_severity(self, severity: Severity) -> Finding:
        """A copy of this finding with another severity."""
        return dataclasses.replace(self, severity=severity)

    def as_dict(self) -> dict[str, str | int]:
        """Plain data for JSON reports."""
        return dataclasses.asdict(self)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order: by file, then line, then column, then code."""
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.code, f.message))


def visible(findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings whose severity is ``ignore``."""
    return [f for f in findings if f.severity != "ignore"]


def summary(findings: Iterable[Finding]) -> str:
    """``careerkit: 3 errors, 2 warnings`` (info findings are counted only when present)."""
    counts = Counter(f.severity for f in findings)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    parts = [plural(counts["error"], "error"), plural(counts["warn"], "warning")]
    if counts["info"]:
        parts.append(plural(counts["info"], "info finding"))
    return "careerkit: " + ", ".join(parts)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True if any finding has severity ``error``."""
    return any(f.severity == "error" for f in findings)


def log_findings(
    findings: Iterable[Finding], logger: logging.Logger | logging.LoggerAdapter[logging.Logger]
) -> None:
    """Log each visible finding at the level matching its severity."""
    for finding in sort_findings(visible(findings)):
        logger.log(_LOG_LEVELS[finding.severity], finding.format())


class FindingCollector:
    """Where Markdown extensions report findings while MkDocs renders a page.

    Extensions do not know which file they render: the plugin calls :meth:`start_page`
    before each page, and the collector fills in the file and shifts lines past the
    front matter. Without the plugin (extension used alone) findings are only logged.
    """

    def __init__(self) -> None:
        self.file = ""
        self.line_offset = 0
        self.findings: list[Finding] = []

    def start_page(self, file: str, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset

    def report(self, finding: Finding) -> None:
        """Record a finding whose line counts from the start of the Markdown body."""
        line = finding.line + self.line_offset if finding.line else 0
        self.findings.append(dataclasses.replace(finding, file=self.file, line=line))
