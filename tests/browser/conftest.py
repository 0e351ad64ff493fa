"""Browser tests drive a built site in real Chromium (Debian package ``chromium``).

Chromium is found at ``/usr/bin/chromium`` or ``$CAREERKIT_CHROMIUM``. Without it the tests are
skipped with a hint, unless ``CAREERKIT_REQUIRE_ALL=1`` (set by ``.ci/run``) or the older
``CAREERKIT_REQUIRE_BROWSER=1`` turns the skip into a failure. The site is served over http from
127.0.0.1 (``localStorage`` and Material's instant navigation need an http origin); every other
request is blocked, so tests run offline.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE_SITE, build_site, unavailable
from tests.test_assessments_parse import SEED_BLOCK

CHROMIUM = os.environ.get("CAREERKIT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING = "Chromium not found: apt-get install -y chromium (or set CAREERKIT_CHROMIUM)"
SEED_PAGE = "professional-development/networking-community-building.md"


def _unavailable(reason: str) -> None:
    unavailable(reason, also="CAREERKIT_REQUIRE_BROWSER")


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # Rebuilt files must be fetched again; headers set by a test (CSP) are added here.
        self.send_header("Cache-Control", "no-store")
        for name, value in getattr(self.server, "extra_headers", {}).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Server:
    """A static file server on 127.0.0.1 in a thread."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Handler, directory=str(root))
        )
        self.httpd.extra_headers = {}  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


class SiteCopy:
    """A copy of the example site whose networking chapter holds the seed's block, verbatim
    (``seed=False``: the site as it is, for the screenshots the docs show)."""

    def __init__(self, root: Path, site_url: str, *, seed: bool = True) -> None:
        self.root = root
        shutil.copytree(
            EXAMPLE_SITE, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site")
        )
        self.seed = root / "docs" / SEED_PAGE
        if seed:
            text = self.seed.read_text(encoding="utf-8")
            start = text.index('!!! question "Professional Network Assessment"')
            end = text.index("\n## ", start)
            self.seed.write_text(text[:start] + SEED_BLOCK + text[end:], encoding="utf-8")
        # Material's instant navigation only follows links listed in the sitemap, which needs
        # a site_url; it takes scheme and host from the page but keeps the sitemap's port.
        with (root / "mkdocs.yml").open("a", encoding="utf-8") as f:
            f.write(f"\nsite_url: {site_url}\n")
        self.build()

    def build(self) -> None:
        built = build_site(self.root / "mkdocs.yml", strict=True)
        assert built.error is None, built.messages()

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(MISSING)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    """The example site (plus the seed page), built once and served."""
    root = tmp_path_factory.mktemp("example")
    server = Server(root / "site")
    SiteCopy(root, server.url())
    yield server
    server.close()


@pytest.fixture
def site_copy(tmp_path: Path, browser: Any) -> Iterator[tuple[SiteCopy, Server]]:
    """A copy of the example site this test may edit and rebuild."""
    root = tmp_path / "site-copy"
    server = Server(root / "site")
    yield SiteCopy(root, server.url()), server
    server.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser profile (empty localStorage) that can only reach 127.0.0.1."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    ctx.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A page that fails the test on any uncaught script error."""
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    assert errors == []
