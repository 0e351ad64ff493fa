"""The link graph in a build: a generated site file whose content is set once every link is
resolved (``on_env``, before MkDocs copies the site's static files)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_careerkit.feature import Feature
from mkdocs_careerkit.findings import Finding
from mkdocs_careerkit.linkgraph.core import graph_json


class LinkGraph(Feature):
    """Writes ``careerkit-links.json`` (every link between pages) into the built site."""

    file: File | None = None

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        path = self.build.options.link_graph.file
        self.file = None
        if files.get_file_from_path(path) is None:  # a file of the author's wins
            self.file = File.generated(config, path, content="")
            files.append(self.file)

    def conclude(self, files: Files, config: MkDocsConfig) -> list[Finding]:
        if self.file is not None:
            # The author's pages, as careerkit check lists them: not those a plugin generates
            # (careerkit's own reading list, the blog's archive).
            pages = [f.src_uri for f in files.documentation_pages() if not f.generated_by]
            self.file.content_string = graph_json(pages, self.build.links)
        return []
