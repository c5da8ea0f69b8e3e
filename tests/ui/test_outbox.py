"""The outbox in the app, against the real WordPress of the tests (tests/wordpress): `s`, `S`,
`u` and `o` on the drafts screen, `S` on the reading screen, the foreign-host question, the
start-up offer (`send_ready`). What is checked is what lands on the site and in the draft
files, and what the reader is shown."""

from __future__ import annotations

import json
import stat
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.ui.keys import press
from tests.ui.test_composer import draft_docs, drafts_dir, notifications
from tests.wordpress.site import CommentRow, WordPressSite
from tui_reader.core.article.model import load_article
from tui_reader.core.comments.drafts import Draft, DraftStore, Posted, Status
from tui_reader.core.web.destination import Destination
from tui_reader.core.web.sender import Sender
from tui_reader.ui.comments.composer_screen import ComposerScreen
from tui_reader.ui.comments.drafts_screen import DraftsScreen
from tui_reader.ui.comments.outbox_runner import outbox
from tui_reader.ui.dialogs.confirm_screen import ConfirmScreen


@pytest.fixture
def site(wp_en: WordPressSite) -> Iterator[WordPressSite]:
    """The English site, put back as the fixture made it afterwards (server up, no delay)."""
    yield wp_en
    wp_en.reset()


@pytest.fixture(autouse=True)
def no_offer_at_start_up(isolated_dirs: Path) -> None:
    """Sent by the keys under test, not offered at start-up (tested on its own below)."""
    write_settings(isolated_dirs, 'send_ready = "manual"\n')


def write_settings(home: Path, text: str) -> None:
    config = home / "config" / "tui-reader"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text(text, "utf-8")


def article_for(tmp_path: Path, source: str, *, lang: str = "en", name: str = "post") -> Path:
    path = tmp_path / f"{name}.md"
    title = "Un article" if lang == "fr" else "A post on water"
    path.write_text(
        f"---\ntitle: {title}\nlang: {lang}\nsource: {source}\ncomments: open\n---\n\n"
        f"# {title}\n\nThe lead paragraph.\n\n## Water\n\nWater is scarce.\n",
        "utf-8",
    )
    return path


def ready_on(path: Path, comment: str, *, status: Status = Status.READY) -> Draft:
    article = load_article(path)
    store = DraftStore()
    draft = store.new_on(article, article.sections[1])
    draft.comment = comment
    # A first-time author each time: WordPress holds her comment (an author it approved
    # before, in another test of the session, would be published at once).
    tag = uuid.uuid4().hex[:8]
    draft.author, draft.email = f"Nora {tag}", f"nora-{tag}@example.net"
    draft.status = status
    assert store.save(draft).ok
    return draft


def new_rows(site: WordPressSite, before: list[CommentRow]) -> list[CommentRow]:
    known = {row.id for row in before}
    return [row for row in site.comments() if row.id not in known]


def on_disk(home: Path, draft: Draft) -> dict[str, Any]:
    return json.loads((drafts_dir(home) / f"{draft.id}.json").read_text("utf-8"))


async def wait_for(pilot: Pilot, check: Callable[[], object], what: str) -> None:
    """Until `check()` is true, within a deadline (a send takes well under a second)."""
    for _ in range(600):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


def row_status(screen: DraftsScreen, draft: Draft) -> str:
    table = screen.query_one(DataTable)
    index = next(i for i, d in enumerate(screen.drafts) if d.id == draft.id)
    return str(table.get_row_at(index)[3])


def screen_says(app: Any, text: str) -> bool:
    return any(text in str(n) for n in notifications(app)) or text in str(
        app.screen.query_one("#send-status").render()
    )


