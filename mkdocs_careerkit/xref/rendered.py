"""What Python-Markdown really rendered for a page: the facts a build judges links by.

A Treeprocessor that runs after every other one that adds ids or links (``toc`` at 5,
pymdownx.tabbed's header slugs at 4) and right before MkDocs rewrites ``.md`` links (its
``relpath`` at 0), so it sees each link as written and each id as published. It reads the
tree once and Python-Markdown's own tables; it never parses HTML text of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor

from mkdocs_careerkit.xref.check import Rendered

# Ids in HTML that Python-Markdown stashed (highlighted code with `anchor_linenums`, code
# block ids from superfences, raw HTML that other extensions produced).
_STASH_ID_RE = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LINK_ATTRS = {"a": "href", "img": "src"}
_SKIP_TEXT = frozenset({"code", "pre", "script", "style"})

Sink = Callable[[Rendered], None]
Labels = Callable[[], Collection[str]]
"""The reference labels, as written, that the page's source uses (asked only if needed)."""

PRIORITY = 0.5


class RenderedFactsExtension(Extension):
    """Hands each converted page's :class:`Rendered` facts to ``sink``."""

    def __init__(self, sink: Sink, labels: Labels) -> None:
        super().__init__()
        self.sink = sink
        self.labels = labels

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Collector(md, self), "careerkit_facts", PRIORITY)


class _Collector(Treeprocessor):
    def __init__(self, md: Markdown, ext: RenderedFactsExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: Element) -> None:
        md = self.md
        hrefs: set[str] = set()
        ids: set[str] = set()
        for el in root.iter():
            anchor = el.get("id")
            if anchor:
                ids.add(anchor)
            attr = _LINK_ATTRS.get(el.tag)  # type: ignore[call-overload]
            if attr is not None:
                target = el.get(attr)
                if target is not None:
                    hrefs.add(target)
                name = el.get("name")  # `<a name>` is an anchor too, as MkDocs counts it
                if name and el.tag == "a":
                    ids.add(name)
        for block in md.htmlStash.rawHtmlBlocks:
            if isinstance(block, str) and ("id" in block or "name" in block):
                for m in _STASH_ID_RE.finditer(block):
                    ids.add(m.group(1) if m.group(1) is not None else m.group(2))
        # Escapes (`{#\_fn_1}`) are still placeholders here; Python-Markdown restores them last.
        ids = {unescape(i) if "\x02" in i else i for i in ids}
        hrefs = {unescape(h) if "\x02" in h else h for h in hrefs}
        references = {key: target for key, (target, _title) in md.references.items()}
        missing = [
            label
            for label in self.ext.labels()
            if " ".join(label.lower().split()) not in references
        ]
        literal = _literal_labels(root, missing) if missing else frozenset()
        self.ext.sink(
            Rendered(
                hrefs=frozenset(hrefs),
                ids=frozenset(ids),
                references=references,
                literal=literal,
                footnotes=_footnotes(md),
            )
        )


# Python-Markdown's own restorer of escape placeholders (STX 95 ETX for an escaped underscore);
# its treeprocessor runs last, after this one.
unescape = UnescapeTreeprocessor().unescape


def _footnotes(md: Markdown) -> frozenset[str] | None:
    """The footnote labels the page defines; None when footnotes are not enabled."""
    for ext in md.registeredExtensions:
        if isinstance(ext, FootnoteExtension):
            return frozenset(ext.footnotes)
    return None


def _text(el: Element) -> Iterator[str]:
    """The element's text outside code, as the reader sees it."""
    if el.tag in _SKIP_TEXT:
        return
    if el.text:
        yield el.text
    for child in el:
        yield from _text(child)
        if child.tail:
            yield child.tail


def _literal_labels(root: Element, labels: Collection[str]) -> frozenset[str]:
    """The labels whose ``[label]`` Python-Markdown left as text (no definition, no plugin)."""
    text = " ".join("".join(_text(root)).split())
    return frozenset(label for label in labels if f"[{' '.join(label.split())}]" in text)
