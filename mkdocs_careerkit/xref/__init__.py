"""Cross-reference checks: scan each page's links and anchors, then check them site-wide."""

from __future__ import annotations

from mkdocs_careerkit.xref.check import PageFacts, SiteInfo, XrefOptions, check_links
from mkdocs_careerkit.xref.scan import PageScan, scan_page, strip_markers

__all__ = [
    "PageFacts",
    "PageScan",
    "SiteInfo",
    "XrefOptions",
    "check_links",
    "scan_page",
    "strip_markers",
]
