"""What the 10,000-article fuzz run (benchmarks/fuzz_articles.py) found, one test each.

Seeds 8,170 and 9,323 (issue 16's last 2,000 articles): an HTML closing tag with no opening
one, in a paragraph with other text (`a </b>#`, reduced from the generated articles), crashed
`reader --print` with IndexError in Rich's style stack (or AssertionError for `</a>`); the
article pane fell back to plain text without the article's formatting.
"""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from tui_reader.core.article.model import parse_article
from tui_reader.core.catalog import t
from tui_reader.core.render.markdown import render_lines
from tui_reader.core.render.printing import print_article

UNBALANCED = {
    "close_without_open": "Avant </b># après **gras**.",
    "link_close_without_open": "Un </a> lien *penché* et <s>barré</i> fin.",
    "tag_across_emphasis": "*un <b>deux* trois</b> quatre",
    "link_across_emphasis": 'x <a href="https://example.com/">y *z</a> w* v',
    "never_closed": "<i>ouvert <b>jamais fermé, *mais* la fin",
}


@pytest.mark.parametrize("text", UNBALANCED.values(), ids=list(UNBALANCED))
@pytest.mark.parametrize("styled", [True, False], ids=["terminal", "piped"])
def test_unbalanced_html_tags_print_their_text(text: str, styled: bool) -> None:
    article = parse_article(f"# Titre\n\n{text}\n".encode(), None)
    out = StringIO()
    print_article(article, width=80, file=out, styled=styled)
    for word in ("Avant", "après", "gras", "lien", "penché", "fin", "quatre", "ouvert", "v"):
        if word in text:
            assert word in out.getvalue()
    assert "<" not in out.getvalue()


@pytest.mark.parametrize("text", UNBALANCED.values(), ids=list(UNBALANCED))
def test_unbalanced_html_tags_keep_their_formatting_in_the_pane(text: str) -> None:
    """No fallback to plain text (its notice): Rich lays the section out with its styles."""
    console = Console(width=80, file=StringIO(), force_terminal=True)
    lines = render_lines(text + "\n", console, 60)
    shown = "".join(segment.text for line in lines for segment in line)
    assert "<" not in shown
    assert t("render.plain_text", "en") not in shown
    styles = [segment.style for line in lines for segment in line if segment.style]
    assert any(style.bold or style.italic or style.strike for style in styles)
