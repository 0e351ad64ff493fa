"""Findings as text, JSON, JUnit XML, GitHub annotations and SARIF 2.1.0. Pure.

Findings carry docs-relative paths; every format prints ``docs_prefix`` + that path, so all of
them show one path per finding, the one the caller chose (``careerkit check``: relative to the
directory it ran in, or absolute).
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from collections.abc import Callable, Sequence
from urllib.parse import quote
from xml.etree import ElementTree as ET

from mkdocs_careerkit import __version__
from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.findings import Finding, summary, visible

# Characters XML 1.0 cannot hold at all, even escaped (a page may contain them in a link).
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return _NOT_XML_RE.sub("\ufffd", text)


FORMATS = ("text", "json", "junit", "github", "sarif")
_WINDOWS_DRIVE_RE = re.compile(r"^[A-Za-z]:/")


def shown_path(file: str, docs_prefix: str = "") -> str:
    """The path printed for a docs-relative ``file``: ``docs_prefix`` + ``file``, normalised
    (``docs/../x.md`` → ``x.md``) so that a terminal or editor can open it."""
    return posixpath.normpath(docs_prefix + file) if docs_prefix and file else file


def _shown(f: Finding, docs_prefix: str) -> Finding:
    return dataclasses.replace(f, file=shown_path(f.file, docs_prefix))


def to_text(findings: Sequence[Finding], docs_prefix: str = "") -> str:
    lines = [f"{f.severity.upper():5} {_shown(f, docs_prefix).format()}" for f in findings]
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"


def to_json(findings: Sequence[Finding], docs_prefix: str = "") -> str:
    """A list of objects: ``file`` is the shown path, ``docs_path`` the docs-relative one."""
    items = []
    for f in findings:
        item: dict[str, str | int] = {"file": shown_path(f.file, docs_prefix), "docs_path": f.file}
        item.update((key, value) for key, value in f.as_dict().items() if key != "file")
        items.append(item)
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def _annotation_escape(text: str, *, prop: bool = False) -> str:
    # GitHub's workflow command escaping (toolkit/core: escapeData / escapeProperty).
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def to_github(findings: Sequence[Finding], docs_prefix: str = "") -> str:
    kinds = {"error": "error", "warn": "warning", "info": "notice"}
    out = []
    for f in findings:
        file = _annotation_escape(shown_path(f.file, docs_prefix), prop=True)
        title = _annotation_escape(f.code, prop=True)
        text = f.message + (f" ({f.suggestion})" if f.suggestion else "")
        out.append(
            f"::{kinds[f.severity]} file={file},line={max(f.line, 1)},col={max(f.column, 1)},"
            f"title={title}::{_annotation_escape(text)}"
        )
    return "\n".join(out) + ("\n" if out else "")


def to_junit(findings: Sequence[Finding], docs_prefix: str = "") -> str:
    """One test case per error or warning, failed; a passing one when there are none."""
    failing = [f for f in findings if f.severity in ("error", "warn")]
    suite = ET.Element(
        "testsuite",
        {
            "name": "careerkit",
            "tests": str(max(len(failing), 1)),
            "failures": str(len(failing)),
            "errors": "0",
            "skipped": "0",
        },
    )
    root = ET.Element(
        "testsuites",
        {"name": "careerkit", "tests": suite.get("tests", "1"), "failures": str(len(failing))},
    )
    root.append(suite)
    if not failing:
        ET.SubElement(suite, "testcase", {"classname": "careerkit", "name": "no findings"})
    for f in failing:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": f.code,
                "name": _xml_text(f"{_shown(f, docs_prefix).location} {f.code}"),
                "file": _xml_text(shown_path(f.file, docs_prefix)),
                "line": str(f.line),
            },
        )
        failure = ET.SubElement(
            case, "failure", {"message": _xml_text(f.message), "type": f.severity}
        )
        failure.text = _xml_text(_shown(f, docs_prefix).format())
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def to_sarif(findings: Sequence[Finding], docs_prefix: str = "") -> str:
    levels = {"error": "error", "warn": "warning", "info": "note"}
    used = sorted({f.code for f in findings})
    rules = [
        {
            "id": code,
            "shortDescription": {"text": CODES[code].meaning if code in CODES else code},
            "defaultConfiguration": {
                "level": levels.get(CODES[code].severity, "note") if code in CODES else "error"
            },
        }
        for code in used
    ]
    results = []
    for f in findings:
        region: dict[str, int] = {}
        if f.line > 0:
            region["startLine"] = f.line
            if f.column > 0:
                region["startColumn"] = f.column
        uri = _uri(shown_path(f.file, docs_prefix))
        location: dict[str, object] = {"artifactLocation": {"uri": uri}}
        if region:
            location["region"] = region
        result: dict[str, object] = {
            "ruleId": f.code,
            "ruleIndex": used.index(f.code),
            "level": levels[f.severity],
            "message": {"text": f.message + (f" ({f.suggestion})" if f.suggestion else "")},
            "locations": [{"physicalLocation": location}],
        }
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "careerkit",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/mkdocs-careerkit/",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    """A URI reference for SARIF: relative paths stay relative, absolute ones become
    ``file:`` URIs; characters a URI cannot hold (spaces, ``%``, …) are percent-encoded."""
    safe = "/-._~!$&'()*+,;=@"
    if path.startswith("/"):
        return "file://" + quote(path, safe=safe)
    if _WINDOWS_DRIVE_RE.match(path):
        return "file:///" + path[:2] + quote(path[2:], safe=safe)
    # A ':' before the first '/' would read as a URI scheme ("c:notes.md"), so it is encoded.
    return quote(path, safe=safe)


RENDERERS: dict[str, Callable[[Sequence[Finding], str], str]] = {
    "text": to_text,
    "json": to_json,
    "junit": to_junit,
    "github": to_github,
    "sarif": to_sarif,
}


def render(findings: Sequence[Finding], fmt: str, docs_prefix: str = "") -> str:
    """Findings in one of :data:`FORMATS`.

    Args:
        findings: Findings with docs-relative paths; those whose severity is ``ignore`` are
            left out.
        fmt: One of :data:`FORMATS`.
        docs_prefix: Put before every docs-relative path, in every format (``docs/``, or the
            absolute docs directory with a trailing ``/``).
    """
    return RENDERERS[fmt](visible(findings), docs_prefix)
