"""Sending from the drafts screen in a real terminal, to the real WordPress of the tests:
`d`, then `s` on a ready draft; the outcome on screen, exactly one comment on the site."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import StartReader
from tests.wordpress.site import WordPressSite
from tui_reader.core.article.model import load_article
from tui_reader.core.comments.drafts import DraftStore, Status


@pytest.fixture
def site(wp_en: WordPressSite) -> Iterator[WordPressSite]:
    yield wp_en
    wp_en.reset()


def test_d_then_s_sends_the_ready_draft_once(
    reader: StartReader, home: Path, tmp_path: Path, site: WordPressSite
) -> None:
    config = home / "config" / "tui-reader"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text('send_ready = "manual"\n', "utf-8")
    article = tmp_path / "water.md"
    article.write_text(
        f"---\ntitle: Water in the valley\nlang: en\nsource: {site.posts['open'].url}\n"
        "comments: open\n---\n\n# Water in the valley\n\nLead.\n\n## Wells\n\nDeep ones.\n",
        "utf-8",
    )
    loaded = load_article(article)
    store = DraftStore(home / "data" / "tui-reader" / "drafts")
    draft = store.new_on(loaded, loaded.sections[1])
    tag = uuid.uuid4().hex[:8]  # a first-time author: WordPress holds the comment
    draft.comment, draft.author, draft.email = "Wells matter.", f"Pty {tag}", f"pty-{tag}@ex.net"
    draft.status = Status.READY
    assert store.save(draft).ok
    before = {row.id for row in site.comments()}

    app = reader(str(article))
    app.wait_text("Water in the valley")
    app.wait_text("c Comment")
    app.wait_settled()
    app.press("d")
    app.wait_text("s Send")  # the drafts screen's key bar
    app.press("s")
    app.wait_text("sent, awaiting moderation: http")
    [row] = [r for r in site.comments() if r.id not in before]
    assert (row.author, row.content) == (draft.author, "Wells matter.")
    assert f"#comment-{row.id}" in app.screen_text()
    app.press("q")
    assert app.exit_code() == 0
    assert [r.content for r in site.comments() if r.id not in before] == ["Wells matter."]
