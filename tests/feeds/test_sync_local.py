"""`reader feeds` and `reader sync` against a local feed server (tests/feeds/feed_site.py):
RSS, Atom, discovery, conditional GETs, failures isolated, Ctrl+C, two syncs at once, OPML."""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.feeds.feed_site import Feed, FeedSite, Item
from tests.web.local_server import Reply
from tui_reader.cli import main
from tui_reader.core.feeds.state import FeedStore
from tui_reader.core.feeds.summary import summary
from tui_reader.core.feeds.sync import Status, Sync
from tui_reader.core.storage.paths import data_dir
from tui_reader.core.web.client import Timeouts


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def library() -> Path:
    return data_dir() / "articles"


def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    return yaml.safe_load(text[4 : text.index("\n---\n")])


def articles() -> list[Path]:
    return sorted(library().glob("*.md")) if library().is_dir() else []


def stamps() -> dict[str, int]:
    """Every file of the library and the feeds list, with its mtime."""
    files = [*library().iterdir(), data_dir() / "feeds.json"]
    return {str(p): p.stat().st_mtime_ns for p in files}


def db_rows(query: str) -> list[tuple]:
    with sqlite3.connect(data_dir() / "feeds.sqlite3") as conn:
        return conn.execute(query).fetchall()


def two_feeds(site: FeedSite) -> tuple[str, str]:
    carnets = Feed(
        "Les Carnets",
        [
            Item("full", "Texte intégral", "<p>Le <b>texte</b> entier.</p>"),
            Item("short", "Only a summary"),
        ],
    )
    log = Feed("Atom log", [Item("atom-one", "Atom one", "<p>First entry.</p>")], atom=True)
    return site.add_feed("/feed.xml", carnets), site.add_feed("/atom.xml", log)


def test_add_discovers_the_feed_a_page_announces(
    capsys: pytest.CaptureFixture[str], feed_site: FeedSite
) -> None:
    rss_url, _ = two_feeds(feed_site)
    home = (
        "<html><head><title>Home</title><link rel='alternate' "
        "type='application/rss+xml' href='/feed.xml'></head><body>Hello</body></html>"
    )
    feed_site.route("GET", "/", Reply(200, home))
    code, out, err = run(capsys, "feeds", "add", feed_site.base_url + "/")
    assert (code, err) == (0, "")
    assert out == f"Following: Les Carnets ({rss_url})\n"
    code, out, _ = run(capsys, "feeds", "add", rss_url)
    assert (code, out) == (0, f"Already followed: {rss_url}\n")
    code, out, _ = run(capsys, "feeds", "list", "--lang", "fr")
    assert out == f"  1  Les Carnets  <{rss_url}>  (jamais synchronisé)\n"


