"""Issue 11: nothing essential is cut off — the key bar, the header, the sidebar on a wide
terminal, the help on a tiny one — the composer's fields line up, NO_COLOR headings stand
out, and the paper theme's scrollbar can be seen."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.color import Color
from textual.widgets import Input, TextArea

from tests.repo_paths import ARTICLES
from tests.ui.keys import press
from tests.ui.screen_text import screen_rows, widget_text
from tui_reader.ui.comments.composer_screen import ComposerScreen
from tui_reader.ui.dialogs.help_screen import HelpScreen
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.section_list import SectionList

FR = ARTICLES / "fr-centres-de-donnees.md"
LONG = ARTICLES / "en-field-guide-markdown-terminal.md"


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [("en", ["q Quit", "esc Library", "? Help"]), ("fr", ["q Quitter", "esc Bibli", "? Aide"])],
)
async def test_the_key_bar_keeps_quit_back_and_help_at_80_columns(make_app, lang, wanted) -> None:
    app = make_app(FR, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "j")  # after the first paint: the key bar is mounted
        bar = screen_rows(app)[-1]
        assert all(key in bar for key in wanted), bar
        assert bar.startswith(" n ")  # the first keys stay, those that do not fit go


async def test_the_header_keeps_comments_open_at_80_columns(make_app, tmp_path: Path) -> None:
    article = tmp_path / "long-meta.md"
    article.write_text(
        "---\ntitle: Un titre\nauthor: Marie-Christine de La Tour du Pin\n"
        "source: https://www.journal-regional.example/2026/11/26/un-tres-long-chemin/\n"
        "date: 2026-11-26\ncomments: open\n---\n\nDu texte.\n",
        encoding="utf-8",
    )
    app = make_app(article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = widget_text(app.screen.query_one("#article-header")).split("\n")
        assert header[1].rstrip().endswith("comments open"), header
        assert "Marie-Christine" in header[1] and "min read" in header[1]
    app = make_app(article)
    async with app.run_test(size=(200, 24)) as pilot:  # room for everything: all of it
        await pilot.pause()
        header = widget_text(app.screen.query_one("#article-header"))
        assert "https://www.journal-regional.example/2026/11/26/un-tres-long-chemin/" in header


async def test_the_sidebar_grows_on_a_wide_terminal(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(200, 40)) as pilot:
        await press(pilot, "j")
        sidebar = app.screen.query_one(SectionList)
        assert 40 <= sidebar.size.width <= 56
        text = widget_text(sidebar)
        assert "Why read long documents in a terminal" in text
        assert "Moving by screen, section and search" in text
        await pilot.resize_terminal(120, 40)
        await press(pilot, "j")
        assert sidebar.outer_size.width == 32  # the setting, as before


async def test_help_at_40x12_fits_above_the_key_bar_and_scrolls(make_app) -> None:
    app = make_app(FR)
    async with app.run_test(size=(40, 12)) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box")
        assert box.region.bottom <= 11  # the last row (the key bar) stays uncovered
        text = widget_text(app.screen.query_one("#help-table"))
        assert "Top / bottom of the article" in text  # a description on one line
        assert max(len(line.split()) for line in text.split("\n")) >= 4
        assert box.max_scroll_y > 0
        await press(pilot, "end")
        assert box.scroll_y == box.max_scroll_y


async def test_the_composer_fields_start_their_text_in_the_same_column(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "c")
        assert isinstance(app.screen, ComposerScreen)
        comment = app.screen.query_one("#comment", TextArea).content_region.x
        columns = {
            app.screen.query_one(f"#{n}", Input).content_region.x
            for n in ("author", "email", "url")
        }
        assert columns == {comment}


async def test_no_color_headings_are_bold_or_underlined_in_the_text_colour(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "n")  # "Why read long documents…": a heading on the top line
        view = app.screen.query_one(ArticleView)
        lines = [list(view.render_line(y)) for y in range(6)]

        def styled(text: str) -> Segment:
            return next(s for line in lines for s in line if text in s.text)

        heading = styled("Why read long documents in a terminal").style
        body = styled("the").style
        assert heading is not None and body is not None
        assert heading.bold or heading.underline
        assert heading.color == body.color  # not Rich's magenta turned grey


def relative_luminance(color: Color) -> float:
    def channel(value: int) -> float:
        value_ = value / 255
        return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG's contrast ratio."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_the_paper_theme_scrollbar_thumb_stands_out(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "paper"
        await press(pilot, "j")
        view = app.screen.query_one(ArticleView)
        thumb, track = view.styles.scrollbar_color, view.styles.scrollbar_background
        assert contrast(thumb, track) >= 3.0
        assert contrast(thumb, view.styles.background) >= 2.5
