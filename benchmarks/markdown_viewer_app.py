"""The baseline: a file shown in Textual's own MarkdownViewer (what frogmouth uses).

python benchmarks/markdown_viewer_app.py ARTICLE.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import MarkdownViewer


class ViewerApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self.text, show_table_of_contents=True)


if __name__ == "__main__":
    ViewerApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
