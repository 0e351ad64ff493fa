"""The rich fixture: cross-references on a real Material site, judged by the built HTML.

``tests/fixtures/rich`` uses autorefs, snippets (auto_append and ``--8<--``), a hook, footnotes,
combined tab slugs, code-block ids and line anchors, escaped attr_list ids, blockquote and emoji
headings, Material's template ids and theme files, and the blog plugin. Each construct has a
working link (``working.json``) and a broken twin (``expected.json``).

The control tests build the site without careerkit and prove that ground truth from the HTML
alone, so they hold whatever careerkit does. The other tests hold careerkit to it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.conftest import Built, build_site
from tests.test_xref_cli import run
from tests.test_xref_sites import FINDING_LOGS, LOGGED

FIXTURE = Path(__file__).parent / "fixtures" / "rich"
EXPECTED: list[dict[str, Any]] = json.loads((FIXTURE / "expected.json").read_text("utf-8"))
WORKING: list[dict[str, Any]] = json.loads((FIXTURE / "working.json").read_text("utf-8"))
# The blog plugin gives posts dated URLs; every other page is ``stem/index.html``.
POST_HTML = {
    "blog/posts/first.md": "blog/2024/01/15/first-post/index.html",
    "blog/posts/second.md": "blog/2024/03/01/second-post/index.html",
}
# The control build turns every MkDocs link check up to `warn` (the self-check reads them).
VALIDATION = {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"}}
# Besides careerkit's findings, these warnings are expected in a build of the fixture:
# MkDocs' own link checks, and autorefs, which warns about every reference it cannot resolve.
OTHER_WARNINGS = [
    r"^Doc file '[^']+' contains (a|an absolute) link",
    r"^mkdocs_autorefs: .*: Could not find cross-reference target",
]


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' and Python's tags (only the plugin names
    matter here)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda lo, su, no: None)


def fixture_plugins() -> list[Any]:
    raw = yaml.load((FIXTURE / "mkdocs.yml").read_text("utf-8"), Loader=_TolerantLoader)
    return list(raw["plugins"])


def copy_fixture(root: Path) -> Path:
    shutil.copytree(FIXTURE, root / "rich")
    return root / "rich" / "mkdocs.yml"


def without_careerkit() -> list[Any]:
    return [p for p in fixture_plugins() if p != "careerkit" and "careerkit" not in p]


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def page_html(site_dir: Path, src: str) -> Path:
    if src in POST_HTML:
        return site_dir / POST_HTML[src]
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem.removesuffix("index") / "index.html"
    return site_dir / stem / "index.html"


def content(path: Path) -> Tag:
    """The page's article: what the author wrote, without Material's nav and toc."""
    article = soup(path).find("article")
    assert isinstance(article, Tag), path
    return article


def link_text(item: dict[str, Any]) -> str:
    return str(item.get("text") or item["at"][1 : item["at"].index("]")])


def rendered_link(site_dir: Path, item: dict[str, Any]) -> Tag | None:
    """The ``<a>`` that ``item``'s link became, found by its text and its href."""
    for a in content(page_html(site_dir, item["file"])).find_all("a"):
        if a.get_text() == link_text(item) and a.get("href") == item["href"]:
            return a
    return None


def resolves(site_dir: Path, page: Path, href: str) -> bool:
    """Whether a browser following ``href`` from ``page`` finds the file and the id."""
    url = urlsplit(href)
    assert not url.scheme and not url.netloc, href  # the fixture has no external links
    if not url.path:
        target = page
    else:
        base = site_dir if url.path.startswith("/") else page.parent
        target = Path(os.path.normpath(base / unquote(url.path).lstrip("/")))
        if url.path.endswith("/") or target.is_dir():
            target = target / "index.html"
    if not target.is_file() or site_dir not in target.parents:
        return False
    return not url.fragment or soup(target).find(id=unquote(url.fragment)) is not None


def mkdocs_link_warnings(built: Built) -> set[tuple[str, str]]:
    """(file, link) of the links MkDocs' own validation warns about."""
    out = set()
    for r in built.records:
        if r.name == "mkdocs.structure.pages" and r.levelno >= logging.WARNING:
            m = re.match(
                r"Doc file '([^']+)' contains (?:a|an absolute) link '([^']+)'", r.getMessage()
            )
            if m:
                out.add((m[1], m[2]))
    return out


