"""check_links: one table row per finding code and per kind of suggestion."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref.check import (
    Inclusion,
    PageFacts,
    SiteInfo,
    XrefOptions,
    check_links,
    malformed_url,
)
from mkdocs_careerkit.xref.scan import scan_page

TARGETS = {
    "index.md": "# Home\n",
    "pd/mentorship.md": "# Mentorship\n\n## Finding a Mentor\n\n## Notes\n\n## Notes\n",
    "pd/networking.md": "# Networking\n\n## Events\n",
    "lead/feedback.md": "# Feedback\n\n## Delivering\n",
    "lead/index.md": "# Leadership\n",
    "extras/glossary.md": "# Glossary\n",
}
OTHER_FILES: dict[str, Inclusion] = {
    "img/logo.png": "included",
    "drafts/next.md": "draft",
    "private/secret.md": "excluded",
}


def run(
    page_text: str,
    *,
    page: str = "lead/feedback.md",
    nav: list[str] | None = None,
    options: XrefOptions | None = None,
    extra: dict[str, str] | None = None,
    urls: bool = False,
) -> list[Finding]:
    texts = {**TARGETS, **(extra or {}), page: page_text}
    pages = {}
    for src, text in texts.items():
        scan = scan_page(text)
        pages[src] = PageFacts(src, scan, scan.anchors)
    files: dict[str, Inclusion] = {src: "included" for src in texts}
    files.update(OTHER_FILES)
    files["extras/glossary.md"] = "not_in_nav"
    site = SiteInfo(
        files,
        frozenset(nav) if nav is not None else None,
        {src: directory_url(src) for src in files} if urls else {},
    )
    return sorted(check_links(pages, site, options), key=lambda f: (f.file, f.line, f.column))


def directory_url(src: str) -> str:
    """MkDocs' File.url with use_directory_urls."""
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    if stem == "index":
        return "./"
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/").lstrip("/")


def only(page_text: str, **kw: Any) -> tuple[str, str, str]:
    """The one finding on the checked page: (code, message, suggestion)."""
    found = [f for f in run(page_text, **kw) if f.file == kw.get("page", "lead/feedback.md")]
    assert len(found) == 1, found
    f = found[0]
    assert f.severity == CODES[f.code].severity
    return f.code, f.message, f.suggestion


