"""Assessments in real mini sites built by MkDocs: HTML, assets, findings, config."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

from mkdocs_careerkit import sitecheck
from mkdocs_careerkit.assets import ASSESSMENT_CSS, ASSESSMENT_JS, served, source_path
from tests.test_assessments_parse import SEED_BLOCK

MATERIAL: dict[str, Any] = {
    "theme": {"name": "material", "features": ["navigation.instant"]},
    "markdown_extensions": [
        "admonition",
        "pymdownx.details",
        "pymdownx.superfences",
        {"pymdownx.tabbed": {"alternate_style": True}},
        {"pymdownx.tasklist": {"custom_checkbox": True}},
        "attr_list",
        "tables",
    ],
}
FRONT = "---\ntitle: Page\n---\n"


def assets_in(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]*careerkit-assessment[^"]*)"', html)


def test_seed_block_pasted_unchanged_renders_as_rated_assessment(site: Any) -> None:
    built = site(
        {
            "index.md": "# Home\n\n[Chapter](guide/networking.md)\n",
            "guide/networking.md": FRONT + "# Networking\n\n" + SEED_BLOCK,
        },
        MATERIAL,
    )
    page = built.html("guide/networking.md")
    assert page.count("data-careerkit-item=") == 12
    (raw,) = re.findall(
        r'class="careerkit-assessment-data"[^>]*><script type="application/json">(.*?)</script>',
        page,
    )
    model = json.loads(raw)
    assert model["scale"]["min"] == 1 and model["scale"]["max"] == 5
    assert [s["title"] for s in model["sections"]] == [
        "Network Quality",
        "Value Creation",
        "Community Engagement",
    ]
    # Stylesheet, then script, at the end of the page content (instant navigation swaps the
    # content, so they come and go with it), both relative.
    assert assets_in(page) == [
        "../../assets/careerkit/careerkit-assessment.css",
        "../../assets/careerkit/careerkit-assessment.js",
    ]
    content = page[page.index('<article class="md-content__inner') : page.index("</article>")]
    assert (
        '<link rel="stylesheet" href="../../assets/careerkit/careerkit-assessment.css">'
        '<script src="../../assets/careerkit/careerkit-assessment.js" defer></script>'
    ) in content
    # Pages without an assessment load nothing.
    assert assets_in(built.html("index.md")) == []
    for path in (ASSESSMENT_JS, ASSESSMENT_CSS):  # the package file, minified
        written = (built.site_dir / path).read_bytes()
        assert written == served(path)
        assert len(written) < 0.95 * len(source_path(path).read_bytes())


def test_search_finds_the_statements_not_the_assessments_buttons(site: Any) -> None:
    built = site(
        {
            "index.md": "# Home\n\n[Chapter](guide/networking.md)\n",
            "guide/networking.md": FRONT + "# Networking\n\n" + SEED_BLOCK,
        },
        {**MATERIAL, "plugins": ["search", "careerkit"]},
    )
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    # The author's statements are the page's text; the controls the script shows are not.
    assert "I regularly help others in my network" in text
    for ui in ("Export JSON", "Save today", "Your results", "Needs Improvement</small>"):
        assert ui not in text


def test_findings_at_the_source_line_fail_the_build(site: Any) -> None:
    site.expect += [r"assessment\.", r"careerkit: \d+ error"]
    built = site(
        {
            "index.md": FRONT
            + "# Home\n\n"
            + '!!! question "Q"\n'
            + "    Rate yourself (5=Excellent, 1=Poor):\n\n"
            + '    === "Giving"\n'
            + "        - [ ] one {#a}\n"
            + "        - [ ] two {#a}\n"
            + '    === "Empty"\n'
            + "        Nothing here.\n",
        },
        MATERIAL,
    )
    assert built.error is not None
    assert built.careerkit_lines() == [
        "index.md:7:19: scale '5=Excellent, 1=Poor' runs from 5 down to 1 (write the lowest "
        "point first: '1=Poor, 5=Excellent') [assessment.scale-reversed]",
        "index.md:11:19: item id 'a' is used twice in this assessment (also by 'one') "
        "(give this one another id than '{#a}') [assessment.duplicate-id]",
        "index.md:12:5: section 'Empty' has nothing to answer (add '- [ ] statements' under the "
        "tab, or remove the tab) [assessment.empty-section]",
    ]
    assert any("careerkit: 3 errors, 0 warnings" in m for m in built.messages())


def test_careerkit_check_reports_the_same_findings_as_the_build(tmp_path: Path, site: Any) -> None:
    pages = {
        "index.md": FRONT
        + '# Home\n\n!!! question "Q (1=a, 5=b)"\n    - [ ] x\n\n    - Overall 0–9: no\n',
        "b.md": '# B\n\n!!! question "Q"\n    - [ ] y\n',
    }
    site.expect += [r"assessment\.", r"careerkit: "]
    built = site(pages, MATERIAL)
    build_lines = [line for line in built.careerkit_lines() if "[assessment." in line]
    found = sitecheck.check_site(load_config(str(tmp_path / "mkdocs.yml")))
    assert [f.format() for f in found if f.code.startswith("assessment.")] == build_lines
    assert build_lines == [
        "b.md:3:1: assessment id 'q' is also used on page 'index.md': readers' saved answers and "
        "results of both would be mixed (give one of them another title, or an 'id:' option in "
        "an '!!! assessment' block) [assessment.id-reused]",
        "index.md:9:7: band 'Overall 0–9' lies outside the 1–5 scale (keep the range within "
        "1–5) [assessment.band-outside-scale]",
    ]


def test_severity_override_lets_the_build_pass(site: Any) -> None:
    built = site(
        {"index.md": '# Home\n\n!!! question "Q (5=a, 1=b)"\n    - [ ] x\n'},
        {
            **MATERIAL,
            "plugins": [{"careerkit": {"severity": {"assessment.scale-reversed": "ignore"}}}],
        },
    )
    assert built.error is None
    assert "data-careerkit-item" in built.html("index.md")


def test_a_broken_link_in_a_band_is_reported_at_its_line(site: Any) -> None:
    site.expect += [r"xref\.missing-page", r"careerkit: 1 error"]
    built = site(
        {
            "index.md": FRONT
            + "# Home\n\n"
            + '!!! question "Q (1=low, 5=high)"\n'
            + "    - [ ] one\n\n"
            + "    - Overall below 3: read [Mentorship](mentorship.md)\n"
            + "    - Overall 3 or more: read [Home](index.md)\n",
        },
        MATERIAL,
    )
    assert built.error is not None
    (line,) = [x for x in built.careerkit_lines() if "[xref." in x]
    assert line.startswith("index.md:9:29: link 'mentorship.md'")


def test_translated_strings_and_extra_admonition_types(site: Any) -> None:
    built = site(
        {
            "index.md": '# Home\n\n!!! example "Bereit?"\n'
            + "    - [ ] Folien\n\n    - Gesamt 50% or more: gut\n"
        },
        {
            **MATERIAL,
            "plugins": [
                {
                    "careerkit": {
                        "assessments": {
                            "admonition_types": ["question", "example"],
                            "strings": {"overall": "Gesamt", "save": "Heute speichern"},
                        }
                    }
                }
            ],
        },
    )
    page = built.html("index.md")
    (raw,) = re.findall(
        r'"careerkit-assessment-data"[^>]*><script type="application/json">(.*?)<', page
    )
    model = json.loads(raw)
    assert model["strings"]["save"] == "Heute speichern"
    assert model["bands"] == [
        {"closed": True, "high": 100.0, "low": 50.0, "section": "", "unit": "percent"}
    ]


@pytest.mark.parametrize(
    ("strings", "message"),
    [
        ({"sav": "x"}, "unknown string 'sav' (did you mean 'save'?)"),
        ({"saved": "Gespeichert"}, "string 'saved' must keep {date}"),
    ],
)
def test_bad_strings_are_config_errors(site: Any, strings: dict[str, str], message: str) -> None:
    site.expect.append(".")
    built = site(
        {"index.md": "# Home\n"},
        {"plugins": [{"careerkit": {"assessments": {"strings": strings}}}]},
    )
    assert built.error is not None
    assert any(message in m for m in built.messages())


def test_disabled_assessments_leave_pages_alone(site: Any) -> None:
    built = site(
        {"index.md": '# Home\n\n!!! question "Q (5=a, 1=b)"\n    - [ ] x\n'},
        {**MATERIAL, "plugins": [{"careerkit": {"assessments": {"enabled": False}}}]},
    )
    assert built.error is None
    assert "careerkit" not in built.html("index.md")
    assert not (built.site_dir / "assets" / "careerkit").exists()


def test_extension_listed_by_the_author_reports_through_the_plugin(site: Any) -> None:
    site.expect += [r"assessment\.", r"careerkit: 1 error"]
    config = {**MATERIAL}
    config["markdown_extensions"] = [
        *MATERIAL["markdown_extensions"],
        "mkdocs_careerkit.assessments",
    ]
    built = site(
        {"index.md": FRONT + '# Home\n\n!!! question "Q (5=a, 1=b)"\n    - [ ] x\n'}, config
    )
    assert [line for line in built.careerkit_lines() if "[assessment." in line] == [
        "index.md:6:17: scale '5=a, 1=b' runs from 5 down to 1 (write the lowest point first: "
        "'1=b, 5=a') [assessment.scale-reversed]"
    ]
    assert built.html("index.md").count("careerkit-assessment-data") == 1


@pytest.mark.parametrize(
    ("theme", "directory_urls", "expected"),
    [
        ("mkdocs", True, "../../../assets/careerkit/careerkit-assessment.js"),
        ("readthedocs", False, "../../assets/careerkit/careerkit-assessment.js"),
    ],
)
def test_other_themes_and_url_styles(
    site: Any, theme: str, directory_urls: bool, expected: str
) -> None:
    built = site(
        {
            "index.md": "# Home\n\n[Deep](a/b/deep.md)\n",
            "a/b/deep.md": '# Deep\n\n!!! question "Q"\n    - [ ] one\n    - [ ] two\n',
        },
        {
            "theme": theme,
            "use_directory_urls": directory_urls,
            "markdown_extensions": ["admonition", "pymdownx.tasklist"],
        },
    )
    name = "a/b/deep/index.html" if directory_urls else "a/b/deep.html"
    page = (built.site_dir / name).read_text(encoding="utf-8")
    assert expected in assets_in(page)
    assert page.count("data-careerkit-item=") == 2


def test_examples_in_code_and_comments_load_nothing_and_fail_nothing(site: Any) -> None:
    page = (
        "# Writing assessments\n\n"
        "An example, as code:\n\n"
        '    !!! question "Example (5=a, 1=b)"\n'
        "        - [ ] not real\n\n"
        "<!--\n"
        '!!! question "Draft (5=a, 1=b)"\n'
        "    - [ ] not yet\n"
        "-->\n"
    )
    built = site({"index.md": page}, MATERIAL)
    assert built.error is None
    html = built.html("index.md")
    assert assets_in(html) == []
    assert "careerkit-assessment" not in html
    assert '!!! question "Example (5=a, 1=b)"' in html


def test_a_block_that_did_not_render_as_expected_is_left_alone_and_reported(site: Any) -> None:
    site.expect += [
        r"assessment\.not-rendered",
        r"markdown\.swallowed-list",
        r"careerkit: 0 errors, 2 warnings",
    ]
    page = (
        FRONT
        + "# Home\n\n"
        + '!!! question "Q (1=a, 5=b)"\n'
        + "    **Rate yourself:**\n"
        + "    - [ ] `<img src=x onerror=alert(1)>` one\n"
        + "    - [ ] two\n"
    )
    built = site({"index.md": page}, MATERIAL)
    assert built.error is None
    lines = built.careerkit_lines()
    assert lines[0] == (
        "index.md:6:1: 'Q (1=a, 5=b)' is left as written, not interactive: the statement "
        "'<img src=x onerror=alert(1)> one' is not a list item (2 lines below) (put a blank line "
        "before the list) [assessment.not-rendered]"
    )
    # The same missing blank line, said by the check that looks at every paragraph.
    assert lines[1].startswith("index.md:8:5: '- [ ] `<img src=x onerror=alert(1)>` one' follows")
    assert lines[2:] == ["0 errors, 2 warnings"]  # "mkdocs_careerkit: 0 errors, …" in the log
    html = built.html("index.md")
    assert assets_in(html) == [] and "data-careerkit" not in html
    assert "<code>&lt;img src=x onerror=alert(1)&gt;</code>" in html


def test_findings_after_a_snippet_include_are_at_their_source_line(
    tmp_path: Path, site: Any
) -> None:
    site.expect += [r"assessment\.", r"careerkit: 1 error"]
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "intro.md").write_text("one\n\ntwo\n\nthree\n", encoding="utf-8")
    config = {**MATERIAL}
    config["markdown_extensions"] = [
        *MATERIAL["markdown_extensions"],
        {"pymdownx.snippets": {"base_path": [str(tmp_path / "parts")]}},
    ]
    page = FRONT + '# Home\n\n--8<-- "intro.md"\n\n!!! question "Q (5=a, 1=b)"\n    - [ ] x\n'
    built = site({"index.md": page}, config)
    build_lines = [x for x in built.careerkit_lines() if "[assessment." in x]
    assert build_lines == [
        "index.md:8:17: scale '5=a, 1=b' runs from 5 down to 1 (write the lowest point first: "
        "'1=b, 5=a') [assessment.scale-reversed]"
    ]
    found = sitecheck.check_site(load_config(str(tmp_path / "mkdocs.yml")))
    assert [f.format() for f in found if f.code.startswith("assessment.")] == build_lines


@pytest.mark.parametrize(
    ("extensions", "expected"),
    [
        (
            [],
            "index.md:3:1: 'Network Check (1=Low, 5=High)' is left as written, not interactive: "
            "its '!!!' block needs the admonition extension "
            "(add admonition to markdown_extensions) [assessment.missing-extension]",
        ),
        (
            ["admonition"],
            "index.md:3:1: 'Network Check (1=Low, 5=High)' shows its statements as '[ ]' text to "
            "readers without JavaScript: the pymdownx.tasklist extension is not enabled "
            "(add pymdownx.tasklist to markdown_extensions) [assessment.missing-extension]",
        ),
        (["markdown.extensions.admonition", "pymdownx.tasklist"], None),
    ],
    ids=["no-admonition", "no-tasklist", "both"],
)
def test_a_missing_extension_is_named_in_the_build_and_by_check(
    tmp_path: Path, site: Any, extensions: list[str], expected: str | None
) -> None:
    page = '# Home\n\n!!! question "Network Check (1=Low, 5=High)"\n    - [ ] I help others\n'
    site.expect += [r"assessment\.missing-extension", r"careerkit: "]
    built = site(
        {"index.md": page, "other.md": "# Other\n"},
        {"theme": "mkdocs", "markdown_extensions": extensions},
    )
    build_lines = [line for line in built.careerkit_lines() if "[assessment." in line]
    assert build_lines == ([expected] if expected else [])
    found = sitecheck.check_site(load_config(str(tmp_path / "mkdocs.yml")))
    assert [f.format() for f in found if f.code.startswith("assessment.")] == build_lines
    # Assets only where an assessment really rendered.
    html = (built.site_dir / "index.html").read_text(encoding="utf-8")
    rendered = bool(extensions)
    assert bool(assets_in(html)) is rendered
    assert ("data-careerkit-assessment" in html) is rendered
    assert assets_in((built.site_dir / "other" / "index.html").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("theme", "words"),
    [
        ({"name": "material", "language": "de"}, ("Mehr", "Bereich", "Gesamt")),
        ({"name": "material", "language": "pt-BR"}, ("Mais", "Secção", "Global")),
        ({"name": "mkdocs", "locale": "fr"}, ("Plus", "Section", "Global")),
        ({"name": "readthedocs", "locale": "es"}, ("Más", "Sección", "Total")),
        ({"name": "material", "language": "ja"}, ("More", "Section", "Overall")),
    ],
    ids=["material-de", "material-pt-BR", "mkdocs-fr", "readthedocs-es", "no-translation"],
)
def test_built_in_words_follow_the_theme_language(
    tmp_path: Path, site: Any, theme: dict[str, str], words: tuple[str, str, str]
) -> None:
    more, section, overall = words
    page = (
        f'# Home\n\n!!! question "Q (1=a, 5=b)"\n    - [ ] x\n\n    - {overall} below 3: practise\n'
    )
    built = site(
        {"index.md": page},
        {
            "theme": theme,
            "markdown_extensions": ["admonition", "pymdownx.tasklist"],
            # A single word of the author's own wins over the built-in translation.
            "plugins": [{"careerkit": {"assessments": {"strings": {"save": "Mine"}}}}],
        },
    )
    html = built.html("index.md")
    (raw,) = re.findall(
        r'"careerkit-assessment-data"[^>]*><script type="application/json">(.*?)<', html
    )
    strings = json.loads(raw)["strings"]
    assert (strings["more"], strings["section"], strings["save"]) == (more, section, "Mine")
    assert f'<th scope="col">{section}</th>' in html
    # The translated "overall" names a band's scope, in the build and in careerkit check alike.
    assert "data-careerkit-band" in html
    found = sitecheck.check_site(load_config(str(tmp_path / "mkdocs.yml")))
    assert [f for f in found if f.code.startswith("assessment.")] == []


def test_every_translation_has_every_key_and_keeps_its_placeholders() -> None:
    from mkdocs_careerkit.assessments.strings import DEFAULT_STRINGS, TRANSLATIONS

    assert sorted(TRANSLATIONS) == ["de", "es", "fr", "pt"]
    for language, words in TRANSLATIONS.items():
        assert words.keys() == DEFAULT_STRINGS.keys(), language
        for key, text in words.items():
            needed = set(re.findall(r"\{\w+\}", DEFAULT_STRINGS[key]))
            assert set(re.findall(r"\{\w+\}", text)) == needed, (language, key)