def careerkit_findings(built: Built) -> list[tuple[str, int, str, str, str]]:
    """(file, line, code, severity, message) of what careerkit logged, in order."""
    levels = {logging.ERROR: "error", logging.WARNING: "warn", logging.INFO: "info"}
    out = []
    for r in built.records:
        if r.name.startswith("mkdocs.plugins.mkdocs_careerkit"):
            m = LOGGED.match(r.getMessage().removeprefix("mkdocs_careerkit: "))
            if m:
                out.append((m["file"], int(m["line"]), m["code"], levels[r.levelno], m["text"]))
    return out


@pytest.fixture(scope="module")
def control(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture built by MkDocs and its other plugins, without careerkit."""
    config = copy_fixture(tmp_path_factory.mktemp("control"))
    return build_site(config, plugins=without_careerkit(), validation=VALIDATION)


# --- Ground truth, without careerkit: passes now and forever -------------------------------


def test_positions_point_at_what_the_author_wrote() -> None:
    for item in EXPECTED + WORKING:
        lines = (FIXTURE / "docs" / item["file"]).read_text("utf-8").split("\n")
        assert lines[item["line"] - 1][item["column"] - 1 :].startswith(item["at"]), item


def test_every_construct_has_a_working_link_and_a_broken_twin() -> None:
    assert len(EXPECTED) == len({(e["file"], e["at"]) for e in EXPECTED})
    assert {e["file"] for e in EXPECTED} - {"guide/references.md"} <= {w["file"] for w in WORKING}
    assert {e["code"] for e in EXPECTED} == {
        "xref.missing-page",
        "xref.missing-anchor",
        "xref.missing-reference",
        "xref.missing-footnote",
        "xref.unused-definition",
        "xref.absolute-md-link",
    }


def test_control_build_succeeds_without_careerkit(control: Built) -> None:
    assert control.error is None, control.messages()
    assert "careerkit" not in control.config.plugins
    assert "hooks/add_defs.py" in control.config.plugins  # the hook still ran


@pytest.mark.parametrize("item", WORKING, ids=lambda w: f"{w['file']}:{w['line']}:{w['href']}")
def test_control_working_link_resolves(control: Built, item: dict[str, Any]) -> None:
    a = rendered_link(control.site_dir, item)
    assert a is not None, f"no <a> {link_text(item)!r} -> {item['href']!r}"
    assert resolves(control.site_dir, page_html(control.site_dir, item["file"]), item["href"])


@pytest.mark.parametrize("item", EXPECTED, ids=lambda e: f"{e['file']}:{e['line']}:{e['code']}")
def test_control_broken_twin_is_broken(control: Built, item: dict[str, Any]) -> None:
    page = page_html(control.site_dir, item["file"])
    article = content(page)
    if "literal" in item:
        # A reference or footnote without a definition stays text, brackets and all.
        assert item["literal"] in article.get_text()
        assert not [a for a in article.find_all("a") if a.get_text() == link_text(item)]
    elif "href" in item:
        assert rendered_link(control.site_dir, item) is not None, item["href"]
        assert not resolves(control.site_dir, page, item["href"])
    else:
        # An unused or overridden definition is never rendered: its target appears nowhere.
        label, target = re.fullmatch(r"\[([^\]]+)\]: (\S+)", item["at"]).groups()  # type: ignore[union-attr]
        assert target not in str(article)
        assert f"[{label}]" not in article.get_text()


def test_control_links_that_need_the_hook_or_autorefs_break_without_them(
    tmp_path: Path,
) -> None:
    """Proof that these links work only thanks to code ``careerkit check`` cannot read."""
    plugins = [p for p in without_careerkit() if p != "autorefs"]
    built = build_site(copy_fixture(tmp_path), plugins=plugins, hooks=[])
    assert built.error is None, built.messages()
    needy = [w for w in WORKING if "needs" in w]
    assert {w["needs"] for w in needy} == {"hook", "autorefs"}
    for item in needy:
        page = page_html(built.site_dir, item["file"])
        if "](" in item["at"]:  # an inline link: still a link, to an id nobody made
            assert not resolves(built.site_dir, page, item["href"]), item
        else:  # a reference: no definition, so it stays text
            assert item["at"] in content(page).get_text(), item


def test_control_blog_excerpts_repeat_the_broken_link(control: Built) -> None:
    """The post's broken link is on four built pages, but one line of one source file."""
    pages = [p for p in control.site_dir.rglob("*.html") if "guide/nowhere.md" in p.read_text()]
    assert sorted(str(p.relative_to(control.site_dir)) for p in pages) == [
        "blog/2024/01/15/first-post/index.html",
        "blog/archive/2024/index.html",
        "blog/category/careers/index.html",
        "blog/index.html",
    ]


# --- careerkit held to the ground truth: xfail until the engine rewrite lands -------------


def test_build_reports_exactly_the_broken_twins(tmp_path: Path, log_guard: list[str]) -> None:
    log_guard.extend(FINDING_LOGS + OTHER_WARNINGS)
    built = build_site(copy_fixture(tmp_path))
    assert built.error is not None  # careerkit fails the build on errors
    found = careerkit_findings(built)
    # Counted, not just a set: a working link on a twin's line, or a twin reported twice (the
    # blog post's link is on four built pages), would otherwise go unnoticed.
    errors = Counter((f, line, code) for f, line, code, severity, _ in found if severity == "error")
    assert errors == Counter((e["file"], e["line"], e["code"]) for e in EXPECTED if e["build"])
    # No warning either, except about a broken twin (e.g. an unused definition).
    warnings = {(f, line, code) for f, line, code, severity, _ in found if severity == "warn"}
    assert warnings <= {(e["file"], e["line"], e["code"]) for e in EXPECTED}


def test_check_reports_the_twins_at_their_check_severity(tmp_path: Path) -> None:
    config = copy_fixture(tmp_path)
    # From another directory: the fixture must not depend on the working directory.
    out = run("careerkit", "check", "-f", str(config), "--format", "json", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    found = json.loads(out.stdout)
    cannot_see = [f for f in found if f["code"] == "xref.cannot-see"]
    assert len(cannot_see) == 1 and cannot_see[0]["severity"] == "info", cannot_see
    assert "hooks/add_defs.py" in cannot_see[0]["message"]
    # The hook could add an id or a definition to any page: check says so once, and what it
    # cannot know is a warning there, never an error.
    assert Counter(
        (f["docs_path"], f["line"], f["code"], f["severity"])
        for f in found
        if f["code"] != "xref.cannot-see"
    ) == Counter(
        (e["file"], e["line"], e["code"], "warn" if e["code"] in BLIND_CODES else e["check"])
        for e in EXPECTED
        if e["check"]
    ) + Counter(
        # The hook's own ids: check cannot see them, so it warns (never an error).
        (w["file"], w["line"], "xref.missing-anchor", "warn")
        for w in WORKING
        if w.get("needs") == "hook" and "](" in w["at"] and "#" in w["at"]
    )


BLIND_CODES = {"xref.missing-anchor", "xref.missing-reference", "xref.missing-footnote"}


def test_check_without_the_hook_gives_each_twin_its_own_severity(tmp_path: Path) -> None:
    """With nothing it cannot see, check reports every knowable twin exactly as the build."""
    config = copy_fixture(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("hooks:\n  - hooks/add_defs.py\n", ""), encoding="utf-8")
    assert "hooks/" not in config.read_text(encoding="utf-8")
    out = run("careerkit", "check", "-f", str(config), "--format", "json", cwd=tmp_path)
    found = json.loads(out.stdout)
    assert not [f for f in found if f["code"] == "xref.cannot-see"]
    hooked = "guide/hooked.md"  # without its hook this page's links really are broken
    assert Counter(
        (f["docs_path"], f["line"], f["code"], f["severity"])
        for f in found
        if f["docs_path"] != hooked and hooked not in f["message"]
    ) == Counter(
        (e["file"], e["line"], e["code"], e["check"])
        for e in EXPECTED
        if e["check"] and e["file"] != hooked
    )
    assert {(f["line"], f["code"]) for f in found if f["docs_path"] == hooked} >= {
        (e["line"], e["code"]) for e in EXPECTED if e["file"] == hooked and e["build"]
    }


def test_every_link_mkdocs_warns_about_is_still_reported(tmp_path: Path, control: Built) -> None:
    """What MkDocs' own validation catches, careerkit (or MkDocs, if left loud) still reports.

    MkDocs' anchor check also warns about links that work (ids it does not see: code blocks,
    tabs, the theme's template, escaped attr_list ids); those are left out.
    """
    works = {(w["file"], w["at"][w["at"].index("](") + 2 : -1]) for w in WORKING if "](" in w["at"]}
    broken = mkdocs_link_warnings(control) - works
    assert broken  # the control build does warn
    built = build_site(copy_fixture(tmp_path), validation=VALIDATION)
    reported = {
        (f, link)
        for f, link in broken
        for file, _, _, severity, message in careerkit_findings(built)
        if file == f and severity in ("error", "warn") and f"'{link}'" in message
    }
    assert broken - reported - mkdocs_link_warnings(built) == set()
