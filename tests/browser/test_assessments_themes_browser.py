"""Assessments on themes without Material's CSS, in Chromium: tabs read as headed sections."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.browser.test_assessments_browser import open_page, rate, score_rows
from tests.conftest import build_site, write_site

pytestmark = pytest.mark.browser

PLAIN_BLOCK = """\
# Plain theme

!!! question "Network Check"
    **Rate yourself (1=Needs Improvement, 5=Excellent):**

    === "Network Quality"

        - [ ] My network includes diverse perspectives
        - [ ] I have strong relationships with peers

    === "Value Creation"

        - [ ] I regularly help others in my network

    - Overall below 3: start with the mentorship chapter.
    - Overall 3 or more: share what works with your team.
"""
ROOT = '[data-careerkit-assessment="network-check"]'


def plain_site(root: Path, theme: str) -> Path:
    """The recommended extension set on a theme without Material's tab CSS."""
    config = write_site(
        root,
        {"index.md": PLAIN_BLOCK},
        {
            "theme": {"name": theme, "highlightjs": False},  # highlight.js comes from a CDN
            "plugins": ["search", "careerkit"],
            "markdown_extensions": [
                "admonition",
                {"pymdownx.tabbed": {"alternate_style": True}},
                "pymdownx.tasklist",
            ],
        },
    )
    built = build_site(config, strict=True)
    assert built.error is None, built.messages()
    return built.site_dir


@pytest.fixture(params=["mkdocs", "readthedocs"])
def plain(request: pytest.FixtureRequest, tmp_path: Path, browser: Any) -> Iterator[Server]:
    server = Server(plain_site(tmp_path, request.param))
    yield server
    server.close()


def sections(block: Any) -> list[tuple[str, bool]]:
    """Each tab panel's heading (its ``::before``) and whether the panel is shown."""
    return block.locator("[data-careerkit-tab]").evaluate_all(
        """ps => ps.map(p => [getComputedStyle(p, '::before').content,
            p.getBoundingClientRect().height > 0])"""
    )


def test_tabs_read_as_headed_sections_and_the_block_works(plain: Server, page: Any) -> None:
    block = open_page(page, plain.url(), ROOT)
    assert sections(block) == [['"Network Quality"', True], ['"Value Creation"', True]]
    # The tab radios and the run-together row of tab names are hidden.
    assert block.locator(".tabbed-set > input, .tabbed-labels").evaluate_all(
        "es => es.map(e => getComputedStyle(e).display)"
    ) == ["none", "none", "none"]
    assert block.locator(".careerkit-rate").count() == 3
    rate(block, 0, 4)
    rate(block, 2, 2)  # in the second section, visible without switching tabs
    assert score_rows(block) == [
        ["Network Quality", "4 / 10 (1 of 2 answered)", "4", "80%"],
        ["Value Creation", "2 / 5", "2", "40%"],
        ["Overall", "6 / 15 (2 of 3 answered)", "3", "60%"],
    ]
    # careerkit's own button style stands in for Material's: filled, not the browser's grey.
    save = block.get_by_role("button", name="Save today's result")
    background = save.evaluate("b => getComputedStyle(b).backgroundColor")
    assert background == "rgb(64, 81, 181)"


@pytest.mark.parametrize(
    ("plain", "dark"),
    [("mkdocs", False), ("mkdocs", True), ("readthedocs", False)],  # readthedocs has no dark mode
    indirect=["plain"],
    ids=["mkdocs-light", "mkdocs-dark", "readthedocs"],
)
def test_axe_finds_no_violations_on_plain_themes(plain: Server, page: Any, dark: bool) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(plain.url())
    if dark:  # the mkdocs theme's dark mode (Bootstrap's colour mode)
        page.evaluate("document.documentElement.dataset.bsTheme = 'dark'")
    block = open_page(page, plain.url(), ROOT) if not dark else page.locator(ROOT)
    page.wait_for_selector(f"{ROOT}.careerkit-on .careerkit-summary")
    rate(block, 0, 3)
    block.get_by_role("button", name="Save today's result").click()
    block.get_by_role("button", name="More").click()
    # The admonition's title bar is the theme's (readthedocs: white on light blue), not careerkit's.
    results = Axe().run(
        page, context={"include": [ROOT], "exclude": [f"{ROOT} > .admonition-title"]}
    )
    violations = [
        (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
        for v in results.response["violations"]
    ]
    assert violations == []


def test_without_the_plugin_nothing_is_lost(tmp_path: Path) -> None:
    """The headed sections come from careerkit's stylesheet: the HTML keeps every tab title."""
    html = (plain_site(tmp_path, "mkdocs") / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'data-careerkit-tab="([^"]*)"', html) == [
        "Network Quality",
        "Value Creation",
    ]
    assert html.count('<label for="__tabbed_1_') == 2  # Python-Markdown's own tab labels stay
