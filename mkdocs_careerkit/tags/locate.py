"""Where a key and each item of its list are written in a YAML text (front matter, ``.meta.yml``).

Pure. PyYAML's composer keeps each node's start mark, so block or flow style, quoted or plain,
comments and odd indentation all place exactly; invalid YAML places nothing (it is reported as
``page.bad-front-matter`` elsewhere). Called only for pages that have a tag finding, so clean pages
pay nothing.
"""

from __future__ import annotations

import dataclasses

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclasses.dataclass(frozen=True)
class Located:
    """Positions (1-based line and column in the file) of a key, its value and its list items.

    Attributes:
        key: Where the key is written.
        value: Where its value starts.
        items: Where each item starts, if the value is a list (the quote, for a quoted item).
    """

    key: tuple[int, int]
    value: tuple[int, int]
    items: tuple[tuple[int, int], ...] = ()

    def item(self, index: int) -> tuple[int, int]:
        """Position of item ``index``, or of the value when there is no such item."""
        return self.items[index] if 0 <= index < len(self.items) else self.value


def locate(text: str, key: str, first_line: int = 1) -> Located | None:
    """Find the top-level ``key`` of the YAML mapping ``text``.

    Args:
        text: The YAML (a front matter block without its ``---`` lines, or a whole file).
        key: The top-level key to find (the last one wins, as in YAML loading).
        first_line: File line of the first line of ``text``.

    Returns:
        The positions, or None if ``text`` is not a YAML mapping with that key.
    """
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    found = None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            found = (k, v)
    if found is None:
        return None
    k, v = found

    def at(node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + first_line, node.start_mark.column + 1

    items = tuple(at(item) for item in v.value) if isinstance(v, yaml.SequenceNode) else ()
    return Located(at(k), at(v), items)
