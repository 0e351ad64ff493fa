"""Redraw the navigation cards screenshot: ``python tests/browser/make_navcards_screenshot.py``.

Builds the example site and photographs the networking chapter's "Cross-Reference Navigation"
in Chromium, in Material's light palette.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import ARGS, CHROMIUM, Server, SiteCopy  # noqa: E402

OUT = REPO / "example-site" / "docs" / "careerkit" / "navcards-screenshot.png"
PAGE = "professional-development/networking-community-building/"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "site")
        SiteCopy(Path(tmp), server.url())
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 900}, device_scale_factor=1)
            page.goto(server.url(PAGE))
            heading = page.locator("#cross-reference-navigation")
            top = heading.bounding_box()
            end = page.locator("#further-reading").bounding_box()
            assert top is not None and end is not None
            page.screenshot(
                path=str(OUT),
                clip={
                    "x": top["x"] - 8,
                    "y": top["y"] - 8,
                    "width": top["width"] + 16,
                    "height": end["y"] - top["y"],
                },
                full_page=True,
            )
            browser.close()
        server.close()
    print(OUT)


if __name__ == "__main__":
    main()
