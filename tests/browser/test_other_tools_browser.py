"""The assessment on the example site built by ProperDocs and by Zensical is interactive in real
Chromium: rated, reloaded, the answer kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.browser.test_assessments_browser import open_page, rate, ratings, stored
from tests.test_properdocs import build_example_with_properdocs
from tests.test_zensical import SEED_HTML, build_example_with_zensical

pytestmark = pytest.mark.browser

SEED = '[data-careerkit-assessment="professional-network-assessment"]'


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("zensical")
    server = Server(root / "example" / "site")
    build_example_with_zensical(root / "example", site_url=server.url())
    yield server
    server.close()


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("properdocs")
    server = Server(root / "example" / "site")
    build_example_with_properdocs(root / "example", site_url=server.url())
    yield server
    server.close()


def rates_and_keeps_the_answer_across_reload(server: Server, page: Any) -> None:
    url = server.url(SEED_HTML.removesuffix("index.html"))
    block = open_page(page, url, SEED)
    assert ratings(block)[:2] == [None, None]
    rate(block, 1, 4)
    assert ratings(block)[:2] == [None, 4]
    page.reload()
    block = open_page(page, url, SEED)
    assert ratings(block)[:2] == [None, 4]
    assert stored(page) is not None


def test_zensical_build_rates_and_keeps_the_answer_across_reload(
    zensical_site: Server, page: Any
) -> None:
    rates_and_keeps_the_answer_across_reload(zensical_site, page)


def test_properdocs_build_rates_and_keeps_the_answer_across_reload(
    properdocs_site: Server, page: Any
) -> None:
    rates_and_keeps_the_answer_across_reload(properdocs_site, page)


def instant_navigation_brings_the_assessment_to_life(server: Server, page: Any) -> None:
    seed_url = SEED_HTML.removesuffix("index.html")
    page.goto(server.url())
    page.evaluate("window.careerkitMarker = 1")
    assert page.locator("script[src*=careerkit]").count() == 0
    page.locator(f'a[href$="{seed_url}"]:visible').first.click()
    page.wait_for_selector(f"{SEED}.careerkit-on .careerkit-summary")
    assert page.url.endswith(seed_url)
    assert page.evaluate("window.careerkitMarker") == 1, "the page was reloaded"
    rate(page.locator(SEED), 2, 3)
    assert ratings(page.locator(SEED))[:3] == [None, None, 3]


def test_zensical_instant_navigation_brings_the_assessment_to_life(
    zensical_site: Server, page: Any
) -> None:
    instant_navigation_brings_the_assessment_to_life(zensical_site, page)


def test_properdocs_instant_navigation_brings_the_assessment_to_life(
    properdocs_site: Server, page: Any
) -> None:
    instant_navigation_brings_the_assessment_to_life(properdocs_site, page)
