"""The on-disk cache behind ``careerkit check``'s incremental runs.

A check reads every page alone first (links, anchors, tags, books, assessment data, its own
findings: a *page record*) and only then runs the site-wide checks over all records. A page
record depends on nothing but the page's bytes and the site's configuration, so it is kept here
under the page's content hash, inside a file stamped with a *key*: a hash of the careerkit
version, the cache format and everything configuration-like the records depend on (the loaded
config, the taxonomy, the meta files, the theme; files included with pymdownx.snippets are
*dependencies*, re-read and compared on every run). A different key, a changed dependency, a
file from another version, a truncated or foreign file: the cache is dropped and rebuilt, never
trusted. The site-wide checks always run on the whole set of records, so a cached run reports
exactly what a full run reports; what checking one page's links gave is kept here too, under a
hash of everything it depends on (``sitecheck._LinkResults``).

Writes go to a temporary file renamed over the old one, so two checks running at once each
leave a whole cache behind (the last one's), never a mix.

A run that re-read only a few pages (a pre-commit check) writes their records to a small
*recent* file next to the main one instead of writing every record again (which took a tenth
of a second on a 1,000-page site). The recent file names the main file it extends (a token the
main file carries) and is used only with that one; once it holds more than a few pages, the next
run writes one main file again and removes it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import logging
import os
import pickle
import secrets
import sys
import tempfile
import types
from collections.abc import Callable, Mapping
from typing import Any

from mkdocs_careerkit import __version__

# Bump when a page record's shape or meaning changes: older caches are then dropped.
FORMAT = 2
DIRNAME = ".careerkit-cache"
FILENAME = "check-pages.pickle"
RECENT_SUFFIX = ".recent"  # the recent file: FILENAME + this
_MAGIC = "careerkit-check-cache"
_RECENT_MAGIC = "careerkit-check-cache-recent"
# Pages the recent file holds at most (or a fiftieth of the site, if more) before the main file
# is written again.
_RECENT_PAGES = 32

log = logging.getLogger("mkdocs_careerkit.cache")


def digest(data: bytes) -> str:
    """A short content hash (BLAKE2b, 128 bits)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def default_dir(config_file: str | None) -> str:
    """Where the cache lives when ``--cache`` names no folder: next to the config file."""
    return os.path.join(os.path.dirname(os.path.abspath(config_file or "mkdocs.yml")), DIRNAME)


def stable(obj: Any) -> str:
    """A text for ``obj`` that is the same in every process for the same configuration
    (no memory addresses): mappings and sequences item by item, functions by their dotted
    name, other objects by their class and attributes. Used for the cache key only: an
    unstable part costs a cache miss, never a wrong result."""
    return _stable(obj, set(), 0)


def _stable(obj: Any, seen: set[int], depth: int) -> str:
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return repr(obj)
    if isinstance(obj, bytes):
        return f"b:{digest(obj)}"
    if depth > 16 or id(obj) in seen:
        return f"<{type(obj).__qualname__}>"
    seen = seen | {id(obj)}
    if isinstance(obj, functools.partial):
        parts = [_stable(obj.func, seen, depth + 1), _stable(obj.args, seen, depth + 1)]
        return f"partial({','.join(parts)},{_stable(obj.keywords, seen, depth + 1)})"
    if isinstance(obj, types.FunctionType):  # with what a factory gave it (slugify(case=…))
        cells = [c.cell_contents for c in obj.__closure__ or () if _filled(c)]
        extra = _stable([obj.__defaults__, obj.__kwdefaults__, cells], seen, depth + 1)
        return f"<{obj.__module__}.{obj.__qualname__}{extra}>"
    if isinstance(obj, (types.BuiltinFunctionType, types.MethodType, type)):
        return f"<{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', '?')}>"
    if isinstance(obj, types.ModuleType):
        return f"<module {obj.__name__}>"
    if isinstance(obj, Mapping) or (hasattr(obj, "items") and hasattr(obj, "keys")):
        try:
            items = list(obj.items())
        except Exception:
            return f"<{type(obj).__qualname__}>"
        inner = ",".join(
            f"{_stable(k, seen, depth + 1)}:{_stable(v, seen, depth + 1)}" for k, v in items
        )
        return f"{type(obj).__qualname__}{{{inner}}}"
    if isinstance(obj, (list, tuple)):
        return f"[{','.join(_stable(v, seen, depth + 1) for v in obj)}]"
    if isinstance(obj, (set, frozenset)):
        return f"{{{','.join(sorted(_stable(v, seen, depth + 1) for v in obj))}}}"
    state = getattr(obj, "__dict__", None)
    name = f"{type(obj).__module__}.{type(obj).__qualname__}"
    if isinstance(state, dict):
        return f"{name}({_stable(state, seen, depth + 1)})"
    if dataclasses.is_dataclass(obj):
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return f"{name}({_stable(fields, seen, depth + 1)})"
    return f"<{name}>"


