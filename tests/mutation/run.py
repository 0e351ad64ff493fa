"""Mutation testing of careerkit's pure cores with mutmut; writes tests/MUTATION.md.

Usage (after ``pip install -e ".[test,mutation]"``)::

    nice -n 10 .venv/bin/python tests/mutation/run.py findings engine

Each module is mutated in a throw-away copy of the working tree (mutmut writes a ``mutants/``
folder and reads its settings from ``pyproject.toml``; neither touches the repository), and each
mutant runs only the fast tests listed for its module below. The module's section of
``tests/MUTATION.md`` is then rewritten with the score, the date, the git revision and every
surviving mutant's diff. Not part of CI: on two cores a module takes minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REPORT = REPO / "tests" / "MUTATION.md"

# Module → the fast tests that must kill its mutants (no builds of whole sites, no browser).
MODULES: dict[str, tuple[str, list[str]]] = {
    "findings": (
        "mkdocs_careerkit/findings.py",
        [
            "tests/test_findings.py",
            "tests/test_engine_exact.py",
            "tests/test_engine.py",
            "tests/test_reports.py",
        ],
    ),
    "engine": (
        "mkdocs_careerkit/engine.py",
        ["tests/test_engine.py", "tests/test_engine_exact.py", "tests/test_findings.py"],
    ),
    # Without tests/test_xref_properties.py: its check_links properties only assert "does not
    # raise" (the exact tests kill every crashing mutant) and cost ~5 s per surviving mutant.
    "xref-check": (
        "mkdocs_careerkit/xref/check.py",
        [
            "tests/test_xref_check.py",
            "tests/test_xref_check_exact.py",
            "tests/test_xref_site_properties.py",
        ],
    ),
    "reports": (
        "mkdocs_careerkit/reports.py",
        ["tests/test_reports.py", "tests/test_reports_exact.py"],
    ),
    # Without the property tests (seconds per surviving mutant); the render tests read the
    # parsed rubric columns, and the whole-finding check tests what parse reports.
    "assessments-parse": (
        "mkdocs_careerkit/assessments/parse.py",
        [
            "tests/test_assessments_parse.py",
            "tests/test_mutation_kills_assessments_parse.py",
            "tests/test_assessments_render.py",
            "tests/test_assessments_check.py",
            "tests/test_mutation_kills_assessments_check.py",
        ],
    ),
    "assessments-check": (
        "mkdocs_careerkit/assessments/check.py",
        ["tests/test_assessments_check.py", "tests/test_mutation_kills_assessments_check.py"],
    ),
    "reading-parse": (
        "mkdocs_careerkit/reading/parse.py",
        ["tests/test_reading_parse.py", "tests/test_mutation_kills_reading_parse.py"],
    ),
    "reading-check": (
        "mkdocs_careerkit/reading/check.py",
        ["tests/test_mutation_kills_reading_check.py", "tests/test_reading_list.py"],
    ),
    "reading-data": (
        "mkdocs_careerkit/reading/data.py",
        ["tests/test_mutation_kills_reading_data.py", "tests/test_reading_data.py"],
    ),
    "tags-taxonomy": (
        "mkdocs_careerkit/tags/taxonomy.py",
        ["tests/test_tags_taxonomy.py", "tests/test_mutation_kills_tags_taxonomy.py"],
    ),
    "tags-check": (
        "mkdocs_careerkit/tags/check.py",
        ["tests/test_tags_check.py", "tests/test_mutation_kills_tags_check.py"],
    ),
    "lists-check": (
        "mkdocs_careerkit/lists/check.py",
        ["tests/test_lists.py", "tests/test_mutation_kills_lists.py"],
    ),
    "backlinks-core": (
        "mkdocs_careerkit/backlinks/core.py",
        ["tests/test_backlinks.py", "tests/test_mutation_kills_backlinks.py"],
    ),
    "linkgraph-core": (
        "mkdocs_careerkit/linkgraph/core.py",
        ["tests/test_linkgraph.py", "tests/test_mutation_kills_linkgraph.py"],
    ),
    "navcards-check": (
        "mkdocs_careerkit/navcards/check.py",
        ["tests/test_navcards.py", "tests/test_navcards_check.py"],
    ),
    "navcards-enhance": (
        "mkdocs_careerkit/navcards/enhance.py",
        [
            "tests/test_navcards.py",
            "tests/test_navcards_check.py",
            "tests/test_navcards_enhance.py",
        ],
    ),
}
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "mutants", "site", "out", "__pycache__", ".*_cache", ".hypothesis"
)


def revision() -> str:
    """The commit the run measured, marked ``+dirty`` when the working tree had changes.

    Untracked files are copied into the run too but not seen here: commit new tests first."""
    sha = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        # The report itself changes nothing measured (a batch rewrites it module by module).
        ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!tests/MUTATION.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return sha + ("+dirty" if dirty else "")


def mutmut(work: Path, *args: str, timeout: float | None = None) -> str:
    exe = shutil.which("mutmut", path=str(Path(sys.executable).parent))
    if exe is None:
        sys.exit('mutmut is not installed: pip install -e ".[mutation]"')
    # A session of its own, so that the time cap ends mutmut's forked workers too.
    with subprocess.Popen(
        [exe, *args],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    return out


def run_module(name: str, max_children: int, timeout: float) -> dict[str, object]:
    source, tests = MODULES[name]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"careerkit-mutation-{name}-") as tmp:
        work = Path(tmp) / "repo"
        shutil.copytree(REPO, work, ignore=IGNORE)
        with (work / "pyproject.toml").open("a", encoding="utf-8") as f:
            f.write(
                "\n[tool.mutmut]\n"
                'source_paths = ["mkdocs_careerkit"]\n'
                # mutmut copies the package and tests/ only; some tests read the example site.
                'also_copy = ["example-site"]\n'
                f"only_mutate = {json.dumps([source])}\n"
                f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
                'pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q"]\n'
                "use_git_change_detection = false\n"
            )
        try:
            mutmut(work, "run", "--max-children", str(max_children), timeout=timeout)
            interrupted = False
        except subprocess.TimeoutExpired:
            interrupted = True
        mutmut(work, "export-cicd-stats")
        stats_file = work / "mutants" / "mutmut-cicd-stats.json"
        if not stats_file.exists():
            sys.exit(f"{name}: mutmut produced no results; run it by hand in a copy to see why")
        stats = json.loads(stats_file.read_text(encoding="utf-8"))
        survivors = []
        for line in mutmut(work, "results").splitlines():
            m = re.match(r"^\s+(\S+): (survived|no tests|timeout|suspicious)", line)
            if m:
                diff = mutmut(work, "show", m[1]).split("\n", 1)[-1].strip()
                survivors.append({"name": m[1], "status": m[2], "diff": diff})
    return {
        "module": source,
        "tests": tests,
        "stats": stats,
        "survivors": survivors,
        "interrupted": interrupted,
        "seconds": round(time.monotonic() - started),
    }


def section(result: dict[str, object], when: str, rev: str) -> str:
    stats: dict[str, int] = result["stats"]  # type: ignore[assignment]
    survivors: list[dict[str, str]] = result["survivors"]  # type: ignore[assignment]
    killed = stats["killed"] + stats["timeout"]
    judged = ("killed", "timeout", "survived", "no_tests", "suspicious", "segfault")
    # Mutants the time cap stopped before they ran are not counted either way (said below).
    unchecked = stats["total"] - stats["skipped"] - sum(stats.get(k, 0) for k in judged)
    tested = stats["total"] - stats["skipped"] - unchecked
    score = 100 * killed / tested if tested else 0.0
    lines = [
        f"## `{result['module']}`",
        "",
        f"**{score:.1f} % killed** ({killed} of {tested} mutants; "
        f"{stats['timeout']} of them by timeout; {stats['survived']} survived, "
        f"{stats['no_tests']} without a test, {stats['suspicious']} suspicious) — "
        f"{when}, revision `{rev}`, {result['seconds']} s"
        + (
            f", **interrupted by the time cap: {unchecked} of {stats['total']} mutants not run**"
            if result["interrupted"]
            else ""
        )
        + ".",
        "",
        "Tests: " + ", ".join(f"`{t}`" for t in result["tests"]),  # type: ignore[attr-defined]
        "",
    ]
    if survivors:
        lines += ["Surviving mutants:", ""]
        for s in survivors:
            lines += [f"- `{s['name']}` ({s['status']})", "", "  ```diff"]
            lines += [f"  {d}".rstrip() for d in s["diff"].splitlines()]
            lines += ["  ```", ""]
    else:
        lines += ["No surviving mutant.", ""]
    return "\n".join(lines)


def write_report(sections: dict[str, str]) -> None:
    """Replace each module's section (``<!-- mutation:NAME -->`` … ``<!-- /mutation:NAME -->``)."""
    text = REPORT.read_text(encoding="utf-8")
    for name, body in sections.items():
        start, end = f"<!-- mutation:{name} -->", f"<!-- /mutation:{name} -->"
        block = f"{start}\n{body}\n{end}"
        if start in text:
            before, rest = text.split(start, 1)
            text = before + block + rest.split(end, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("modules", nargs="+", choices=sorted(MODULES))
    parser.add_argument("--max-children", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    parser.add_argument(
        "--timeout", type=float, default=900, help="seconds per module (default 900)"
    )
    parser.add_argument("--no-write", action="store_true", help="print, do not touch MUTATION.md")
    args = parser.parse_args(argv)
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    rev = revision()
    for name in args.modules:
        result = run_module(name, args.max_children, args.timeout)
        text = section(result, when, rev)
        print(text, flush=True)
        if not args.no_write:  # module by module, so a long batch keeps what it measured
            write_report({name: text})
    return 0


if __name__ == "__main__":
    sys.exit(main())
