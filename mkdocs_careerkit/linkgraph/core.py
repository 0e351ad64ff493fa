"""The link graph as data, pure: the same for the build and ``careerkit check``.

Its shape is described by ``mkdocs_careerkit/schemas/link-graph.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs_careerkit.xref.check import PageLink

VERSION = 1
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "link-graph.schema.json"


def graph(pages: Iterable[str], links: Iterable[PageLink]) -> dict[str, Any]:
    """The graph: every page (docs paths, sorted) and every link to a page, in reading order.

    Args:
        pages: Docs paths of the site's pages.
        links: The links the cross-reference checks resolved (resolved or broken).
    """
    return {
        "careerkit_link_graph": VERSION,
        "pages": sorted(set(pages)),
        "links": [
            {
                "source": x.source,
                "line": x.line,
                "column": x.column,
                "target": x.target,
                "anchor": x.anchor,
                "text": x.text,
                "resolved": x.resolved,
            }
            for x in sorted(links, key=lambda x: (x.source, x.line, x.column, x.target))
        ],
    }


def graph_json(pages: Iterable[str], links: Iterable[PageLink]) -> str:
    """The graph as JSON text: one page or link per line, so that diffs of two builds read
    well (and large sites are written by the C encoder, which ``indent`` would bypass)."""
    data = graph(pages, links)

    def rows(items: list[Any]) -> str:
        if not items:
            return "[]"
        return "[\n  " + ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in items) + "\n ]"

    return (
        f'{{\n "careerkit_link_graph": {data["careerkit_link_graph"]},\n'
        f' "pages": {rows(data["pages"])},\n "links": {rows(data["links"])}\n}}\n'
    )
