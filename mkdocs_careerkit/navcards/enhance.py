"""Turn what Python-Markdown rendered under "Cross-Reference Navigation" into groups of cards.

Pure: an element tree in, the same tree enhanced out; nothing here imports MkDocs. Two shapes are
read, both as the author meant them:

* the properly separated form: a bold label paragraph (``**Group:**``), then a list whose items
  start with a link (``- **[Title](page.md)** - reason``);
* the swallowed form: the label line directly followed by ``- `` lines, which Python-Markdown
  renders as *one paragraph* with literal dashes. Its lines are cut apart where a line break is
  followed by ``- ``, ``* `` or ``+ `` and moved, node by node, into a new list.

Only classes, data attributes and wrapper elements are added and existing nodes moved; a text
node is cut only at a line break, at a list marker or after a separator (`` - ``). No text is
added (the target page's title, description and tags come later, into each card's empty
placeholder), so the section's text reads exactly as before. What does not have one of these
shapes stays exactly as rendered and is returned as unparsed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from xml.etree.ElementTree import Element

from mkdocs_careerkit.reading.render import (  # the one card component's helpers
    add_class,
    append_text,
)

CARDS = "careerkit-cards"
CARD = "careerkit-card"
GROUP = "careerkit-card-group"
NAVCARDS = "careerkit-navcards"
NAVCARD = "careerkit-navcard"
LINK = "careerkit-navcard-link"
TITLE = "careerkit-navcard-title"
MARKER = "careerkit-navcard-marker"
SEP = "careerkit-navcard-sep"
WHY = "careerkit-card-why"
META = "careerkit-navcard-meta"
Mark = Callable[[int], str]
PLACEHOLDER = "<!--careerkit:navcard:{}-->"
"""The plugin's mark for card ``{}``'s details: filled once every page is known."""
SLOT = "data-careerkit-navcard"

_HEADING_RE = re.compile(r"^h([1-6])$")
_BLOCKS = frozenset(
    {"p", "ul", "ol", "div", "blockquote", "pre", "table", "dl", "details", "hr", "section"}
)
# Bold and italics as Python-Markdown renders them; an author's <b> or <i> is raw HTML, kept in
# its stash (a placeholder in the text) until after the cards are made: never an element here.
_WRAPPERS = frozenset({"strong", "em"})
# A line break followed by a list marker CommonMark would start an item with (and its spaces).
_ITEM_START_RE = re.compile(r"(\n[ ]{0,3})([-*+][ ]+)(?=\S|\Z)")
# Between the link and the reason: a dash, en or em dash, or colon, with white space around.
_SEP_RE = re.compile(r"^[ \t]*(?:[-–—:][ \t]+|[ \t]+(?=\S))")


@dataclasses.dataclass(frozen=True)
class Card:
    """A card made from an item: its link as written (before MkDocs rewrites it) and its text."""

    href: str
    text: str
    has_reason: bool
    swallowed: bool


@dataclasses.dataclass(frozen=True)
class Section:
    """What became of one navigation section: its cards in order, and items left as written.

    Attributes:
        heading: The heading's text.
        cards: The cards, in order; card ``n`` of the page has the placeholder ``n`` (counted
            across the page's sections).
        unparsed: The text of each item (or swallowed paragraph) left as written.
        swallowed: For each paragraph with swallowed list items, in order: whether it became
            cards.
    """

    heading: str
    cards: tuple[Card, ...]
    unparsed: tuple[str, ...]
    swallowed: tuple[bool, ...]


def _text(el: Element) -> str:
    return "".join(el.itertext())


def _norm(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip().casefold()


@functools.lru_cache(maxsize=8)
def _keys(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_norm(n) for n in names)


def heading_matches(text: str, names: Sequence[str]) -> bool:
    """Whether a heading's text names a navigation section (any case, a final colon ignored)."""
    return _norm(text) in _keys(tuple(names))


def enhance(
    root: Element, names: Sequence[str], start: int = 0, mark: Mark | None = None
) -> list[Section]:
    """Make cards of every navigation section among ``root``'s children.

    Args:
        root: The rendered page (Python-Markdown's root element).
        names: Heading texts of navigation sections.
        start: Number of the first card's placeholder.
        mark: Given a card's number, the text that marks where its details go (the plugin
            stashes an HTML comment of its own: no element for the search plugin to read);
            None: an empty ``<span class="careerkit-navcard-meta">``.

    Returns:
        Each section found, in order.
    """
    out: list[Section] = []
    top = list(root)
    n = start
    for i, el in enumerate(top):
        m = _HEADING_RE.match(el.tag)
        if not m or not heading_matches(_text(el), names):
            continue
        level = int(m.group(1))
        body: list[Element] = []
        for later in top[i + 1 :]:
            h = _HEADING_RE.match(later.tag)
            if h and int(h.group(1)) <= level:
                break
            body.append(later)
        section = _section(root, _text(el).strip(), body, n, mark)
        n += len(section.cards)
        out.append(section)
    return out


def _section(
    root: Element, heading: str, body: list[Element], first: int, mark: Mark | None
) -> Section:
    cards: list[Card] = []
    unparsed: list[str] = []
    swallowed: list[bool] = []
    label: Element | None = None  # a label paragraph right before the element
    for el in body:
        before, label = label, None
        if el.tag in ("ul", "ol"):
            had = len(cards)
            for li in list(el):
                if li.tag != "li":
                    continue
                card = _list_item(li, first + len(cards), mark)
                if card is None:
                    unparsed.append(" ".join(_text(li).split()))
                else:
                    cards.append(card)
            if len(cards) > had:
                add_class(el, CARDS)
                add_class(el, NAVCARDS)
                if before is not None:
                    add_class(before, GROUP)
        elif el.tag == "p":
            if _is_label(list(el), el.text):
                label = el
                continue
            if _ITEM_START_RE.search(_text(el)) is None:
                continue  # prose of the section: left alone
            made_cards = _swallowed(root, el, first + len(cards), mark)
            swallowed.append(made_cards is not None)
            if made_cards is None:
                unparsed.append(" ".join(_text(el).split()))
            else:
                cards += made_cards
    return Section(heading, tuple(cards), tuple(unparsed), tuple(swallowed))


def _is_label(nodes: list[Element], text: str | None, tails: list[str] | None = None) -> bool:
    """Nodes (and the text before them) that are only a bold label: ``**Group:**`` (a colon
    and a hard line break may follow). ``tails``: the nodes' tails, if not their own."""
    if (text or "").strip() or not nodes or nodes[0].tag != "strong":
        return False
    if not _text(nodes[0]).strip():
        return False
    own = tails if tails is not None else [n.tail or "" for n in nodes]
    rest = nodes[1:]
    if rest and not (len(rest) == 1 and rest[0].tag == "br" and not own[1].strip()):
        return False
    return not own[0].strip(" \t\n:")


def _link_of(first: Element) -> Element | None:
    """The link an item starts with: ``[x](y)``, or it wrapped in bold or italics."""
    if first.tag == "a":
        return first if first.get("href") is not None else None
    if first.tag in _WRAPPERS and len(first) == 1 and not (first.text or "").strip():
        inner = first[0]
        if not (inner.tail or "").strip():
            return _link_of(inner)
    return None


def _list_item(li: Element, slot: int, mark: Mark | None) -> Card | None:
    """Make a rendered ``<li>`` a card; None (``li`` unchanged) when it is not a link first."""
    content = li
    kids = list(li)
    if len(kids) == 1 and kids[0].tag == "p" and not (li.text or "").strip():
        content = kids[0]  # a loose list: <li><p>…</p></li>
    nodes = list(content)
    if not nodes or (content.text or "").strip() or any(k.tag in _BLOCKS for k in nodes):
        return None
    link = _link_of(nodes[0])
    if link is None:
        return None
    card = _make_card(content, nodes, link, slot, mark, swallowed=False)
    _card_attrs(li, slot)
    return card


def _card_attrs(li: Element, slot: int) -> None:
    add_class(li, CARD)
    add_class(li, NAVCARD)
    li.set(SLOT, str(slot))


def _make_card(
    content: Element,
    nodes: list[Element],
    link: Element,
    slot: int,
    placeholder: Mark | None,
    *,
    swallowed: bool,
) -> Card:
    """Mark the title and link, wrap the reason, add the empty placeholder, in ``content``
    (whose last children are ``nodes``, the item: title element, then the reason)."""
    title = nodes[0]
    add_class(title, TITLE)
    add_class(link, LINK)
    tail = title.tail or ""
    later = nodes[1:]
    has_reason = bool(tail.strip()) or bool(later)
    if has_reason:
        sep = _SEP_RE.match(tail)
        cut = sep.end() if sep else 0
        title.tail = None
        for k in later:  # the reason's elements move into its wrapper, after the title
            content.remove(k)
        if cut:
            mark = Element("span", {"class": SEP})
            mark.text = tail[:cut]
            content.append(mark)
        why = Element("span", {"class": WHY})
        why.text = tail[cut:]
        why.extend(later)
        content.append(why)
    if placeholder is None:
        content.append(Element("span", {"class": META, SLOT: str(slot)}))
    else:
        append_text(content, placeholder(slot))
    return Card(link.get("href") or "", " ".join(_text(link).split()), has_reason, swallowed)


@dataclasses.dataclass
class _Line:
    """A line of a paragraph: the break and list marker that start it (the first line has
    neither), the text up to its first element, and its elements (each keeps the part of its
    tail on this line)."""

    brk: str = ""
    marker: str = ""
    lead: str = ""
    nodes: list[Element] = dataclasses.field(default_factory=list)
    tails: list[str] = dataclasses.field(default_factory=list)


def _lines(p: Element) -> list[_Line] | None:
    """The paragraph cut at each line break followed by a list marker; None when a marker
    line starts inside an element (``**a\n- b**``), where CommonMark would break the element."""
    lines = [_Line()]

    def feed(s: str) -> str:
        parts = _ITEM_START_RE.split(s)  # the text, then each line's break, marker and text
        for at in range(1, len(parts), 3):
            brk, marker, lead = parts[at : at + 3]
            lines.append(_Line(brk, marker, lead))
        return parts[0]

    lines[0].lead = feed(p.text or "")
    for child in p:
        if _ITEM_START_RE.search(_text(child)):
            return None
        line = lines[-1]
        line.nodes.append(child)
        line.tails.append(feed(child.tail or ""))
    return lines


def _swallowed(root: Element, p: Element, slot: int, mark: Mark | None) -> list[Card] | None:
    """The swallowed form: a paragraph of a label line, then ``- `` item lines. Its item lines
    go, node by node, into a new list after it; None (``p`` unchanged) when any line is not
    an item that starts with a link."""
    lines = _lines(p)
    if lines is None or len(lines) < 2:
        return None
    label, items = lines[0], lines[1:]
    if not _is_label(label.nodes, label.lead, label.tails):
        return None
    for line in items:
        if line.lead.strip() or not line.nodes or any(k.tag in _BLOCKS for k in line.nodes):
            return None
        if _link_of(line.nodes[0]) is None:
            return None
    # Every check passed: from here on the tree is changed.
    add_class(p, GROUP)
    for node, tail in zip(label.nodes, label.tails, strict=True):
        node.tail = tail
    ul = Element("ul", {"class": f"{CARDS} {NAVCARDS}"})
    ul.tail, p.tail = p.tail, items[0].brk
    cards: list[Card] = []
    for k, line in enumerate(items):
        li = Element("li")
        marker = Element("span", {"class": MARKER, "aria-hidden": "true"})
        marker.text, marker.tail = line.marker, line.lead
        li.append(marker)
        for node, tail in zip(line.nodes, line.tails, strict=True):
            p.remove(node)
            node.tail = tail
            li.append(node)
        li.tail = items[k + 1].brk if k + 1 < len(items) else None
        link = _link_of(line.nodes[0])
        if link is not None:  # always: checked above
            cards.append(_make_card(li, line.nodes, link, slot + k, mark, swallowed=True))
        _card_attrs(li, slot + k)
        ul.append(li)
    root.insert(list(root).index(p) + 1, ul)  # the paragraph is a child of the page's root
    return cards
