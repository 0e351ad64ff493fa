"""Cross-references on constructs taken from real MkDocs sites that nobody here wrote.

Subsets of three public documentation sites were rebuilt locally, with and without careerkit
(Material for MkDocs' own docs with its shortcode hook and blog, pymdown-extensions' docs with
nested snippets and generic blocks, mkdocs-autorefs' docs with its README included through
snippets), and every careerkit finding was compared with the built HTML. Each test below is the
smallest site that shows one construct, paraphrased from those sources.

- ``xfail(strict=True)`` tests are false alarms or build/check disagreements found that way:
  each documents the bug precisely and flips to a failure (XPASS) once it is fixed.
- The other tests guard constructs that already work, so they keep working.

Every site is built (MkDocs is the judge) and checked with ``careerkit check``'s engine; rows are
``(file, line, column, code, severity)``.
"""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest

from mkdocs_careerkit.findings import Finding
from tests.conftest import Built, build_site
from tests.test_xref_sites import build_findings, cli_findings

Row = tuple[str, int, int, str, str]


def make_site(root: Path, pages: dict[str, str], config: str) -> Path:
    """Write files (paths relative to ``root``, text dedented) and ``mkdocs.yml`` as YAML text,
    so that configs can use MkDocs' and Python's tags like the real sites do."""
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(textwrap.dedent(config).lstrip("\n"), encoding="utf-8")
    return config_file


def rows_of(findings: list[Finding]) -> set[Row]:
    return {(f.file, f.line, f.column, f.code, f.severity) for f in findings}


def both(config_file: Path) -> tuple[Built, set[Row], set[Row]]:
    """Build the site and run ``careerkit check`` on it: (build, its rows, check's rows)."""
    built = build_site(config_file)
    return built, rows_of(build_findings(built)), rows_of(cli_findings(config_file))


def mkdocs_warnings(built: Built) -> list[str]:
    """Warnings of MkDocs and other plugins (not careerkit's findings)."""
    return [
        r.getMessage()
        for r in built.records
        if r.levelno >= logging.WARNING and not r.name.startswith("mkdocs.plugins.mkdocs_careerkit")
    ]


@pytest.fixture
def site_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini site's folder, also the working directory: pymdownx.snippets resolves relative
    ``base_path`` entries from where MkDocs runs, as in the real projects."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- pymdown-extensions' docs: nested snippets ------------------------------------------------
# Its mkdocs.yml auto-appends `refs.md`, a snippet that itself includes `links.md` (every link
# definition of the site) and `abbr.md`; older pages end with `--8<-- "refs.txt"`, same shape.

NESTED_SNIPPETS = {
    "block": "--8<--\nlinks.md\n--8<--\n",
    "line": '--8<-- "links.md"\n',
}


@pytest.mark.parametrize("form", sorted(NESTED_SNIPPETS))
def test_check_follows_a_snippet_that_includes_another(site_root: Path, form: str) -> None:
    config = make_site(
        site_root,
        {
            "docs/index.md": "# Home\n\nBuilt with [MkDocs][mkdocs].\n",
            "snippets/refs.md": NESTED_SNIPPETS[form],
            "snippets/links.md": "[mkdocs]: https://www.mkdocs.org\n",
        },
        """
        site_name: nested snippets
        plugins: [careerkit]
        markdown_extensions:
          - pymdownx.snippets:
              base_path: [snippets]
              auto_append: [refs.md]
              check_paths: true
        """,
    )
    built, build, check = both(config)
    assert built.error is None
    assert build == set()  # the reference really became a link
    assert check == build


def test_nested_snippets_are_judged_right_in_the_build(site_root: Path) -> None:
    """The build reads Python-Markdown's final reference table: nested snippets count, and a
    label that no snippet defines is still reported at the line the author typed it."""
    config = make_site(
        site_root,
        {
            "docs/index.md": "# Home\n\nBuilt with [MkDocs][mkdocs].\n\nSee [Zola][zola].\n",
            "snippets/refs.md": NESTED_SNIPPETS["block"],
            "snippets/links.md": "[mkdocs]: https://www.mkdocs.org\n",
        },
        """
        site_name: nested snippets
        plugins: [careerkit]
        markdown_extensions:
          - pymdownx.snippets:
              base_path: [snippets]
              auto_append: [refs.md]
        """,
    )
    built, build, _ = both(config)
    assert build == {("index.md", 5, 5, "xref.missing-reference", "error")}
    assert '<a href="https://www.mkdocs.org">MkDocs</a>' in built.html("index.md")


