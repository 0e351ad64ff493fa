"""Reading cards in real Chromium on the built example site: layout, palettes, print, axe."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import SEED_PAGE, Server
from tests.conftest import build_site, write_site

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


# --- The reading list's filter box (careerkit-reading-filter.js) ---------------------------

LIST_URL = "reading-list/"
LIST_CARDS = ".careerkit-reading-list li.careerkit-card"
FILTER_LABEL = "Filter by title, author, note or “best for”"


def _visible_ids(page: Any) -> list[str]:
    return page.locator(f"{LIST_CARDS}:visible").evaluate_all("els => els.map(e => e.id)")


def _visible_groups(page: Any) -> list[str]:
    return page.locator(".careerkit-reading-group:visible > h2").all_inner_texts()


def _count(page: Any) -> Any:
    return page.locator(".careerkit-reading-list [role=status]")


def test_typing_filters_the_list_counts_and_clearing_restores(example: Server, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(example.url(LIST_URL))
    total = page.locator(LIST_CARDS).count()
    assert total >= 30
    groups = _visible_groups(page)
    assert groups == ["Professional Development", "Leadership", "About careerkit"]
    box = page.get_by_label(FILTER_LABEL)
    expect(_count(page)).to_have_text(f"{total} books and articles")
    # A word only in a chapter's note about the book (the card does not show notes).
    box.press_sequentially("Rebalanc")
    assert _visible_ids(page) == ["book-pragmatic-programmer"]
    expect(_count(page)).to_have_text(f"1 of {total} books and articles")
    assert _visible_groups(page) == ["Professional Development"]  # the others hide
    # Every word must match, in any case, in title, authors or "best for".
    box.fill("NEW manager")
    assert _visible_ids(page) == ["book-managers-path"]
    box.fill("tanya")
    assert _visible_ids(page) == ["book-staff-engineers-path"]
    assert _visible_groups(page) == ["Professional Development"]
    # Nothing matches: an empty state that says so, and no group heading left.
    box.fill("zzzz")
    assert _visible_ids(page) == []
    assert _visible_groups(page) == []
    empty = page.locator(".careerkit-filter-empty")
    expect(empty).to_have_text("No book or article matches “zzzz”.")
    expect(_count(page)).to_have_text(f"0 of {total} books and articles")
    # Escape clears it: the full list again.
    box.press("Escape")
    assert box.input_value() == ""
    assert len(_visible_ids(page)) == total
    assert _visible_groups(page) == groups
    expect(page.locator(".careerkit-filter-empty")).to_be_hidden()
    expect(_count(page)).to_have_text(f"{total} books and articles")
    box.fill("influence")
    box.fill("")
    assert len(_visible_ids(page)) == total


def test_the_filter_is_labelled_reachable_by_keyboard_and_polite(
    example: Server, page: Any
) -> None:
    page.goto(example.url(LIST_URL))
    box = page.get_by_role("searchbox", name=FILTER_LABEL)
    assert box.count() == 1
    page.get_by_text(FILTER_LABEL).click()  # the label focuses its box
    assert box.evaluate("el => el === document.activeElement")
    status = _count(page)
    assert status.get_attribute("id") == box.get_attribute("aria-describedby")
    # A status region is polite: it waits for the reader instead of interrupting.
    assert status.evaluate("el => el.getAttribute('role')") == "status"
    # Tab from the last export link reaches the box.
    page.locator(".careerkit-reading-count a").last.focus()
    page.keyboard.press("Tab")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.type("deep work")
    assert _visible_ids(page) == ["book-deep-work"]


def test_without_javascript_the_list_is_complete_and_has_no_box(
    browser: Any, example: Server
) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    ctx.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = ctx.new_page()
    page.goto(example.url(LIST_URL))
    assert page.locator(".careerkit-filter, .careerkit-reading-list input").count() == 0
    cards = page.locator(LIST_CARDS)
    assert cards.count() >= 30
    assert page.locator(f"{LIST_CARDS}:visible").count() == cards.count()
    ctx.close()


def test_the_filter_under_instant_navigation_to_and_from_the_list(
    example: Server, page: Any
) -> None:
    from playwright.sync_api import expect

    page.goto(example.url(""))
    page.evaluate("window.careerkitMarker = 1")
    page.locator(f"a[href$='{LIST_URL}']").first.click()
    page.wait_for_url(re.compile(r"reading-list/$"))
    box = page.get_by_label(FILTER_LABEL)
    box.fill("tanya")
    assert _visible_ids(page) == ["book-staff-engineers-path"]
    # Away through a back-link, then back through the nav and through history: still one
    # box each time, working, and never a full reload.
    page.locator("#book-staff-engineers-path a", has_text="Influencing Without Authority").click()
    page.wait_for_url(re.compile(r"influencing-without-authority/#further-reading$"))
    expect(page.locator(".careerkit-reading-list")).to_have_count(0)
    expect(page.locator(".careerkit-filter")).to_have_count(0)
    page.locator(f"a[href$='{LIST_URL}']").first.click()
    page.wait_for_url(re.compile(r"reading-list/$"))
    expect(page.locator(".careerkit-filter")).to_have_count(1)
    assert box.input_value() == ""
    assert len(_visible_ids(page)) == page.locator(LIST_CARDS).count()
    box.fill("rebalancing")
    assert _visible_ids(page) == ["book-pragmatic-programmer"]
    page.locator("nav a[href$='networking-community-building/']").first.click()
    page.wait_for_url(re.compile(r"networking-community-building/$"))
    expect(page.locator(".careerkit-filter")).to_have_count(0)
    page.go_back()
    page.wait_for_url(re.compile(r"reading-list/$"))
    expect(page.locator(".careerkit-filter")).to_have_count(1)
    page.get_by_label(FILTER_LABEL).fill("deep work")
    assert _visible_ids(page) == ["book-deep-work"]
    assert page.evaluate("window.careerkitMarker") == 1


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_with_a_filter_applied(example: Server, page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(example.url(LIST_URL))
    _palette(page, scheme)
    page.get_by_label(FILTER_LABEL).fill("manager")
    assert 0 < len(_visible_ids(page)) < page.locator(LIST_CARDS).count()
    page.get_by_label(FILTER_LABEL).focus()  # the focus ring is checked too
    # The list, and the page's whole content (Material's own header and search are not ours).
    for context in (".careerkit-reading-list", ".md-content"):
        results = Axe().run(page, context=context)
        violations = [
            (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
            for v in results.response["violations"]
        ]
        assert violations == [], (scheme, context, violations)
    page.get_by_label(FILTER_LABEL).fill("zzzz")  # the empty state too
    results = Axe().run(page, context=".careerkit-reading-list")
    assert [v["id"] for v in results.response["violations"]] == []


def test_the_filter_works_under_a_strict_content_security_policy(
    example: Server, context: Any
) -> None:
    page = context.new_page()
    example.httpd.extra_headers = {  # type: ignore[attr-defined]
        "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'"
    }
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__violations.push([e.violatedDirective, e.sourceFile, e.blockedURI]));"
    )
    try:
        page.goto(example.url(LIST_URL))
        page.get_by_label(FILTER_LABEL).fill("deep work")
        assert _visible_ids(page) == ["book-deep-work"]
        ours = [v for v in page.evaluate("window.__violations") if "careerkit" in (v[1] or "")]
        assert ours == []
    finally:
        example.httpd.extra_headers = {}  # type: ignore[attr-defined]


def test_the_filter_box_is_not_printed(example: Server, page: Any) -> None:
    page.goto(example.url(LIST_URL))
    page.get_by_label(FILTER_LABEL).fill("deep work")
    page.emulate_media(media="print")
    assert page.locator(".careerkit-filter").evaluate("e => getComputedStyle(e).display") == "none"


def test_the_filter_on_the_plain_mkdocs_theme(tmp_path: Path, context: Any) -> None:
    # No Material (no document$): the script sets the box up on load, and the plain theme's
    # grouped list filters the same way.
    from playwright.sync_api import expect

    pages = {
        "index.md": "# Home\n\n## Further Reading\n\n- _Grit_ by Angela Duckworth - Effort.\n",
        "dev/a.md": "# A\n\n## Further Reading\n\n- _Deep Work_ by Cal Newport - Focus.\n",
        "lead/b.md": "# B\n\n## Further Reading\n\n- _Drive_ by Daniel Pink - Motives.\n",
    }
    root = tmp_path / "plain"
    built = build_site(write_site(root, pages, {"theme": "mkdocs"}), strict=True)
    assert built.error is None, built.messages()
    server = Server(root / "site")
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(f"{e} {e.stack}"))
        page.goto(server.url(LIST_URL))
        assert _visible_groups(page) == ["Home", "Dev", "Lead"]
        page.get_by_label(FILTER_LABEL).fill("focus")
        assert _visible_ids(page) == ["book-deep-work"]
        assert _visible_groups(page) == ["Dev"]
        expect(_count(page)).to_have_text("1 of 3 books and articles")
        page.get_by_label(FILTER_LABEL).press("Escape")
        assert len(_visible_ids(page)) == 3
        # The theme's own scripts fail offline (highlight.js from a CDN); careerkit's do not.
        assert [e for e in errors if "careerkit" in e] == []
    finally:
        server.close()
