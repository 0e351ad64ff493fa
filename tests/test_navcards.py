"""Navigation cards: Markdown in, enhanced HTML out; then real mini sites, the seed chapter too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.cli import main
from mkdocs_careerkit.navcards.enhance import Section
from mkdocs_careerkit.navcards.extension import NavCardsExtension
from mkdocs_careerkit.navcards.render import Target, meta_html
from tests.conftest import EXTENSIONS, SEED, build_site, unavailable, write_site

NAV = "## Cross-Reference Navigation\n\n"


def convert(text: str, *, cards: bool = True, names: Sequence[str] | None = None) -> str:
    found: list[Section] = []
    extensions: list[Any] = ["attr_list", "toc"]
    if cards:
        options: dict[str, Any] = {"collect": found.extend}
        if names is not None:
            options["headings"] = list(names)
        extensions.append(NavCardsExtension(**options))
    return markdown.markdown(text, extensions=extensions)


def groups(html: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each group of cards: its label, then (link text, href, reason) per card."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for ul in soup.select("ul.careerkit-navcards"):
        label = ul.find_previous_sibling(["p", "h2"])
        assert isinstance(label, Tag)
        label_text = label.get_text() if "careerkit-card-group" in label.get("class", []) else ""
        cards = []
        for li in ul.select("li.careerkit-navcard"):
            a = li.select_one("a.careerkit-navcard-link")
            why = li.select_one(".careerkit-card-why")
            assert a is not None
            cards.append((a.get_text(), str(a["href"]), why.get_text() if why else ""))
        out.append((label_text, cards))
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text(html: str) -> str:
    """Every character of text in ``html``, white space included (BeautifulSoup drops some)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


SEED_GROUPS = [
    (
        "Professional Development:",
        [
            (
                "Advanced Career Development",
                "advanced-career-development.md",
                "Strategic career planning through networking",
            ),
            (
                "Developing Expertise",
                "developing-expertise.md",
                "Using networks to accelerate skill development",
            ),
            (
                "Mentorship & Sponsorship",
                "mentorship-sponsorship.md",
                "Formal mentoring relationships",
            ),
        ],
    ),
    (
        "Leadership Skills:",
        [
            (
                "Influence Without Authority",
                "../leadership/influencing-without-authority.md",
                "Building influence through relationships",
            ),
            (
                "Communication & Presentation Skills",
                "../leadership/communication-presentation-skills.md",
                "Skills for community engagement",
            ),
            (
                "Working Across Boundaries",
                "../leadership/working-across-boundaries.md",
                "Cross-functional relationship building",
            ),
        ],
    ),
    (
        "Industry Engagement:",
        [
            (
                "Staying Current with Technology",
                "staying-current-technology.md",
                "Using networks to stay informed",
            ),
            ("Teaching to Learn", "teaching-to-learn.md", "Contributing to community knowledge"),
        ],
    ),
]


def seed_text() -> str:
    if not SEED.exists():
        unavailable(f"the seed chapter is not next to the repository ({SEED})")
    return SEED.read_text(encoding="utf-8")


def seed_section() -> str:
    raw = seed_text()
    start = raw.index("## Cross-Reference Navigation")
    return raw[start : raw.index("## Further Reading")]


def test_seed_section_as_written_and_separated_gives_three_groups_of_cards() -> None:
    written = seed_section()
    assert "**Professional Development:**\n- **[" in written  # the swallowed form, as written
    separated = written.replace(":**\n-", ":**\n\n-")
    assert separated != written
    for source in (written, separated):
        html = convert(source)
        assert groups(html) == SEED_GROUPS
        assert text(html) == text(convert(source, cards=False))  # no author word lost
        assert len(BeautifulSoup(html, "html.parser").select(".careerkit-navcard-meta")) == 8


