"""mkdocs-careerkit: MkDocs plugin and Markdown extensions for career-guide sites."""

from __future__ import annotations

__version__ = "0.1.0"
