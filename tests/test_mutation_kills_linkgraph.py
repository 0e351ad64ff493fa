"""The link graph as JSON text, exactly: what the survivors of `linkgraph/core.py` changed."""

from __future__ import annotations

import json

from mkdocs_careerkit.linkgraph.core import graph, graph_json
from mkdocs_careerkit.xref.check import PageLink


def test_an_empty_site_is_two_empty_lists() -> None:
    text = graph_json([], [])
    assert text == '{\n "careerkit_link_graph": 1,\n "pages": [],\n "links": []\n}\n'
    assert json.loads(text) == graph([], [])


def test_one_row_per_page_and_link_and_text_kept_as_written() -> None:
    """Non-ASCII link text stays readable in a diff (UTF-8, not ``\\u`` escapes)."""
    link = PageLink("café.md", 3, 1, "naïve.md", "", "Réseau – “pro”", True)
    text = graph_json(["naïve.md", "café.md"], [link])
    assert text == (
        "{\n"
        ' "careerkit_link_graph": 1,\n'
        ' "pages": [\n  "café.md",\n  "naïve.md"\n ],\n'
        ' "links": [\n  {"source": "café.md", "line": 3, "column": 1, "target": "naïve.md", '
        '"anchor": "", "text": "Réseau – “pro”", "resolved": true}\n ]\n'
        "}\n"
    )
    assert json.loads(text) == graph(["naïve.md", "café.md"], [link])