@pytest.mark.parametrize(
    ("link", "code", "suggestion"),
    [
        # xref.missing-page and its suggestions
        ("../pd/mentorshp.md", "xref.missing-page", "did you mean '../pd/mentorship.md'?"),
        ("mentorship.md", "xref.missing-page", "did you mean '../pd/mentorship.md'?"),  # folder
        ("pd/networking.md", "xref.missing-page", "did you mean '../pd/networking.md'?"),  # depth
        ("../pd/networking", "xref.missing-page", "did you mean '../pd/networking.md'?"),  # no .md
        ("../pd/networking/", "xref.missing-page", "did you mean '../pd/networking.md'?"),
        ("../pd/unrelated-topic.md", "xref.missing-page", ""),
        ("../lead/", "xref.missing-page", "link the page itself: 'index.md'"),
        ("../img/logo.svg", "xref.missing-page", "did you mean '../img/logo.png'?"),
        # xref.case-mismatch
        ("../pd/Mentorship.md", "xref.case-mismatch", "write '../pd/mentorship.md'"),
        ("../PD/mentorship.md", "xref.case-mismatch", "write '../pd/mentorship.md'"),
        # xref.missing-anchor, closest real anchor
        (
            "../pd/mentorship.md#finding-a-mentr",
            "xref.missing-anchor",
            "did you mean '#finding-a-mentor'?",
        ),
        ("../pd/mentorship.md#notes-1", "xref.missing-anchor", "did you mean '#notes_1'?"),
        ("../pd/mentorship.md#Notes", "xref.missing-anchor", "did you mean '#notes'?"),
        ("#deliverng", "xref.missing-anchor", "did you mean '#delivering'?"),
        ("feedback.md#zzz", "xref.missing-anchor", ""),
        # xref.unpublished-page
        ("../drafts/next.md", "xref.unpublished-page", "publish the page or remove the link"),
        ("../private/secret.md", "xref.unpublished-page", "publish the page or remove the link"),
        # xref.outside-docs, with the path that exists when the extra ../ is dropped
        ("../../pd/mentorship.md", "xref.outside-docs", "did you mean '../pd/mentorship.md'?"),
        (
            "../../../nowhere.md",
            "xref.outside-docs",
            "remove one '../' or link to the published URL",
        ),
        # xref.absolute-link
        (
            "/pd/mentorship.md",
            "xref.absolute-md-link",
            "use the relative link '../pd/mentorship.md'",
        ),
        (
            "/pd/mentorship/",
            "xref.absolute-link",
            "use a relative link such as '../pd/mentorship.md'",
        ),
        ("/", "xref.absolute-link", "use a relative link such as '../index.md'"),
        # xref.html-link
        ("../pd/mentorship.html", "xref.html-link", "link the source: '../pd/mentorship.md'"),
        ("../pd/mentorship/index.html", "xref.html-link", "link the source: '../pd/mentorship.md'"),
        ("index.html", "xref.html-link", "link the source: 'index.md'"),
        # xref.malformed-url
        ("https:/example.com", "xref.malformed-url", "write it as https://host/path"),
        # xref.space-in-link (the link itself resolves)
        (
            "../pd/my notes.md",
            "xref.space-in-link",
            "write '../pd/my%20notes.md' or wrap it in <...>",
        ),
        # A broken link with a space is reported once, as broken.
        ("../pd/no such file.md", "xref.missing-page", ""),
    ],
)
def test_each_code_and_suggestion(link: str, code: str, suggestion: str) -> None:
    extra = {"pd/my notes.md": "# My Notes\n"}
    found_code, message, found_suggestion = only(
        f"# Feedback\n\n## Delivering\n\nSee [it]({link}).\n", extra=extra
    )
    assert (found_code, found_suggestion) == (code, suggestion)
    assert link.split("#")[0] in message or code in ("xref.missing-anchor", "xref.malformed-url")


@pytest.mark.parametrize(
    "link",
    [
        "../pd/mentorship.md",
        "../pd/mentorship.md#notes_1",
        "#delivering",
        "feedback.md",
        "../extras/glossary.md",  # not_in_nav is published
        "../img/logo.png",
        "../img/logo.png#anything",  # anchors are only checked on pages
        "../pd/my%20notes.md",
        "<../pd/my notes.md>",
        "../pd/mentorship.md?x=1#notes",
        "?query-only",
        "#",
        "https://example.com/a#b",
        "mailto:someone@example.com",
        "tel:+15551234",
        "ftp://files.example.com/x",
        "file:///etc/hosts",
        "git://example.com/repo.git",
        "//cdn.example.com/x.js",
        "/api/v1/",  # an absolute path that is none of the site's pages: served elsewhere
    ],
)
def test_valid_links_give_nothing(link: str) -> None:
    extra = {"pd/my notes.md": "# My Notes\n"}
    assert run(f"# Feedback\n\n## Delivering\n\n[it]({link})\n", extra=extra) == []


def test_missing_reference_and_defined_reference() -> None:
    found = run("# F\n\n[a][nope] and [b][ok]\n\n[ok]: ../pd/mentorship.md\n")
    assert [(f.code, f.line, f.column, f.message) for f in found] == [
        ("xref.missing-reference", 3, 1, "reference link '[nope]' has no definition")
    ]


def test_broken_definition_is_reported_once_where_it_is_written() -> None:
    found = run("# F\n\n[a][r] and [b][r] and [r]\n\n[r]: gone.md\n")
    assert [(f.code, f.line, f.column) for f in found] == [("xref.missing-page", 5, 1)]


