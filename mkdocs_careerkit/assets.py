"""The plugin's JavaScript and CSS: package files served as separate, cacheable site files.

They are added to the site with ``File.generated`` and referenced only from the pages that need
them. Without the plugin (the extension alone, e.g. under Zensical), copy them into ``docs/``
with::

    python -m mkdocs_careerkit.assets docs/assets/careerkit

and give the extension ``assets_url: assets/careerkit``: it then references them from the pages
that have an assessment (:func:`elements`).
"""

from __future__ import annotations

import functools
import gzip
import html
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.etree.ElementTree import Element

import rcssmin
import rjsmin
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

PACKAGE_DIR = Path(__file__).parent / "assets"
SITE_DIR = "assets/careerkit"
ASSESSMENT_JS = f"{SITE_DIR}/careerkit-assessment.js"
ASSESSMENT_CSS = f"{SITE_DIR}/careerkit-assessment.css"
ASSESSMENT_FILES = (ASSESSMENT_JS, ASSESSMENT_CSS)
# The guide's progress page has its own script and stylesheet (and budget), and the manifest.
PROGRESS_JS = f"{SITE_DIR}/careerkit-progress.js"
PROGRESS_CSS = f"{SITE_DIR}/careerkit-progress.css"
PROGRESS_FILES = (PROGRESS_JS, PROGRESS_CSS)
MANIFEST = f"{SITE_DIR}/assessments.json"
TAGS_CSS = f"{SITE_DIR}/careerkit-tags.css"
BACKLINKS_CSS = f"{SITE_DIR}/careerkit-backlinks.css"
# One card component (reading lists now, navigation cards next): one stylesheet.
CARDS_CSS = f"{SITE_DIR}/careerkit-cards.css"
# The reading list's filter box (progressive enhancement), only on the list's page.
READING_FILTER_JS = f"{SITE_DIR}/careerkit-reading-filter.js"
ALL_FILES = (*ASSESSMENT_FILES, CARDS_CSS)


def source_path(site_path: str) -> Path:
    """The package file behind a site path such as ``assets/careerkit/careerkit-assessment.js``."""
    return PACKAGE_DIR / Path(site_path).name


@functools.cache
def served(site_path: str) -> bytes:
    """The file as the site serves it: the package file minified (whitespace and comments
    dropped by rjsmin/rcssmin, names and strings untouched), read and minified once per process.
    The package keeps the readable source."""
    text = source_path(site_path).read_text(encoding="utf-8")
    if site_path.endswith(".js"):
        text = rjsmin.jsmin(text)
    elif site_path.endswith(".css"):
        text = rcssmin.cssmin(text)
    return text.encode("utf-8")


def add_files(files: Files, config: MkDocsConfig, site_paths: Sequence[str]) -> None:
    """Add package assets to the site (a file of the same path in ``docs_dir`` wins)."""
    for path in site_paths:
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=served(path)))


def stylesheet_tag(site_path: str, page_url: str) -> str:
    return f'<link rel="stylesheet" href="{html.escape(get_relative_url(site_path, page_url))}">'


def script_tag(site_path: str, page_url: str) -> str:
    return f'<script src="{html.escape(get_relative_url(site_path, page_url))}" defer></script>'


def add_to_content(content: str, page_url: str) -> str:
    """Append the assessment stylesheet and script to the page content.

    Inside the content rather than in ``<head>`` / before ``</body>``: Material's instant
    navigation swaps the content, so a reader arriving from a page without an assessment gets
    both, and leaving removes them. ``rel=stylesheet`` is allowed in the body; placed before
    the script it holds the script back until the styles are loaded, so the interactive block
    never appears unstyled. (A link in ``<head>`` would also cost a copy of every finished
    page, about 1 MB each with a 1,000-page nav.)
    """
    return content + stylesheet_tag(ASSESSMENT_CSS, page_url) + script_tag(ASSESSMENT_JS, page_url)


def progress_tags(page_url: str) -> str:
    """The progress page's stylesheet and script, in its content (see :func:`add_to_content`)."""
    return stylesheet_tag(PROGRESS_CSS, page_url) + script_tag(PROGRESS_JS, page_url)


def elements(assets_url: str, src_path: str | None) -> list[Element]:
    """The stylesheet ``<link>`` and the ``<script src>`` for assets copied to ``assets_url``
    (the extension's option, for hosts without the plugin, such as Zensical).

    Args:
        assets_url: Where the copied files are: in ``docs_dir`` (``assets/careerkit``), or
            absolute (``/guide/assets/careerkit``, ``https://…``), which is used as written.
        src_path: The page's Markdown file relative to ``docs_dir``, if the host tells it. The
            URLs are then relative to that file, as authors write links, and the host turns them
            into the page's URLs as it does with every link (Zensical does); without it a
            relative ``assets_url`` is used as written.
    """
    names = [Path(path).name for path in (ASSESSMENT_CSS, ASSESSMENT_JS)]
    base = assets_url.rstrip("/")
    if src_path is None or base.startswith(("/", "http://", "https://")):
        css, js = (f"{base}/{name}" for name in names)
    else:
        src = src_path.replace("\\", "/")
        css, js = (get_relative_url(f"{base}/{name}".lstrip("/"), src) for name in names)
    link = Element("link", {"rel": "stylesheet", "href": css})
    script = Element("script", {"src": js, "defer": ""})
    return [link, script]


def host_src_path(md: Markdown) -> str | None:
    """The Markdown file being converted, relative to ``docs_dir``, where the host says: Zensical
    registers a ``rendering_context`` preprocessor whose ``page.path`` is that path."""
    if "rendering_context" not in md.preprocessors:
        return None
    path = getattr(getattr(md.preprocessors["rendering_context"], "page", None), "path", None)
    return path if isinstance(path, str) else None


def gzip_sizes(site_paths: Sequence[str] = ASSESSMENT_FILES) -> dict[str, int]:
    """Gzip (level 9) size in bytes of each asset as served (minified), as a server sends it."""
    return {path: len(gzip.compress(served(path), compresslevel=9, mtime=0)) for path in site_paths}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m mkdocs_careerkit.assets DIR``: copy the assets into DIR."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        sys.stderr.write("usage: python -m mkdocs_careerkit.assets DIR\n")
        return 2
    dest = Path(args[0])
    dest.mkdir(parents=True, exist_ok=True)
    for path in ALL_FILES:
        (dest / Path(path).name).write_bytes(served(path))
        sys.stdout.write(f"{dest / Path(path).name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
