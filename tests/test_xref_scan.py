"""scan_page: links with their exact positions, and the anchors MkDocs will really produce.

Two kinds of tests: tables of (Markdown, expected) written by hand, and a differential oracle —
the same Markdown rendered by Python-Markdown and MkDocs (with the extensions Material sites
use), whose real links and ids the scanner must find without rendering.
"""

from __future__ import annotations

import copy
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify as pymdownx_slugify

from mkdocs_careerkit.xref.scan import Link, PageScan, heading_text, scan_page, strip_markers
from tests.conftest import EXTENSIONS

FIXTURES = Path(__file__).parent / "fixtures"


def links(text: str, **kw: Any) -> list[tuple[str, int, int, str]]:
    return [(x.target, x.line, x.column, x.kind) for x in scan_page(text, **kw).links]


# --- Links, exact positions ------------------------------------------------------------------

LINK_CASES = [
    ("inline", "See [a](b.md).", [("b.md", 1, 5, "inline")]),
    ("image", "![alt](img/a.png)", [("img/a.png", 1, 1, "image")]),
    ("title", '[a](b.md "Title (x)")', [("b.md", 1, 1, "inline")]),
    ("parentheses in URL", "[a](b_(c).md)", [("b_(c).md", 1, 1, "inline")]),
    ("angle brackets", "[a](<my page.md>)", [("my page.md", 1, 1, "inline")]),
    ("raw space", "[a](my page.md)", [("my page.md", 1, 1, "inline")]),
    (
        "reference, definition after",
        "Read [the guide][g].\n\n[g]: guide.md#top",
        [("guide.md#top", 1, 6, "reference"), ("guide.md#top", 3, 1, "definition")],
    ),
    (
        "collapsed and shortcut references",
        "[Guide][] and [guide]\n\n[GUIDE]: g.md",
        [("g.md", 1, 1, "reference"), ("g.md", 1, 15, "reference"), ("g.md", 3, 1, "definition")],
    ),
    ("undefined reference", "A [text][missing] here.", [("", 1, 3, "reference")]),
    ("shortcut without definition is text", "A [note] here.", []),
    ("spaced undefined reference is text", "[sic] [b](c.md)", [("c.md", 1, 7, "inline")]),
    (
        "definition whose target is on the next line",
        "[a]:\n    target.md\n\n[x][a]",
        [("target.md", 1, 1, "definition"), ("target.md", 4, 1, "reference")],
    ),
    (
        "the last definition wins",
        "[a][r]\n\n[r]: one.md\n[R]: two.md",
        [
            ("two.md", 1, 1, "reference"),
            ("one.md", 3, 1, "definition"),
            ("two.md", 4, 1, "definition"),
        ],
    ),
    ("html a href", 'x <a class="c" href="p.md#s">y</a>', [("p.md#s", 1, 3, "html")]),
    (
        "html single quotes and unquoted",
        "<a href='a.md'>a</a> <A HREF=b.md>b</A>",
        [("a.md", 1, 1, "html"), ("b.md", 1, 22, "html")],
    ),
    (
        "image inside a link",
        "[![img](a.png)](b.md)",
        [("b.md", 1, 1, "inline"), ("a.png", 1, 2, "image")],
    ),
    ("code span", "Not `[x](y.md)` but [z](z.md)", [("z.md", 1, 21, "inline")]),
    ("double-backtick code span", "``a ` [x](y.md)`` [z](z.md)", [("z.md", 1, 19, "inline")]),
    ("escaped bracket", r"\[x](y.md) [z](z.md)", [("z.md", 1, 12, "inline")]),
    ("escaped backtick is not code", r"\`[x](y.md)\`", [("y.md", 1, 3, "inline")]),
    ("fenced code", "```md\n[x](y.md)\n```\n[z](z.md)", [("z.md", 4, 1, "inline")]),
    ("tilde fence", "~~~\n[x](y.md)\n~~~", []),
    ("longer closing fence is content", "```\n````\n[x](y.md)\n```", []),
    ("unclosed fence is not code", "```\n[x](y.md)", [("y.md", 2, 1, "inline")]),
    (
        "fence inside an admonition",
        "!!! note\n\n    ```\n    [x](y.md)\n    ```\n\n    [z](z.md)",
        [("z.md", 7, 5, "inline")],
    ),
    ("HTML comment", "<!-- [x](y.md) -->\n[z](z.md)", [("z.md", 2, 1, "inline")]),
    (
        "multi-line HTML comment",
        "<!--\n[x](y.md)\n-->\n[z](z.md)",
        [("z.md", 4, 1, "inline")],
    ),
    ("task boxes are not links", "- [ ] to do\n- [x] done\n- [X] done", []),
    ("task box then a link", "- [x] [l](a.md)", [("a.md", 1, 7, "inline")]),
    ("footnote reference", "Text[^1].\n\n[^1]: Note.", [("", 1, 5, "footnote")]),
    (
        "footnote after link text is not a reference label",
        "[schema.json][^1] and [^gone]\n\n[^1]: Note.",
        [("", 1, 14, "footnote"), ("", 1, 23, "footnote")],
    ),
    ("space before parenthesis", "[a] (b.md)", []),
    (
        "link text across lines",
        "A [long\nlink text](p.md) here.",
        [("p.md", 1, 3, "inline")],
    ),
    ("no link across a blank line", "A [broken\n\nlink](p.md)", []),
    (
        "same link twice on a line",
        "[G](g.md) and [G](g.md)",
        [("g.md", 1, 1, "inline"), ("g.md", 1, 15, "inline")],
    ),
    ("table cell", "| a | b |\n| --- | --- |\n| [x](x.md) | y |", [("x.md", 3, 3, "inline")]),
    (
        "nested list",
        "- a\n    - b\n        - c [x](x.md)",
        [("x.md", 3, 13, "inline")],
    ),
    (
        "admonition, details and tab",
        '!!! note\n\n    ??? tip "T"\n\n        === "A"\n\n            [x](x.md)',
        [("x.md", 7, 13, "inline")],
    ),
    (
        "md_in_html block",
        "<div markdown>\n\n[x](x.md)\n\n</div>",
        [("x.md", 3, 1, "inline")],
    ),
    (
        "raw HTML block is not Markdown",
        '<div>\n[x](x.md)\n<a href="h.md">h</a>\n</div>\n\n[z](z.md)',
        [("h.md", 3, 1, "html"), ("z.md", 6, 1, "inline")],
    ),
    ("tab counts as one column", "a\t[x](x.md)", [("x.md", 1, 3, "inline")]),
    ("indented code block", "Text.\n\n    [x](x.md)\n\n\t[y](y.md)", []),
    (
        "indented content of a list item is not code",
        "- item\n\n    [x](x.md)\n\n        [code](c.md)",
        [("x.md", 3, 5, "inline")],
    ),
    (
        "indented content of admonition, tab and footnote",
        '!!! note\n\n    [a](a.md)\n\n=== "T"\n\n    [b](b.md)\n\n[^1]: x\n\n    [c](c.md)',
        [("a.md", 3, 5, "inline"), ("b.md", 7, 5, "inline"), ("c.md", 11, 5, "inline")],
    ),
    ("columns count characters", "é → [x](x.md)", [("x.md", 1, 5, "inline")]),
    ("windows line ends", "a\r\n[x](x.md)\r\n", [("x.md", 2, 1, "inline")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LINK_CASES], ids=[c[0] for c in LINK_CASES]
)
def test_links_and_their_positions(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert links(text) == expected


def test_front_matter_offset_shifts_every_line() -> None:
    assert links("x\n\n[a](b.md)", line_offset=4) == [("b.md", 7, 1, "inline")]
    scan = scan_page("## H\n<!-- careerkit-ignore x: y -->\n[a](b.md)", line_offset=3)
    assert scan.headings[0].line == 4
    assert (scan.suppressions[0].line, scan.suppressions[0].applies_to) == (5, 6)


def test_reference_link_details() -> None:
    scan = scan_page('[a][Missing Label] [b][ok]\n\n[OK]: <ok.md> "Title"\n')
    missing, ok, definition = scan.links
    assert (missing.defined, missing.label, missing.target) == (False, "Missing Label", "")
    assert (ok.defined, ok.label, ok.target) == (True, "ok", "ok.md")
    assert (definition.kind, definition.label, definition.target) == ("definition", "OK", "ok.md")


def test_a_definition_is_only_a_target_and_a_title() -> None:
    # Python-Markdown's rule: anything else after the target and it is a paragraph.
    assert links("[a]: <my page.md>\n\n[x][a]") == [("", 3, 1, "reference")]


def test_bracketed_destination_is_flagged() -> None:
    plain, bracketed = scan_page("[a](x y.md) [b](<x y.md>)").links
    assert (plain.bracketed, bracketed.bracketed) == (False, True)


# --- Headings and anchors --------------------------------------------------------------------

ANCHOR_CASES = [
    ("duplicates get _1, _2", "## A\n\n## A\n\n## A", ["a", "a_1", "a_2"]),
    ("punctuation only", "## ???", ["_1"]),
    ("empty heading", "##", ["_1"]),
    ("attr_list id", "## Title {#custom}", ["custom"]),
    ("attr_list needs a space", "## Title{#x}", ["titlex"]),
    ("attr_list key=value, last id wins", '## A {: id="kv" }\n\n## B {#one #two}', ["kv", "two"]),
    ("attr_list with class only", "## Wide {: .wide }", ["wide"]),
    ("code kept", "## The `careerkit check` command", ["the-careerkit-check-command"]),
    ("intra-word underscore kept", "## snake_case _emph_ __strong__", ["snake_case-emph-strong"]),
    ("entities", "## Q&amp;A &copy; 2024", ["qa-2024"]),
    ("links and images", "## See [docs](d.md) ![logo](l.png)", ["see-docs"]),
    ("footnote reference dropped", "## Title[^n]\n\n[^n]: x", ["title", "fn:n", "fnref:n"]),
    ("no space after hash", "#NoSpace", ["nospace"]),
    ("closing hashes", "## C# ##", ["c"]),
    ("seven hashes", "####### seven", ["seven"]),
    ("indented two spaces is text", "  ## not a heading", []),
    ("setext", "Title\n=====\n\nSub\n---", ["title", "sub"]),
    ("setext only at a block start", "line one\nline two\n---", []),
    ("setext after ATX without blank line", "## A\nB\n---", ["a", "b"]),
    ("heading in admonition", "!!! note\n    Title\n    ---\n\n    ## Inner", ["title", "inner"]),
    ("heading in fence", "```\n## Not\n```", []),
    ("heading in comment", "<!--\n## Not\n-->", []),
    ("heading in raw HTML", "<div>\n## Not\n</div>", []),
    ("heading in md_in_html", "<div markdown>\n## Yes\n</div>", ["yes"]),
    (
        "raw HTML ids do not take slugs",
        '<a id="intro"></a>\n\n## Intro',
        ["intro"],
    ),
    (
        "md_in_html ids and attr ids take slugs",
        '<div markdown id="intro">\n\nx\n</div>\n\nPara.\n{: #notes }\n\n## Intro\n\n## Notes',
        ["intro", "intro_1", "notes", "notes_1"],
    ),
    ("a name", '<a name="old-anchor"></a>', ["old-anchor"]),
    ("input name is not an anchor", '<input name="q">', []),
    ("id in a code span still counts in MkDocs", '`<a id="x">`', ["x"]),
    ("id in fenced code does not", '```\n<a id="x">\n```', []),
    (
        "tab sets",
        '=== "A"\n    a\n=== "B"\n    b\n\nText.\n\n=== "C"\n    c\n===! "D"\n    d',
        ["__tabbed_1_1", "__tabbed_1_2", "__tabbed_2_1", "__tabbed_3_1"],
    ),
    (
        "nested tab sets",
        '=== "A"\n    === "X"\n        x\n    === "Y"\n        y\n=== "B"\n    b',
        ["__tabbed_1_1", "__tabbed_1_2", "__tabbed_2_1", "__tabbed_2_2"],
    ),
    ("single-quoted tab title is not a tab", "=== 'A'\n    a", []),
    (
        "footnotes",
        "a[^1] b[^1] c[^x]\n\n[^1]: one\n[^x]: ex\n[^unused]: u",
        ["fn:1", "fn:x", "fn:unused", "fnref:1", "fnref2:1", "fnref:x"],
    ),
    ("inline attr after link and code", "[a](b.md){#lk} `c`{: #cd }", ["lk", "cd"]),
    ("attr list in code", "`x {#no}`", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ANCHOR_CASES], ids=[c[0] for c in ANCHOR_CASES]
)
def test_anchors(text: str, expected: list[str]) -> None:
    assert scan_page(text).anchors == frozenset(expected)


def test_headings_carry_level_text_line_and_anchor() -> None:
    scan = scan_page("# Top\n\n## Cross-Reference Navigation\n\nSub\n---", line_offset=2)
    assert [(h.level, h.text, h.line, h.anchor) for h in scan.headings] == [
        (1, "Top", 3, "top"),
        (2, "Cross-Reference Navigation", 5, "cross-reference-navigation"),
        (2, "Sub", 7, "sub"),
    ]


def test_configured_slugify_and_separator() -> None:
    scan = scan_page(
        "## Café Crème\n\n## Two Words\n\n## Two Words",
        slugify=pymdownx_slugify(case="lower"),
        separator="_",
    )
    assert scan.anchors == {"café_crème", "two_words", "two_words_1"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Plain", "Plain"),
        ("`a  b` and *c*", "a b and c"),
        ("`<b>` tag <em>x</em>", "<b> tag x"),
        ("[text](x.md) ![alt](i.png)", "text"),
        ("x\\_y \\*z\\*", "x_y *z*"),
        ("Title[^1]", "Title"),
    ],
)
def test_heading_text(raw: str, expected: str) -> None:
    assert heading_text(raw, footnotes={"1"}) == expected


# --- Suppression markers ---------------------------------------------------------------------

MARKER_CASES = [
    (
        "same line",
        "[a](x.md) <!-- careerkit-ignore xref.missing-page: moved later -->",
        [(1, 11, 1, ("xref.missing-page",), "moved later")],
    ),
    (
        "alone on the line before, blank lines skipped",
        "<!-- careerkit-ignore xref.missing-page, xref.case-mismatch: why -->\n\n[a](x.md)",
        [(1, 1, 3, ("xref.missing-page", "xref.case-mismatch"), "why")],
    ),
    ("no codes: every code", "<!-- careerkit-ignore: reason -->\nx", [(1, 1, 2, (), "reason")]),
    (
        "no reason",
        "x <!-- careerkit-ignore xref.missing-page -->",
        [(1, 3, 1, ("xref.missing-page",), "")],
    ),
    ("empty reason", "x <!-- careerkit-ignore xref.x:   -->", [(1, 3, 1, ("xref.x",), "")]),
    ("in a code span", "`<!-- careerkit-ignore: r -->`", []),
    ("in fenced code", "```\n<!-- careerkit-ignore: r -->\n```", []),
    ("similar word", "<!-- careerkit-ignored: r -->", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in MARKER_CASES], ids=[c[0] for c in MARKER_CASES]
)
def test_suppression_markers(text: str, expected: list[tuple[Any, ...]]) -> None:
    found = [
        (s.line, s.column, s.applies_to, s.codes, s.reason) for s in scan_page(text).suppressions
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a](x.md) <!-- careerkit-ignore: r -->\n", "[a](x.md) \n"),
        (
            "- a\n<!-- careerkit-ignore: r -->\n- [b](x.md)\n\nnext\n",
            "- a\n- [b](x.md)\n\n\nnext\n",
        ),
        ("```\n<!-- careerkit-ignore: r -->\n```\n", "```\n<!-- careerkit-ignore: r -->\n```\n"),
        ("`<!-- careerkit-ignore: r -->`", "`<!-- careerkit-ignore: r -->`"),
        ("<!-- other comment -->", "<!-- other comment -->"),
        ("x\n<!-- careerkit-ignore: a\nb -->\ny", "x\ny\n\n"),
    ],
)
def test_strip_markers(text: str, expected: str) -> None:
    out = strip_markers(text)
    assert out == expected
    assert out.count("\n") == text.count("\n")  # lines after the paragraph keep their numbers


