"""Check assessments as written: scale, sections, rubrics, result bands, ids.

Pure: models in, findings out, each at the line the author must fix.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Iterable, Sequence

from mkdocs_careerkit.assessments.model import Assessment, Band, Item
from mkdocs_careerkit.assessments.parse import MAX_POINTS, finding
from mkdocs_careerkit.findings import Finding


def check_page(assessments: Sequence[Assessment]) -> list[Finding]:
    """Every finding for a page's assessments, including ids used twice on the page."""
    out: list[Finding] = []
    seen: dict[str, Assessment] = {}
    for a in assessments:
        out += check_assessment(a)
        first = seen.setdefault(a.id, a)
        if first is not a:
            out.append(
                finding(
                    a.line,
                    a.column,
                    "assessment.duplicate-id",
                    f"assessment id '{a.id}' is used twice on this page "
                    f"(also by '{first.title}'), so both would share the reader's answers",
                    "give each assessment its own title, or an 'id:' option in an "
                    "'!!! assessment' block",
                )
            )
    return out


def check_extensions(
    assessments: Sequence[Assessment], lines: Sequence[str], has: Callable[[str], bool]
) -> tuple[list[Assessment], list[Finding]]:
    """The assessments that can render with the site's extensions, and a finding per missing one.

    Args:
        assessments: The page's assessments.
        lines: The lines they were parsed from (to tell ``!!!`` from ``???`` blocks).
        has: Whether an extension is enabled: ``admonition``, ``pymdownx.details`` or
            ``pymdownx.tasklist``.

    Returns:
        The assessments whose block renders, and the findings: a block whose ``!!!`` (``???``)
        needs ``admonition`` (``pymdownx.details``), and, once per page, statements that show
        as ``[ ]`` text to readers without JavaScript because ``pymdownx.tasklist`` is off.
    """
    kept: list[Assessment] = []
    out: list[Finding] = []
    for a in assessments:
        marker = lines[a.line - 1].lstrip()[:3]
        needed = "admonition" if marker == "!!!" else "pymdownx.details"
        if has(needed):
            kept.append(a)
            continue
        out.append(
            finding(
                a.line,
                a.column,
                "assessment.missing-extension",
                f"'{a.title}' is left as written, not interactive: its '{marker}' block needs "
                f"the {needed} extension",
                f"add {needed} to markdown_extensions",
            )
        )
    first = next((a for a in kept if a.task_items), None)
    if first is not None and not has("pymdownx.tasklist"):
        out.append(
            finding(
                first.line,
                first.column,
                "assessment.missing-extension",
                f"'{first.title}' shows its statements as '[ ]' text to readers without "
                "JavaScript: the pymdownx.tasklist extension is not enabled",
                "add pymdownx.tasklist to markdown_extensions",
            )
        )
    return kept, out


def check_assessment(a: Assessment) -> list[Finding]:
    """Findings for one assessment."""
    out = _check_scale(a)
    if a.explicit and not a.items:
        out.append(
            finding(
                a.line,
                a.column,
                "assessment.empty",
                f"assessment '{a.title}' has nothing to answer",
                "add '- [ ] statements' or a rubric table",
            )
        )
    for s in a.sections:
        if not s.implicit and not s.items:
            out.append(
                finding(
                    s.line,
                    s.column,
                    "assessment.empty-section",
                    f"section '{s.title}' has nothing to answer",
                    "add '- [ ] statements' under the tab, or remove the tab",
                )
            )
    tabs = [s for s in a.sections if not s.implicit]
    unweighted = [s for s in tabs if s.weight is None]
    if unweighted and len(unweighted) < len(tabs):
        s = unweighted[0]
        out.append(
            finding(
                s.line,
                s.column,
                "assessment.partial-weights",
                f"tab '{s.title}' has no weight but other tabs do, so the overall score is "
                "not weighted",
                f"give every tab a weight, e.g. '=== \"{s.title} (25%)\"', or none",
            )
        )
    out += _check_ids(a)
    for item in a.rubrics:
        out += _check_rubric(a, item)
    out += _check_bands(a)
    return out


