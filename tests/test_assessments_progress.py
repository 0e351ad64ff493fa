"""The guide's progress page in a build: the manifest, the table per nav section, its words."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.assessments.strings import (
    PROGRESS_STRINGS,
    PROGRESS_TRANSLATIONS,
    TRANSLATIONS,
)
from mkdocs_careerkit.assets import (
    PROGRESS_CSS,
    PROGRESS_FILES,
    PROGRESS_JS,
    gzip_sizes,
    source_path,
)

BUDGET = 8 * 1024  # gzip bytes: the progress page's own script and stylesheet together

MARKDOWN = [
    "admonition",
    {"pymdownx.tabbed": {"alternate_style": True}},
    {"pymdownx.tasklist": {"custom_checkbox": True}},
    "tables",
]

HABITS = """\
# One

!!! question "Habits check"
    Rate each (1=Never, 5=Always):

    - [ ] I ask for feedback
    - [ ] I give feedback

    - Overall below 3: practise with [a colleague](two.md).
    - Overall 3 or more: teach others.
"""

CHECKLIST = """\
# Two

!!! question "Before the talk checklist"
    - [ ] Agenda written
    - [ ] Notes ready
"""

NETWORK = """\
# Three

!!! question "Network Assessment"
    Rate (1=Low, 5=High):

    === "Quality (60%)"
        - [ ] Diverse
        - [ ] Deep

    === "Value (40%)"
        - [ ] I help
"""

PROFILE = """\
# Skills

## Design

!!! question "System design"
    | Level | Capability |
    |-------|------------|
    | **Novice (1)** | Follows designs |
    | **Developing (2)** | Designs components |
    | **Expert (3)** | Leads designs |

!!! question "Code review"
    | Level | Capability |
    |-------|------------|
    | **Novice (1)** | Reads reviews |
    | **Developing (2)** | Reviews well |
    | **Expert (3)** | Teaches reviewing |
