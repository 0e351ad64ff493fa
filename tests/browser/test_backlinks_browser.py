"""The "Referenced by" block in real Chromium, on the built example site."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Server

pytestmark = pytest.mark.browser

PAGE_URL = "professional-development/mentorship-sponsorship/"
BLOCK = "section.careerkit-backlinks"


def _palette(page: Any, scheme: str) -> None:
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")


def test_block_is_a_labelled_region_of_keyboard_focusable_named_links(
    example: Server, page: Any
) -> None:
    page.goto(example.url(PAGE_URL))
    region = page.get_by_role("region", name="Referenced by")
    assert region.count() == 1
    hrefs = region.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) >= 4
    # Start keyboard navigation at the block's heading, then Tab through every link in order.
    region.get_by_role("heading", name="Referenced by").click()
    names = []
    for _ in hrefs:
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const a = document.activeElement;
                return [a.tagName, a.getAttribute('href'), a.closest('section.careerkit-backlinks')
                    !== null, (a.textContent || '').trim()] }"""
        )
        assert focused[0] == "A" and focused[2], focused
        names.append(focused[3])
        assert region.get_by_role("link", name=focused[3], exact=True).count() >= 1
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert all(names)
    assert "Networking & Community Building" in names
    # Enter follows the focused link (a chapter that links here).
    region.get_by_role("link", name="Networking & Community Building", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/networking-community-building/")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations(example: Server, page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(example.url(PAGE_URL))
    _palette(page, scheme)
    page.wait_for_selector(BLOCK)
    results = Axe().run(page, context=BLOCK)
    violations = [
        (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
        for v in results.response["violations"]
    ]
    assert violations == [], (scheme, violations)
    # And on the whole page, for what the block adds to it (landmarks, heading order, ids).
    results = Axe().run(page)
    violations = [
        (v["id"], [n["html"][:120] for n in v["nodes"]])
        for v in results.response["violations"]
        if any("careerkit-backlinks" in n["html"] for n in v["nodes"])
    ]
    assert violations == [], (scheme, violations)


def test_dark_palette_keeps_the_page_colours(example: Server, page: Any) -> None:
    page.goto(example.url(PAGE_URL))
    probe = """s => [getComputedStyle(s.querySelector('a')).color,
        getComputedStyle(s.closest('.md-typeset').querySelector('li strong a')).color,
        getComputedStyle(s).borderTopColor]"""
    block = page.locator(BLOCK)
    light = block.evaluate(probe)
    _palette(page, "slate")
    dark = block.evaluate(probe)
    for own, page_link, _ in (light, dark):
        assert own == page_link  # links look like every other link of the page
    assert light[0] != dark[0] and light[2] != dark[2]
