"""Benchmark careerkit against a plain build, MkDocs' own validation and mkdocs-htmlproofer-plugin.

It generates career guides (``benchmarks/generate.py``, seed 1, no faults) at two densities,
``realistic`` (what real guides look like: an assessment on one page in twenty, tags from a
taxonomy, a books data file, Further Reading and Cross-Reference Navigation in every chapter) and
``dense`` (the stress case: an assessment on two pages in three), and builds each ``--runs``
times with each variant, every build a fresh ``python -m mkdocs build`` subprocess. The
variants of one round run back to back and the starting variant rotates from round to round, so
slow spells on a shared machine hit every variant alike; ratios are computed from the medians of
this run, never across runs.

Variants (their ``mkdocs.yml`` differ only in ``plugins`` / ``validation``; ``search`` is on in
all of them, as on most real sites):

- ``plain``: ``plugins: [search]``
- ``careerkit``: ``plugins: [search, careerkit]`` with the site's options (the realistic
  density's taxonomy and books file), every feature on
- ``careerkit-no-xref``: the same with ``xref: {enabled: false}``
- ``native``: ``plugins: [search]`` + ``validation: {links: {not_found, anchors,
  absolute_links, unrecognized_links: warn}}``
- ``htmlproofer``: ``plugins: [search, htmlproofer: {validate_external_urls: false}]``
  (``--htmlproofer-runs`` builds only, it is slow)
- with ``--per-feature`` (realistic density only): ``only-<feature>`` for xref, assessments,
  reading, navcards, backlinks, link-graph and tags: that feature on, every other feature's
  ``enabled: false`` (backlinks and the link graph keep xref, which they need), the
  swallowed-list check set to ``ignore`` (it has no switch of its own; navigation cards repair
  the realistic site's tight groups)

Sizes: ``--pages`` (1,000) at every ``--density`` with every variant; ``--small-pages`` (100)
at the first density with plain and careerkit only; ``careerkit check`` (no build) at each size
in ``--check-pages`` (1,000 and 10,000) at the first density, interleaved with the builds where
the size is also built; sizes only in ``--check-pages`` are generated and checked but never
built. The run prints an estimate of its duration at the start.

The package under test is copied to ``benchmarks/out/snapshot`` at the start, compiled to
bytecode as ``pip install`` leaves it, and put first on the children's ``PYTHONPATH``, so every
build of a run measures the same code even if the (editable) checkout is edited meanwhile; the
report says if it was.

Wall time is measured around the child, CPU time and peak RSS come from ``os.wait4`` (the
child's own ``ru_maxrss``; POSIX only). With ``--instructions`` (and valgrind installed), one
build per variant at each ``--small-pages`` size also runs under cachegrind, which counts the
instructions executed: a reading of the cost that the machine's load cannot move. The report,
with the budget verdicts of issue #17 and the machine it ran on, is written to ``--out``
(default ``benchmarks/RESULTS.md``); text below the line ``<!-- analysis -->`` in an existing
report is kept.

Usage::

    python benchmarks/run.py                       # the default run (about 45 minutes on 2 cores)
    python benchmarks/run.py --per-feature         # + every feature alone (about 75 minutes)
    python benchmarks/run.py --instructions        # + instruction counts at 100 pages (valgrind)
    python benchmarks/run.py --pages 20 --small-pages --runs 1 --check-pages 20 \\
        --skip-htmlproofer --out /tmp/r.md         # smoke test, a minute
"""

from __future__ import annotations

import argparse
import compileall
import concurrent.futures
import dataclasses
import datetime
import gzip
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (benchmarks/ is not a package)

OUT_DIR = HERE / "out"
ANALYSIS_MARK = "<!-- analysis -->"
SEED = 1

NATIVE_VALIDATION = {
    "links": {
        "not_found": "warn",
        "anchors": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
    }
}

# Variants without careerkit; the careerkit ones are made from the generated site's own
# careerkit options (the realistic density sets a tag taxonomy and a books file) by
# careerkit_options().
OTHER_VARIANTS: dict[str, dict[str, Any]] = {
    "plain": {"plugins": ["search"]},
    "native": {"plugins": ["search"], "validation": NATIVE_VALIDATION},
    "htmlproofer": {"plugins": ["search", {"htmlproofer": {"validate_external_urls": False}}]},
}
# careerkit's features, by their config key (mkdocs_careerkit/config.py); each has `enabled`.
FEATURES = ("xref", "assessments", "reading", "navcards", "backlinks", "link_graph", "tags")
# Features that only run with another on (plugin.py's FEATURES table): backlinks and the link
# graph are made from the cross-reference checks' links.
NEEDS: dict[str, tuple[str, ...]] = {"backlinks": ("xref",), "link_graph": ("xref",)}
# The swallowed-list check has no `enabled`: it is always in the table and is silenced by
# severity. Navigation cards repair the swallowed groups the realistic site has; without them
# the check would warn about each, so every feature-alone variant turns it off.
SWALLOWED_OFF = {"markdown.swallowed-list": "ignore"}
PER_FEATURE = [f"only-{f.replace('_', '-')}" for f in FEATURES]
VARIANTS = ["plain", "careerkit", "careerkit-no-xref", "native", "htmlproofer", *PER_FEATURE]
DEFAULT_VARIANTS = ["plain", "careerkit", "careerkit-no-xref", "native", "htmlproofer"]
SMALL_VARIANTS = ["plain", "careerkit"]
DENSITIES = ["realistic", "dense"]  # the first selected one is the budgets' (and check's)
CHECK = "careerkit check"

# Budgets of issue #17 (read by people from RESULTS.md, not enforced by tests).
BUDGET_BUILD = 1.02  # every feature on, realistic, 1,000 pages
BUDGET_BUILD_SMALL = 1.05  # every feature on, realistic, 100 pages (import cost dominates)
BUDGET_SMALL_AT = 100
BUDGET_DENSE = 1.05  # every feature on, dense stress case, 1,000 pages
BUDGET_RSS = 1.05  # realistic, 1,000 pages
BUDGET_CHECK = 1 / 50
BUDGET_LINEAR = 1.25  # s per 1,000 pages at the largest size vs 1,000 pages
BUDGET_ASSET_GZIP = 8 * 1024
BUDGET_AT = 1000
# The duration estimate printed at the start, from the last RESULTS.md (plain, 1,000 pages,
# about 40 s per build on the two-core machine) and the variants' ratios measured there.
PLAIN_S_PER_1000 = 40.0
COST = {"plain": 1.0, "native": 1.0, "htmlproofer": 6.0, "careerkit": 1.25, CHECK: 1 / 30}


