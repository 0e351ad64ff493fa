"""Reading cards in real Chromium on the built example site: layout, palettes, print, axe."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import SEED_PAGE, Server

pytestmark = pytest.mark.browser

DOCS_URL = "careerkit/reading-lists/"
SEED_URL = SEED_PAGE.replace(".md", "/")
CARDS = "ul.careerkit-cards:not(.careerkit-navcards)"  # not navigation cards
FEEDBACK_URL = "leadership/giving-feedback/"


def _palette(page: Any, scheme: str) -> None:
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")


def test_chapter_cards_are_a_grid_of_readable_cards(example: Server, page: Any) -> None:
    page.goto(example.url(SEED_URL))
    cards = page.locator(f"{CARDS} > li.careerkit-card")
    assert cards.count() == 4
    first = cards.first
    box = first.bounding_box()
    second = cards.nth(1).bounding_box()
    assert box is not None and second is not None
    assert second["x"] > box["x"]  # side by side at 1280 px: a grid, not a list
    style = first.evaluate(
        """li => { const s = getComputedStyle(li), t = li.querySelector('.careerkit-card-title');
        return [s.listStyleType, s.borderTopStyle, getComputedStyle(t).fontWeight,
                getComputedStyle(li.querySelector('.careerkit-card-why')).display] }"""
    )
    assert style == ["none", "solid", "700", "block"]
    assert first.inner_text().startswith("Grant, Adam. Give and Take")
    assert "Evidence that generous" in first.locator(".careerkit-card-why").inner_text()


def test_groups_links_and_every_style_on_the_docs_page(example: Server, page: Any) -> None:
    page.goto(example.url(DOCS_URL))
    groups = page.locator("p.careerkit-card-group")
    assert groups.all_inner_texts() == ["Books:", "Articles:"]
    assert page.locator(f"{CARDS} > li.careerkit-card").count() == 5
    link = page.locator(".careerkit-card-why a", has_text="Influencing Without Authority")
    link.click()
    page.wait_for_url(re.compile(r"influencing-without-authority/$"))


def test_cards_follow_the_dark_palette(example: Server, page: Any) -> None:
    page.goto(example.url(SEED_URL))
    card = page.locator("li.careerkit-card:not(.careerkit-navcard)").first
    probe = "li => [getComputedStyle(li).color, getComputedStyle(li).borderTopColor]"
    light = card.evaluate(probe)
    _palette(page, "slate")
    dark = card.evaluate(probe)
    assert light[0] != dark[0]
    primary = page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim()"
    )
    assert primary  # the accent border is Material's primary colour
    _palette(page, "default")


def test_printed_cards_are_a_compact_list(example: Server, page: Any) -> None:
    page.goto(example.url(SEED_URL))
    page.emulate_media(media="print")
    card = page.locator("li.careerkit-card:not(.careerkit-navcard)").first
    assert card.evaluate("li => getComputedStyle(li).display") == "list-item"
    assert card.evaluate("li => getComputedStyle(li).borderTopStyle") == "none"
    assert page.locator(CARDS).evaluate("ul => getComputedStyle(ul).display") == "block"


def test_without_javascript_the_cards_are_the_same(browser: Any, example: Server) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    ctx.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = ctx.new_page()
    page.goto(example.url(SEED_URL))
    assert page.locator("li.careerkit-card:not(.careerkit-navcard)").count() == 4
    assert (
        page.locator("li.careerkit-card:not(.careerkit-navcard)").first.evaluate(
            "li => getComputedStyle(li).borderTopStyle"
        )
        == "solid"
    )
    ctx.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations(example: Server, page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for url in (SEED_URL, DOCS_URL, FEEDBACK_URL):
        page.goto(example.url(url))
        _palette(page, scheme)
        page.locator(CARDS).first.wait_for()
        results = axe.run(page, context=CARDS)
        violations = [
            (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
            for v in results.response["violations"]
        ]
        assert violations == [], (scheme, url, violations)


def test_json_ld_never_runs_as_script_under_instant_navigation(example: Server, page: Any) -> None:
    # Material's instant navigation re-creates the content's scripts; a data block must stay
    # data (the page fixture fails the test on any script error).
    page.goto(example.url(""))
    page.evaluate("window.careerkitMarker = 1")
    page.locator("nav a[href$='networking-community-building/']").first.click()
    page.wait_for_url(re.compile(r"networking-community-building/$"))
    page.locator("li.careerkit-card:not(.careerkit-navcard)").first.wait_for()
    assert page.evaluate("window.careerkitMarker") == 1  # no full reload: instant navigation
    kinds = page.locator("script[type='application/ld+json']").evaluate_all(
        "els => els.map(e => JSON.parse(e.textContent)['@type'])"
    )
    assert kinds == ["ItemList"]


def test_the_reading_list_page(example: Server, page: Any) -> None:
    page.goto(example.url("reading-list/"))
    cards = page.locator(".careerkit-reading-list li.careerkit-card")
    assert cards.count() >= 30
    staff = cards.filter(has_text="The Staff Engineer's Path")
    assert staff.count() == 1
    assert "(2 pages)" in staff.inner_text()
    staff.get_by_role("link", name="Influencing Without Authority").click()
    page.wait_for_url(re.compile(r"influencing-without-authority/#further-reading$"))
    page.goto(example.url("reading-list/"))
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=".careerkit-reading-list")
    assert [v["id"] for v in results.response["violations"]] == []


def test_also_recommended_leads_to_the_book_on_the_list(example: Server, page: Any) -> None:
    page.goto(example.url(FEEDBACK_URL))
    card = page.locator("li.careerkit-card", has_text="The Manager's Path")
    link = card.locator(".careerkit-card-also a")
    assert link.inner_text() == "Also recommended in 1 other page"
    link.click()
    page.wait_for_url(re.compile(r"reading-list/#book-managers-path$"))
    target = page.locator("#book-managers-path")
    assert "Mentorship & Sponsorship" in target.inner_text()
    assert "Giving Feedback" in target.inner_text()