# --- Differential oracle: what Python-Markdown and MkDocs really produce ---------------------


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and "href" in a and not (a.get("class") or "").startswith("footnote"):
            self.targets.append(a["href"] or "")
        elif tag == "img":
            self.targets.append(a.get("src") or "")


def rendered_targets(text: str) -> Counter[str]:
    """Every link and image Python-Markdown really renders (footnote links aside)."""
    parser = _Hrefs()
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {k: v for e in EXTENSIONS if isinstance(e, dict) for k, v in e.items()}
    parser.feed(markdown.markdown(text, extensions=names, extension_configs=configs))
    return Counter(parser.targets)


def scanned_targets(text: str) -> Counter[str]:
    return Counter(
        x.target
        for x in scan_page(text).links
        if x.kind not in ("definition", "footnote") and x.defined
    )


def mkdocs_anchor_ids(text: str, tmp_path: Path, toc: dict[str, Any] | None = None) -> set[str]:
    """``page.present_anchor_ids`` of a page MkDocs renders from ``text``."""
    cfg = MkDocsConfig()
    # MkDocs pops the items of extension dicts: give it copies.
    extensions = [copy.deepcopy(e) for e in EXTENSIONS if e != "toc"] + [{"toc": toc or {}}]
    cfg.load_dict({"site_name": "x", "docs_dir": str(tmp_path), "markdown_extensions": extensions})
    errors, _ = cfg.validate()
    assert not errors
    file = File("page.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    page = Page(None, file, cfg)
    page.markdown = text
    page.render(cfg, Files([file]))
    assert page.present_anchor_ids is not None
    return set(page.present_anchor_ids)


ORACLE_SNIPPETS = [
    *[c[1] for c in LINK_CASES if c[0] not in ("raw space", "windows line ends")],
    *[c[1] for c in ANCHOR_CASES],
    "[a] [b]\n\n[b]: b.md",
    "- [ ] [Read more][guide]\n\n[guide]: g.md",
    "[a][b](c.md)",
    "[foo][ Bar ]\n\n[bar]: b.md",
    "``a` [x](y.md)",
    "\\```a`` [x](y.md)",
    "`a``b` [x](y.md)",
    "```a`` [x](y.md) `b`",
    "`a\nb [x](y.md)` [z](z.md)",
    "`a\n\nb [x](y.md)` [z](z.md)",
    "<section>\n<div markdown>\n## deep\n[x](x.md)\n</div>\n</section>\n\n## After",
    "<div markdown>\n<div>\n## raw\n</div>\n\n## md\n</div>",
    "<div>\n## unclosed raw HTML [x](x.md)\n\n## still raw",
    "<hr>\n## after void tag",
    "text <div>\n## after inline tag\n</div>",
    "<!-- c -->\n## after comment",
    '!!! note\n    === "A"\n        a\n    === "B"\n        b\n\n=== "C"\n    c',
    "| Col {: #cell } |\n| --- |\n| x |",
    "## A `{#not-attr}`\n\n## B {: #b } ##",
    # Found by differential fuzzing against Python-Markdown:
    "[b][r]Title\n---\n[r]1. {#id}",  # undefined reference kept in the slug; no attr list
    "x [^1]\n[r]: r.md\n[a](a.md)",  # a definition line splits the paragraph
    " words Title\n---",  # setext text may be indented
    "??? tip\n- # T\n1. ## Num",  # a list item starting with a heading
    "## T[^1][a](x.md)",  # undefined `[^1][a]` does not swallow the link
    "| a | b {: #c } |\n| - | - |\n\npara\n{: #p }\n\n- li {: #l }",
]


@pytest.mark.parametrize("text", ORACLE_SNIPPETS)
def test_scanner_finds_exactly_the_links_python_markdown_renders(text: str) -> None:
    assert scanned_targets(text) == rendered_targets(text)


@pytest.mark.parametrize("text", ORACLE_SNIPPETS)
def test_scanner_anchors_equal_mkdocs_present_anchor_ids(text: str, tmp_path: Path) -> None:
    assert scan_page(text).anchors == mkdocs_anchor_ids(text, tmp_path)


def test_custom_slugify_agrees_with_mkdocs(tmp_path: Path) -> None:
    text = "## Café Crème\n\n## Two  Words\n\n## Two Words\n\n## ???\n\n## A_B c"
    slug = pymdownx_slugify(case="lower")
    expected = mkdocs_anchor_ids(text, tmp_path, {"slugify": slug, "separator": "_"})
    assert scan_page(text, slugify=slug, separator="_").anchors == expected


@pytest.mark.parametrize(
    "page",
    sorted(p for p in FIXTURES.glob("*/docs/**/*.md")),
    ids=lambda p: p.relative_to(FIXTURES).as_posix(),
)
def test_fixture_pages_links_match_python_markdown(page: Path) -> None:
    from mkdocs_careerkit.sources import read_source

    source = read_source(str(page), page.name)
    assert scanned_targets(source.body) == rendered_targets(source.body)


def test_link_dataclass_defaults() -> None:
    assert Link("a.md", 1, 1, "inline") == Link("a.md", 1, 1, "inline", "", True, False)


def assert_build_scan_matches(text: str) -> tuple[PageScan, PageScan]:
    """The build's scan (no id estimate) finds the same links, markers and headings as the
    full scan; returns both."""
    full = scan_page(text)
    fast = scan_page(text, estimate_anchors=False)
    assert fast.links == full.links
    assert fast.suppressions == full.suppressions
    assert [(h.level, h.text, h.line) for h in fast.headings] == [
        (h.level, h.text, h.line) for h in full.headings
    ]
    return full, fast


def test_build_mode_finds_the_same_headings_and_links_without_estimating_ids() -> None:
    """A build reads ids from the rendered page, so it skips the estimate and nothing else."""
    full, fast = assert_build_scan_matches(FIXTURE_TEXT_FOR_BUILD_MODE)
    assert len(full.headings) > 20 and full.anchors
    assert fast.anchors == frozenset()


FIXTURE_TEXT_FOR_BUILD_MODE = "\n".join(
    f"## Part {i}\n\n[x](#part-{i}) and <div id='d{i}'></div>\n\n=== \"T\"\n    - [ ] item\n"
    for i in range(30)
)


def test_a_definition_label_with_odd_white_space_is_filed_as_written() -> None:
    # Found by hypothesis: '[0\x0c0]:0' crashed the scan (the label shown folded, '0 0', was
    # looked up where Python-Markdown files it as written, '0\x0c0').
    (definition,) = scan_page("[0\x0c0]:0").links
    assert (definition.kind, definition.label, definition.used, definition.overridden) == (
        "definition",
        "0 0",
        False,
        False,
    )
    # A later definition of the same label still overrides the earlier one.
    first, second, use = scan_page("[a]: x\n[A]: y\n\n[t][a]\n").links
    assert (first.overridden, first.used) == (True, False)
    assert (second.overridden, second.used) == (False, True)
    assert use.target == "y"
