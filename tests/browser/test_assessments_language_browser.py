"""The words, numbers and dates of an assessment in the site's language, in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.browser.test_assessments_browser import open_page, rate, score_rows, show_tab
from tests.conftest import build_site, write_site
from tests.test_assessments_parse import SEED_BLOCK

pytestmark = pytest.mark.browser

SEED = '[data-careerkit-assessment="professional-network-assessment"]'
NBSP = "\xa0"


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    """A Material site with ``theme.language: de`` and the seed's block."""
    root = tmp_path_factory.mktemp("german")
    config = write_site(
        root,
        {"index.md": "# Netzwerk\n\n" + SEED_BLOCK},
        {
            "theme": {"name": "material", "language": "de"},
            "markdown_extensions": [
                "admonition",
                {"pymdownx.tabbed": {"alternate_style": True}},
                {"pymdownx.tasklist": {"custom_checkbox": True}},
            ],
            "plugins": [{"careerkit": {"assessments": {"strings": {"save": "Sichern"}}}}],
        },
    )
    built = build_site(config, strict=True)
    assert built.error is None, built.messages()
    server = Server(built.site_dir)
    yield server
    server.close()


def test_german_words_numbers_and_dates_from_theme_language(german: Server, page: Any) -> None:
    page.clock.set_fixed_time("2025-01-15T10:00:00")
    block = open_page(page, german.url(), SEED)
    assert block.locator(".careerkit-head").text_content() == (
        "Beantworten Sie eine Aussage, um Ihr Ergebnis zu sehen."
    )
    rate(block, 0, 4)
    rate(block, 1, 3)
    show_tab(block, "Value Creation")
    rate(block, 4, 5)
    # Decimal commas and a space before the percent sign, as German writes them.
    assert score_rows(block) == [
        ["Network Quality", "7 / 20 (2 von 4 beantwortet)", "3,5", f"70{NBSP}%"],
        ["Value Creation", "5 / 20 (1 von 4 beantwortet)", "5", f"100{NBSP}%"],
        ["Community Engagement", "0 / 20 (0 von 4 beantwortet)", "–", "–"],
        ["Gesamt", "12 / 60 (3 von 12 beantwortet)", "4", f"80{NBSP}%"],
    ]
    assert block.locator("thead th").all_text_contents() == [
        "Bereich",
        "Punkte",
        "Durchschnitt",
        "Prozent",
    ]
    # The author's own word for one string wins; the rest are the built-in German.
    block.get_by_role("button", name="Sichern").click()
    assert block.locator(".careerkit-status").text_content() == (
        "Ihr Ergebnis vom 15.01.2025 wurde gespeichert."
    )
    assert block.locator(".careerkit-saved li").evaluate_all(
        "ls => ls.map(l => l.firstChild.textContent.trim())"
    ) == [f"15.01.2025: 80{NBSP}%"]
    block.get_by_role("button", name="Mehr").click()
    assert block.locator(".careerkit-menu button").all_text_contents() == [
        "Als JSON exportieren",
        "Als CSV exportieren",
        "Als Markdown exportieren",
        "JSON importieren",
        "Zusammenfassung drucken",
        "Zurücksetzen",
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations_in_german(german: Server, page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    block = open_page(page, german.url(), SEED)
    page.evaluate(f"document.body.dataset.mdColorScheme = '{scheme}'")
    rate(block, 0, 3)
    block.get_by_role("button", name="Sichern").click()
    block.get_by_role("button", name="Mehr").click()
    page.wait_for_timeout(300)  # Material's 125 ms button colour transitions end
    results = Axe().run(page, context=SEED)
    violations = [
        (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
        for v in results.response["violations"]
    ]
    assert violations == []


def test_the_stored_dates_stay_iso(german: Server, page: Any, tmp_path: Path) -> None:
    page.clock.set_fixed_time("2025-03-01T10:00:00")
    block = open_page(page, german.url(), SEED)
    rate(block, 0, 2)
    block.get_by_role("button", name="Sichern").click()
    stored = page.evaluate(
        "JSON.parse(localStorage.getItem('careerkit:/:professional-network-assessment'))"
    )
    assert [s["date"] for s in stored["snapshots"]] == ["2025-03-01"]
