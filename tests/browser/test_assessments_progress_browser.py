"""The guide's progress page and team view in Chromium: states from what readers answered on the
assessment pages, export and import of all answers, several people's exports compared."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.browser.test_assessments_browser import rate
from tests.conftest import build_site, write_site
from tests.test_assessments_progress import MARKDOWN, NAV, PAGES

pytestmark = pytest.mark.browser

HABITS, CHECKLIST, NETWORK = "habits-check", "before-the-talk-checklist", "network-assessment"
ROOT = ".careerkit-progress-page.careerkit-on"


def _guide(root: Path, language: str = "") -> Iterator[Server]:
    server = Server(root / "site")
    theme: dict[str, Any] = {"name": "material", "features": ["navigation.instant"]}
    if language:
        theme["language"] = language
    config = write_site(
        root,
        PAGES,
        {"theme": theme, "markdown_extensions": MARKDOWN, "nav": NAV, "site_url": server.url()},
    )
    built = build_site(config, strict=True)
    assert built.error is None, built.messages()
    yield server
    server.close()


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    """Three assessments: two in "Part A", one in "Part B"; the progress page at the end."""
    yield from _guide(tmp_path_factory.mktemp("guide"))


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    yield from _guide(tmp_path_factory.mktemp("guide-de"), "de")


def block(page: Any, server: Server, url: str, key: str) -> Any:
    page.goto(server.url(url))
    root = f'[data-careerkit-assessment="{key}"]'
    page.wait_for_selector(f"{root}.careerkit-on .careerkit-summary")
    return page.locator(root)


def open_progress(page: Any, server: Server) -> Any:
    page.goto(server.url("progress/"))
    page.wait_for_selector(ROOT)
    return page.locator(ROOT)


def table(progress: Any) -> dict[str, list[str]]:
    """Per assessment row: [status, percent, result, last saved]; the trend's label last."""
    return progress.locator("tr[data-careerkit-key]").evaluate_all(
        """rows => Object.fromEntries(rows.map(r => [r.dataset.careerkitKey,
            [...r.querySelectorAll('td')].slice(0, 4).map(c => c.textContent.trim())
            .concat([(r.querySelector('svg') || {getAttribute: () => ''}).getAttribute(
            'aria-label') || ''])]))"""
    )


def answer_all(
    page: Any, server: Server, habits: tuple[int, int], network: tuple[int, ...]
) -> None:
    """Rate the habits and network statements; tick the checklist's first statement."""
    b = block(page, server, "a/one/", HABITS)
    for n, v in enumerate(habits):
        rate(b, n, v)
    b = block(page, server, "a/two/", CHECKLIST)
    b.locator(".careerkit-hit").first.click()
    b = block(page, server, "b/three/", NETWORK)
    for n, v in enumerate(network):
        if n == 2:
            b.locator(".tabbed-labels label", has_text="Value").click()
        rate(b, n, v)


def test_states_after_answering_on_their_pages_reached_by_instant_navigation(
    guide: Server, page: Any
) -> None:
    page.clock.set_fixed_time("2025-04-02T10:00:00")
    b = block(page, guide, "a/one/", HABITS)
    rate(b, 0, 4)
    rate(b, 1, 5)
    b.get_by_role("button", name="Save today's result").click()
    b = block(page, guide, "a/two/", CHECKLIST)
    b.locator(".careerkit-hit").first.click()
    page.evaluate("window.careerkitMarker = 1")
    page.evaluate("document.querySelector('article').dataset.old = '1'")
    page.locator('a[href$="progress/"]:visible').first.click()  # Material's instant navigation
    page.wait_for_function(
        "() => !document.querySelector('article').dataset.old && "
        "document.querySelector('.careerkit-progress-page.careerkit-on')"
    )
    assert page.evaluate("window.careerkitMarker") == 1, "the page was reloaded"
    progress = page.locator(ROOT)
    groups = progress.locator("section.careerkit-progress-group").evaluate_all(
        "ss => ss.map(s => [s.querySelector('h2').textContent, "
        "[...s.querySelectorAll('tr[data-careerkit-key]')].map(r => r.dataset.careerkitKey)])"
    )
    assert groups == [["Part A", [HABITS, CHECKLIST]], ["Part B", [NETWORK]]]
    assert table(progress) == {
        # Every statement rated, a result saved: (4 + 5) of 10, the band of an average of 4.5.
        HABITS: [
            "Done",
            "90%",
            "Overall 3 or more: teach others.",
            "Apr 2, 2025",
            "Saved results: 90%",
        ],
        # One of two ticked: under way, scored like the checklist scores itself.
        CHECKLIST: ["In progress", "50%", "–", "–", ""],
        NETWORK: ["Not started", "–", "–", "–", ""],
    }
    # To a chapter through its row's link and back, instantly: filled in again, once.
    progress.get_by_role("link", name="Network Assessment").click()
    page.wait_for_selector('[data-careerkit-assessment="network-assessment"].careerkit-on')
    rate(page.locator('[data-careerkit-assessment="network-assessment"]'), 0, 2)
    page.locator('a[href$="progress/"]:visible').first.click()
    page.wait_for_selector(ROOT)
    assert page.evaluate("window.careerkitMarker") == 1
    assert table(page.locator(ROOT))[NETWORK][:2] == ["In progress", "40%"]
    assert page.locator(".careerkit-progress-page").count() == 1


