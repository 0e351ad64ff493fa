"""What a reader does with an assessment, in real Chromium, on the built example site."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import SEED_PAGE, Server, SiteCopy

pytestmark = pytest.mark.browser

SEED = '[data-careerkit-assessment="professional-network-assessment"]'
SEED_URL = SEED_PAGE.replace(".md", "/")
DEMO_URL = "careerkit/assessment-demo/"
HABITS = '[data-careerkit-assessment="feedback-habits"]'
CHECKLIST = '[data-careerkit-assessment="before-your-next-career-conversation"]'
RUBRIC = '[data-careerkit-assessment="technical-leadership"]'
KEY = "careerkit:/:professional-network-assessment"


def open_page(page: Any, url: str, root: str = SEED) -> Any:
    page.goto(url)
    page.wait_for_selector(f"{root}.careerkit-on .careerkit-summary")
    return page.locator(root)


def show_tab(block: Any, title: str) -> None:
    block.locator(".tabbed-labels label", has_text=title).click()


def rate(block: Any, item: int, value: int) -> None:
    """Rate the ``item``-th statement (0-based, over all tabs) by clicking its label."""
    group = block.locator(".careerkit-rate").nth(item)
    group.locator("label", has=block.page.locator(f'input[value="{value}"]')).click()


def ratings(block: Any) -> list[int | None]:
    return block.evaluate(
        """b => [...b.querySelectorAll('.careerkit-rate')].map(g => {
            const c = g.querySelector('input:checked'); return c ? +c.value : null })"""
    )


def score_rows(block: Any) -> list[list[str]]:
    return block.locator(".careerkit-scores tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )


def tool(block: Any, name: str) -> None:
    """Click a button of the summary; export, import, print and reset sit in the "More" menu."""
    button = block.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        block.get_by_role("button", name="More").click()
    button.click()


def stored(page: Any, key: str = KEY) -> Any:
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(key)})") or "null")


def test_seed_block_rates_scores_and_survives_reload(example: Server, page: Any) -> None:
    block = open_page(page, example.url(SEED_URL))
    assert block.locator(".careerkit-rate").count() == 12
    # Each statement is a radio group named after it, 1 to 5, the ends labelled.
    first = block.locator(".careerkit-rate").first
    assert first.get_attribute("aria-label") == (
        "My network includes diverse perspectives and backgrounds"
    )
    assert first.locator("input").evaluate_all(
        "rs => rs.map(r => r.getAttribute('aria-label'))"
    ) == [
        "1 Needs Improvement",
        "2",
        "3",
        "4",
        "5 Excellent",
    ]
    # The scale's words show at both ends; every point is a large touch target.
    assert first.locator("label").all_inner_texts() == [
        "1\nNeeds Improvement",
        "2",
        "3",
        "4",
        "5\nExcellent",
    ]
    sizes = first.locator("label").evaluate_all(
        "ls => ls.map(l => { const r = l.getBoundingClientRect(); return [r.width, r.height] })"
    )
    assert all(w >= 44 and h >= 44 for w, h in sizes), sizes
    assert block.locator(".careerkit-head").text_content() == (
        "Answer a statement to see your result."
    )
    rate(block, 0, 4)
    rate(block, 1, 2)
    show_tab(block, "Value Creation")
    rate(block, 4, 5)
    show_tab(block, "Community Engagement")
    rate(block, 8, 1)
    expected = [
        ["Network Quality", "6 / 20 (2 of 4 answered)", "3", "60%"],
        ["Value Creation", "5 / 20 (1 of 4 answered)", "5", "100%"],
        ["Community Engagement", "1 / 20 (1 of 4 answered)", "1", "20%"],
        ["Overall", "12 / 60 (4 of 12 answered)", "3", "60%"],
    ]
    assert score_rows(block) == expected
    # The percentage is of the answered statements, and the result says how many those are.
    assert block.locator(".careerkit-head").text_content() == (
        "60% Overall · 12 / 60 (4 of 12 answered) · Average 3"
    )
    assert block.locator(".careerkit-extremes").text_content() == (
        "Strongest: Value Creation (100%) · Weakest: Community Engagement (20%)"
    )
    page.reload()
    block = open_page(page, example.url(SEED_URL))
    assert ratings(block) == [4, 2, None, None, 5, None, None, None, 1, None, None, None]
    assert score_rows(block) == expected


def test_answers_survive_instant_navigation(example: Server, page: Any) -> None:
    def arrive(go: Any) -> None:
        # Material changes the URL first and swaps the content later: wait for new content.
        page.evaluate("document.querySelector('article').dataset.old = '1'")
        go()
        page.wait_for_function(
            """() => { const a = document.querySelector('article');
            return a && !a.dataset.old && a.querySelector('.careerkit-on .careerkit-summary') }"""
        )

    def follow(href_end: str) -> None:
        arrive(lambda: page.locator(f'a[href$="{href_end}"]:visible').first.click())
        assert page.url.endswith(href_end)

    page.goto(example.url())
    page.evaluate("window.careerkitMarker = 1")
    # From a page without an assessment (no careerkit script), instantly to one with it.
    assert page.locator("script[src*=careerkit]").count() == 0
    follow(SEED_URL)
    assert page.evaluate("window.careerkitMarker") == 1, "the page was reloaded"
    # The stylesheet came with the content: the rating scale is laid out as a row.
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.careerkit-rate')).display === 'grid'"
    )
    rate(page.locator(SEED), 2, 3)
    # Away to another chapter (with its own assessment) and back, still without a reload.
    other = "leadership/influencing-without-authority/"
    follow(other)
    assert page.locator(SEED).count() == 0
    follow(SEED_URL)
    assert page.evaluate("window.careerkitMarker") == 1, "the page was reloaded"
    assert ratings(page.locator(SEED))[:3] == [None, None, 3]
    # Back and forward through the history.
    arrive(page.go_back)
    assert page.url.endswith(other)
    arrive(page.go_forward)
    assert page.url.endswith(SEED_URL)
    assert ratings(page.locator(SEED))[:3] == [None, None, 3]
    assert page.evaluate("window.careerkitMarker") == 1
    # One summary per assessment, however often the script was run.
    assert page.locator(f"{SEED} .careerkit-summary").count() == 1


def test_answers_survive_a_rebuild_with_items_inserted_and_edited(
    site_copy: tuple[SiteCopy, Server], page: Any
) -> None:
    copy, server = site_copy
    block = open_page(page, server.url(SEED_URL))
    rate(block, 0, 2)  # My network includes diverse perspectives and backgrounds
    rate(block, 3, 4)  # My network spans multiple companies and industries
    show_tab(block, "Value Creation")
    rate(block, 5, 5)  # I make valuable introductions between connections
    text = copy.seed.read_text(encoding="utf-8")
    text = text.replace(
        "        - [ ] My network includes",
        "        - [ ] I keep in touch with former colleagues\n        - [ ] My network includes",
    )
    text = text.replace(
        "        - [ ] I regularly help others in my network\n",
        "        - [ ] I regularly help others in my network\n"
        "        - [ ] I thank people who helped me\n",
    )
    text = text.replace("spans multiple companies", "spans many companies")
    copy.seed.write_text(text, encoding="utf-8")
    copy.build()
    block = open_page(page, server.url(SEED_URL))
    assert block.locator(".careerkit-rate").count() == 14
    assert ratings(block)[:8] == [None, 2, None, None, None, None, None, 5]
    # The reworded statement lost its answer on the page, not in storage.
    answers = stored(page)["answers"]
    assert answers["my-network-spans-multiple-companies-and-industries"] == 4
    assert "my-network-spans-many-companies-and-industries" not in answers


def test_snapshots_draw_a_trend_per_section(example: Server, page: Any) -> None:
    page.clock.set_fixed_time("2025-01-15T10:00:00")
    block = open_page(page, example.url(SEED_URL))
    assert block.locator(".careerkit-progress").is_hidden()
    rate(block, 0, 2)
    show_tab(block, "Value Creation")
    rate(block, 4, 3)
    block.get_by_role("button", name="Save today's result").click()
    # Dates and numbers are shown in the page's language (Intl); storage keeps ISO dates.
    assert block.locator(".careerkit-status").text_content() == "Saved your result of Jan 15, 2025."
    page.clock.set_fixed_time("2025-04-15T10:00:00")
    rate(block, 4, 5)
    block.get_by_role("button", name="Save today's result").click()
    rate(block, 4, 4)  # saving again the same day replaces that day's result
    block.get_by_role("button", name="Save today's result").click()
    snapshots = stored(page)["snapshots"]
    assert [(s["date"], s["scores"]["value-creation"]) for s in snapshots] == [
        ("2025-01-15", 60),
        ("2025-04-15", 80),
    ]
    assert block.locator(".careerkit-progress").is_visible()
    lines = block.locator(".careerkit-progress polyline").evaluate_all(
        "ls => ls.map(l => l.getAttribute('points').split(' ').length)"
    )
    assert lines[:2] == [2, 2]  # Network Quality and Value Creation: two points each
    assert block.locator(".careerkit-legend li").all_text_contents() == [
        "Network Quality: 40% → 40%",
        "Value Creation: 60% → 80%",
        "Community Engagement: –",
    ]
    # The saved results are listed by date under the chart.
    assert block.locator(".careerkit-saved li").evaluate_all(
        "ls => ls.map(l => l.firstChild.textContent.trim())"
    ) == ["Jan 15, 2025: 50%", "Apr 15, 2025: 60%"]
    # Series differ not only by hue: each has its own marker shape and dash pattern.
    keys = block.locator(".careerkit-legend svg").evaluate_all(
        """ss => ss.map(s => [getComputedStyle(s).color,
            s.querySelector('line').getAttribute('stroke-dasharray'),
            s.querySelector('path').getAttribute('d').slice(8)])"""
    )
    for n in range(3):
        assert len({key[n] for key in keys}) == 3, keys


def _download(page: Any, block: Any, label: str) -> tuple[str, str]:
    with page.expect_download() as info:
        tool(block, label)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


def test_export_import_round_trip_and_bad_files(example: Server, page: Any, tmp_path: Path) -> None:
    page.clock.set_fixed_time("2025-03-01T10:00:00")
    page.on("dialog", lambda d: d.accept())
    block = open_page(page, example.url(DEMO_URL), HABITS)
    rate(block, 0, 4)
    rate(block, 1, 2)
    block.get_by_role("button", name="Save today's result").click()
    name, text = _download(page, block, "Export JSON")
    assert name == "feedback-habits-2025-03-01.json"
    exported = json.loads(text)
    assert exported["careerkit"] == 1 and exported["assessment"] == "feedback-habits"
    assert exported["answers"] == {"timely": 4, "sbi": 2}
    assert [s["date"] for s in exported["snapshots"]] == ["2025-03-01"]
    name, csv = _download(page, block, "Export CSV")
    assert name.endswith(".csv")
    # One numeric column a spreadsheet can sum, the words in their own column.
    assert csv.splitlines()[:3] == [
        '"Section","Statement","Answer","Label"',
        '"Giving","I give feedback within a week of what happened","4","Often"',
        '"Giving","I describe the situation, the behaviour and its impact","2","Rarely"',
    ]
    name, md = _download(page, block, "Export Markdown")
    assert name.endswith(".md")
    assert "| Giving | 6 / 20 (2 of 4 answered) | 3 | 60% |" in md
    assert "- I give feedback within a week of what happened: 4 Often" in md

    tool(block, "Reset")
    assert ratings(block)[:2] == [None, None]
    assert page.evaluate("localStorage.getItem('careerkit:/:feedback-habits')") is None

    def import_file(content: str, file: str = "answers.json") -> str:
        path = tmp_path / file
        path.write_text(content, encoding="utf-8")
        block.locator("input[type=file]").set_input_files(str(path))
        status = block.locator(".careerkit-status")
        status.filter(has_text=file if content == text else "Nothing").wait_for()
        return str(status.text_content())

    bad = [
        ("not json", "Nothing was imported: the file is not valid JSON"),
        ('{"a": 1}', "Nothing was imported: the file is not a careerkit export"),
        (
            text.replace('"feedback-habits"', '"other"'),
            "Nothing was imported: the file belongs to another assessment ('other')",
        ),
        (
            text.replace('"timely": 4', '"timely": 9'),
            "Nothing was imported: the answer to 'timely' is not valid",
        ),
        (
            text.replace('"date": "2025-03-01"', '"date": "yesterday"'),
            "Nothing was imported: saved result 1 is not valid",
        ),
    ]
    for content, message in bad:
        assert import_file(content) == message
        assert block.locator(".careerkit-status").evaluate("e => e.matches('.careerkit-error')")
        assert ratings(block)[:2] == [None, None]  # nothing changed
    assert import_file(text, "good.json") == "Imported good.json."
    assert ratings(block)[:2] == [4, 2]
    assert stored(page, "careerkit:/:feedback-habits")["snapshots"][0]["date"] == "2025-03-01"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_more_menu_shows_each_command_on_one_line(
    example: Server, page: Any, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    block = open_page(page, example.url(SEED_URL))
    block.get_by_role("button", name="More").click()
    menu = block.locator(".careerkit-menu")
    lines = menu.locator("button").evaluate_all(
        """bs => bs.map(b => {
            const r = document.createRange(); r.selectNodeContents(b);
            return [b.textContent.trim(), r.getClientRects().length]; })"""
    )
    assert len(lines) >= 5 and all(n == 1 for _, n in lines), lines
    box = menu.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box


def test_reset_asks_first(example: Server, page: Any) -> None:
    block = open_page(page, example.url(SEED_URL))
    rate(block, 0, 3)
    messages: list[str] = []

    def dismiss(dialog: Any) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    tool(block, "Reset")
    assert messages == ["Delete all your answers and saved results for this assessment?"]
    assert ratings(block)[0] == 3
    page.once("dialog", lambda d: d.accept())
    tool(block, "Reset")
    assert ratings(block)[0] is None
    assert stored(page) is None
    assert block.locator(".careerkit-status").text_content() == (
        "Your answers and saved results were deleted."
    )


def test_unknown_stored_answers_are_kept_until_reset(example: Server, page: Any) -> None:
    page.goto(example.url(SEED_URL))
    page.evaluate(
        f"localStorage.setItem({json.dumps(KEY)}, JSON.stringify("
        "{v: 1, answers: {'gone-item': 3}, snapshots: []}))"
    )
    block = open_page(page, example.url(SEED_URL))
    rate(block, 0, 5)
    assert stored(page)["answers"] == {
        "gone-item": 3,
        "my-network-includes-diverse-perspectives-and-backgrounds": 5,
    }
    page.once("dialog", lambda d: d.accept())
    tool(block, "Reset")
    assert stored(page) is None


def test_checklist_rubrics_and_bands(example: Server, page: Any) -> None:
    checklist = open_page(page, example.url(DEMO_URL), CHECKLIST)
    boxes = checklist.locator("input[type=checkbox]")
    assert boxes.count() == 4
    assert boxes.evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")[0] == (
        "I wrote down what I want to be doing in two years"
    )
    meaning = checklist.locator(".careerkit-meaning li")
    # No verdict before the first answer: no band, no percentage, no table, an invitation.
    assert meaning.count() == 0 and checklist.locator(".careerkit-meaning").is_hidden()
    assert checklist.locator(".careerkit-match").count() == 0
    assert checklist.locator(".careerkit-scores").is_hidden()
    assert checklist.locator(".careerkit-head").text_content() == (
        "Answer a statement to see your result."
    )
    assert "%" not in checklist.locator(".careerkit-summary").inner_text()
    # The statement's words are a click target (a real click on the text, not the box).
    checklist.get_by_text("I wrote down what I want to be doing in two years").click()
    assert boxes.nth(0).is_checked()
    assert score_rows(checklist) == [["Overall", "1 / 4", "25%"]]
    assert meaning.all_inner_texts() == [
        "Overall below 50%: prepare a little more; Developing Expertise helps with the plan."
    ]
    # Material draws its custom checkbox with a pseudo-element; its label holds the box too.
    boxes.nth(2).locator("xpath=..").dispatch_event("click")
    assert score_rows(checklist) == [["Overall", "2 / 4", "50%"]]
    assert meaning.all_inner_texts() == [
        "Overall 50% or more: you are ready; book the conversation."
    ]
    # The matching band is marked in the author's own list too, and its link still works.
    assert checklist.locator("[data-careerkit-band].careerkit-match").count() == 1

    rubric = page.locator(RUBRIC)
    rubric.locator("tr", has_text="Competent (3)").first.locator("label").click()
    show_tab(rubric, "Growing Others")
    rubric.locator("tr", has_text="Mentors several people").locator("label").click()
    rubric.locator("tr", has_text="Explains well in writing").locator("label").click()
    assert score_rows(rubric) == [
        ["Decisions", "3 / 5", "3", "60%"],
        ["Growing Others", "6 / 10", "3", "60%"],
        ["Overall", "9 / 15", "3", "60%"],
    ]
    assert rubric.locator(".careerkit-meaning li").all_inner_texts() == [
        "Overall 3 or more: teach what you know; see Teaching to Learn."
    ]
    picked = rubric.locator("tr:has(input:checked)")
    assert picked.count() == 3
    radio = picked.first.locator("input")
    assert radio.get_attribute("aria-label") == (
        "Technical decisions: Competent (3) – Makes decisions for the team's own systems"
    )
    assert stored(page, "careerkit:/:technical-leadership")["answers"] == {
        "technical-decisions": 3,
        "mentoring": 4,
        "explaining-ideas": 2,
    }


def test_keyboard_only(example: Server, page: Any) -> None:
    block = open_page(page, example.url(SEED_URL))
    page.locator("h1").first.evaluate("h => { h.tabIndex = -1; h.focus(); }")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.careerkit-rate input')"):
            break
    else:
        pytest.fail("Tab never reached a rating")
    page.keyboard.press("Space")  # selects 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 3
    page.keyboard.press("Tab")  # the next statement
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # 2
    assert ratings(block)[:2] == [3, 2]
    focus = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert focus[0] != "none" and focus[1] != "0px", focus
    # On to the buttons, and save with the keyboard.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Save today's result":
            break
    else:
        pytest.fail("Tab never reached the save button")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert block.locator(".careerkit-status").text_content().startswith("Saved your result")
    assert len(stored(page)["snapshots"]) == 1


def _palette(page: Any, scheme: str) -> None:
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations(example: Server, page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.clock.set_fixed_time("2025-05-01T10:00:00")
    axe = Axe()
    for url, roots in ((SEED_URL, [SEED]), (DEMO_URL, [HABITS, CHECKLIST, RUBRIC])):
        page.goto(example.url(url))
        _palette(page, scheme)
        for root in roots:
            block = page.locator(root)
            page.wait_for_selector(f"{root}.careerkit-on .careerkit-summary")
            block.locator("input[data-ck]").first.evaluate("i => i.click()")
            block.get_by_role("button", name="Save today's result").click()
            block.get_by_role("button", name="More").click()  # the menu, open
            page.wait_for_timeout(300)  # Material's 125 ms button colour transitions end
            results = axe.run(page, context=root)
            violations = [
                (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
                for v in results.response["violations"]
            ]
            assert violations == [], (scheme, root, violations)


def test_dark_palette_uses_material_colours(example: Server, page: Any) -> None:
    block = open_page(page, example.url(SEED_URL))
    rate(block, 0, 4)
    probe = """s => {
        const ref = document.createElement('span');
        ref.style.background = 'var(--md-primary-fg-color)';
        s.append(ref);
        const out = [
            getComputedStyle(s).color,
            getComputedStyle(s.closest('.md-typeset')).color,
            getComputedStyle(s.querySelector('.careerkit-bar > span')).backgroundColor,
            getComputedStyle(ref).backgroundColor,
        ];
        ref.remove();
        return out;
    }"""
    summary = block.locator(".careerkit-summary")
    light = summary.evaluate(probe)
    _palette(page, "slate")
    dark = summary.evaluate(probe)
    for text, page_text, bar, primary in (light, dark):
        assert text == page_text  # the summary's text is the page's text colour
        assert bar == primary  # the bars are Material's primary colour
    assert light[0] != dark[0]


def test_without_javascript_the_block_reads_as_the_checklist(browser: Any, example: Server) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    ctx.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = ctx.new_page()
    page.goto(example.url(SEED_URL))
    block = page.locator(SEED)
    assert block.locator(".careerkit-summary").count() == 0
    assert block.locator(".task-list-item input[type=checkbox][disabled]").count() == 12
    assert "My network includes diverse perspectives and backgrounds" in block.inner_text()
    ctx.close()


def test_strict_content_security_policy(example: Server, context: Any) -> None:
    # Material's own inline scripts are blocked by this policy; only careerkit's are tested.
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
        block = open_page(page, example.url(SEED_URL))
        rate(block, 0, 5)
        width = block.locator(".careerkit-bar > span").first.evaluate("e => e.style.width")
        assert width == "100%"
        ours = [v for v in page.evaluate("window.__violations") if "careerkit" in (v[1] or "")]
        assert ours == []
    finally:
        example.httpd.extra_headers = {}  # type: ignore[attr-defined]


def test_print_shows_the_summary_only(example: Server, page: Any) -> None:
    block = open_page(page, example.url(SEED_URL))
    rate(block, 0, 4)
    block.get_by_role("button", name="Save today's result").click()
    tool(block, "Print summary")
    assert page.evaluate("document.documentElement.classList.contains('careerkit-print')")
    page.emulate_media(media="print")
    visible = page.evaluate(
        """() => ({
            summary: getComputedStyle(document.querySelector('.careerkit-scores')).visibility,
            title: getComputedStyle(document.querySelector('h1')).visibility,
            buttons: [...document.querySelectorAll('.careerkit-summary button')]
                .map(b => getComputedStyle(b).display),
        })"""
    )
    # The summary prints without its buttons (save, menu, each saved result's Note and Delete).
    assert visible["summary"] == "visible" and visible["title"] == "hidden"
    assert set(visible["buttons"]) == {"none"}
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('careerkit-print')")


def test_author_text_stays_text(browser: Any, tmp_path: Path) -> None:
    from tests.conftest import build_site, write_site

    nasty = "`</script><img src=x onerror=alert(1)>` \"quoted\" & 'single'"
    config = write_site(
        tmp_path,
        {
            "index.md": '# Home\n\n!!! question "Q (1=a, 5=b)"\n'
            + f"    - [ ] {nasty}\n    - [ ] plain\n"
        },
        {"theme": "mkdocs", "markdown_extensions": ["admonition"]},
    )
    built = build_site(config)
    assert built.error is None
    server = Server(built.site_dir)
    ctx = browser.new_context()
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        block = open_page(page, server.url(), "[data-careerkit-assessment]")
        label = block.locator(".careerkit-rate").first.get_attribute("aria-label")
        assert label == "</script><img src=x onerror=alert(1)> \"quoted\" & 'single'"
        rate(block, 1, 3)
        assert score_rows(block) == [["Overall", "3 / 10 (1 of 2 answered)", "3", "60%"]]
        assert dialogs == []
    finally:
        ctx.close()
        server.close()


def test_storage_is_namespaced_by_the_sites_path(browser: Any, tmp_path: Path) -> None:
    # The site served under /site/, as on a project page: its answers are its own.
    server = Server(tmp_path)
    SiteCopy(tmp_path, server.url("site/"))
    ctx = browser.new_context()
    ctx.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = ctx.new_page()
    try:
        page.goto(server.url("site/"))
        page.locator(f'a[href$="{SEED_URL}"]:visible').first.click()  # instant navigation
        page.wait_for_selector(f"{SEED}.careerkit-on .careerkit-summary")
        rate(page.locator(SEED), 0, 2)
        keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('careerkit'))")
        assert keys == ["careerkit:/site/:professional-network-assessment"]
    finally:
        ctx.close()
        server.close()


def test_a_saved_result_can_be_annotated_deleted_and_restored(
    example: Server, page: Any, tmp_path: Path
) -> None:
    page.clock.set_fixed_time("2025-01-15T10:00:00")
    block = open_page(page, example.url(SEED_URL))
    rate(block, 0, 2)
    block.get_by_role("button", name="Save today's result").click()
    page.clock.set_fixed_time("2025-04-15T10:00:00")
    rate(block, 0, 4)
    block.get_by_role("button", name="Save today's result").click()
    saved = block.locator(".careerkit-saved li")

    def rows() -> list[str]:
        return saved.evaluate_all("ls => ls.map(l => l.firstChild.textContent.trim())")

    assert rows() == ["Jan 15, 2025: 40%", "Apr 15, 2025: 80%"]
    # Annotate the second result; the prompt names its date.
    prompts: list[str] = []
    page.once("dialog", lambda d: (prompts.append(d.message), d.accept("before promotion")))
    saved.nth(1).get_by_role("button", name="Note").click()
    assert prompts == ["A note for your result of Apr 15, 2025 (empty: none):"]
    assert rows() == ["Jan 15, 2025: 40%", "Apr 15, 2025 – before promotion: 80%"]
    assert stored(page)["snapshots"][1]["note"] == "before promotion"
    # Delete the first, then undo: it comes back where it was, with everything it held.
    before = stored(page)["snapshots"]
    saved.nth(0).get_by_role("button", name="Delete").click()
    assert rows() == ["Apr 15, 2025 – before promotion: 80%"]
    assert [s["date"] for s in stored(page)["snapshots"]] == ["2025-04-15"]
    status = block.locator(".careerkit-status")
    assert status.text_content() == "Deleted your result of Jan 15, 2025. Undo"
    status.get_by_role("button", name="Undo").click()
    assert stored(page)["snapshots"] == before
    assert status.text_content() == ""
    # A note survives a reload and an export/import round trip; a note that is not text
    # makes the file invalid.
    page.reload()
    block = open_page(page, example.url(SEED_URL))
    assert rows() == ["Jan 15, 2025: 40%", "Apr 15, 2025 – before promotion: 80%"]
    _, text = _download(page, block, "Export JSON")
    assert json.loads(text)["snapshots"][1]["note"] == "before promotion"
    path = tmp_path / "bad.json"
    path.write_text(text.replace('"before promotion"', "42"), encoding="utf-8")
    block.locator("input[type=file]").set_input_files(str(path))
    status.filter(has_text="Nothing").wait_for()  # the file is read asynchronously
    assert status.text_content() == "Nothing was imported: saved result 2 is not valid"
    # Clearing the note removes it.
    page.once("dialog", lambda d: d.accept("  "))
    saved.nth(1).get_by_role("button", name="Note").click()
    assert "note" not in stored(page)["snapshots"][1]
