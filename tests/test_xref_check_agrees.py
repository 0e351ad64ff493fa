"""careerkit check works out the ids the build reads from the rendered page: the same set, for
the constructs real sites use (emoji and block-quote headings, escaped ids, code block ids and
line anchors, content tabs with slugs, footnotes), in any order and repetition."""

from __future__ import annotations

from typing import Any

import markdown
import pymdownx.slugs
from hypothesis import event, given, settings
from hypothesis import strategies as st
from material.extensions import emoji as material_emoji

from mkdocs_careerkit.xref.check import Rendered
from mkdocs_careerkit.xref.rendered import RenderedFactsExtension
from mkdocs_careerkit.xref.scan import scan_page

TAB_SLUGIFY = pymdownx.slugs.slugify(case="lower")
EXTENSIONS: list[Any] = [
    "toc",
    "attr_list",
    "footnotes",
    "admonition",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.emoji",
]
CONFIGS: dict[str, dict[str, Any]] = {
    "pymdownx.highlight": {"anchor_linenums": True},
    "pymdownx.tabbed": {
        "alternate_style": True,
        "combine_header_slug": True,
        "slugify": TAB_SLUGIFY,
    },
    "pymdownx.emoji": {
        "emoji_index": material_emoji.twemoji,
        "emoji_generator": material_emoji.to_svg,
    },
}
FRAGMENTS = [
    "## Plain heading",
    "## Same words",
    "## Same words",
    "## :rocket: Launch",
    "### Launch :tada: again",
    "> ## Quoted heading",
    "## Escaped id {#\\_fn_1}",
    "## Own id {#custom-id}",
    "``` { .sh #example }\necho hi\n```",
    '```py linenums="3"\nx = 1\ny = 2\n```',
    "```text\nplain\n```",
    '=== "Linux"\n\n    Use the package manager.\n\n=== "macOS"\n\n    Use Homebrew.',
    '=== "Install Now"\n\n    Go.',
    "A note[^n] here.\n\n[^n]: The note.",
    "Plain paragraph with `code` and *emphasis*.",
    "- a list item\n- another",
    '!!! note "Heads up"\n\n    ## Inside an admonition',
]


def rendered_ids(text: str) -> frozenset[str]:
    got: list[Rendered] = []
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, RenderedFactsExtension(got.append, list)],
        extension_configs=CONFIGS,
    )
    md.convert(text)
    [facts] = got
    return facts.ids


def estimated_ids(text: str) -> frozenset[str]:
    return scan_page(
        text,
        emoji=True,
        tab_slugs=(TAB_SLUGIFY, "-", True),
        line_anchors=True,
    ).anchors


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=7))
def test_check_estimates_exactly_the_ids_the_build_renders(parts: list[str]) -> None:
    text = "\n\n".join(parts) + "\n"
    for part in set(parts):
        event(part.split("\n")[0][:24])
    assert estimated_ids(text) == rendered_ids(text)


def test_every_fragment_alone() -> None:
    for part in FRAGMENTS:
        assert estimated_ids(part + "\n") == rendered_ids(part + "\n"), part
