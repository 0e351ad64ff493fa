"""The navigation docs: every navigation-card check and option documented, the example renders."""

from __future__ import annotations

import re

from mkdocs_careerkit.codes import CODES
from mkdocs_careerkit.config import NavCardsConfig
from tests.conftest import EXAMPLE_SITE
from tests.test_navcards import convert, groups

DOCS = EXAMPLE_SITE / "docs" / "careerkit"
PAGE = (DOCS / "navigation.md").read_text(encoding="utf-8")


def test_every_check_is_listed_with_its_default_severity() -> None:
    text = (DOCS / "cross-references.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[2].strip()
        for line in text.splitlines()
        if line.startswith("| `navcards.")
    }
    assert rows == {code: c.severity for code, c in CODES.items() if code.startswith("navcards.")}


def test_every_option_is_documented() -> None:
    documented = set(re.findall(r"^`navcards\.(\w+)` \(default", PAGE, re.M))
    assert documented == {name for name, _ in NavCardsConfig._schema}


def test_the_example_on_the_page_renders_as_it_says() -> None:
    start = PAGE.index("## Navigation Cards")
    example = re.search(r"```markdown\n(.*?)```", PAGE[start:], re.S)
    assert example is not None
    assert groups(convert(example.group(1))) == [
        (
            "Professional Development:",
            [
                (
                    "Mentorship & Sponsorship",
                    "mentorship-sponsorship.md",
                    "Turning strong ties into mentors and sponsors",
                ),
                (
                    "Mentorship & Sponsorship: Sponsorship & Advocacy",
                    "mentorship-sponsorship.md#sponsorship-advocacy",
                    "Who speaks for you when you are not in the room",
                ),
                ("Giving Feedback", "../leadership/giving-feedback.md", ""),
            ],
        )
    ]


def test_the_screenshot_is_on_the_page() -> None:
    assert "](navcards-screenshot.png)" in PAGE
    assert (DOCS / "navcards-screenshot.png").stat().st_size > 10_000