def test_without_javascript_the_page_is_a_list_of_links(guide: Server, browser: Any) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(guide.url("progress/"))
        visible = page.locator(".careerkit-progress-page th:visible, .careerkit-progress-page a")
        assert "Assessment" in visible.all_inner_texts()
        assert page.locator(".careerkit-progress-page td:visible").count() == 0
        assert page.locator(".careerkit-team:visible").count() == 0
    finally:
        ctx.close()


def test_on_a_phone_the_table_scrolls_instead_of_overlapping(guide: Server, page: Any) -> None:
    """390 px wide: every status badge fits its cell, no column heading breaks inside a word,
    and the columns that do not fit are reached by scrolling the table sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    progress = open_progress(page, guide)
    fits = progress.locator(".careerkit-progress-table .careerkit-st").evaluate_all(
        """badges => badges.map(b => {
            const cell = b.closest('td').getBoundingClientRect(), box = b.getBoundingClientRect();
            return box.left >= cell.left - 0.5 && box.right <= cell.right + 0.5; })"""
    )
    assert fits and all(fits), fits
    headings = progress.locator(".careerkit-progress-table thead th").evaluate_all(
        """ths => ths.map(th => {
            const r = document.createRange(); r.selectNodeContents(th);
            return [th.textContent.trim(), r.getClientRects().length]; })"""
    )
    assert all(lines == 1 for _, lines in headings), headings
    wide = progress.locator(".careerkit-progress-table").first.evaluate(
        "t => [t.scrollWidth, t.clientWidth, getComputedStyle(t).overflowX]"
    )
    assert wide[0] > wide[1] and wide[2] == "auto", wide


def test_corrupt_storage_does_not_break_the_page(guide: Server, page: Any) -> None:
    page.goto(guide.url())
    bad = {
        HABITS: "{not json",
        CHECKLIST: json.dumps({"v": 2, "answers": {"agenda-written": "yes"}, "snapshots": []}),
        NETWORK: json.dumps(
            {
                "v": 2,
                "answers": {"diverse": 4},
                "snapshots": [{"date": "nope"}, 7, None],
            }
        ),
    }
    for key, text in bad.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"careerkit:/:{key}", text])
    progress = open_progress(page, guide)
    rows = table(progress)
    assert rows[HABITS][0] == "Saved answers unreadable"
    assert rows[CHECKLIST][:2] == ["Not started", "–"]  # a word is no answer
    assert rows[NETWORK][:4] == ["In progress", "80%", "–", "–"]  # broken results skipped
    # Reading never writes: the reader's storage is as it was.
    for key, text in bad.items():
        assert page.evaluate("k => localStorage.getItem(k)", f"careerkit:/:{key}") == text


def _export(page: Any, progress: Any, path: Path, name: str = "") -> dict[str, Any]:
    progress.locator(".careerkit-name").fill(name)
    with page.expect_download() as info:
        progress.locator("[data-careerkit-do=export]").click()
    # A facilitator collects several people's files: each is named after its person.
    who = "-".join(re.findall(r"[^\W_]+", name.lower()))
    assert re.fullmatch(
        re.escape(f"careerkit-answers-{who}-" if who else "careerkit-answers-")
        + r"\d{4}-\d\d-\d\d\.json",
        info.value.suggested_filename,
    ), info.value.suggested_filename
    info.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def _stored(page: Any, key: str) -> Any:
    return json.loads(page.evaluate("k => localStorage.getItem(k)", key) or "null")


def test_export_all_and_import_all_round_trip(guide: Server, page: Any, tmp_path: Path) -> None:
    page.clock.set_fixed_time("2025-05-06T10:00:00")
    answer_all(page, guide, (2, 3), (5, 4, 3))
    progress = open_progress(page, guide)
    before = table(progress)
    exported = _export(page, progress, tmp_path / "all.json", "Ada")
    assert exported["careerkit"] == 1 and exported["name"] == "Ada"
    assert exported["exported"] == "2025-05-06"
    assert [e["assessment"] for e in exported["assessments"]] == [HABITS, CHECKLIST, NETWORK]
    for e in exported["assessments"]:
        state = _stored(page, f"careerkit:/:{e['assessment']}")
        assert e["answers"] == state["answers"] and e["snapshots"] == state["snapshots"]
    # The reader changes an answer, then imports the file: asked first, the change kept aside.
    b = block(page, guide, "a/one/", HABITS)
    rate(b, 0, 5)
    changed = page.evaluate("localStorage.getItem('careerkit:/:habits-check')")
    progress = open_progress(page, guide)
    asked: list[str] = []

    def dismiss(d: Any) -> None:
        asked.append(d.message)
        d.dismiss()

    page.once("dialog", dismiss)
    progress.locator(".ck-all").set_input_files(str(tmp_path / "all.json"))
    page.wait_for_timeout(200)
    assert asked == [
        "Replace your answers to 3 assessment(s) with those in all.json? "
        "Your current answers stay in this browser as a backup."
    ]
    assert page.evaluate("localStorage.getItem('careerkit:/:habits-check')") == changed
    page.once("dialog", lambda d: d.accept())
    progress.locator(".ck-all").set_input_files(str(tmp_path / "all.json"))
    status = progress.locator(".careerkit-status")
    status.filter(has_text="Imported").wait_for()
    assert status.text_content() == (
        "Imported 3 assessment(s) from all.json. What was stored is kept in this browser "
        "under 'careerkit:/:habits-check backup 1'."
    )
    assert (
        _stored(page, "careerkit:/:habits-check")["answers"]
        == exported["assessments"][0]["answers"]
    )
    assert page.evaluate("localStorage.getItem('careerkit:/:habits-check backup 1')") == changed
    assert table(progress) == before
    # The assessment page reads what was imported.
    b = block(page, guide, "a/one/", HABITS)
    assert b.locator(".careerkit-rate input:checked").evaluate_all(
        "rs => rs.map(r => +r.value)"
    ) == [2, 3]
    # A file that is not an export: said so, nothing touched.
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    progress = open_progress(page, guide)
    stored = page.evaluate("JSON.stringify(localStorage)")
    progress.locator(".ck-all").set_input_files(str(tmp_path / "notes.json"))
    status = progress.locator(".careerkit-status.careerkit-error")
    status.wait_for()
    assert status.text_content() == (
        "Nothing was imported from notes.json: the file is not a careerkit export"
    )
    assert page.evaluate("JSON.stringify(localStorage)") == stored
    # An export whose answers make no sense: named, and nothing of it imported.
    wrong = json.loads(json.dumps(exported))
    wrong["assessments"][1]["answers"] = {"agenda-written": "yes"}
    (tmp_path / "wrong.json").write_text(json.dumps(wrong), encoding="utf-8")
    progress.locator(".ck-all").set_input_files(str(tmp_path / "wrong.json"))
    status.filter(has_text="wrong.json").wait_for()
    assert status.text_content() == (
        "Nothing was imported from wrong.json: the answers to 'before-the-talk-checklist' are "
        "not valid"
    )
    assert page.evaluate("JSON.stringify(localStorage)") == stored


PEOPLE = [("Ada", (2, 5), (5, 4, 3)), ("Bo", (4, 5), (1, 2, 3)), ("Zoë O'Neil", (3, 5), (4, 4, 2))]


def _people_exports(page: Any, guide: Server, tmp_path: Path) -> list[Path]:
    files = []
    for name, habits, network in PEOPLE:
        page.goto(guide.url())
        page.evaluate("localStorage.clear()")
        answer_all(page, guide, habits, network)
        progress = open_progress(page, guide)
        path = tmp_path / f"{name.lower()}.json"
        _export(page, progress, path, name)
        files.append(path)
    return files


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _value(item: dict[str, Any], answers: dict[str, Any] | None) -> Any:
    """A person's answer; a checklist statement left unticked counts 0 once they began."""
    if not answers:
        return None
    return answers.get(item["id"], 0 if item["kind"] == "check" else None)


