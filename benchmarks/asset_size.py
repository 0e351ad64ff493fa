"""Gzip size of careerkit's assessment script and stylesheet, against the 8 KB budget.

Usage: ``python benchmarks/asset_size.py``. Prints one line per file (``name gzip-bytes
raw-bytes``), then ``total N`` and the verdict. ``benchmarks/run.py`` includes this output in
its report. Exit status 1 if the budget is exceeded.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs_careerkit.assets import ASSESSMENT_FILES, gzip_sizes, served, source_path

BUDGET = 8 * 1024


def main() -> int:
    sizes = gzip_sizes(ASSESSMENT_FILES)
    for path, size in sizes.items():
        raw = source_path(path).stat().st_size
        print(f"{Path(path).name} {size} gzip bytes ({len(served(path))} minified, {raw} source)")
    total = sum(sizes.values())
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"total {total} gzip bytes: {verdict} the budget of {BUDGET}")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
