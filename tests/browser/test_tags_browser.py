"""careerkit's tag index in real Chromium, on the built example site."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Server

pytestmark = pytest.mark.browser


def test_tag_index_is_styled_grouped_and_links_to_pages(example: Server, page: Any) -> None:
    page.goto(example.url("careerkit/tag-index/"))
    groups = page.locator(".careerkit-tag-group h2").all_inner_texts()
    assert groups == [
        "Growing your career",
        "Working with others",
        "Leading and influencing",
        "Sharing what you know",
        "About this site",
    ]
    listing = page.locator(".careerkit-tag-list").first
    assert listing.evaluate("e => getComputedStyle(e).display") == "grid"
    networking = page.locator("#careerkit-tag-networking")
    assert networking.inner_text().split() == ["networking", "2", "pages"]
    page.locator("#careerkit-tag-networking + dd a", has_text="Mentorship & Sponsorship").click()
    page.wait_for_url("**/professional-development/mentorship-sponsorship/")


def test_tag_index_is_styled_after_instant_navigation(example: Server, page: Any) -> None:
    page.goto(example.url("careerkit/"))
    page.locator(".md-content a[href$='tag-index/']").first.click()
    page.wait_for_url("**/careerkit/tag-index/")
    listing = page.locator(".careerkit-tag-list").first
    listing.wait_for()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.careerkit-tag-list')).display === 'grid'"
    )


def test_tag_index_is_one_column_on_a_phone(example: Server, page: Any) -> None:
    page.set_viewport_size({"width": 380, "height": 800})
    page.goto(example.url("careerkit/tag-index/"))
    columns = page.locator(".careerkit-tag-list").first.evaluate(
        "e => getComputedStyle(e).gridTemplateColumns.split(' ').length"
    )
    assert columns == 1
