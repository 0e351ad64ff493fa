"""Site-wide facts about assessments: which pages hold one, and ids two pages share.

The reader's answers are stored under the assessment id, so two pages with the same id would
share one saved state. Pure; used by the plugin while pages render and by ``careerkit check``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from mkdocs_careerkit.assessments.model import Assessment
from mkdocs_careerkit.assessments.parse import finding
from mkdocs_careerkit.findings import Finding


@dataclasses.dataclass
class SiteAssessments:
    """Assessment ids per page, in the order pages were seen."""

    pages: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    owners: dict[str, str] = dataclasses.field(default_factory=dict)

    def add(self, file: str, assessments: Sequence[Assessment]) -> list[Finding]:
        """Record a page's assessments; findings (lines relative to the body) for reused ids."""
        if not assessments:
            self.pages.pop(file, None)
            return []
        self.pages[file] = tuple(a.id for a in assessments)
        out: list[Finding] = []
        for a in assessments:
            owner = self.owners.setdefault(a.id, file)
            if owner != file:
                out.append(
                    finding(
                        a.line,
                        a.column,
                        "assessment.id-reused",
                        f"assessment id '{a.id}' is also used on page '{owner}': readers' "
                        "saved answers and results of both would be mixed",
                        "give one of them another title, or an 'id:' option in an "
                        "'!!! assessment' block",
                    )
                )
        return out

    def has(self, file: str) -> bool:
        """Whether the page holds at least one assessment."""
        return file in self.pages
