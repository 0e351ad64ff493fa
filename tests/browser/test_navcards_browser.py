"""Navigation cards in real Chromium: on the example site, and a broken card on a mini site."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.conftest import build_site, write_site

pytestmark = pytest.mark.browser

PAGE_URL = "professional-development/networking-community-building/"
CARDS = "ul.careerkit-navcards"
CARD = f"{CARDS} > li.careerkit-navcard"


def _palette(page: Any, scheme: str) -> None:
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")


def test_cards_are_keyboard_focusable_links_with_accessible_names(
    example: Server, page: Any
) -> None:
    page.goto(example.url(PAGE_URL))
    cards = page.locator(CARD)
    count = cards.count()
    assert count == 8
    names = cards.locator("a.careerkit-navcard-link").all_inner_texts()
    # Tab from the section's heading: one stop per card, in order, each a named link.
    page.locator("#cross-reference-navigation").click()
    focused: list[str] = []
    for _ in range(count + 3):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const a = document.activeElement;
                return [a.tagName, a.closest('li.careerkit-navcard') !== null,
                        (a.textContent || '').trim(),
                        getComputedStyle(a, '::after').outlineStyle] }"""
        )
        if info[1]:
            assert info[0] == "A"
            assert info[3] == "solid"  # the focus ring is drawn around the whole card
            focused.append(info[2])
        elif focused:
            break
    assert focused == names
    for name in names:
        assert page.get_by_role("link", name=name, exact=True).count() >= 1
    # Enter follows the focused card's link, anchor included.
    page.get_by_role("link", name="Mentorship & Sponsorship: Sponsorship & Advocacy").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"mentorship-sponsorship/#sponsorship-advocacy$"))


def test_the_whole_card_is_the_link(example: Server, page: Any) -> None:
    page.goto(example.url(PAGE_URL))
    card = page.locator(CARD).nth(1)  # the card that links to a section of its target
    card.scroll_into_view_if_needed()
    reason = card.locator(".careerkit-card-why").bounding_box()
    assert reason is not None
    # Click the card's reason, away from the link's own text.
    page.mouse.click(reason["x"] + 5, reason["y"] + reason["height"] / 2)
    page.wait_for_url(re.compile(r"mentorship-sponsorship/#sponsorship-advocacy$"))


def test_cards_read_as_groups_with_title_reason_and_tags(example: Server, page: Any) -> None:
    page.goto(example.url(PAGE_URL))
    labels = page.locator("p.careerkit-card-group").all_inner_texts()
    assert labels[:3] == [
        "Professional Development:",
        "Leadership Skills:",
        "Community Contribution:",
    ]
    first = page.locator(CARD).first
    style = first.evaluate(
        """li => [getComputedStyle(li.parentElement).display, getComputedStyle(li).borderTopStyle,
            getComputedStyle(li.querySelector('.careerkit-navcard-sep')).display,
            getComputedStyle(li.querySelector('.careerkit-card-why')).display]"""
    )
    assert style == ["grid", "solid", "none", "block"]
    assert first.locator(".careerkit-chip").count() >= 1
    assert first.locator(".careerkit-navcard-tags").is_visible()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations_on_a_page_with_cards_and_backlinks(
    example: Server, page: Any, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(example.url(PAGE_URL))
    _palette(page, scheme)
    page.locator(CARD).first.wait_for()
    assert page.locator("section.careerkit-backlinks").count() == 1
    axe = Axe()
    for context in (CARDS, "section.careerkit-backlinks"):
        results = axe.run(page, context=context)
        violations = [
            (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
            for v in results.response["violations"]
        ]
        assert violations == [], (scheme, context, violations)
    # And on the whole page, for what the cards add to it (headings, ids, nested links).
    results = axe.run(page)
    ours = re.compile(r'class="[^"]*careerkit-(?:navcard|card|chip|backlinks)')
    violations = [
        (v["id"], [n["html"][:120] for n in v["nodes"] if ours.search(n["html"])])
        for v in results.response["violations"]
        if any(ours.search(n["html"]) for n in v["nodes"])
    ]
    assert violations == [], (scheme, violations)


def test_dark_palette_and_print(example: Server, page: Any) -> None:
    page.goto(example.url(PAGE_URL))
    probe = """li => [getComputedStyle(li).backgroundColor,
        getComputedStyle(li.querySelector('a')).color]"""
    card = page.locator(CARD).first
    light = card.evaluate(probe)
    _palette(page, "slate")
    dark = card.evaluate(probe)
    assert light[0] != dark[0] and light[1] != dark[1]
    page.emulate_media(media="print")
    printed = card.evaluate(
        """li => [getComputedStyle(li.parentElement).display, getComputedStyle(li).display,
            getComputedStyle(li).listStyleType,
            getComputedStyle(li.querySelector('.careerkit-navcard-sep')).display,
            getComputedStyle(li.querySelector('.careerkit-navcard-tags')).display,
            getComputedStyle(li.querySelector('a'), '::after').content]"""
    )
    assert printed == ["block", "list-item", "disc", "inline", "none", "none"]


def test_cards_are_styled_after_instant_navigation(example: Server, page: Any) -> None:
    # From a page without cards (no card stylesheet), instantly to one with them.
    page.goto(example.url("careerkit/"))
    assert page.locator("link[href$='careerkit-cards.css']").count() == 0
    page.evaluate("window.careerkitMarker = 1")
    page.locator(f"nav a[href$='{PAGE_URL}']").first.click()
    page.wait_for_url(re.compile(PAGE_URL + "$"))
    page.locator(CARD).first.wait_for()
    assert page.evaluate("window.careerkitMarker") == 1  # no full reload: instant navigation
    page.wait_for_function(
        "getComputedStyle(document.querySelector('ul.careerkit-navcards')).display === 'grid'"
    )
    page.locator(CARD).nth(3).locator("a").click()
    page.wait_for_url(re.compile(r"influencing-without-authority/$"))
    assert page.evaluate("window.careerkitMarker") == 1


def test_a_broken_link_is_a_visibly_broken_card(tmp_path: Path, page: Any, browser: Any) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n\n## Cross-Reference Navigation\n\n**Related:**\n"
            "- **[Good](good.md)** - works\n- **[Gone](gone.md)** - was removed\n",
            "good.md": "# Good\n",
        },
        {
            "theme": {"name": "material"},
            "plugins": [{"careerkit": {"severity": {"xref.missing-page": "warn"}}}],
        },
    )
    built = build_site(config, command="serve")
    assert built.error is None
    server = Server(built.site_dir)
    try:
        page.goto(server.url(""))
        good, gone = page.locator(CARD).all()
        badge = gone.locator(".careerkit-navcard-broken")
        assert badge.is_visible()
        assert badge.inner_text() == "Broken link: link 'gone.md': no such file 'gone.md'"
        assert good.locator(".careerkit-navcard-broken").count() == 0
        style = """li => [getComputedStyle(li).borderTopStyle,
            getComputedStyle(li.querySelector('a')).textDecorationLine]"""
        assert gone.evaluate(style) == ["dashed", "line-through"]
        assert good.evaluate(style) == ["solid", "underline"]
        # The notice of `mkdocs serve` names the same problem.
        assert "gone.md" in page.locator(".careerkit-notice").inner_text()
    finally:
        server.close()
