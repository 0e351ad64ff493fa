"""The example site's reading list, as a reader and a program get it: back-links, exports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string as parse_bibtex

from tests.conftest import EXAMPLE_SITE, Built, build_site


def _copy(root: Path) -> Path:
    shutil.copytree(EXAMPLE_SITE, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site"))
    return root


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build_site(_copy(tmp_path_factory.mktemp("example")) / "mkdocs.yml", strict=True)
    assert built.error is None, built.messages()
    return built


def test_the_example_reading_list_has_back_links_and_exports(example: Built) -> None:
    page = BeautifulSoup(example.html("reading-list.md"), "html.parser")
    cards = page.select(".careerkit-reading-list li.careerkit-card")
    assert len(cards) >= 30
    base = "https://x.test/reading-list/"
    for card in cards:
        links = card.select(".careerkit-card-why a")
        assert links, card.get_text()
        for a in links:  # every back-link lands on a built page and its heading
            target = urljoin(base, a["href"])[len("https://x.test/") :]
            path, _, anchor = target.partition("#")
            html = (example.site_dir / path / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, a["href"]
    staff = [c for c in cards if "The Staff Engineer's Path" in c.get_text()]
    assert len(staff) == 1 and "(2 pages)" in staff[0].get_text()
    exports = {a.get_text(): a["href"] for a in page.select(".careerkit-reading-count a")}
    assert exports == {
        "JSON": "../reading-list.json",
        "CSV": "../reading-list.csv",
        "BibTeX": "../reading-list.bib",
    }
    site = example.site_dir
    data = json.loads((site / "reading-list.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((site / "reading-list.csv").read_text("utf-8"))))
    bib = parse_bibtex((site / "reading-list.bib").read_text(encoding="utf-8"), "bibtex")
    assert len(data["books"]) == len(rows) == len(bib.entries) == len(cards)
    assert [b["title"] for b in data["books"]] == [r["title"] for r in rows]
    managers = next(r for r in rows if r["title"] == "The Manager's Path")
    assert managers["isbn"] == "9781491973899" and managers["chapters"] == "2"


def test_a_book_respelled_in_the_example_site_is_one_entry_and_one_warning(
    tmp_path: Path, log_guard: list[str]
) -> None:
    root = _copy(tmp_path / "example")
    page = root / "docs/leadership/giving-feedback.md"
    text = page.read_text(encoding="utf-8")
    written = "*   **Fournier, Camille. *The Manager's Path*.**"
    assert text.count(written) == 1
    line = text[: text.index(written)].count("\n") + 1
    respelled = "*   **Camille Fournier. *The Managers Path: A Guide for Tech Leaders*.**"
    page.write_text(text.replace(written, respelled), encoding="utf-8")
    log_guard.append(r"reading\.spelled-differently")
    built: Any = build_site(root / "mkdocs.yml")
    assert built.error is None, built.messages()
    first = "professional-development/mentorship-sponsorship.md"
    lines = (root / "docs" / first).read_text(encoding="utf-8").splitlines()
    first_line = 1 + lines.index(
        "*   **Fournier, Camille. *The Manager's Path*.** Opens with what it means to be "
        "mentored well and how to mentor others."
    )
    # Both places and both spellings, once.
    assert built.careerkit_lines(level=30) == [
        f"{first}:{first_line}:1: 'The Manager's Path by Camille Fournier' is the book written "
        "'The Managers Path: A Guide for Tech Leaders by Camille Fournier' at "
        f"leadership/giving-feedback.md:{line} (write it the same way in both places) "
        "[reading.spelled-differently]"
    ]
    listing = BeautifulSoup(built.html("reading-list.md"), "html.parser")
    cards = [
        c
        for c in listing.select(".careerkit-reading-list li.careerkit-card")
        if "Manager" in c.select_one(".careerkit-card-title").get_text()
    ]
    assert len(cards) == 1
    assert "(2 pages)" in cards[0].get_text()