def test_swallowed_form_keeps_every_character_and_only_hides_the_dashes() -> None:
    html = convert(NAV + "**Group:**\n- **[A](a.md)** - why A\n- [B](b.md)\n")
    soup = BeautifulSoup(html, "html.parser")
    assert [m.get_text() for m in soup.select(".careerkit-navcard-marker")] == ["- ", "- "]
    assert all(m["aria-hidden"] == "true" for m in soup.select(".careerkit-navcard-marker"))
    assert [s.get_text() for s in soup.select(".careerkit-navcard-sep")] == [" - "]
    assert groups(html) == [("Group:", [("A", "a.md", "why A"), ("B", "b.md", "")])]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- [A](a.md) - why", ("A", "a.md", "why")),
        ("- **[A](a.md#part)** – why", ("A", "a.md#part", "why")),
        ("- *[A](a.md)*: why *really*", ("A", "a.md", "why really")),
        ("* [A](a.md) explains it", ("A", "a.md", "explains it")),
        ("- [A](https://example.com/a) - outside", ("A", "https://example.com/a", "outside")),
        ("- [A](a.md)", ("A", "a.md", "")),
    ],
)
def test_item_shapes(item: str, expected: tuple[str, str, str]) -> None:
    for form in (f"**G:**\n\n{item}\n", f"**G:**\n{item}\n"):
        assert groups(convert(NAV + form)) == [("G:", [expected])], form


def test_loose_list_and_list_without_label() -> None:
    html = convert(NAV + "- [A](a.md) - one\n\n- [B](b.md) - two\n")
    assert groups(html) == [("", [("A", "a.md", "one"), ("B", "b.md", "two")])]


@pytest.mark.parametrize(
    "body",
    [
        # An item that does not start with a link: the swallowed paragraph stays as it is.
        "**G:**\n- [A](a.md) - fine\n- see the [B](b.md) chapter\n",
        # A label line with more than the label.
        "**G:** and prose\n- [A](a.md) - fine\n",
        # No label: prose, then swallowed items.
        "Also read:\n- [A](a.md) - fine\n",
        # A marker line inside emphasis.
        "**G:**\n- *[A](a.md) - fine\n- [B](b.md)*\n",
        # Nothing but prose.
        "Read the other chapters.\n",
    ],
)
def test_what_does_not_parse_stays_exactly_as_written(body: str) -> None:
    assert convert(NAV + body) == convert(NAV + body, cards=False)


def test_a_list_keeps_its_unparsed_items_as_plain_bullets() -> None:
    body = "**G:**\n\n- [A](a.md) - fine\n- see the [B](b.md) chapter\n"
    html = convert(NAV + body)
    soup = BeautifulSoup(html, "html.parser")
    items = soup.select("ul.careerkit-navcards > li")
    assert [("careerkit-navcard" in (li.get("class") or [])) for li in items] == [True, False]
    plain = BeautifulSoup(convert(NAV + body, cards=False), "html.parser").select("li")[1]
    assert str(items[1]) == str(plain)


def test_only_navigation_sections_and_the_configured_names() -> None:
    body = "**G:**\n\n- [A](a.md) - why\n"
    assert convert("## Related\n\n" + body) == convert("## Related\n\n" + body, cards=False)
    assert groups(convert("## Related:\n\n" + body, names=["related"])) == [
        ("G:", [("A", "a.md", "why")])
    ]
    # The section ends at the next heading of its level.
    html = convert(NAV + body + "## Next\n\n" + body)
    assert len(BeautifulSoup(html, "html.parser").select("li.careerkit-navcard")) == 1


def test_author_text_is_escaped_not_reinterpreted() -> None:
    body = "**<G & H>:**\n- [A <b>](a.md) - why &amp; <i>how</i> `<code>`\n"
    html = convert(NAV + body)
    assert text(html) == text(convert(NAV + body, cards=False))
    assert "<i>how</i>" in html and "<code>&lt;code&gt;</code>" in html


# Hypothesis: any section body gives cards or stays as written, never loses or adds a character.
LINES = st.sampled_from(
    [
        "**Group:**",
        "**Group:**  ",
        "**Group** and text",
        "- **[A](a.md)** - why",
        "- [B](b.md#x)",
        "* [C](<c d.md>): because",
        "+ [](e.md)",
        "- text first [F](f.md)",
        "- **[G](g.md) - inside**",
        "- *[H](h.md)",
        "continued* line",
        "  - [I](i.md) - nested?",
        "1. [J](j.md)",
        "prose line",
        "",
        "    code",
        "> - [K](k.md)",
        "### Sub",
        "## Next",
        "<div>raw</div>",
        "- [L][l]",
        "[l]: l.md",
        "- ![img](m.png)",
        "\\- [N](n.md)",
        "- `[O](o.md)` - code",
        "- [P](p.md) - [Q](q.md)",
    ]
)


