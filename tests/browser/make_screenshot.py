"""Redraw the README's screenshot of an assessment: ``python tests/browser/make_screenshot.py``.

Builds the example site as it is, rates the statements of its networking chapter's block,
saves three dated results and photographs the block in Chromium, in Material's
light palette (README and docs) and its dark one (docs); then a small block on the plain
``mkdocs`` theme (docs).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import ARGS, CHROMIUM, SEED_PAGE, Server, SiteCopy  # noqa: E402

OUT = REPO / "example-site" / "docs" / "careerkit" / "assessment-screenshot.png"
DARK = OUT.with_name("assessment-screenshot-dark.png")
PLAIN = OUT.with_name("assessment-plain-theme.png")
SEED = '[data-careerkit-assessment="professional-network-assessment"]'


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "site")
        SiteCopy(Path(tmp), server.url(), seed=False)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 900, "height": 900}, device_scale_factor=1)
            page.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith(server.url()) else r.abort(),
            )
            page.clock.set_fixed_time("2025-01-15T10:00:00")
            page.goto(server.url(SEED_PAGE.replace(".md", "/")))
            block = page.locator(SEED)
            page.wait_for_selector(f"{SEED}.careerkit-on .careerkit-summary")
            page.add_style_tag(content=".md-header, .md-tabs { display: none; }")

            def answer(values: list[int]) -> None:
                for n, value in enumerate(values):
                    group = block.locator(".careerkit-rate").nth(n)
                    group.locator(f'input[value="{value}"]').evaluate("i => i.click()")

            answer([3, 2, 2, 3, 2, 3, 2, 2, 3, 2, 1, 2])
            block.get_by_role("button", name="Save today's result").click()
            page.clock.set_fixed_time("2025-04-15T10:00:00")
            answer([4, 3, 3, 4, 3, 4, 3, 3, 3, 3, 2, 3])
            block.get_by_role("button", name="Save today's result").click()
            page.clock.set_fixed_time("2025-07-15T10:00:00")
            answer([4, 4, 3, 5, 4, 5, 4, 4, 4, 3, 2, 3])
            block.get_by_role("button", name="Save today's result").click()
            block.locator(".careerkit-status").evaluate("s => s.textContent = ''")
            page.evaluate("document.activeElement.blur()")
            page.mouse.move(0, 0)
            block.screenshot(path=str(OUT))
            # The same in Material's dark palette, for the docs.
            page.evaluate("document.body.dataset.mdColorScheme = 'slate'")
            page.wait_for_timeout(1000)  # Material's palette change is a transition
            block.screenshot(path=str(DARK))
            browser.close()
        server.close()
    plain_theme()
    print(OUT, DARK, PLAIN)


def plain_theme() -> None:
    """The same kind of block on the plain ``mkdocs`` theme: its tabs as headed sections."""
    from playwright.sync_api import sync_playwright

    from tests.browser.test_assessments_themes_browser import ROOT, plain_site

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(plain_site(Path(tmp), "mkdocs"))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 800, "height": 900}, device_scale_factor=1)
            page.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith(server.url()) else r.abort(),
            )
            page.goto(server.url())
            page.wait_for_selector(f"{ROOT}.careerkit-on .careerkit-summary")
            block = page.locator(ROOT)
            for n, value in enumerate([4, 3, 2]):
                block.locator(".careerkit-rate").nth(n).locator(f'input[value="{value}"]').evaluate(
                    "i => i.click()"
                )
            block.screenshot(path=str(PLAIN))
            browser.close()
        server.close()


if __name__ == "__main__":
    main()