def _filled(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018 - an empty cell raises
    except ValueError:
        return False
    return True


def code_stamp() -> str:
    """careerkit's own code as installed (each module's size and modification time) and the
    versions of the libraries page records come from: an editable install that changed, or an
    upgraded library, makes a new key."""
    package = os.path.dirname(os.path.abspath(__file__))
    parts: list[str] = []
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                st = os.stat(path)
                parts.append(f"{os.path.relpath(path, package)}:{st.st_size}:{st.st_mtime_ns}")
    for module in ("markdown", "mkdocs", "yaml", "pymdownx", "material"):
        loaded = sys.modules.get(module)
        parts.append(f"{module}={getattr(loaded, '__version__', None)}")
    return digest("\n".join(parts).encode("utf-8"))


# What a cache file may hold: builtins' containers and careerkit's own classes. Anything else
# (a cache file someone else wrote, a pickle that would run code) is refused, and the cache
# rebuilt.
_BUILTINS = frozenset(
    "set frozenset list tuple dict str int float bool bytes complex slice range object".split()
)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module == "builtins" and name in _BUILTINS) or (
            module == "copyreg" and name in ("_reconstructor", "__newobj__")
        ):
            return super().find_class(module, name)
        if module == "collections" and name in ("Counter", "OrderedDict"):
            return super().find_class(module, name)
        if module == "mkdocs_careerkit" or module.startswith("mkdocs_careerkit."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a careerkit cache")


@dataclasses.dataclass
class PageCache:
    """Page records by page path and content hash, valid for one key.

    Attributes:
        path: The cache file (None: nothing is read or written).
        key: What the records depend on besides the page (see the module docstring).
        deps: Dependencies (a name and the hash of what it gave) recorded by the last run.
        records: ``{page path: (content hash, record)}`` from the last run.
    """

    path: str | None
    key: str
    deps: dict[str, str] = dataclasses.field(default_factory=dict)
    records: dict[str, tuple[str, Any]] = dataclasses.field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    _used: dict[str, tuple[str, Any]] = dataclasses.field(default_factory=dict)
    _used_deps: dict[str, str] = dataclasses.field(default_factory=dict)
    # The main file's records and token, and what the recent file added to them.
    _main: dict[str, tuple[str, Any]] = dataclasses.field(default_factory=dict)
    _token: str = ""
    _recent: dict[str, tuple[str, Any]] = dataclasses.field(default_factory=dict)

    @classmethod
    def open(cls, path: str | None, key: str, dep: Callable[[str], str] | None = None) -> PageCache:
        """The cache in ``path`` if it is whole, for ``key``, and every dependency it lists
        still gives the same hash (``dep(name)``); else an empty one (a debug line says why)."""
        cache = cls(path, key)
        if path is None:
            return cache
        data = _load(path, key, dep)
        if data is None:
            return cache
        cache.deps = dict(data["deps"])
        cache._main = dict(data["records"])
        cache._token = str(data.get("token", ""))
        recent = _load(path + RECENT_SUFFIX, key, dep, _RECENT_MAGIC)
        if recent is not None and recent.get("base") == cache._token and cache._token:
            cache._recent = dict(recent["records"])
            cache.deps.update(recent["deps"])
        cache.records = {**cache._main, **cache._recent}
        cache._used_deps = dict(cache.deps)  # still true: pages read from the cache use them
        return cache

    def get(self, src: str, content: str, *, count: bool = True) -> Any | None:
        """The record of page ``src`` if its content hash is ``content``; None if none.

        ``count=False``: not a page's record (the link check's results), not counted in
        :attr:`hits` and :attr:`misses`."""
        found = self.records.get(src)
        if found is not None and found[0] == content:
            self.hits += count
            self._used[src] = found
            return found[1]
        self.misses += count
        return None

    def put(self, src: str, content: str, record: Any) -> None:
        """Keep ``record`` for page ``src`` with content hash ``content``."""
        self._used[src] = (content, record)

    def depend(self, name: str, value: str) -> None:
        """Record a dependency: ``name`` gave ``value`` (checked by the next :meth:`open`)."""
        self._used_deps[name] = value

    def save(self) -> None:
        """Write what this run used (pages that are gone are dropped), if anything changed.

        Never fails the check: a cache that cannot be written is left as it was (debug line).
        """
        if self.path is None:
            return
        if self._used == self.records and self._used_deps == self.deps:
            return  # nothing new: leave the files (and their modification times) alone
        header = {
            "format": FORMAT,
            "version": __version__,
            "python": sys.version,
            "key": self.key,
            "deps": self._used_deps,
        }
        # Records that differ from the main file's (a record is kept by content hash: the
        # same hash, the same record).
        recent = {
            src: found
            for src, found in self._used.items()
            if src not in self._main or self._main[src][0] != found[0]
        }
        limit = max(_RECENT_PAGES, len(self._used) // 50)
        if self._token and self._used_deps == self.deps and len(recent) <= limit:
            # Pages that are gone stay in the main file until it is written again: a record
            # is only ever used for a page with the same path and bytes.
            if recent != self._recent:
                data = {"magic": _RECENT_MAGIC, **header, "base": self._token, "records": recent}
                _write(self.path + RECENT_SUFFIX, data)
            return
        token = secrets.token_hex(8)
        data = {"magic": _MAGIC, **header, "token": token, "records": self._used}
        if _write(self.path, data):
            try:
                os.unlink(self.path + RECENT_SUFFIX)
            except OSError:
                pass  # none, or not ours to remove: it names the old token and is ignored


def _load(
    path: str, key: str, dep: Callable[[str], str] | None, magic: str = _MAGIC
) -> dict[str, Any] | None:
    """A cache file's data, if it is whole, for ``key``, and every dependency it lists still
    gives the same hash; else None (a debug line says why)."""
    try:
        with open(path, "rb") as f:
            data = _Unpickler(io.BytesIO(f.read())).load()
    except FileNotFoundError:
        return None
    except Exception as e:
        log.debug("careerkit: ignoring the check cache %s (%s: %s)", path, type(e).__name__, e)
        return None
    why = _invalid(data, key, magic)
    if why is None and dep is not None:
        for name, value in data["deps"].items():
            try:
                now = dep(name)
            except Exception as e:
                why = f"cannot re-read {name} ({e})"
                break
            if now != value:
                why = f"{name} changed"
                break
    if why is not None:
        log.debug("careerkit: not using the check cache %s: %s", path, why)
        return None
    return data  # type: ignore[no-any-return]


def _write(path: str, data: dict[str, Any]) -> bool:
    """Write a cache file atomically; False (after a debug line) if it cannot be written:
    that never fails the check."""
    folder = os.path.dirname(path) or "."
    tmp = None
    try:
        blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        os.makedirs(folder, exist_ok=True)
        _ignore_file(folder)
        fd, tmp = tempfile.mkstemp(prefix=".check-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, path)  # atomic: readers see the old file or the new one
        tmp = None
        return True
    except Exception as e:
        log.debug("careerkit: cannot write the check cache %s (%s)", path, e)
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _invalid(data: Any, key: str, magic: str = _MAGIC) -> str | None:
    """Why ``data`` is not a usable cache for ``key`` (None: it is)."""
    if not isinstance(data, dict) or data.get("magic") != magic:
        return "not a careerkit check cache"
    if data.get("format") != FORMAT or data.get("version") != __version__:
        return "written by another careerkit version"
    if data.get("python") != sys.version:
        return "written by another Python"
    if data.get("key") != key:
        return "the configuration changed"
    deps, records = data.get("deps"), data.get("records")
    if not isinstance(deps, dict) or not isinstance(records, dict):
        return "damaged"
    for value in records.values():
        if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)):
            return "damaged"
    return None


def _ignore_file(folder: str) -> None:
    """A ``.gitignore`` inside the cache folder so that it is never committed by accident."""
    path = os.path.join(folder, ".gitignore")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write("# careerkit check's cache: safe to delete\n*\n")
