"""The MkDocs side of assessments: enable the extension for a build, with the plugin's options."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_careerkit.assessments.extension import (
    AssessmentExtension,
    AssessmentOptions,
    Collector,
    Reporter,
)

EXTENSION = "mkdocs_careerkit.assessments"


def options_from_config(config: Any, site: MkDocsConfig | None = None) -> AssessmentOptions:
    """Extension options from the plugin's validated ``assessments:`` sub-config.

    With the site's config, the built-in words are those of its language (Material's
    ``theme.language``, the ``mkdocs`` and ``readthedocs`` themes' ``theme.locale``), and a
    missing ``markdown_extensions`` entry becomes a finding (for ``careerkit check``).
    """
    return AssessmentOptions.create(
        config.admonition_types,
        config.strings,
        config.title_words,
        site.markdown_extensions if site else None,
        language(site) if site else "",
    )


def language(site: MkDocsConfig) -> object:
    """The site's language: Material's ``theme.language``, the ``mkdocs`` and ``readthedocs``
    themes' ``theme.locale``."""
    return site.theme.get("language") or site.theme.get("locale") or ""


def install(
    config: MkDocsConfig, options: AssessmentOptions, reporter: Reporter, collect: Collector
) -> None:
    """Enable the extension for this build, reporting through the plugin.

    If the author already lists ``mkdocs_careerkit.assessments`` under ``markdown_extensions``,
    that entry gets the reporter (its own options win); otherwise an instance is added, which
    ``markdown.Markdown`` accepts next to extension names.
    """
    if EXTENSION in config.markdown_extensions:
        mdx = config.mdx_configs.setdefault(EXTENSION, {})
        mdx.setdefault("admonition_types", list(options.types))
        mdx.setdefault("title_words", list(options.titles))
        mdx.setdefault("strings", dict(options.strings))
        # The plugin adds the assets itself (as site files, on the pages that need them).
        mdx.update(reporter=reporter, collect=collect, assets_url="")
        return
    config.markdown_extensions.append(
        AssessmentExtension(  # type: ignore[arg-type]
            admonition_types=list(options.types),
            title_words=list(options.titles),
            strings=dict(options.strings),
            reporter=reporter,
            collect=collect,
        )
    )
