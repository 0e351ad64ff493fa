"""Generate a deterministic career-guide site for benchmarks and tests.

The pages follow the seed chapter's format (``networking-community-building.md``): front matter
with a title, a description and tags; a ``!!! quote`` epigraph; ``##``/``###`` sections of prose,
bold-label lists and the odd diagram or table; an assessment block (``!!! question`` with content
tabs of ``- [ ]`` statements) on about two pages in three; a "Cross-Reference Navigation" section
linking 4-8 other chapters (same folder, other folders, some to a real ``#anchor``); and a
"Further Reading" list in ``**Author. *Title*.** note`` form.

Layout of ``OUT`` (``--pages N`` counts every page in ``nav``: ``index.md`` plus N-1 chapters)::

    OUT/mkdocs.yml            plugins: [search, careerkit], Material, the example site's extensions
    OUT/docs/index.md
    OUT/docs/<section>/*.md   three sections (folders), chapters spread evenly
    OUT/docs/drafts/*.md      one page under ``draft_docs`` (never linked in a clean site)
    OUT/faults.json           with --faults: the manifest of injected faults

The same arguments always give byte-identical output (one ``random.Random(seed)``, no clock, no
set iteration order).

``--faults`` injects one instance of each fault in :data:`FAULTS`, each in a different chapter,
at a position recorded in ``faults.json`` as ``{"file", "line", "column", "code"}`` — exactly the
finding ``careerkit check --format json`` must report for it, and nothing else.

``--reading`` makes every chapter's "Further Reading" five entries, one in each style careerkit
recognises, drawn from a catalogue of 60 books and articles (the reading-list benchmark: 1,000
pages, five entries each); the rest of the site is byte-for-byte the same.

``--density`` sets how much careerkit material a page carries:

- ``dense`` (the default, the stress case): an assessment on about two pages in three, the
  rest as described above. Its output never changes, so the tests about it stay true.
- ``realistic`` (what real guides look like): an assessment on about one page in twenty;
  every chapter's Further Reading is the five catalogue entries of ``--reading``; about one
  Cross-Reference Navigation group in four is written without the blank line after its bold
  label (as real guides do; careerkit's navigation cards repair it); every page, the home page
  too, has front matter ``tags:`` from :data:`TAGS`, which the generator writes as the tag
  taxonomy ``OUT/taxonomy.yml``; and ``OUT/books.yml`` gives details of a third of the
  catalogue's books. ``mkdocs.yml`` sets ``careerkit: {tags: {taxonomy: taxonomy.yml},
  reading: {books: books.yml}}``, so every careerkit feature is on.

Usage::

    python benchmarks/generate.py OUT --pages 1000 [--seed 1] [--faults] [--reading]
        [--density dense|realistic]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import random
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from markdown.extensions.toc import slugify as toc_slugify

SECTIONS: tuple[tuple[str, str], ...] = (
    ("professional-development", "Professional Development"),
    ("leadership", "Leadership"),
    ("technical-excellence", "Technical Excellence"),
)

MARKDOWN_EXTENSIONS: list[Any] = [
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
    {"pymdownx.tasklist": {"custom_checkbox": True}},
    "attr_list",
    "md_in_html",
    {"toc": {"permalink": True}},
    "tables",
]

THEME: dict[str, Any] = {
    "name": "material",
    "features": [
        "navigation.instant",
        "navigation.sections",
        "navigation.tabs",
        "content.tabs.link",
    ],
}

DRAFT_PAGE = "drafts/upcoming-chapter.md"
ORPHAN_PAGE = "orphaned-notes.md"

# --------------------------------------------------------------------------------------------
# Vocabulary. Fixed lists, so the text reads like a career guide and never depends on the
# environment.

TAGS = (
    "career-development",
    "leadership",
    "mentorship",
    "networking",
    "communication",
    "feedback",
    "technical-excellence",
    "knowledge-sharing",
    "decision-making",
    "influence",
    "collaboration",
    "strategy",
    "learning",
    "productivity",
    "wellbeing",
    "hiring",
    "management",
    "architecture",
    "community-building",
    "industry-engagement",
)

QUALIFIERS = (
    "Strategic",
    "Effective",
    "Sustainable",
    "Authentic",
    "Deliberate",
    "Inclusive",
    "Practical",
    "Advanced",
    "Modern",
    "Resilient",
    "Collaborative",
    "Intentional",
    "Scalable",
    "Everyday",
    "Remote",
    "Cross-Functional",
    "Long-term",
    "Early-Career",
    "Senior",
    "Principled",
    "Data-Informed",
    "Human-Centred",
    "Hands-on",
    "Structured",
    "Adaptive",
    "Transparent",
    "Focused",
    "Empathetic",
    "Pragmatic",
    "Thoughtful",
)

TOPICS = (
    "Mentorship",
    "Sponsorship",
    "Networking",
    "Feedback",
    "Delegation",
    "Decision Making",
    "Technical Writing",
    "Code Review",
    "Career Planning",
    "Goal Setting",
    "Public Speaking",
    "Negotiation",
    "Conflict Resolution",
    "Stakeholder Management",
    "Team Building",
    "Hiring",
    "Onboarding",
    "Coaching",
    "Time Management",
    "Prioritisation",
    "System Design",
    "Incident Response",
    "Architecture Reviews",
    "Estimation",
    "Roadmapping",
    "Product Thinking",
    "Knowledge Sharing",
    "Community Building",
    "Open Source Contribution",
    "Learning Habits",
    "Deep Work",
    "Burnout Prevention",
    "Meeting Facilitation",
    "Influence",
    "Change Management",
    "Performance Reviews",
    "Promotion Readiness",
    "Personal Branding",
    "Technical Strategy",
    "Quality Engineering",
)

AUDIENCES = (
    "Engineers",
    "Team Leads",
    "Staff Engineers",
    "New Managers",
    "Architects",
    "Researchers",
    "Product Teams",
    "Remote Teams",
    "Consultants",
    "Career Changers",
    "Platform Teams",
    "Open Source Maintainers",
)

H2_HEADINGS = (
    "Why It Matters",
    "Core Principles",
    "Building the Habit",
    "Common Pitfalls",
    "Working With Others",
    "Measuring Progress",
    "Growing Over Time",
    "Getting Started",
    "Practical Techniques",
    "Long-term Impact",
    "Organisational Context",
    "Tools and Practices",
    "Leading by Example",
    "When Things Go Wrong",
    "Scaling Up",
)

H3_HEADINGS = (
    "Beyond the Basics",
    "Strong and Weak Signals",
    "A Value-First Approach",
    "The Relationship Process",
    "Digital Tools",
    "Choosing Where to Invest",
    "Participation Strategies",
    "Learning Networks",
    "Sponsorship and Advocacy",
    "Content Strategy",
    "Event Preparation",
    "Quality Metrics",
    "Regular Check-ins",
    "Sustainable Engagement",
    "Setting Boundaries",
    "First Ninety Days",
    "Feedback Loops",
    "Asking Good Questions",
    "Writing It Down",
    "Small Experiments",
    "Reflection Practices",
    "Peer Support",
    "Handling Setbacks",
    "Making It Visible",
    "Teaching Others",
)

LABELS = (
    "Knowledge Networks",
    "Collaboration",
    "Influence",
    "Support",
    "Preparation",
    "Follow-up",
    "Active Listening",
    "Reciprocity",
    "Visibility",
    "Consistency",
    "Curiosity",
    "Documentation",
    "Ownership",
    "Clarity",
    "Trust",
    "Timing",
    "Context",
    "Scope",
    "Momentum",
    "Recognition",
)

SUBJECTS = (
    "Technical leaders",
    "Experienced engineers",
    "Effective mentors",
    "Strong teams",
    "Senior practitioners",
    "Thoughtful managers",
    "Most professionals",
    "Healthy organisations",
    "Good sponsors",
    "Successful peers",
    "New leaders",
    "Curious learners",
)

VERBS = (
    "build",
    "strengthen",
    "maintain",
    "review",
    "share",
    "invest in",
    "document",
    "protect",
    "grow",
    "balance",
    "revisit",
    "measure",
    "prioritise",
    "question",
    "celebrate",
)

OBJECTS = (
    "authentic relationships",
    "clear expectations",
    "regular feedback",
    "learning goals",
    "shared context",
    "honest conversations",
    "a diverse network",
    "written decisions",
    "team knowledge",
    "trust across boundaries",
    "sustainable routines",
    "visible outcomes",
    "their career narrative",
    "small experiments",
    "community contributions",
)

MODIFIERS = (
    "over months rather than weeks",
    "before they need it",
    "with deliberate practice",
    "through small, consistent steps",
    "across teams and companies",
    "without waiting for permission",
    "as part of their weekly routine",
    "when the stakes are still low",
    "by asking better questions",
    "alongside their day-to-day work",
    "in public whenever possible",
    "with a clear sense of purpose",
)

OPENERS = (
    "In practice,",
    "Over time,",
    "At every level,",
    "Most of all,",
    "Early on,",
    "As responsibilities grow,",
    "In distributed teams,",
    "During busy periods,",
)

SURNAMES = (
    "Grant",
    "Granovetter",
    "Cross",
    "Ibarra",
    "Casciaro",
    "Larson",
    "Fournier",
    "Reilly",
    "Newport",
    "Dweck",
    "Scott",
    "Edmondson",
    "Lencioni",
    "Kim",
    "Forsgren",
    "Hewlett",
    "Heath",
    "Duhigg",
    "Clear",
    "Pink",
)

FIRST_NAMES = (
    "Adam",
    "Mark",
    "Rob",
    "Herminia",
    "Tiziana",
    "Will",
    "Camille",
    "Tanya",
    "Cal",
    "Carol",
    "Kim",
    "Amy",
    "Patrick",
    "Gene",
    "Nicole",
    "Sylvia",
    "Chip",
    "Charles",
    "James",
    "Daniel",
)

BOOK_WORDS = (
    "Working Identity",
    "The Hidden Power",
    "Radical Candor",
    "The Fearless Organization",
    "Give and Take",
    "Deep Work",
    "Mindset",
    "Accelerate",
    "Atomic Habits",
    "The Manager's Path",
    "Staff Engineer",
    "Drive",
    "Switch",
    "Forget a Mentor",
    "The Five Dysfunctions",
)

BOOK_SUBTITLES = (
    "Why Helping Others Drives Our Success",
    "Strategies for Growing Your Career",
    "Leadership Beyond the Management Track",
    "Creating Psychological Safety at Work",
    "How Networks Drive Organisational Success",
    "Rules for Focused Success in a Distracted World",
    "The Science of Lean Software and DevOps",
    "Reinventing Your Career on Purpose",
)

ASSESSMENT_TABS = (
    "Self-Awareness",
    "Relationships",
    "Practice",
    "Impact",
    "Growth",
    "Community Engagement",
    "Value Creation",
    "Consistency",
)

STATEMENTS = (
    "I set aside regular time for this",
    "I ask for feedback and act on it",
    "I can explain my approach to a colleague",
    "I help others in my team improve here",
    "I track my progress against clear goals",
    "I adapt my approach when circumstances change",
    "I share what I learn with the wider community",
    "Others seek my advice on this topic",
    "I recognise when I need support",
    "I reflect on what went well and what did not",
    "I have concrete examples of recent impact",
    "My manager and peers see my growth here",
    "I make time for this even in busy weeks",
    "I know which habits help me most",
    "I can name the people I learn from",
    "I follow up on commitments I make",
    "I write down what I decide and why",
    "I notice early when things drift",
    "I ask questions before offering answers",
    "I celebrate progress, mine and others'",
    "I say no to work that does not fit my goals",
    "I seek out perspectives unlike my own",
    "I keep my skills current in this area",
    "I review this area at least once a quarter",
)

QUOTES = (
    ("If you want to go fast, go alone. If you want to go far, go together.", "African Proverb"),
    ("The best way to learn is to teach.", "Frank Oppenheimer"),
    ("What gets measured gets managed.", "Peter Drucker"),
    ("Culture eats strategy for breakfast.", "Peter Drucker"),
    ("Feedback is the breakfast of champions.", "Ken Blanchard"),
    ("The only way to do great work is to love what you do.", "Steve Jobs"),
)


# --------------------------------------------------------------------------------------------
# Faults.


@dataclasses.dataclass(frozen=True)
class Fault:
    """One injected fault: how to write it and the finding careerkit must report."""

    name: str
    code: str
    meaning: str


FAULTS: tuple[Fault, ...] = (
    Fault("missing-page", "xref.missing-page", "link to a page that does not exist"),
    Fault("wrong-case", "xref.case-mismatch", "link whose letter case differs from the file"),
    Fault("missing-anchor", "xref.missing-anchor", "link to a heading the other page lacks"),
    Fault("missing-local-anchor", "xref.missing-anchor", "'#anchor' missing on the same page"),
    Fault("too-deep", "xref.outside-docs", "'../' climbing above docs_dir"),
    Fault("missing-reference", "xref.missing-reference", "'[text][label]' with no definition"),
    Fault("draft-link", "xref.unpublished-page", "link to the page under draft_docs"),
    Fault("folder-link", "xref.missing-page", "link to a folder instead of a page"),
    Fault(
        "absolute-link", "xref.absolute-md-link", "'/section/page.md' instead of a relative link"
    ),
    Fault("html-link", "xref.html-link", "link to 'page.html' where 'page.md' exists"),
    Fault("malformed-url", "xref.malformed-url", "'https:/host' (one slash)"),
    Fault("thin-nav", "xref.thin-nav-section", "Cross-Reference Navigation without any link"),
    Fault("bad-front-matter", "page.bad-front-matter", "front matter that is not valid YAML"),
    Fault("orphan-page", "xref.orphan-page", "an extra page outside nav that no page links to"),
)


# --------------------------------------------------------------------------------------------
# Planning: every page's path, title and headings first, so links can point at real anchors.


@dataclasses.dataclass
class PagePlan:
    path: str  # docs-relative, e.g. "leadership/strategic-feedback.md"
    section: int
    title: str
    h2: list[str]
    h3: list[list[str]]  # per h2
    has_assessment: bool
    assessment_at: int  # index of the h2 that holds the assessment

    @property
    def anchors(self) -> list[str]:
        """Ids of the ## and ### headings (all distinct by construction)."""
        return [slug(t) for t in self.h2] + [slug(t) for sub in self.h3 for t in sub]


