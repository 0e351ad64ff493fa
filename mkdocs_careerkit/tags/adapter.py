"""Tags and MkDocs: options, the taxonomy file, Material's tags and meta plugins.

Shared by the build (``feature.py``) and ``careerkit check`` (``sitecheck.py``), so both read the
same files the same way.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files

from mkdocs_careerkit.config import CareerkitConfig
from mkdocs_careerkit.sources import read_source, read_text
from mkdocs_careerkit.tags.check import SiteTags, TagOptions
from mkdocs_careerkit.tags.taxonomy import Taxonomy, parse_taxonomy
from mkdocs_careerkit.tags.usage import Usage


def enabled(options: CareerkitConfig) -> bool:
    """Whether the tag checks run: as set, else when a taxonomy is given."""
    on = options.tags.enabled
    return bool(on) if on is not None else options.tags.taxonomy is not None


def _material(config: MkDocsConfig, name: str) -> Any | None:
    """The options of Material's ``name`` plugin if the site uses it and it is enabled."""
    for key, plugin in config.plugins.items():
        short = key.split("/")[-1].split(" ")[0]
        options = getattr(plugin, "config", None)
        if short == name and type(plugin).__module__.startswith("material."):
            return options if getattr(options, "enabled", True) else None
    return None


def tag_options(options: CareerkitConfig, config: MkDocsConfig) -> TagOptions:
    """The page checks' options, with the tags key Material's tags plugin reads."""
    material = _material(config, "tags")
    key = str(getattr(material, "tags_name_property", "tags")) if material else "tags"
    t = options.tags
    return TagOptions(key, tuple(t.required), t.min_tags, t.max_tags)


def separator(config: MkDocsConfig) -> str:
    """The hierarchy separator of Material's tags plugin (``/`` without it)."""
    material = _material(config, "tags")
    return str(getattr(material, "tags_hierarchy_separator", "/")) if material else "/"


def taxonomy_path(options: CareerkitConfig, config: MkDocsConfig) -> str | None:
    """The taxonomy file's path (the option is relative to ``mkdocs.yml``)."""
    path = options.tags.taxonomy
    if not path:
        return None
    return os.path.join(os.path.dirname(config.config_file_path or ""), path)


def docs_relative(path: str, config: MkDocsConfig) -> str:
    """``path`` as findings name files: relative to ``docs_dir``, forward slashes."""
    return os.path.relpath(path, config.docs_dir).replace(os.sep, "/")


def load_taxonomy(
    options: CareerkitConfig, config: MkDocsConfig
) -> tuple[Taxonomy | None, list[Any]]:
    """The taxonomy and the problems with its file; (None, []) when no taxonomy is set.

    Raises:
        PluginError: The file is missing or unreadable (its content's problems are findings).
    """
    path = taxonomy_path(options, config)
    if path is None:
        return None, []
    shown = docs_relative(path, config)
    if os.path.isdir(path):
        raise PluginError(
            f"careerkit: tag taxonomy {path} is a directory: name the YAML file in the "
            "'tags: taxonomy:' option"
        )
    if not os.path.isfile(path):
        raise PluginError(
            f"careerkit: tag taxonomy {path} does not exist (the 'tags: taxonomy:' option is "
            "relative to mkdocs.yml): correct the path, or write one with 'careerkit tags init'"
        )
    text, findings = read_text(path, shown)
    taxonomy, problems = parse_taxonomy(text, shown, separator(config))
    return taxonomy, findings + problems


def meta_files(files: Files, config: MkDocsConfig) -> list[File]:
    """The ``.meta.yml`` files Material's meta plugin merges into pages (none without it)."""
    material = _material(config, "meta")
    if material is None:
        return []
    name = str(getattr(material, "meta_file", ".meta.yml"))
    return [
        f for f in files if posixpath.basename(f.src_uri) == name and f.abs_src_path is not None
    ]


def site_tags(options: CareerkitConfig, config: MkDocsConfig, files: Files) -> SiteTags:
    """A fresh :class:`SiteTags` with the taxonomy loaded and the meta files checked."""
    taxonomy, findings = load_taxonomy(options, config)
    site = SiteTags(taxonomy, tag_options(options, config))
    site.findings += findings
    for f in meta_files(files, config):
        assert f.abs_src_path is not None
        text, problems = read_text(f.abs_src_path, f.src_uri)
        site.findings += problems
        site.meta_file(f.src_uri, text)
    return site


def site_usage(options: CareerkitConfig, config: MkDocsConfig) -> Usage:
    """Every published page's tags as written (its own, then those of its ``.meta.yml`` files),
    read from the sources: what ``careerkit tags report`` and ``init`` look at."""
    files = get_files(config)
    site = SiteTags(None, tag_options(options, config))
    for f in meta_files(files, config):
        assert f.abs_src_path is not None
        site.meta_file(f.src_uri, read_text(f.abs_src_path, f.src_uri)[0])
    key = site.options.key
    pages: dict[str, list[str]] = {}
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.abs_src_path is None:
            continue
        source = read_source(file.abs_src_path, file.src_uri)
        tags: list[str] = []
        for values in (site.inherited(file.src_uri).get(key), source.meta.get(key)):
            if isinstance(values, list):
                tags += [v for v in values if isinstance(v, str) and v.strip()]
        pages[file.src_uri] = list(dict.fromkeys(tags))
    return Usage(pages)
