"""The link graph: every link between the site's pages, as JSON (``careerkit-links.json``)."""
