"""Page tags → findings (pure): each at the line of the tag, and the tags pages should carry."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.sources import split_front_matter
from mkdocs_careerkit.tags.check import SiteTags, TagOptions, front_matter, normalise
from mkdocs_careerkit.tags.taxonomy import parse_taxonomy

TAXONOMY = parse_taxonomy(
    textwrap.dedent(
        """\
        tags:
          networking:
            aliases: [network]
          leadership:
          influence:
          influence-without-authority:
            deprecated: influence
          retired:
            deprecated: true
          career:
            subtree: true
          unused:
        """
    ),
    "../tags.yml",
)[0]


def check(
    raw: str,
    options: TagOptions | None = None,
    meta_files: dict[str, str] | None = None,
    src: str = "p.md",
) -> list[tuple[int, int, str, str]]:
    site = SiteTags(TAXONOMY, options or TagOptions(required=()))
    for path, text in (meta_files or {}).items():
        site.meta_file(path, text)
    source = split_front_matter(textwrap.dedent(raw), src)
    site.page(src, source.raw, source.meta)
    return [(f.line, f.column, f.code, f.message) for f in site.findings]


def test_every_kind_of_tag_at_its_line_and_column() -> None:
    raw = """\
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
        ---
        # T
        """
    assert check(raw) == [
        (5, 5, "tags.duplicate", "tags 'networking' and 'network' are both 'networking'"),
        (6, 5, "tags.unknown", "tag 'Networking' is not in the taxonomy"),
        (
            7,
            5,
            "tags.deprecated",
            "tag 'influence-without-authority' is deprecated in favour of 'influence'",
        ),
        (8, 5, "tags.deprecated", "tag 'retired' is deprecated"),
        (10, 5, "tags.not-a-list", "tag 12 is not text"),
        (11, 5, "tags.not-a-list", "empty tag"),
        (
            12,
            5,
            "tags.duplicate",
            "tags 'influence-without-authority' and 'influence' are both 'influence'",
        ),
        (
            13,
            5,
            "tags.duplicate",
            "tags 'influence-without-authority' and 'influence' are both 'influence'",
        ),
    ]


def test_flow_style_quoted_and_wrapped() -> None:
    raw = "---\ntags: [ \"Leadership\", network,\n   'nope' ]\n---\n"
    assert [(line, col, code) for line, col, code, _ in check(raw)] == [
        (2, 9, "tags.unknown"),
        (2, 23, "tags.alias"),
        (3, 4, "tags.unknown"),
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "---\ntags: networking\n---\n",
            [(2, 7, "'tags' must be a list of tags, not 'networking'")],
        ),
        ("---\ntags:\n---\n", [(2, 6, "'tags' must be a list of tags, not nothing")]),
        ("---\ntags: {a: 1}\n---\n", [(2, 7, "'tags' must be a list of tags, not {'a': 1}")]),
        ("---\ntitle: x\n---\n", []),  # no tags, none required here
        ("---\ntitle: [\n---\n", []),  # broken front matter: page.bad-front-matter says so
        ("# no front matter\n", []),
    ],
)
def test_tags_that_are_not_a_list(raw: str, expected: list[tuple[int, int, str]]) -> None:
    assert [(line, col, message) for line, col, _, message in check(raw)] == expected


def test_required_keys_and_counts() -> None:
    options = TagOptions(required=("title", "description", "tags"), min_tags=2, max_tags=3)
    assert check("# none\n", options) == [
        (1, 1, "tags.missing-key", "page lacks 'title' (no front matter)"),
        (1, 1, "tags.missing-key", "page lacks 'description' (no front matter)"),
        (1, 1, "tags.missing-key", "page lacks 'tags' (no front matter)"),
    ]
    assert check("---\ntitle: T\ndescription: D\ntags: [leadership]\n---\n", options) == [
        (4, 1, "tags.count", "page has 1 tag; at least 2 expected")
    ]
    many = "---\ntitle: T\ndescription: D\ntags: [leadership, influence, career/a, career/b]\n---\n"
    assert check(many, options) == [(4, 1, "tags.count", "page has 4 tags; at most 3 expected")]
    # An alias and its tag count once.
    assert check("---\ntitle: T\ndescription: D\ntags: [network, leadership]\n---\n", options) == [
        (4, 8, "tags.alias", "tag 'network' is an alias of 'networking'")
    ]


def test_meta_files_give_keys_and_tags_and_are_checked_at_their_own_lines() -> None:
    options = TagOptions(required=("description", "tags"), max_tags=2)
    meta = {"lead/.meta.yml": "# lead\ndescription: Shared.\ntags:\n  - leadership\n  - leader\n"}
    found = check("---\ntags: [influence]\n---\n", options, meta, src="lead/a.md")
    assert found[1:] == [
        (2, 1, "tags.count", "page has 3 tags; at most 2 expected"),
    ]
    site = SiteTags(TAXONOMY, options)
    site.meta_file("lead/.meta.yml", meta["lead/.meta.yml"])
    assert [(f.file, f.line, f.column, f.code) for f in site.findings] == [
        ("lead/.meta.yml", 5, 5, "tags.unknown")
    ]
    # A page outside the meta file's folder inherits nothing.
    assert check("---\ntags: [influence]\n---\n", options, meta, src="other/a.md")[1:] == [
        (1, 1, "tags.missing-key", "page lacks 'description' in its front matter")
    ]


def test_unused_tags_are_reported_at_the_taxonomy_line() -> None:
    site = SiteTags(TAXONOMY, TagOptions(required=()))
    site.page(
        "p.md",
        "---\ntags: [networking, leadership, influence, career/x]\n---\n",
        {"tags": ["networking", "leadership", "influence", "career/x"]},
    )
    assert [(f.file, f.line, f.code, f.message) for f in site.conclude()] == [
        ("../tags.yml", 12, "tags.unused", "tag 'unused' of the taxonomy is used by no page")
    ]


def test_without_a_taxonomy_only_the_shape_is_checked() -> None:
    site = SiteTags(None, TagOptions(required=()))
    site.page(
        "p.md", "---\ntags: [anything, anything, 3]\n---\n", {"tags": ["anything", "anything", 3]}
    )
    assert [f.code for f in site.conclude()] == ["tags.duplicate", "tags.not-a-list"]


def test_normalise() -> None:
    values = ["network", "networking", "influence-without-authority", 3, "x", "Networking"]
    assert normalise(values, TAXONOMY) == ["networking", "influence", 3, "x", "Networking"]
    assert normalise("network", TAXONOMY) == "network"
    assert normalise(["network"], None) == ["network"]


def test_front_matter() -> None:
    assert front_matter("---\na: 1\n---\nbody") == "a: 1\n"
    assert front_matter("body\n---\na: 1\n---\n") is None


SPELLINGS = st.sampled_from(
    [
        "networking",
        "network",
        "Networking",
        "leadership",
        "influence",
        "influence-without-authority",
        "retired",
        "career/x",
        "career",
        "nope",
        "unused",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(SPELLINGS | st.text(max_size=8) | st.integers(), max_size=8))
def test_normalised_tags_are_canonical_unique_and_stable(values: list[object]) -> None:
    once = normalise(values, TAXONOMY)
    assert normalise(once, TAXONOMY) == once
    assert isinstance(once, list)
    text = [v for v in once if isinstance(v, str)]
    assert len(text) == len(set(text))
    assert [v for v in once if not isinstance(v, str)] == [
        v for v in values if not isinstance(v, str)
    ]
    for v in text:
        kind = TAXONOMY.resolve(v).kind
        assert kind in ("known", "unknown") or (v == "retired" and kind == "deprecated")


FM_LINES = [
    "tags:",
    "tags: [a, b]",
    "  - networking",
    "  - network",
    "- 3",
    "tags: x",
    "title: T",
    "description: D",
    "tags: [",
    "  'Networking'",
    "]",
    "  - [x]",
    "  - {a: b}",
    "? x",
    ": y",
    "tags: !!binary aGk=",
    "tags: &a [x]",
    "t: *a",
    "\t",
    "---",
    "...",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FM_LINES) | st.text(max_size=10), max_size=10), st.booleans())
def test_any_front_matter_gives_findings_at_real_lines(lines: list[str], close: bool) -> None:
    raw = "---\n" + "\n".join(lines) + ("\n---\n" if close else "\n") + "# Body\n"
    site = SiteTags(TAXONOMY, TagOptions(max_tags=2))
    source = split_front_matter(raw, "p.md")
    site.page("p.md", source.raw, source.meta)
    total = raw.count("\n") + 1
    for f in site.conclude():
        assert f.code in CODES and f.severity == CODES[f.code].severity
        assert (f.file == "p.md" and 1 <= f.line <= total) or f.file == "../tags.yml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "tags:\n  - 2024  # careerkit-ignore tags.not-a-list: a year\n",
            [(3, 11, 3, ("tags.not-a-list",), "a year")],
        ),
        (
            "# careerkit-ignore tags.count, tags.unknown: long page\n\ntags: [a]\n",
            [(2, 1, 4, ("tags.count", "tags.unknown"), "long page")],
        ),
        ("tags:\n  # careerkit-ignore: all\n  # other comment\n  - x\n", [(3, 3, 5, (), "all")]),
        ("tags:\n  - x # careerkit-ignore tags.unknown\n", [(3, 7, 3, ("tags.unknown",), "")]),
        ("title: 'a #careerkit-ignore'\n", []),
        ("title: x\n", []),
    ],
)
def test_yaml_markers(
    text: str, expected: list[tuple[int, int, int, tuple[str, ...], str]]
) -> None:
    from mkdocs_careerkit.tags.check import yaml_markers

    found = [(m.line, m.column, m.applies_to, m.codes, m.reason) for m in yaml_markers(text, 2)]
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["# careerkit-ignore x: y", "  - a  # careerkit-ignore", "'#careerkit-ignore'", "", "#"]
        )
        | st.text(max_size=20),
        max_size=8,
    ),
    st.integers(1, 3),
)
def test_any_yaml_gives_markers_that_point_forward(lines: list[str], first: int) -> None:
    from mkdocs_careerkit.tags.check import yaml_markers

    text = "\n".join(lines)
    for m in yaml_markers(text, first):
        assert first <= m.line <= m.applies_to <= first + text.count("\n") + 1
        assert m.column >= 1


def test_a_broken_meta_file_is_a_finding_at_its_line() -> None:
    site = SiteTags(TAXONOMY, TagOptions(required=()))
    site.meta_file("a/.meta.yml", "# x\ntags: [a\n")
    [f] = site.findings
    assert (f.file, f.line, f.code) == ("a/.meta.yml", 3, "page.bad-front-matter")
    assert f.message.startswith("meta file is not valid YAML: ")
    assert site.inherited("a/p.md") == {}
