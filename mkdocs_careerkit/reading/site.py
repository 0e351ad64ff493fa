"""The guide's reading list: every entry of every reading section, merged into books.

Spellings of one book meet under :func:`~mkdocs_careerkit.reading.parse.book_key` and
:func:`~mkdocs_careerkit.reading.parse.same_book` (case, punctuation, subtitle, author order,
``&``/``and``). Pure: built from the sections the source scan found, so the list is known before
any page renders and ``careerkit check`` sees the same books. Imports nothing from MkDocs.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mkdocs_careerkit.reading.data import BookData, by_key, match
from mkdocs_careerkit.reading.parse import Entry, Section, book_key, normal, surnames

MARKER = "<!-- careerkit/reading-list -->"


@dataclasses.dataclass(frozen=True)
class Citation:
    """One place that recommends a book: page, line, and the reading section's anchor."""

    file: str
    line: int
    anchor: str
    section: str
    entry: Entry
    data: BookData | None = None


@dataclasses.dataclass(frozen=True)
class Book:
    """One book (or article) and every place that recommends it, in page order.

    Attributes:
        entry: The fullest spelling (subtitle, most authors, a year), shown in the list.
        citations: Where it is recommended.
    """

    entry: Entry
    citations: tuple[Citation, ...]
    data: BookData | None = None

    @functools.cached_property
    def pages(self) -> tuple[str, ...]:
        """The pages that recommend it, each once, in order (asked for every card of the book)."""
        return tuple(dict.fromkeys(c.file for c in self.citations))


def citations(
    sources: Mapping[str, Sequence[Section]],
    anchors: Mapping[tuple[str, int], str],
    books: Mapping[str, BookData] | None = None,
) -> list[Citation]:
    """Every parsed entry of every page's reading sections (``anchors``: (page, heading line)
    → the heading's id), and every ``[book:id]`` the data file knows."""
    out = []
    for src, sections in sources.items():
        for s in sections:
            anchor = anchors.get((src, s.line), "")
            for item in s.items:
                known = (books or {}).get(item.ref) if item.ref else None
                if known is not None:
                    out.append(Citation(src, item.line, anchor, s.title, known.entry, known))
                elif item.entry is not None:
                    out.append(Citation(src, item.line, anchor, s.title, item.entry))
    return out


def merge(found: Iterable[Citation], data: Mapping[str, BookData] | None = None) -> list[Book]:
    """Books, each once, sorted by title (a leading "The"/"A" ignored), then first author.

    A book found in the data file (cited by id, or by the same title and an author) is shown
    as the data file writes it."""
    # Per key, clusters of citations with their surnames: c joins a cluster when same_book
    # holds for c and any member (computed once per citation, not per pair).
    groups: dict[str, list[tuple[list[Citation], set[str], list[bool]]]] = {}
    for c in found:
        names = surnames(c.entry)
        clusters = groups.setdefault(book_key(c.entry), [])
        for members, union, anonymous in clusters:
            if not names or anonymous[0] or names & union:
                members.append(c)
                union |= names
                anonymous[0] = anonymous[0] or not names
                break
        else:
            clusters.append(([c], set(names), [not names]))
    books = []
    index = by_key(data or {})
    for clustered in groups.values():
        for cluster, _, _ in clustered:
            entry = _fullest([c.entry for c in cluster])
            known = next((c.data for c in cluster if c.data), None)
            known = known or match(entry, data or {}, index)
            books.append(Book(known.entry if known else entry, tuple(cluster), known))
    return sorted(books, key=lambda b: (book_key(b.entry), normal(" ".join(b.entry.authors))))


def book_ids(books: Sequence[Book]) -> list[str]:
    """An id per book for its card on the list page (``book-give-and-take``), unique."""
    out: list[str] = []
    seen: set[str] = set()
    for b in books:
        base = "book-" + ("-".join(book_key(b.entry).split()) or "untitled")
        key, n = base, 1
        while key in seen:
            n += 1
            key = f"{base}-{n}"
        seen.add(key)
        out.append(key)
    return out


Groups = list[tuple[str, list[int]]]


def by_section(
    books: Sequence[Book], sections: Mapping[str, str], titles: Mapping[str, str]
) -> Groups:
    """The books (by index) under the top-level nav section of the first page, in nav order,
    that recommends each; groups in nav order.

    Args:
        books: The merged books.
        sections: Docs path → its top-level nav section's title, or the page's own title for a
            page at the top of the nav; in nav order.
        titles: Page titles, for pages the nav does not list (they come last).
    """
    order = {page: n for n, page in enumerate(sections)}
    late = len(order)
    groups: dict[str, list[int]] = {}
    first: dict[str, int] = {}
    for i, book in enumerate(books):
        page = min(book.pages, key=lambda p: order.get(p, late))  # the first of a tie: in order
        label = sections.get(page) or titles.get(page, page)
        groups.setdefault(label, []).append(i)
        first[label] = min(first.get(label, late), order.get(page, late))
    return sorted(groups.items(), key=lambda g: first[g[0]])


