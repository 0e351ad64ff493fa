"""Reading-list entries as authors write them: one bullet's Markdown text → an :class:`Entry`.

Five styles are recognised (plus variants: ``*``/``_`` emphasis, ``&``/``and``, "et al.",
a year or publisher after the title, a note after ``-``, ``—``, ``:`` or in parentheses):

- ``**Granovetter, Mark. *Getting a Job*.** Classic research on …`` (bold citation, then note)
- ``Skelton, Matthew, and Manuel Pais. _Team Topologies_. 2019.``
- ``Kotter, John P. _Power and Influence_. 1985. (Classic analysis of …)``
- ``_Made to Stick_ by Chip Heath & Dan Heath`` and ``_The Lean Startup_ by Eric Ries - note``
- ``Conway, Melvin E. "How Do Committees Invent?" _Datamation_ 14, no. 4 (1968): 28-31.``

Anything else is :data:`UNPARSED` (``None``): the item stays exactly as written. The parser
never raises. Besides the fields, an entry keeps the citation text written after the item's
first emphasis (``rest``) and where the note begins, so that the rendered list item can be
enhanced without reading author text again. Imports nothing from MkDocs.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from typing import Literal

Kind = Literal["book", "article"]
Style = Literal["bold", "cite", "by", "article", "data"]

# An emphasis span: *x*, _x_ (one level; the title of a book).
_EM = r"(?:\*(?P<{n}a>[^*\n]+?)\*|(?<![\w])_(?P<{n}b>[^_\n]+?)_(?![\w]))"
_BOLD_RE = re.compile(r"^\*\*(?P<inner>[^*\n]*?" + _EM.format(n="t") + r"[^*\n]*?)\*\*")
_LEAD_EM_RE = re.compile(r"^" + _EM.format(n="t"))
_MID_EM_RE = re.compile(_EM.format(n="t"))
_QUOTED_RE = re.compile(r"[\"“](?P<title>[^\"”\n]+?)[\"”]")
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# Where a note begins after the citation: " - ", " – ", " — ", ": ", "(".
_NOTE_SEP_RE = re.compile(r"\s+[-–—]{1,2}\s+|\s*[-–—]{2}\s*|\s*—\s*|:\s+|\s*\((?!\d{4}\))")
_BY_RE = re.compile(r"^,?\s+by\s+", re.IGNORECASE)
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|;\s*)\s*")
_ET_AL_RE = re.compile(r",?\s+et\s+al\.?$", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W_]+")
# Words that join parts of a citation rather than belong to one ("Heath and Heath", "by").
_GLUE = frozenset({"and", "by", "in"})
_SENTENCE_RE = re.compile(r"\s*(?P<s>[^.]*?)(?:\.(?=\s|$)|$)")
_NOTE_IN_DETAILS_RE = re.compile(r"\s[-–—]\s|\((?!\d{4}\))|—")
# "14, no. 4 (1968): 28-31." after an article's venue.
_ARTICLE_TAIL_RE = re.compile(r"[^()\n]{0,40}?\((?:1[5-9]\d\d|20\d\d)\)(?::\s*[\d\-–]+)?\.?")
# Characters that Markdown may turn into something else; the rendered tail is compared too.
_MARKUP = set("*_[]<>\\`")


@dataclasses.dataclass(frozen=True)
class Entry:
    """A recognised reading-list entry.

    Attributes:
        text: The item's Markdown text as written (continuation lines joined by newlines).
        style: Which of the recognised styles it follows.
        kind: ``book`` or ``article``.
        authors: Authors in reading order ("Matthew Skelton"), as written otherwise.
        et_al: Whether the author list ends with "et al.".
        title: The title before any ``:`` subtitle.
        subtitle: The subtitle, or ``""``.
        year: Publication year, if given outside the title.
        venue: Journal or magazine of an article, or ``""``.
        details: Other citation text (publisher, volume, pages), as written.
        note: The author's note ("why read it"), as written, or ``""``.
        note_start: Index in ``text`` where the note (with its separator) begins.
        rest: The citation text, as written, between the item's first emphasis (the bold
            citation, the title, or an article's journal) and the note.
    """

    text: str
    style: Style
    kind: Kind
    authors: tuple[str, ...]
    et_al: bool
    title: str
    subtitle: str
    year: int | None
    venue: str
    details: str
    note: str
    note_start: int
    rest: str

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    @property
    def words(self) -> str:
        """Every field joined: a text that holds every word of the item."""
        parts = [*self.authors, self.title, self.subtitle, self.venue, self.details, self.note]
        if self.year is not None:
            parts.append(str(self.year))
        if self.et_al:
            parts.append("et al.")
        return " ".join(parts)


UNPARSED = None


@functools.lru_cache(maxsize=4096)
def parse_entry(text: str) -> Entry | None:
    """The entry a bullet's text describes, or ``None`` (:data:`UNPARSED`). Never raises.

    Remembered by text (entries are frozen): a book cited on many pages, and each entry of a
    build's two passes (the source scan, then the page's conversion), is parsed once."""
    stripped = text.strip()
    if not stripped or "\n\n" in stripped:
        return None
    lead = len(text) - len(text.lstrip())
    entry = _bold(stripped) or _by(stripped) or _article(stripped) or _cite(stripped)
    if entry is None:
        return None
    if not _keeps_words(stripped, entry):
        return None
    if lead:
        entry = dataclasses.replace(entry, note_start=entry.note_start + lead)
    return dataclasses.replace(entry, text=text)


def _bold(text: str) -> Entry | None:
    m = _BOLD_RE.match(text)
    if m is None:
        return None
    inner = m.group("inner")
    em = _MID_EM_RE.search(inner)
    if em is None:
        return None
    authors_text = inner[: em.start()]
    title = em.group("ta") or em.group("tb") or ""
    after = inner[em.end() :]
    year, details = _year_details(after)
    authors, et_al = split_authors(_strip_sep(authors_text), inverted=True)
    if not authors and authors_text.strip():
        return None
    note = _clean_note(text[m.end() :])
    return _entry(text, "bold", "book", authors, et_al, title, year, "", details, note, m.end(), "")


def _by(text: str) -> Entry | None:
    m = _LEAD_EM_RE.match(text)
    if m is None:
        return None
    title = m.group("ta") or m.group("tb") or ""
    tail = text[m.end() :]
    by = _BY_RE.match(tail)
    if by is None:
        if tail.strip(" .") == "":
            return _entry(text, "by", "book", (), False, title, None, "", "", "", len(text), tail)
        return None
    rest_start = m.end() + by.end()
    names_end = _names_end(text, rest_start)
    names = text[rest_start:names_end]
    year: int | None = None
    ym = re.match(r"^(?P<names>.*?)(?:,\s*|\s*\()(?P<year>1[5-9]\d\d|20\d\d)\)?\.?$", names)
    if ym:
        names, year = ym.group("names"), int(ym.group("year"))
    authors, et_al = split_authors(names.rstrip(". "), inverted=False)
    if not authors:
        return None
    note = _clean_note(text[names_end:])
    return _entry(
        text,
        "by",
        "book",
        authors,
        et_al,
        title,
        year,
        "",
        "",
        note,
        names_end,
        text[m.end() : names_end],
    )


def _article(text: str) -> Entry | None:
    q = _QUOTED_RE.search(text)
    if q is None or "*" in text[: q.start()] or "_" in text[: q.start()]:
        return None
    authors, et_al = split_authors(_strip_sep(text[: q.start()]), inverted=True)
    if not authors:
        return None
    after = text[q.end() :]
    venue_m = re.match(r"^[\s.,]*(?:[Ii]n\s+)?" + _EM.format(n="v"), after)
    if venue_m is None:
        return None
    venue = venue_m.group("va") or venue_m.group("vb") or ""
    tail = after[venue_m.end() :]
    cite_len, note = _split_tail(tail)
    cite_tail = tail[:cite_len]
    year, details = _year_details(cite_tail)
    note_start = q.end() + venue_m.end() + cite_len
    return _entry(
        text,
        "article",
        "article",
        authors,
        et_al,
        q.group("title"),
        year,
        venue,
        details,
        note,
        note_start,
        cite_tail,
    )


def _cite(text: str) -> Entry | None:
    em = _MID_EM_RE.search(text)
    if em is None or em.start() == 0:
        return None
    before = text[: em.start()]
    if any(ch in before for ch in "*_[]`<"):
        return None
    authors, et_al = split_authors(_strip_sep(before), inverted=True)
    if not authors:
        return None
    title = em.group("ta") or em.group("tb") or ""
    tail = text[em.end() :]
    cite_len, note = _split_tail(tail)
    year, details = _year_details(tail[:cite_len])
    return _entry(
        text,
        "cite",
        "book",
        authors,
        et_al,
        title,
        year,
        "",
        details,
        note,
        em.end() + cite_len,
        tail[:cite_len],
    )


def _entry(
    text: str,
    style: Style,
    kind: Kind,
    authors: tuple[str, ...],
    et_al: bool,
    title: str,
    year: int | None,
    venue: str,
    details: str,
    note: str,
    note_start: int,
    rest: str,
) -> Entry | None:
    main, subtitle = split_title(title)
    if not main:
        return None
    return Entry(
        text,
        style,
        kind,
        authors,
        et_al,
        main,
        subtitle,
        year,
        venue,
        details,
        note,
        note_start,
        rest,
    )


def split_title(title: str) -> tuple[str, str]:
    """``("Give and Take", "Why Helping Others Drives Our Success")`` from the full title."""
    title = title.strip()
    m = re.match(r"^(?P<main>.+?)(?::|\s[-–—]{1,2})\s+(?P<sub>\S.*)$", title)
    if m:
        return m.group("main").strip(), m.group("sub").strip()
    return title, ""


def split_authors(text: str, *, inverted: bool) -> tuple[tuple[str, ...], bool]:
    """Author names in reading order, and whether the list ends with "et al.".

    With ``inverted`` the first author is written "Surname, Given" (bibliography style):
    ``"Cross, Rob, and Andrew Parker"`` → ``("Rob Cross", "Andrew Parker")``.
    """
    text = text.strip().strip(",;").strip()
    et_al = False
    m = _ET_AL_RE.search(text)
    if m:
        et_al = True
        text = text[: m.start()].strip()
    if not text:
        return (), et_al
    chunks = [c for c in _AUTHOR_SPLIT_RE.split(text) if c.strip()]
    names: list[str] = []
    for i, chunk in enumerate(chunks):
        parts = [p.strip() for p in chunk.split(",") if p.strip()]
        if i == 0 and inverted and len(parts) >= 2:
            names.append(f"{parts[1]} {parts[0]}")
            names.extend(parts[2:])
        else:
            names.extend(parts)
    for name in names:
        if not re.search(r"\w", name) or len(name) > 60 or re.search(r"[*_\[\]<>`\"“”]", name):
            return (), et_al
    return tuple(names), et_al


def _strip_sep(authors: str) -> str:
    """The author text without the ``.`` that separates it from the title (initials kept)."""
    authors = authors.rstrip()
    if authors.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$|et al\.$", authors):
        authors = authors[:-1]
    return authors


def _names_end(text: str, start: int) -> int:
    """Where the author names of a "by" entry end: at a note separator, or the end."""
    m = _NOTE_SEP_RE.search(text, start)
    if m is None:
        dot = re.search(r"(?<![\s.][A-Z])\.\s+(?=\S)", text[start:])
        return start + dot.end() - len(dot.group()) + 1 if dot else len(text)
    if m.group().strip().startswith("(") and re.match(r"\(\d{4}\)", text[m.end() - 1 :]):
        return len(text)
    return m.start()


def _split_tail(tail: str) -> tuple[int, str]:
    """Split what follows a title into citation details and the note; (length, note)."""
    lead = re.match(r"^[.,]?", tail)
    pos = lead.end() if lead else 0
    article = _ARTICLE_TAIL_RE.match(tail, pos)
    if article:
        pos = article.end()
    else:
        # Details are sentences holding a year ("IT Revolution, 2018."), nothing else.
        while True:
            m = _SENTENCE_RE.match(tail, pos)
            if m is None or not m.group("s").strip():
                break
            sentence = m.group("s")
            if not _YEAR_RE.search(sentence) or len(sentence) > 80:
                break
            if any(ch in sentence for ch in "*_[`<"):
                break
            sep = _NOTE_IN_DETAILS_RE.search(sentence)
            if sep is not None:
                # "1996 - Eight steps.": the details end where the note begins.
                if _YEAR_RE.search(sentence[: sep.start()]):
                    pos = m.start("s") + sep.start()
                break
            pos = m.end()
    rest = tail[pos:]
    if not rest.strip():
        return len(tail), ""
    return pos, _clean_note(rest)


def _clean_note(note: str) -> str:
    """The note without its separator and enclosing parentheses."""
    note = note.strip()
    note = re.sub(r"^(?:[-–—]{1,2}|:|\.)\s*", "", note)
    if note.startswith("("):
        close = _closing_paren(note)
        if close in (len(note) - 1, len(note) - 2) and note[close + 1 :] in ("", "."):
            note = note[1:close].strip()
    return note


def _closing_paren(text: str) -> int:
    """Index of the parenthesis that closes ``text[0]``, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i
    return -1