# Lines of the list above, and any text made of the characters that matter here.
ANY_LINE = LINES | st.text(alphabet=" \t-*+:[]()<>_`#!&\\/.1aA–—", max_size=24)


@settings(max_examples=400, deadline=None)
@given(st.lists(ANY_LINE, max_size=14))
@example(["**Group:**", "- **[A](a.md)** - why", "- [B](b.md#x)"])
@example(["**Group:**", "- *[H](h.md)", "continued* line"])
def test_any_section_gives_cards_or_stays_as_written(lines: list[str]) -> None:
    source = NAV + "\n".join(lines) + "\n"
    html = convert(source)
    plain = convert(source, cards=False)
    assert text(html) == text(plain)
    if "careerkit-navcard" not in html:
        assert html == plain


# ---- Mini sites ---------------------------------------------------------------------------

TARGETS = {
    "guide/advanced-career-development.md": (
        "Advanced Career Development",
        "Plan a career over decades.",
        ["career-development", "strategy"],
    ),
    "guide/developing-expertise.md": ("Developing Expertise", "Grow deep skills.", ["skills"]),
    "guide/mentorship-sponsorship.md": ("Mentorship & Sponsorship", "Find mentors.", []),
    "leadership/influencing-without-authority.md": (
        "Influencing Without Authority",
        "Lead without the title.",
        ["leadership"],
    ),
    "leadership/communication-presentation-skills.md": (
        "Communication & Presentation Skills",
        "Speak so people listen.",
        [],
    ),
    "leadership/working-across-boundaries.md": ("Working Across Boundaries", "Cross teams.", []),
    "guide/staying-current-technology.md": ("Staying Current with Technology", "Keep up.", []),
    "guide/teaching-to-learn.md": ("Teaching to Learn", "Teach it to learn it.", ["learning"]),
}


def target_pages() -> dict[str, str]:
    pages = {}
    for path, (title, description, tags) in TARGETS.items():
        tag_lines = "".join(f"  - {t}\n" for t in tags)
        pages[path] = (
            f"---\ntitle: {title}\ndescription: {description}\n"
            + (f"tags:\n{tag_lines}" if tags else "")
            + f"---\n\n# {title}\n\n## Part two\n\nText.\n"
        )
    return pages


SEED_PAGE = "guide/networking-community-building.md"
ONLY_CARDS = {
    "assessments": {"enabled": False},
    "reading": {"enabled": False},
    "backlinks": {"enabled": False},
    "link_graph": {"enabled": False},
}


def seed_site(root: Path, plugins: list[Any] | None = None) -> Path:
    pages: dict[str, Any] = target_pages()
    pages["index.md"] = "# Home\n\n[Chapter](guide/networking-community-building.md)\n"
    config_file = write_site(
        root,
        pages,
        {
            "markdown_extensions": EXTENSIONS,
            "plugins": plugins if plugins is not None else ["careerkit"],
        },
    )
    # Pasted unchanged: bytes as they are (write_site would dedent).
    (root / "docs" / SEED_PAGE).write_bytes(SEED.read_bytes())
    return config_file


def seed_cards(html: str) -> Tag:
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id="cross-reference-navigation")
    assert isinstance(heading, Tag)
    return heading