def test_absolute_link_to_a_missing_page_suggests_only_what_exists() -> None:
    found = run("# F\n\n[x](/pd/gone.md) [y](/pd/mentorshp.md)\n")
    assert [(f.code, f.suggestion) for f in found] == [
        ("xref.absolute-md-link", "link the page with a relative path"),
        ("xref.absolute-md-link", "did you mean '../pd/mentorship.md'?"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https:/example.com",
        "https:example.com",
        "http//example.com",
        "htps://example.com",
        "htttp://example.com",
        "https://",
        "https://exa mple.com",
        "https://example..com",
        "https://.example.com",
        "http://[::1/",
        "www.example.com",
        "mailto:nobody",
    ],
)
def test_malformed_urls(url: str) -> None:
    assert malformed_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com",
        "http://localhost:8000/x",
        "https://user@example.com/",
        "http://[::1]/",
        "mailto:a@b.org",
        "ftp://x.org",
        "file:///x",
        "ssh://git@host/repo",
        "page.md",
        "../www/page.md",
        "C:/docs/page.md",
    ],
)
def test_well_formed_urls(url: str) -> None:
    assert not malformed_url(url)


def test_orphans_only_with_nav_and_only_included_pages() -> None:
    nav = ["index.md", "lead/feedback.md", "pd/mentorship.md"]
    found = run("# F\n\n[n](../pd/networking.md)\n", nav=nav, extra={"pd/old.md": "# Old\n"})
    orphans = [(f.file, f.line, f.column) for f in found if f.code == "xref.orphan-page"]
    # networking is linked, glossary is not_in_nav, index.md is the home page, old.md is alone;
    # lead/index.md is a section index that neither nav nor any page mentions.
    assert orphans == [("lead/index.md", 1, 1), ("pd/old.md", 1, 1)]
    assert not [f for f in run("# F\n", extra={"pd/old.md": "# Old\n"}) if "orphan" in f.code]


def test_a_page_linking_to_itself_does_not_save_it_from_being_an_orphan() -> None:
    found = run("# F\n", nav=["index.md"], extra={"pd/old.md": "# Old\n\n[me](old.md)\n"})
    assert ("pd/old.md", "xref.orphan-page") in [(f.file, f.code) for f in found]


NAV_PAGE = """\
# F

## Delivering

## Cross-Reference Navigation

{links}

## Further Reading

[Outside the section](../pd/mentorship.md)
"""


@pytest.mark.parametrize(
    ("links", "minimum", "count"),
    [
        ("", 1, 0),
        ("- [Broken](gone.md)", 1, 0),
        ("- [Ref][r]\n\n[r]: gone.md", 1, 0),  # a reference counts as its definition
        ("- [One](../pd/mentorship.md)", 2, 1),
        ("- [Anchor](../pd/mentorship.md#nope)", 1, 0),
    ],
)
def test_thin_nav_section(links: str, minimum: int, count: int) -> None:
    options = XrefOptions(nav_section_min_links=minimum)
    found = [f for f in run(NAV_PAGE.format(links=links), options=options) if "thin" in f.code]
    assert [(f.line, f.column, f.message) for f in found] == [
        (
            5,
            1,
            f"section 'Cross-Reference Navigation' has {count} valid link(s), fewer than {minimum}",
        )
    ]


@pytest.mark.parametrize(
    "links",
    [
        "- [One](../pd/mentorship.md)",
        "- [Ref][r]\n\n[r]: ../pd/mentorship.md",
        "- [Self](#delivering)",
        "- [Shortcut]\n\n[shortcut]: ../index.md",
    ],
)
def test_nav_section_with_enough_links(links: str) -> None:
    assert not [f for f in run(NAV_PAGE.format(links=links)) if "thin" in f.code]


def test_nav_section_heading_is_configurable_and_case_insensitive() -> None:
    options = XrefOptions(nav_section="see also")
    found = run("# F\n\n## See Also\n\n## Next\n\n[x](../index.md)\n", options=options)
    assert [(f.code, f.line) for f in found] == [("xref.thin-nav-section", 3)]


