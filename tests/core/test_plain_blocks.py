"""The fast path for plain prose renders exactly what Rich's Markdown renders."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style

from tests.repo_paths import ARTICLES
from tui_reader.core.article.model import load_article
from tui_reader.core.render.markdown import CODE_THEME, render_lines, section_renderable
from tui_reader.core.render.plain_blocks import PlainBlocks, plain_blocks

WIDTHS = (12, 37, 60, 80, 118)


def cells(lines: list[list[Segment]]) -> list[list[tuple[str, Style]]]:
    """Each line as (character, style) pairs: two renders look the same when these match."""
    return [
        [(char, segment.style or Style.null()) for segment in line for char in segment.text]
        for line in lines
    ]


def both(source: str, width: int) -> tuple[list, list]:
    console = Console(width=width, color_system="truecolor", force_terminal=True)
    options = console.options.update(width=width, max_width=width, height=None)
    blocks = plain_blocks(source)
    assert blocks is not None
    fast = console.render_lines(PlainBlocks(blocks), options, pad=True)
    rich = console.render_lines(
        Markdown(source, code_theme=CODE_THEME, hyperlinks=True), options, pad=True
    )
    return cells(fast), cells(rich)


def test_the_bundled_articles_first_screens() -> None:
    accepted = 0
    for path in sorted(ARTICLES.glob("*.md")):
        for section in load_article(path).sections:
            if plain_blocks(section.source) is None:
                continue
            accepted += 1
            for width in WIDTHS:
                fast, rich = both(section.source, width)
                assert fast == rich, (path.name, section.slug, width)
    assert accepted >= 3  # the French article's opening sections at least


def test_what_it_accepts_and_what_it_leaves_to_rich() -> None:
    plain = "# Titre\n\nPar Camille Martin — 12 novembre 2026\n\n## Suite\n\n« Oui », dit-elle.\n"
    assert [b.style_name for b in plain_blocks(plain) or []] == [
        "markdown.h1",
        "markdown.paragraph",
        "markdown.h2",
        "markdown.paragraph",
    ]
    for markup in (
        "Un *mot* en italique.",
        "Un `code`.",
        "Un [lien](https://x.org).",
        "- une liste",
        "1. une liste",
        ">sans espace",
        "> une *citation*",
        "> une citation\nqui continue sans chevron",
        "> > imbriquée",
        "Deux lignes\nqui se suivent.",
        "Titre\n=====",
        "    du code",
        "Fin de ligne  ",
        "A &amp; B",
        "a | b",
        "## Titre ##",
        "---",
    ):
        assert plain_blocks(markup) is None, markup
    assert plain_blocks("") is None and plain_blocks("\n\n") is None
    quoted = plain_blocks("## Q\n\n> « Une citation\n> sur deux lignes. »\n\nEnsuite.\n")
    assert quoted is not None
    assert [(b.style_name, b.text) for b in quoted][1] == (
        "markdown.block_quote",
        "« Une citation sur deux lignes. »",
    )


WORDS = st.text(alphabet="abcdeéèàçôœABCÉ xyz,.;:?’'«»()—-…0123 \u00a0", min_size=1, max_size=90)
MARKUP = st.sampled_from(["*", "_", "`", "[", "]", "<", "&", "!", "#", "~", "|", "\\"])


@st.composite
def sections(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        text = draw(WORDS).strip() or "x"
        if draw(st.booleans()):
            text = text[: draw(st.integers(0, len(text)))] + draw(MARKUP) + text
        kind = draw(st.integers(0, 5))
        if kind == 0:
            lines.append("#" * draw(st.integers(1, 6)) + " " + text)
        elif kind == 1:  # a block quote of one to three lines
            words = text.split(" ")
            cut = draw(st.integers(1, max(1, len(words))))
            parts = [" ".join(words[:cut]), " ".join(words[cut:])]
            lines.append("\n".join("> " + part for part in parts if part))
        else:
            lines.append(text)
    return draw(st.sampled_from(["\n\n", "\n\n\n", "\n"])).join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(sections(), st.sampled_from(WIDTHS))
def test_generated_sections_render_alike(source: str, width: int) -> None:
    if plain_blocks(source) is None:
        return
    fast, rich = both(source, width)
    assert fast == rich


@pytest.mark.parametrize("width", [30, 100])
def test_render_lines_takes_the_fast_path_for_plain_prose(width: int) -> None:
    source = "## Une section\n\nDu texte, rien que du texte.\n"
    assert isinstance(section_renderable(source, width), PlainBlocks)
    assert not isinstance(section_renderable("Un *mot*.\n", width), PlainBlocks)
    console = Console(width=width)
    lines = render_lines(source, console, width)
    assert "".join(s.text for s in lines[0]).strip() == "Une section"
    assert all(sum(len(s.text) for s in line) == width for line in lines)