def _expected(manifest: dict[str, Any], exports: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Per statement (and per section of a multi-section assessment): answered, average,
    spread, computed from the exported answers."""
    out: dict[str, list[str]] = {}
    n = len(exports)
    for a in manifest["assessments"]:
        per = [
            next((e["answers"] for e in x["assessments"] if e["assessment"] == a["id"]), None)
            for x in exports
        ]
        if not any(per):
            continue
        for s in a["sections"]:
            if len(a["sections"]) > 1:
                pcts = []
                for answers in per:
                    got = [answers[i["id"]] for i in s["items"] if answers and i["id"] in answers]
                    if got:
                        top = sum(i["max"] for i in s["items"] if i["id"] in answers)
                        pcts.append(100 * sum(got) / top)
                out[s["title"]] = [
                    f"{len(pcts)} / {n}",
                    f"{round(sum(pcts) / len(pcts))}%",
                    f"{round(min(pcts))}% – {round(max(pcts))}%",
                ]
            for i in s["items"]:
                vs = [v for v in (_value(i, answers) for answers in per) if v is not None]
                out[i["text"]] = (
                    [f"{len(vs)} / {n}", _fmt(sum(vs) / len(vs)), f"{min(vs)} – {max(vs)}"]
                    if vs
                    else [f"0 / {n}", "–", "–"]
                )
    return out


def test_team_view_on_three_exports(guide: Server, page: Any, tmp_path: Path) -> None:
    files = _people_exports(page, guide, tmp_path)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    elsewhere = {"careerkit": 1, "assessment": "another-guides", "answers": {}, "snapshots": []}
    (tmp_path / "other.json").write_text(json.dumps(elsewhere), encoding="utf-8")
    exports = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    page.goto(guide.url("assets/careerkit/assessments.json"))
    manifest = json.loads(page.locator("body").inner_text())
    page.goto(guide.url())
    page.evaluate("localStorage.clear()")
    progress = open_progress(page, guide)
    loaded = [str(f) for f in files] + [str(tmp_path / n) for n in ("broken.json", "other.json")]
    progress.locator(".ck-team").set_input_files(loaded)
    status = progress.locator(".careerkit-team-status")
    status.filter(has_text="compared").wait_for()
    assert status.text_content() == (
        "3 export(s) compared. broken.json was not used: the file is not valid JSON "
        "other.json was not used: it holds no assessment of this guide"
    )
    rows = progress.locator(".careerkit-team-table tbody tr").evaluate_all(
        "rs => rs.map(r => [...r.cells].slice(0, 4).map(c => c.textContent.trim()))"
    )
    got = {r[0]: r[1:] for r in rows}
    assert got == _expected(manifest, exports)
    # Each answer one dot in its statement's plot.
    dots = progress.locator(".careerkit-team-table tbody tr").evaluate_all(
        "rs => rs.map(r => r.querySelectorAll('circle').length)"
    )
    assert dots == [int(r[1].split(" / ")[0]) for r in rows]
    # The largest disagreements first, as a share of each statement's scale.
    spreads = []
    for a in manifest["assessments"]:
        for i in (i for s in a["sections"] for i in s["items"]):
            vs = [
                e["answers"][i["id"]]
                for x in exports
                for e in x["assessments"]
                if e["assessment"] == a["id"] and i["id"] in e["answers"]
            ]
            if len(vs) > 1 and max(vs) > min(vs):
                spreads.append(((max(vs) - min(vs)) / (i["max"] - i["min"]), i["text"]))
    spreads.sort(key=lambda s: -s[0])
    discuss = progress.locator(".careerkit-discuss li strong").all_text_contents()
    assert discuss[0] == spreads[0][1]
    assert sorted(discuss) == sorted(t for _, t in spreads[:5])
    # Anonymous until the facilitator asks for names.
    people = progress.locator(".careerkit-people")
    assert people.text_content() == "Person 1, Person 2, Person 3"
    progress.get_by_label("Show names").check()
    assert people.text_content() == "Ada, Bo, Zoë O'Neil"
    # The CSV: numbers in their own columns, one column per person.
    with page.expect_download() as info:
        progress.get_by_role("button", name="Export team CSV").click()
    info.value.save_as(tmp_path / "team.csv")
    with (tmp_path / "team.csv").open(encoding="utf-8", newline="") as f:
        table_rows = list(csv.reader(f))
    assert table_rows[0] == [
        "Assessment",
        "Section",
        "Statement",
        "Answered",
        "Average",
        "Lowest",
        "Highest",
        "Ada",
        "Bo",
        "Zoë O'Neil",
    ]
    by_statement = {r[2]: r for r in table_rows[1:] if r[2]}
    for a in manifest["assessments"]:
        for i in (i for s in a["sections"] for i in s["items"]):
            mine = [
                next(e for e in x["assessments"] if e["assessment"] == a["id"]) for x in exports
            ]
            vs = [_value(i, e["answers"]) for e in mine]
            given = [v for v in vs if v is not None]
            row = by_statement[i["text"]]
            assert float(row[4]) == round(sum(given) / len(given), 2)
            assert (float(row[5]), float(row[6])) == (min(given), max(given))
            assert row[7:] == [str(v) if v is not None else "" for v in vs]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations(guide: Server, page: Any, tmp_path: Path, scheme: str) -> None:
    _axe(page, guide, tmp_path, scheme)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations_in_german(
    german: Server, page: Any, tmp_path: Path, scheme: str
) -> None:
    page.clock.set_fixed_time("2025-04-02T10:00:00")
    progress = _axe(page, german, tmp_path, scheme)
    # German words, numbers and dates (the theme's language, through Intl).
    assert table(progress)[HABITS] == [
        "Fertig",
        "80\xa0%",
        "Overall 3 or more: teach others.",
        "02.04.2025",
        "Gespeicherte Ergebnisse: 80\xa0%",
    ]
    assert table(progress)[NETWORK][0] == "Nicht begonnen"
    assert progress.locator("[data-careerkit-do]:visible").all_text_contents() == [
        "Alle Antworten exportieren",
        "Alle Antworten importieren",
        "Exporte laden",
        "Team-CSV exportieren",
    ]


def _axe(page: Any, server: Server, tmp_path: Path, scheme: str) -> Any:
    from axe_playwright_python.sync_playwright import Axe

    b = block(page, server, "a/one/", HABITS)
    rate(b, 0, 4)
    b.locator(".careerkit-save").click()
    progress = open_progress(page, server)
    export = tmp_path / "me.json"
    _export(page, progress, export)
    progress.locator(".ck-team").set_input_files([str(export), str(export)])
    progress.locator(".careerkit-team-table").first.wait_for()
    page.evaluate(f"document.body.dataset.mdColorScheme = '{scheme}'")
    page.wait_for_timeout(300)
    results = Axe().run(page, context=".careerkit-progress-page")
    violations = [
        (v["id"], v["help"], [n["html"][:120] for n in v["nodes"]])
        for v in results.response["violations"]
    ]
    assert violations == []
    return progress


def test_strict_content_security_policy(guide: Server, context: Any, tmp_path: Path) -> None:
    # Material's own inline scripts are blocked by this policy; only careerkit's are tested.
    page = context.new_page()
    guide.httpd.extra_headers = {  # type: ignore[attr-defined]
        "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'"
    }
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__violations.push([e.violatedDirective, e.sourceFile, e.blockedURI]));"
    )
    try:
        b = block(page, guide, "a/one/", HABITS)
        rate(b, 0, 4)
        b.locator(".careerkit-save").click()
        progress = open_progress(page, guide)
        assert table(progress)[HABITS][0] == "Done"
        export = tmp_path / "me.json"
        _export(page, progress, export)
        progress.locator(".ck-team").set_input_files([str(export)])
        progress.locator(".careerkit-team-table circle").first.wait_for(state="attached")
        ours = [v for v in page.evaluate("window.__violations") if "careerkit" in (v[1] or "")]
        assert ours == []
    finally:
        guide.httpd.extra_headers = {}  # type: ignore[attr-defined]