def slug(text: str) -> str:
    """The id Python-Markdown's toc extension gives a heading (default slugify)."""
    return str(toc_slugify(text, "-"))


def _title(rng: random.Random, used: set[str]) -> str:
    for _ in range(1000):
        title = f"{rng.choice(QUALIFIERS)} {rng.choice(TOPICS)}"
        if title in used or slug(title) in used:
            title += f" for {rng.choice(AUDIENCES)}"
        if title not in used and slug(title) not in used:
            used.update((title, slug(title)))
            return title
    n = len(used)  # 14,400 combinations; beyond that, number them
    title = f"{rng.choice(QUALIFIERS)} {rng.choice(TOPICS)} {n}"
    used.update((title, slug(title)))
    return title


def plan_site(pages: int, rng: random.Random, assessment_share: float = 2 / 3) -> list[PagePlan]:
    """Plans for the ``pages - 1`` chapters (the home page is written separately); about
    ``assessment_share`` of them hold an assessment."""
    used: set[str] = set()
    plans: list[PagePlan] = []
    for i in range(pages - 1):
        section = i % len(SECTIONS)
        title = _title(rng, used)
        n_h2 = rng.randint(4, 6)
        h2 = rng.sample(H2_HEADINGS, n_h2)
        h3_pool = rng.sample(H3_HEADINGS, len(H3_HEADINGS))
        h3: list[list[str]] = []
        for _ in h2:
            k = rng.randint(1, 3)
            h3.append(h3_pool[:k])
            h3_pool = h3_pool[k:]
        has_assessment = rng.random() < assessment_share
        plans.append(
            PagePlan(
                f"{SECTIONS[section][0]}/{slug(title)}.md",
                section,
                title,
                h2,
                h3,
                has_assessment,
                rng.randrange(len(h2)),
            )
        )
    return plans


