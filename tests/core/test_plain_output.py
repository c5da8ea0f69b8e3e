"""Issue 11: `--print` piped is plain text made to be read as text (core.render.printing)."""

from __future__ import annotations

import io
from pathlib import Path

from tests.repo_paths import ARTICLES
from tui_reader.core.article.model import load_article, parse_article
from tui_reader.core.render.printing import plain_text, print_article

SOURCE = (
    "# Le titre\n\nIntro avec un [lien](https://example.org/page) et un [interne](#suite).\n\n"
    "## Suite\n\nUn paragraphe assez long pour être coupé à la largeur demandée, et encore.\n"
    "\n### Plus bas\n\n- un\n- deux\n"
)


def test_plain_text_marks_headings_keeps_links_and_has_no_trailing_space() -> None:
    article = parse_article(SOURCE.encode(), Path("a.md"))
    out = plain_text(article, width=40)
    lines = out.split("\n")
    assert lines[0] == "# Le titre"
    assert out.count("Le titre") == 1
    assert all(line == line.rstrip() for line in lines)
    assert all(len(line) <= 40 for line in lines)
    for marked in ("## Suite", "### Plus bas"):
        index = lines.index(marked)
        assert lines[index - 1] == "" and lines[index + 1] == ""
    assert "lien (https://example.org/page)" in " ".join(out.split())
    assert "interne ()" not in out and "interne" in out  # an in-article link: its text only


def test_print_article_to_a_file_is_the_plain_text() -> None:
    article = load_article(ARTICLES / "fr-centres-de-donnees.md")
    buffer = io.StringIO()
    print_article(article, width=70, file=buffer)
    assert buffer.getvalue() == plain_text(article, width=70)
    assert "\x1b" not in buffer.getvalue()
