"""``careerkit check``'s page cache: a cached run reports exactly what a full run reports.

The property test makes a small site with every per-page feature on (links and anchors, tags
against a taxonomy and a meta file, assessments, Further Reading with a books file, a snippet
appended to every page), then applies random edits one after the other — a heading renamed,
a page deleted or added, a link retargeted, a tag changed, an assessment retitled, the config,
the taxonomy, the books file or the snippet changed — and after each one compares a run that
uses (and updates) the cache with a run that reads everything afresh: findings and link graph,
completely.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from mkdocs_careerkit import cache
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.sitecheck import check_site
from mkdocs_careerkit.xref.check import PageLink
from tests.conftest import write_site

HEADINGS = ("Overview", "Next Steps", "Common Mistakes", "Overview")  # a repeat: -1 ids
TAGS = ("networking", "network", "leadership", "made-up", "influence-without-authority")
BOOKS = (
    "**Keith Ferrazzi. *Never Eat Alone*.** Relationships first.",
    "**Keith Ferrazzi. *Never Eat Alone.*** Spelled another way.",
    "**Adam Grant. *Give and Take*.** Givers and takers.",
    "[book:grant-give]",
    "[book:no-such-book]",
)
ASSESSMENTS = ("Where are you now?", "Self check", "Where are you now?")


@dataclasses.dataclass
class PageModel:
    headings: list[str]
    links: list[tuple[str, str]]  # (target page, anchor or '')
    tags: list[str]
    assessment: str | None
    books: list[str]


@dataclasses.dataclass
class SiteModel:
    pages: dict[str, PageModel]
    min_tags: int = 0
    ignore: list[str] = dataclasses.field(default_factory=list)
    severity: dict[str, str] = dataclasses.field(default_factory=dict)
    taxonomy_extra: str = ""
    books_extra: str = ""
    snippet_id: str = "shared-note"
    separator: str = "-"
    aliases: str = "[network]"


def slug(heading: str) -> str:
    return heading.lower().replace(" ", "-")  # as the default toc separator makes it


def page_text(name: str, page: PageModel) -> str:
    out = []
    if page.tags:
        out += ["---", "tags:", *[f"  - {t}" for t in page.tags], "---", ""]
    out += [f"# {name.removesuffix('.md').replace('/', ' ').title()}", ""]
    for heading in page.headings:
        out += [f"## {heading}", "", "Some prose.", ""]
    for target, anchor in page.links:
        rel = os.path.relpath(target, os.path.dirname(name) or ".").replace(os.sep, "/")
        out += [f"See [{target}]({rel}{'#' + anchor if anchor else ''}).", ""]
    if page.assessment:
        out += [f'!!! question "{page.assessment}"', "    - [ ] I can do this", ""]
    if page.books:
        out += ["## Further Reading", "", *[f"- {b}" for b in page.books], ""]
    return "\n".join(out)


def write(root: Path, site: SiteModel) -> Path:
    docs = root / "docs"
    for path in docs.rglob("*.md"):
        if str(path.relative_to(docs)).replace(os.sep, "/") not in site.pages:
            path.unlink()
    for name, page in site.pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page_text(name, page)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    (docs / "guide").mkdir(exist_ok=True)
    (docs / "guide" / ".meta.yml").write_text("tags:\n  - leadership\n", encoding="utf-8")
    (root / "taxonomy.yml").write_text(
        f"tags:\n  networking:\n    aliases: {site.aliases}\n  leadership: Leading.\n"
        "  influence: Influence.\n  influence-without-authority:\n    deprecated: influence\n"
        + site.taxonomy_extra,
        encoding="utf-8",
    )
    (root / "books.yml").write_text(
        "grant-give:\n  author: Adam Grant\n  title: Give and Take\n" + site.books_extra,
        encoding="utf-8",
    )
    (root / "snippets").mkdir(exist_ok=True)
    (root / "snippets" / "note.md").write_text(
        f'<span id="{site.snippet_id}"></span>\n', encoding="utf-8"
    )
    careerkit: dict[str, Any] = {
        "tags": {"taxonomy": "taxonomy.yml", "min_tags": site.min_tags},
        "reading": {"books": "books.yml"},
        "xref": {"ignore": site.ignore},
    }
    if site.severity:
        careerkit["severity"] = site.severity
    config = {
        "site_name": "Cache",
        "theme": {"name": "material"},
        "plugins": ["meta", "tags", {"careerkit": careerkit}],
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            "pymdownx.tasklist",
            {"pymdownx.snippets": {"base_path": ["snippets"], "auto_append": ["note.md"]}},
            {"toc": {"separator": site.separator}},
        ],
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def run(config_file: Path, cache_file: str | None) -> tuple[list[Finding], list[PageLink]]:
    links: list[PageLink] = []
    found = check_site(load_config(str(config_file)), links=links, cache_file=cache_file)
    return found, links


def start() -> SiteModel:
    return SiteModel(
        {
            "index.md": PageModel(["Overview"], [("guide/a.md", "overview")], [], None, []),
            "guide/a.md": PageModel(
                ["Overview", "Next Steps"],
                [("guide/b.md", "common-mistakes"), ("index.md", "")],
                ["networking"],
                "Where are you now?",
                [BOOKS[0]],
            ),
            "guide/b.md": PageModel(
                ["Common Mistakes"],
                [("guide/a.md", "shared-note")],
                ["network", "leadership"],
                None,
                [BOOKS[2]],
            ),
        }
    )


# Edits: (kind, page index, choice index, word)
EDITS = st.tuples(
    st.sampled_from(
        (
            "rename-heading",
            "drop-heading",
            "delete-page",
            "add-page",
            "link",
            "tag",
            "assessment",
            "book",
            "config",
            "taxonomy",
            "books-file",
            "snippet",
        )
    ),
    st.integers(0, 20),
    st.integers(0, 20),
    st.sampled_from(("Overview", "Deep Dive", "Next Steps", "Common Mistakes")),
)


def apply(site: SiteModel, edit: tuple[str, int, int, str]) -> None:
    kind, i, j, word = edit
    names = sorted(site.pages)
    page = site.pages[names[i % len(names)]]
    other = names[j % len(names)]
    if kind == "rename-heading":
        if page.headings:
            page.headings[j % len(page.headings)] = word
        else:
            page.headings.append(word)
    elif kind == "drop-heading":
        if page.headings:
            page.headings.pop(j % len(page.headings))
    elif kind == "delete-page":
        if len(names) > 1:
            del site.pages[names[i % len(names)]]
    elif kind == "add-page":
        name = f"{'guide/' if j % 2 else ''}new-{i}.md"
        site.pages[name] = PageModel([word], [(other, slug(word))], [TAGS[j % len(TAGS)]], None, [])
    elif kind == "link":
        anchors = ["", slug(word), "shared-note", "no-such-anchor"]
        link = (other if j % 5 else "gone.md", anchors[i % len(anchors)])
        if page.links and i % 3:
            page.links[i % len(page.links)] = link
        else:
            page.links.append(link)
    elif kind == "tag":
        if page.tags and j % 3 == 0:
            page.tags.pop()
        else:
            page.tags.append(TAGS[j % len(TAGS)])
    elif kind == "assessment":
        page.assessment = (None, *ASSESSMENTS)[j % (len(ASSESSMENTS) + 1)]
    elif kind == "book":
        if page.books and j % 3 == 0:
            page.books.pop()
        else:
            page.books.append(BOOKS[j % len(BOOKS)])
    elif kind == "config":
        choice = j % 5
        if choice == 0:
            site.min_tags = 2 - site.min_tags
        elif choice == 4:
            site.separator = "_" if site.separator == "-" else "-"
        elif choice == 1:
            site.ignore = [] if site.ignore else ["gone.md"]
        elif choice == 2:
            site.severity = {} if site.severity else {"xref.missing-anchor": "warn"}
        else:
            site.severity = {} if site.severity else {"tags.unknown": "ignore"}
    elif kind == "taxonomy":
        site.taxonomy_extra = "" if site.taxonomy_extra else "  made-up: Now known.\n"
        site.aliases = "[]" if site.aliases != "[]" else "[network]"
    elif kind == "books-file":
        site.books_extra = (
            "" if site.books_extra else "no-such-book:\n  author: A. Person\n  title: A Book\n"
        )
    elif kind == "snippet":
        site.snippet_id = "shared-note" if site.snippet_id != "shared-note" else "other-note"


@settings(
    max_examples=int(os.environ.get("CAREERKIT_CACHE_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits=st.lists(EDITS, min_size=1, max_size=6))
def test_cached_run_reports_exactly_what_a_full_run_reports(
    edits: list[tuple[str, int, int, str]],
) -> None:
    site = start()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cache_file = str(root / cache.DIRNAME / cache.FILENAME)
        config_file = write(root, site)
        assert run(config_file, cache_file) == run(config_file, None)
        for edit in edits:
            apply(site, edit)
            config_file = write(root, site)
            full = run(config_file, None)
            cached = run(config_file, cache_file)
            assert cached == full, edit
        # And the cache was really used: a run that changes nothing reads no page afresh.
        hits = _counting(config_file, cache_file)
        assert hits == (len(site.pages), 0)


def _counting(config_file: Path, cache_file: str) -> tuple[int, int]:
    """(pages from the cache, pages read afresh) in one cached run."""
    seen: list[cache.PageCache] = []
    original = cache.PageCache.save

    def save(self: cache.PageCache) -> None:
        seen.append(self)
        original(self)

    cache.PageCache.save = save  # type: ignore[method-assign]
    try:
        run(config_file, cache_file)
    finally:
        cache.PageCache.save = original  # type: ignore[method-assign]
    return seen[0].hits, seen[0].misses


def test_the_start_site_has_findings_of_every_kind(tmp_path: Path) -> None:
    """The property test starts from a site where the cached parts matter."""
    site = start()
    site.pages["guide/b.md"].links.append(("guide/a.md", "no-such-anchor"))
    site.pages["guide/b.md"].tags.append("made-up")
    site.pages["guide/b.md"].assessment = "Where are you now?"
    site.pages["guide/b.md"].books.append(BOOKS[1])
    found, _ = run(write(tmp_path, site), None)
    codes = {f.code for f in found}
    assert {"xref.missing-anchor", "tags.unknown", "assessment.id-reused"} <= codes, codes
    assert any(c.startswith("reading.") for c in codes), codes


def test_reused_assessment_id_names_the_page_that_used_it_first(tmp_path: Path) -> None:
    site = start()
    site.pages["guide/b.md"].assessment = "Where are you now?"
    config_file = write(tmp_path, site)
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    for cached in (None, cache_file, cache_file):
        reused = [f for f in run(config_file, cached)[0] if f.code == "assessment.id-reused"]
        assert [(f.file, f.message.split("'")[3]) for f in reused] == [("guide/b.md", "guide/a.md")]


def test_a_damaged_cache_is_rebuilt_silently(tmp_path: Path) -> None:
    config_file = write(tmp_path, start())
    full = run(config_file, None)
    cache_file = tmp_path / "c" / cache.FILENAME
    cache_file.parent.mkdir()
    for junk in (
        b"",
        b"not a pickle at all",
        pickle.dumps({"magic": "something else"}),
        pickle.dumps(("a", "tuple")),
        # A pickle that would run code: refused before it runs.
        b"cos\nsystem\n(S'touch " + str(tmp_path / "pwned").encode() + b"'\ntR.",
    ):
        cache_file.write_bytes(junk)
        assert run(config_file, str(cache_file)) == full
        assert not (tmp_path / "pwned").exists()
    # Truncated halfway through a real one.
    whole = cache_file.read_bytes()
    cache_file.write_bytes(whole[: len(whole) // 2])
    assert run(config_file, str(cache_file)) == full
    assert _counting(config_file, str(cache_file)) == (3, 0)  # rebuilt, and used again


def test_an_older_format_is_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config_file = write(tmp_path, start())
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    run(config_file, cache_file)
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert _counting(config_file, cache_file) == (0, 3)


def _tamper(cache_file: str, src: str, records_from: str | None = None) -> None:
    """Replace ``src``'s cached record by another page's (from ``records_from``, by default the
    same file), under ``src``'s own content hash: a run that trusts the record then reports the
    other page's facts."""
    with open(cache_file, "rb") as f:
        data = pickle.load(f)
    with open(records_from or cache_file, "rb") as f:
        records = pickle.load(f)["records"]
    other = next(k for k in records if k != src)
    data["records"][src] = (data["records"][src][0], records[other][1])
    with open(cache_file, "wb") as f:
        pickle.dump(data, f)


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "mkdocs.yml").write_text(
            (root / "mkdocs.yml").read_text(encoding="utf-8").replace("min_tags: 0", "min_tags: 1"),
            encoding="utf-8",
        ),
        lambda root: (root / "taxonomy.yml").write_text("tags:\n  networking: N.\n"),
        lambda root: (root / "snippets" / "note.md").write_text('<span id="changed"></span>\n'),
        lambda root: (root / "docs" / "guide" / ".meta.yml").write_text("tags: [networking]\n"),
    ],
    ids=["config", "taxonomy", "snippet", "meta-file"],
)
def test_what_pages_depend_on_invalidates_every_record(tmp_path: Path, change: Any) -> None:
    """Shown by tampering with the cache: after the change, no cached record is used."""
    config_file = write(tmp_path, start())
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    run(config_file, cache_file)
    _tamper(cache_file, "guide/a.md")
    assert run(config_file, cache_file) != run(config_file, None)  # the tampered one is used
    change(tmp_path)
    assert _counting(config_file, cache_file) == (0, 3)
    assert run(config_file, cache_file) == run(config_file, None)