async def test_s_sends_the_selected_draft_once_while_the_list_stays_usable(
    make_app,
    site: WordPressSite,
    tmp_path: Path,
    isolated_dirs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = article_for(tmp_path, site.posts["open"].url)
    first = ready_on(path, "The first comment on water.")
    ready_on(path, "Another one, not sent now.")
    before = site.comments()
    # The POST waits until the test has looked at the screen while it is being sent.
    gate = threading.Event()
    post = Sender._post

    def gated(self: Sender, draft: Draft, destination: Destination) -> object:
        assert gate.wait(30)
        return post(self, draft, destination)

    monkeypatch.setattr(Sender, "_post", gated)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        while screen.selected is None or screen.selected.id != first.id:
            await press(pilot, "j")
        await press(pilot, "s")
        assert row_status(screen, first) == "sending…"
        # Still usable while it runs: moving, and a delete that is refused, not done.
        await press(pilot, "x")
        assert any("being sent" in m for m in notifications(app))
        assert isinstance(app.screen, DraftsScreen)
        await press(pilot, "j" if screen.table.cursor_row == 0 else "k")
        assert screen.selected is not None and screen.selected.id != first.id
        gate.set()
        await wait_for(pilot, lambda: on_disk(isolated_dirs, first)["status"] == "sent", "sent")
        await wait_for(pilot, lambda: first.id not in outbox(app).busy, "told")
        await wait_for(pilot, lambda: row_status(screen, first) == "sent", "row redrawn")
        assert any("sent, awaiting moderation: http" in m for m in notifications(app))
        [row] = new_rows(site, before)
        assert (row.author, row.content, row.approved) == (
            first.author,
            "The first comment on water.",
            "0",
        )
        posted = on_disk(isolated_dirs, first)["posted"]
        assert posted["comment_id"] == row.id and posted["fate"] == "held"
        # The other draft was not touched, and no lock file is left behind.
        assert sorted(d["status"] for d in draft_docs(isolated_dirs)) == ["ready", "sent"]
        assert not list(drafts_dir(isolated_dirs).glob(".send-*"))
        # Held until the site's moderator approves it: `u` asks again.
        site.php(f"wp_set_comment_status({row.id}, 'approve');")
        await press(pilot, "u")
        await wait_for(pilot, lambda: screen_says(app, "1 checked: 1 published"), "checked")
        assert on_disk(isolated_dirs, first)["posted"]["fate"] == "published"


async def test_S_sends_every_ready_draft_and_sums_up(
    make_app, site: WordPressSite, tmp_path: Path, isolated_dirs: Path
) -> None:
    path = article_for(tmp_path, site.posts["open"].url)
    drafts = [ready_on(path, f"Comment number {n} on water.") for n in (1, 2)]
    unfinished = ready_on(path, "Not finished", status=Status.DRAFT)
    # Made ready by hand past the local rules: WordPress has the last word.
    refused = ready_on(path, "My address is wrong.")
    assert DraftStore().update(refused.id, lambda d: setattr(d, "email", "nora@")).ok
    before = site.comments()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "S")
        await wait_for(pilot, lambda: screen_says(app, "2 sent, 1 not sent"), "summary")
        assert sorted(r.content for r in new_rows(site, before)) == [
            "Comment number 1 on water.",
            "Comment number 2 on water.",
        ]
        assert all(on_disk(isolated_dirs, d)["status"] == "sent" for d in drafts)
        assert on_disk(isolated_dirs, unfinished)["status"] == "draft"
        assert on_disk(isolated_dirs, refused)["status"] == "draft"  # to be edited
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        while screen.selected is None or screen.selected.id != refused.id:
            await press(pilot, "j")
        preview = str(screen.query_one("#draft-preview").render())
        assert "Please enter a valid email address." in preview  # WordPress's own words
        assert "field: email" in preview


async def test_server_down_leaves_the_draft_ready_with_the_reason(
    make_app, site: WordPressSite, tmp_path: Path, isolated_dirs: Path
) -> None:
    path = article_for(tmp_path, site.posts["open"].url)
    draft = ready_on(path, "Sent when the site is back.")
    site.stop_server()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "s")
        await wait_for(pilot, lambda: draft.id not in outbox(app).busy, "told")
        assert any("not sent, still ready" in m for m in notifications(app))
        doc = on_disk(isolated_dirs, draft)
        assert doc["status"] == "ready" and doc["comment"] == "Sent when the site is back."
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        await wait_for(pilot, lambda: row_status(screen, draft) == "ready", "row redrawn")
        preview = str(screen.query_one("#draft-preview").render())
        assert "Last attempt" in preview and "cannot reach the site" in preview


async def test_a_form_on_another_host_is_asked_about_no_then_yes(
    make_app, site: WordPressSite, tmp_path: Path, isolated_dirs: Path
) -> None:
    # The article is read as localhost, its form posts to 127.0.0.1: two hosts.
    post = site.posts["open"]
    page = post.url.replace("127.0.0.1", "localhost")
    path = article_for(tmp_path, page)
    draft = ready_on(path, "Through another host.")
    store = DraftStore()
    action = f"{site.base_url}/wp-comments-post.php"
    api = f"{site.base_url}/wp-json/"
    store.update(
        draft.id,
        lambda d: setattr(d, "destination", Destination(page, action, post.id, api_root=api)),
    )
    before = site.comments()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        question = str(app.screen.query_one("#question").render())
        assert f"127.0.0.1:{site.port}" in question and f"localhost:{site.port}" in question
        await press(pilot, "n")
        assert any("stays ready" in m for m in notifications(app))
        assert on_disk(isolated_dirs, draft)["status"] == "ready"
        assert new_rows(site, before) == []
        await press(pilot, "s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked again")
        await press(pilot, "y")
        await wait_for(pilot, lambda: on_disk(isolated_dirs, draft)["status"] == "sent", "sent")
        [row] = new_rows(site, before)
        assert row.content == "Through another host."
        assert on_disk(isolated_dirs, draft)["destination"]["foreign_action_confirmed"] is True


