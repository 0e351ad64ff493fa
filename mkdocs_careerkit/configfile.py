"""The site's config file for ``careerkit check``: ``zensical.toml``, ``properdocs.yml`` or
``mkdocs.yml``.

Whichever file describes the site, it becomes one :class:`MkDocsConfig`, so everything after
loading — files, nav, extensions, the checks — is the same code. A ``zensical.toml`` is read with
the standard library and its ``[project]`` keys are mapped onto MkDocs' as Zensical itself reads
them (``zensical/config.py``): the same Markdown extensions, defaults included, the same
``nav``, ``docs_dir`` and ``exclude_docs`` / ``draft_docs`` / ``not_in_nav`` patterns.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

import yaml
from mkdocs import config as mkdocs_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Looked for in this order in the current directory when ``-f`` names none (Zensical itself
# prefers zensical.toml over mkdocs.yml; ProperDocs prefers properdocs.yml).
CONFIG_FILES = ("zensical.toml", "properdocs.yml", "mkdocs.yml", "mkdocs.yaml")

# [project] keys that mean the same to Zensical and MkDocs and matter to the checks.
_SAME_KEYS = (
    "site_name",
    "site_url",
    "docs_dir",
    "site_dir",
    "use_directory_urls",
    "nav",
    "exclude_docs",
    "draft_docs",
    "not_in_nav",
)

# Zensical's extensions when [project] names none (zensical 0.0.73, DEFAULT_MARKDOWN_EXTENSIONS),
# with the options that change ids or links; the rest only change looks.
ZENSICAL_DEFAULT_EXTENSIONS: dict[str, dict[str, Any]] = {
    "abbr": {},
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "footnotes": {},
    "md_in_html": {},
    "toc": {"permalink": True},
    "pymdownx.arithmatex": {"generic": True},
    "pymdownx.betterem": {},
    "pymdownx.caret": {},
    "pymdownx.details": {},
    "pymdownx.emoji": {},
    "pymdownx.highlight": {"anchor_linenums": True, "line_spans": "__span"},
    "pymdownx.inlinehilite": {},
    "pymdownx.keys": {},
    "pymdownx.magiclink": {},
    "pymdownx.mark": {},
    "pymdownx.smartsymbols": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True, "combine_header_slug": True},
    "pymdownx.tasklist": {"custom_checkbox": True},
    "pymdownx.tilde": {},
}

ASSESSMENTS = "mkdocs_careerkit.assessments"
_ASSESSMENT_OPTIONS = ("admonition_types", "strings")  # the extension's, also the plugin's


def find_config_file(directory: str = os.curdir) -> str:
    """The first of :data:`CONFIG_FILES` in ``directory`` (``mkdocs.yml`` if there is none, so
    that the error names the file MkDocs users expect)."""
    where = "" if directory == os.curdir else directory
    for name in CONFIG_FILES:
        if os.path.isfile(os.path.join(directory, name)):
            return os.path.join(where, name)
    return os.path.join(where, "mkdocs.yml")


def load(path: str) -> MkDocsConfig:
    """Load a site's config, whichever tool's file it is.

    Raises:
        ConfigurationError: The file is not valid TOML or YAML, or its keys are wrong.
        OSError: The file cannot be read.
    """
    if os.path.splitext(path)[1].lower() == ".toml":
        return load_zensical(path)
    return load_yaml(path)


# MkDocs reads mkdocs.yml with PyYAML's pure-Python loader: for a guide's 1,000-entry ``nav``
# that is most of the time a pre-commit check takes. libyaml's parser, where PyYAML has it,
# builds the same data with the same constructors (``!ENV``, ``!relative``, ``!!python/name``).
_C_LOADER: Any = getattr(yaml, "CLoader", None)
_log = logging.getLogger("mkdocs.config")


def load_yaml(path: str) -> MkDocsConfig:
    """``mkdocs.config.load_config(path)``, parsing the YAML with libyaml when PyYAML has it.

    Anything but a plain successful parse (a file that cannot be opened, YAML libyaml rejects)
    is left to MkDocs' own loader, so that errors read exactly as MkDocs words them.
    """
    if _C_LOADER is None:
        return mkdocs_config.load_config(config_file=path)
    abspath = os.path.abspath(path)
    try:
        fd = open(abspath, "rb")  # closed by the with below
    except OSError:
        return mkdocs_config.load_config(config_file=path)
    with fd:
        cfg = MkDocsConfig(config_file_path=abspath)
        try:
            data = yaml_load(fd, get_yaml_loader(loader=_C_LOADER, config=cfg))
        except ConfigurationError:
            return mkdocs_config.load_config(config_file=path)
    cfg.load_dict(data)
    # What mkdocs.config.load_config does after reading the file, with the same messages.
    errors, warnings = cfg.validate()
    for name, warning in warnings:
        _log.warning(f"Config value '{name}': {warning}")
    for name, error in errors:
        _log.error(f"Config value '{name}': {error}")
    if errors:
        raise Abort("Aborted with a configuration error!")
    if cfg.strict and warnings:
        raise Abort(f"Aborted with {len(warnings)} configuration warnings in 'strict' mode!")
    return cfg


def load_zensical(path: str) -> MkDocsConfig:
    """An MkDocs config for the site a ``zensical.toml`` describes."""
    with open(path, "rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise ConfigurationError(f"careerkit: {path} is not valid TOML: {e}") from e
        except UnicodeDecodeError as e:
            raise ConfigurationError(f"careerkit: {path} is not UTF-8: {e}") from e
    keys = mkdocs_keys(data.get("project", data), path)
    custom_dir = keys.pop("_custom_dir", None)
    # MkDocs reads the (empty) YAML, then takes the keys; config_file_path makes docs_dir and
    # custom_dir relative to zensical.toml, as Zensical has them.
    config = mkdocs_config.load_config(
        io.BytesIO(b"{}"), config_file_path=os.path.abspath(path), **keys
    )
    if custom_dir:  # the author's overrides come before Zensical's templates
        overrides = os.path.join(os.path.dirname(os.path.abspath(path)), custom_dir)
        if not os.path.isdir(overrides):
            raise ConfigurationError(
                f"careerkit: {path}: theme.custom_dir '{custom_dir}' is not a folder"
            )
        config.theme.dirs.insert(0, overrides)
    return config


def mkdocs_keys(project: Any, path: str = "zensical.toml") -> dict[str, Any]:
    """MkDocs config keys for a ``zensical.toml`` ``[project]`` table.

    Raises:
        ConfigurationError: A key has a shape Zensical rejects too; one line naming it.
    """
    if not isinstance(project, Mapping):
        raise ConfigurationError(f"careerkit: {path}: [project] must be a table")
    keys: dict[str, Any] = {k: project[k] for k in _SAME_KEYS if k in project}
    extensions = markdown_extensions(project.get("markdown_extensions", None), path)
    keys["markdown_extensions"] = extensions
    keys["theme"], custom_dir = _theme(project.get("theme"), path)
    if custom_dir:
        keys["_custom_dir"] = custom_dir
    keys["plugins"] = [{"careerkit": _careerkit_options(project.get("plugins"), extensions, path)}]
    return keys


def markdown_extensions(value: Any, path: str = "zensical.toml") -> list[Any]:
    """``markdown_extensions`` as MkDocs takes it (a list of names and one-key mappings), the
    way Zensical builds it: its defaults when the key is absent, ``toc`` and ``tables`` always,
    ``pymdownx.superfences`` last unless listed, ``pymdownx.*`` and ``zensical.*`` tables
    flattened, and dotted names of callables (slugify, emoji index, fence formats) imported."""
    where = f"careerkit: {path}: markdown_extensions"
    if value is None:
        value = ZENSICAL_DEFAULT_EXTENSIONS
    if isinstance(value, Mapping):
        value = _flatten(dict(value), where)
        items = list(value.items())
    elif isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, str):
                items.append((item, {}))
            elif isinstance(item, Mapping) and len(item) == 1:
                items.append(next(iter(item.items())))
            else:
                raise ConfigurationError(f"{where}: each entry is a name or a one-key table")
    else:
        raise ConfigurationError(f"{where} must be a table or a list")
    configs: dict[str, dict[str, Any]] = {"toc": {}, "tables": {}}
    for name, options in items:
        if options is None:
            options = {}
        if not isinstance(name, str) or not isinstance(options, Mapping):
            raise ConfigurationError(f"{where}: the options of {name!r} must be a table")
        configs[name] = _resolve_callables(name, dict(options), where)
    configs.setdefault("pymdownx.superfences", {})
    return [{name: options} if options else name for name, options in configs.items()]


def _flatten(value: dict[str, Any], where: str) -> dict[str, Any]:
    """``pymdownx.tabbed.x = 1`` in TOML is a nested table: hoist ``pymdownx.*`` (and
    ``pymdownx.blocks.*``) and ``zensical.*`` (and ``zensical.extensions.*``) as Zensical does."""
    for prefix, nested in (("pymdownx", "blocks"), ("zensical", "extensions")):
        if prefix not in value:
            continue
        group = value.pop(prefix)
        if not isinstance(group, Mapping):
            raise ConfigurationError(f"{where}.{prefix} must be a table")
        for name, options in group.items():
            if name == nested and isinstance(options, Mapping):
                for inner, inner_options in options.items():
                    value[f"{prefix}.{name}.{inner}"] = inner_options
            else:
                value[f"{prefix}.{name}"] = options
    return value


def _resolve_callables(name: str, options: dict[str, Any], where: str) -> dict[str, Any]:
    """TOML cannot hold Python functions: Zensical takes their dotted names (or
    ``{object = ..., kwds = {...}}``) where YAML had ``!!python/name:`` tags."""

    def call(spec: Any, default: str) -> Any:
        if isinstance(spec, Mapping):
            return _import(str(spec.get("object", default)), where)(**dict(spec.get("kwds", {})))
        return spec

    if name == "pymdownx.emoji":
        for key in ("emoji_generator", "emoji_index"):
            if isinstance(options.get(key), str):
                options[key] = _import(options[key], where)
    elif name in ("toc", "pymdownx.tabbed", "pymdownx.blocks.tab"):
        options["slugify"] = call(options.get("slugify"), "pymdownx.slugs.slugify")
        if options["slugify"] is None:
            del options["slugify"]
    elif name in ("pymdownx.superfences", "pymdownx.inlinehilite"):
        key = "custom_fences" if name == "pymdownx.superfences" else "custom_inline"
        for entry in options.get(key, []):
            if isinstance(entry, dict):
                for part in ("format", "validator"):
                    value = entry.get(part)
                    if isinstance(value, str):
                        entry[part] = _import(value, where)
                    elif isinstance(value, Mapping):
                        entry[part] = call(value, "pymdownx.superfences.fence_code_format")
    return options


def _import(dotted: str, where: str) -> Callable[..., Any]:
    module, _, attribute = dotted.rpartition(".")
    try:
        found: Callable[..., Any] = getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError, ValueError) as e:
        raise ConfigurationError(
            f"{where}: cannot import {dotted!r} ({e}): install the package that provides it"
        ) from e
    return found


def _theme(value: Any, path: str) -> tuple[Any, str | None]:
    """The theme whose templates the pages get: Zensical's own for ``material``, ``zensical``
    or none (its ids are Material's), else the named MkDocs theme; plus the author's
    ``custom_dir``, added in front of the theme's folders."""
    theme = value if isinstance(value, Mapping) else {"name": value}
    name = theme.get("name")
    custom_dir = theme.get("custom_dir")
    if custom_dir is not None and not isinstance(custom_dir, str):
        raise ConfigurationError(f"careerkit: {path}: theme.custom_dir must be a string")
    if name not in (None, "material", "zensical"):
        return {"name": name}, custom_dir
    spec = importlib.util.find_spec("zensical")
    if spec is not None and spec.origin:
        templates = os.path.join(os.path.dirname(spec.origin), "templates")
        if os.path.isdir(templates):
            return {"name": None, "custom_dir": templates}, custom_dir
    return {"name": "mkdocs"}, custom_dir  # Zensical is not installed here: no theme ids known


def _careerkit_options(plugins: Any, extensions: list[Any], path: str) -> dict[str, Any]:
    """The careerkit options: ``[project.plugins.careerkit]`` (Zensical skips plugins it does not
    know, so the table can hold the check's options), and the assessments extension's own
    ``admonition_types`` and ``strings``, which win as they do in an MkDocs build."""
    options: Any = {}
    if isinstance(plugins, Mapping):
        options = plugins.get("careerkit") or {}
    elif isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, Mapping) and "careerkit" in item:
                options = item["careerkit"] or {}
    if not isinstance(options, Mapping):
        raise ConfigurationError(f"careerkit: {path}: plugins.careerkit must be a table")
    result: dict[str, Any] = dict(options)
    for ext in extensions:
        if isinstance(ext, Mapping) and ASSESSMENTS in ext:
            own = {k: v for k, v in ext[ASSESSMENTS].items() if k in _ASSESSMENT_OPTIONS}
            result["assessments"] = {**dict(result.get("assessments") or {}), **own}
    return result
