"""core.feeds without a network: parsing, discovery from a page, OPML, the state database."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.feeds.feed_site import Feed, Item, atom, rss
from tui_reader.core.feeds.discovery import feed_links, wordpress_guesses
from tui_reader.core.feeds.errors import FeedError
from tui_reader.core.feeds.opml import OpmlFeed, read_opml, write_opml
from tui_reader.core.feeds.parsing import parse_feed
from tui_reader.core.feeds.state import SCHEMA_VERSION, FeedStore

BASE = "http://127.0.0.1:9"
FEED = Feed(
    "Les Carnets",
    [
        Item("full", "Texte intégral", "<p>Le <b>texte</b> entier.</p><script>alert(1)</script>"),
        Item("short", "Résumé seulement"),
    ],
)


def test_rss_with_full_content_and_without() -> None:
    parsed = parse_feed(rss(FEED, BASE).encode(), BASE + "/feed")
    assert parsed.title == "Les Carnets" and parsed.lang == "en" and not parsed.wordpress
    full, short = parsed.entries
    assert full.key == f"{BASE}/posts/full" and full.title == "Texte intégral"
    assert full.html is not None and "<b>texte</b>" in full.html
    assert "script" not in full.html  # feedparser sanitizes
    assert full.date == "2026-12-01T08:00:00Z"
    assert short.html is None  # only a summary: the page will be fetched


def test_atom_entries() -> None:
    feed = Feed("Atom log", [Item("a", "One", "<p>One.</p>")], atom=True)
    parsed = parse_feed(atom(feed, BASE).encode(), BASE + "/atom")
    (entry,) = parsed.entries
    assert (entry.key, entry.link, entry.author) == ("urn:test:a", f"{BASE}/posts/a", "Ada")


def test_wordpress_is_recognised_by_its_generator() -> None:
    body = rss(FEED, BASE).replace(
        "<language>", "<generator>https://wordpress.org/?v=6.1</generator><language>"
    )
    assert parse_feed(body.encode(), BASE).wordpress


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (b'<rss version="2.0"><channel><title>x</ti', "feeds.error.malformed"),
        (
            b'<rss version="2.0"><channel><title>T</title><item><title>a</title></item><ite',
            "feeds.error.malformed",
        ),
        (b"<html><body>a page</body></html>", "feeds.error.not_feed"),
        (b"plain text", "feeds.error.not_feed"),
    ],
)
def test_what_is_not_a_feed_is_refused_whole(body: bytes, key: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(body, BASE)
    assert caught.value.key == key


def test_discovery_from_a_page() -> None:
    html = f"""<html><head><base href="{BASE}/blog/">
    <link rel="stylesheet" href="a.css">
    <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
    <link rel="alternate" type="application/atom+xml" href="/atom.xml">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" hreflang="fr" href="/fr/"></head><body></body></html>"""
    assert feed_links(html, BASE) == [f"{BASE}/blog/feed.xml", f"{BASE}/atom.xml"]
    assert wordpress_guesses(f"{BASE}/2026/12/a-post/") == [f"{BASE}/feed/", f"{BASE}/?feed=rss2"]


def test_opml_round_trip() -> None:
    feeds = [OpmlFeed(f"{BASE}/feed", "Les Carnets & co"), OpmlFeed(f"{BASE}/atom", "Atom <log>")]
    data = write_opml(feeds)
    assert read_opml(data, "x.opml") == feeds


def test_opml_of_another_reader_with_folders() -> None:
    data = b"""<?xml version="1.0"?><opml version="1.0"><head/><body>
    <outline text="Tech"><outline text="One" xmlUrl="http://127.0.0.1:9/one"/>
    <outline title="Two" text="t" xmlUrl="http://127.0.0.1:9/two"/></outline>
    <outline text="Dup" xmlUrl="http://127.0.0.1:9/one"/></body></opml>"""
    assert read_opml(data, "x") == [
        OpmlFeed("http://127.0.0.1:9/one", "One"),
        OpmlFeed("http://127.0.0.1:9/two", "Two"),
    ]


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body>&b;</body></opml>',
            "feeds.opml.unsafe",
        ),
        (b"<opml><body><outline", "feeds.opml.invalid"),
        (b"<html><body/></html>", "feeds.opml.invalid"),
    ],
)
def test_bad_opml_is_refused(data: bytes, key: str) -> None:
    with pytest.raises(FeedError) as caught:
        read_opml(data, "x.opml")
    assert caught.value.key == key


