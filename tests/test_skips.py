"""No silent skips in CI: every test that lacks something in its environment goes through
``tests.conftest.unavailable``, which ``CAREERKIT_REQUIRE_ALL=1`` (set by ``.ci/run``) turns
into a failure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import test_assessments_parse, test_reports
from tests.conftest import REPO, unavailable

TESTS = REPO / "tests"
# Any way of skipping that does not go through the helper.
RAW_SKIP = re.compile(r"pytest\.skip\(|\.skipif\b|importorskip|mark\.skip\b|unittest\.skip")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("CAREERKIT_REQUIRE_ALL", raising=False)
    monkeypatch.delenv("CAREERKIT_REQUIRE_BROWSER", raising=False)
    return monkeypatch


def test_without_the_variable_it_is_a_skip_with_the_reason(clean_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(pytest.skip.Exception, match=r"^no thing here$"):
        unavailable("no thing here")


@pytest.mark.parametrize("value", ["0", "", "yes", "true"])
def test_only_the_value_1_requires(clean_env: pytest.MonkeyPatch, value: str) -> None:
    clean_env.setenv("CAREERKIT_REQUIRE_ALL", value)
    with pytest.raises(pytest.skip.Exception):
        unavailable("no thing here")


def test_require_all_turns_the_skip_into_a_failure(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("CAREERKIT_REQUIRE_ALL", "1")
    with pytest.raises(
        pytest.fail.Exception,
        match=r"^no thing here \(CAREERKIT_REQUIRE_ALL=1 turns this skip into a failure\)$",
    ):
        unavailable("no thing here")


def test_the_narrower_variable_still_works(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("CAREERKIT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.skip.Exception):
        unavailable("no chromium")  # not asked for: only the browser tests name it
    with pytest.raises(pytest.fail.Exception, match="CAREERKIT_REQUIRE_BROWSER=1"):
        unavailable("no chromium", also="CAREERKIT_REQUIRE_BROWSER")


def test_a_missing_sarif_schema_fails_when_required(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clean_env.setattr(test_reports, "SARIF_SCHEMA", tmp_path / "nowhere.json")
    with pytest.raises(pytest.skip.Exception, match=r"SARIF 2\.1\.0 schema"):
        test_reports.sarif_schema()
    clean_env.setenv("CAREERKIT_REQUIRE_ALL", "1")
    with pytest.raises(pytest.fail.Exception, match=r"SARIF 2\.1\.0 schema"):
        test_reports.sarif_schema()


def test_a_missing_seed_fails_when_required(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setattr(test_assessments_parse, "SEED", tmp_path / "nowhere.md")
    clean_env.setenv("CAREERKIT_REQUIRE_ALL", "1")
    with pytest.raises(pytest.fail.Exception, match="seed chapter"):
        test_assessments_parse.test_seed_block_is_a_verbatim_copy()


def test_no_test_skips_any_other_way() -> None:
    raw = [
        f"{path.relative_to(REPO)}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != Path(__file__)
        for line in path.read_text(encoding="utf-8").split("\n")
        if RAW_SKIP.search(line)
    ]
    # The helper itself is the one place that calls pytest.skip.
    assert raw == ["tests/conftest.py: pytest.skip(reason)"]


def test_ci_requires_everything() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^export CAREERKIT_REQUIRE_ALL=1$", script, re.M)
