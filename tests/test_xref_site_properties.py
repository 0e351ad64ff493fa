"""Properties of the cross-reference checks on generated sites, not on random text.

The generator builds *valid* small sites — pages in folders, headings, links to pages and to
headings that exist, written inline, in angle brackets, as references, to the same page — and
knows where it wrote every link. A valid site has no finding; then one thing is changed and the
findings must be exactly the ones that change implies: a renamed heading gives one missing-anchor
per link to it, a deleted page one missing-page per link to it, a line inserted at the top of a
page moves that page's findings down by one and nothing else.

Each test counts the branches its examples reached (and tells hypothesis, with ``event()`` and
``target()``, which steers generation towards more links and findings) and fails if one was never
reached, so a generator that drifts into trivial sites cannot pass unnoticed.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, event, given, settings, target
from hypothesis import strategies as st

from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.xref import PageFacts, SiteInfo, check_links, scan_page

# No word here is "page", "renamed" or "section": titles and renamed headings cannot collide.
WORDS = ["career", "growth", "mentor", "network", "skills", "review", "goals", "feedback", "teams"]
PATHS = ["index.md", "a.md", "b.md", "guide/c.md", "guide/d.md", "guide/deep/e.md"]
NAV = "Cross-Reference Navigation"
STYLES = ["inline", "angle", "reference"]
PREFIXES = ["", "- ", "See ", "1. "]
EXAMPLES = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


def slug(text: str) -> str:
    return text.lower().replace(" ", "-")


@dataclasses.dataclass
class GenLink:
    """A link the generator wrote: where, to what, and how."""

    page: str
    target: str  # a page path, or a path that does not exist (broken)
    anchor: str  # '' for none
    style: str
    prefix: str
    nav: bool = False  # in the page's Cross-Reference Navigation section
    line: int = 0  # where a finding about it is reported (a reference's definition line)
    column: int = 0


@dataclasses.dataclass
class GenSite:
    pages: dict[str, list[str]]  # page → its ## headings
    links: list[GenLink]
    sections: dict[tuple[str, int], int]  # (page, link index) → heading index it sits under
    nav_pages: set[str]  # pages that end with a Cross-Reference Navigation section
    in_nav: bool  # SiteInfo.nav lists every page (else None)
    top: dict[str, str] = dataclasses.field(default_factory=dict)  # page → line inserted on top
    nav_lines: dict[str, int] = dataclasses.field(default_factory=dict)

    def href(self, link: GenLink) -> str:
        if link.target == link.page and link.anchor:
            return f"#{link.anchor}"
        path = posixpath.relpath(link.target, posixpath.dirname(link.page) or ".")
        return path + (f"#{link.anchor}" if link.anchor else "")

    def render(self) -> dict[str, str]:
        """Every page's Markdown; fills in each link's line and column."""
        return {page: self.render_page(page) for page in self.pages}

    def render_page(self, page: str) -> str:
        headings = self.pages[page]
        lines = [self.top[page]] if page in self.top else []
        lines += [f"# Page {posixpath.basename(page)[:-3]}", "", "Some prose.", ""]
        mine = [(i, x) for i, x in enumerate(self.links) if x.page == page]
        definitions: list[tuple[GenLink, str]] = []
        for section in range(len(headings) + 1):
            if section:
                lines += [f"## {headings[section - 1]}", ""]
            for i, link in mine:
                if not link.nav and self.sections[(page, i)] == section:
                    self.emit(link, f"ref{i}", lines, definitions)
        if page in self.nav_pages:
            lines += [f"## {NAV}", ""]
            self.nav_lines[page] = len(lines) - 1
            for i, link in mine:
                if link.nav:
                    self.emit(link, f"ref{i}", lines, definitions)
        for link, label in definitions:
            lines.append(f"[{label}]: {self.href(link)}")
            link.line, link.column = len(lines), 1
        return "\n".join(lines) + "\n"

    def emit(
        self, link: GenLink, label: str, lines: list[str], definitions: list[tuple[GenLink, str]]
    ) -> None:
        if link.style == "reference":
            lines.append(f"{link.prefix}[see][{label}]")
            definitions.append((link, label))  # reported where its definition is
        else:
            href = self.href(link)
            lines.append(f"{link.prefix}[see]({f'<{href}>' if link.style == 'angle' else href})")
            link.line, link.column = len(lines), len(link.prefix) + 1
        lines.append("")

    def check(self) -> list[Finding]:
        facts = {}
        for page, text in self.render().items():
            scan = scan_page(text)
            facts[page] = PageFacts(page, scan, scan.anchors)
        files = dict.fromkeys(self.pages, "included")
        nav = frozenset(self.pages) if self.in_nav else None
        return check_links(facts, SiteInfo(files, nav))  # type: ignore[arg-type]


@st.composite
def sites(draw: st.DrawFn, *, broken: bool = False) -> GenSite:
    """A valid site; with ``broken``, a few links to missing pages and anchors as well."""
    extra = draw(st.lists(st.sampled_from(PATHS[1:]), unique=True, max_size=5))
    heading = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2, unique=True).map(" ".join)
    pages = {p: draw(st.lists(heading, unique_by=slug, max_size=3)) for p in ["index.md", *extra]}
    links: list[GenLink] = []
    sections = {}
    nav_pages = set()
    for page in pages:
        for _ in range(draw(st.integers(0, 5))):
            to = draw(st.sampled_from(sorted(pages)))
            anchor = draw(st.just("") | st.sampled_from([slug(h) for h in pages[to]] or [""]))
            links.append(
                GenLink(
                    page, to, anchor, draw(st.sampled_from(STYLES)), draw(st.sampled_from(PREFIXES))
                )
            )
            sections[(page, len(links) - 1)] = draw(st.integers(0, len(pages[page])))
        if broken:
            for _ in range(draw(st.integers(0, 2))):
                to, anchor = draw(
                    st.sampled_from([("gone.md", ""), ("guide/lost.md", ""), (page, "no-such")])
                )
                links.append(GenLink(page, to, anchor, "inline", ""))
                sections[(page, len(links) - 1)] = 0
        if draw(st.booleans()):
            nav_pages.add(page)
            for _ in range(draw(st.integers(1, 3))):
                to = draw(st.sampled_from(sorted(pages)))
                links.append(GenLink(page, to, "", "inline", "- ", nav=True))
    return GenSite(pages, links, sections, nav_pages, draw(st.booleans()))


def located(found: list[Finding]) -> list[tuple[str, int, int, str]]:
    return sorted((f.file, f.line, f.column, f.code) for f in found)


def run_counting(prop: Callable[[Counter[str]], None], branches: set[str]) -> None:
    """Run a hypothesis property and fail if one of ``branches`` was never reached."""
    reached: Counter[str] = Counter()
    prop(reached)
    missing = branches - set(reached)
    assert not missing, f"never reached: {sorted(missing)} (reached: {dict(reached)})"


def note_links(site: GenSite, reached: Counter[str]) -> None:
    for link in site.links:
        kind = (
            "same-page anchor"
            if link.target == link.page and link.anchor
            else ("anchor on another page" if link.anchor else "page link")
        )
        reached[kind] += 1
        reached[f"style {link.style}"] += 1
        if "/" in site.href(link).split("#")[0] and site.href(link).startswith(".."):
            reached["link up a folder"] += 1
        elif "/" in site.href(link).split("#")[0]:
            reached["link down a folder"] += 1
    if site.nav_pages:
        reached["nav section"] += 1
    if site.in_nav:
        reached["nav lists every page"] += 1


def test_valid_sites_have_no_finding() -> None:
    @EXAMPLES
    @given(site=sites())
    def prop(reached: Counter[str], site: GenSite) -> None:
        note_links(site, reached)
        target(float(sum(1 for x in site.links if x.anchor)), label="links to headings")
        event(f"{len(site.pages)} pages")
        assert site.check() == []

    run_counting(
        lambda reached: prop(reached),
        {
            "same-page anchor",
            "anchor on another page",
            "page link",
            "style inline",
            "style angle",
            "style reference",
            "link up a folder",
            "link down a folder",
            "nav section",
            "nav lists every page",
        },
    )


def test_renaming_a_heading_breaks_exactly_the_links_to_it() -> None:
    @EXAMPLES
    @given(site=sites(), data=st.data())
    def prop(reached: Counter[str], site: GenSite, data: st.DataObject) -> None:
        linked = sorted({(x.target, x.anchor) for x in site.links if x.anchor})
        if not linked:
            reached["no heading linked"] += 1
            return
        page, anchor = data.draw(st.sampled_from(linked))
        headings = site.pages[page]
        headings[[slug(h) for h in headings].index(anchor)] = "renamed section"
        found = site.check()
        broken = [x for x in site.links if (x.target, x.anchor) == (page, anchor)]
        assert located(found) == sorted(
            (x.page, x.line, x.column, "xref.missing-anchor") for x in broken
        )
        event(f"{len(broken)} link(s) to the renamed heading")
        reached[
            "from the same page" if any(x.page == page for x in broken) else "only from others"
        ] += 1
        reached["several links" if len(broken) > 1 else "one link"] += 1
        reached["via a reference"] += any(x.style == "reference" for x in broken)

    run_counting(
        lambda reached: prop(reached),
        {"from the same page", "only from others", "several links", "one link", "via a reference"},
    )


def test_deleting_a_page_breaks_exactly_the_links_to_it() -> None:
    @EXAMPLES
    @given(site=sites(), data=st.data())
    def prop(reached: Counter[str], site: GenSite, data: st.DataObject) -> None:
        gone = data.draw(st.sampled_from(sorted(site.pages)))
        site.render()  # positions are those of the site before the deletion (same text)
        del site.pages[gone]
        found = site.check()
        kept = [x for x in site.links if x.page != gone]
        want = [(x.page, x.line, x.column, "xref.missing-page") for x in kept if x.target == gone]
        for page in site.nav_pages - {gone}:
            if not any(x.page == page and x.nav and x.target != gone for x in kept):
                want.append((page, site.nav_lines[page], 1, "xref.thin-nav-section"))
                reached["nav section emptied"] += 1
        assert located(found) == sorted(want)
        event(f"{len(want)} finding(s) after deleting {gone}")
        reached["page had inbound links" if want else "page had none"] += 1
        reached["anchor links too"] += any(x.target == gone and x.anchor for x in kept)

    run_counting(
        lambda reached: prop(reached),
        {"page had inbound links", "page had none", "anchor links too", "nav section emptied"},
    )


def test_a_line_inserted_on_top_moves_that_page_s_findings_down_by_one() -> None:
    @EXAMPLES
    @given(
        site=sites(broken=True),
        data=st.data(),
        line=st.sampled_from(["", "Some text on top.", "<!-- a comment -->"]),
    )
    def prop(reached: Counter[str], site: GenSite, data: st.DataObject, line: str) -> None:
        before = site.check()
        page = data.draw(st.sampled_from(sorted(site.pages)))
        site.top[page] = line
        after = site.check()
        moved = [dataclasses.replace(f, line=f.line + 1) if f.file == page else f for f in before]
        assert sorted(after) == sorted(moved)
        own = sum(1 for f in before if f.file == page)
        target(float(own), label="findings moved")
        event("page had findings" if own else "page had no finding")
        reached["findings moved" if own else "nothing to move"] += 1
        reached["other pages had findings"] += any(f.file != page for f in before)

    run_counting(
        lambda reached: prop(reached),
        {"findings moved", "nothing to move", "other pages had findings"},
    )
