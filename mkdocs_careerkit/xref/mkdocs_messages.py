"""MkDocs' own messages about links: held while careerkit checks, then shown unless careerkit
reported the same link itself.

MkDocs logs a broken link while it renders a page, before careerkit knows all pages; so each
such message is held and, at the end of the build, passed on at its own level — or at
``debug`` when careerkit reported that very link (same page, same target) with its source line.
A link careerkit did not report keeps MkDocs' warning: turning careerkit on never hides one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection

LOGGER = "mkdocs.structure.pages"
_LINK_RE = re.compile(
    r"^Doc file '(?P<file>.+?)' contains (?:a link|an unrecognized relative link|"
    r"an absolute link) '(?P<url>.*)'(?:, but |, it was left as is)"
)


class HeldLinkMessages(logging.Filter):
    """A filter on MkDocs' page logger that holds link messages until :meth:`release`."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[str, str, logging.LogRecord]] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "careerkit_released", False):
            return True
        m = _LINK_RE.match(record.getMessage())
        if m is None:
            return True
        self.held.append((m["file"], m["url"], record))
        return False

    def install(self) -> None:
        logger = logging.getLogger(LOGGER)
        for old in [f for f in logger.filters if isinstance(f, HeldLinkMessages)]:
            logger.removeFilter(old)  # a previous build's (mkdocs serve)
        logger.addFilter(self)

    def release(self, reported: Collection[tuple[str, str]]) -> None:
        """Pass the held messages on; those about links in ``reported`` at debug level."""
        logging.getLogger(LOGGER).removeFilter(self)
        held, self.held = self.held, []
        for file, url, record in held:
            record.careerkit_released = True
            logger = logging.getLogger(record.name)
            if (file, url) in reported:
                # handle() skips the logger's level check: shown only under --verbose.
                if not logger.isEnabledFor(logging.DEBUG):
                    continue
                record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            logger.handle(record)