def _check_scale(a: Assessment) -> list[Finding]:
    scale = a.scale
    if scale is None:
        return []
    values = [p.value for p in scale.points]
    if len(set(values)) < len(values):
        twice = next(v for v in values if values.count(v) > 1)
        return [
            finding(
                scale.line,
                scale.column,
                "assessment.bad-scale",
                f"scale '{scale.text}' names point {twice} twice",
            )
        ]
    out: list[Finding] = []
    if values != sorted(values):
        fixed = sorted(scale.points, key=lambda p: p.value)
        if all(p.label for p in fixed):
            hint = "write the lowest point first: '" + ", ".join(
                f"{p.value}={p.label}" for p in fixed
            )
            hint += "'"
        else:
            hint = f"write the lowest point first: '{fixed[0].value}–{fixed[-1].value}'"
        out.append(
            finding(
                scale.line,
                scale.column,
                "assessment.scale-reversed",
                f"scale '{scale.text}' runs from {values[0]} down to {values[-1]}",
                hint,
            )
        )
    if scale.high - scale.low + 1 > MAX_POINTS:
        out.append(
            finding(
                scale.line,
                scale.column,
                "assessment.bad-scale",
                f"scale '{scale.text}' has {scale.high - scale.low + 1} points; "
                f"at most {MAX_POINTS} can be rated",
            )
        )
    return out


def _scale_ok(a: Assessment) -> bool:
    s = a.scale
    return s is None or (
        len({p.value for p in s.points}) == len(s.points) and s.high - s.low + 1 <= MAX_POINTS
    )


def _check_ids(a: Assessment) -> list[Finding]:
    out: list[Finding] = []
    items: dict[str, Item] = {}
    for item in a.items:
        if not item.text and not item.is_rubric:
            out.append(
                finding(
                    item.line,
                    item.column,
                    "assessment.empty-statement",
                    "this statement has no text, so readers cannot tell what they rate",
                    "write the statement after '[ ]', or remove the line",
                )
            )
            continue
        first = items.setdefault(item.id, item)
        if first is item:
            continue
        if item.explicit_id:
            hint = f"give this one another id than '{{#{item.id}}}'"
        else:
            hint = "reword one of them, or give each its own '{#id}'"
        what = "rubric" if item.is_rubric else "item"
        out.append(
            finding(
                item.line,
                item.id_column or item.column,
                "assessment.duplicate-id",
                f"{what} id '{item.id}' is used twice in this assessment (also by '{first.text}')",
                hint,
            )
        )
    sections: set[str] = set()
    for s in a.sections:
        if s.implicit:
            continue
        if s.id in sections:
            out.append(
                finding(
                    s.line,
                    s.column,
                    "assessment.duplicate-id",
                    f"section id '{s.id}' is used twice in this assessment",
                    "give each tab its own title, or an id: '=== \"Title\" {#id}'",
                )
            )
        sections.add(s.id)
    return out


def _check_rubric(a: Assessment, item: Item) -> list[Finding]:
    out: list[Finding] = []
    values: list[int] = []
    for level in item.levels:
        if level.value in values:
            out.append(
                finding(
                    level.line,
                    1,
                    "assessment.rubric-bad-level",
                    f"rubric '{item.text}' has level {level.value} twice",
                )
            )
            continue
        if a.scale is not None and _scale_ok(a) and not a.scale.low <= level.value <= a.scale.high:
            out.append(
                finding(
                    level.line,
                    1,
                    "assessment.rubric-bad-level",
                    f"rubric '{item.text}' has level {level.value}, outside the scale "
                    f"{a.scale.low}–{a.scale.high}",
                )
            )
            continue
        values.append(level.value)
    if a.scale is not None and _scale_ok(a):
        expected = range(a.scale.low, a.scale.high + 1)
    elif values:
        expected = range(min(values), max(values) + 1)
    else:
        expected = range(0)
    missing = [v for v in expected if v not in values]
    if missing or len(values) < 2:
        which = _join(str(v) for v in missing) if missing else "but one"
        out.append(
            finding(
                item.line,
                item.column,
                "assessment.rubric-missing-level",
                f"rubric '{item.text}' has no level {which}"
                if missing
                else f"rubric '{item.text}' needs at least two levels",
                "add a row for each level, e.g. '| Competent (3) | … |'",
            )
        )
    return out


