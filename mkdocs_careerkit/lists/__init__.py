"""Markdown that does not render as its author meant: lists swallowed into a paragraph."""