def _year_details(text: str) -> tuple[int | None, str]:
    year_m = _YEAR_RE.search(text)
    details = text.strip(" .,:;")
    return (int(year_m.group()) if year_m else None), details


def _keeps_words(text: str, entry: Entry) -> bool:
    """Every word of the text is in some field (the model must not lose what was written)."""
    have = words(entry.words) | _GLUE
    return all(w in have for w in words(text))


def words(text: str) -> set[str]:
    return set(_WORD_RE.findall(text.casefold()))


def plain_rest(rest: str) -> bool:
    """Whether citation text renders as itself (no Markdown or HTML that changes it)."""
    return not any(ch in _MARKUP for ch in rest) and not re.search(r"&#?\w+;", rest)


def book_key(entry: Entry) -> str:
    """The key under which spellings of one book meet: the title without its subtitle, with
    case, accents, apostrophes, punctuation, ``&``/``and`` and a leading article ignored.
    Two entries with one key are the same book when :func:`same_book` also agrees."""
    return re.sub(r"^(the|a|an) ", "", normal(entry.title))


def surnames(entry: Entry) -> frozenset[str]:
    """The authors' surnames (last words), normalised."""
    return frozenset(normal(a).split()[-1] for a in entry.authors if normal(a))


def same_book(a: Entry, b: Entry) -> bool:
    """Same key and at least one surname in common (in any order), or no authors on one side."""
    if book_key(a) != book_key(b):
        return False
    sa, sb = surnames(a), surnames(b)
    return not sa or not sb or bool(sa & sb)


