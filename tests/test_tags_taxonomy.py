"""The taxonomy file: what it means, and every problem with it at its line, never a traceback."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_careerkit.tags.taxonomy import Resolution, Taxonomy, fold, parse_taxonomy

GOOD = """\
# comment
tags:
  networking:
    description: Building professional relationships.
    group: Skills
    aliases: [network, professional-network]
  leadership: Leading people.
  teaching:
  career:
    group: Career stage
    subtree: true
  influence-without-authority:
    deprecated: influence
  influence:
    deprecated: persuasion
  persuasion: {}
  retired:
    deprecated: true
  old-network:
    deprecated: network
"""


def parse(text: str) -> tuple[Taxonomy, list[tuple[int, int, str]]]:
    taxonomy, findings = parse_taxonomy(textwrap.dedent(text), "tags.yml")
    assert all(f.code == "tags.bad-taxonomy" and f.file == "tags.yml" for f in findings)
    return taxonomy, [(f.line, f.column, f.message) for f in findings]


def test_a_good_file_gives_the_model() -> None:
    taxonomy, findings = parse(GOOD)
    assert findings == [
        (20, 17, "tag 'old-network' is replaced by 'network', which is not a tag of the taxonomy")
    ]
    net = taxonomy.tags["networking"]
    assert (net.line, net.description, net.group) == (
        3,
        "Building professional relationships.",
        "Skills",
    )
    assert net.aliases == ("network", "professional-network")
    assert taxonomy.tags["leadership"].description == "Leading people."
    assert taxonomy.tags["teaching"].description == ""
    assert taxonomy.tags["influence-without-authority"].replacement == "persuasion"  # chain
    assert taxonomy.tags["retired"].deprecated and taxonomy.tags["retired"].replacement is None
    assert list(taxonomy.tags)[:3] == ["networking", "leadership", "teaching"]  # file order


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("networking", Resolution("known", "networking")),
        ("network", Resolution("alias", "networking", "networking")),
        ("influence-without-authority", Resolution("deprecated", "persuasion", "persuasion")),
        ("influence", Resolution("deprecated", "persuasion", "persuasion")),
        ("retired", Resolution("deprecated", "retired")),
        ("career/early", Resolution("known", "career/early")),
        ("career/early/first-job", Resolution("known", "career/early/first-job")),
        ("career", Resolution("known", "career")),
        ("career-x", Resolution("unknown", "career-x")),
        ("teaching/x", Resolution("unknown", "teaching/x")),  # not a subtree
        ("Networking", Resolution("unknown", "Networking")),
    ],
)
def test_resolve(tag: str, expected: Resolution) -> None:
    assert parse(GOOD)[0].resolve(tag) == expected


@pytest.mark.parametrize(
    ("tag", "hint"),
    [
        ("Networking", "did you mean 'networking'?"),
        ("career_stage", ""),
        ("Professional_Network", "did you mean 'networking' (its alias 'professional-network')?"),
        ("teachng", "did you mean 'teaching'?"),
        ("LEADER SHIP", "did you mean 'leadership'?"),
        ("zzz", ""),
        ("retired", ""),  # deprecated tags are never suggested
    ],
)
def test_suggest(tag: str, hint: str) -> None:
    assert parse(GOOD)[0].suggest(tag) == hint


def test_fold() -> None:
    assert fold(" Career_Development ") == fold("career-development") == fold("career  development")


def test_a_separator_other_than_slash() -> None:
    taxonomy, _ = parse_taxonomy("tags:\n  a:\n    subtree: true\n", "t.yml", separator=".")
    assert taxonomy.resolve("a.b").kind == "known"
    assert taxonomy.resolve("a/b").kind == "unknown"


BAD = [
    ("", [(1, 1, "tag taxonomy is empty")]),
    (
        "tags: [a\n",
        [(2, 1, "tag taxonomy is not valid YAML: did not find expected ',' or ']'")],
    ),
    ("- a\n- b\n", [(1, 1, "tag taxonomy must be a mapping with 'tags:', not a list")]),
    (
        "tag:\n  a:\n",
        [
            (1, 1, "unknown key 'tag' in the tag taxonomy"),
            (1, 1, "tag taxonomy has no 'tags:' mapping"),
        ],
    ),
    ("tags: [a, b]\n", [(1, 7, "'tags' must map each tag to its details, not a list")]),
    ("tags:\n", []),
    ("tags:\n  a:\n  a:\n", [(3, 3, "tag 'a' is listed twice (first on line 2)")]),
    ("tags:\n  2024:\n", [(2, 3, "tag name '2024' is not text")]),
    (
        "tags:\n  a: [x]\n",
        [(2, 6, "details of tag 'a' must be a mapping or a description, not a list")],
    ),
    ("tags:\n  a:\n    descripton: x\n", [(3, 5, "unknown key 'descripton' in tag 'a'")]),
    ("tags:\n  a:\n    group: [x]\n", [(3, 12, "'group' of tag 'a' must be text, not a list")]),
    (
        "tags:\n  a:\n    subtree: yes please\n",
        [(3, 14, "'subtree' of tag 'a' must be true or false, not 'yes please'")],
    ),
    ("tags:\n  a:\n    aliases: [b, 3]\n", [(3, 18, "alias '3' of tag 'a' is not text")]),
    ("tags:\n  a:\n    aliases: b\n", []),
    ("tags:\n  a:\n    aliases: [a]\n", [(3, 15, "tag 'a' lists itself as an alias")]),
    ("tags:\n  a:\n  b:\n    aliases: [a]\n", [(4, 15, "alias 'a' of 'b' is also a tag")]),
    (
        "tags:\n  a:\n    aliases: [x]\n  b:\n    aliases: [x]\n",
        [(5, 15, "alias 'x' belongs to both 'a' and 'b'")],
    ),
    ("tags:\n  a:\n    aliases: [x, x]\n", [(3, 18, "alias 'x' is listed twice for 'a'")]),
    (
        "tags:\n  a:\n    deprecated: [b]\n",
        [(3, 17, "'deprecated' of tag 'a' must name its replacement or be true, not a list")],
    ),
    (
        "tags:\n  a:\n    deprecated: nope\n",
        [(3, 17, "tag 'a' is replaced by 'nope', which is not a tag of the taxonomy")],
    ),
    (
        "tags:\n  a:\n    deprecated: b\n  b:\n    deprecated: c\n  c:\n    deprecated: a\n",
        [(3, 17, "deprecated tags replace each other in a cycle: a → b → c → a")],
    ),
    (
        "tags:\n  a:\n    deprecated: a\n",
        [(3, 17, "deprecated tags replace each other in a cycle: a → a")],
    ),
    ("tags:\n  a:\n    group: x\n    group: y\n", [(4, 5, "key 'group' appears twice in tag 'a'")]),
    ("tags: {}\ntags: {}\n", [(2, 1, "'tags' appears twice in the tag taxonomy")]),
    (
        "tags:\n  a: \x00\n",
        [(2, 6, "tag taxonomy cannot be read: control characters are not allowed")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD, ids=[t for t, _ in BAD])
def test_every_problem_at_its_line(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert parse(text)[1] == expected


def test_a_cycle_leaves_its_tags_without_replacement() -> None:
    taxonomy, _ = parse("tags:\n  a:\n    deprecated: b\n  b:\n    deprecated: a\n")
    assert taxonomy.resolve("a") == Resolution("deprecated", "a")


def test_problems_do_not_hide_the_good_tags() -> None:
    taxonomy, findings = parse("tags:\n  a:\n    descripton: x\n  b: {group: G}\n")
    assert len(findings) == 1 and taxonomy.tags["b"].group == "G"


# Fragments of taxonomy syntax, so generated files reach the interesting paths.
FRAGMENTS = [
    "tags:",
    "  a:",
    "  b:",
    "  'c d':",
    "    description: x",
    "    group: G",
    "    aliases: [b, x]",
    "    aliases: [a]",
    "    deprecated: a",
    "    deprecated: b",
    "    deprecated: true",
    "    subtree: true",
    "    subtree: 3",
    "  - x",
    "tags: [",
    "  a: &x {}",
    "  b: *x",
    "  ? [a]",
    "    : 1",
    "other: 1",
    "    aliases:",
    "      - y",
    "      - {z: 1}",
    "  2024:",
    "\t",
    "'",
    "  e: !!binary aGk=",
    "  f: !!python/name:os.system",
    "---",
    "...",
    "%YAML 1.1",
]


@settings(max_examples=300, deadline=None)
@example(lines=["tags:", "\r0"])  # a lone CR is a line break: found by CI
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=14))
def test_any_file_gives_a_model_or_findings_at_real_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    taxonomy, findings = parse_taxonomy(text, "t.yml")
    # Line breaks as YAML counts them: \r is read as \n; NEL, LS and PS break lines too.
    count = sum(text.count(c) for c in "\n\r\x85\u2028\u2029") + 2
    for f in findings:
        assert f.code == "tags.bad-taxonomy" and 1 <= f.line <= count and f.column >= 1
    for name, tag in taxonomy.tags.items():
        assert tag.name == name and not (tag.deprecated is False and tag.replacement)
        assert taxonomy.resolve(name).kind in ("known", "deprecated")
        if tag.replacement is not None:  # a replacement is a tag that stays
            assert not taxonomy.tags[tag.replacement].deprecated
    for alias, owner in taxonomy.aliases.items():
        assert alias not in taxonomy.tags and owner in taxonomy.tags


names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=10
).filter(lambda s: s.strip() == s and s)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        names,
        st.fixed_dictionaries(
            {},
            optional={
                "description": st.text(max_size=20).map(str.strip),
                "group": names,
                "subtree": st.booleans(),
            },
        ),
        max_size=8,
    ),
    st.booleans(),
)
def test_a_dumped_taxonomy_reads_back_the_same(
    tags: dict[str, dict[str, object]], flow: bool
) -> None:
    text = yaml.safe_dump(
        {"tags": tags}, default_flow_style=flow, allow_unicode=True, sort_keys=False
    )
    taxonomy, findings = parse_taxonomy(text, "t.yml")
    if any(not isinstance(yaml.safe_load(yaml.safe_dump(n)), str) for n in tags):
        return  # a key YAML dumps quoted but we do not: skip
    assert findings == []
    assert list(taxonomy.tags) == list(tags)
    # PyYAML's own reading is the oracle (its dump of a NEL or a line break reads back as a
    # space, so the generated value itself is not).
    loaded = yaml.safe_load(text)["tags"]
    for name in tags:
        tag, details = taxonomy.tags[name], loaded[name]
        assert tag.description == details.get("description", "").strip()
        assert tag.group == details.get("group", "").strip()
        assert tag.subtree == details.get("subtree", False)
