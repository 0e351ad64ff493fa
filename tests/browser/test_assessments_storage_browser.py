"""Reader data is sacred: names, storage keys, unreadable data, quota, scale changes (Chromium)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.browser.test_assessments_browser import open_page, ratings, score_rows, stored, tool
from tests.conftest import build_site, write_site

pytestmark = pytest.mark.browser

MATERIAL: dict[str, Any] = {
    "theme": {"name": "material"},
    "markdown_extensions": [
        "admonition",
        "pymdownx.details",
        "pymdownx.superfences",
        {"pymdownx.tabbed": {"alternate_style": True}},
        "pymdownx.tasklist",
        "attr_list",
        "tables",
    ],
}
NAMES = """\
# Names

!!! question "Team (1=Low, 5=High)"
    - [ ] Lead work

!!! question "Team Lead (1=Low, 5=High)"
    - [ ] Work
"""
SCALE = """\
# Scale

!!! question "Scale Test"
    Rate each statement {scale}:

    - [ ] alpha
    - [ ] beta
"""
NESTED = """\
# Nested

!!! question "Outer (1=Low, 5=High)"
    - [ ] outer statement

    !!! question "Inner (1=Low, 3=High)"
        - [ ] inner statement
"""
SCALE_KEY = "careerkit:/:scale-test"
BACKUP = SCALE_KEY + " backup 1"


class MiniSite:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.server = Server(root / "site")

    def build(self, scale: str = "1–5") -> None:
        pages = {
            "index.md": "# Home\n",
            "names.md": NAMES,
            "scale.md": SCALE.format(scale=scale),
            "nested.md": NESTED,
        }
        built = build_site(write_site(self.root, pages, MATERIAL), strict=True)
        assert built.error is None, built.messages()

    def url(self, page: str) -> str:
        return self.server.url(page + "/")


@pytest.fixture
def mini(tmp_path: Path, browser: Any) -> Iterator[MiniSite]:
    site = MiniSite(tmp_path)
    site.build()
    yield site
    site.server.close()


def status(block: Any) -> tuple[str, bool]:
    s = block.locator(".careerkit-status")
    return str(s.text_content()), bool(s.evaluate("e => e.matches('.careerkit-error')"))


def click_rating(block: Any, item: int, value: int) -> None:
    block.locator(".careerkit-rate").nth(item).locator(f'input[value="{value}"]').check()


def test_radio_names_and_keys_are_unique_by_construction(mini: MiniSite, page: Any) -> None:
    page.goto(mini.url("names"))
    page.wait_for_selector(".careerkit-on .careerkit-summary")
    names = page.locator("input[type=radio]").evaluate_all(
        "rs => [...new Set(rs.map(r => r.name))]"
    )
    assert names == ["careerkit team lead-work", "careerkit team-lead work"]
    first = page.locator('[data-careerkit-assessment="team"]')
    second = page.locator('[data-careerkit-assessment="team-lead"]')
    click_rating(second, 0, 2)
    click_rating(first, 0, 3)
    # Arrow keys move within one group only: the other assessment's answer stays.
    first.locator("input:checked").press("ArrowRight")
    assert ratings(first) == [4] and ratings(second) == [2]
    assert stored(page, "careerkit:/:team")["answers"] == {"lead-work": 4}
    assert stored(page, "careerkit:/:team-lead")["answers"] == {"work": 2}


@pytest.mark.parametrize(
    "raw",
    ["{not json", '{"v": 1, "answers": {"alpha": 3}, "snap', '"a string"', '{"answers": []}'],
    ids=["corrupt", "truncated", "not-an-object", "wrong-shape"],
)
def test_unreadable_stored_data_is_shown_and_kept_under_a_backup_key(
    mini: MiniSite, page: Any, raw: str
) -> None:
    page.goto(mini.url("scale"))
    page.evaluate(f"localStorage.setItem({json.dumps(SCALE_KEY)}, {json.dumps(raw)})")
    block = open_page(page, mini.url("scale"), "[data-careerkit-assessment]")
    assert status(block) == (
        "Your saved answers could not be read, so this page starts afresh. What was stored is "
        f"kept in this browser under '{BACKUP}'.",
        True,
    )
    assert page.evaluate(f"localStorage.getItem({json.dumps(BACKUP)})") == raw
    click_rating(block, 0, 4)
    assert stored(page, SCALE_KEY)["answers"] == {"alpha": 4}
    # Reloading finds readable data now; the backup is never overwritten.
    block = open_page(page, mini.url("scale"), "[data-careerkit-assessment]")
    assert status(block) == ("", False)
    page.evaluate(f"localStorage.setItem({json.dumps(SCALE_KEY)}, '[1, 2')")
    block = open_page(page, mini.url("scale"), "[data-careerkit-assessment]")
    assert page.evaluate(f"localStorage.getItem({json.dumps(BACKUP)})") == raw
    assert page.evaluate(f"localStorage.getItem({json.dumps(SCALE_KEY + ' backup 2')})") == (
        "[1, 2"
    )


def test_malformed_snapshots_are_skipped_with_a_note(mini: MiniSite, page: Any) -> None:
    good = {"date": "2025-01-01", "answers": {"alpha": 2}, "scores": {"_": 40}, "overall": 40}
    state = {
        "v": 1,
        "answers": {"alpha": 3},
        "snapshots": [good, {"date": "2025-02-01", "answers": {}}, "nonsense"],
    }
    page.goto(mini.url("scale"))
    page.evaluate(f"localStorage.setItem({json.dumps(SCALE_KEY)}, {json.dumps(json.dumps(state))})")
    block = open_page(page, mini.url("scale"), "[data-careerkit-assessment]")
    assert status(block) == (
        "2 saved result(s) could not be read and were skipped. What was stored is kept in this "
        f"browser under '{BACKUP}'.",
        True,
    )
    assert ratings(block) == [3, None]
    assert block.locator(".careerkit-legend li").first.text_content() == "Overall: 40%"
    click_rating(block, 1, 5)  # the page still works (no TypeError: the page fixture checks)
    assert score_rows(block) == [["Overall", "8 / 10", "4", "80%"]]
    assert json.loads(page.evaluate(f"localStorage.getItem({json.dumps(BACKUP)})")) == state


def test_a_full_storage_is_shown_to_the_reader(mini: MiniSite, page: Any, tmp_path: Path) -> None:
    block = open_page(page, mini.url("scale"), "[data-careerkit-assessment]")
    page.evaluate(
        """() => { Storage.prototype.setItem = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); } }"""
    )
    click_rating(block, 0, 4)
    message = (
        "Your answers could not be saved in this browser (its storage may be full or turned "
        "off); export them to keep them."
    )
    assert status(block) == (message, True)
    export = {
        "careerkit": 1,
        "assessment": "scale-test",
        "answers": {"alpha": 5},
        "snapshots": [],
    }
    path = tmp_path / "big.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    block.locator("input[type=file]").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('.careerkit-status').textContent")
    page.wait_for_timeout(200)
    assert status(block) == (message, True)  # never "Imported"


def test_a_changed_scale_starts_the_item_afresh_and_keeps_the_old_answer(
    mini: MiniSite, page: Any
) -> None:
    block = open_page(page, mini.url("scale"), "[data-careerkit-assessment]")
    click_rating(block, 0, 5)
    click_rating(block, 1, 4)
    assert score_rows(block) == [["Overall", "9 / 10", "4.5", "90%"]]
    mini.build(scale="1–4")
    block = open_page(page, mini.url("scale"), "[data-careerkit-assessment]")
    assert ratings(block) == [None, None]
    assert score_rows(block) == [["Overall", "0 / 8 (0 of 2 answered)", "–", "–"]]
    assert status(block) == (
        "2 statement(s) changed their scale or kind since you answered: answer them again (the "
        "earlier answers stay in the JSON export).",
        True,
    )
    click_rating(block, 0, 3)
    assert status(block)[0].startswith("2 statement(s)")  # a saved rating leaves the note
    saved = stored(page, SCALE_KEY)
    assert saved["answers"] == {"alpha": 3}
    assert saved["stale"] == {"beta": {"value": 4, "kind": "rate:1-5"}}
    # The reader's own export names the earlier answer and can be imported again.
    with page.expect_download() as info:
        tool(block, "Export JSON")
    exported = Path(info.value.path()).read_text(encoding="utf-8")
    assert json.loads(exported)["stale"] == saved["stale"]
    with page.expect_download() as info:
        tool(block, "Export CSV")
    csv = Path(info.value.path()).read_text(encoding="utf-8")
    assert '"Scale Test","beta","","earlier answer: 4"' in csv
    page.once("dialog", lambda d: d.accept())
    tool(block, "Reset")
    path = Path(info.value.path()).with_name("again.json")
    path.write_text(exported, encoding="utf-8")
    block.locator("input[type=file]").set_input_files(str(path))
    block.locator(".careerkit-status", has_text="Imported").wait_for()
    assert ratings(block) == [3, None]
    # An export written before the change (answers on 1–5) imports too: they become earlier.
    old = {
        "careerkit": 1,
        "assessment": "scale-test",
        "answers": {"alpha": 5, "beta": 4},
        "kinds": {"alpha": "rate:1-5", "beta": "rate:1-5"},
        "snapshots": [],
    }
    path.write_text(json.dumps(old), encoding="utf-8")
    block.locator("input[type=file]").set_input_files(str(path))
    block.locator(".careerkit-status", has_text="Imported").wait_for()
    assert status(block) == ("Imported again.json.", False)
    assert ratings(block) == [None, None]
    assert set(stored(page, SCALE_KEY)["stale"]) == {"alpha", "beta"}


def test_a_nested_assessment_keeps_its_own_answers(mini: MiniSite, page: Any) -> None:
    page.goto(mini.url("nested"))
    page.wait_for_selector("[data-careerkit-assessment='inner'].careerkit-on .careerkit-summary")
    outer = page.locator('[data-careerkit-assessment="outer"]')
    inner = page.locator('[data-careerkit-assessment="inner"]')
    assert inner.locator(".careerkit-rate").count() == 1
    assert outer.locator(":scope > .careerkit-summary").count() == 1
    click_rating(inner, 0, 2)
    click_rating(outer, 0, 5)
    assert stored(page, "careerkit:/:outer")["answers"] == {"outer-statement": 5}
    assert stored(page, "careerkit:/:inner")["answers"] == {"inner-statement": 2}
    rows = outer.locator(":scope > .careerkit-summary .careerkit-scores tbody tr")
    assert rows.evaluate_all("rs => rs.map(r => r.cells[1].textContent)") == ["5 / 5"]
