"""Text of Python-Markdown's tree as the author wrote it, or as a reader sees it.

Until the page is written, Python-Markdown holds entities and inline HTML aside in its
``htmlStash`` and leaves a placeholder (``\\x02wzxhzdk:N\\x03``) in the tree's text. A message
that quotes the author, or an id made from a title, needs what the placeholder holds.
"""

from __future__ import annotations

import html
import re

from markdown import Markdown
from markdown.util import HTML_PLACEHOLDER_RE

_TAG_RE = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def unstash(text: str, md: Markdown) -> str:
    """``text`` with each placeholder replaced by what it holds, as written (a block the
    stash holds as an element gives its text)."""
    if HTML_PLACEHOLDER_RE.search(text) is None:
        return text
    stash = md.htmlStash.rawHtmlBlocks

    def held(m: re.Match[str]) -> str:
        n = int(m.group(1))
        block = stash[n] if n < len(stash) else m.group(0)
        return block if isinstance(block, str) else "".join(block.itertext())

    return HTML_PLACEHOLDER_RE.sub(held, text)


def shown(text: str, md: Markdown) -> str:
    """What a reader sees of ``text``: placeholders put back, tags left out, entities read."""
    return html.unescape(_TAG_RE.sub("", unstash(text, md)))
