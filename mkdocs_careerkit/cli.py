"""The ``careerkit`` command: site-wide checks without building the site.

Exit status of ``careerkit check``: 1 if any finding has severity ``error``, 0 otherwise,
2 for usage or configuration errors.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, MkDocsException
from mkdocs.utils import markdown_extensions

from mkdocs_careerkit import __version__, cache, configfile, engine, reports, sitecheck
from mkdocs_careerkit.findings import Finding, has_errors, summary, visible
from mkdocs_careerkit.linkgraph.core import graph_json
from mkdocs_careerkit.tags import adapter as tags_adapter
from mkdocs_careerkit.tags import usage
from mkdocs_careerkit.xref.check import PageLink


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerkit",
        description="Checks for MkDocs career guides: cross-references, assessments, tags.",
    )
    parser.add_argument("--version", action="version", version=f"careerkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser(
        "check",
        help="check the site's sources without building it",
        description="Check the site's sources without building it. Exit status: 1 if any "
        "error finding, 0 otherwise, 2 for usage or configuration errors.",
    )
    check.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's config file (default: the first of "
        f"{', '.join(configfile.CONFIG_FILES)} in the current directory)",
    )
    check.add_argument(
        "--format", choices=reports.FORMATS, default="text", help="output format (default: text)"
    )
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="baseline file of known findings (default: the 'baseline' option)",
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="write every current error and warning to FILE and exit 0",
    )
    check.add_argument(
        "--absolute-paths",
        action="store_true",
        help="print absolute paths (default: relative to the current directory)",
    )
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument(
        "--graph",
        metavar="FILE",
        help="also write every link between pages, as resolved, to FILE (JSON)",
    )
    check.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="report only the findings in these pages and about links to them (the whole "
        "site is still checked; the config or another file every page depends on reports "
        "everything)",
    )
    check.add_argument(
        "--changed",
        action="store_true",
        help="like FILE…, for the files git sees as changed, added, deleted or untracked",
    )
    check.add_argument(
        "--cache",
        metavar="DIR",
        help=f"keep what each page gave in DIR between runs (default: {cache.DIRNAME} next to "
        "the config file); findings are the same as without it",
    )
    check.add_argument("--no-cache", action="store_true", help="read every page afresh")
    _tags_parser(sub)
    return parser


def _tags_parser(sub: Any) -> None:
    """``careerkit tags init`` and ``careerkit tags report``."""
    tags = sub.add_parser(
        "tags",
        help="bootstrap a tag taxonomy, or report the tags in use",
        description="Tools for the tag taxonomy. Exit status 2 for usage or configuration errors.",
    )
    actions = tags.add_subparsers(dest="tags_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="write a taxonomy that accepts every tag in use",
        description="Write a tag taxonomy from the tags the pages use, with usage counts and "
        "near-duplicates to merge as comments; the site checks clean against it.",
    )
    report = actions.add_parser(
        "report",
        help="print which tags are used, used once, near-duplicates, pages without tags",
        description="Print tag usage: most used, used once, near-duplicates, pages without tags.",
    )
    for action in (init, report):
        action.add_argument(
            "-f",
            "--config-file",
            metavar="FILE",
            help="the site's config file (default: the first of "
            f"{', '.join(configfile.CONFIG_FILES)} in the current directory)",
        )
    init.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="where to write it ('-' for standard output; default: the 'tags: taxonomy:' "
        "option, else taxonomy.yml next to mkdocs.yml)",
    )
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    report.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``careerkit`` console script."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    if not args.config_file:
        args.config_file = configfile.find_config_file()
        if not os.path.isfile(args.config_file):
            return _no_config_here()
    # MkDocs' warnings while loading the config go to stderr; the handler is removed again so
    # that calling main() in-process (tests, other tools) leaves logging as it was.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger().addHandler(handler)
    try:
        with _no_cycle_collection():
            return _tags(args) if args.command == "tags" else _check(args)
    finally:
        logging.getLogger().removeHandler(handler)


def _no_config_here() -> int:
    """No config file named and none in the current folder: say where careerkit looked."""
    print(
        f"careerkit: no site config in {os.path.abspath(os.curdir)} (looked for "
        f"{', '.join(configfile.CONFIG_FILES)}): run it in the site's folder or name the file "
        "with -f FILE",
        file=sys.stderr,
    )
    return 2


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Run without Python's cycle collector, as it was afterwards.

    A check keeps what it reads of every page until the end and makes almost no cyclic
    garbage (peak memory on a 10,000-page site: the same), but the collector walked the growing
    set of records again and again: 8 % of a 10,000-page check, the part that grew faster than
    the pages."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check(args: argparse.Namespace) -> int:
    named: list[str] | None = None
    if args.files or args.changed:
        if args.write_baseline:
            print(
                "careerkit: --write-baseline writes the whole site's findings: "
                "drop the FILE arguments and --changed",
                file=sys.stderr,
            )
            return 2
        named = [os.path.abspath(f) for f in args.files]
        if args.changed:
            changed = _git_changed(os.path.dirname(os.path.abspath(args.config_file)))
            if changed is None:
                return 2
            named += changed
    pages_named: set[str] | str = _WHOLE_SITE
    cache_file = None
    if not args.no_cache:
        folder = args.cache or cache.default_dir(args.config_file)
        cache_file = os.path.join(folder, cache.FILENAME)
    try:
        with _stdout_to_stderr():
            config = configfile.load(args.config_file)
            if named is not None:
                pages_named = scope(named, config)
            links: list[PageLink] = []
            pages: list[str] = []
            findings: list[Finding] = []
            if pages_named:  # named files that concern no page: nothing to check
                findings = sitecheck.check_site(
                    config,
                    baseline=args.baseline,
                    use_baseline=not args.write_baseline,
                    links=links,
                    checked=pages,
                    cache_file=cache_file,
                )
    except (ConfigurationError, MkDocsException, OSError) as e:
        return _config_error(e, args.config_file)
    if isinstance(pages_named, set):
        findings = concerning(findings, pages_named, links)
    try:
        if args.graph:
            with open(args.graph, "w", encoding="utf-8") as f:
                f.write(graph_json(pages, links))
            print(f"careerkit: wrote {args.graph} ({len(links)} links)", file=sys.stderr)
        if args.write_baseline:
            with open(args.write_baseline, "w", encoding="utf-8") as f:
                f.write(engine.baseline_text(findings))
            print(f"careerkit: wrote {args.write_baseline}", file=sys.stderr)
            return 0
        prefix = _docs_prefix(config.docs_dir, absolute=args.absolute_paths)
        text = reports.render(findings, args.format, prefix)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(text)
            counts = summary(visible(findings)).removeprefix("careerkit: ")
            print(f"careerkit: wrote {args.output} ({counts})", file=sys.stderr)
        else:
            sys.stdout.write(text)
    except OSError as e:
        print(
            f"careerkit: cannot write {e.filename}: {e.strerror}: "
            "name a file in a folder that exists and is writable",
            file=sys.stderr,
        )
        return 2
    if has_errors(findings) or (args.strict and any(f.severity == "warn" for f in findings)):
        return 1
    return 0


# What named files mean to the report (see concerning()).
_WHOLE_SITE = "whole site"


def scope(files: Sequence[str], config: MkDocsConfig) -> set[str] | str:
    """Which pages named files (absolute paths) concern: a set of docs paths (pages, or pages
    that were deleted), or :data:`_WHOLE_SITE` when one is a file every page may depend on (the
    config, the taxonomy, the books file, an included snippet, an image or ``.meta.yml`` in
    ``docs_dir`` …). Files that are neither (the project's code, its README) concern nothing."""
    docs = os.path.abspath(config.docs_dir)
    inputs = sitecheck.site_inputs(config)
    named: set[str] = set()
    for path in files:
        rel = os.path.relpath(path, docs)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            if any(path == p or path.startswith(os.path.join(p, "")) for p in inputs):
                return _WHOLE_SITE
            continue
        if os.path.splitext(rel)[1].lower() not in markdown_extensions:
            return _WHOLE_SITE
        named.add(rel.replace(os.sep, "/"))
    return named


def concerning(
    findings: list[Finding], named: set[str], links: Sequence[PageLink]
) -> list[Finding]:
    """The findings in the ``named`` pages, and those about links to them on other pages (a
    renamed heading or a deleted page breaks links there)."""
    linking = {(link.source, link.line) for link in links if link.target in named}
    return [f for f in findings if f.file in named or (f.file, f.line) in linking]


def _git_changed(folder: str) -> list[str] | None:
    """Absolute paths of the files git sees as changed (staged or not), added, deleted or
    untracked in the repository holding ``folder``; None (after a message) if git cannot say."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder or ".",
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"],
            cwd=top,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", None) or str(e)
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        print(
            f"careerkit: --changed asks git which files changed, and git cannot say "
            f"({detail.strip()}): run it inside a git repository, or name the files",
            file=sys.stderr,
        )
        return None
    entries = [e for e in status.decode("utf-8", "surrogateescape").split("\0") if e]
    return [os.path.join(top, e[3:]) for e in entries if len(e) > 3]


def _config_error(e: Exception, config_file: str | None) -> int:
    """One line on standard error for a config that cannot be loaded; exit status 2."""
    if isinstance(e, OSError):
        print(
            f"careerkit: cannot read {e.filename or config_file}: {e.strerror}: "
            "name the MkDocs config file with -f FILE",
            file=sys.stderr,
        )
        return 2
    # One line: MkDocs' YAML errors put the position on a second line.
    message = " ".join(part.strip() for part in str(e).splitlines() if part.strip())
    # careerkit's own errors already start with "careerkit: ".
    print(
        message if message.startswith("careerkit: ") else f"careerkit: {message}",
        file=sys.stderr,
    )
    return 2


def _tags(args: argparse.Namespace) -> int:
    """``careerkit tags init`` / ``report``."""
    try:
        with _stdout_to_stderr():
            config = configfile.load(args.config_file)
            options = sitecheck.plugin_config(config)
            found = tags_adapter.site_usage(options, config)
    except (ConfigurationError, MkDocsException, OSError) as e:
        return _config_error(e, args.config_file)
    if args.tags_command == "report":
        data = usage.report_data(found)
        if args.format == "json":
            sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(usage.report_text(data))
        return 0
    text = usage.init_text(found)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    path = args.output or tags_adapter.taxonomy_path(options, config)
    if path is None:
        path = os.path.join(os.path.dirname(config.config_file_path or ""), "taxonomy.yml")
    if os.path.exists(path) and not args.force:
        print(
            f"careerkit: {path} exists: name another file with --output, or overwrite it "
            "with --force",
            file=sys.stderr,
        )
        return 2
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        print(f"careerkit: cannot write {path}: {e.strerror}", file=sys.stderr)
        return 2
    counts = found.counts
    print(f"careerkit: wrote {path} ({len(counts)} tags)", file=sys.stderr)
    if not options.tags.taxonomy:
        name = os.path.relpath(path, os.path.dirname(config.config_file_path or "") or ".")
        print(
            "careerkit: to use it, add to mkdocs.yml under '- careerkit:':  "
            f"tags: {{taxonomy: {name}}}",
            file=sys.stderr,
        )
    return 0


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """Send to stderr whatever the site's own code prints while MkDocs loads the config and the
    checks run (a Markdown extension or hook that prints, a subprocess it starts), so that stdout
    holds the report alone and JSON, SARIF or JUnit on it stays parseable."""
    for stream in (sys.stdout, sys.__stdout__):
        if stream is not None:
            stream.flush()
    saved: int | None = None
    try:  # file descriptor 1 too: subprocesses and C code write there, not to sys.stdout
        saved = os.dup(1)
        os.dup2(2, 1)
    except OSError:  # no descriptor 1 or 2 (closed, or a windowed launcher)
        if saved is not None:
            os.close(saved)
        saved = None
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        for stream in (sys.stdout, sys.__stdout__):
            if stream is not None:
                stream.flush()  # what was written meanwhile belongs to stderr
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)


def _docs_prefix(docs_dir: str, *, absolute: bool = False) -> str:
    """What goes before a docs-relative path so that it opens from the working directory:
    docs_dir relative to it (``docs/``), or absolute, with forward slashes."""
    path = os.path.abspath(docs_dir)
    if not absolute:
        try:
            path = os.path.relpath(path)
        except ValueError:  # Windows: docs_dir is on another drive; only absolute works
            pass
    return "" if path == os.curdir else path.replace(os.sep, "/").rstrip("/") + "/"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
