"""Shared test helpers: mini sites built in a temp dir, and a guard against unexpected warnings."""

from __future__ import annotations

import dataclasses
import importlib.util
import logging
import os
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import pytest
import yaml
from hypothesis import settings
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

REPO = Path(__file__).resolve().parent.parent

# CI explores the same examples on every run, so its verdict is about the change, not about the
# draw; local runs stay random and keep finding new examples (each one then becomes an @example).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def load_benchmark_script(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` (benchmarks/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(
        f"careerkit_bench_{name}", REPO / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# Set by .ci/run: every test skipped for want of something in the environment fails instead.
REQUIRE_ALL = "CAREERKIT_REQUIRE_ALL"


def unavailable(reason: str, *, also: str | None = None) -> NoReturn:
    """Skip a test that lacks something in its environment (Chromium, ``../shared``, …).

    The one way tests skip: with ``CAREERKIT_REQUIRE_ALL=1`` (or the narrower variable named
    by ``also``, e.g. ``CAREERKIT_REQUIRE_BROWSER``) set to 1 the skip is a failure, so CI
    cannot pass by running less. ``tests/test_skips.py`` checks no test skips another way.
    """
    for variable in (REQUIRE_ALL, also):
        if variable and os.environ.get(variable) == "1":
            pytest.fail(f"{reason} ({variable}=1 turns this skip into a failure)")
    pytest.skip(reason)


EXAMPLE_SITE = REPO / "example-site"
SEED = REPO.parent / "shared" / "seed" / "networking-community-building.md"
# The Markdown extensions of a typical Material guide (the example site's, plus footnotes).
EXTENSIONS: list[Any] = [
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
    "pymdownx.tasklist",
    "attr_list",
    "md_in_html",
    "toc",
    "tables",
    "footnotes",
]


@dataclasses.dataclass
class Built:
    """The outcome of a mini-site build."""

    site_dir: Path
    docs_dir: Path
    config_file: Path
    records: list[logging.LogRecord]
    error: BaseException | None
    config: Any = None  # the loaded MkDocsConfig (its plugins keep their per-build state)

    def html(self, page: str) -> str:
        """The built HTML of ``page`` (``sub/a.md`` → ``site/sub/a/index.html``)."""
        stem = page[: -len(".md")]
        path = self.site_dir / ("index.html" if stem == "index" else f"{stem}/index.html")
        if stem.endswith("/index"):
            path = self.site_dir / stem[: -len("index")] / "index.html"
        return path.read_text(encoding="utf-8")

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]

    def careerkit_lines(self, level: int = logging.INFO) -> list[str]:
        """Finding lines logged by careerkit (``path:line:col: message [code]``)."""
        out = []
        for r in self.records:
            msg = r.getMessage()
            if r.levelno >= level and r.name.startswith("mkdocs.plugins.mkdocs_careerkit"):
                out.append(msg.split(": ", 1)[1] if msg.startswith("mkdocs_careerkit") else msg)
        return out


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def log_guard() -> Iterator[list[str]]:
    """Fails the test if MkDocs or careerkit logs a warning it did not expect.

    Append regular expressions to the yielded list for the warnings a test expects.
    """
    expected: list[str] = []
    recorder = _Recorder()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(recorder)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        yield expected
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(old_level)
    unexpected = [
        r.getMessage()
        for r in recorder.records
        if r.levelno >= logging.WARNING and not any(re.search(p, r.getMessage()) for p in expected)
    ]
    assert not unexpected, f"unexpected warnings: {unexpected}"


def write_site(root: Path, pages: dict[str, str], config: dict[str, Any] | None = None) -> Path:
    """Write ``mkdocs.yml`` and ``docs/`` pages (dedented) under ``root``; return the config."""
    docs = root / "docs"
    for name, text in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    cfg: dict[str, Any] = {"site_name": "Test", "plugins": ["careerkit"]}
    cfg.update(config or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return config_file


def build_site(config_file: Path, *, command: str = "build", **overrides: Any) -> Built:
    """Build through MkDocs' Python API, recording every log record.

    ``command="serve"`` tells the plugins they run under ``mkdocs serve`` (the build is the same).
    """
    recorder = _Recorder()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(recorder)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    error: BaseException | None = None
    cfg = None
    try:
        cfg = load_config(str(config_file), **overrides)
        cfg.plugins.on_startup(command=command, dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except (MkDocsException, Abort) as e:
        error = e
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(old_level)
    return Built(
        config_file.parent / "site",
        config_file.parent / "docs",
        config_file,
        recorder.records,
        error,
        cfg,
    )


@pytest.fixture
def site(tmp_path: Path, log_guard: list[str]) -> Any:
    """``site(pages, config)`` writes and builds a mini site in ``tmp_path``."""

    def make(
        pages: dict[str, str], config: dict[str, Any] | None = None, **overrides: Any
    ) -> Built:
        return build_site(write_site(tmp_path, pages, config), **overrides)

    make.expect = log_guard  # type: ignore[attr-defined]
    return make