# --------------------------------------------------------------------------------------------
# Writing pages.


def _sentence(rng: random.Random) -> str:
    body = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    body += f" {rng.choice(MODIFIERS)}."
    if rng.random() < 0.3:
        opener = rng.choice(OPENERS)
        body = f"{opener} {body[0].lower()}{body[1:]}"
    return body


def _paragraph(rng: random.Random, lo: int = 2, hi: int = 4) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(lo, hi)))


def rel_link(from_page: str, to_page: str) -> str:
    """Relative link between two docs pages, the way authors write it (``../x/y.md``)."""
    from_dir = from_page.split("/")[:-1]
    to_parts = to_page.split("/")
    common = 0
    while common < len(from_dir) and common < len(to_parts) - 1:
        if from_dir[common] != to_parts[common]:
            break
        common += 1
    return "/".join([".."] * (len(from_dir) - common) + to_parts[common:])


def _mermaid(rng: random.Random, title: str) -> list[str]:
    nodes = rng.sample(LABELS, 4)
    lines = ["```mermaid", "graph TD"]
    lines.append(f"    A[{title}] --> B[{nodes[0]}]")
    lines.append(f"    A --> C[{nodes[1]}]")
    lines.append(f"    B --> |grows| D[{nodes[2]}]")
    lines.append(f"    C --> |supports| E[{nodes[3]}]")
    lines.append("    style A fill:#e1f5fe,stroke:#1976d2,stroke-width:3px")
    lines.append("```")
    return lines