def test_check_reads_a_snippet_base_path_that_is_a_file(site_root: Path) -> None:
    config = make_site(
        site_root,
        {
            "docs/index.md": '# Home\n\nRead the [license][license].\n\n--8<-- "LICENSE.md"\n',
            "LICENSE.md": "[license]: https://opensource.org/licenses/MIT\n",
        },
        """
        site_name: file base path
        plugins: [careerkit]
        markdown_extensions:
          - pymdownx.snippets:
              base_path: [LICENSE.md]
              check_paths: true
        """,
    )
    built, build, check = both(config)
    assert built.error is None
    assert build == set()
    assert check == build


# --- pymdown-extensions' docs: generic blocks -------------------------------------------------
# It enables pymdownx.blocks.tab with slugify and combine_header_slug, and uses blocks' `attrs`.

BLOCKS_TAB_PAGE = """
# Tab

## Usage

/// tab | Tab A title
Tab A content
///

/// tab | Tab B title
Tab B content
///

Jump to [Tab B]({target}).
"""


@pytest.mark.parametrize(
    ("options", "target"),
    [
        (
            """
              alternate_style: true
              combine_header_slug: true
              slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
            """,
            "#usage-tab-b-title",
        ),
        ("\n      alternate_style: true\n", "#__tabbed_1_2"),
    ],
    ids=["slugified", "numbered"],
)
def test_check_knows_the_ids_of_blocks_tabs(site_root: Path, options: str, target: str) -> None:
    config = make_site(
        site_root,
        {"docs/index.md": BLOCKS_TAB_PAGE.format(target=target)},
        "site_name: blocks tab\nplugins: [careerkit]\nmarkdown_extensions:\n"
        "  - toc\n  - pymdownx.blocks.tab:" + textwrap.indent(textwrap.dedent(options), "      "),
    )
    built, build, check = both(config)
    assert f'id="{target[1:]}"' in built.html("index.md")
    assert build == set()
    assert check == build


def test_blocks_tab_ids_are_judged_from_the_html_in_the_build(site_root: Path) -> None:
    """In the build the rendered ids decide: a real tab id passes, a wrong one is reported.
    (MkDocs' own anchor validation does not see tab ids and warns about both.)"""
    page = BLOCKS_TAB_PAGE.format(target="#usage-tab-b-title") + "\nNot [Tab Z](#usage-tab-z).\n"
    config = make_site(
        site_root,
        {"docs/index.md": page},
        """
        site_name: blocks tab
        plugins: [careerkit]
        markdown_extensions:
          - toc
          - pymdownx.blocks.tab:
              alternate_style: true
              combine_header_slug: true
              slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
        """,
    )
    _, build, _ = both(config)
    assert build == {("index.md", 15, 5, "xref.missing-anchor", "error")}


def test_check_knows_ids_set_by_blocks_attrs(site_root: Path) -> None:
    config = make_site(
        site_root,
        {
            "docs/index.md": """
                # Blocks

                /// html | div
                    attrs: {id: pricing-table}

                Some content.
                ///

                /// details | Summary
                    attrs: {id: faq-answer}

                The answer.
                ///

                See [the table](#pricing-table) and [the answer](#faq-answer).
                """
        },
        """
        site_name: blocks attrs
        plugins: [careerkit]
        markdown_extensions:
          - toc
          - pymdownx.blocks.html
          - pymdownx.blocks.details
        """,
    )
    built, build, check = both(config)
    assert 'id="pricing-table"' in built.html("index.md")
    assert build == set()
    assert check == build


