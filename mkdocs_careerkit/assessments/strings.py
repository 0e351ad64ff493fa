"""The words the reader sees around an assessment, in English; each one can be translated.

Placeholders in braces (``{section}``) are filled in by the script and must be kept.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_STRINGS: dict[str, str] = {
    "results": "Your results",
    "section": "Section",
    "score": "Score",
    "average": "Average",
    "percent": "Percent",
    "overall": "Overall",
    "answered": "{answered} of {total} answered",
    "strongest": "Strongest: {section}",
    "weakest": "Weakest: {section}",
    "meaning": "What your result means",
    "scale": "Scale",
    "start": "Answer a statement to see your result.",
    "tools": "Save, export or reset your answers",
    "save": "Save today's result",
    "more": "More",
    "saved": "Saved your result of {date}.",
    "progress": "Your progress",
    "note": "Note",
    "note_prompt": "A note for your result of {date} (empty: none):",
    "delete": "Delete",
    "deleted": "Deleted your result of {date}.",
    "undo": "Undo",
    "export_json": "Export JSON",
    "export_csv": "Export CSV",
    "export_markdown": "Export Markdown",
    "import_json": "Import JSON",
    "imported": "Imported {file}.",
    "import_failed": "Nothing was imported: {reason}",
    "not_json": "the file is not valid JSON",
    "not_export": "the file is not a careerkit export",
    "other_assessment": "the file belongs to another assessment ('{id}')",
    "bad_answer": "the answer to '{id}' is not valid",
    "bad_snapshot": "saved result {n} is not valid",
    "print": "Print summary",
    "reset": "Reset",
    "confirm_reset": "Delete all your answers and saved results for this assessment?",
    "reset_done": "Your answers and saved results were deleted.",
    "item": "Statement",
    "answer": "Answer",
    "label": "Label",
    "date": "Date",
    "unreadable": "Your saved answers could not be read, so this page starts afresh.",
    "skipped": "{n} saved result(s) could not be read and were skipped.",
    "backup": "What was stored is kept in this browser under '{key}'.",
    "not_saved": "Your answers could not be saved in this browser (its storage may be full or "
    "turned off); export them to keep them.",
    "changed": "{n} statement(s) changed their scale or kind since you answered: answer them "
    "again (the earlier answers stay in the JSON export).",
    "earlier": "earlier answer: {value}",
    "weighted": "weighted",
    "example": "Example",
    "profile": "Competency profile",
}


def merged(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The defaults with the author's translations applied (unknown keys are ignored here;
    the plugin's config rejects them)."""
    out = dict(DEFAULT_STRINGS)
    for key, value in (overrides or {}).items():
        if key in out:
            out[key] = str(value)
    return out
