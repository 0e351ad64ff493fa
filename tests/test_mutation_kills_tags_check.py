"""Tag checks, file by file: whole findings (file, position, severity, message, suggestion).

Written against the mutants of ``mkdocs_careerkit/tags/check.py`` that survived
``tests/test_tags_check.py`` (see tests/MUTATION.md), which compares positions, codes and
messages: every suggestion, the severities, ``tags.unused`` at the taxonomy's lines, the tag
count exactly at ``min_tags`` and ``max_tags``, lists inherited from two ``.meta.yml`` files,
and the ignore markers of meta files (counted from their first line) went unchecked.
"""

# ruff: noqa: E501  (whole messages, as an author reads them)

from __future__ import annotations

import textwrap

import pytest

from mkdocs_careerkit.sources import split_front_matter
from mkdocs_careerkit.tags.check import SiteTags, TagOptions
from tests.test_tags_check import TAXONOMY

Marker = tuple[int, int, int, tuple[str, ...], str]

BIG = textwrap.dedent("""\
    ---
    title: T
    tags:
      - networking
      - network
      - Networking
      - influence-without-authority
      - retired
      - career/early
      - 12
      - ""
      - influence
      - influence
      - nope
    ---
    # T
    """)
SCENARIOS = {
    # name: (options kwargs, taxonomy?, meta files, pages [(src, raw)])
    "every-kind": (dict(required=()), True, {}, [("p.md", BIG)]),
    "flow-style": (
        dict(required=()),
        True,
        {},
        [("p.md", "---\ntags: [ \"Leadership\", network,\n   'nope' ]\n---\n")],
    ),
    "not-a-list": (
        dict(required=()),
        True,
        {},
        [("a.md", "---\ntags: networking\n---\n"), ("b.md", "---\ntags:\n---\n")],
    ),
    "counts-at-the-bounds": (
        dict(required=("title",), min_tags=2, max_tags=3),
        True,
        {},
        [
            ("two.md", "---\ntitle: T\ntags: [leadership, influence]\n---\n"),
            ("three.md", "---\ntitle: T\ntags: [leadership, influence, networking]\n---\n"),
            ("one.md", "---\ntitle: T\ntags: [leadership]\n---\n"),
            ("none.md", "# no front matter\n"),
        ],
    ),
    "meta-files": (
        dict(required=("description",), max_tags=2),
        True,
        {
            "lead/.meta.yml": "# careerkit-ignore tags.unknown: shared\ntags:\n  - leadership\n  - leader\n",
            "lead/deep/.meta.yml": "tags: [influence]\n",
            "bad/.meta.yml": "tags: x\n",
        },
        [
            ("lead/deep/a.md", "# no front matter\n"),
            (
                "lead/b.md",
                "---\ndescription: D\ntags: [networking]  # careerkit-ignore tags.count\n---\n",
            ),
        ],
    ),
    "broken-meta": (dict(required=()), True, {"a/.meta.yml": "# x\ntags: [a\n"}, []),
    "same-spelling-twice-and-suggestions": (
        dict(required=()),
        True,
        {},
        [("p.md", "---\ntags: [leadership, leadership, Leadershp, zzzz, career/x]\n---\n")],
    ),
    "no-taxonomy": (
        dict(required=()),
        False,
        {},
        [("p.md", "---\ntags: [anything, anything, 3]\n---\n")],
    ),
}


