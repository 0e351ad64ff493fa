"""The optional books data file (``reading: books: books.yml``): one entry per book, by id.

```yaml
give-and-take:
  title: "Give and Take: Why Helping Others Drives Our Success"
  authors: [Adam Grant]
  year: 2013
  publisher: Viking
  isbn: 978-0-670-02655-5
  url: https://adamgrant.net/book/give-and-take/
  cover: img/give-and-take.jpg     # inside docs_dir; never fetched
  best_for: [new manager, staff engineer]
  note: Why generous people rise to the top.
```

ISBNs are checked and normalised to ISBN-13 by python-stdnum (check digits, ISBN-10 → 13);
every problem is a finding at the file's line, never an exception. Imports nothing from MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError as IsbnError

from mkdocs_careerkit.codes import default_severity
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.reading.parse import Entry, book_key, same_book, split_title

_ID_RE = re.compile(r"^[A-Za-z0-9][\w.-]*$")
FIELDS = ("title", "authors", "year", "publisher", "isbn", "url", "cover", "best_for", "note")
FIRST_YEAR = 1450  # printed books

_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclasses.dataclass(frozen=True)
class BookData:
    """One book of the data file.

    Attributes:
        id: Its key in the file (``give-and-take``), for ``[book:give-and-take]``.
        line: Line of its key in the file.
        entry: The book as an entry (``style`` ``"data"``), for matching and display.
        publisher: Publisher, or ``""``.
        isbn: ISBN-13 without hyphens, or ``""``.
        url: A link for the book, or ``""``.
        cover: Docs path of a cover image, or ``""``.
        best_for: "Best for" chips (``new manager``).
        note: The data file's note, or ``""``.
    """

    id: str
    line: int
    entry: Entry
    publisher: str = ""
    isbn: str = ""
    url: str = ""
    cover: str = ""
    best_for: tuple[str, ...] = ()
    note: str = ""


_URL_RE = re.compile(r"https?://[^\s/?#]+", re.IGNORECASE)


def load_books(
    path: str, shown_as: str, docs_dir: str, *, this_year: int | None = None
) -> tuple[dict[str, BookData], list[Finding]]:
    """Read and check the data file.

    Args:
        path: The file to read.
        shown_as: Its path as findings show it (relative to ``docs_dir``).
        docs_dir: Where cover images must be.
        this_year: The latest valid year is the next one (default: today's).

    Returns:
        The valid books by id, and a finding per problem (a book with an error is left out).
    """
    found: list[Finding] = []

    def report(line: int, code: str, message: str, suggestion: str = "") -> None:
        found.append(Finding(shown_as, line, 1, code, default_severity(code), message, suggestion))

    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        report(0, "reading.bad-data-file", f"cannot read the books file: {e}")
        return {}, found
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        report(
            data[: e.start].count(b"\n") + 1,
            "reading.bad-data-file",
            f"the books file is not UTF-8 text (byte {data[e.start]:#04x})",
            "save the file as UTF-8",
        )
        return {}, found
    try:
        # libyaml when present (the same nodes and line marks, several times faster); an error
        # is worded by PyYAML's own loader, as everywhere else careerkit quotes YAML.
        try:
            root = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(e, "problem", None) or str(e)
        report(line, "reading.bad-data-file", f"the books file is not valid YAML: {problem}")
        return {}, found
    if root is None:
        return {}, found
    if not isinstance(root, yaml.MappingNode):
        report(
            root.start_mark.line + 1,
            "reading.bad-data-file",
            "the books file must map ids to books ('give-and-take: {title: …}')",
        )
        return {}, found
    year_max = (this_year or datetime.date.today().year) + 1
    books: dict[str, BookData] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        book_id = str(key_node.value)
        if not isinstance(key_node, yaml.ScalarNode) or not _ID_RE.match(book_id):
            report(
                line,
                "reading.bad-data-file",
                f"'{book_id}' is not a book id (letters, digits, '-', '_', '.')",
            )
            continue
        if book_id in books:
            report(line, "reading.bad-data-file", f"book id '{book_id}' is used twice")
            continue
        book = _book(book_id, line, value_node, year_max, docs_dir, report)
        if book is not None:
            books[book_id] = book
    return books, found


def _phrases(value: Any) -> list[str] | None:
    """A phrase or a list of phrases, as a list; ``None`` when it is neither."""
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and all(isinstance(x, str) for x in items):
        return items
    return None


def _book(
    book_id: str, line: int, node: yaml.Node, year_max: int, docs_dir: str, report: Any
) -> BookData | None:
    if not isinstance(node, yaml.MappingNode):
        report(line, "reading.bad-data-file", f"book '{book_id}' must be a mapping of fields")
        return None
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    loader = yaml.SafeLoader("")  # builds each field's value from its node, as safe_load would
    for k, v in node.value:
        name = str(k.value)
        lines[name] = k.start_mark.line + 1
        if name not in FIELDS:
            report(
                lines[name],
                "reading.bad-data-file",
                f"book '{book_id}' has an unknown field '{name}'",
                f"known fields: {', '.join(FIELDS)}",
            )
            continue
        try:
            values[name] = loader.construct_object(v, deep=True)
        except yaml.YAMLError:  # a node safe_load would refuse (a tag it does not know)
            values[name] = None
    ok = True
    title = values.get("title")
    if not isinstance(title, str) or not title.strip():
        report(line, "reading.book-missing-title", f"book '{book_id}' has no title")
        ok = False
        title = ""
    authors = _phrases(values.get("authors", []))
    if authors is None:
        report(
            lines.get("authors", line),
            "reading.bad-data-file",
            f"book '{book_id}': authors must be a name or a list of names",
        )
        ok = False
        authors = []
    year = values.get("year")
    if year is not None and (not isinstance(year, int) or not FIRST_YEAR <= year <= year_max):
        report(
            lines.get("year", line),
            "reading.bad-year",
            f"book '{book_id}': year '{year}' is not between {FIRST_YEAR} and {year_max}",
        )
        ok = False
        year = None
    isbn = ""
    raw_isbn = values.get("isbn")
    if raw_isbn is not None:
        try:
            isbn = stdnum_isbn.to_isbn13(stdnum_isbn.validate(str(raw_isbn)))
        except IsbnError as e:
            report(
                lines.get("isbn", line),
                "reading.bad-isbn",
                f"book '{book_id}': ISBN '{raw_isbn}' is not valid ({str(e).rstrip('.')})",
                "copy the ISBN from the book's imprint page",
            )
            ok = False
    cover = values.get("cover") or ""
    if cover and not (
        isinstance(cover, str)
        and not os.path.isabs(cover)
        and ".." not in cover.split("/")
        and os.path.isfile(os.path.join(docs_dir, cover))
    ):
        report(
            lines.get("cover", line),
            "reading.missing-cover",
            f"book '{book_id}': cover '{cover}' is not a file in docs_dir",
            "give the image's path relative to docs_dir; images are never downloaded",
        )
        cover = ""
    best_for = _phrases(values.get("best_for", []))
    if best_for is None:
        report(
            lines.get("best_for", line),
            "reading.bad-data-file",
            f"book '{book_id}': best_for must be a phrase or a list of phrases",
        )
        ok = False
        best_for = []
    url = values.get("url") or ""
    if url and not (isinstance(url, str) and _URL_RE.match(url)):
        # The list page links to it: no javascript: or data: links from a data file.
        report(
            lines.get("url", line),
            "reading.bad-data-file",
            f"book '{book_id}': url '{url}' is not an http(s) address",
            "write the whole address, starting with https://",
        )
        ok = False
    if not ok:
        return None
    main, subtitle = split_title(title)
    entry = Entry(
        text=title,
        style="data",
        kind="book",
        authors=tuple(a.strip() for a in authors),
        et_al=False,
        title=main,
        subtitle=subtitle,
        year=year,
        venue="",
        details="",
        note=str(values.get("note") or ""),
        note_start=len(title),
        rest="",
    )
    return BookData(
        book_id,
        line,
        entry,
        publisher=str(values.get("publisher") or ""),
        isbn=isbn,
        url=str(url),
        cover=cover,
        best_for=tuple(str(b) for b in best_for),
        note=entry.note,
    )


def by_key(books: Mapping[str, BookData]) -> dict[str, list[BookData]]:
    """The data file's books by normalised title, in the file's order: :func:`match` on every
    card of a guide then compares a card with the few books of its title, not with all."""
    index: dict[str, list[BookData]] = {}
    for book in books.values():
        index.setdefault(book_key(book.entry), []).append(book)
    return index


def match(
    entry: Entry,
    books: Mapping[str, BookData],
    index: Mapping[str, Sequence[BookData]] | None = None,
) -> BookData | None:
    """The data-file book an entry names (same normalised title, a shared author): the first
    in the file. ``index`` is :func:`by_key` of ``books``, when the caller keeps one."""
    candidates = (index if index is not None else by_key(books)).get(book_key(entry), ())
    for book in candidates:
        if same_book(entry, book.entry):
            return book
    return None
