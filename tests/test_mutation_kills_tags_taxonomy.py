"""The taxonomy's resolution of aliases of deprecated tags, folding, and an empty separator.

Written against survivors of ``tags/taxonomy.py`` (see tests/MUTATION.md): no test resolved an
alias of a deprecated tag, compared a folded tag with its exact value, or used a taxonomy
without a hierarchy separator.
"""

from __future__ import annotations

import pytest

from mkdocs_careerkit.tags.taxonomy import Resolution, fold, parse_taxonomy

TAGS = """\
tags:
  persuasion:
  influence:
    deprecated: persuasion
    aliases: [sway]
  retired:
    deprecated: true
    aliases: [old]
  career:
    subtree: true
"""


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        # An alias of a deprecated tag leads to its replacement, when it has one...
        ("sway", Resolution("alias", "persuasion", "influence")),
        # ... else to the deprecated tag itself.
        ("old", Resolution("alias", "retired", "retired")),
    ],
)
def test_an_alias_of_a_deprecated_tag(tag: str, expected: Resolution) -> None:
    taxonomy, findings = parse_taxonomy(TAGS, "tags.yml")
    assert findings == []
    assert taxonomy.resolve(tag) == expected


def test_without_a_separator_there_are_no_subtrees() -> None:
    taxonomy, findings = parse_taxonomy(TAGS, "tags.yml", separator="")
    assert findings == []
    assert taxonomy.resolve("career/early") == Resolution("unknown", "career/early")
    assert taxonomy.resolve("career") == Resolution("known", "career")


@pytest.mark.parametrize(
    ("tag", "folded"),
    [
        (" Career_Development ", "career-development"),
        ("career  development", "career-development"),
        ("-Career--Growth_", "career-growth"),
        ("X-Ray", "x-ray"),
    ],
)
def test_fold(tag: str, folded: str) -> None:
    assert fold(tag) == folded
