"""Backlinks: the pure core (which pages refer to which, where) and real mini-site builds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.backlinks.core import (
    Group,
    Place,
    Referrer,
    option,
    referrers,
    render,
    section_of,
)
from mkdocs_careerkit.backlinks.feature import PLACEHOLDER
from mkdocs_careerkit.cli import main
from mkdocs_careerkit.xref.check import PageLink
from mkdocs_careerkit.xref.scan import Heading
from tests.conftest import build_site, write_site


def link(source: str, line: int, target: str, resolved: bool = True) -> PageLink:
    return PageLink(source, line, 1, target, "", "", resolved)


# --- Pure core -------------------------------------------------------------------------------


def test_referrers_dedupe_skip_self_and_broken_links_and_keep_order() -> None:
    found = referrers(
        [
            link("b.md", 9, "a.md"),
            link("c.md", 3, "a.md"),
            link("b.md", 2, "a.md"),
            link("b.md", 9, "a.md"),  # the same line twice: one entry
            link("a.md", 5, "a.md"),  # to itself
            link("d.md", 1, "a.md", resolved=False),  # broken
            link("a.md", 4, "b.md"),
        ]
    )
    assert found == {"a.md": {"b.md": [9, 2], "c.md": [3]}, "b.md": {"a.md": [4]}}


HEADINGS = (
    Heading(1, "Title", 1, ""),
    Heading(2, "Intro", 3, ""),
    Heading(3, "Detail", 8, ""),
    Heading(2, "Cross-Reference Navigation", 12, ""),
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (1, None),  # on the title's line
        (2, None),  # under the page title only: the title says it
        (3, None),  # the heading's own line is not in its section
        (4, "Intro"),
        (9, "Detail"),
        (13, "Cross-Reference Navigation"),
    ],
)
def test_section_of(line: int, expected: str | None) -> None:
    found = section_of(HEADINGS, line)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({}, (True, "")),
        ({"title": "x"}, (True, "")),
        ({"careerkit": {"backlinks": False}}, (False, "")),
        ({"careerkit": {"backlinks": True}}, (True, "")),
        ({"careerkit": {"other": 1}}, (True, "")),  # other careerkit keys are not ours
        (
            {"careerkit": {"backlinks": "no"}},
            (True, "front matter 'careerkit: backlinks' must be true or false, not 'no'"),
        ),
        ({"careerkit": "off"}, (True, "front matter 'careerkit' must be a mapping, not 'off'")),
    ],
)
def test_front_matter_option(meta: dict[str, Any], expected: tuple[bool, str]) -> None:
    assert option(meta) == expected


def test_render_escapes_author_text_and_groups() -> None:
    block = render(
        [
            Group("", (Referrer("Home", "../", ()),)),
            Group(
                "Tips & <Tricks>",
                (
                    Referrer(
                        "<script>alert(1)</script>",
                        "../b/",
                        (Place("A & B", "../b/#a-b"), Place("Unknown id", "")),
                    ),
                ),
            ),
        ],
        "Referenced by",
        "../assets/careerkit/careerkit-backlinks.css",
    )
    assert block == (
        '<section class="careerkit-backlinks" aria-labelledby="careerkit-backlinks-title">'
        '<link rel="stylesheet" href="../assets/careerkit/careerkit-backlinks.css">'
        '<h2 id="careerkit-backlinks-title">Referenced by</h2>'
        '<ul><li><a href="../">Home</a></li></ul>'
        '<h3 class="careerkit-backlinks-group">Tips &amp; &lt;Tricks&gt;</h3>'
        '<ul><li><a href="../b/">&lt;script&gt;alert(1)&lt;/script&gt;</a>'
        '<span class="careerkit-backlinks-where"> — in <a href="../b/#a-b">A &amp; B</a>, '
        "<span>Unknown id</span></span></li></ul></section>"
    )


# --- Builds ----------------------------------------------------------------------------------

PAGES = {
    "index.md": "# Home\n\nStart with [A](guide/a.md).\n",
    "guide/a.md": """\
        # Page A

        ## Marker Here

        <!-- careerkit/backlinks -->

        ## Notes

        Text.
        """,
    "guide/b.md": """\
        # Page B

        ## Related

        - [A](a.md) and [A again](a.md#notes)
        - [Myself](b.md)

        ## Cross-Reference Navigation

        - [A, once more](a.md)
        - [Nowhere](missing.md)
        """,
    "other/c.md": """\
        ---
        title: Page <C> & co
        careerkit:
          backlinks: false
        ---

        # Page C

        See [B](../guide/b.md) and [A](../guide/a.md#marker-here).
        """,
    "other/d.md": "---\ncareerkit:\n  backlinks: maybe\n---\n\n# D\n\n[C](c.md)\n",
}
NAV = [
    {"Home": "index.md"},
    {"Guide": ["guide/a.md", "guide/b.md"]},
    {"Other": ["other/c.md", "other/d.md"]},
]


def _build(tmp_path: Path, log_guard: list[str], **options: Any) -> Any:
    log_guard += [r"missing\.md", r"backlinks\.bad-option", r"careerkit: \d+ error"]
    config = write_site(tmp_path, PAGES, {"nav": NAV, "plugins": [{"careerkit": options}]})
    return build_site(config)


def _block(built: Any, page: str) -> Any:
    return BeautifulSoup(built.html(page), "html.parser").select_one("section.careerkit-backlinks")


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def test_blocks_group_by_nav_section_with_the_linking_section(
    tmp_path: Path, log_guard: list[str]
) -> None:
    # The build fails on the broken link (an error), after writing every page.
    built = _build(tmp_path, log_guard, xref={"ignore": ["missing.md"]})
    assert built.error is None, built.messages()
    a = _block(built, "guide/a.md")
    assert a is not None
    assert [h.get_text() for h in a.select("h2, h3")] == ["Referenced by", "Guide", "Other"]
    assert [(x.get_text(), x["href"]) for x in a.select("a")] == [
        ("Home", "../.."),
        ("Page B", "../b/"),
        ("Related", "../b/#related"),
        ("Cross-Reference Navigation", "../b/#cross-reference-navigation"),
        ("Page <C> & co", "../../other/c/"),
    ]
    assert _text(a).startswith("Referenced by Home Guide Page B — in Related ,")
    # Opted out: no block, and its own marker or placeholder nowhere.
    assert _block(built, "other/c.md") is None
    # Nobody links to D; B's block lists C (title from front matter), escaped.
    assert _block(built, "other/d.md") is None
    b = _block(built, "guide/b.md")
    assert [x.get_text() for x in b.select("li > a")] == ["Page <C> & co"]
    for page in PAGES:
        assert PLACEHOLDER not in built.html(page)
        assert "careerkit/backlinks" not in built.html(page)
    assert "- line 1:1: front matter 'careerkit: backlinks' must be true or false" not in str(
        built.careerkit_lines()
    )
    assert built.careerkit_lines(level=30) == [
        "other/d.md:1:1: front matter 'careerkit: backlinks' must be true or false, not 'maybe' "
        "(write 'careerkit: {backlinks: false}' to leave this page's backlinks out) "
        "[backlinks.bad-option]"
    ]


def test_block_goes_at_the_marker_or_at_the_end(tmp_path: Path, log_guard: list[str]) -> None:
    built = _build(tmp_path, log_guard, xref={"ignore": ["missing.md"]})
    soup = BeautifulSoup(built.html("guide/a.md"), "html.parser")
    block = soup.select_one("section.careerkit-backlinks")
    assert block.find_previous("h2").get_text().startswith("Marker Here")
    assert block.find_next_sibling("h2").get_text().startswith("Notes")
    # Without a marker: after everything the page says.
    b = BeautifulSoup(built.html("guide/b.md"), "html.parser").select_one(
        "section.careerkit-backlinks"
    )
    assert b.find_previous("a", string="Nowhere") is not None
    assert b.find_next_siblings() == []


def test_off_switch_and_identical_pages_outside_the_block(
    tmp_path: Path, log_guard: list[str]
) -> None:
    on = _build(tmp_path / "on", log_guard, xref={"ignore": ["missing.md"]})
    off = _build(
        tmp_path / "off", log_guard, xref={"ignore": ["missing.md"]}, backlinks={"enabled": False}
    )

    def same(html: str) -> str:
        html = re.sub(r'<section class="careerkit-backlinks".*?</section>', "", html, flags=re.S)
        return re.sub(r"Build Date UTC : .*", "", html)

    for page in PAGES:
        assert _block(off, page) is None
        assert same(on.html(page)) == same(off.html(page)).replace(
            "<!-- careerkit/backlinks -->", ""
        ), page
    assert not (off.site_dir / "assets/careerkit/careerkit-backlinks.css").exists()
    assert (on.site_dir / "assets/careerkit/careerkit-backlinks.css").exists()


def test_title_option_and_xref_off(tmp_path: Path, log_guard: list[str]) -> None:
    built = _build(
        tmp_path / "t",
        log_guard,
        xref={"ignore": ["missing.md"]},
        backlinks={"title": "Pages linking here"},
    )
    assert _block(built, "guide/a.md").h2.get_text() == "Pages linking here"
    no_xref = _build(tmp_path / "x", log_guard, xref={"enabled": False})
    assert _block(no_xref, "guide/a.md") is None


def test_a_second_build_starts_clean(tmp_path: Path, log_guard: list[str]) -> None:
    """A second build (as `mkdocs serve` makes on a change) after a link was removed."""
    config = write_site(
        tmp_path, {"index.md": "[A](a.md)\n", "a.md": "# A\n"}, {"plugins": ["careerkit"]}
    )
    first = build_site(config, command="serve")
    assert _block(first, "a.md") is not None
    (tmp_path / "docs" / "index.md").write_text("No link.\n", encoding="utf-8")
    second = build_site(config, command="serve")
    assert _block(second, "a.md") is None
    # No page has a block: the stylesheet is not in the site either.
    assert not (second.site_dir / "assets/careerkit/careerkit-backlinks.css").exists()


def test_careerkit_check_reports_the_bad_option_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path, PAGES)
    assert main(["check", "-f", str(config), "--format", "json"]) == 1  # missing.md
    found = [(f["docs_path"], f["line"], f["code"]) for f in json.loads(capsys.readouterr().out)]
    assert ("other/d.md", 1, "backlinks.bad-option") in found


# --- Properties ------------------------------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_YAML = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["careerkit", "title", "backlinks"]), _YAML))
def test_any_front_matter_gives_a_choice_or_a_problem(meta: dict[str, Any]) -> None:
    show, problem = option(meta)
    assert isinstance(show, bool)
    assert show or not problem  # a problem never hides the block


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TEXT, st.lists(st.tuples(_TEXT, _TEXT), max_size=3)), max_size=4))
def test_any_text_renders_escaped_and_well_formed(refs: list[tuple[str, Any]]) -> None:
    printable = [
        (re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", t), places) for t, places in refs
    ]
    groups = [
        Group(
            title,
            (Referrer(title, "../x/", tuple(Place(p, h) for p, h in places)),),
        )
        for title, places in printable
    ]
    block = render(groups, "<Referenced & by>")
    soup = BeautifulSoup(block, "html.parser")
    assert soup.h2.get_text() == "<Referenced & by>"
    assert "<script" not in block.replace("&lt;script", "")
    assert len(soup.select("li > a")) == len(groups)


def test_the_block_is_filled_after_search_indexed_the_page(
    tmp_path: Path, log_guard: list[str]
) -> None:
    # Filled just before the template, after the search plugin read the content (even when
    # careerkit comes first in `plugins`): a reader searching for a page's title finds that
    # page, not every page that links to it.
    log_guard += [r"missing\.md", r"backlinks\.bad-option", r"careerkit: \d+ error"]
    plugins = [{"careerkit": {"xref": {"ignore": ["missing.md"]}}}, "search"]
    config = write_site(tmp_path, PAGES, {"nav": NAV, "plugins": plugins})
    built = build_site(config)
    assert built.error is None, built.messages()
    assert "Page B" in _text(_block(built, "guide/a.md"))
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    on_a = [d for d in index["docs"] if d["location"].startswith("guide/a/")]
    assert on_a, index["docs"]
    assert "Marker Here" in " ".join(d["title"] for d in on_a)
    assert not [d for d in index["docs"] if "Referenced by" in d["title"] + d["text"]]
