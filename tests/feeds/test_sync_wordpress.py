"""`reader sync` against the real WordPress on 127.0.0.1 (tests/wordpress): its `/feed/`, the
posts saved as `reader fetch` saves them, a new post on the next sync, the comment threads of
articles read lately refreshed, and the outbox sent in the same sync: one comment on the site."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from tests.wordpress.site import WordPressSite
from tui_reader.cli import main
from tui_reader.core.article.identity import article_key
from tui_reader.core.storage.paths import data_dir
from tui_reader.core.storage.positions import Position, PositionStore
from tui_reader.core.web.thread import read_thread


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    return yaml.safe_load(text[4 : text.index("\n---\n")])


def test_wordpress_feed_posts_comments_and_outbox_in_one_sync(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite
) -> None:
    wp = wp_en
    library = data_dir() / "articles"
    # A post's page: the feed is found from it (WordPress announces /feed/).
    code, out, err = run(capsys, "feeds", "add", wp.posts["open"].url)
    assert (code, err) == (0, "")
    assert out == f"Following: Loopback Test Blog ({wp.base_url}/feed/)\n"

    code, out, err = run(capsys, "sync")
    assert (code, err) == (0, ""), out
    assert out.endswith("2 new articles from 1 feed, 0 new comments.\n")
    opened = library / f"{wp.posts['open'].slug}.md"
    meta = front_matter(opened)
    assert meta["feed"] == "Loopback Test Blog" and meta["post_id"] == wp.posts["open"].id
    assert meta["comment_form"]["action"] == f"{wp.base_url}/wp-comments-post.php"
    thread = read_thread(opened)
    assert thread is not None
    assert {c.id for c in thread.comments} == {
        wp.fixture_comments[k] for k in ("approved", "reply", "html")
    }
    assert (library / f"{wp.posts['closed'].slug}.md").is_file()

    # Read lately: its thread is refreshed by the next sync. A new comment, a new post, and a
    # reply written offline, ready to send.
    now = datetime.now(UTC).isoformat(timespec="seconds")
    PositionStore().save(article_key(opened), Position("", 0, 1, 10.0, updated=now))
    wp.php(
        f"wp_insert_comment(['comment_post_ID' => {wp.posts['open'].id}, "
        "'comment_author' => 'Zoé Bernard', 'comment_content' => 'Un nouveau commentaire.', "
        "'comment_approved' => 1]);"
    )
    wp.php(
        "echo wp_insert_post(['post_title' => 'Night trains', 'post_name' => 'night-trains', "
        "'post_content' => '<p>Sleeping cars are back.</p>', 'post_status' => 'publish']);"
    )
    parent = str(wp.fixture_comments["approved"])
    text = "A reply sent by reader sync."
    code, out, _ = run(
        capsys, "reply", str(opened), parent, "--text", text, "--name", "Sam", "--email", "s@x.org"
    )
    assert code == 0, out

    code, out, err = run(capsys, "sync")
    assert (code, err) == (0, ""), out
    assert "Loopback Test Blog: 1 new article\n" in out
    assert f"{opened.name}: 1 new comment\n" in out
    assert "sent, awaiting moderation" in out
    assert out.endswith(
        "1 new article from 1 feed, 1 new comment, 1 comment sent (1 held for moderation).\n"
    )
    night = library / "night-trains.md"
    assert "Sleeping cars are back." in night.read_text("utf-8")
    assert front_matter(night)["feed"] == "Loopback Test Blog"
    sent = [c for c in wp.comments(wp.posts["open"].id) if c.content == text]
    assert len(sent) == 1 and sent[0].parent == int(parent) and sent[0].approved == "0"

    # Nothing left to do: one more sync sends nothing again.
    code, out, _ = run(capsys, "sync", "--lang", "fr")
    assert code == 0
    assert out.endswith("0 nouvel article de 1 flux, 0 nouveau commentaire.\n")
    assert len([c for c in wp.comments(wp.posts["open"].id) if c.content == text]) == 1