def test_sync_then_everything_unchanged_is_all_304_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], feed_site: FeedSite
) -> None:
    rss_url, atom_url = two_feeds(feed_site)
    for url in (rss_url, atom_url):
        assert run(capsys, "feeds", "add", url)[0] == 0
    code, out, err = run(capsys, "sync")
    assert (code, err) == (0, "")
    assert "Les Carnets: 2 new articles\n" in out and "Atom log: 1 new article\n" in out
    assert out.endswith("3 new articles from 2 feeds, 0 new comments.\n")
    full = library() / "full.md"
    meta = front_matter(full)
    assert meta["feed"] == "Les Carnets" and meta["date"] == "2026-12-01T08:00:00Z"
    assert "Le **texte** entier." in full.read_text("utf-8")
    # A summary-only entry: its page was fetched.
    assert "Page text." in (library() / "short.md").read_text("utf-8")
    assert front_matter(library() / "atom-one.md")["feed"] == "Atom log"
    before, entries = stamps(), db_rows("SELECT * FROM entries ORDER BY entry_key")
    feed_site.requests.clear()

    code, out, err = run(capsys, "sync")
    assert (code, err) == (0, "")
    assert out.endswith("0 new articles from 2 feeds, 0 new comments.\n")
    asked = feed_site.requests
    assert [s.path for s in asked] == [s.path for s in feed_site.feed_requests()]  # feeds only
    assert len(asked) == 2 and all(s.headers.get("If-None-Match") for s in asked)
    assert stamps() == before
    assert db_rows("SELECT * FROM entries ORDER BY entry_key") == entries
    assert {row[0] for row in db_rows("SELECT last_status FROM feeds")} == {Status.UNCHANGED}

    feed_site.add_item("/feed.xml", Item("later", "A later post", "<p>Later.</p>"))
    code, out, _ = run(capsys, "sync")
    assert code == 0 and out.endswith("1 new article from 2 feeds, 0 new comments.\n")
    assert [p.name for p in articles()] == ["atom-one.md", "full.md", "later.md", "short.md"]
    assert stamps()[str(full)] == before[str(full)]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_failures_are_isolated_and_touch_nothing(
    feed_site: FeedSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = feed_site.add_feed("/good.xml", Feed("Good", [Item("kept", "Kept", "<p>Kept.</p>")]))
    base = feed_site.base_url
    feed_site.route("GET", "/broken.xml", Reply(200, "<rss version='2.0'><channel><title>B</ti"))
    huge = "<rss version='2.0'><channel><title>H</title>" + "<item>x</item>" * 900_000
    feed_site.route("GET", "/huge.xml", Reply(200, huge + "</channel></rss>"))
    feed_site.route("GET", "/down.xml", Reply(503, "busy"))
    feed_site.route("GET", "/slow.xml", Reply(200, "<rss/>", delay=5))
    # An entry whose page fails: the feed fails, its other entry is saved, and is retried.
    partial = Feed("Partial", [Item("ok", "Fine", "<p>Fine.</p>"), Item("gone", "Gone")])
    feed_site.add_feed("/partial.xml", partial)
    feed_site.route("GET", "/posts/gone", Reply(500, "oops"))
    real_getaddrinfo = socket.getaddrinfo

    def resolve(host: object, *args: object, **kwargs: object) -> object:
        if host == "no-such-site.invalid":  # no resolver is asked: no traffic
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    store = FeedStore()
    urls = [good, *(f"{base}/{n}.xml" for n in ("broken", "huge", "down", "slow", "partial"))]
    urls += [f"http://127.0.0.1:{closed_port()}/feed", "http://no-such-site.invalid/feed"]
    for url in urls:
        store.add(url, url.rsplit("/", 1)[-1])
    report = Sync(store, library(), timeouts=Timeouts(connect=2, read=0.5), outbox=False).run()

    by_url = {o.feed.url: o for o in report.feeds}
    assert by_url[good].status == Status.NEW
    keys = {url: (o.failure.key if o.failure else None) for url, o in by_url.items()}
    assert keys == {
        good: None,
        f"{base}/broken.xml": "feeds.error.malformed",
        f"{base}/huge.xml": "feeds.error.too_big",
        f"{base}/down.xml": "fetch.error.server",
        f"{base}/slow.xml": "fetch.error.timeout",
        f"{base}/partial.xml": "fetch.error.server",
        urls[6]: "fetch.error.refused",
        urls[7]: "fetch.error.dns",
    }
    assert report.failed
    assert [p.name for p in articles()] == ["kept.md", "ok.md"]
    line = summary(report, "en")
    assert line.startswith("2 new articles from 8 feeds, 0 new comments, 7 feeds failed: ")
    assert "huge.xml (the feed is larger than 10 MB, refused:" in line
    # The failed feeds keep no validators; the partial one tries its failed entry again.
    assert db_rows("SELECT count(*) FROM feeds WHERE etag IS NOT NULL") == [(1,)]
    feed_site.route("GET", "/posts/gone", Reply(200, "<html><body><p>Back.</p></body></html>"))
    again = Sync(store, library(), timeouts=Timeouts(connect=2, read=0.5), outbox=False).run()
    assert [p.name for p in again.new_articles] == ["gone.md"]
    assert summary(again, "fr").startswith(
        "1 nouvel article de 8 flux, 0 nouveau commentaire, 6 flux en échec : "
    )


def reader(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui_reader", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def slow_feed(site: FeedSite, path: str, prefix: str, count: int, delay: float) -> str:
    feed = Feed(prefix, [Item(f"{prefix}-{n}", f"{prefix} {n}") for n in range(count)])
    url = site.add_feed(path, feed)
    for item in feed.items:  # summary-only entries: each page is fetched, slowly
        html = f"<html><body><article><p>{item.title} text.</p></article></body></html>"
        site.route("GET", f"/posts/{item.slug}", Reply(200, html, delay=delay))
    return url


def test_ctrl_c_keeps_what_finished(feed_site: FeedSite) -> None:
    url = slow_feed(feed_site, "/slow.xml", "post", 12, 0.3)
    FeedStore().add(url, "Slow")
    proc = reader("sync")
    deadline = time.monotonic() + 30
    while len(articles()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, (out, err)
    assert "Interrupted: what finished is kept" in err and "Traceback" not in err
    saved = articles()
    assert 2 <= len(saved) < 12
    for path in saved:  # whole articles, each marked seen
        assert front_matter(path)["feed"] == "post"
    assert db_rows("SELECT count(*) FROM entries") == [(len(saved),)]
    assert db_rows("PRAGMA integrity_check") == [("ok",)]
    # The validators were not kept: the next sync fetches the feed and saves the rest.
    assert db_rows("SELECT etag FROM feeds") == [(None,)]
    feed_site.route("GET", "*", Reply(404))
    for item in feed_site.feeds["/slow.xml"].items:
        feed_site.add_page(item)
    assert main(["sync"]) == 0
    assert len(articles()) == 12


def test_two_syncs_at_once_save_each_article_once(feed_site: FeedSite) -> None:
    store = FeedStore()
    for name in ("a", "b"):
        store.add(slow_feed(feed_site, f"/{name}.xml", name, 5, 0.05), name)
    first, second = reader("sync"), reader("sync")
    for proc in (first, second):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, (out, err)
        assert "Traceback" not in err
    assert [p.name for p in articles()] == sorted(f"{n}-{i}.md" for n in "ab" for i in range(5))
    assert db_rows("SELECT count(*) FROM entries") == [(10,)]
    assert db_rows("PRAGMA integrity_check") == [("ok",)]


def test_opml_import_export_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    opml = tmp_path / "other-reader.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline text="Les Carnets" xmlUrl="http://127.0.0.1:9/feed"/>'
        '<outline text="Atom log" xmlUrl="https://127.0.0.1:9/atom"/></outline>'
        '<outline text="Odd" xmlUrl="ftp://127.0.0.1/x"/></body></opml>',
        "utf-8",
    )
    code, out, err = run(capsys, "feeds", "import", str(opml))
    assert (code, out) == (0, "2 feeds imported\n")
    assert "skipped, not an http or https address: ftp://127.0.0.1/x" in err
    code, out, _ = run(capsys, "feeds", "import", str(opml), "--lang", "fr")
    assert out == "0 flux importé, 2 déjà suivis\n"
    exported = tmp_path / "out.opml"
    code, out, _ = run(capsys, "feeds", "export", str(exported))
    assert (code, out) == (0, f"2 feeds written to {exported}\n")
    code, out, _ = run(capsys, "feeds", "export")

    def undated(text: str) -> str:
        return re.sub(r"<dateCreated>[^<]*</dateCreated>", "", text)

    assert undated(out) == undated(exported.read_text("utf-8"))
    code, out, _ = run(capsys, "feeds", "remove", "1")
    assert out == "No longer following: Les Carnets (http://127.0.0.1:9/feed)\n"
    code, out, _ = run(capsys, "feeds", "remove", "https://127.0.0.1:9/atom/")
    assert code == 0 and run(capsys, "feeds", "list")[1] == "No feeds yet: reader feeds add URL\n"
    code, out, _ = run(capsys, "feeds", "import", str(exported))
    assert out == "2 feeds imported\n"
    titles = [line.strip().split("  ")[1] for line in run(capsys, "feeds", "list")[1].splitlines()]
    assert titles == ["Les Carnets", "Atom log"]


def test_damaged_database_is_reported_and_rebuilt(capsys: pytest.CaptureFixture[str]) -> None:
    FeedStore().add("http://127.0.0.1:9/feed", "Les Carnets")
    (data_dir() / "feeds.sqlite3").write_bytes(b"\x00garbage" * 512)
    code, out, err = run(capsys, "feeds", "list")
    assert code == 0 and "Les Carnets" in out
    assert "The feeds database" in err and "was damaged" in err and "corrupt" in err
    moved = [p.name for p in (data_dir() / "corrupt").iterdir()]
    # The database, and its -wal and -shm files when a connection still had them open.
    assert len([name for name in moved if name.startswith("feeds.sqlite3.")]) == 1
    assert all(name.startswith("feeds.sqlite3") for name in moved)


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["feeds", "add", "not-an-address"], 1, "not a web address"),
        (["feeds", "add", "ftp://127.0.0.1/feed"], 1, "ftp"),
        (["feeds", "remove", "3"], 1, "no feed 3 (reader feeds list shows them)"),
        (["feeds", "import", "/no/such/file.opml"], 1, "cannot read /no/such/file.opml"),
        (["feeds", "frobnicate"], 2, "invalid choice"),
        (["feeds"], 2, "required"),
        (["sync", "--wat"], 2, "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    got, _, err = run(capsys, *argv)
    assert got == code and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_add_a_page_without_a_feed(capsys: pytest.CaptureFixture[str], feed_site: FeedSite) -> None:
    feed_site.route("GET", "/", Reply(200, "<html><head></head><body>No feed</body></html>"))
    code, _, err = run(capsys, "feeds", "add", feed_site.base_url + "/")
    assert code == 1 and "no RSS or Atom feed found on this page or site" in err
    # WordPress's addresses were tried too.
    assert {"/feed/", "/"} <= {s.path for s in feed_site.requests}


def test_a_feed_that_moved_to_another_host_is_followed(
    capsys: pytest.CaptureFixture[str], feed_site: FeedSite
) -> None:
    elsewhere = FeedSite()
    try:
        url = elsewhere.add_feed("/feed.xml", Feed("Moved", [Item("m", "Moved", "<p>M.</p>")]))
        feed_site.route("GET", "/old.xml", Reply(301, "", {"Location": url}))
        code, out, _ = run(capsys, "feeds", "add", feed_site.base_url + "/old.xml")
        assert (code, out) == (0, f"Following: Moved ({url})\n")
        assert run(capsys, "sync")[0] == 0 and (library() / "m.md").is_file()
    finally:
        elsewhere.close()
