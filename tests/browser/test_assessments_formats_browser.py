"""The formats real guides use, in Chromium: a competency profile and a weighted health check."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.browser.test_assessments_browser import _palette, open_page, score_rows, stored, tool

pytestmark = pytest.mark.browser

PROFILE_URL = "careerkit/competency-profile/"
PROFILE = '[data-careerkit-assessment="engineering-competency-profile"]'
HEALTH_URL = "careerkit/team-health/"
HEALTH = '[data-careerkit-assessment="team-health-assessment"]'


def pick(page: Any, competency: str, level: int) -> None:
    block = page.locator(f'[data-careerkit-part] .admonition-title:text-is("{competency}")')
    table = block.locator("xpath=..").locator("table")
    table.locator(f'tr[data-careerkit-level="{level}"] label').click()


def show_tab(page: Any, title: str) -> None:
    page.locator(".tabbed-labels label", has_text=title).first.click()


def test_sixteen_rubric_blocks_make_one_profile(example: Server, page: Any) -> None:
    profile = open_page(page, example.url(PROFILE_URL), PROFILE)
    assert page.locator("[data-careerkit-part]").count() == 16
    assert page.locator(".careerkit-summary").count() == 1  # one summary for the page
    # Every level row of every block is a choice; the author's ✅ is not the reader's answer.
    assert page.locator("[data-careerkit-part] input[type=radio]").count() == 80
    assert page.locator("[data-careerkit-part] input:checked").count() == 0
    example_header = page.locator("th[data-careerkit-example]").first
    assert example_header.evaluate("th => getComputedStyle(th, '::after').content") == (
        '" (Example)"'
    )
    current = page.locator("p[data-careerkit-example]").first
    assert current.text_content() == "Current Level: 3/5 - Proficient"
    assert current.evaluate("p => getComputedStyle(p, '::before').content") == '"Example: "'

    pick(page, "1.1 Clean Architecture & System Design", 4)
    pick(page, "1.2 Code Quality & Testing", 2)
    show_tab(page, "Delivery")
    pick(page, "2.2 Operational Ownership", 5)
    show_tab(page, "People")
    pick(page, "3.1 Mentoring", 1)
    rows = score_rows(profile)
    assert rows[:3] == [
        ["Architecture", "6 / 20 (2 of 4 answered)", "3", "60%"],
        ["Delivery", "5 / 20 (1 of 4 answered)", "5", "100%"],
        ["People", "1 / 20 (1 of 4 answered)", "1", "20%"],
    ]
    assert rows[-1] == ["Overall", "12 / 80 (4 of 16 answered)", "3", "60%"]
    texts = profile.locator(".careerkit-card > p").all_text_contents()
    assert "Strongest: Delivery (100%) · Weakest: People (20%)" in texts
    assert (
        "Strongest: 2.2 Operational Ownership (5 Expert (5)) · "
        "Weakest: 3.1 Mentoring (1 Novice (1))"
    ) in texts
    saved = stored(page, "careerkit:/:engineering-competency-profile")["answers"]
    assert saved == {
        "1-1-clean-architecture-system-design": 4,
        "1-2-code-quality-testing": 2,
        "2-2-operational-ownership": 5,
        "3-1-mentoring": 1,
    }
    profile.get_by_role("button", name="Save today's result").click()
    assert profile.locator(".careerkit-legend li").count() == 4  # the four groups
    assert profile.locator(".careerkit-saved li").count() == 1
    page.reload()
    profile = open_page(page, example.url(PROFILE_URL), PROFILE)
    assert page.locator("[data-careerkit-part] input:checked").count() == 4


def test_weighted_checklist_with_live_score_lines(
    example: Server, page: Any, tmp_path: Path
) -> None:
    block = open_page(page, example.url(HEALTH_URL), HEALTH)
    # The author's [x] ticks are an example: nothing is answered, the statements are rated 1–5.
    assert block.locator(".careerkit-rate").count() == 16
    assert block.locator(".careerkit-rate input:checked").count() == 0
    # The author's static lines are replaced by live ones.
    statics = block.locator("[data-careerkit-static]")
    assert statics.count() == 5
    assert all(not s.is_visible() for s in statics.all())
    lives = block.locator(".careerkit-live")
    assert lives.last.text_content() == "Overall (weighted): –"
    # Nothing is judged before the first answer: no "0 / 20" for a section not yet answered.
    assert lives.first.text_content() == "Score: –"
    group = block.locator(".careerkit-rate")
    group.nth(0).locator('input[value="5"]').check()  # Value Stream Clarity (25%): 100%
    show_tab(page, "Collaboration")
    group.nth(8).locator('input[value="1"]').check()  # Collaboration (30%): 20%
    assert lives.first.text_content() == "Score: 5 / 20 (100%)"
    # (25 × 100 + 30 × 20) / 55 = 56%, not the unweighted 6 / 10 = 60%.
    assert lives.last.text_content() == "Overall (weighted): 56%"
    assert score_rows(block)[-1] == [
        "Overall (weighted)",
        "6 / 80 (2 of 16 answered)",
        "2.82",
        "56%",
    ]
    with page.expect_download() as info:
        tool(block, "Export JSON")
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"] == {
        "everyone-can-explain-how-their-work-reaches-customers": 5,
        "people-ask-for-help-early": 1,
    }


def test_without_javascript_the_static_lines_read_as_written(browser: Any, example: Server) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    ctx.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = ctx.new_page()
    try:
        page.goto(example.url(HEALTH_URL))
        assert page.get_by_text("Overall Health: Strong (10/16)").is_visible()
        page.goto(example.url(PROFILE_URL))
        assert page.locator(".careerkit-summary").count() == 0
        assert page.locator("table").first.get_by_text("✅").count() == 1
    finally:
        ctx.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations_in_the_formats(example: Server, page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.clock.set_fixed_time("2025-05-01T10:00:00")
    axe = Axe()
    # careerkit's elements: the profile and its rubric blocks, the health check (Material's
    # own prose links are outside this test's scope).
    for url, root, context in (
        (PROFILE_URL, PROFILE, {"include": [[PROFILE], ["[data-careerkit-part]"]]}),
        (HEALTH_URL, HEALTH, HEALTH),
    ):
        page.goto(example.url(url))
        _palette(page, scheme)
        page.wait_for_selector(f"{root}.careerkit-on .careerkit-summary")
        page.locator("input[data-ck]").first.evaluate("i => i.click()")
        page.locator(root).get_by_role("button", name="Save today's result").click()
        page.wait_for_timeout(300)  # Material's 125 ms button colour transitions end
        results = axe.run(page, context=context)
        violations = [
            (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
            for v in results.response["violations"]
        ]
        assert violations == [], (scheme, url, violations)
