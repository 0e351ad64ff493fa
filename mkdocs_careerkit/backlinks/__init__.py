"""Backlinks: a "Referenced by" block on each page that other pages link to."""
