"""Redraw the docs' screenshots of the progress page and its team view:
``python tests/browser/make_progress_screenshot.py``.

Builds the example site, answers the networking chapter's assessment on three dates (saving each)
and part of a leadership chapter's, and photographs the progress page's first two sections; then
loads three people's exports (the reader's, and two variations of it) into the team view and
photographs its top.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import ARGS, CHROMIUM, SEED_PAGE, Server, SiteCopy  # noqa: E402

OUT = REPO / "example-site" / "docs" / "careerkit" / "progress-screenshot.png"
TEAM = OUT.with_name("team-view-screenshot.png")
SEED = '[data-careerkit-assessment="professional-network-assessment"]'
FEEDBACK = '[data-careerkit-assessment="feedback-practice-assessment"]'


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "site")
        SiteCopy(Path(tmp), server.url(), seed=False)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(
                viewport={"width": 900, "height": 1200},
                device_scale_factor=1,
                accept_downloads=True,
            )
            page = context.new_page()
            page.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith(server.url()) else r.abort(),
            )

            def answer(root: str, values: list[int]) -> None:
                block = page.locator(root)
                for n, value in enumerate(values):
                    group = block.locator(".careerkit-rate").nth(n)
                    group.locator(f'input[value="{value}"]').evaluate("i => i.click()")

            page.clock.set_fixed_time("2025-01-15T10:00:00")
            page.goto(server.url(SEED_PAGE.replace(".md", "/")))
            page.wait_for_selector(f"{SEED}.careerkit-on .careerkit-summary")
            for date, values in (
                ("2025-01-15", [3, 2, 2, 3, 2, 3, 2, 2, 3, 2, 1, 2]),
                ("2025-04-15", [4, 3, 3, 4, 3, 4, 3, 3, 3, 3, 2, 3]),
                ("2025-07-15", [4, 4, 3, 5, 4, 5, 4, 4, 4, 3, 2, 3]),
            ):
                page.clock.set_fixed_time(f"{date}T10:00:00")
                answer(SEED, values)
                page.locator(SEED).get_by_role("button", name="Save today's result").click()
            page.goto(server.url("leadership/giving-feedback/"))
            page.wait_for_selector(f"{FEEDBACK}.careerkit-on .careerkit-summary")
            answer(FEEDBACK, [3, 4, 2])
            page.goto(server.url("careerkit/progress/"))
            progress = page.locator(".careerkit-progress-page.careerkit-on")
            progress.wait_for()
            page.add_style_tag(content=".md-header, .md-tabs { display: none; }")
            page.mouse.move(0, 0)
            page.evaluate("scrollTo(0, 0)")
            top = progress.bounding_box()
            third = page.locator(".careerkit-progress-group").nth(2).bounding_box()
            assert top is not None and third is not None
            page.screenshot(
                path=str(OUT),
                clip={
                    "x": top["x"],
                    "y": top["y"],
                    "width": top["width"],
                    "height": third["y"] - top["y"],
                },
                full_page=True,
            )
            # The team view: the reader's export and two made-up colleagues' variations of it.
            with page.expect_download() as info:
                progress.locator("[data-careerkit-do=export]").click()
            mine = Path(tmp) / "ada.json"
            info.value.save_as(mine)
            data = json.loads(mine.read_text(encoding="utf-8"))
            files = [mine]
            for name, shift in (("bo", -1), ("cy", 1)):
                other = json.loads(json.dumps(data))
                for n, entry in enumerate(other["assessments"]):
                    entry["answers"] = {
                        k: max(1, min(5, v + (shift if (i + n) % 3 else -shift)))
                        for i, (k, v) in enumerate(entry["answers"].items())
                    }
                path = Path(tmp) / f"{name}.json"
                path.write_text(json.dumps(other), encoding="utf-8")
                files.append(path)
            progress.locator(".ck-team").set_input_files([str(f) for f in files])
            team = page.locator(".careerkit-team")
            page.locator(".careerkit-team-table").first.wait_for()
            page.evaluate("document.activeElement.blur(); scrollTo(0, 0)")  # page coordinates
            box = team.bounding_box()
            second = page.locator(".careerkit-team-table").nth(1).bounding_box()
            assert box is not None and second is not None
            page.screenshot(
                path=str(TEAM),
                clip={
                    "x": box["x"],
                    "y": box["y"],
                    "width": box["width"],
                    "height": second["y"] - box["y"] - 20,
                },
                full_page=True,
            )
            browser.close()
        server.close()
    print(OUT, TEAM)


if __name__ == "__main__":
    main()