def test_escaped_snippet_notation_in_code_is_no_include(site_root: Path) -> None:
    """pymdown-extensions' Snippets page shows `;--8<-- "file"` (escaped) in code blocks, with
    `check_paths: true`: nothing is included, nothing is reported, the build does not fail. A
    relative link inside an included snippet is resolved from the page that includes it."""
    config = make_site(
        site_root,
        {
            "docs/extensions/snippets.md": """
                # Snippets

                ```
                ;--8<-- "filename.ext"
                ```

                ```
                ;--8<--
                include.md
                ; skip.md
                ;--8<--
                ```

                ````text title="Escaped Snippets"
                ```
                ;;--8<-- "escaped.md"
                ```
                ````

                --8<-- "beta.md"
                """,
            "docs/extensions/tab.md": "# Tab\n",
            "docs/index.md": "# Home\n\n[Snippets](extensions/snippets.md)\n",
            "snippets/beta.md": "!!! warning\n    The [tab](tab.md) page may change.\n",
        },
        """
        site_name: escaped snippets
        plugins: [careerkit]
        markdown_extensions:
          - admonition
          - pymdownx.superfences
          - pymdownx.snippets:
              base_path: [snippets]
              check_paths: true
        """,
    )
    built, build, check = both(config)
    assert built.error is None
    html = built.html("extensions/snippets.md")
    assert ';--8&lt;-- "escaped.md"' in html
    assert '<a href="../tab/">tab</a>' in html
    assert build == check == set()


def test_multimarkdown_meta_keeps_line_numbers(site_root: Path) -> None:
    """pymdown-extensions' older pages open with MultiMarkdown-style meta (`path: tree/master`),
    which MkDocs strips like YAML front matter: findings still point at the typed line."""
    config = make_site(
        site_root,
        {
            "docs/index.md": """
                path: tree/master
                source: pymdownx/slugs.py

                # Slugs

                ## `uslugify`

                Like [`uslugify`](#uslugify), unlike [`gfm`](#gfm).
                """
        },
        """
        site_name: mmd meta
        plugins: [careerkit]
        markdown_extensions:
          - toc:
              slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
        """,
    )
    built, build, check = both(config)
    assert built.config is not None
    assert build == check == {("index.md", 8, 38, "xref.missing-anchor", "error")}


# --- Material for MkDocs' docs -----------------------------------------------------------------


def test_twice_defined_label_same_findings_in_build_and_check(site_root: Path) -> None:
    config = make_site(
        site_root,
        {
            "docs/index.md": """
                # Blog plugin

                Integrates with other [built-in plugins].

                  [built-in plugins]: plugins.md

                As with all [built-in plugins], add it to `mkdocs.yml`.

                  [built-in plugins]: plugins.md
                """
        },
        "site_name: twice\nplugins: [careerkit]\n",
    )
    _, build, check = both(config)
    assert ("index.md", 9, 3, "xref.missing-page", "error") in build
    assert build == check


TAGS_SITE = {
    "docs/index.md": """
        ---
        tags:
          - Setup
          - Blog post
        ---

        # Home

        All pages tagged [Setup](tags.md#tag:setup) or [Blog post](tags.md#tag:blog-post).
        """,
    "docs/other.md": "---\ntags: [Setup]\n---\n\n# Other\n",
    "docs/tags.md": "# Tags\n\n<!-- material/tags -->\n",
}
TAGS_CONFIG = """
site_name: tags
plugins: [tags, careerkit]
theme: {name: material}
markdown_extensions: [attr_list, toc]
"""


def test_build_sees_the_ids_of_the_material_tags_listing(site_root: Path) -> None:
    config = make_site(site_root, TAGS_SITE, TAGS_CONFIG)
    built, build, _ = both(config)
    assert 'id="tag:setup"' in built.html("tags.md")
    assert build == set()


def test_check_does_not_fail_on_links_to_material_tags(site_root: Path) -> None:
    config = make_site(site_root, TAGS_SITE, TAGS_CONFIG)
    check = rows_of(cli_findings(config))
    assert {severity for *_, severity in check} <= {"info", "warn"}


SHORTCODES_HOOK = '''
"""Material's docs hook, reduced: `<!-- md:setting X -->` becomes a heading id and a link
definition; `<!-- md:option X -->` an anchored link; `<!-- md:flag -->` a badge linking
to conventions.md."""

import posixpath
import re


def on_page_markdown(markdown, *, page, config, files):
    def replace(match):
        kind, args = match.group(1), match.group(2).strip()
        if kind == "setting":
            name = re.split(r"[.*]", args)[-1]
            return f"`{name}` {{ #{args} }}\\n\\n[{args}]: #{args}\\n\\n"
        if kind == "option":
            name = re.split(r"[.:]", args)[-1]
            return f"[`{name}`](#+{args}){{ #+{args} }}\\n\\n"
        href = posixpath.relpath("conventions.md", posixpath.dirname(page.file.src_uri))
        return f"[:material-flask:]({href}#experimental 'Experimental')"

    return re.sub(r"<!-- md:(\\w+)(.*?) -->", replace, markdown)
'''