def _table(rng: random.Random) -> list[str]:
    rows = ["| Practice | Frequency | Benefit |", "| --- | --- | --- |"]
    for label in rng.sample(LABELS, 3):
        freq = rng.choice(("Weekly", "Monthly", "Quarterly", "Daily"))
        rows.append(f"| {label} | {freq} | {rng.choice(OBJECTS).capitalize()} |")
    return rows


def _assessment(rng: random.Random, title: str) -> list[str]:
    """An assessment block in the seed chapter's exact shape."""
    lines = [
        f'!!! question "{title} Assessment"',
        "    **Evaluate your effectiveness (1=Needs Improvement, 5=Excellent):**",
        "",
    ]
    statements = rng.sample(STATEMENTS, 12)  # distinct, like the seed's twelve
    for t, tab in enumerate(rng.sample(ASSESSMENT_TABS, 3)):
        if t:
            lines.append("")
        lines.append(f'    === "{tab}"')
        for statement in statements[4 * t : 4 * t + 4]:
            lines.append(f"        - [ ] {statement}")
    return lines


def _reading(rng: random.Random) -> list[str]:
    lines = []
    for _ in range(rng.randint(3, 5)):
        # The same draws as before, so the rest of the site is unchanged; but each title is
        # always written with one author and one subtitle, as careerkit's reading list
        # expects of a clean guide (two spellings of one book are a warning).
        rng.choice(SURNAMES), rng.choice(FIRST_NAMES)
        book = rng.choice(BOOK_WORDS)
        if rng.random() < 0.6:
            rng.choice(BOOK_SUBTITLES)
        n = BOOK_WORDS.index(book)
        author = f"{SURNAMES[n % len(SURNAMES)]}, {FIRST_NAMES[n % len(FIRST_NAMES)]}"
        if n % 5 < 3:
            book += f": {BOOK_SUBTITLES[n % len(BOOK_SUBTITLES)]}"
        note = _sentence(rng)
        lines.append(f"*   **{author}. *{book}*.** {note}")
    return lines


