"""Redraw the docs' screenshot of the tag index: ``python tests/browser/make_tags_screenshot.py``.

Builds the example site and photographs the top of careerkit's tag index in Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import ARGS, CHROMIUM, Server, SiteCopy  # noqa: E402

OUT = REPO / "example-site" / "docs" / "careerkit" / "tag-index-screenshot.png"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "site")
        SiteCopy(Path(tmp), server.url())
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 900, "height": 900}, device_scale_factor=1)
            page.goto(server.url("careerkit/tag-index/"))
            index = page.locator(".careerkit-tags")
            box = index.bounding_box()
            assert box is not None
            second = page.locator(".careerkit-tag-group").nth(2).bounding_box()
            assert second is not None
            height = second["y"] - box["y"]
            page.screenshot(
                path=str(OUT),
                clip={"x": box["x"], "y": box["y"], "width": box["width"], "height": height},
                full_page=True,
            )
            browser.close()
        server.close()
    print(OUT)


if __name__ == "__main__":
    main()
