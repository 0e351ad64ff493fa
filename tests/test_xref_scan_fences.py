"""Fenced code stays code when the page also has indented code.

The scanner blanks fenced code first, then indented code. Blanking the indented code must
start from the text with the fences already blanked: a link or a list inside a ``~~~`` fence,
or inside a backtick fence whose runs do not pair as a code span (a blank line in between), is
code whatever else the page holds.
"""

from __future__ import annotations

import pytest

from mkdocs_careerkit.xref.scan import scan_page

INDENTED = "Text\n\n    indented code\n\n"

FENCES = [
    ("tilde fence", "~~~bash\n# comment\nsee [the docs](missing.md)\n~~~\n"),
    ("backtick fence over a blank line", "```text\nfirst\n\nsee [the docs](missing.md)\n```\n"),
]


@pytest.mark.parametrize("fence", [f for _, f in FENCES], ids=[name for name, _ in FENCES])
@pytest.mark.parametrize("before", ["", INDENTED], ids=["fence alone", "after indented code"])
def test_a_link_in_fenced_code_is_no_link(before: str, fence: str) -> None:
    assert scan_page(before + fence).links == ()


@pytest.mark.parametrize("before", ["", INDENTED], ids=["fence alone", "after indented code"])
def test_a_list_in_fenced_code_is_no_swallowed_list(before: str) -> None:
    page = before + "~~~text\nA paragraph line\n- item\n~~~\n"
    assert scan_page(page).swallowed == ()
