"""Issue 11: wide code blocks scroll sideways with a cue; Back / Forward after jumps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.keys import press
from tests.ui.screen_text import visible_lines, visible_text
from tui_reader.core.render.wide_blocks import CUE_LEFT, CUE_RIGHT
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.reading.section_list import SectionList

CODE_LINE = "print(" + ", ".join(f"'mot{i:02d}'" for i in range(30)) + ")  # FIN"
FILLER = "Une phrase pour remplir la section et la rendre assez longue. " * 12


@pytest.fixture
def article(tmp_path: Path) -> Path:
    parts = [
        "# Sauts\n\nVoir [la fin](#la-fin) plus bas.\n\n```python\n" + CODE_LINE + "\n```\n",
        *(f"## Partie {i}\n\n{FILLER}\n\n{FILLER}\n" for i in range(8)),
        "## La fin\n\nLe mot zzfin est ici.\n",
    ]
    path = tmp_path / "sauts.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def code_row(view: ArticleView) -> str:
    return next(line for line in visible_lines(view) if "print(" in line or "mot" in line)


async def test_a_wide_code_block_shows_a_cue_and_scrolls_sideways(make_app, article) -> None:
    app = make_app(article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        row = code_row(view)
        assert row.endswith(CUE_RIGHT) and "FIN" not in row and CUE_LEFT not in row
        prose = [line for line in visible_lines(view) if "Voir la fin" in line]
        await press(pilot, "right")
        row = code_row(view)
        assert CUE_LEFT in row and "mot00" not in row
        assert [line for line in visible_lines(view) if "Voir la fin" in line] == prose
        await press(pilot, *["right"] * 12)  # more than needed: it stops at the end
        row = code_row(view)
        assert row.endswith("# FIN") and CUE_RIGHT not in row  # the end, no cue beyond it
        await press(pilot, *["left"] * 12)
        assert code_row(view).strip().startswith("print('mot00'")
        # Away from the block and back: it starts at its left edge again.
        await press(pilot, "right")
        await press(pilot, "G")
        await press(pilot, "g")
        assert code_row(view).strip().startswith("print('mot00'")
        # A match in the part of the line not on screen: the search scrolls sideways to it.
        await press(pilot, "slash", *"FIN", "enter")
        assert view.search is not None and view.search.total == 1
        row = code_row(view)
        assert "# FIN" in row and row.lstrip().startswith(CUE_LEFT)
        search = app.screen.query_one(ArticleView).search
        assert search is not None and search.rank == 1
        lines = [list(view.render_line(y)) for y in range(view.size.height)]
        current = view.get_component_rich_style("article-view--match-current")
        assert any(
            s.text == "FIN" and s.style and s.style.bgcolor == current.bgcolor
            for line in lines
            for s in line
        )


async def test_back_after_a_link_restores_the_exact_place_and_forward_returns(
    make_app, article
) -> None:
    app = make_app(article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await press(pilot, "j", "j", "j")
        before, shown = view.scroll_y, visible_text(view)
        assert before == 3
        await press(pilot, "l")
        await press(pilot, "enter")  # the first link: #la-fin
        assert isinstance(app.screen, ReadingScreen)
        end = view.scroll_y
        assert end > 20 and "zzfin" in visible_text(view)
        await press(pilot, "backspace")
        assert view.scroll_y == before and visible_text(view) == shown
        await press(pilot, "alt+right")
        assert view.scroll_y == end
        await press(pilot, "alt+left")
        assert view.scroll_y == before
        await press(pilot, "backspace")  # nothing before: stays, and says so
        assert view.scroll_y == before
        assert any("Nothing to go back to" in str(n.message) for n in app._notifications)


async def test_back_after_a_search_jump_and_a_contents_jump(make_app, article) -> None:
    app = make_app(article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await press(pilot, "j", "j")
        await press(pilot, "slash", *"zzfin", "enter")
        assert "zzfin" in visible_text(view) and view.scroll_y > 20
        await press(pilot, "escape")  # closes the bar: the article has the keys again
        await press(pilot, "backspace")
        assert view.scroll_y == 2
        # A section picked in the contents (the contents keep the focus: Back works there).
        sidebar = app.screen.query_one(SectionList)
        sidebar.focus()
        sidebar.highlighted = 5
        await press(pilot, "enter")
        assert view.current_section == 5
        assert app.focused is sidebar
        await press(pilot, "backspace")
        assert view.scroll_y == 2