JOURNALS = ("Datamation", "Harvard Business Review", "IEEE Software", "Queue", "Sloan Review")
_PARTS = ("", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X", " XI", " XII")
# --reading: a catalogue of 5 × 12 books and articles, each always written the same way in one
# of the five styles careerkit recognises; every chapter cites five of them, one per style.
READING_STYLES = ("bold", "cite", "cite-note", "by", "article")
READING_CATALOGUE = 5 * len(_PARTS)


def _catalogue_entry(i: int, note: str) -> str:
    """Book ``i`` of the catalogue as a list item, in its style (``i % 5``), with ``note``."""
    title = BOOK_WORDS[i % len(BOOK_WORDS)] + _PARTS[i // len(BOOK_WORDS) % len(_PARTS)]
    surname, first = SURNAMES[i % len(SURNAMES)], FIRST_NAMES[(i * 7) % len(FIRST_NAMES)]
    other = f"{FIRST_NAMES[(i * 7 + 5) % len(FIRST_NAMES)]} {SURNAMES[(i + 3) % len(SURNAMES)]}"
    year = 1990 + i % 33
    subtitle = BOOK_SUBTITLES[i % len(BOOK_SUBTITLES)]
    style = READING_STYLES[i % 5]
    if style == "bold":
        return f"- **{surname}, {first}. *{title}: {subtitle}*.** {note}"
    if style == "cite":
        return f"- {surname}, {first}, and {other}. _{title}_. {year}."
    if style == "cite-note":
        return f"- {surname}, {first}. _{title}: {subtitle}_. {year}. ({note.rstrip('.')})"
    if style == "by":
        return f"- _{title}_ by {first} {surname} & {other} - {note}"
    journal = JOURNALS[i % len(JOURNALS)]
    issue = f"{i % 30 + 1}, no. {i % 4 + 1} ({year}): 28-31."
    return f'- {surname}, {first}. "{title}?" _{journal}_ {issue}'


def _reading_five(seed: int, index: int) -> list[str]:
    """Five catalogue entries, one per style, with notes of this chapter's own."""
    rng = random.Random(f"reading-{seed}-{index}")
    per_style = READING_CATALOGUE // 5
    return [
        _catalogue_entry(style + 5 * rng.randrange(per_style), _sentence(rng)) for style in range(5)
    ]


# --density realistic: the tag taxonomy and the books data file the generated site points at.
DENSITIES = ("dense", "realistic")
ASSESSMENT_SHARE = {"dense": 2 / 3, "realistic": 1 / 20}
TAXONOMY_FILE = "taxonomy.yml"
BOOKS_FILE = "books.yml"
TAG_GROUPS = ("Growing your career", "Working with others", "Leading and deciding")
PUBLISHERS = ("O'Reilly Media", "Penguin", "Harper Business", "IT Revolution", "Portfolio")
BEST_FOR = ("new manager", "tech lead", "senior engineer", "staff engineer", "career changer")


def taxonomy() -> dict[str, Any]:
    """The tag taxonomy (careerkit's format): every tag of :data:`TAGS`, grouped and described."""
    return {
        "tags": {
            tag: {
                "description": f"Chapters about {tag.replace('-', ' ')}.",
                "group": TAG_GROUPS[i % len(TAG_GROUPS)],
            }
            for i, tag in enumerate(TAGS)
        }
    }


def _isbn13(n: int) -> str:
    """A valid ISBN-13 (978 prefix, correct check digit) made from ``n``."""
    digits = f"978{n % 10**9:09d}"
    total = sum(int(d) * (1 if k % 2 == 0 else 3) for k, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def books_data() -> dict[str, Any]:
    """The books data file (careerkit's format): a third of the catalogue's books (no articles),
    each with the title and authors exactly as the chapters cite it, so they match."""
    books: dict[str, Any] = {}
    for i in range(0, READING_CATALOGUE, 3):
        style = READING_STYLES[i % 5]
        if style == "article":
            continue
        title = BOOK_WORDS[i % len(BOOK_WORDS)] + _PARTS[i // len(BOOK_WORDS) % len(_PARTS)]
        if style in ("bold", "cite-note"):
            title += f": {BOOK_SUBTITLES[i % len(BOOK_SUBTITLES)]}"
        surname, first = SURNAMES[i % len(SURNAMES)], FIRST_NAMES[(i * 7) % len(FIRST_NAMES)]
        authors = [f"{first} {surname}"]
        if style in ("cite", "by"):
            authors.append(
                f"{FIRST_NAMES[(i * 7 + 5) % len(FIRST_NAMES)]} {SURNAMES[(i + 3) % len(SURNAMES)]}"
            )
        books[f"{slug(title.split(':')[0])}-{i}"] = {
            "title": title,
            "authors": authors,
            "year": 1990 + i % 33,
            "publisher": PUBLISHERS[i % len(PUBLISHERS)],
            "isbn": _isbn13(100003 * (i + 1)),
            "best_for": [BEST_FOR[i % len(BEST_FOR)]],
        }
    return books


def _front_matter(rng: random.Random, title: str) -> list[str]:
    tags = rng.sample(TAGS, rng.randint(3, 7))
    lines = ["---", f"title: {title}", f"description: {_sentence(rng)}", "tags:"]
    lines += [f"  - {t}" for t in tags]
    lines.append("---")
    return lines


def _targets(
    rng: random.Random, plan: PagePlan, plans: list[PagePlan], index: int
) -> list[tuple[PagePlan, str]]:
    """4-8 other chapters, about half in the same section, a third of them to an anchor."""
    n = rng.randint(4, 8)
    chosen: list[tuple[PagePlan, str]] = []
    seen = {index}
    same = [j for j in range(plan.section, len(plans), len(SECTIONS))]
    # A neighbour first, so every chapter has an inbound link even if nav were missing.
    neighbours = [j for j in (index + len(SECTIONS), index - len(SECTIONS)) if 0 <= j < len(plans)]
    if neighbours:
        j = neighbours[0]
        seen.add(j)
        chosen.append((plans[j], ""))
    while len(chosen) < n and len(seen) < len(plans):
        pool = same if rng.random() < 0.5 and len(same) > 1 else None
        j = rng.choice(pool) if pool else rng.randrange(len(plans))
        if j in seen:
            continue
        seen.add(j)
        anchor = rng.choice(plans[j].anchors) if rng.random() < 1 / 3 else ""
        chosen.append((plans[j], anchor))
    return chosen


def write_page(
    rng: random.Random,
    plan: PagePlan,
    plans: list[PagePlan],
    index: int,
    reading: int | None = None,
    swallow: random.Random | None = None,
) -> list[str]:
    """The lines of one chapter (no trailing newline); with ``reading`` (the seed), the
    Further Reading list is five entries of the catalogue, one in each style; with ``swallow``
    (the realistic density), about one Cross-Reference Navigation group in four has no blank
    line after its label, drawn from that generator so the page's other draws stay the same."""
    lines = [*_front_matter(rng, plan.title), "", f"# {plan.title}", ""]
    quote, who = rng.choice(QUOTES)
    lines += [f'!!! quote "{plan.title} in Practice"', f'    *"{quote}"*', "", f"    **— {who}**"]
    lines += ["", _paragraph(rng, 3, 4), ""]
    targets = _targets(rng, plan, plans, index)
    inline_target = targets[-1] if rng.random() < 0.5 else None
    for h, (h2, subs) in enumerate(zip(plan.h2, plan.h3, strict=True)):
        lines += [f"## {h2}", ""]
        for s, h3 in enumerate(subs):
            lines += [f"### {h3}", "", _paragraph(rng), ""]
            kind = rng.random()
            if kind < 0.55:
                lines.append(f"{rng.choice(SUBJECTS)} focus on a few things:")
                lines.append("")
                for label in rng.sample(LABELS, rng.randint(3, 5)):
                    lines.append(f"**{label}**: {_sentence(rng)}")
                lines.append("")
            elif kind < 0.85:
                for _ in range(rng.randint(3, 4)):
                    lines.append(f"- {_sentence(rng)}")
                lines.append("")
            elif kind < 0.93:
                lines += [*_mermaid(rng, plan.title), ""]
            else:
                lines += [*_table(rng), ""]
            if inline_target is not None and h == 0 and s == 0:
                other, anchor = inline_target
                href = rel_link(plan.path, other.path) + (f"#{anchor}" if anchor else "")
                lines += [f"For a related view, see [{other.title}]({href}).", ""]
            if h == len(plan.h2) - 1 and s == 0 and rng.random() < 0.3:
                back = slug(plan.h2[0])
                lines += [f"This builds on [{plan.h2[0]}](#{back}) above.", ""]
        if plan.has_assessment and h == plan.assessment_at:
            lines += [f"### {plan.title} Self-Assessment", ""]
            lines += [*_assessment(rng, plan.title), ""]
    lines += ["## Cross-Reference Navigation", ""]
    groups: dict[int, list[tuple[PagePlan, str]]] = {}
    for other, anchor in targets:
        groups.setdefault(other.section, []).append((other, anchor))
    for section in sorted(groups):
        # A blank line after the label: without it Python-Markdown renders the list as text
        # (the seed's own fault, reported as markdown.swallowed-list).
        tight = swallow is not None and swallow.random() < 1 / 4
        lines += [f"**{SECTIONS[section][1]}:**"] if tight else [f"**{SECTIONS[section][1]}:**", ""]
        for other, anchor in groups[section]:
            href = rel_link(plan.path, other.path) + (f"#{anchor}" if anchor else "")
            lines.append(f"- **[{other.title}]({href})** - {_sentence(rng)}")
        lines.append("")
    lines += ["## Further Reading", "", f"This chapter draws on research about {plan.title}:", ""]
    default = _reading(rng)  # drawn either way, so the rest of the site stays the same
    lines += default if reading is None else _reading_five(reading, index)
    return lines


def write_home(plans: list[PagePlan], pages: int, seed: int, tags: bool = False) -> list[str]:
    lines = [
        "---",
        "title: Generated Career Guide",
        "description: A generated career guide for careerkit benchmarks.",
        *(["tags:", f"  - {TAGS[0]}", f"  - {TAGS[1]}"] if tags else []),
        "---",
        "",
        "# Generated Career Guide",
        "",
        f"This guide was generated by `benchmarks/generate.py` ({pages} pages, seed {seed}).",
        "",
    ]
    for s, (_folder, name) in enumerate(SECTIONS):
        first = [p for p in plans if p.section == s][:3]
        if not first:
            continue
        lines += [f"## {name}", ""]
        lines += [f"- [{p.title}]({p.path})" for p in first]
        lines.append("")
    return lines


def write_draft(tags: bool = False) -> list[str]:
    return [
        "---",
        "title: Upcoming Chapter",
        *(
            ["description: A chapter still being written.", "tags:", f"  - {TAGS[0]}"]
            if tags
            else []
        ),
        "---",
        "",
        "# Upcoming Chapter",
        "",
        "This chapter is a draft and is not published.",
    ]


def site_config(
    plans: list[PagePlan], pages: int, seed: int, careerkit: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The careerkit variant's ``mkdocs.yml`` (benchmarks/run.py derives the others from it);
    ``careerkit``: the plugin's options, if any."""
    nav: list[Any] = [{"Home": "index.md"}]
    for s, (_folder, name) in enumerate(SECTIONS):
        nav.append({name: [{p.title: p.path} for p in plans if p.section == s]})
    return {
        "site_name": f"Generated Career Guide ({pages} pages, seed {seed})",
        "docs_dir": "docs",
        "theme": THEME,
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "draft_docs": "drafts/",
        "plugins": ["search", {"careerkit": careerkit} if careerkit else "careerkit"],
        "nav": nav,
    }


# --------------------------------------------------------------------------------------------
# Fault injection. Each injector edits one chapter's lines and returns the fault's line and
# column (1-based, in the whole file), or writes an extra file.


@dataclasses.dataclass
class Site:
    plans: list[PagePlan]
    texts: dict[str, list[str]]  # docs path -> lines
    nav_exclude: set[str] = dataclasses.field(default_factory=set)


def _section_end(lines: list[str], heading: str) -> int:
    """Index of the first line after the list that follows ``heading``'s last list item."""
    start = lines.index(heading)
    i = start + 1
    while i < len(lines) and not lines[i].startswith("## "):
        i += 1
    while lines[i - 1] == "":
        i -= 1
    return i


def _add_nav_link(lines: list[str], text: str) -> tuple[int, int]:
    at = _section_end(lines, "## Cross-Reference Navigation")
    lines.insert(at, text)
    return at + 1, text.index("[") + 1


def _other(site: Site, plan: PagePlan, same_section: bool) -> PagePlan:
    for other in site.plans:
        if other is not plan and (other.section == plan.section) == same_section:
            return other
    raise ValueError("the site is too small to inject faults")


def _fault_positions(site: Site, plan: PagePlan, fault: Fault) -> tuple[str, int, int]:
    lines = site.texts[plan.path]
    same = _other(site, plan, same_section=True)
    far = _other(site, plan, same_section=False)
    name = fault.name
    if name == "missing-page":
        href = rel_link(plan.path, f"{SECTIONS[far.section][0]}/no-such-chapter.md")
        return (plan.path, *_add_nav_link(lines, f"- **[Missing Chapter]({href})** - gone"))
    if name == "wrong-case":
        wrong = rel_link(plan.path, same.path)
        wrong = wrong[0].upper() + wrong[1:]
        return (plan.path, *_add_nav_link(lines, f"- **[{same.title}]({wrong})** - wrong case"))
    if name == "missing-anchor":
        href = rel_link(plan.path, far.path) + "#no-such-heading"
        return (plan.path, *_add_nav_link(lines, f"- **[{far.title}]({href})** - bad anchor"))
    if name == "missing-local-anchor":
        return (plan.path, *_add_nav_link(lines, "- **[Above](#no-such-section)** - bad anchor"))
    if name == "too-deep":
        href = "../../" + far.path
        return (plan.path, *_add_nav_link(lines, f"- **[{far.title}]({href})** - too deep"))
    if name == "missing-reference":
        text = f"- **[{same.title}][undefined-label]** - no definition"
        return (plan.path, *_add_nav_link(lines, text))
    if name == "draft-link":
        href = rel_link(plan.path, DRAFT_PAGE)
        return (plan.path, *_add_nav_link(lines, f"- **[Upcoming Chapter]({href})** - a draft"))
    if name == "folder-link":
        href = rel_link(plan.path, SECTIONS[far.section][0]) + "/"
        # A folder with an index.md is reported as "points at a folder"; ours have none, so
        # the link is simply to a missing file - still xref.missing-page.
        return (plan.path, *_add_nav_link(lines, f"- **[{SECTIONS[far.section][1]}]({href})**"))
    if name == "absolute-link":
        href = "/" + far.path
        return (plan.path, *_add_nav_link(lines, f"- **[{far.title}]({href})** - absolute"))
    if name == "html-link":
        href = rel_link(plan.path, same.path)[: -len(".md")] + ".html"
        return (plan.path, *_add_nav_link(lines, f"- **[{same.title}]({href})** - html"))
    if name == "malformed-url":
        return (
            plan.path,
            *_add_nav_link(lines, "- **[Community Forum](https:/forum.example.org)** - typo"),
        )
    if name == "thin-nav":
        start = lines.index("## Cross-Reference Navigation")
        end = _section_end(lines, "## Cross-Reference Navigation")
        lines[start + 2 : end] = ["Links to related chapters will follow."]
        return (plan.path, start + 1, 1)
    if name == "bad-front-matter":
        i = next(k for k, line in enumerate(lines) if line.startswith("title: "))
        lines[i] = f"title: {plan.title}: a chapter"  # a second ': ' is not valid YAML
        return (plan.path, i + 1, 1)
    if name == "orphan-page":
        site.texts[ORPHAN_PAGE] = [
            "# Orphaned Notes",
            "",
            "Nothing links here and nav does not list this page.",
        ]
        site.nav_exclude.add(ORPHAN_PAGE)
        return (ORPHAN_PAGE, 1, 1)
    raise ValueError(f"unknown fault {name!r}")


def inject_faults(site: Site, rng: random.Random) -> list[dict[str, Any]]:
    """Inject every fault in :data:`FAULTS` into a different chapter; the manifest entries."""
    if len(site.plans) < len(FAULTS) + 2:
        raise ValueError(f"--faults needs at least {len(FAULTS) + 3} pages")
    victims = rng.sample(range(len(site.plans)), len(FAULTS))
    manifest = []
    for fault, v in zip(FAULTS, victims, strict=True):
        file, line, column = _fault_positions(site, site.plans[v], fault)
        manifest.append(
            {
                "fault": fault.name,
                "file": file,
                "line": line,
                "column": column,
                "code": fault.code,
                "meaning": fault.meaning,
            }
        )
    return sorted(manifest, key=lambda m: (m["file"], m["line"], m["column"], m["code"]))


# --------------------------------------------------------------------------------------------


def generate(
    out: Path,
    pages: int,
    *,
    seed: int = 1,
    faults: bool = False,
    reading: bool = False,
    density: str = "dense",
) -> dict[str, Any]:
    """Write the site into ``out`` (replacing ``out/docs``); return a summary.

    Args:
        out: Directory to write ``mkdocs.yml``, ``docs/`` and, with faults, ``faults.json``.
        pages: Pages in ``nav``: the home page plus ``pages - 1`` chapters (at least 2).
        seed: Seed of the one random generator; same arguments, same bytes.
        faults: Inject one of each :data:`FAULTS`, recorded in ``faults.json``.
        reading: The reading-list variant: every chapter's Further Reading is five entries,
            one in each recognised style, from a catalogue of :data:`READING_CATALOGUE` books
            and articles each written the same way wherever it is cited (so the guide's
            reading list merges them, with no warning).
        density: ``"dense"`` (the stress case, the default) or ``"realistic"`` (see the
            module's docstring; implies ``reading``, writes ``taxonomy.yml`` and ``books.yml``).

    Returns:
        ``{"pages", "chapters", "with_assessment", "without_assessment", "assessment_pages",
        "reading_pages", "faults", "density", "tight_nav_groups"}`` (``assessment_pages``: docs
        paths of the pages with an assessment block; ``reading_pages``: of those with a Further
        Reading list, every chapter; ``tight_nav_groups``: navigation groups written without a
        blank line after the label).
    """
    if pages < 2:
        raise ValueError("pages must be at least 2")
    if density not in DENSITIES:
        raise ValueError(f"density must be one of {', '.join(DENSITIES)}, not {density!r}")
    realistic = density == "realistic"
    reading = reading or realistic
    rng = random.Random(seed)
    plans = plan_site(pages, rng, ASSESSMENT_SHARE[density])
    site = Site(plans, {})
    swallow = random.Random(f"swallow-{seed}") if realistic else None
    for i, plan in enumerate(plans):
        site.texts[plan.path] = write_page(rng, plan, plans, i, seed if reading else None, swallow)
    site.texts["index.md"] = write_home(plans, pages, seed, tags=realistic)
    site.texts[DRAFT_PAGE] = write_draft(tags=realistic)
    manifest = inject_faults(site, random.Random(f"faults-{seed}")) if faults else []
    if realistic and ORPHAN_PAGE in site.texts:
        # Realistic pages all carry the front matter the tag checks require; the orphan is
        # there to be an orphan, not a page without tags (its finding stays at line 1).
        site.texts[ORPHAN_PAGE][:0] = [
            "---",
            "title: Orphaned Notes",
            "description: Notes nothing links to.",
            "tags:",
            f"  - {TAGS[0]}",
            "---",
            "",
        ]

    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    for path in sorted(site.texts):
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(site.texts[path]) + "\n", encoding="utf-8", newline="\n")
    careerkit: dict[str, Any] = {}
    for name, data in ((TAXONOMY_FILE, taxonomy()), (BOOKS_FILE, books_data())):
        if realistic:
            write_yaml(out / name, data)
        elif (out / name).exists():
            (out / name).unlink()
    if realistic:
        careerkit = {"tags": {"taxonomy": TAXONOMY_FILE}, "reading": {"books": BOOKS_FILE}}
    config = site_config(plans, pages, seed, careerkit)
    write_yaml(out / "mkdocs.yml", config)
    manifest_path = out / "faults.json"
    if faults:
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    elif manifest_path.exists():
        manifest_path.unlink()
    with_assessment = sum(p.has_assessment for p in plans)
    return {
        "pages": pages,
        "chapters": len(plans),
        "with_assessment": with_assessment,
        "without_assessment": pages - with_assessment,  # the home page has none either
        "assessment_pages": [p.path for p in plans if p.has_assessment],
        "reading_pages": [p.path for p in plans],
        "faults": manifest,
        "density": density,
        "tight_nav_groups": sum(
            1
            for text in site.texts.values()
            for a, b in itertools.pairwise(text)
            if a.startswith("**") and a.endswith(":**") and b.startswith("- **[")
        ),
    }


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None, *, echo: Callable[[str], Any] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write the site into")
    parser.add_argument("--pages", type=int, default=100, help="pages in nav (default: 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--faults", action="store_true", help="inject the known faults")
    parser.add_argument(
        "--reading",
        action="store_true",
        help="five Further Reading entries per chapter, one in each recognised style",
    )
    parser.add_argument(
        "--density",
        choices=DENSITIES,
        default="dense",
        help="dense (default, the stress case: an assessment on two pages in three) or "
        "realistic (one in twenty, tags from a taxonomy, a books data file)",
    )
    args = parser.parse_args(argv)
    try:
        info = generate(
            args.out,
            args.pages,
            seed=args.seed,
            faults=args.faults,
            reading=args.reading,
            density=args.density,
        )
    except ValueError as e:
        parser.error(str(e))
    echo(
        f"{args.out}: {info['pages']} pages ({info['with_assessment']} with an assessment), "
        f"{len(info['faults'])} faults"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
