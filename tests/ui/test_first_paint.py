"""The article's first screen comes first: the rest of start-up waits until it is drawn."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Footer

from tests.repo_paths import ARTICLES
from tests.ui.keys import press
from tests.ui.screen_text import widget_text
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.reading.search_bar import SearchBar
from tui_reader.ui.reading.section_list import SectionList

FR = ARTICLES / "fr-centres-de-donnees.md"


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What happened, in order: "text" when the article's lines are rendered for a frame,
    "fill" when the sidebar gets its entries, "bars" when the footer and search bar mount,
    "background" when the background renders start."""
    seen: list[str] = []

    def record(name: str, original):  # type: ignore[no-untyped-def]
        def wrapper(self, *args):  # type: ignore[no-untyped-def]
            seen.append(name)
            return original(self, *args)

        return wrapper

    render = ArticleView.render_lines

    def render_lines(self: ArticleView, crop: Region) -> list[Strip]:
        if self.text_width:
            seen.append("text")
        return render(self, crop)

    monkeypatch.setattr(ArticleView, "render_lines", render_lines)
    monkeypatch.setattr(SectionList, "_fill", record("fill", SectionList._fill))
    monkeypatch.setattr(ReadingScreen, "mount_bars", record("bars", ReadingScreen.mount_bars))
    background = ArticleView._render_background
    monkeypatch.setattr(ArticleView, "_render_background", record("background", background))
    return seen


async def test_start_up_work_waits_for_the_article_text(make_app, events: list[str]) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        first_text = events.index("text")
        for later in ("fill", "bars", "background"):
            assert events.index(later) > first_text, events
        # Then everything is there: the contents, the footer, the (closed) search bar.
        assert screen.query_one(SectionList).option_count == len(screen.article.sections)
        assert screen.query(Footer) and not screen.query_one(SearchBar).is_open
        keys = screen.query_one(Footer).query("FooterKey")
        assert "Section suivante" in " ".join(widget_text(key) for key in keys)


async def test_search_asked_for_before_the_bars_are_mounted(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        # "/" at once: the search bar is mounted on demand, then opened and focused.
        await screen.run_action("search")
        await pilot.pause()
        assert screen.search_bar.is_open and screen.search_bar.input.has_focus
        await press(pilot, *"chaleur", "enter")
        assert screen.search_bar.status.startswith("1/")
        assert len(screen.query(SearchBar)) == 1 and len(screen.query(Footer)) == 1


async def test_leaving_before_the_first_paint(make_app, tmp_path) -> None:
    # A big article (word count after the paint) left at once: the deferred work finds its
    # screen gone and does nothing, rather than fail.
    big = tmp_path / "big.md"
    parts = "".join(f"## Part {i}\n\n{'word ' * 2000}\n\n" for i in range(120))
    big.write_text("# Big\n\n" + parts)
    app = make_app(big, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # back to the library before anything settled
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.painted
        assert type(app.screen).__name__ == "LibraryScreen"


async def test_leaving_while_the_words_are_counted(make_app, tmp_path) -> None:
    big = tmp_path / "big.md"
    parts = "".join(f"## Part {i}\n\n{'word ' * 4000}\n\n" for i in range(55))
    big.write_text("# Big\n\n" + parts)
    app = make_app(big, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        await app.workers.wait_for_complete()
        article = screen.article
        for _ in range(2):  # counting again, and the reader leaves at once
            app.screen._count_words()
            app.back_to_library()
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert app.is_running and type(app.screen).__name__ == "LibraryScreen"
            app.show_article(article)
            await pilot.pause()
            await app.workers.wait_for_complete()