"""

PAGES = {
    "index.md": "# Home\n",
    "a/one.md": HABITS,
    "a/two.md": CHECKLIST,
    "b/three.md": NETWORK,
    "progress.md": "# Your progress\n\n<!-- careerkit/progress -->\n",
}
NAV = [
    "index.md",
    {"Part A": ["a/one.md", "a/two.md"]},
    {"Part B": ["b/three.md"]},
    "progress.md",
]


def config(**extra: Any) -> dict[str, Any]:
    return {"theme": {"name": "material"}, "markdown_extensions": MARKDOWN, "nav": NAV, **extra}


def manifest(built: Any) -> dict[str, Any]:
    return json.loads((built.site_dir / "assets/careerkit/assessments.json").read_text("utf-8"))


def page_data(page_html: str) -> dict[str, Any]:
    m = re.search(
        r'<template class="careerkit-progress-data"><script type="application/json">(.*?)'
        r"</script>",
        page_html,
        re.S,
    )
    assert m, "no data on the progress page"
    return json.loads(m.group(1))


def test_manifest_lists_every_assessment_in_nav_order_with_what_scoring_needs(site: Any) -> None:
    built = site(PAGES, config())
    assert built.error is None, built.messages()
    data = manifest(built)
    rows = [(a["id"], a["page"], a["page_title"], a["group"]) for a in data["assessments"]]
    assert rows == [
        ("habits-check", "a/one/", "One", ["Part A"]),
        ("before-the-talk-checklist", "a/two/", "Two", ["Part A"]),
        ("network-assessment", "b/three/", "Three", ["Part B"]),
    ]
    habits, checklist, network = data["assessments"]
    assert [(i["id"], i["kind"], i["min"], i["max"]) for i in habits["sections"][0]["items"]] == [
        ("i-ask-for-feedback", "rate", 1, 5),
        ("i-give-feedback", "rate", 1, 5),
    ]
    assert [i["kind"] for i in checklist["sections"][0]["items"]] == ["check", "check"]
    assert network["weighted"] is True
    assert [(s["title"], s["weight"]) for s in network["sections"]] == [
        ("Quality (60%)", 60.0),
        ("Value (40%)", 40.0),
    ]
    # Bands as readers read them: the link's text, not its Markdown.
    assert [(b["text"], b["low"], b["high"], b["closed"]) for b in habits["bands"]] == [
        ("Overall below 3: practise with a colleague.", 1.0, 3.0, False),
        ("Overall 3 or more: teach others.", 3.0, 5.0, True),
    ]
    # The page carries the same manifest as the site file, with its words.
    data_on_page = page_data(built.html("progress.md"))
    assert data_on_page["manifest"] == data
    assert data_on_page["strings"]["not_started"] == "Not started"


def test_progress_page_groups_rows_by_nav_section_with_links_that_work(site: Any) -> None:
    built = site(PAGES, config())
    page = built.html("progress.md")
    assert "careerkit/progress" not in page  # the marker is replaced
    headings = re.findall(r'<h2 id="([^"]+)">([^<]+)</h2>', page)
    assert headings == [
        ("careerkit-progress-part-a", "Part A"),
        ("careerkit-progress-part-b", "Part B"),
        ("careerkit-team-view", "Team view"),
    ]
    rows = re.findall(r'<tr data-careerkit-key="([^"]+)"><th scope="row"><a href="([^"]+)">', page)
    assert rows == [
        ("habits-check", "../a/one/"),
        ("before-the-talk-checklist", "../a/two/"),
        ("network-assessment", "../b/three/"),
    ]
    for _, href in rows:
        assert (built.site_dir / "progress" / href / "index.html").resolve().is_file()
    # Its own script and stylesheet, only here; the assessment pages do not load them.
    assert 'href="../assets/careerkit/careerkit-progress.css"' in page
    assert 'src="../assets/careerkit/careerkit-progress.js"' in page
    assert "careerkit-progress.js" not in built.html("a/one.md")
    assert "careerkit-assessment.js" not in page


def test_no_marker_no_manifest(site: Any) -> None:
    pages = {k: v for k, v in PAGES.items() if k != "progress.md"}
    built = site(pages, config(nav=NAV[:-1]))
    assert built.error is None, built.messages()
    assert not (built.site_dir / "assets/careerkit/assessments.json").exists()


def test_a_profile_is_one_entry_and_pages_outside_the_nav_come_last(site: Any) -> None:
    pages = {**PAGES, "skills.md": PROFILE}
    built = site(pages, config(not_in_nav="skills.md"))
    assert built.error is None, built.messages()
    entries = manifest(built)["assessments"]
    last = entries[-1]
    assert [a["id"] for a in entries][:3] == [
        "habits-check",
        "before-the-talk-checklist",
        "network-assessment",
    ]
    assert len(entries) == 4  # the two rubric blocks are parts of the profile
    assert last["id"] == "skills-profile"
    assert last["parts"] is True
    assert last["group"] is None
    assert [i["id"] for s in last["sections"] for i in s["items"]] == [
        "system-design",
        "code-review",
    ]
    assert '<h2 id="careerkit-progress-other-pages">Other pages</h2>' in built.html("progress.md")


def test_author_text_is_escaped_in_the_page_and_its_data(site: Any) -> None:
    evil = '<script>alert("x")</script> & </template>'
    pages = {
        **PAGES,
        "a/one.md": HABITS.replace("Habits check", evil.replace('"', "'")),
    }
    built = site(pages, config())
    assert built.error is None, built.messages()
    page = built.html("progress.md")
    assert "<script>alert" not in page
    data = page_data(page)
    titles = [a["title"] for a in data["manifest"]["assessments"]]
    assert titles[0] == evil.replace('"', "'")
    assert html.escape(evil.replace('"', "'"), quote=False) in page


def test_german_words_from_theme_language_and_the_authors_own(site: Any) -> None:
    built = site(
        PAGES,
        config(
            theme={"name": "material", "language": "de"},
            plugins=[{"careerkit": {"assessments": {"strings": {"team": "Im Team"}}}}],
        ),
    )
    assert built.error is None, built.messages()
    page = built.html("progress.md")
    words = page_data(page)["strings"]
    assert words["not_started"] == "Nicht begonnen"
    assert words["overall"] == "Gesamt"  # shared with the assessment's words
    assert words["team"] == "Im Team"
    assert '<th scope="col">Einschätzung</th>' in page
    assert '<h2 id="careerkit-team-view">Im Team</h2>' in page


def test_unknown_or_broken_progress_strings_are_config_errors(site: Any) -> None:
    site.expect.append("Sub-option 'strings'")
    typo = {"careerkit": {"assessments": {"strings": {"team_": "x"}}}}
    built = site(PAGES, config(plugins=[typo]))
    assert built.error is not None
    assert "did you mean 'team'" in " ".join(built.messages(0)) + str(built.error)
    built = site(
        PAGES, config(plugins=[{"careerkit": {"assessments": {"strings": {"person": "P"}}}}])
    )
    assert built.error is not None
    assert "{n}" in " ".join(built.messages(0)) + str(built.error)


def test_every_progress_translation_has_every_key_and_keeps_its_placeholders() -> None:
    assert sorted(PROGRESS_TRANSLATIONS) == sorted(TRANSLATIONS)
    for language, words in PROGRESS_TRANSLATIONS.items():
        assert words.keys() == PROGRESS_STRINGS.keys(), language
        for key, text in words.items():
            needed = set(re.findall(r"\{\w+\}", PROGRESS_STRINGS[key]))
            assert set(re.findall(r"\{\w+\}", text)) == needed, (language, key)


def test_progress_script_and_style_fit_their_own_budget() -> None:
    sizes = gzip_sizes(PROGRESS_FILES)
    assert set(sizes) == {PROGRESS_JS, PROGRESS_CSS}
    assert sum(sizes.values()) <= BUDGET, sizes


def test_progress_script_never_evaluates_or_injects_html() -> None:
    js = source_path(PROGRESS_JS).read_text(encoding="utf-8")
    js = re.sub(r"/\*.*?\*/|//[^\n]*", "", js, flags=re.S)
    for forbidden in ("eval(", "innerHTML", "outerHTML", "insertAdjacentHTML", "new Function"):
        assert forbidden not in js, forbidden
    # It writes the reader's storage only when importing (and its backups).
    assert js.count("localStorage.setItem(") == 2


@pytest.mark.parametrize("name", ["progress.md", "sub/progress.md"])
def test_the_progress_page_may_sit_anywhere(site: Any, name: str) -> None:
    pages = {k: v for k, v in PAGES.items() if k != "progress.md"}
    pages[name] = PAGES["progress.md"]
    built = site(pages, config(nav=[*NAV[:-1], name]))
    assert built.error is None, built.messages()
    depth = "../" * (name.count("/") + 1)
    assert f'href="{depth}a/one/"' in built.html(name)


def test_the_docs_list_every_progress_string_with_its_english_text() -> None:
    from tests.test_assessments_docs import table

    rows = {k: v for k, v in table("").items() if k in PROGRESS_STRINGS}
    assert rows == PROGRESS_STRINGS


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@example(
    title="</script><script>alert(1)</script>",
    page_title="<!--",
    group=["</template>"],
    item="&amp;",
)
@example(title="a\u2028b & c", page_title="</a>", group=None, item="]]>")
@given(
    title=_TEXT,
    page_title=_TEXT,
    group=st.one_of(st.none(), st.lists(_TEXT, max_size=3)),
    item=_TEXT,
)
def test_any_author_text_stays_text_in_the_page_and_its_data(
    title: str, page_title: str, group: list[str] | None, item: str
) -> None:
    """Whatever the titles hold, the page parses as HTML whose data is exactly the manifest and
    whose visible text holds the titles as written."""
    from mkdocs_careerkit.assessments.progress import render
    from mkdocs_careerkit.assessments.strings import progress_merged

    data = {
        "careerkit": 1,
        "assessments": [
            {
                "id": "a",
                "title": title,
                "page": "a/",
                "page_title": page_title,
                "group": group,
                "sections": [{"id": "s", "title": title, "items": [{"id": "i", "text": item}]}],
                "bands": [],
            }
        ],
    }
    words = progress_merged(None)
    page = ET.tostring(render(data, words, {"a/": "../a/"}), encoding="unicode", method="html")
    seen = _Reader()
    seen.feed(page)
    seen.close()
    assert json.loads(seen.script) == {"manifest": data, "strings": words}
    assert seen.links == [("../a/", title)]


class _Reader(HTMLParser):
    """What a browser's parser reads: the data script's text (raw until ``</script``), links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.script = ""
        self.links: list[tuple[str | None, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.links.append((dict(attrs).get("href"), ""))

    def handle_endtag(self, tag: str) -> None:
        while self.tags and self.tags.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.tags[-1:] == ["script"]:
            self.script += data
        elif self.tags[-1:] == ["a"]:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)