EXPECTED: dict[
    str, tuple[list[tuple[str, int, int, str, str, str, str]], dict[str, list[Marker]]]
] = {
    "every-kind": (
        [
            (
                "p.md",
                5,
                5,
                "tags.duplicate",
                "error",
                "tags 'networking' and 'network' are both 'networking'",
                "remove this one",
            ),
            (
                "p.md",
                6,
                5,
                "tags.unknown",
                "error",
                "tag 'Networking' is not in the taxonomy",
                "did you mean 'networking'?",
            ),
            (
                "p.md",
                7,
                5,
                "tags.deprecated",
                "warn",
                "tag 'influence-without-authority' is deprecated in favour of 'influence'",
                "write 'influence'; the built site already shows it",
            ),
            ("p.md", 8, 5, "tags.deprecated", "warn", "tag 'retired' is deprecated", "remove it"),
            (
                "p.md",
                10,
                5,
                "tags.not-a-list",
                "error",
                "tag 12 is not text",
                "quote it to make it text, or remove it",
            ),
            (
                "p.md",
                11,
                5,
                "tags.not-a-list",
                "error",
                "empty tag",
                "quote it to make it text, or remove it",
            ),
            (
                "p.md",
                12,
                5,
                "tags.duplicate",
                "error",
                "tags 'influence-without-authority' and 'influence' are both 'influence'",
                "remove this one",
            ),
            (
                "p.md",
                13,
                5,
                "tags.duplicate",
                "error",
                "tags 'influence-without-authority' and 'influence' are both 'influence'",
                "remove this one",
            ),
            (
                "p.md",
                14,
                5,
                "tags.unknown",
                "error",
                "tag 'nope' is not in the taxonomy",
                "add it to the taxonomy (../tags.yml)",
            ),
            (
                "../tags.yml",
                4,
                3,
                "tags.unused",
                "info",
                "tag 'leadership' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                12,
                3,
                "tags.unused",
                "info",
                "tag 'unused' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
        ],
        {},
    ),
    "flow-style": (
        [
            (
                "p.md",
                2,
                9,
                "tags.unknown",
                "error",
                "tag 'Leadership' is not in the taxonomy",
                "did you mean 'leadership'?",
            ),
            (
                "p.md",
                2,
                23,
                "tags.alias",
                "info",
                "tag 'network' is an alias of 'networking'",
                "write 'networking'; the built site already shows it",
            ),
            (
                "p.md",
                3,
                4,
                "tags.unknown",
                "error",
                "tag 'nope' is not in the taxonomy",
                "add it to the taxonomy (../tags.yml)",
            ),
            (
                "../tags.yml",
                4,
                3,
                "tags.unused",
                "info",
                "tag 'leadership' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                5,
                3,
                "tags.unused",
                "info",
                "tag 'influence' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                10,
                3,
                "tags.unused",
                "info",
                "tag 'career' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                12,
                3,
                "tags.unused",
                "info",
                "tag 'unused' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
        ],
        {},
    ),
    "not-a-list": (
        [
            (
                "a.md",
                2,
                7,
                "tags.not-a-list",
                "error",
                "'tags' must be a list of tags, not 'networking'",
                "write tags: [one, other] or one '- tag' per line",
            ),
            (
                "b.md",
                2,
                6,
                "tags.not-a-list",
                "error",
                "'tags' must be a list of tags, not nothing",
                "write tags: [one, other] or one '- tag' per line",
            ),
            (
                "../tags.yml",
                2,
                3,
                "tags.unused",
                "info",
                "tag 'networking' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                4,
                3,
                "tags.unused",
                "info",
                "tag 'leadership' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                5,
                3,
                "tags.unused",
                "info",
                "tag 'influence' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                10,
                3,
                "tags.unused",
                "info",
                "tag 'career' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                12,
                3,
                "tags.unused",
                "info",
                "tag 'unused' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
        ],
        {},
    ),
    "counts-at-the-bounds": (
        [
            (
                "one.md",
                3,
                1,
                "tags.count",
                "warn",
                "page has 1 tag; at least 2 expected",
                "keep the tags a reader would look the page up by",
            ),
            (
                "none.md",
                1,
                1,
                "tags.missing-key",
                "warn",
                "page lacks 'title' (no front matter)",
                "add 'title:' between the '---' lines at the top",
            ),
            (
                "../tags.yml",
                10,
                3,
                "tags.unused",
                "info",
                "tag 'career' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                12,
                3,
                "tags.unused",
                "info",
                "tag 'unused' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
        ],
        {},
    ),
    "meta-files": (
        [
            (
                "lead/.meta.yml",
                4,
                5,
                "tags.unknown",
                "error",
                "tag 'leader' is not in the taxonomy",
                "did you mean 'leadership'?",
            ),
            (
                "bad/.meta.yml",
                1,
                7,
                "tags.not-a-list",
                "error",
                "'tags' must be a list of tags, not 'x'",
                "write tags: [one, other] or one '- tag' per line",
            ),
            (
                "lead/deep/a.md",
                1,
                1,
                "tags.missing-key",
                "warn",
                "page lacks 'description' (no front matter)",
                "add 'description:' between the '---' lines at the top",
            ),
            (
                "lead/deep/a.md",
                1,
                1,
                "tags.count",
                "warn",
                "page has 3 tags; at most 2 expected",
                "keep the tags a reader would look the page up by",
            ),
            (
                "lead/b.md",
                3,
                1,
                "tags.count",
                "warn",
                "page has 3 tags; at most 2 expected",
                "keep the tags a reader would look the page up by",
            ),
            (
                "../tags.yml",
                10,
                3,
                "tags.unused",
                "info",
                "tag 'career' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                12,
                3,
                "tags.unused",
                "info",
                "tag 'unused' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
        ],
        {
            "lead/.meta.yml": [(1, 1, 2, ("tags.unknown",), "shared")],
            "lead/b.md": [(3, 21, 3, ("tags.count",), "")],
        },
    ),
    "broken-meta": (
        [
            (
                "a/.meta.yml",
                3,
                1,
                "page.bad-front-matter",
                "error",
                "meta file is not valid YAML: did not find expected ',' or ']'",
                "fix the YAML (quote values containing ':')",
            ),
            (
                "../tags.yml",
                2,
                3,
                "tags.unused",
                "info",
                "tag 'networking' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                4,
                3,
                "tags.unused",
                "info",
                "tag 'leadership' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                5,
                3,
                "tags.unused",
                "info",
                "tag 'influence' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                10,
                3,
                "tags.unused",
                "info",
                "tag 'career' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                12,
                3,
                "tags.unused",
                "info",
                "tag 'unused' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
        ],
        {},
    ),
    "same-spelling-twice-and-suggestions": (
        [
            (
                "p.md",
                2,
                20,
                "tags.duplicate",
                "error",
                "tag 'leadership' appears twice",
                "remove this one",
            ),
            (
                "p.md",
                2,
                32,
                "tags.unknown",
                "error",
                "tag 'Leadershp' is not in the taxonomy",
                "did you mean 'leadership'?",
            ),
            (
                "p.md",
                2,
                43,
                "tags.unknown",
                "error",
                "tag 'zzzz' is not in the taxonomy",
                "add it to the taxonomy (../tags.yml)",
            ),
            (
                "../tags.yml",
                2,
                3,
                "tags.unused",
                "info",
                "tag 'networking' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                5,
                3,
                "tags.unused",
                "info",
                "tag 'influence' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
            (
                "../tags.yml",
                12,
                3,
                "tags.unused",
                "info",
                "tag 'unused' of the taxonomy is used by no page",
                "tag the pages it is for, or remove it",
            ),
        ],
        {},
    ),
    "no-taxonomy": (
        [
            (
                "p.md",
                2,
                18,
                "tags.duplicate",
                "error",
                "tag 'anything' appears twice",
                "remove this one",
            ),
            (
                "p.md",
                2,
                28,
                "tags.not-a-list",
                "error",
                "tag 3 is not text",
                "quote it to make it text, or remove it",
            ),
        ],
        {},
    ),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_site_tags_exactly(name: str) -> None:
    options, with_taxonomy, meta_files, pages = SCENARIOS[name]
    site = SiteTags(TAXONOMY if with_taxonomy else None, TagOptions(**options))
    for path, text in meta_files.items():
        site.meta_file(path, text)
    for src, raw in pages:
        source = split_front_matter(raw, src)
        site.page(src, source.raw, source.meta)
    found = [
        (f.file, f.line, f.column, f.code, f.severity, f.message, f.suggestion)
        for f in site.conclude()
    ]
    markers = {
        src: [(m.line, m.column, m.applies_to, m.codes, m.reason) for m in marks]
        for src, marks in site.suppressions.items()
    }
    assert (found, markers) == EXPECTED[name]


@pytest.mark.parametrize("quote", ["'", '"'])
def test_a_marker_after_a_closed_quoted_value_counts(quote: str) -> None:
    """Two quotes before the ``#`` close the value: the comment is a marker. One quote (the
    ``#`` inside the value) is text; tests/test_tags_check.py has that case."""
    from mkdocs_careerkit.tags.check import yaml_markers

    text = f"title: {quote}a{quote} # careerkit-ignore tags.count: two quotes\n"
    found = [(m.line, m.column, m.applies_to, m.codes, m.reason) for m in yaml_markers(text, 2)]
    assert found == [(2, 12, 2, ("tags.count",), "two quotes")]
