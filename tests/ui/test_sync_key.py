"""Ctrl+R in the app: the sync runs in a thread worker with a progress bar, the app stays
usable, the library lists the new articles and the summary is notified at the end. Against a
local feed server on 127.0.0.1 (tests/feeds/feed_site.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Label

from tests.feeds.feed_site import Feed, FeedSite, Item
from tests.ui.keys import press
from tests.web.local_server import Reply
from tui_reader.core.feeds.state import FeedStore
from tui_reader.core.storage.paths import config_dir
from tui_reader.ui.sync.sync_bar import SyncBar

SIZE = (100, 30)


@pytest.fixture
def feed_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedSite]:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)
    site = FeedSite()
    yield site
    site.close()


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


async def until(pilot, condition, what: str, seconds: float = 20) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, f"still waiting for {what}"
        await pilot.pause(0.05)


async def test_ctrl_r_syncs_with_a_progress_bar_then_the_summary(
    make_app, feed_site: FeedSite, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "already.md").write_text("# Already here\n\nText.\n", encoding="utf-8")
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.toml").write_text(f'articles_dir = "{library}"\n', "utf-8")
    feed = Feed("Les Carnets", [Item("full", "Texte intégral", "<p>Tout.</p>")])
    FeedStore().add(feed_site.add_feed("/feed.xml", feed), "Les Carnets")
    slow = Feed("Slow", [Item("slow-post", "A slow post")])  # its page is fetched, slowly
    FeedStore().add(feed_site.add_feed("/slow.xml", slow), "Slow")
    release = asyncio.Event()
    loop = asyncio.get_running_loop()

    def slow_page(_: object) -> Reply:
        asyncio.run_coroutine_threadsafe(release.wait(), loop).result(timeout=20)
        return Reply(200, "<html><body><article><p>Slow text.</p></article></body></html>")

    feed_site.route("GET", "/posts/slow-post", slow_page)
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+r")
        await until(pilot, lambda: app.screen.query(SyncBar), "the progress bar")
        bar = app.screen.query_one(SyncBar)
        await until(pilot, lambda: "Feeds" in str(bar.query_one(Label).render()), "the phase")
        # The fast feed's article is listed while the slow one is still on its way.
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 2, "the new article in the library")
        await press(pilot, "j")  # the app answers meanwhile
        assert table.cursor_row == 1
        await press(pilot, "ctrl+r")
        assert "A sync is already running." in notifications(app)
        release.set()
        summary = "2 new articles from 2 feeds, 0 new comments."
        await until(pilot, lambda: summary in notifications(app), "the summary")
        await until(pilot, lambda: not app.screen.query(SyncBar), "the bar to go")
        assert table.row_count == 3
        titles = {str(table.get_row_at(i)[0]) for i in range(3)}
        assert titles == {"Already here", "Texte intégral", "A slow post"}
    assert (library / "slow-post.md").is_file()


async def test_the_palette_offers_the_sync(make_app) -> None:
    from tests.ui.test_palette import open_palette, prompts, results

    app = make_app(None, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_palette(pilot, "synchro")
        assert "Synchroniser les flux" in prompts(await results(pilot))