@functools.lru_cache(maxsize=16384)
def normal(text: str) -> str:
    """Text as compared across spellings: no accents, case, apostrophes or punctuation; `&` is
    `and` (cached: a guide repeats its authors and titles on many pages)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    return " ".join(re.findall(r"\w+", text))


# ---------------------------------------------------------------------------------------------
# Sections of a page: where the "Further Reading" lists are, with line numbers.

_HEADING_RE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_ITEM_RE = re.compile(
    r"^(?P<indent> {0,3})(?P<marker>[*+-]|\d{1,9}[.)])(?P<gap>[ \t]+)(?P<text>\S.*)$"
)
_ITEM_STARTS = frozenset("*+-0123456789")
_FENCE_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_LABEL_RE = re.compile(r"^(?:\*\*|__)(?P<label>[^*_\n]+?):?(?:\*\*|__):?\s*$")
_ATTR_RE = re.compile(r"\s*\{[^{}]*\}\s*$")
# A book of the data file cited by id: "[book:give-and-take]", optionally followed by a note.
_REF_RE = re.compile(r"^\[book:([A-Za-z0-9][\w.-]*)\](?=\s|$)")
_ID_RE = re.compile(r"\{:?[^{}]*?#([\w.:-]+)[^{}]*\}\s*$")


@dataclasses.dataclass(frozen=True)
class Item:
    """One list item of a reading section: its first line (1-based) and its text."""

    line: int
    text: str
    entry: Entry | None
    nested: bool = False
    ref: str = ""


@dataclasses.dataclass(frozen=True)
class Section:
    """A reading section: its heading and, in order, its items and group labels."""

    line: int
    level: int
    title: str
    items: tuple[Item, ...]
    labels: tuple[tuple[int, str], ...] = ()
    explicit_id: str = ""
    heading: str = ""


def heading_matches(text: str, names: tuple[str, ...]) -> bool:
    """Whether a heading's text is one of the section names (case and a final ``:`` ignored)."""
    key = _ATTR_RE.sub("", text).strip().rstrip(":").strip().casefold()
    return key in _name_keys(names)


