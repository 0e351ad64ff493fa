"""Turn the list Python-Markdown rendered under "Further Reading" into cards, in place.

Only classes, data attributes and wrapper ``<span>`` elements are added, and existing nodes are
moved into them; a text node is cut in two only where the entry's citation text, as written and
free of Markdown, ends. Author text is never read back as Markdown nor re-created. When the
rendered item does not have the shape the parsed entry promises, it is left untouched and the
caller reports it. Imports nothing from MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from xml.etree.ElementTree import Element, SubElement, tostring

from mkdocs_careerkit.reading.data import BookData
from mkdocs_careerkit.reading.parse import Entry, book_key, plain_rest, split_title
from mkdocs_careerkit.reading.site import Book, book_ids

CARD = "careerkit-card"
CARDS = "careerkit-cards"
GROUP = "careerkit-card-group"
_BLOCKS = frozenset({"p", "ul", "ol", "div", "blockquote", "pre", "table", "dl", "details"})


def add_class(el: Element, cls: str) -> None:
    classes = (el.get("class") or "").split()
    if cls not in classes:
        el.set("class", " ".join([*classes, cls]))


def append_text(el: Element, text: str) -> None:
    """Put ``text`` at the very end of ``el``'s content (after its last child, if any)."""
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _text(el: Element) -> str:
    return "".join(el.itertext())


# What parse.py's note separators leave before a note, when it is not a parenthesis.
_SEP_RE = re.compile(r"\s*(?:[-–—]{1,2}\s*|:\s+)(?=\S)")


def enhance_item(li: Element, entry: Entry) -> bool:
    """Make a rendered ``<li>`` a card; False (``li`` unchanged) if its shape is unexpected."""
    content = li
    kids = list(li)
    if len(kids) == 1 and kids[0].tag == "p" and not (li.text or "").strip():
        content = kids[0]  # a loose list: <li><p>…</p></li>
    elif any(k.tag in _BLOCKS for k in kids):
        return False
    children = list(content)
    if not children or any(k.tag in _BLOCKS for k in children):
        return False
    anchor = children[0]
    fits, title_el = _title_element(anchor, entry)
    if not fits:
        return False
    tail = anchor.tail or ""
    if not plain_rest(entry.rest) or not tail.startswith(entry.rest):
        return False
    rest_tail = tail[len(entry.rest) :]
    later = children[1:]
    if not entry.note and (rest_tail.strip() or later):
        return False
    if entry.note and not (rest_tail.strip() or later):
        return False
    # Every check passed: from here on the tree is changed.
    cite = Element("span", {"class": "careerkit-card-cite"})
    cite.text, content.text = content.text, None
    content.remove(anchor)
    cite.append(anchor)
    anchor.tail = entry.rest if entry.note else tail
    content.insert(0, cite)
    if entry.note:
        why = Element("span", {"class": "careerkit-card-why"})
        sep = _SEP_RE.match(rest_tail)
        why.text = rest_tail[sep.end() :] if sep else rest_tail
        for k in later:
            content.remove(k)
            why.append(k)
        content.insert(1, why)
        if sep:
            # The note is shown on a line of its own: the dash or colon that set it apart from
            # the citation is kept, in a span the stylesheet hides (print shows it).
            mark = Element("span", {"class": "careerkit-card-sep"})
            mark.text = sep.group(0)
            content.insert(1, mark)
    if title_el is not None:
        add_class(title_el, "careerkit-card-title")
        _mark_subtitle(title_el, entry)
    add_class(li, CARD)
    li.set("data-careerkit-kind", entry.kind)
    li.set("data-careerkit-book", book_key(entry))
    return True


def _title_element(anchor: Element, entry: Entry) -> tuple[bool, Element | None]:
    """Whether the anchor fits the entry, and the element holding the title (None for an
    article, whose title is quoted text)."""
    want = (entry.title, entry.subtitle)
    if entry.style == "bold":
        if anchor.tag != "strong" or (anchor.tail is not None and anchor.tail[:1] not in " \n"):
            return False, None
        for em in anchor.iter("em"):
            return split_title(_text(em)) == want, em
        return False, None
    if anchor.tag != "em":
        return False, None
    if entry.style == "article":
        return _text(anchor).strip() == entry.venue, None
    return split_title(_text(anchor)) == want, anchor


