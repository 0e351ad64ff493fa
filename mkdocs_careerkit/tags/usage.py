"""Which tags a site uses, which look like near-duplicates, and the taxonomy that would accept
them all: ``careerkit tags report`` and ``careerkit tags init``. Pure.

Near-duplicates are found with the standard library: the same words in another case or with
other separators, a plural ``s``, one tag starting with another of five letters or more
(``network`` / ``networking``), one tag's words contained in another's
(``leadership`` / ``technical-leadership``), or a close spelling (difflib ratio ≥ 0.85). Guide
vocabularies have hundreds of tags, not millions, so difflib's speed is no concern, and the
word-containment rule finds what edit distance misses.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from mkdocs_careerkit.tags.taxonomy import fold

_WORDS_RE = re.compile(r"[\s_\-/]+")


def _words(tag: str) -> frozenset[str]:
    return frozenset(w for w in _WORDS_RE.split(tag.casefold()) if w)


def similar(a: str, b: str) -> bool:
    """Whether two tags look like spellings of one idea."""
    fa, fb = fold(a), fold(b)
    if fa == fb or fa + "s" == fb or fb + "s" == fa:
        return True
    short, long = sorted((fa, fb), key=len)
    if len(short) >= 5 and long.startswith(short):  # network / networking, mentor / mentorship
        return True
    wa, wb = _words(a), _words(b)
    if wa and wb and (wa < wb or wb < wa):
        return True
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


def near_duplicates(counts: Mapping[str, int]) -> dict[str, list[str]]:
    """Groups of tags that look alike: the tag to keep → the others (candidates for its aliases).

    The tag kept is the most used; on a tie, one already in lower case, then the first
    alphabetically (so ``influence`` before ``influence-without-authority``). Each tag is in one
    group at most, so every group can become one tag with its aliases.
    """

    def rank(t: str) -> tuple[int, bool, str]:
        return (-counts[t], fold(t) != t, t)

    tags = sorted(counts, key=rank)
    placed: set[str] = set()
    found: dict[str, list[str]] = {}
    for i, head in enumerate(tags):
        if head in placed:
            continue
        for other in tags[i + 1 :]:
            if other not in placed and similar(head, other):
                found.setdefault(head, []).append(other)
                placed.add(other)
        placed.add(head)
    return found


@dataclasses.dataclass(frozen=True)
class Usage:
    """The tags of a site.

    Attributes:
        pages: Each page's tags (its own and those its ``.meta.yml`` files give it).
    """

    pages: Mapping[str, Sequence[str]]

    @property
    def counts(self) -> Counter[str]:
        """Pages per tag."""
        return Counter(t for tags in self.pages.values() for t in dict.fromkeys(tags))

    @property
    def untagged(self) -> list[str]:
        return sorted(src for src, tags in self.pages.items() if not tags)


def report_data(usage: Usage, top: int = 10) -> dict[str, Any]:
    """The report as plain data (``--format json``)."""
    counts = usage.counts
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "pages": len(usage.pages),
        "tags": len(counts),
        "most_used": [{"tag": t, "pages": n} for t, n in ordered[:top]],
        "used_once": sorted(t for t, n in counts.items() if n == 1),
        "near_duplicates": [
            {
                "tag": head,
                "pages": counts[head],
                "similar": [{"tag": o, "pages": counts[o]} for o in others],
            }
            for head, others in sorted(near_duplicates(counts).items())
        ],
        "untagged": usage.untagged,
    }


def report_text(data: Mapping[str, Any]) -> str:
    """The report for people."""
    lines = [f"{data['tags']} tags on {data['pages']} pages", "", "Most used:"]
    lines += [f"  {d['pages']:>4}  {d['tag']}" for d in data["most_used"]] or ["  (none)"]
    once = data["used_once"]
    lines += ["", f"Used once ({len(once)}):"]
    lines += [f"  {t}" for t in once] or ["  (none)"]
    near = data["near_duplicates"]
    lines += ["", f"Near-duplicates ({len(near)}):"]
    for d in near:
        others = ", ".join(f"{o['tag']} ({o['pages']})" for o in d["similar"])
        lines.append(f"  {d['tag']} ({d['pages']}): {others}")
    if not near:
        lines.append("  (none)")
    untagged = data["untagged"]
    lines += ["", f"Pages without tags ({len(untagged)}):"]
    lines += [f"  {p}" for p in untagged] or ["  (none)"]
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar (quoted only when it must be)."""
    dumped = yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def init_text(usage: Usage) -> str:
    """A taxonomy that accepts every tag in use, with counts and alias candidates as comments."""
    counts = usage.counts
    near = near_duplicates(counts)
    lines = [
        "# Tag taxonomy for careerkit, written by 'careerkit tags init' from the tags in use.",
        "# Give each tag a description and a group. To merge a near-duplicate into a tag, delete",
        "# its own entry and list it in that tag's aliases (pages keep working: the build shows",
        "# the tag itself), or mark it 'deprecated: other-tag'. Numbers are pages using the tag.",
        "tags:",
    ]
    if not counts:
        lines[-1] = "tags: {}"
    for tag in sorted(counts, key=str.casefold):
        n = counts[tag]
        lines.append(f"  {_scalar(tag)}:  # {n} page{'' if n == 1 else 's'}")
        if tag in near:
            names = ", ".join(_scalar(o) for o in near[tag])
            lines.append(f"    # near-duplicates to confirm: aliases: [{names}]")
    return "\n".join(lines) + "\n"