def test_snippet_included_by_name_is_a_dependency(tmp_path: Path) -> None:
    site = start()
    config_file = write(tmp_path, site)
    (tmp_path / "snippets" / "part.md").write_text('<span id="part"></span>\n', encoding="utf-8")
    page = tmp_path / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "part.md"\n\n[p](#part)\n')
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    assert not [f for f in run(config_file, cache_file)[0] if f.code.startswith("xref.")]
    (tmp_path / "snippets" / "part.md").write_text('<span id="renamed"></span>\n')
    found = run(config_file, cache_file)
    assert found == run(config_file, None)
    assert [(f.file, f.code) for f in found[0] if f.code.startswith("xref.")] == [
        ("index.md", "xref.missing-anchor")
    ]


def test_unwritable_cache_folder_still_checks(tmp_path: Path) -> None:
    config_file = write(tmp_path, start())
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    assert run(config_file, str(blocker / cache.FILENAME)) == run(config_file, None)


def test_concurrent_writers_leave_a_whole_cache(tmp_path: Path) -> None:
    """Two runs saving at once: the file is one of the two, complete, and no temp files stay."""
    import threading

    config_file = write(tmp_path, start())
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    full = run(config_file, None)
    results: list[Any] = []
    threads = [
        threading.Thread(target=lambda: results.append(run(config_file, cache_file)))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [full] * 4
    assert sorted(os.listdir(os.path.dirname(cache_file))) == [".gitignore", cache.FILENAME]
    assert _counting(config_file, cache_file) == (3, 0)


def test_stable_key_text_has_no_addresses() -> None:
    class Thing:
        def __init__(self) -> None:
            self.value = [1, {"a": print}]

    assert cache.stable(Thing()) == cache.stable(Thing())
    assert "0x" not in cache.stable(Thing())
    assert cache.stable({"a": 1}) != cache.stable({"a": 2})


def test_other_careerkit_code_drops_every_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editable install edited since the last run (or a library upgraded) reads every page
    afresh: the records were made by other code."""
    from mkdocs_careerkit import sitecheck

    config_file = write(tmp_path, start())
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    run(config_file, cache_file)
    assert _counting(config_file, cache_file) == (3, 0)
    monkeypatch.setattr(sitecheck, "code_stamp", lambda: "other code")
    assert _counting(config_file, cache_file) == (0, 3)


def test_theme_listing_adds_the_files_mkdocs_adds(tmp_path: Path) -> None:
    """sitecheck.ThemeListing skips hidden folders; MkDocs' filter drops them anyway: the theme
    files a check knows are those of a build, for Material and a custom_dir with dot files."""
    from mkdocs.structure.files import get_files

    from mkdocs_careerkit.sitecheck import ThemeListing

    custom = tmp_path / "overrides"
    for name in ("main.html", "assets/extra.css", ".hidden/x.css", "img/.dot.png", "logo.svg"):
        (custom / name).parent.mkdir(parents=True, exist_ok=True)
        (custom / name).write_text("x", encoding="utf-8")
    write_site(
        tmp_path,
        {"index.md": "# Home\n", "logo.svg": "<svg/>"},
        {"theme": {"name": "material", "custom_dir": "overrides"}},
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    theirs, ours = get_files(config), get_files(config)
    theirs.add_files_from_theme(config.theme.get_env(), config)
    ours.add_files_from_theme(cast(Any, ThemeListing(config.theme.dirs)), config)
    listed = [(f.src_uri, f.abs_src_path, f.url) for f in ours]
    assert listed == [(f.src_uri, f.abs_src_path, f.url) for f in theirs]
    assert "assets/extra.css" in {f.src_uri for f in ours}


def test_a_few_changed_pages_go_to_the_recent_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pre-commit run writes only the pages it re-read, next to the main file, which stays as
    it was; later runs use both; past the limit, one main file again."""
    site = start()
    config_file = write(tmp_path, site)
    cache_file = tmp_path / "c" / cache.FILENAME
    recent = Path(str(cache_file) + cache.RECENT_SUFFIX)
    run(config_file, str(cache_file))
    main = cache_file.read_bytes()
    site.pages["guide/a.md"].headings.append("Deep Dive")
    config_file = write(tmp_path, site)
    assert run(config_file, str(cache_file)) == run(config_file, None)
    assert cache_file.read_bytes() == main and recent.exists()
    assert _counting(config_file, str(cache_file)) == (3, 0)
    # The recent record is the one used: tampered with, it shows.
    _tamper(str(recent), "guide/a.md", str(cache_file))
    assert run(config_file, str(cache_file)) != run(config_file, None)
    # A main file written since (another run, another token) makes the recent file stale.
    recent_bytes = recent.read_bytes()
    cache_file.unlink()
    run(config_file, str(cache_file))
    recent.write_bytes(recent_bytes)
    assert _counting(config_file, str(cache_file)) == (3, 0)
    assert run(config_file, str(cache_file)) == run(config_file, None)
    # More changed pages than the recent file holds: the main file is written again.
    monkeypatch.setattr(cache, "_RECENT_PAGES", 1)
    site.pages["guide/a.md"].headings.append("Next Steps")
    site.pages["guide/b.md"].headings.append("Overview")
    config_file = write(tmp_path, site)
    assert run(config_file, str(cache_file)) == run(config_file, None)
    assert not recent.exists()
    assert _counting(config_file, str(cache_file)) == (3, 0)


def test_recent_file_is_dropped_with_the_configuration(tmp_path: Path) -> None:
    site = start()
    config_file = write(tmp_path, site)
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    run(config_file, cache_file)
    site.pages["guide/b.md"].headings.append("Deep Dive")
    config_file = write(tmp_path, site)
    run(config_file, cache_file)
    assert os.path.exists(cache_file + cache.RECENT_SUFFIX)
    _tamper(cache_file + cache.RECENT_SUFFIX, "guide/b.md", cache_file)
    assert run(config_file, cache_file) != run(config_file, None)
    site.min_tags = 2
    config_file = write(tmp_path, site)
    assert _counting(config_file, cache_file) == (0, 3)
    assert run(config_file, cache_file) == run(config_file, None)


def _link_checked(config_file: Path, cache_file: str | None) -> tuple[Any, list[str]]:
    """A run's findings and links, and the pages whose links it checked (not taken from the
    cache)."""
    from mkdocs_careerkit.xref import check

    checked: list[str] = []
    original = check._Checker.check_page

    def check_page(self: Any, src: str, facts: Any) -> Any:
        checked.append(src)
        return original(self, src, facts)

    check._Checker.check_page = check_page  # type: ignore[method-assign]
    try:
        return run(config_file, cache_file), checked
    finally:
        check._Checker.check_page = original  # type: ignore[method-assign]


def test_link_results_are_reused_only_while_what_they_read_is_unchanged(tmp_path: Path) -> None:
    """A page whose links changed is checked again alone; an anchor removed from a page (or a
    page deleted, the config changed) has every page checked again; always as a full run."""
    site = start()
    site.pages["guide/b.md"].links.append(("index.md", "overview"))
    config_file = write(tmp_path, site)
    cache_file = str(tmp_path / "c" / cache.FILENAME)
    assert sorted(_link_checked(config_file, cache_file)[1]) == sorted(site.pages)
    assert _link_checked(config_file, cache_file)[1] == []  # nothing changed
    # Another link on a.md: only a.md's links are checked again.
    site.pages["guide/a.md"].links.append(("guide/b.md", "no-such-anchor"))
    config_file = write(tmp_path, site)
    found, checked = _link_checked(config_file, cache_file)
    assert checked == ["guide/a.md"]
    assert found == run(config_file, None)
    # index.md loses the heading b.md links to: every page's links again, and b.md's broken.
    site.pages["index.md"].headings = ["Something Else"]
    config_file = write(tmp_path, site)
    found, checked = _link_checked(config_file, cache_file)
    assert sorted(checked) == sorted(site.pages)
    assert found == run(config_file, None)
    assert ("guide/b.md", "xref.missing-anchor") in {(f.file, f.code) for f in found[0]}
    # Prose only, on a page others link to: that page alone.
    page = tmp_path / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore prose.\n", encoding="utf-8")
    found, checked = _link_checked(config_file, cache_file)
    assert checked == ["index.md"]
    assert found == run(config_file, None)
    # A page deleted: every page again (the site's files changed), and links to it broken.
    del site.pages["guide/b.md"]
    config_file = write(tmp_path, site)
    found, checked = _link_checked(config_file, cache_file)
    assert sorted(checked) == sorted(site.pages)
    assert found == run(config_file, None)
    # The config: every page again.
    site.ignore = ["gone.md"]
    config_file = write(tmp_path, site)
    found, checked = _link_checked(config_file, cache_file)
    assert sorted(checked) == sorted(site.pages)
    assert found == run(config_file, None)


def test_theme_custom_dir_changes_what_the_cached_check_finds(tmp_path: Path) -> None:
    """An id the theme's templates add (custom_dir) is known to the cached check as soon as it
    is there, and missed as soon as it is gone, as in a full run."""
    site = start()
    site.pages["guide/a.md"].links.append(("index.md", "custom-banner"))
    config_file = write(tmp_path, site)
    text = config_file.read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n"
    )
    assert "custom_dir" in text
    config_file.write_text(text, encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    cache_file = str(tmp_path / "c" / cache.FILENAME)

    def missing() -> list[str]:
        from mkdocs_careerkit.sources import theme_ids

        theme_ids.cache_clear()  # remembered per process; each check is a new one
        cached, full = run(config_file, cache_file), run(config_file, None)
        assert cached == full
        return [f.file for f in cached[0] if f.code == "xref.missing-anchor"]

    assert missing() == ["guide/a.md"]
    template = '{% extends "base.html" %}\n{% block announce %}<div id="custom-banner"></div>'
    (tmp_path / "overrides" / "main.html").write_text(template + "{% endblock %}\n")
    assert missing() == []
    (tmp_path / "overrides" / "main.html").unlink()
    assert missing() == ["guide/a.md"]