def test_database_is_private_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    store = FeedStore(tmp_path / "state")
    feed = store.add(f"{BASE}/feed", "Les Carnets")
    assert feed is not None and store.add(f"{BASE}/feed", "again") is None
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.list_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "state").st_mode) == 0o700
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.mark_seen(feed, "k1", f"{BASE}/posts/a", tmp_path / "a.md")
    assert store.seen(feed) == {"k1"}
    store.remove(feed)
    assert store.feeds() == [] and '"feeds": []' in store.list_path.read_text()


def test_damaged_database_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    directory = tmp_path / "state"
    first = FeedStore(directory)
    first.add(f"{BASE}/one", "One")
    first.add(f"{BASE}/two", "Two")
    first.path.write_bytes(b"this is not a database at all" * 100)
    store = FeedStore(directory)
    assert [f.url for f in store.feeds()] == [f"{BASE}/one", f"{BASE}/two"]
    (problem,) = store.problems
    assert problem.key == "feeds.db.rebuilt" and problem.moved_to is not None
    assert problem.moved_to.parent == directory / "corrupt"
    assert problem.moved_to.read_bytes().startswith(b"this is not a database")
    assert "rebuilt from the feeds list (2 feeds)" in problem.text("en")


def test_database_of_a_newer_version_is_left_alone(tmp_path: Path) -> None:
    store = FeedStore(tmp_path)
    store.add(f"{BASE}/one", "One")
    sqlite3.connect(store.path).execute("PRAGMA user_version = 99")
    with pytest.raises(FeedError) as caught:
        FeedStore(tmp_path).feeds()
    assert caught.value.key == "feeds.db.newer"
    assert not (tmp_path / "corrupt").exists()


def test_threads_refreshed_are_those_read_in_the_last_30_days(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from tui_reader.core.article.identity import article_key
    from tui_reader.core.feeds.sync import recently_read
    from tui_reader.core.storage.positions import Position, PositionStore
    from tui_reader.core.web.fetcher import FetchedArticle
    from tui_reader.core.web.saved_article import save_fetched
    from tui_reader.core.web.wordpress import RestApi

    library = tmp_path / "library"
    now = datetime(2026, 12, 1, tzinfo=UTC)
    paths = []
    for slug in ("lately", "long-ago", "never"):
        fetched = FetchedArticle(
            url=f"{BASE}/{slug}/", source=f"{BASE}/{slug}/", title=slug, author=None,
            date=None, lang="en", markdown="Text.", fetched="2026-11-01T00:00:00.000000Z",
            comments_open=True, comments_available=True, destination=None, post_id=7,
            api=RestApi(f"{BASE}/wp-json"), comments=[],
        )  # fmt: skip
        paths.append(save_fetched(fetched, library).path)
    store = PositionStore()
    for path, days in zip(paths[:2], (2, 31), strict=True):
        when = (now - timedelta(days=days)).isoformat(timespec="seconds")
        store.save(article_key(path), Position("", 0, 1, 5.0, updated=when))
    (tmp_path / "elsewhere.md").write_text("# Not in the library\n", "utf-8")
    store.save(
        article_key(tmp_path / "elsewhere.md"), Position("", 0, 1, 5.0, updated=now.isoformat())
    )
    assert recently_read(library, now=now) == [paths[0].resolve()]


def test_hostile_entries_are_made_harmless() -> None:
    # C1 controls (CSI, NEL) are valid XML as character references; a raw ESC is not XML.
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T&#x9b;2Jok</title>'
        b"<item><title>Evil&#x85; title</title><link>javascript:alert(1)</link>"
        b"<guid>g1</guid><description>Only &lt;b&gt;this&lt;/b&gt;.</description></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(body, BASE)
    (entry,) = parsed.entries
    assert "\x9b" not in parsed.title and "\x85" not in entry.title
    assert parsed.title.endswith("2Jok") and entry.title.startswith("Evil")
    assert (entry.link, entry.key, entry.summary) == ("", "g1", "Only <b>this</b>.")
    raw_escape = b'<rss version="2.0"><channel><title>T\x1b[2J</title></channel></rss>'
    with pytest.raises(FeedError):
        parse_feed(raw_escape, BASE)