def test_material_shortcode_hook(site_root: Path) -> None:
    """Material's shortcode hook defines ids and `[config.x]` definitions that exist only after
    it ran: the build finds no false alarm; check says once what it cannot see and reports
    what depends on the hook as warnings, never errors."""
    config = make_site(
        site_root,
        {
            "hooks/shortcodes.py": SHORTCODES_HOOK,
            "docs/conventions.md": "# Conventions\n\n## Experimental\n",
            "docs/plugins/blog.md": """
                # Built-in blog plugin

                The plugin scans the [`posts` directory][config.post_dir].

                #### <!-- md:setting config.post_dir -->

                <!-- md:flag experimental -->

                <!-- md:option rss.match_path -->

                :   Which pages go into the feed, see [`match_path`](#+rss.match_path).
                """,
            "docs/setup.md": "# Setup\n\nSee [post_dir](plugins/blog.md#config.post_dir).\n",
        },
        """
        site_name: shortcodes
        plugins: [careerkit]
        hooks: [hooks/shortcodes.py]
        markdown_extensions: [attr_list, def_list, toc, pymdownx.emoji]
        """,
    )
    built, build, check = both(config)
    assert built.error is None
    assert build == set()
    assert 'id="config.post_dir"' in built.html("plugins/blog.md")
    assert ("../mkdocs.yml", 0, 0, "xref.cannot-see", "info") in check
    assert {severity for *_, severity in check} <= {"info", "warn"}


JINJA_HOOK = '''
"""What mkdocs-macros does to every page, reduced: render its Markdown as a Jinja template."""

import jinja2


def on_page_markdown(markdown, *, page, config, files):
    return jinja2.Template(markdown).render(config=config)
'''

# Lines of real pages built with mkdocs-macros (a database's test notes, a project's team page).
MACRO_LINKS = """
    # Server Tests

    [Source]({{ config.repo_url }}blob/{{ config.extra.version }}/tests/server.py){ .md-button }

    Maintained by a [community of
    volunteer contributors]({{ config.repo_url }}graphs/contributors).
    """


def _macro_site(root: Path) -> Path:
    return make_site(
        root,
        {"hooks/macros.py": JINJA_HOOK, "docs/index.md": MACRO_LINKS},
        """
        site_name: macros
        repo_url: https://github.com/example/db/
        extra: {version: v1.2.0}
        plugins: [careerkit]
        hooks: [hooks/macros.py]
        markdown_extensions: [attr_list]
        """,
    )


def test_build_judges_links_that_macros_wrote(site_root: Path) -> None:
    """Links whose targets are Jinja expressions (mkdocs-macros) are judged as rendered: these
    become external links, nothing to report."""
    built, build, _ = both(_macro_site(site_root))
    html = built.html("index.md")
    assert 'href="https://github.com/example/db/blob/v1.2.0/tests/server.py"' in html
    assert 'href="https://github.com/example/db/graphs/contributors"' in html
    assert build == set()


def test_check_does_not_fail_on_links_that_macros_write(site_root: Path) -> None:
    check = rows_of(cli_findings(_macro_site(site_root)))
    assert {severity for *_, severity in check} <= {"info", "warn"}


# --- Plugins that change which files exist or how links resolve ----------------------------------

GENERATED_PAGE_HOOK = '''
"""What mkdocs-gen-files does for the API reference of mkdocs-autorefs' docs (nav:
`API reference: reference/`), reduced: a page that exists only in the build."""

from mkdocs.structure.files import File


def on_files(files, config):
    files.append(File.generated(config, "reference/api.md", content="# API\\n\\n## fix_refs\\n"))
    return files
'''