@dataclasses.dataclass
class Sample:
    wall: float
    cpu: float
    rss_kib: int
    warnings: int


@dataclasses.dataclass
class Series:
    samples: list[Sample] = dataclasses.field(default_factory=list)

    @property
    def walls(self) -> list[float]:
        return [s.wall for s in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def min(self) -> float:
        return min(self.walls)

    @property
    def max(self) -> float:
        return max(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss_mib(self) -> float:
        return max(s.rss_kib for s in self.samples) / 1024

    @property
    def warnings(self) -> int:
        return max(s.warnings for s in self.samples)


class BenchError(RuntimeError):
    pass


# --------------------------------------------------------------------------------------------
# Running one child.


SNAPSHOT_DIR = OUT_DIR / "snapshot"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life banner
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    if (SNAPSHOT_DIR / "mkdocs_careerkit").is_dir():
        # The frozen copy shadows the (editable) install, so every build of the run measures
        # the same code even if someone edits the package meanwhile.
        env["PYTHONPATH"] = os.pathsep.join(
            [str(SNAPSHOT_DIR), *filter(None, [env.get("PYTHONPATH")])]
        )
    return env


def package_dir() -> Path:
    """Where the installed mkdocs_careerkit lives (the checkout, for an editable install)."""
    out = subprocess.run(
        [sys.executable, "-c", "import mkdocs_careerkit; print(mkdocs_careerkit.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    return Path(out.stdout.strip()).parent


def fingerprint(package: Path) -> str:
    """sha256 over the package's files (paths and bytes), bytecode caches left out."""
    digest = hashlib.sha256()
    for f in sorted(package.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            digest.update(f.relative_to(package).as_posix().encode() + b"\0")
            digest.update(f.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def freeze_package() -> tuple[Path, str]:
    """Copy the package under test to ``out/snapshot``, compiled to bytecode as ``pip install``
    leaves a package (MkDocs and the other dependencies are measured that way too); its source
    and fingerprint.

    Without the bytecode, every child compiled careerkit's source anew where
    ``PYTHONDONTWRITEBYTECODE`` is set (and the first child did anyway): about 0.25 s per build,
    which no installed copy pays.
    """
    source = package_dir()
    if SNAPSHOT_DIR.exists():
        shutil.rmtree(SNAPSHOT_DIR)
    copy = SNAPSHOT_DIR / "mkdocs_careerkit"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if not compileall.compile_dir(copy, quiet=1):
        raise SystemExit(f"could not compile {copy} to bytecode")
    return source, fingerprint(copy)


def run_child(argv: list[str], *, cwd: Path) -> tuple[Sample, str]:
    """Run one command; its wall time, CPU time, peak RSS and stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, env=child_env(), stdin=subprocess.DEVNULL, stdout=err, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss // (1024 if sys.platform == "darwin" else 1)  # bytes on macOS
    if proc.returncode != 0:
        raise BenchError(f"{shlex.join(argv)} exited {proc.returncode}:\n{text[-3000:]}")
    warnings = sum(1 for line in text.splitlines() if re.match(r"(WARNING|ERROR)\b", line))
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, warnings), text


def build(site: Path, variant: str, dest: Path) -> Sample:
    if dest.exists():
        shutil.rmtree(dest)  # outside the timed part: every build starts from nothing
    config = site / f"mkdocs-{variant}.yml"
    argv = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(dest)]
    sample, text = run_child(argv, cwd=site)
    if sample.warnings:
        print(f"    {variant}: {sample.warnings} warning(s):\n{text[-2000:]}", file=sys.stderr)
    return sample


def check(site: Path) -> tuple[Sample, int]:
    report = site / "check.json"
    argv = [sys.executable, "-m", "mkdocs_careerkit.cli", "check", "-f", "mkdocs.yml"]
    argv += ["--format", "json", "-o", str(report), "--no-cache"]  # the full check, every time
    sample, _ = run_child(argv, cwd=site)
    return sample, len(json.loads(report.read_text(encoding="utf-8")))


_IREFS_RE = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)\s*$", re.M)


def instructions_of(valgrind_stderr: str) -> int:
    """The instructions cachegrind counted (its ``I refs`` summary line)."""
    m = _IREFS_RE.search(valgrind_stderr)
    if m is None:
        raise BenchError(f"no instruction count in cachegrind's output:\n{valgrind_stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def count_instructions(site: Path, variants: list[str]) -> dict[str, int]:
    """One build per variant under cachegrind (no cache simulation: only the instructions
    executed, which the machine's load cannot move), as many at once as there are cores."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {}

    def one(variant: str) -> int:
        dest = OUT_DIR / f"build-instructions-{site.name}-{variant}"
        shutil.rmtree(dest, ignore_errors=True)
        config = site / f"mkdocs-{variant}.yml"
        argv = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        argv += [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)]
        done = subprocess.run(
            argv, cwd=site, env=child_env(), stdin=subprocess.DEVNULL, capture_output=True
        )
        shutil.rmtree(dest, ignore_errors=True)
        text = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0:
            raise BenchError(f"{shlex.join(argv)} exited {done.returncode}:\n{text[-3000:]}")
        print(f"  instructions, {variant}: {instructions_of(text) / 1e9:.2f} G")
        return instructions_of(text)

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip(variants, pool.map(one, variants), strict=True))


def instruction_lines(key: Key, counts: dict[str, int], budget: float) -> list[str]:
    """The report's section on instruction counts at one size, with a verdict against the
    size's timed budget (instructions are not seconds, but they do not move between runs)."""
    head = [f"## Instructions, {where(key)}", ""]
    if not counts:
        return [*head, "valgrind was not found: no instruction counts in this run.", ""]
    plain = counts["plain"]
    lines = [
        *head,
        "One build per variant under `valgrind --tool=cachegrind --cache-sim=no`: the "
        "instructions the build executes, which the machine's load does not move (timed "
        "ratios on a shared machine do). Instructions are not seconds: a ratio here is "
        "a noise-free reading of the timed one, not a replacement for it.",
        "",
        "| variant | instructions (G) | × plain | careerkit's part (G) |",
        "|---|--:|--:|--:|",
    ]
    for variant, n in counts.items():
        part = "" if variant == "plain" else f"{(n - plain) / 1e9:+.2f}"
        lines.append(f"| {variant} | {n / 1e9:.2f} | {n / plain:.3f}× | {part} |")
    if "careerkit" in counts:
        ratio = counts["careerkit"] / plain
        lines += [
            "",
            f"- {verdict(ratio <= budget)} — by instructions, every careerkit feature ≤ "
            f"{budget:.2f}× plain ({where(key)}): {ratio:.3f}×",
        ]
    return [*lines, ""]


BUDGET_INCREMENTAL = 0.3  # s, one changed page, cold interpreter (issue #17)


def incremental_check(site: Path, runs: int) -> Series:
    """``careerkit check PAGE`` after one page changed, as pre-commit runs it: a cold
    interpreter, the cache filled by an earlier (untimed) check. Each round edits another page;
    the pages and the cache are put back as they were afterwards."""
    argv = [sys.executable, "-m", "mkdocs_careerkit.cli", "check", "-f", "mkdocs.yml"]
    cache_dir = site / ".careerkit-bench-cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    run_child([*argv, "--cache", str(cache_dir), "-o", os.devnull], cwd=site)
    pages = sorted(p for p in (site / "docs").rglob("*.md") if p.parent != site / "docs")
    s = Series()
    try:
        for r in range(runs):
            page = pages[(r * 97) % len(pages)]
            text = page.read_text(encoding="utf-8")
            page.write_text(text + f"\nEdited in round {r + 1}.\n", encoding="utf-8")
            try:
                named = str(page.relative_to(site))
                sample, _ = run_child(
                    [*argv, "--cache", str(cache_dir), "-o", os.devnull, named], cwd=site
                )
            finally:
                page.write_text(text, encoding="utf-8")
            s.samples.append(sample)
            print(f"  incremental check, 1 changed page  round {r + 1}/{runs}  {sample.wall:.3f} s")
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    return s


def incremental_lines(pages: int, s: Series) -> list[str]:
    """The report's section on the incremental check, with its verdict."""
    ok_median, ok_min = s.median <= BUDGET_INCREMENTAL, s.min <= BUDGET_INCREMENTAL
    if ok_median == ok_min:
        mark = f"- {verdict(ok_median)}"
    else:
        mark = "- UNCLEAR (median and min disagree: rerun with more --runs on a quieter machine)"
    return [
        "## Incremental `careerkit check` (pre-commit)",
        "",
        f"`careerkit check PAGE` with one page changed since the last check, {pages:,} pages, "
        "a cold interpreter each time, the cache filled by an untimed check first.",
        "",
        "| runs | median s | min s | max s | CPU s |",
        "|--:|--:|--:|--:|--:|",
        f"| {len(s.samples)} | {s.median:.3f} | {s.min:.3f} | {s.max:.3f} | {s.cpu:.3f} |",
        "",
        f"{mark} — incremental check ≤ {BUDGET_INCREMENTAL} s for one changed page at "
        f"{pages:,} pages: {s.median:.3f} s by median, {s.min:.3f} s by min",
        "",
    ]


# --------------------------------------------------------------------------------------------
# Sites.


def careerkit_options(variant: str, base: dict[str, Any]) -> dict[str, Any]:
    """careerkit's options for a careerkit variant, from the site's own (``base``).

    ``careerkit``: as generated, every feature on; ``careerkit-no-xref``: the cross-reference
    checks off; ``only-<feature>``: that feature on (with what it needs) and every other
    feature's ``enabled: false``, the swallowed-list check set to ``ignore``.
    """
    options = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    if variant == "careerkit":
        return options
    if variant == "careerkit-no-xref":
        options["xref"] = {**options.get("xref", {}), "enabled": False}
        return options
    if variant in PER_FEATURE:
        feature = FEATURES[PER_FEATURE.index(variant)]
        keep = {feature, *NEEDS.get(feature, ())}
        for f in FEATURES:
            options[f] = {**options.get(f, {}), "enabled": f in keep}
        options["severity"] = {**options.get("severity", {}), **SWALLOWED_OFF}
        return options
    raise ValueError(f"{variant!r} is not a careerkit variant")


def variant_config(base: dict[str, Any], variant: str) -> dict[str, Any]:
    """A variant's ``mkdocs.yml`` from the generated one: only ``plugins``/``validation``
    differ."""
    config = {k: v for k, v in base.items() if k not in ("plugins", "nav")}
    if variant in OTHER_VARIANTS:
        config.update(OTHER_VARIANTS[variant])
    else:
        plugin = base["plugins"][-1]
        generated = plugin["careerkit"] if isinstance(plugin, dict) else {}
        options = careerkit_options(variant, generated)
        config["plugins"] = ["search", {"careerkit": options} if options else "careerkit"]
    config["nav"] = base["nav"]
    return config


def prepare_site(
    pages: int, variants: Iterable[str], density: str = "dense"
) -> tuple[Path, dict[str, Any]]:
    """Generate the site once per density and size and write one config per variant beside
    it."""
    site = OUT_DIR / f"site-{density}-{pages}"
    info = generate.generate(site, pages, seed=SEED, density=density)
    base = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    for variant in variants:
        generate.write_yaml(site / f"mkdocs-{variant}.yml", variant_config(base, variant))
    return site, info


def html_path(src: str) -> str:
    """Where MkDocs (use_directory_urls) writes a page's HTML."""
    stem = src[: -len(".md")]
    if stem == "index":
        return "index.html"
    if stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return stem + "/index.html"


_ASSET_RE = re.compile(
    r"<(?:script|link)\b[^>]*?\b(?:src|href)=[\"']([^\"']*careerkit[^\"']*\.(?:js|css))"
    r"(?:\?[^\"']*)?[\"']",
    re.IGNORECASE,
)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def backlinked(site: Path) -> set[str]:
    """Pages that other pages link to: careerkit shows them a "Referenced by" block (read from
    the link graph the careerkit build wrote)."""
    graph = site / "careerkit-links.json"
    if not graph.is_file():
        return set()
    links = json.loads(graph.read_text(encoding="utf-8"))["links"]
    return {x["target"] for x in links if x["resolved"] and x["source"] != x["target"]}


def asset_report(
    docs_dir: Path, careerkit_site: Path, plain_site: Path | None, info: dict[str, Any]
) -> dict[str, Any]:
    """Which pages load careerkit's JS/CSS, what that costs gzipped, and whether pages without
    any careerkit feature are byte-identical to the plain build."""
    # Every chapter's Further Reading shows as cards, which load the card stylesheet; pages
    # other pages link to show backlinks, with their stylesheet.
    with_feature = (
        set(info["assessment_pages"])
        | set(info.get("reading_pages", ()))
        | backlinked(careerkit_site)
    )
    docs = sorted(
        p.relative_to(docs_dir).as_posix()
        for p in docs_dir.rglob("*.md")
        if not p.relative_to(docs_dir).as_posix().startswith("drafts/")
    )
    assets: dict[str, int] = {}  # site path -> gzip bytes (-1: referenced but missing)
    loading = {"with": 0, "without": 0}
    bytes_without = 0
    html_diff_without = 0
    html_extra_without = 0
    for src in docs:
        rel = html_path(src)
        page = careerkit_site / rel
        text = page.read_text(encoding="utf-8")
        loaded: set[str] = set()
        for href in _ASSET_RE.findall(text):
            if urlsplit(href).scheme:
                continue
            target = urlsplit(urljoin("/" + rel, href)).path.lstrip("/")
            loaded.add(target)
            if target not in assets:
                f = careerkit_site / target
                assets[target] = gzip_size(f.read_bytes()) if f.is_file() else -1
        kind = "with" if src in with_feature else "without"
        if loaded:
            loading[kind] += 1
        if kind == "without":
            bytes_without += sum(max(assets[t], 0) for t in loaded)
            if plain_site is not None:
                plain = (plain_site / rel).read_bytes()
                mine = page.read_bytes()
                if plain != mine:
                    html_diff_without += 1
                    html_extra_without += len(mine) - len(plain)
    # careerkit files in the output that no page references still count towards the budget.
    for f in sorted(careerkit_site.rglob("*careerkit*")):
        if f.is_file() and f.suffix in (".js", ".css"):
            assets.setdefault(f.relative_to(careerkit_site).as_posix(), gzip_size(f.read_bytes()))
    return {
        "assets": assets,
        "total_gzip": sum(max(v, 0) for v in assets.values()),
        # The budget is the interactive assessment's script and stylesheet; the card, tag-index
        # and backlinks stylesheets load on other pages.
        "assessment_gzip": sum(max(v, 0) for k, v in assets.items() if "careerkit-assessment" in k),
        "pages_with": sum(1 for s in docs if s in with_feature),
        "pages_without": sum(1 for s in docs if s not in with_feature),
        "loading_with": loading["with"],
        "loading_without": loading["without"],
        "bytes_without": bytes_without,
        "html_diff_without": html_diff_without if plain_site is not None else None,
        "html_extra_without": html_extra_without,
    }


def run_asset_size_script() -> str | None:
    """Output of the colleague's ``benchmarks/asset_size.py``, if it exists."""
    script = HERE / "asset_size.py"
    if not script.exists():
        return None
    try:
        out = subprocess.run(
            [sys.executable, str(script)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            env=child_env(),
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"(benchmarks/asset_size.py failed to run: {e})"
    text = out.stdout.strip()
    if out.returncode != 0:
        text += f"\n(exit status {out.returncode}: {out.stderr.strip()[-500:]})"
    return text


# --------------------------------------------------------------------------------------------
# The run.


def rotate(items: list[str], k: int) -> list[str]:
    k %= len(items)
    return items[k:] + items[:k]


def bench_size(
    pages: int,
    variants: list[str],
    runs: int,
    proofer_runs: int,
    with_check: bool,
    density: str = "dense",
) -> tuple[dict[str, Series], dict[str, Any], dict[str, Any]]:
    site, info = prepare_site(pages, variants, density)
    series: dict[str, Series] = {v: Series() for v in variants}
    order = list(variants) + ([CHECK] if with_check else [])
    findings = 0
    for r in range(runs):
        for v in rotate(order, r):
            if v == "htmlproofer" and r >= proofer_runs:
                continue
            if v == CHECK:
                sample, findings = check(site)
                series.setdefault(CHECK, Series()).samples.append(sample)
                label = f"{findings} findings"
            else:
                # Keep the last plain and careerkit outputs for the asset/HTML comparison.
                dest = OUT_DIR / f"build-{density}-{pages}-{v}"
                sample = build(site, v, dest)
                series[v].samples.append(sample)
                if v not in ("plain", "careerkit"):
                    shutil.rmtree(dest, ignore_errors=True)
                label = f"rss {sample.rss_kib / 1024:.0f} MiB, {sample.warnings} warnings"
            print(
                f"  {density:<9} {pages:>6} pages  round {r + 1}/{runs}  {v:<18} "
                f"{sample.wall:7.2f} s  {label}"
            )
    assets: dict[str, Any] = {}
    ck = OUT_DIR / f"build-{density}-{pages}-careerkit"
    if ck.exists():
        plain = OUT_DIR / f"build-{density}-{pages}-plain"
        assets = asset_report(site / "docs", ck, plain if plain.exists() else None, info)
    info["check_findings"] = findings
    return series, info, assets


def bench_check_only(pages: int, runs: int, density: str = "dense") -> tuple[Series, int]:
    site, _ = prepare_site(pages, [], density)
    s = Series()
    findings = 0
    for r in range(runs):
        sample, findings = check(site)
        s.samples.append(sample)
        print(
            f"  {density:<9} {pages:>6} pages  round {r + 1}/{runs}  {CHECK:<18} "
            f"{sample.wall:7.2f} s"
        )
    return s, findings


# --------------------------------------------------------------------------------------------
# The report.


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def git_revision() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", ".", ":!benchmarks/RESULTS.md"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return rev + (" + uncommitted changes" if dirty else "")


def machine(load_before: tuple[float, ...], load_after: tuple[float, ...]) -> list[str]:
    def load(t: tuple[float, ...]) -> str:
        return " / ".join(f"{x:.2f}" for x in t)

    return [
        f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Platform: {platform.platform()}",
        f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores; memory {mem_total()}",
        f"- Load average (1/5/15 min) before: {load(load_before)}; after: {load(load_after)}",
        f"- Python {platform.python_version()}; MkDocs {version('mkdocs')}; "
        f"Material {version('mkdocs-material')}; pymdown-extensions "
        f"{version('pymdown-extensions')}; Markdown {version('markdown')}; "
        f"mkdocs-htmlproofer-plugin {version('mkdocs-htmlproofer-plugin')}",
    ]


def fmt_ratio(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}×"


def verdict(ok: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "N/A"}[ok]


Key = tuple[str, int]  # (density, pages)


def where(key: Key) -> str:
    return f"{key[0]}, {key[1]:,} pages"


def method_lines(args: argparse.Namespace) -> list[str]:
    per_feature = ", ".join(f"`{v}`" for v in PER_FEATURE)
    return [
        "## Method",
        "",
        "- Sites: `benchmarks/generate.py --pages N --seed 1 --density D`, a Material career "
        "guide in the seed chapter's format, three sections, explicit `nav`, 4–8 "
        "cross-references per page (a third with an `#anchor`), no faults, at two densities:",
        "  - `realistic`, as real guides are: an assessment block on about one page in twenty; "
        'every chapter with "Further Reading" (five entries, one in each recognised style) and '
        '"Cross-Reference Navigation" (bold group labels and `- **[Title](path.md)** - reason` '
        "items, about one group in four without the blank line after its label); front matter "
        "`tags:` from a generated tag taxonomy (`careerkit: tags: taxonomy:`) and a books data "
        "file (`careerkit: reading: books:`) in the careerkit variants;",
        "  - `dense`, the stress case: an assessment block on about two pages in three, no "
        "taxonomy, no books file.",
        "- Every build is `python -m mkdocs build -f mkdocs-<variant>.yml -d <empty dir>` in a "
        "fresh process; wall time around the child, CPU (user+sys) and peak RSS of the child "
        "from `os.wait4`. Warnings = WARNING/ERROR lines the build logged (0 on a clean site).",
        "- careerkit is measured from a copy of the package compiled to bytecode, as `pip "
        "install` leaves it and as MkDocs and Material are installed (an editable checkout with "
        "`PYTHONDONTWRITEBYTECODE` set would compile careerkit's source in every build: about "
        "0.25 s that no installed copy pays).",
        "- Configs differ only in `plugins`/`validation`. `search` is on in every variant "
        "(it is on in almost every real site); theme Material with `navigation.instant`, the "
        "example site's `markdown_extensions`.",
        "- `plain`: `[search]`; `careerkit`: `[search, careerkit]`, every feature on; "
        "`careerkit-no-xref`: the same with `xref: {enabled: false}`; `native`: `[search]` + "
        "MkDocs `validation.links.*: warn`; `htmlproofer`: `[search, htmlproofer: "
        "{validate_external_urls: false}]`; with `--per-feature` (realistic density only), "
        f"{per_feature}: that feature's `enabled: true` and every other feature's "
        "`enabled: false` (backlinks and the link graph keep `xref` on: they are made from its "
        "links), with `severity: {markdown.swallowed-list: ignore}`.",
        f"- Sizes in `--pages` ({', '.join(f'{p:,}' for p in args.pages) or 'none'}) are built "
        f"at every density with every variant; sizes in `--small-pages` "
        f"({', '.join(f'{p:,}' for p in args.small_pages) or 'none'}) at the "
        f"{primary(args.density)} density with `plain` and `careerkit` only (there, importing "
        "the package is most of careerkit's cost).",
        f"- {args.runs} round(s); each round runs every variant once, back to back, starting at "
        "a different variant each round; htmlproofer only in the first "
        f"{args.htmlproofer_runs} round(s). Ratios are medians of this run divided by the plain "
        "median of this run (same density and size); `× plain (min)` divides the minima, as a "
        "check on noise.",
        f"- `careerkit check` (full, `--no-cache`) is run at the {primary(args.density)} "
        "density in the same rounds where the size is also built; sizes only in "
        "`--check-pages` are generated and checked, never built.",
        "- A timed budget is PASS or FAIL only when the ratio of medians and the ratio of minima "
        "agree, and PASS only when each variant's builds varied (slowest over fastest) by less "
        "than the budget's allowance; otherwise the run could not tell and says UNCLEAR.",
        "",
    ]


def build_table(key: Key, series: dict[str, Series], info: dict[str, Any]) -> list[str]:
    plain = series.get("plain")
    extra = ""
    if info.get("density") == "realistic":
        extra = (
            f", every chapter with five Further Reading entries and tags, "
            f"{info.get('tight_nav_groups', 0):,} navigation groups without a blank line"
        )
    out = [
        f"## Build, {where(key)}",
        "",
        f"{info['pages']:,} pages in nav, {info['with_assessment']:,} with an assessment{extra}.",
        "",
        "| variant | runs | median s | min s | max s | × plain | × plain (min) "
        "| median CPU s | peak RSS MiB | RSS × plain | warnings |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, s in series.items():
        if not s.samples:
            continue
        base = plain if plain and plain.samples else None
        ratio = s.median / base.median if base else None
        ratio_min = s.min / base.min if base else None
        rss = s.rss_mib / base.rss_mib if base else None
        out.append(
            f"| {name} | {len(s.samples)} | {s.median:.2f} | {s.min:.2f} | {s.max:.2f} "
            f"| {fmt_ratio(ratio)} | {fmt_ratio(ratio_min)} | {s.cpu:.2f} "
            f"| {s.rss_mib:.0f} | {fmt_ratio(rss)} | {s.warnings} |"
        )
    out.append("")
    return out


def report(
    args: argparse.Namespace,
    argv: list[str],
    builds: dict[Key, dict[str, Series]],
    infos: dict[Key, dict[str, Any]],
    assets: dict[Key, dict[str, Any]],
    checks: dict[Key, Series],
    check_findings: dict[Key, int],
    load_before: tuple[float, ...],
    load_after: tuple[float, ...],
    started: float,
    code: str,
) -> str:
    out: list[str] = ["# careerkit benchmark results", ""]
    out += [
        "Written by `benchmarks/run.py` — do not edit above the analysis line; rerun instead.",
        "",
        "Reproduce on a fresh checkout (Python 3.10+, Linux or macOS):",
        "",
        "```sh",
        'python3 -m venv .venv && .venv/bin/pip install -q -e ".[material,bench]"',
        ".venv/bin/python " + shlex.join(["benchmarks/run.py", *argv]),
        "```",
        "",
        f"This run took {(time.monotonic() - started) / 60:.1f} minutes.",
        "",
        "## Machine",
        "",
        *machine(load_before, load_after),
        f"- Measured: {code}",
        "",
        *method_lines(args),
    ]
    order = {d: i for i, d in enumerate(args.density)}
    for key in sorted(builds, key=lambda k: (order.get(k[0], 99), k[1])):
        out += build_table(key, builds[key], infos[key])
    if checks:
        out += [
            "## `careerkit check` (no build)",
            "",
            "| density | pages | runs | median s | min s | s per 1,000 pages | × plain build "
            "| peak RSS MiB | findings |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for key in sorted(checks, key=lambda k: (order.get(k[0], 99), k[1])):
            s = checks[key]
            plain = builds.get(key, {}).get("plain")
            ratio = s.median / plain.median if plain and plain.samples else None
            out.append(
                f"| {key[0]} | {key[1]:,} | {len(s.samples)} | {s.median:.2f} | {s.min:.2f} "
                f"| {s.median / key[1] * 1000:.3f} | {fmt_ratio(ratio)} | {s.rss_mib:.0f} "
                f"| {check_findings[key]} |"
            )
        out += [
            "",
            "`× plain build` is shown only for sizes that were also built. Findings must be 0: "
            "the generated site is clean, so any finding is a false positive.",
            "",
        ]
    out += ["## Assets (JS + CSS)", ""]
    akey = asset_key(assets, args.density)
    a = assets.get(akey) if akey else None
    if a and akey:
        out.append(f"Measured in the careerkit build, {where(akey)} (gzip -9 of each file).")
        out.append("")
        if a["assets"]:
            out += ["| file | gzip bytes |", "|---|--:|"]
            for name, size in sorted(a["assets"].items()):
                out.append(f"| `{name}` | {size if size >= 0 else 'missing!'} |")
            out += [f"| **total** | **{a['total_gzip']}** |", ""]
        else:
            out += ["No careerkit JS or CSS in the built site (no feature ships assets yet).", ""]
        for key in sorted(assets, key=lambda k: (order.get(k[0], 99), k[1])):
            b = assets[key]
            out += [
                f"{where(key)}:",
                "",
                f"- Pages with an assessment, reading cards or backlinks that load careerkit "
                f"assets: {b['loading_with']} of {b['pages_with']}",
                f"- Pages without any careerkit feature that load careerkit assets: "
                f"{b['loading_without']} of {b['pages_without']} ({b['bytes_without']} gzip "
                "bytes in total)",
            ]
            if b["html_diff_without"] is not None:
                out.append(
                    "- Pages without any careerkit feature whose HTML differs from the plain "
                    f"build: {b['html_diff_without']} ({b['html_extra_without']:+d} bytes in "
                    "total)"
                )
            out.append("")
    else:
        out += ["No careerkit build was run, so assets were not measured.", ""]
    script = run_asset_size_script()
    if script is None:
        out += ["`benchmarks/asset_size.py` is not present yet.", ""]
    else:
        out += ["`benchmarks/asset_size.py` (reads the package in the checkout) says:", ""]
        out += ["```text", script, "```", ""]

    out += ["## Budgets", ""]
    out += budget_lines(builds, checks, a, primary(args.density))
    out.append("")
    return "\n".join(out)


def primary(densities: list[str]) -> str:
    """The density the budgets (and `careerkit check`) use: realistic, if it was run."""
    return "realistic" if "realistic" in densities else densities[0]


def asset_key(assets: dict[Key, Any], densities: list[str]) -> Key | None:
    """Whose assets the budget reads: the primary density at 1,000 pages, else its largest."""
    if not assets:
        return None
    first = primary(densities)
    if (first, BUDGET_AT) in assets:
        return (first, BUDGET_AT)
    return max(assets, key=lambda k: (k[0] == first, k[1]))


def timed_verdict(s: Series, base: Series, budget: float) -> str:
    """PASS or FAIL only when the ratio of medians and the ratio of minima agree, and PASS
    only when the builds of each variant varied by less than the budget allows.

    On a shared machine one lucky or unlucky build can carry the median across the line; when
    the two ratios disagree the run cannot tell, and says so instead of reporting noise. When
    identical builds differ by more than the budget's allowance (10 % apart, for a 2 % budget),
    a ratio under the budget is noise too: such a run cannot show that a budget holds.
    """
    by_median = s.median / base.median <= budget
    by_min = s.min / base.min <= budget
    if by_median != by_min:
        return "- UNCLEAR (median and min disagree: rerun with more --runs on a quieter machine)"
    spread = max(s.max / s.min, base.max / base.min) - 1
    if by_median and spread > budget - 1:
        return (
            f"- UNCLEAR (under the budget, but identical builds varied by {spread:.0%}, more "
            f"than its {budget - 1:.0%}: rerun on a quieter machine)"
        )
    return f"- {verdict(by_median)}"


def ratios(s: Series, base: Series) -> str:
    return f"{s.median / base.median:.3f}× by median, {s.min / base.min:.3f}× by min"


def _both(series: dict[str, Series], a: str, b: str) -> tuple[Series, Series] | None:
    x, y = series.get(a), series.get(b)
    return (x, y) if x and y and x.samples and y.samples else None


def build_budget(builds: dict[Key, dict[str, Series]], key: Key, budget: float, what: str) -> str:
    pair = _both(builds.get(key, {}), "careerkit", "plain")
    if pair is None:
        return f"- N/A — {what}: no plain and careerkit builds ({where(key)})"
    ck, plain = pair
    return (
        timed_verdict(ck, plain, budget)
        + f" — {what} ≤ {budget:.2f}× plain ({where(key)}): {ratios(ck, plain)}"
    )


def budget_lines(
    builds: dict[Key, dict[str, Series]],
    checks: dict[Key, Series],
    a: dict[str, Any] | None,
    density: str = "realistic",
) -> list[str]:
    """The budgets of issue #17, each with its verdict. Build and memory budgets read the
    realistic density (the dense one: its own stress budget); ``careerkit check`` budgets read
    ``density``, the one checks ran at."""
    real = ("realistic", BUDGET_AT)
    at = (density, BUDGET_AT)
    lines = [
        build_budget(builds, real, BUDGET_BUILD, "build with every careerkit feature"),
        build_budget(
            builds,
            ("realistic", BUDGET_SMALL_AT),
            BUDGET_BUILD_SMALL,
            "build with every careerkit feature",
        ),
        build_budget(
            builds, ("dense", BUDGET_AT), BUDGET_DENSE, "dense stress case, every feature"
        ),
    ]
    pair = _both(builds.get(real, {}), "careerkit", "plain")
    if pair:
        ck, plain = pair
        rr = ck.rss_mib / plain.rss_mib
        lines.append(
            f"- {verdict(rr <= BUDGET_RSS)} — peak RSS ≤ {BUDGET_RSS:.2f}× plain "
            f"({where(real)}): {rr:.3f}× ({ck.rss_mib:.1f} vs {plain.rss_mib:.1f} MiB)"
        )
    else:
        lines.append(f"- N/A — peak RSS: no plain and careerkit builds ({where(real)})")
    cs = checks.get(at)
    plain_at = builds.get(at, {}).get("plain")
    if cs and plain_at and plain_at.samples:
        by_median = cs.median / plain_at.median <= BUDGET_CHECK
        by_min = cs.min / plain_at.min <= BUDGET_CHECK
        mark = (
            f"- {verdict(by_median)}"
            if by_median == by_min
            else "- UNCLEAR (median and min disagree: rerun with more --runs on a quieter machine)"
        )
        rc = cs.median / plain_at.median
        lines.append(
            f"{mark} — `careerkit check` ≤ 1/{round(1 / BUDGET_CHECK)} of the plain build "
            f"({where(at)}): 1/{1 / rc:.0f} by median, "
            f"1/{plain_at.min / cs.min:.0f} by min"
        )
    else:
        lines.append(f"- N/A — `careerkit check` vs build: not both measured ({where(at)})")
    sizes = [k[1] for k in checks if k[0] == density]
    big = max(sizes) if sizes else None
    if cs and big and big > BUDGET_AT:
        per_small = cs.median / BUDGET_AT
        per_big = checks[(density, big)].median / big
        growth = per_big / per_small
        lines.append(
            f"- {verdict(growth <= BUDGET_LINEAR)} — `careerkit check` linear from "
            f"{BUDGET_AT:,} to {big:,} pages, {density} (time per page at {big:,} ≤ "
            f"{BUDGET_LINEAR}× that at {BUDGET_AT:,}): {growth:.2f}× "
            f"({checks[(density, big)].median:.2f} s vs {cs.median:.2f} s for "
            f"{big // BUDGET_AT}× the pages)"
        )
    else:
        lines.append("- N/A — `careerkit check` linearity: needs 1,000 and a larger size")
    if a:
        total = a["assessment_gzip"]
        shipped = bool(a["assets"])
        lines.append(
            f"- {verdict(total <= BUDGET_ASSET_GZIP) if shipped else 'N/A'} — careerkit assessment "
            f"JS+CSS ≤ 8 KB gzip together: {total} bytes (every careerkit file: "
            f"{a['total_gzip']} bytes)"
            + ("" if shipped else " (no assets yet: the assessments feature has not landed)")
        )
        zero = a["loading_without"] == 0 and a["bytes_without"] == 0
        if a["html_diff_without"] is not None:
            zero = zero and a["html_diff_without"] == 0
        lines.append(
            f"- {verdict(zero)} — zero bytes on pages with no careerkit feature: "
            f"{a['loading_without']} such pages load careerkit assets, "
            f"{a['html_diff_without'] if a['html_diff_without'] is not None else '?'} differ "
            "from the plain build"
        )
    else:
        lines.append("- N/A — asset budgets: no careerkit build measured")
    return lines


def kept_analysis(path: Path) -> str:
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    i = text.find(ANALYSIS_MARK)
    return text[i:] if i >= 0 else ""


@dataclasses.dataclass(frozen=True)
class Step:
    """One site of the run: built with ``variants`` (none: only checked), checked if
    ``check``."""

    density: str
    pages: int
    variants: tuple[str, ...]
    check: bool


def plan(args: argparse.Namespace) -> list[Step]:
    """Every site of the run, in order: ``--pages`` at every density with ``--variants``
    (plus the feature-alone variants at the realistic density with ``--per-feature``);
    ``--small-pages`` at the primary density with plain and careerkit; ``--check-pages``
    sizes not built, checked only."""
    first = primary(args.density)
    steps = []
    for density in args.density:
        for pages in sorted(set(args.pages)):
            variants = list(args.variants)
            if args.per_feature and density == "realistic":
                variants += [v for v in PER_FEATURE if v not in variants]
            steps.append(
                Step(
                    density, pages, tuple(variants), density == first and pages in args.check_pages
                )
            )
    for pages in sorted(set(args.small_pages) - set(args.pages)):
        small = tuple(v for v in SMALL_VARIANTS if v in args.variants)
        steps.append(Step(first, pages, small, pages in args.check_pages))
    built = {s.pages for s in steps if s.density == first}
    for pages in sorted(set(args.check_pages) - built):
        steps.append(Step(first, pages, (), True))
    return steps


def estimate_seconds(
    steps: list[Step], runs: int, proofer_runs: int, plain_s: float, incremental: bool
) -> float:
    """A rough duration of the run: ``plain_s`` per plain 1,000-page build, the other
    variants by their ratios in the last results, about a second per process start, and
    generating the sites."""
    total = 0.0
    for step in steps:
        per = plain_s * step.pages / 1000
        total += 1.5 * step.pages / 1000  # generating and writing the site
        for v in step.variants:
            n = min(runs, proofer_runs) if v == "htmlproofer" else runs
            total += n * (1.0 + per * COST.get(v, COST["careerkit"]))
        if step.check:
            total += runs * (1.0 + per * COST[CHECK])
    if incremental:
        total += 4.0 + plain_s * COST[CHECK] + runs * 1.0
    return total


def last_plain_seconds(path: Path) -> float | None:
    """The median of the plain build at 1,000 pages in an earlier report, if any."""
    if not path.is_file():
        return None
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line
        elif "1,000 pages" in section and line.startswith("| plain |"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            try:
                return float(cells[2])
            except (IndexError, ValueError):
                return None
    return None


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line, checked; ``--skip-htmlproofer`` already applied to ``variants``."""
    parser = argparse.ArgumentParser(
        description="Benchmark careerkit builds and checks; writes a Markdown report."
    )
    parser.add_argument(
        "--pages",
        type=int,
        nargs="*",
        default=[BUDGET_AT],
        metavar="N",
        help="sizes built at every --density with every --variant (default: 1000)",
    )
    parser.add_argument(
        "--small-pages",
        type=int,
        nargs="*",
        default=[BUDGET_SMALL_AT],
        metavar="N",
        help="sizes built at the first density with plain and careerkit only (default: 100)",
    )
    parser.add_argument(
        "--density",
        nargs="+",
        default=DENSITIES,
        choices=DENSITIES,
        help="site densities (default: realistic dense; budgets read realistic)",
    )
    parser.add_argument("--runs", type=int, default=5, help="rounds per size (default: 5)")
    parser.add_argument(
        "--htmlproofer-runs", type=int, default=1, help="htmlproofer builds per size (default: 1)"
    )
    parser.add_argument(
        "--check-pages",
        type=int,
        nargs="*",
        default=[BUDGET_AT, 10000],
        metavar="N",
        help="sizes for `careerkit check` at the first density (default: 1000 10000; no build "
        "for sizes not built)",
    )
    parser.add_argument("--variants", nargs="+", default=DEFAULT_VARIANTS, choices=VARIANTS)
    parser.add_argument(
        "--per-feature",
        action="store_true",
        help="add one variant per careerkit feature alone (realistic density, --pages sizes)",
    )
    parser.add_argument("--skip-htmlproofer", action="store_true")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of one build per variant at the --small-pages sizes "
        "under valgrind's cachegrind (with --per-feature: every feature alone too); about two "
        "minutes per 100-page build",
    )
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    args.density = list(dict.fromkeys(args.density))
    if args.skip_htmlproofer:
        args.variants = [v for v in args.variants if v != "htmlproofer"]
    if "plain" not in args.variants:
        parser.error("the plain variant is the baseline of every ratio; keep it")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    steps = plan(args)
    first = primary(args.density)
    with_incremental = BUDGET_AT in args.check_pages
    plain_s = last_plain_seconds(args.out) or PLAIN_S_PER_1000
    estimate = estimate_seconds(steps, args.runs, args.htmlproofer_runs, plain_s, with_incremental)
    if args.instructions:
        # Under cachegrind a build runs about 50 times slower; one per core at a time.
        counted_builds = len(SMALL_VARIANTS) + (len(PER_FEATURE) if args.per_feature else 0)
        per_build = 50 * plain_s * COST["careerkit"] / 1000
        cores = os.cpu_count() or 1
        estimate += sum(-(-counted_builds // cores) * per_build * n for n in args.small_pages)
    print(
        f"estimated duration: about {estimate / 60:.0f} minutes ({len(steps)} sites, "
        f"{args.runs} rounds; from a plain 1,000-page build of about {plain_s:.0f} s)"
    )

    started = time.monotonic()
    load_before = os.getloadavg()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    source, frozen = freeze_package()
    revision = git_revision()
    print(f"measuring a frozen copy of {source} (sha256 {frozen}) in {SNAPSHOT_DIR}")
    builds: dict[Key, dict[str, Series]] = {}
    infos: dict[Key, dict[str, Any]] = {}
    assets: dict[Key, dict[str, Any]] = {}
    checks: dict[Key, Series] = {}
    check_findings: dict[Key, int] = {}
    try:
        for step in steps:
            key = (step.density, step.pages)
            if not step.variants:
                print(f"check {step.pages} pages, {step.density}")
                checks[key], check_findings[key] = bench_check_only(
                    step.pages, args.runs, step.density
                )
                continue
            print(f"build {step.pages} pages, {step.density}: {', '.join(step.variants)}")
            series, info, asset = bench_size(
                step.pages,
                list(step.variants),
                args.runs,
                args.htmlproofer_runs,
                step.check,
                step.density,
            )
            if step.check:
                checks[key] = series.pop(CHECK)
                check_findings[key] = info["check_findings"]
            builds[key], infos[key] = series, info
            if asset:
                assets[key] = asset
            for v in ("plain", "careerkit"):
                shutil.rmtree(
                    OUT_DIR / f"build-{step.density}-{step.pages}-{v}", ignore_errors=True
                )
        incremental: list[str] = []
        if with_incremental:
            print(f"incremental check at {BUDGET_AT} pages, {first}")
            site, _ = prepare_site(BUDGET_AT, [], first)
            incremental = incremental_lines(BUDGET_AT, incremental_check(site, args.runs))
        counted: list[str] = []
        if args.instructions:
            variants = [*SMALL_VARIANTS, *(PER_FEATURE if args.per_feature else [])]
            for pages in sorted(set(args.small_pages)):
                print(f"instructions at {pages} pages, {first}: {', '.join(variants)}")
                site, _ = prepare_site(pages, variants, first)
                budget = BUDGET_BUILD_SMALL if pages == BUDGET_SMALL_AT else BUDGET_BUILD
                counts = count_instructions(site, variants)
                counted += instruction_lines((first, pages), counts, budget)
    except BenchError as e:
        print(f"benchmark failed: {e}", file=sys.stderr)
        return 1
    load_after = os.getloadavg()
    now = fingerprint(source)
    code = (
        f"careerkit {version('mkdocs-careerkit')}, git {revision} at the start; a frozen copy "
        f"of `mkdocs_careerkit` (files sha256 {frozen}) taken then"
    )
    if now != frozen:
        code += (
            f"; **the package at {source} changed during the run** (now {now}), so these "
            "numbers describe the copy, not the current code"
        )
    text = report(
        args,
        argv,
        builds,
        infos,
        assets,
        checks,
        check_findings,
        load_before,
        load_after,
        started,
        code,
    )
    text += "\n" + "\n".join(incremental) if incremental else ""
    text += "\n" + "\n".join(counted) if counted else ""
    analysis = kept_analysis(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + ("\n" + analysis if analysis else ""), encoding="utf-8")
    print(f"wrote {args.out}")
    akey = asset_key(assets, args.density)
    print("\n".join(budget_lines(builds, checks, assets.get(akey) if akey else None, first)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