@pytest.mark.parametrize(
    ("pattern", "link"),
    [
        ("gone/*", "gone/page.md"),
        ("lead/gone.md", "gone.md"),  # the resolved docs path
        ("pd/mentorship.md#legacy-*", "../pd/mentorship.md#legacy-notes"),
        ("https:/intranet/*", "https:/intranet/x"),  # ignored before any check
    ],
)
def test_ignore_globs(pattern: str, link: str) -> None:
    assert run(f"# F\n\n[x]({link})\n", options=XrefOptions(ignore=(pattern,))) == []


def test_every_finding_points_at_its_link() -> None:
    text = "# F\n\n!!! note\n\n    | a | [x](gone.md) |\n\n- a\n    - [y](../pd/Mentorship.md)\n"
    found = run(text)
    assert [(f.line, f.column, f.code) for f in found] == [
        (5, 11, "xref.missing-page"),
        (8, 7, "xref.case-mismatch"),
    ]


@pytest.mark.parametrize(
    ("href", "code", "suggestion"),
    [
        # Resolved as the browser does, from the page's URL lead/feedback/.
        ("../../pd/networking/", None, ""),
        ("../../pd/networking/#events", None, ""),
        ("../../pd/networking/index.html", None, ""),
        ("../", None, ""),  # lead/index.md
        ("../../", None, ""),  # the home page
        ("../../img/logo.png", None, ""),
        ("../../pd/networking/#event", "xref.missing-anchor", "did you mean '#events'?"),
        ("../../pd/networkin/", "xref.missing-page", "did you mean '../../pd/networking/'?"),
        # Right from the source file, wrong from the page's URL.
        ("../pd/networking/", "xref.missing-page", "did you mean '../../pd/networking/'?"),
        ("../../../up/", "xref.outside-docs", "remove one '../'"),
        ("../../drafts/next/", "xref.unpublished-page", "publish the page or remove the link"),
        (
            "../pd/networking.md#events",
            "xref.raw-html-md-link",
            "write it as a Markdown link, [text](../pd/networking.md#events), "
            "or link the page's URL '../../pd/networking/#events'",
        ),
    ],
)
def test_raw_html_links_resolve_against_the_page_url(
    href: str, code: str | None, suggestion: str
) -> None:
    text = f'# Feedback\n\n## Delivering\n\n<p><a href="{href}">x</a></p>\n'
    found = [f for f in run(text, urls=True) if f.file == "lead/feedback.md"]
    if code is None:
        assert found == []
    else:
        assert [(f.code, f.suggestion) for f in found] == [(code, suggestion)]


# --- Messages that say what is really wrong, and suggest only what exists -------------------


def test_a_folder_without_an_index_says_so_and_suggests_the_parent_page() -> None:
    found = run("# F\n\n[x](../pd/)\n", extra={"pd.md": "# PD\n"})
    [f] = found
    assert f.message == "link '../pd/' points at the folder 'pd', which has no index page"
    assert f.suggestion == "link the page '../pd.md', or add 'pd/index.md'"


def test_a_folder_without_an_index_or_parent_page() -> None:
    [f] = run("# F\n\n[x](../pd/)\n", page="lead/feedback.md")
    assert f.suggestion == "link the page '../index.md', or add 'pd/index.md'"


def test_a_label_defined_on_another_page_says_where() -> None:
    found = run(
        "# F\n\n[x][glossary]\n",
        extra={"pd/networking.md": "# Networking\n\n## Events\n\n[glossary]: ../index.md\n"},
    )
    [f] = [f for f in found if f.code == "xref.missing-reference"]
    assert f.suggestion.startswith(
        "'[glossary]' is defined in 'pd/networking.md', but a definition applies only to its "
        "own page"
    )