def _generated_page_site(root: Path) -> Path:
    return make_site(
        root,
        {
            "hooks/gen.py": GENERATED_PAGE_HOOK,
            "docs/index.md": "# Overview\n\nSee the [API](reference/api.md#fix_refs).\n",
        },
        "site_name: gen\nplugins: [careerkit]\nhooks: [hooks/gen.py]\nmarkdown_extensions: [toc]\n",
    )


def test_build_knows_pages_generated_in_on_files(site_root: Path) -> None:
    built, build, _ = both(_generated_page_site(site_root))
    assert 'id="fix_refs"' in built.html("reference/api.md")
    assert build == set()


def test_check_does_not_fail_on_links_to_generated_pages(site_root: Path) -> None:
    check = rows_of(cli_findings(_generated_page_site(site_root)))
    assert {severity for *_, severity in check} <= {"info", "warn"}


LANGUAGE_FILES_HOOK = '''
"""mkdocs-static-i18n's I18nFiles, reduced: it overrides Files.get_file_from_path so that
`guide.md` written on a French page is `guide.fr.md` (docs_structure: suffix)."""

from mkdocs.structure.files import Files


class LanguageFiles(Files):
    def get_file_from_path(self, path):
        stem, _, ext = path.rpartition(".")
        return self.src_uris.get(f"{stem}.fr.{ext}") or self.src_uris.get(path)


def on_files(files, config):
    return LanguageFiles(list(files))
'''


def _language_site(root: Path) -> Path:
    return make_site(
        root,
        {
            "hooks/lang.py": LANGUAGE_FILES_HOOK,
            "docs/index.fr.md": "# Accueil\n\nVoir [le guide](guide.md#installation).\n",
            "docs/guide.fr.md": "# Guide\n\n## Installation\n",
        },
        "site_name: i18n\nplugins: [careerkit]\nhooks: [hooks/lang.py]\n"
        "markdown_extensions: [toc]\n",
    )


def test_build_resolves_links_the_way_mkdocs_files_do(site_root: Path) -> None:
    built, build, _ = both(_language_site(site_root))
    assert 'href="../guide.fr/#installation"' in built.html("index.fr.md")
    assert build == set()


def test_real_reference_and_id_forms(site_root: Path) -> None:
    """Forms from Material's pages that must not be taken for broken links: a reference whose
    label follows on the next line (`[sponsors]\\n[Insiders]`, `[extend the theme\\n][x]`), a
    label broken over two lines, attr_list ids with `+` and `.`, the legacy `{: #id }` form on
    a definition term, the same `{ #default }` on three headings, a changelog heading id set as
    `{ id="9.2.0" }`, footnote ids, and tab ids with slugify and combine_header_slug."""
    config = make_site(
        site_root,
        {
            "docs/changelog.md": (
                '# Changelog\n\n### 9.2.0 <small>September 2023</small> { id="9.2.0" }\n'
            ),
            "docs/index.md": """
                # Reference

                The following settings are reserved to our [sponsors]
                [Insiders]. You can [extend the theme
                ][theme extension], and the [built-in blog
                plugin] resolves links.

                [`meta_file`](#+meta.meta_file){ #+meta.meta_file }

                :   Default: `**/.meta.yml`

                `note`{: #note }, `seealso`

                :   A note.

                ### Default value { #default }

                #### Default value is computed { #default }

                #### Default value is empty { #default }

                ## Table of Contents

                === "Unicode"

                    Unicode slugs.

                === "Unicode, case-sensitive"

                    Cased slugs.

                Lorem ipsum[^1]. [Jump to the footnote](#fn:1), [the note type](#note), the
                [default](#default), the [cased tab](#table-of-contents-unicode-case-sensitive)
                and [version 9.2.0](changelog.md#9.2.0).

                [^1]: Lorem ipsum dolor sit amet.

                  [Insiders]: changelog.md
                  [theme extension]: changelog.md
                  [built-in blog plugin]: changelog.md#9.2.0
                """,
        },
        """
        site_name: forms
        plugins: [careerkit]
        markdown_extensions:
          - attr_list
          - def_list
          - footnotes
          - md_in_html
          - toc:
              permalink: true
          - pymdownx.superfences
          - pymdownx.tabbed:
              alternate_style: true
              combine_header_slug: true
              slugify: !!python/object/apply:pymdownx.slugs.slugify
                kwds:
                  case: lower
        """,
    )
    built, build, check = both(config)
    assert 'id="table-of-contents-unicode-case-sensitive"' in built.html("index.md")
    assert build == check == set()