OTHER_GROUP = "Other"


def by_best_for(books: Sequence[Book]) -> Groups:
    """The books (by index) under the first "best for" the data file gives each, groups in
    alphabetical order; the books without one last, under "Other"."""
    groups: dict[str, list[int]] = {}
    rest: list[int] = []
    for i, book in enumerate(books):
        if book.data is not None and book.data.best_for:
            groups.setdefault(book.data.best_for[0], []).append(i)
        else:
            rest.append(i)
    out = sorted(groups.items(), key=lambda g: (g[0].casefold(), g[0]))
    other = [g for g in out if g[0] == OTHER_GROUP]
    if other:  # a "best for" named "Other" takes the rest too
        out.remove(other[0])
        rest = sorted(other[0][1] + rest)
    return [*out, (OTHER_GROUP, rest)] if rest else out


BookIndex = Mapping[str, Sequence[tuple[int, frozenset[str]]]]


def book_index(books: Sequence[Book]) -> BookIndex:
    """The merged books, with their authors' surnames, by the key of each spelling they were
    cited with: :func:`find_book` on every card of a large guide then compares each card with
    the few books of its key, not with every book and citation of the guide."""
    index: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for i, b in enumerate(books):
        union = frozenset(n for c in b.citations for n in surnames(c.entry))
        for key in {book_key(b.entry), *(book_key(c.entry) for c in b.citations)}:
            index.setdefault(key, []).append((i, union))
    return index


def find_book(entry: Entry, books: Sequence[Book], index: BookIndex | None = None) -> int:
    """Index of the merged book an entry belongs to, or -1 (the rule of :func:`merge`)."""
    key, names = book_key(entry), surnames(entry)
    if index is None:
        index = book_index(books)
    for i, union in index.get(key, ()):
        if not names or not union or names & union:
            return i
    return -1


def _fullest(entries: Sequence[Entry]) -> Entry:
    """The spelling that says most; the first one written wins a tie."""
    return max(
        entries,
        key=lambda e: (bool(e.subtitle), len(e.authors), e.year is not None, bool(e.venue)),
    )


def spelling(entry: Entry) -> str:
    """How an entry names its book: full title and authors as written."""
    by = ", ".join(entry.authors) + (" et al." if entry.et_al else "")
    return f"{entry.full_title} by {by}" if by else entry.full_title


# --- Exports -----------------------------------------------------------------------------------


def book_data(book: Book, urls: Mapping[str, str], titles: Mapping[str, str]) -> dict[str, Any]:
    """Plain data for one book: what the JSON export holds per book."""
    e, d = book.entry, book.data
    return {
        "kind": e.kind,
        "title": e.title,
        "subtitle": e.subtitle,
        "authors": list(e.authors),
        "et_al": e.et_al,
        "year": e.year,
        "venue": e.venue,
        "id": d.id if d else "",
        "isbn": d.isbn if d else "",
        "publisher": d.publisher if d else "",
        "url": d.url if d else "",
        "best_for": list(d.best_for) if d else [],
        "recommended_in": [
            {
                "page": c.file,
                "title": titles.get(c.file, c.file),
                "url": urls.get(c.file, "") + (f"#{c.anchor}" if c.anchor else ""),
                "line": c.line,
            }
            for c in book.citations
        ],
    }


def export_json(books: Sequence[Book], urls: Mapping[str, str], titles: Mapping[str, str]) -> str:
    """The reading list as JSON (``{"books": [...]}``; URLs relative to the site root)."""
    # One book per line: readable, and each line written by json's C encoder (``indent=`` would
    # switch to the pure-Python one, slow for a thousand-page guide's list).
    lines = [json.dumps(book_data(b, urls, titles), ensure_ascii=False) for b in books]
    return '{"books": [\n' + ",\n".join(lines) + "\n]}\n"


CSV_COLUMNS = (
    "kind",
    "title",
    "subtitle",
    "authors",
    "year",
    "venue",
    "isbn",
    "publisher",
    "chapters",
    "pages",
)