def _mark_subtitle(title_el: Element, entry: Entry) -> None:
    """Wrap the subtitle (from its ``:``) in a span, when the title is plain text."""
    text = title_el.text or ""
    if not entry.subtitle or len(title_el) or not text.endswith(entry.subtitle):
        return
    cut = text.find(entry.title) + len(entry.title)
    if cut < len(entry.title) or cut >= len(text):
        return
    sub = Element("span", {"class": "careerkit-card-subtitle"})
    sub.text = text[cut:]
    title_el.text = text[:cut]
    title_el.append(sub)


def enhance_ref(li: Element, ref: str, entry: Entry) -> bool:
    """Make ``[book:id] note`` a card from the data file's book; False if the item is not that
    text as rendered (``li`` unchanged). Only careerkit's own ``[book:id]`` is replaced."""
    content = li
    kids = list(li)
    if len(kids) == 1 and kids[0].tag == "p" and not (li.text or "").strip():
        content = kids[0]
    marker = f"[book:{ref}]"
    if not (content.text or "").startswith(marker) or any(k.tag in _BLOCKS for k in content):
        return False
    rest = (content.text or "")[len(marker) :]
    later = list(content)
    cite = Element("span", {"class": "careerkit-card-cite"})
    _citation(cite, entry)
    content.text = None
    content.insert(0, cite)
    if rest.strip() or later:
        why = Element("span", {"class": "careerkit-card-why"})
        why.text = rest
        for k in later:
            content.remove(k)
            why.append(k)
        content.insert(1, why)
    elif entry.note:
        why = SubElement(content, "span", {"class": "careerkit-card-why"})
        why.text = entry.note
    add_class(li, CARD)
    li.set("data-careerkit-kind", entry.kind)
    li.set("data-careerkit-book", book_key(entry))
    return True


def _citation(cite: Element, e: Entry) -> None:
    """Title (with subtitle), then authors, venue and year, as new text nodes."""
    title = SubElement(cite, "cite", {"class": "careerkit-card-title"})
    title.text = e.title
    if e.subtitle:
        sub = SubElement(title, "span", {"class": "careerkit-card-subtitle"})
        sub.text = f": {e.subtitle}"
    bits = []
    if e.authors:
        bits.append(", ".join(e.authors) + (" et al." if e.et_al else ""))
    if e.venue:
        bits.append(e.venue)
    if e.year is not None:
        bits.append(str(e.year))
    title.tail = (" — " + ", ".join(bits)) if bits else None


def add_also(li: Element, mark: str) -> None:
    """Append ``mark`` at the end of a card: a placeholder (Python-Markdown stashes careerkit's
    comment there) for the "Also recommended in N other pages" link, which the plugin puts in
    once every page is known, after the search plugin has read the page (see :func:`also`)."""
    content = li[0] if len(li) == 1 and li[0].tag == "p" and not (li.text or "").strip() else li
    append_text(content, mark)


def also(text: str, href: str) -> str:
    """careerkit's link from a card to the book on the reading list, as HTML."""
    box = Element("span", {"class": "careerkit-card-also"})
    link = SubElement(box, "a", {"href": href})
    link.text = text
    return tostring(box, encoding="unicode", method="html")


def is_group_label(p: Element, labels: set[str]) -> bool:
    """A paragraph that is only a bold label the source scan also found (``**Group:**``)."""
    kids = list(p)
    if p.tag != "p" or len(kids) != 1 or kids[0].tag != "strong" or (p.text or "").strip():
        return False
    if (kids[0].tail or "").strip(" :\n"):
        return False
    return _text(kids[0]).strip().rstrip(":").strip() in labels