def test_line_anchors_are_judged_by_the_rendered_ids(site_root: Path) -> None:
    """`anchor_linenums` line ids (`#__codelineno-0-3`) exist in the built page: careerkit
    accepts them in both modes and reports a line past the block's end (MkDocs' own anchor
    validation cannot see these ids)."""
    config = make_site(
        site_root,
        {
            "docs/index.md": """
                # Code blocks

                ``` py linenums="1"
                def bubble_sort(items):
                    for i in range(len(items)):
                        pass
                ```

                See [line 3](#__codelineno-0-3), not [line 9](#__codelineno-0-9).
                """
        },
        """
        site_name: line anchors
        plugins: [careerkit]
        markdown_extensions:
          - pymdownx.highlight:
              anchor_linenums: true
              line_spans: __span
          - pymdownx.superfences
        """,
    )
    built, build, check = both(config)
    assert 'id="__codelineno-0-3"' in built.html("index.md")
    assert build == check == {("index.md", 9, 38, "xref.missing-anchor", "error")}


def test_blog_posts_link_each_other_and_list_related_links(site_root: Path) -> None:
    """Material's blog: posts link to each other and to pages by source path, and list related
    links in front matter (`links:`), which the blog plugin resolves itself. No finding, and
    posts are no orphans even with a `nav` that lists only the blog index."""
    config = make_site(
        site_root,
        {
            "docs/index.md": "# Home\n",
            "docs/setup.md": "# Setting up a blog\n\n## Built-in blog plugin\n",
            "docs/blog/index.md": "# Blog\n",
            "docs/blog/posts/landed.md": """
                ---
                date: 2022-09-12
                categories: [Blog]
                links:
                  - setup.md#built-in-blog-plugin
                ---

                # Blog support just landed

                Built with the [built-in blog plugin].

                <!-- more -->

                See the [previous post](search.md#tokenizer-lookahead).

                  [built-in blog plugin]: ../../setup.md#built-in-blog-plugin
                """,
            "docs/blog/posts/search.md": """
                ---
                date: 2021-09-13
                ---

                # Search: better, faster, smaller

                <!-- more -->

                ## Tokenizer lookahead

                Read the [launch post](landed.md#blog-support-just-landed).
                """,
        },
        """
        site_name: blog
        plugins: [careerkit, blog]
        nav:
          - index.md
          - setup.md
          - Blog:
            - blog/index.md
        markdown_extensions: [toc]
        theme: {name: material}
        """,
    )
    built, build, check = both(config)
    assert built.error is None
    assert build == check == set()


def test_autorefs_readme_included_by_snippets(site_root: Path) -> None:
    """mkdocs-autorefs' docs: the home page is `--8<-- "README.md"` (base path
    `!relative $config_dir`), with Markdown anchors `[](){ #id }`, aliases above headings,
    cross-page `[text][identifier]` and `[identifier][]`: autorefs' business, no finding."""
    config = make_site(
        site_root,
        {
            "README.md": """
                # mkdocs-autorefs

                ## Markdown anchors

                [](){ #foobar-paragraph }

                Paragraph about foobar. Install [from sources on Arch][arch-install-src] or
                read about [Markdown anchors](#markdown-anchors).

                [](){ #foobar }
                ## A verbose title about foobar

                Link to [the foobar alias][foobar] and to
                [the heading](#a-verbose-title-about-foobar).
                """,
            "docs/index.md": '--8<-- "README.md"\n',
            "docs/install/arch.md": """
                # Installing on Arch

                [](){ #arch-install-src }
                ## Install from sources

                Back to the [paragraph about foobar][foobar-paragraph] and [foobar][].
                """,
        },
        """
        site_name: autorefs
        plugins: [careerkit, autorefs]
        markdown_extensions:
          - attr_list
          - toc
          - pymdownx.snippets:
              base_path: [!relative $config_dir]
              check_paths: true
        """,
    )
    built, build, check = both(config)
    assert built.error is None
    assert not mkdocs_warnings(built)
    assert build == check == set()