@functools.lru_cache(maxsize=8)
def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    """The section names as :func:`heading_matches` compares them (asked for every heading)."""
    return frozenset(n.strip().casefold() for n in names)


_SECTIONS: dict[tuple[bytes, tuple[str, ...]], tuple[Section, ...]] = {}


def sections_of(lines: list[str] | tuple[str, ...], names: tuple[str, ...]) -> tuple[Section, ...]:
    """:func:`find_sections`, remembered by the lines' digest: a build finds a page's sections
    in its source before rendering (for the reading list) and again while converting it; when
    the converter sees the same lines, the second time costs one hash."""
    digest = hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16)
    key = (digest.digest(), names)
    found = _SECTIONS.get(key)
    if found is None:
        if len(_SECTIONS) >= 8192:  # `mkdocs serve` rebuilds: stay bounded
            _SECTIONS.clear()
        found = _SECTIONS[key] = tuple(find_sections(lines, names))
    return found


def find_sections(lines: list[str] | tuple[str, ...], names: tuple[str, ...]) -> list[Section]:
    """The reading sections of a page's Markdown lines (fenced code skipped)."""
    sections: list[Section] = []
    current: tuple[int, int, str, str, str] | None = None
    items: list[Item] = []
    labels: list[tuple[int, str]] = []
    fence = ""
    item_start = -1
    item_lines: list[str] = []
    nested = False

    def close_item() -> None:
        nonlocal item_start, item_lines, nested
        while item_lines and not item_lines[-1]:
            item_lines.pop()
        if item_start >= 0:
            text = "\n".join(item_lines)
            ref = _REF_RE.match(text)
            if ref and not nested:
                items.append(Item(item_start + 1, text, None, False, ref.group(1)))
            else:
                entry = None if nested else parse_entry(text)
                items.append(Item(item_start + 1, text, entry, nested))
        item_start, item_lines, nested = -1, [], False

    def close_section() -> None:
        nonlocal items, labels
        close_item()
        if current is not None:
            line, level, title, given, raw = current
            sections.append(Section(line, level, title, tuple(items), tuple(labels), given, raw))
        items, labels = [], []

    for i, line in enumerate(lines):
        if fence:
            if line.lstrip().startswith(fence):
                fence = ""
            continue
        # Cheap tests first: this runs on every line of every page.
        first = line[:4].lstrip()[:1]
        f = _FENCE_RE.match(line) if first in ("`", "~") else None
        if f:
            close_item()
            fence = f.group("fence")
            continue
        h = _HEADING_RE.match(line) if first == "#" else None
        if h:
            level = len(h.group("hashes"))
            if current is not None and level <= current[1]:
                close_section()
                current = None
            text = h.group("text") or ""
            if current is None and heading_matches(text, names):
                given = _ID_RE.search(text)
                title = _ATTR_RE.sub("", text).strip()
                current = (i + 1, level, title, given.group(1) if given else "", text.strip())
            elif current is not None:
                close_item()
            continue
        if current is None:
            continue
        m = _ITEM_RE.match(line) if first in _ITEM_STARTS else None
        if m:
            close_item()
            item_start, item_lines = i, [m.group("text").rstrip()]
            continue
        if not line.strip():
            if item_start >= 0:
                item_lines.append("")
            continue
        if item_start >= 0 and (line.startswith((" ", "\t")) or item_lines[-1] != ""):
            if _ITEM_RE.match(line.strip()) or (line.startswith("    ") and item_lines[-1] == ""):
                nested = True
            item_lines.append(line.strip())
            continue
        close_item()
        lab = _LABEL_RE.match(line.strip())
        if lab:
            labels.append((i + 1, lab.group("label").strip()))
    close_section()
    return sections


def has_marker(lines: list[str] | tuple[str, ...], marker: str) -> bool:
    """Whether ``marker`` stands alone on a line outside code (fenced or indented)."""
    fence = ""
    for line in lines:
        if fence:
            if line.lstrip().startswith(fence):
                fence = ""
            continue
        f = _FENCE_RE.match(line)
        if f:
            fence = f.group("fence")
        elif line.strip() == marker and not line.startswith(("    ", "\t")):
            return True
    return False
