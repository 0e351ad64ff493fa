"""Without Chromium the browser tests are skipped with a hint, or fail where CI requires them."""

from __future__ import annotations

import pytest

from tests.browser.conftest import MISSING, _unavailable


def test_missing_browser_is_a_skip_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREERKIT_REQUIRE_BROWSER", raising=False)
    monkeypatch.delenv("CAREERKIT_REQUIRE_ALL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        _unavailable(MISSING)


def test_missing_browser_fails_when_ci_requires_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREERKIT_REQUIRE_ALL", raising=False)
    monkeypatch.setenv("CAREERKIT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="CAREERKIT_REQUIRE_BROWSER=1"):
        _unavailable(MISSING)