def test_a_close_label_is_suggested() -> None:
    found = run("# F\n\n[x][mentorhsip]\n\n[mentorship]: ../pd/mentorship.md\n")
    [f] = [f for f in found if f.code == "xref.missing-reference"]
    assert f.suggestion == "did you mean '[mentorship]'?"


@pytest.mark.parametrize(
    ("anchor", "suggestion"),
    [
        ("#finding-a-mentr", "did you mean '#finding-a-mentor'?"),  # a typo in the slug
        ("#a-mentor-finding", ""),  # same words, other order: not close enough to guess
        ("#no-such-heading", ""),  # nothing alike: no guess at all
    ],
)
def test_anchor_suggestions_only_when_close(anchor: str, suggestion: str) -> None:
    [f] = run(f"# F\n\n[x](../pd/mentorship.md{anchor})\n")
    assert (f.code, f.suggestion) == ("xref.missing-anchor", suggestion)


def test_footnotes_are_called_footnotes() -> None:
    found = run("# F\n\nText[^1] and [schema.json][^1] and [^gone].\n\n[^1]: A note.\n")
    assert [(f.code, f.line, f.column, f.message) for f in found] == [
        ("xref.missing-footnote", 3, 36, "footnote '[^gone]' has no definition")
    ]


def test_unused_or_overridden_broken_definitions_are_warnings() -> None:
    found = run("# F\n\n[x][dup]\n\n[unused]: gone.md\n[dup]: also-gone.md\n[dup]: ../index.md\n")
    assert [(f.code, f.severity, f.line, f.message) for f in found] == [
        (
            "xref.unused-definition",
            "warn",
            5,
            "definition '[unused]' is never used and points nowhere: link 'gone.md': no such "
            "file 'lead/gone.md'",
        ),
        (
            "xref.unused-definition",
            "warn",
            6,
            "definition '[dup]' is overridden by a later definition of the label and points "
            "nowhere: link 'also-gone.md': no such file 'lead/also-gone.md'",
        ),
    ]


def test_absolute_md_links_resolve_when_mkdocs_is_told_so() -> None:
    texts = {"index.md": "# Home\n\n[a](/pd/networking.md#events) [b](/pd/gone.md)\n"}
    texts["pd/networking.md"] = TARGETS["pd/networking.md"]
    pages = {src: PageFacts(src, scan_page(t), scan_page(t).anchors) for src, t in texts.items()}
    files: dict[str, Inclusion] = dict.fromkeys(texts, "included")
    plain = check_links(pages, SiteInfo(files))
    assert [f.code for f in plain] == ["xref.absolute-md-link", "xref.absolute-md-link"]
    to_docs = check_links(pages, SiteInfo(files, absolute_to_docs=True))
    assert [(f.code, f.message) for f in to_docs] == [
        ("xref.missing-page", "link '/pd/gone.md': no such file 'pd/gone.md'")
    ]


def test_an_anchor_set_with_a_valueless_id_does_not_crash_suggestions() -> None:
    """MkDocs records `<x id>` (no value) in raw HTML as the id None."""
    target = scan_page("# T\n\n## Delivering\n")
    pages = {
        "a.md": PageFacts("a.md", scan_page("[x](t.md#deliverng)\n"), frozenset()),
        "t.md": PageFacts("t.md", target, {None, *target.anchors}),  # type: ignore[arg-type]
    }
    [f] = check_links(pages, SiteInfo({"a.md": "included", "t.md": "included"}))
    assert (f.code, f.suggestion) == ("xref.missing-anchor", "did you mean '#delivering'?")


def test_a_link_to_the_site_root_means_the_readme_home_page() -> None:
    """MkDocs serves README.md at / when there is no index.md (found by mutation testing)."""
    text = "# Home\n\n[home](/)\n"
    pages = {"README.md": PageFacts("README.md", scan_page(text), scan_page(text).anchors)}
    [f] = check_links(pages, SiteInfo({"README.md": "included"}))
    assert (f.code, f.suggestion) == (
        "xref.absolute-link",
        "use a relative link such as 'README.md'",
    )