def reading_list(
    books: Sequence[Book],
    href: Callable[[str, str], str],
    titles: Mapping[str, str],
    exports: Sequence[tuple[str, str]] = (),
    cover_href: Callable[[str], str] | None = None,
    groups: Sequence[tuple[str, Sequence[int]]] | None = None,
) -> Element:
    """The site-wide reading list: one card per book with "Recommended in" back-links.

    Args:
        books: The merged books.
        href: ``(page, anchor)`` → the link to that place from the list's page.
        titles: Page titles by docs path.
        exports: ``(label, href)`` of downloadable exports (JSON, CSV).
        cover_href: Docs path of a cover image → its link from the list's page.
        groups: ``(heading, indices of books)`` in order, each book in one group; None for
            one list without headings.
    """
    root = Element("div", {"class": "careerkit-reading-list"})
    chapters = {p for b in books for p in b.pages}
    intro = SubElement(root, "p", {"class": "careerkit-reading-count"})
    intro.text = (
        f"{len(books)} {'book or article' if len(books) == 1 else 'books and articles'}, "
        f"recommended in {len(chapters)} {'page' if len(chapters) == 1 else 'pages'}."
    )
    if exports:
        intro.text += " Download: "
        for n, (label, link) in enumerate(exports):
            a = SubElement(intro, "a", {"href": link, "download": ""})
            a.text = label
            a.tail = ", " if n < len(exports) - 1 else "."
    ids = book_ids(books)
    if groups is None:
        groups = [("", range(len(books)))]
    for heading, members in groups:
        parent = root
        if heading:
            parent = SubElement(root, "section", {"class": "careerkit-reading-group"})
            h2 = SubElement(parent, "h2")
            h2.text = heading
        cards = SubElement(parent, "ul", {"class": CARDS})
        for i in members:
            _list_card(cards, books[i], ids[i], href, titles, cover_href)
    return root


def _list_card(
    cards: Element,
    book: Book,
    book_id: str,
    href: Callable[[str, str], str],
    titles: Mapping[str, str],
    cover_href: Callable[[str], str] | None,
) -> None:
    """One book's card on the reading list."""
    e = book.entry
    li = SubElement(
        cards,
        "li",
        {
            "class": CARD,
            "id": book_id,
            "data-careerkit-book": book_key(e),
            "data-careerkit-kind": e.kind,
        },
    )
    data = book.data
    if data is not None and data.cover and cover_href is not None:
        SubElement(
            li,
            "img",
            {
                "class": "careerkit-card-cover",
                "src": cover_href(data.cover),
                "alt": f"Cover of {e.title}",
                "loading": "lazy",
            },
        )
    cite = SubElement(li, "span", {"class": "careerkit-card-cite"})
    _citation(cite, e)
    if data is not None:
        _details(cite, data)
    why = SubElement(li, "span", {"class": "careerkit-card-why"})
    n = len(book.pages)
    why.text = "Recommended in "
    places = list(dict.fromkeys((c.file, c.anchor) for c in book.citations))
    for i, (page, anchor) in enumerate(places):
        a = SubElement(why, "a", {"href": href(page, anchor)})
        a.text = titles.get(page, page)
        a.tail = ", " if i < len(places) - 1 else ""
    count = SubElement(why, "span", {"class": "careerkit-card-count"})
    count.text = f" ({n} {'page' if n == 1 else 'pages'})"
    notes = _notes(book)
    if notes:
        # For the reading list's filter (careerkit-reading-filter.js): the notes the chapters
        # wrote, as written, which the card does not show.
        li.set(SEARCH, notes)


SEARCH = "data-careerkit-notes"


def _notes(book: Book) -> str:
    """The notes of every place that recommends the book, and the data file's, each once."""
    found = [c.entry.note for c in book.citations]
    if book.data is not None:
        found.append(book.data.entry.note)
    return " ".join(dict.fromkeys(" ".join(n.split()) for n in found if n.strip()))


def _details(cite: Element, data: BookData) -> None:
    """Publisher, ISBN, link and "best for" chips from the data file."""
    facts = [x for x in (data.publisher, f"ISBN {data.isbn}" if data.isbn else "") if x]
    if facts:
        span = SubElement(cite, "span", {"class": "careerkit-card-facts"})
        span.text = " · ".join(facts)
    if data.url:
        a = SubElement(cite, "a", {"class": "careerkit-card-link", "href": data.url})
        a.text = "About the book"
    if data.best_for:
        chips = SubElement(cite, "span", {"class": "careerkit-card-chips"})
        label = SubElement(chips, "span", {"class": "careerkit-card-chips-label"})
        label.text = "Best for: "
        for chip in data.best_for:
            c = SubElement(chips, "span", {"class": "careerkit-chip"})
            c.text = chip
            c.tail = " "