def _join(words: Iterable[str]) -> str:
    w = list(words)
    return w[0] if len(w) == 1 else ", ".join(w[:-1]) + " and " + w[-1]


def _check_bands(a: Assessment) -> list[Finding]:
    out: list[Finding] = []
    scale = a.band_range() if _scale_ok(a) else None
    good: list[tuple[Band, float, float, bool]] = []
    names = ["Overall", *(s.title for s in a.sections if not s.implicit)]
    for band in a.bands:
        if band.section is None:
            hint = difflib.get_close_matches(band.scope, names, n=1, cutoff=0.5)
            out.append(
                finding(
                    band.line,
                    band.column,
                    "assessment.band-unknown-section",
                    f"band '{band.head}': no section '{band.scope}' in this assessment",
                    f"did you mean '{hint[0]}'?" if hint else "sections: " + ", ".join(names),
                )
            )
            continue
        if band.unit == "average" and scale is None:
            if a.scale is None:
                out.append(
                    finding(
                        band.line,
                        band.column,
                        "assessment.band-outside-scale",
                        f"band '{band.head}' gives an average, but this assessment has no "
                        "scale (its items are checkboxes)",
                        "write the range in percent, e.g. 'Overall 0–49%'",
                    )
                )
            continue
        low_bound, high_bound = (0.0, 100.0) if band.unit == "percent" else scale or (0.0, 1.0)
        # A number beyond the scale is the mistake to name, even if it also empties the range.
        written = (band.low, band.high)
        beyond = any(
            not open_end and not low_bound <= v <= high_bound
            for v, open_end in zip(written, (band.open_low, band.open_high), strict=True)
        )
        if not beyond and (band.low > band.high or (band.low == band.high and not band.open_high)):
            out.append(
                finding(
                    band.line,
                    band.column,
                    "assessment.bad-band",
                    f"band '{band.head}' is an empty range",
                    "write the lower number first, e.g. '2.5–4'",
                )
            )
            continue
        if beyond or band.low < low_bound or band.high > high_bound:
            unit = "%" if band.unit == "percent" else ""
            out.append(
                finding(
                    band.line,
                    band.column,
                    "assessment.band-outside-scale",
                    f"band '{band.head}' lies outside the "
                    + (
                        "range 0–100%"
                        if band.unit == "percent"
                        else f"{low_bound:g}–{high_bound:g} scale"
                    ),
                    f"keep the range within {low_bound:g}{unit}–{high_bound:g}{unit}",
                )
            )
            continue
        factor = 1.0 if band.unit == "percent" else 100.0 / high_bound
        low, high = band.low * factor, band.high * factor
        good.append((band, low, high, high >= 100.0))
    for (b1, lo1, hi1, c1), (b2, lo2, hi2, c2) in itertools.combinations(good, 2):
        if b1.section != b2.section:
            continue
        start = max(lo1, lo2)
        if _contains(lo1, hi1, c1, start) and _contains(lo2, hi2, c2, start):
            out.append(
                finding(
                    b2.line,
                    b2.column,
                    "assessment.bands-overlap",
                    f"band '{b2.head}' overlaps band '{b1.head}'",
                    "a range includes its start and excludes its end (except at the top of the "
                    "scale), so '1–2.5' and '2.5–4' do not overlap",
                )
            )
    return out


def _contains(low: float, high: float, closed: bool, x: float) -> bool:
    return low <= x and (x < high or (closed and x <= high))
