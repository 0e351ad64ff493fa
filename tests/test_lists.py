"""The list that isn't a list: items Python-Markdown swallows into the paragraph above.

Every case is checked twice: against the expected finding, and against Python-Markdown itself
(rendered with the extensions Material sites use), so a finding always means "no list item was
rendered here" and no finding means "Python-Markdown agrees with what GitHub shows".
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.cli import main
from mkdocs_careerkit.lists.check import swallowed_list_findings
from mkdocs_careerkit.sources import split_front_matter
from mkdocs_careerkit.xref.scan import scan_page
from tests.conftest import EXTENSIONS, SEED, unavailable, write_site

# (name, Markdown, (line, column) of the finding or None, GitHub would show a list there)
CASES: list[tuple[str, str, tuple[int, int] | None]] = [
    ("seed: bold label then bullets", "**Label:**\n- **[A](a.md)** - why\n- b\n", (2, 1)),
    ("plain paragraph then bullets", "Some text.\n* one\n* two\n", (2, 1)),
    ("plus bullets", "Some text.\n+ one\n", (2, 1)),
    ("ordered list starting at 1", "Steps:\n1. one\n2. two\n", (2, 1)),
    ("item indented by two", "Text\n  - item\n", (2, 3)),
    ("item after a long paragraph", "One\ntwo\nthree\n- item\n", (4, 1)),
    ("in an admonition", "!!! note\n    Text\n    - item\n", (3, 5)),
    ("in a content tab", '=== "Tab"\n    Text\n    - item\n', (3, 5)),
    ("in a list item's paragraph", "- item\n\n    Text\n    - sub\n", (4, 5)),
    ("in a block quote", "> Text\n> - item\n", (2, 3)),
    ("after a block quote, lazily", "> Text\n- item\n", (2, 1)),
    ("in md_in_html", "<div markdown>\nText\n- item\n</div>\n", (3, 1)),
    ("one finding per paragraph", "Text\n- a\n- b\n\nMore\n- c\n", (2, 1)),
    ("after front-matter-like text", "Title\n- item\n", (2, 1)),
    ("task item", "Do this:\n- [ ] step\n", (2, 1)),
    (
        "front matter MkDocs could not read: reported as such, not here",
        "---\ntitle: x\ntags:\n  - a\n  bad: [\n---\n\nText\n- item\n",
        (9, 1),
    ),
    ("fenced code inside the paragraph", "Text\n```\ncode\n```\n- item\n", (5, 1)),
    ("separated list", "Text\n\n- item\n", None),
    ("definition inside a list", "- item\n[a]: a.md\nText\n- item\n", None),
    ("fenced code inside a list", "- item\n```\n```\nText\n- item\n", None),
    ("block quote inside a list", "- item\n> Text\n- item\n", None),
    ("indented code after a definition", "[a]: a.md\n    Text\n    - item\n", None),
    ("indented code after a rule", "* * *\n    Text\n    - item\n", None),
    ("a code span's whole line inside a list", "- item\n`code\n`code\nText\n- item\n", None),
    ("a code span's whole line in a paragraph", "Text `a\nb\nc` d\n- item\n", (4, 1)),
    ("admonition text after a definition", "!!! note\n    [a]: a.md\n    Text\n    - x\n", (4, 5)),
    ("list alone", "- a\n- b\n", None),
    ("lazy continuation line in a list", "- a\nlazy\n- b\n", None),
    ("nested items under item text", "- item\n  text\n  - sub\n", None),
    ("emphasis at line start", "Text\n*emphasis* here\n", None),
    ("strong at line start", "Text\n**bold** here\n", None),
    ("numbered prose, 1990.", "It happened in\n1990. The year after.\n", None),
    ("ordered from 2 cannot interrupt", "Text\n2. two\n", None),
    ("indented four: paragraph text", "Text\n    - item\n", None),
    ("tab after the marker", "Text\n-\tfoo\n", None),
    ("empty item cannot interrupt", "Text\n-\n", None),
    ("thematic break", "Text\n* * *\n- item\n", None),
    ("heading between", "Text\n# Heading\n- item\n", None),
    ("comment between", "Text\n<!-- note -->\n- item\n", None),
    ("definition between", "Text\n[a]: a.md\n- item\n", None),
    ("in fenced code", "```\nText\n- item\n```\n", None),
    ("in tilde fence in a list", "- x\n\n    ~~~\n    Text\n    - item\n    ~~~\n", None),
    ("in indented code", "Para.\n\n    Text\n    - item\n", None),
    ("in a code span across lines", "Text `a\n- b` c\n", None),
    ("in raw HTML", "<div>\nText\n- item\n</div>\n", None),
    ("in a comment", "<!--\nText\n- item\n-->\n", None),
    ("block quote starts a new block", "Text\n> - item\n", None),
    ("table row", "| a | b |\n| - | - |\n| 1 | 2 |\n- item\n", None),
    ("dash in a sentence", "Text - and more\n", None),
    ("right parenthesis: never a list here", "Text\n1) one\n", None),
]


_NAMES = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
_CONFIGS = {k: v for e in EXTENSIONS if isinstance(e, dict) for k, v in e.items()}


def _rendered_items(text: str) -> int:
    """How many list items Python-Markdown renders (footnote notes are list items too)."""
    html = markdown.markdown(text, extensions=_NAMES, extension_configs=_CONFIGS)
    return html.count("<li")


@pytest.mark.parametrize(("name", "text", "where"), CASES, ids=[c[0] for c in CASES])
def test_swallowed_lists(name: str, text: str, where: tuple[int, int] | None) -> None:
    found = [(s.line, s.column) for s in scan_page(text).swallowed]
    assert found[:1] == ([where] if where else [])
    if name == "one finding per paragraph":
        assert found == [(2, 1), (6, 1)]


@pytest.mark.parametrize(
    ("name", "text", "where"), [c for c in CASES if c[2]], ids=[c[0] for c in CASES if c[2]]
)
def test_python_markdown_agrees_and_a_blank_line_fixes_it(
    name: str, text: str, where: tuple[int, int]
) -> None:
    """The flagged line is no list item in Python-Markdown; a blank line before it makes one."""
    lines = text.split("\n")
    line = where[0]
    before = _rendered_items(text)
    prefix = re.match(r"[ >]*", lines[line - 1])
    indent = prefix.group(0).rstrip(" ") if prefix else ""
    fixed = "\n".join([*lines[: line - 1], indent, *lines[line - 1 :]])
    assert _rendered_items(fixed) > before, (text, fixed)
    assert scan_page(fixed).swallowed[:1] != scan_page(text).swallowed[:1]


@pytest.mark.parametrize(
    ("name", "text"),
    [(c[0], c[1]) for c in CASES if c[2] is None and "list" not in c[0] and "item" not in c[0]],
)
def test_no_finding_where_nothing_is_swallowed_or_nothing_would_be_a_list(
    name: str, text: str
) -> None:
    """Where nothing is reported, a blank line would not turn the line into a list item."""
    assert scan_page(text).swallowed == ()


def test_exact_line_with_front_matter_and_message() -> None:
    scan = scan_page("Intro\n- **[Long link text here](a.md)** - with a reason\n", line_offset=3)
    (f,) = swallowed_list_findings("guide/a.md", scan.swallowed)
    assert (f.file, f.line, f.column, f.code, f.severity) == (
        "guide/a.md",
        5,
        1,
        "markdown.swallowed-list",
        "warn",
    )
    assert f.message.startswith("'- **[Long link text here](a.md)** - wit…' follows")
    assert f.suggestion == "add a blank line before the list"


def test_seed_chapter_as_written() -> None:
    if not SEED.exists():
        unavailable(f"the seed chapter {SEED} is not there")
    text = SEED.read_text(encoding="utf-8")
    source = split_front_matter(text, "seed.md")
    found = scan_page(source.body, line_offset=source.line_offset).swallowed
    lines = text.split("\n")
    # Anywhere on the page: a bold lead-in line, then bullets (nine times in the seed, three of
    # them in its Cross-Reference Navigation).
    assert len(found) == 9
    for s in found:
        assert lines[s.line - 1].startswith("- "), s
        assert lines[s.line - 2].startswith("**"), s
    nav = lines.index("## Cross-Reference Navigation") + 1
    assert [lines[s.line - 2] for s in found if s.line > nav] == [
        "**Professional Development:**",
        "**Leadership Skills:**",
        "**Industry Engagement:**",
    ]


LINE = st.sampled_from(
    [
        "Text",
        "**Label:**",
        "- item",
        "* item",
        "+ item",
        "1. item",
        "1990. prose",
        "  - item",
        "    - item",
        "> Text",
        "> - item",
        "",
        "```",
        "~~~",
        "<!--",
        "-->",
        "# H",
        "!!! note",
        '=== "T"',
        "    Text",
        # Balanced: Python-Markdown drops a page of unclosed nested md_in_html blocks.
        "<div>\nText\n- item\n</div>",
        "<div markdown>\nText\n- item\n</div>",
        "| a |",
        "| - |",
        "[a]: a.md",
        "* * *",
        "`code",
        "-",
        "*em*",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_every_finding_is_an_item_line_python_markdown_left_as_text(chosen: list[str]) -> None:
    text = "\n".join(chosen) + "\n"
    lines = text.split("\n")
    for s in scan_page(text).swallowed:
        line = lines[s.line - 1]
        assert line[s.column - 1 :].rstrip() == s.item
        assert re.match(r"[-*+] |1\. ", s.item)
    # Never an exception, whatever the text.
    swallowed_list_findings("p.md", scan_page(text).swallowed)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["Text", "**Label:**", "Some words here"]), min_size=1),
    LINE.filter(lambda line: "\n" not in line),
)
def test_paragraph_then_item_agrees_with_python_markdown(para: list[str], item: str) -> None:
    """Plain paragraphs followed by any line: a finding exactly when Python-Markdown renders
    no list item, and the same line after a blank line renders one."""
    text = "\n".join([*para, item]) + "\n"
    found = scan_page(text).swallowed
    if found:
        assert _rendered_items(text) == 0
        assert _rendered_items("\n".join([*para, "", item]) + "\n") == 1


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path,
        {
            "index.md": "# Home\n\nSee:\n- [A](a.md)\n- [B](a.md)\n\nFine:\n\n- [A](a.md)\n",
            "a.md": "---\ntitle: A\n---\n\n# A\n\n```\nText\n- code\n```\n",
        },
    )


def test_build_reports_it_at_the_line(tmp_path: Path, log_guard: list[str]) -> None:
    from tests.conftest import build_site

    log_guard.append(r"markdown\.swallowed-list")
    built = build_site(_site(tmp_path))
    assert built.error is None
    assert [line for line in built.careerkit_lines() if "swallowed" in line] == [
        "index.md:4:1: '- [A](a.md)' follows a paragraph line directly: Python-Markdown renders "
        "it as text of the paragraph, not as a list item (GitHub shows a list) (add a blank line "
        "before the list) [markdown.swallowed-list]"
    ]


def test_check_reports_it_at_the_same_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _site(tmp_path)
    assert main(["check", "-f", str(config)]) == 0
    found = [line for line in capsys.readouterr().out.splitlines() if "swallowed" in line]
    assert len(found) == 1
    assert found[0].endswith(
        "index.md:4:1: '- [A](a.md)' follows a paragraph line directly: Python-Markdown renders "
        "it as text of the paragraph, not as a list item (GitHub shows a list) (add a blank line "
        "before the list) [markdown.swallowed-list]"
    )
    assert main(["check", "-f", str(config), "--strict"]) == 1


def test_severity_option_turns_it_off(tmp_path: Path, log_guard: list[str]) -> None:
    from tests.conftest import build_site

    config = write_site(
        tmp_path,
        {"index.md": "Text\n- item\n"},
        {"plugins": [{"careerkit": {"severity": {"markdown.swallowed-list": "ignore"}}}]},
    )
    built = build_site(config)
    assert built.error is None and built.careerkit_lines() == []


BALANCED = LINE.filter(lambda line: line not in ("-", "`code", "```", "~~~", "<!--", "-->")) | (
    st.sampled_from(["```\nText\n- item\n```", "~~~\n~~~", "<!--\nText\n- item\n-->", "`a\nb`"])
)


def _indented_code_then_text(line: str, after: str) -> bool:
    return line.startswith("    ") and bool(after.strip()) and not after.startswith("    ")


@settings(max_examples=300, deadline=None)
# Without a lone "-": under "- item" it makes the fixed list a setext heading ("- item" in h2).
# Fences, comments and code spans only balanced: where they are not, the shared scanner's
# approximations (backticks paired over a block quote, a fence inside an abandoned one) are
# tested with the scanner, not here.
# Found by hypothesis: the definition's pattern took the blanked code span's line below it
# as room for a title, so the list seemed to end there.
@example(chosen=["- item", "[a]: a.md", "`a\nb`", "Text", "- item"])
@given(st.lists(BALANCED, min_size=2, max_size=10))
def test_a_blank_line_before_any_reported_item_makes_python_markdown_render_it(
    chosen: list[str],
) -> None:
    """Whatever surrounds it, each reported line is an item Python-Markdown swallowed: with a
    blank line before it (inside its block quote), more list items are rendered."""
    text = "\n".join(chosen) + "\n"
    lines = text.split("\n")
    # The scanner reads a line right after indented code as more code; Python-Markdown ends
    # the code block there (a known approximation of the shared scanner, not of this check).
    assume(not any(_indented_code_then_text(lines[i], lines[i + 1]) for i in range(len(lines) - 1)))
    before = _rendered_items(text)
    for s in scan_page(text).swallowed:
        line = lines[s.line - 1]
        quote = line[: s.column - 1].rstrip(" ")
        fixed = "\n".join([*lines[: s.line - 1], quote, *lines[s.line - 1 :]])
        assert _rendered_items(fixed) > before, (text, s)