async def test_a_sent_draft_opens_read_only_and_o_opens_its_address(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = article_for(tmp_path, "https://example.org/water/")
    draft = ready_on(path, "Already on the site.")
    link = "https://example.org/water/#comment-12"

    def sent(d: Draft) -> None:
        d.status = Status.SENT
        d.posted = Posted("2026-12-01T10:00:00.000Z", 12, link, "published")

    assert DraftStore().update(draft.id, sent).ok
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {opened}\n', "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", f"{script} %s")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "o")
        await wait_for(pilot, lambda: opened.exists() and opened.read_text() == link, "browser")
        preview = str(app.screen.query_one("#draft-preview").render())
        assert "On the site since" in preview and link in preview
        await press(pilot, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ComposerScreen), "the form")
        composer = app.screen
        assert isinstance(composer, ComposerScreen) and composer.read_only
        assert "was sent" in str(composer.query_one("#composer-notice").render())
        assert DraftStore().get(draft.id).status == Status.SENT  # type: ignore[union-attr]


async def test_S_on_the_reading_screen_sends_the_articles_ready_comments(
    make_app, site: WordPressSite, tmp_path: Path, isolated_dirs: Path
) -> None:
    path = article_for(tmp_path, site.posts["open"].url)
    other = article_for(tmp_path, site.posts["open"].url, name="other")
    mine = ready_on(path, "From the reading screen.")
    theirs = ready_on(other, "Of another article.")
    before = site.comments()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "S")
        await wait_for(pilot, lambda: on_disk(isolated_dirs, mine)["status"] == "sent", "sent")
        await wait_for(pilot, lambda: not outbox(app).busy, "told")
        [row] = new_rows(site, before)
        assert row.content == "From the reading screen."
        assert on_disk(isolated_dirs, theirs)["status"] == "ready"
        assert any(m.endswith(f"#comment-{row.id}") for m in notifications(app))


@pytest.mark.parametrize("choice", ["ask", "auto", "manual"])
async def test_send_ready_at_start_up(
    make_app, site: WordPressSite, tmp_path: Path, isolated_dirs: Path, choice: str
) -> None:
    write_settings(isolated_dirs, f'send_ready = "{choice}"\n')
    path = article_for(tmp_path, site.posts["open"].url)
    draft = ready_on(path, f"Sent at start-up ({choice}).")
    before = site.comments()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if choice == "ask":
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the offer")
            assert "1 ready comment can be sent now" in str(
                app.screen.query_one("#question").render()
            )
            await press(pilot, "y")
        if choice == "manual":
            await wait_for(pilot, lambda: app.painted, "first paint")
            await press(pilot, "j")
            assert not [w for w in app.workers if w.group.startswith("outbox")]
            assert not isinstance(app.screen, ConfirmScreen)
            assert on_disk(isolated_dirs, draft)["status"] == "ready"
            return
        await wait_for(pilot, lambda: on_disk(isolated_dirs, draft)["status"] == "sent", "sent")
        await wait_for(pilot, lambda: not outbox(app).busy, "told")
        [row] = new_rows(site, before)
        assert row.content == f"Sent at start-up ({choice})."
        assert any(m.endswith(f"#comment-{row.id}") for m in notifications(app))


@pytest.mark.parametrize(
    ("lang", "source", "expected"),
    [
        ("en", "http://blog.example.org/p/", "Sent to blog.example.org — plain http: your name"),
        ("fr", "http://exemple.fr/p/", "Envoyé à exemple.fr — http simple : votre nom"),
    ],
)
async def test_the_form_says_where_the_comment_goes(
    make_app, tmp_path: Path, lang: str, source: str, expected: str
) -> None:
    path = article_for(tmp_path, source, lang=lang)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "c")
        await wait_for(pilot, lambda: isinstance(app.screen, ComposerScreen), "the form")
        note = app.screen.query_one("#send-to")
        assert str(note.render()).startswith(expected)
        assert note.has_class("-warning") == source.startswith("http:")


async def test_a_new_draft_on_a_fetched_article_keeps_its_form(
    make_app, tmp_path: Path, isolated_dirs: Path
) -> None:
    path = tmp_path / "fetched.md"
    path.write_text(
        "---\ntitle: Fetched\nlang: en\nsource: https://example.org/fetched/\ncomments: open\n"
        "fetched: '2026-12-01T09:00:00Z'\ncomment_form:\n"
        "  action: https://example.org/wp-comments-post.php\n  comment_post_ID: 42\n"
        "  require_name_email: true\n  submit: Post Comment\n"
        "  api_root: https://example.org/wp-json/\n---\n\n# Fetched\n\nLead.\n\n## One\n\nText.\n",
        "utf-8",
    )
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "c")
        await wait_for(pilot, lambda: isinstance(app.screen, ComposerScreen), "the form")
        await press(pilot, *"Hello")
        await press(pilot, "escape")
        [doc] = draft_docs(isolated_dirs)
        assert doc["destination"]["action"] == "https://example.org/wp-comments-post.php"
        assert doc["destination"]["post_id"] == 42