def site_groups(html: str) -> list[tuple[str, list[tuple[str, str, str, str, str, list[str]]]]]:
    """Label, then (link text, href, reason, target line, description, tags) per card."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for ul in soup.select("ul.careerkit-navcards"):
        label = ul.find_previous_sibling("p")
        assert isinstance(label, Tag) and "careerkit-card-group" in label["class"]
        cards = []
        for li in ul.select("li.careerkit-navcard"):
            a = li.select_one("a.careerkit-navcard-link")
            assert a is not None

            def part(selector: str, li: Tag = li) -> str:
                el = li.select_one(selector)
                return el.get_text() if el else ""

            tags = [c.get_text() for c in li.select(".careerkit-navcard-tags .careerkit-chip")]
            cards.append(
                (
                    a.get_text(),
                    str(a["href"]),
                    part(".careerkit-card-why"),
                    part(".careerkit-navcard-page"),
                    part(".careerkit-navcard-description"),
                    tags,
                )
            )
        out.append((label.get_text(), cards))
    return out


def test_seed_chapter_pasted_unchanged_renders_three_groups_of_cards(
    tmp_path: Path, log_guard: list[str]
) -> None:
    seed_text()
    log_guard.append(r"markdown\.swallowed-list")  # the seed's other swallowed lists
    built = build_site(seed_site(tmp_path))
    assert built.error is None
    html = built.html(SEED_PAGE)
    assert site_groups(html) == [
        (
            "Professional Development:",
            [
                (
                    "Advanced Career Development",
                    "../advanced-career-development/",
                    "Strategic career planning through networking",
                    "",  # the link text is the page's title already
                    "",  # a reason was given: no description
                    ["career-development", "strategy"],
                ),
                (
                    "Developing Expertise",
                    "../developing-expertise/",
                    "Using networks to accelerate skill development",
                    "",
                    "",
                    ["skills"],
                ),
                (
                    "Mentorship & Sponsorship",
                    "../mentorship-sponsorship/",
                    "Formal mentoring relationships",
                    "",
                    "",
                    [],
                ),
            ],
        ),
        (
            "Leadership Skills:",
            [
                (
                    "Influence Without Authority",
                    "../../leadership/influencing-without-authority/",
                    "Building influence through relationships",
                    "Influencing Without Authority",  # the target's own title differs
                    "",
                    ["leadership"],
                ),
                (
                    "Communication & Presentation Skills",
                    "../../leadership/communication-presentation-skills/",
                    "Skills for community engagement",
                    "",
                    "",
                    [],
                ),
                (
                    "Working Across Boundaries",
                    "../../leadership/working-across-boundaries/",
                    "Cross-functional relationship building",
                    "",
                    "",
                    [],
                ),
            ],
        ),
        (
            "Industry Engagement:",
            [
                (
                    "Staying Current with Technology",
                    "../staying-current-technology/",
                    "Using networks to stay informed",
                    "",
                    "",
                    [],
                ),
                (
                    "Teaching to Learn",
                    "../teaching-to-learn/",
                    "Contributing to community knowledge",
                    "",
                    "",
                    ["learning"],
                ),
            ],
        ),
    ]
    # The stylesheet once, on this page only.
    assert html.count("assets/careerkit/careerkit-cards.css") == 1
    assert "careerkit-cards.css" not in built.html("guide/teaching-to-learn.md")
    # The swallowed lists the cards show as meant are not reported; the seed's others are.
    swallowed = [x for x in built.careerkit_lines() if "swallowed-list" in x]
    lines = sorted(int(x.split(":")[1]) for x in swallowed)
    nav = seed_text().split("\n").index("## Cross-Reference Navigation") + 1
    assert lines and all(line < nav for line in lines)
    assert len(lines) == 6


def _outside_and_inside(html: str) -> tuple[str, str]:
    html = html.replace(
        '<link rel="stylesheet" href="../../assets/careerkit/careerkit-cards.css">', ""
    )
    start = html.index('<h2 id="cross-reference-navigation"')
    end = html.index('<h2 id="further-reading"')
    return html[:start] + html[end:], html[start:end]


def test_control_build_without_careerkit(tmp_path: Path, log_guard: list[str]) -> None:
    seed_text()
    log_guard.append(r"markdown\.swallowed-list")
    with_cards = build_site(seed_site(tmp_path / "on", [{"careerkit": ONLY_CARDS}]))
    without = build_site(seed_site(tmp_path / "off", []))
    assert with_cards.error is None and without.error is None
    outside_on, inside_on = _outside_and_inside(with_cards.html(SEED_PAGE))
    outside_off, inside_off = _outside_and_inside(without.html(SEED_PAGE))
    assert outside_on == outside_off
    soup = BeautifulSoup(inside_on, "html.parser")
    added = [m.get_text() for m in soup.select(".careerkit-navcard-meta")]
    assert any(added)  # careerkit's own words: the targets' titles and tags
    for meta in soup.select(".careerkit-navcard-meta"):
        meta.decompose()
    assert text(str(soup)) == text(inside_off)
    # Every word of the section is still there, in order.
    assert re.findall(r"\w+", soup.get_text()) == re.findall(r"\w+", text(inside_off))
    for target in TARGETS:
        assert with_cards.html(target) == without.html(target)


def broken_site(root: Path, **options: Any) -> Path:
    return write_site(
        root,
        {
            "index.md": """\
                # Home

                ## Cross-Reference Navigation

                **Related:**
                - **[Good](good.md#part-two)**
                - **[Gone](gone.md)** - this page was removed
                - [Outside](https://example.com/) - elsewhere
                """,
            "good.md": "---\ndescription: A <good> page.\ntags: [x]\n---\n\n# Good page\n\n"
            "## Part two\n",
        },
        {"plugins": [{"careerkit": options}] if options else ["careerkit"]},
    )


@pytest.mark.parametrize("command", ["serve", "build"])
def test_broken_link_is_a_finding_and_a_visibly_broken_card(
    tmp_path: Path, log_guard: list[str], command: str
) -> None:
    log_guard += [r"xref\.missing-page", r"careerkit: 1 error"]
    built = build_site(broken_site(tmp_path), command=command)
    assert (built.error is None) == (command == "serve")
    assert [x for x in built.careerkit_lines() if "[xref." in x] == [
        "index.md:7:5: link 'gone.md': no such file 'gone.md' [xref.missing-page]"
    ]
    soup = BeautifulSoup(built.html("index.md"), "html.parser")
    cards = soup.select("li.careerkit-navcard")
    assert len(cards) == 3  # nothing dropped
    good, gone, outside = cards
    a = good.select_one("a")
    assert a is not None and a["href"] == "good/#part-two"
    page = good.select_one(".careerkit-navcard-page")
    assert page is not None and page.get_text() == "Good page › Part two"
    description = good.select_one(".careerkit-navcard-description")
    assert description is not None and description.get_text() == "A <good> page."
    assert "A &lt;good&gt; page." in built.html("index.md")
    broken = gone.select_one(".careerkit-navcard-broken")
    assert broken is not None
    assert broken.get_text() == "Broken link: link 'gone.md': no such file 'gone.md'"
    assert good.select_one(".careerkit-navcard-broken") is None
    assert outside.select_one(".careerkit-navcard-meta") is not None
    assert outside.select_one(".careerkit-navcard-meta").get_text() == ""  # type: ignore[union-attr]
    # Every placeholder was filled: none is left for a reader's browser.
    assert "careerkit:navcard" not in built.html("index.md")
    assert len(soup.select(".careerkit-navcard-meta")) == len(cards)


def test_unparsed_item_is_an_info_finding_at_its_section(
    tmp_path: Path, log_guard: list[str]
) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n\n## Cross-Reference Navigation\n\n- [A](a.md) - fine\n"
            "- Ask a mentor about it\n",
            "a.md": "# A\n",
        },
    )
    built = build_site(config)
    assert built.error is None
    assert built.careerkit_lines() == [
        "index.md:3:1: 'Ask a mentor about it' in section 'Cross-Reference Navigation' is not a "
        "link followed by a reason; left as written (write each item as '- [Title](page.md) - "
        "why to read it', under a bold label such as '**Related skills:**') [navcards.unparsed]",
        "0 errors, 0 warnings, 1 info finding",  # "mkdocs_careerkit: 0 errors, …"
    ]
    assert "<li>Ask a mentor about it</li>" in built.html("index.md")


def test_no_cards_no_stylesheet(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.append(r"xref\.thin-nav-section")
    config = write_site(
        tmp_path, {"index.md": "# Home\n\n## Cross-Reference Navigation\n\n- Ask a mentor\n"}
    )
    built = build_site(config)
    assert built.error is None
    assert "careerkit-navcard" not in built.html("index.md")
    assert not (built.site_dir / "assets/careerkit/careerkit-cards.css").exists()


def test_off_switch_reports_the_swallowed_list_and_makes_no_cards(
    tmp_path: Path, log_guard: list[str]
) -> None:
    log_guard += [r"markdown\.swallowed-list", r"xref\.missing-page"]
    built = build_site(broken_site(tmp_path, navcards={"enabled": False}), command="serve")
    assert next(x for x in built.careerkit_lines() if "swallowed" in x).startswith("index.md:6:1:")
    assert "careerkit-navcard" not in built.html("index.md")
    assert not (built.site_dir / "assets/careerkit/careerkit-cards.css").exists()


def test_check_agrees_on_the_swallowed_lists_cards_repair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_text()
    config = seed_site(tmp_path)
    main(["check", "-f", str(config)])
    out = capsys.readouterr().out
    lines = sorted(
        int(m)
        for m in re.findall(r"networking-community-building\.md:(\d+):\d+: '[^']*' follows", out)
    )
    nav = seed_text().split("\n").index("## Cross-Reference Navigation") + 1
    assert len(lines) == 6 and all(line < nav for line in lines)


def test_headings_option(tmp_path: Path, log_guard: list[str]) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n\n## See also\n\n- [A](a.md) - why\n",
            "a.md": "# A\n",
        },
        {"plugins": [{"careerkit": {"navcards": {"headings": ["See also"]}}}]},
    )
    built = build_site(config)
    assert built.error is None
    assert groups(built.html("index.md")) == [("", [("A", "a/", "why")])]


def test_bad_headings_option_is_an_error(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n"},
        {"plugins": [{"careerkit": {"navcards": {"heading": ["See also"]}}}]},
    )
    built = build_site(config)
    assert built.error is not None
    assert "did you mean 'headings'?" in "".join(built.messages(0)) + str(built.error)


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        (Target("Good", title="Good"), []),
        (Target("good  page", title="Good page"), []),
        (Target("Good", title="Good page"), [("careerkit-navcard-page", "Good page")]),
        (Target("Good", title="Good", section="Two"), [("careerkit-navcard-page", "Good › Two")]),
        (Target("Good: Two", title="Good", section="Two"), []),
        (Target("A", title="A & B"), [("careerkit-navcard-page", "A & B")]),
        (Target("A &amp; B", title="A & B"), []),
        (
            Target("A", title="A", description="<d>", tags=("t&1",)),
            [
                ("careerkit-navcard-description", "<d>"),
                ("careerkit-card-chips careerkit-navcard-tags", "Tags: t&1 "),
            ],
        ),
        (
            Target("A", title="B", description="d", broken="no such <file>"),
            [("careerkit-navcard-broken", "Broken link: no such <file>")],
        ),
    ],
)
def test_what_a_card_shows_of_its_target(target: Target, shown: list[tuple[str, str]]) -> None:
    html = meta_html(3, target)
    box = BeautifulSoup(html, "html.parser").span
    assert box is not None and box["data-careerkit-navcard"] == "3"
    assert [(" ".join(c["class"]), c.get_text()) for c in box.find_all(recursive=False)] == shown
    assert "<d>" not in html and "<file>" not in html  # escaped


def test_tags_option_leaves_tags_out(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard += [r"xref\.missing-page", r"careerkit: 1 error"]
    built = build_site(broken_site(tmp_path, navcards={"tags": False}), command="serve")
    html = built.html("index.md")
    assert "careerkit-navcard-description" in html and "careerkit-chip" not in html


def test_swallowed_list_still_reported_where_a_section_could_not_become_cards(
    tmp_path: Path, log_guard: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    log_guard.append(r"markdown\.swallowed-list")
    pages = {
        "index.md": "# Home\n\n## Cross-Reference Navigation\n\n**A:**\n- [A](a.md) - fine\n\n"
        "**B:**\n- see [A](a.md) too\n\n**D:**\n- [A](a.md) - fine\n- but not [A](a.md)\n\n"
        "## Other\n\n**C:**\n- [A](a.md) - not a nav section\n",
        "a.md": "# A\n",
    }
    built = build_site(write_site(tmp_path, pages))
    assert built.error is None
    lines = [x.split(":")[1] for x in built.careerkit_lines() if "swallowed-list" in x]
    assert lines == ["9", "12", "18"]  # the paragraph that became cards is not reported
    main(["check", "-f", str(tmp_path / "mkdocs.yml")])
    found = re.findall(
        r"index\.md:(\d+):\d+: [^\n]*\[markdown\.swallowed-list\]", capsys.readouterr().out
    )
    assert found == lines  # careerkit check reads the same from the sources
    # The same page with only the good group: nothing reported in the section.
    pages["index.md"] = re.sub(
        r"\*\*B:\*\*.*?\n\n\*\*D:\*\*.*?\n\n", "", pages["index.md"], flags=re.S
    )
    built = build_site(write_site(tmp_path, pages))
    lines = [x.split(":")[1] for x in built.careerkit_lines() if "swallowed-list" in x]
    assert lines == ["11"]
