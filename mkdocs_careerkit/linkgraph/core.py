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
    """The graph as JSON text (UTF-8, indented, a newline at the end)."""
    return json.dumps(graph(pages, links), indent=1, ensure_ascii=False) + "\n"