def export_csv(books: Sequence[Book], urls: Mapping[str, str]) -> str:
    """The reading list as CSV, one row per book (authors and pages joined with ``; ``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for b in books:
        e = b.entry
        writer.writerow(
            [
                e.kind,
                _cell(e.title),
                _cell(e.subtitle),
                _cell("; ".join(e.authors) + ("; et al." if e.et_al else "")),
                e.year or "",
                _cell(e.venue),
                b.data.isbn if b.data else "",
                _cell(b.data.publisher) if b.data else "",
                len(b.pages),
                "; ".join(urls.get(p, p) for p in b.pages),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (``=``, ``+``, ``-``, ``@`` first)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def json_ld(entries: Sequence[Entry], name: str = "", known: Sequence[BookData | None] = ()) -> str:
    """schema.org ``ItemList`` of ``Book`` / ``ScholarlyArticle`` as JSON for a
    ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` are escaped so no author
    text can close the script element."""
    items = []
    for n, e in enumerate(entries, start=1):
        thing: dict[str, Any] = {
            "@type": "ScholarlyArticle" if e.kind == "article" else "Book",
            "name": e.title,
        }
        if e.subtitle:
            thing["alternativeHeadline"] = e.subtitle
        if e.authors:
            thing["author"] = [{"@type": "Person", "name": a} for a in e.authors]
        if e.year is not None:
            thing["datePublished"] = str(e.year)
        if e.venue:
            thing["isPartOf"] = {"@type": "Periodical", "name": e.venue}
        book = known[n - 1] if n - 1 < len(known) else None
        if book is not None:
            if book.isbn:
                thing["isbn"] = book.isbn
            if book.publisher:
                thing["publisher"] = {"@type": "Organization", "name": book.publisher}
            if book.url:
                thing["url"] = book.url
        items.append({"@type": "ListItem", "position": n, "item": thing})
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "ItemList"}
    if name:
        data["name"] = name
    data["itemListElement"] = items
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub(r"[<>&\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", text)


def export_path(page: str, suffix: str) -> str:
    """``reading-list.md`` → ``reading-list.json``: the export next to the list page."""
    return posixpath.splitext(page)[0] + suffix


_LINEAGE = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def export_bibtex(books: Sequence[Book]) -> str:
    """The reading list as BibTeX, written by pybtex (``@book`` / ``@article``).

    Keys are the first author's surname, the year and the title's first word
    (``grant2013give``), made unique with a letter. Braces and backslashes, which BibTeX
    cannot take as text, become parentheses and slashes; pybtex escapes the rest.
    """
    from pybtex.database import BibliographyData
    from pybtex.database import Entry as BibEntry
    from pybtex.database.output.bibtex import Writer

    data = BibliographyData()
    used: set[str] = set()
    for book in books:
        e = book.entry
        fields = {"title": _bib_text(e.full_title)}
        if book.data and book.data.publisher:
            fields["publisher"] = _bib_text(book.data.publisher)
        if book.data and book.data.isbn:
            fields["isbn"] = book.data.isbn
        if e.year is not None:
            fields["year"] = str(e.year)
        if e.venue:
            fields["journal"] = _bib_text(e.venue)
        authors = [_person(a) for a in e.authors]
        if e.et_al:
            authors.append(_person("others"))
        entry = BibEntry("article" if e.kind == "article" else "book", fields=fields)
        for person in authors:
            entry.add_person(person, "author")
        data.add_entry(_bib_key(e, used), entry)
    # The writer itself: ``data.to_string("bibtex")`` finds it through the installed packages'
    # entry points first, about 50 ms of every build.
    text: str = Writer().to_string(data)
    return text


def _person(name: str) -> Any:
    from pybtex.database import Person

    parts = _bib_text(name).split()
    if len(parts) > 2 and parts[-1].casefold() in _LINEAGE:
        return Person(first=" ".join(parts[:-2]), last=parts[-2], lineage=parts[-1])
    return Person(_bib_text(name))


def _bib_text(text: str) -> str:
    return text.replace("{", "(").replace("}", ")").replace("\\", "/")


def _bib_key(e: Entry, used: set[str]) -> str:
    surname = normal(e.authors[0]).split()[-1] if e.authors and normal(e.authors[0]) else "anon"
    words = [w for w in normal(e.title).split() if w not in ("the", "a", "an")] or ["untitled"]
    base = (
        re.sub(
            r"[^a-z0-9]",
            "",
            f"{surname}{e.year or ''}{words[0]}".encode("ascii", "ignore").decode(),
        )
        or "entry"
    )
    key, n = base, 0
    while key in used:
        n += 1
        key = f"{base}{chr(ord('a') + (n - 1) % 26)}{(n - 1) // 26 or ''}"
    used.add(key)
    return key
