"""Sending against a real WordPress on 127.0.0.1 (tests/wordpress): what lands in the site's
database, what the draft files say, and what the reader is told."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.web.holding_proxy import HoldingProxy
from tests.web.outbox import on_disk, ready_draft
from tests.wordpress.site import CommentRow, WordPressSite
from tui_reader.core.drafts import Draft, DraftStore, Status
from tui_reader.core.web.client import USER_AGENT, NetworkProblem, Timeouts, WebClient
from tui_reader.core.web.form import read_post_page
from tui_reader.core.web.sender import Sender, SendOutcome, describe

NEWCOMER = ("Nora Newcomer", "nora@example.net")


@pytest.fixture
def store() -> DraftStore:
    return DraftStore()


def new_rows(wp: WordPressSite, before: list[CommentRow]) -> list[CommentRow]:
    known = {row.id for row in before}
    return [row for row in wp.comments() if row.id not in known]


def draft_on(store: DraftStore, wp: WordPressSite, post: str = "open", **kwargs: object) -> Draft:
    author, email = NEWCOMER
    options: dict = {"author": author, "email": email, **kwargs}
    return ready_draft(store, wp.posts[post].url, **options)


def discover(store: DraftStore, draft: Draft) -> None:
    """Read the post's form now and keep it on the draft, as a first send does."""
    with WebClient() as client:
        page = client.get(draft.article.source_url or "")
    assert not isinstance(page, NetworkProblem)
    found = read_post_page(page.text, page.url, "2026-12-01T00:00:00.000Z").destination
    assert found is not None
    doc = on_disk(store, draft.id)
    doc["destination"] = found.to_dict()
    store.path_for(draft.id).write_text(json.dumps(doc), "utf-8")


def send(store: DraftStore, **kwargs: object) -> list:
    return Sender(store, **kwargs).send()  # type: ignore[arg-type]


def reader_send(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui_reader.cli", "send", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or dict(os.environ),
    )


def test_first_comment_is_held_for_moderation(wp_en: WordPressSite, store: DraftStore) -> None:
    before = wp_en.comments()
    text = "Water use matters.\n\nWhat about 2025?"
    draft = draft_on(store, wp_en, comment=text, url="https://nora.example.net/")
    [result] = send(store)
    [row] = new_rows(wp_en, before)
    assert (row.post_id, row.parent, row.author, row.email) == (
        wp_en.posts["open"].id,
        0,
        *NEWCOMER,
    )
    assert (row.content, row.url, row.approved, row.agent) == (
        text,
        "https://nora.example.net/",
        "0",
        USER_AGENT,
    )
    assert (result.outcome, result.fate, result.comment_id) == (SendOutcome.SENT, "held", row.id)
    link = f"{wp_en.posts['open'].url}#comment-{row.id}"
    assert describe(result, "en") == f"sent, awaiting moderation: {link}"
    doc = on_disk(store, draft.id)
    assert doc["status"] == "sent" and doc["posted"]["comment_id"] == row.id
    assert doc["posted"]["fate"] == "held" and doc["posted"]["link"] == link
    assert [a["outcome"] for a in doc["attempts"]] == ["sending", "accepted"]
    # Later the moderator approves it: --check sees it published.
    wp_en.php(f"wp_set_comment_status({row.id}, 'approve');")
    [checked] = Sender(store).check()
    assert (checked.outcome, checked.fate) == (SendOutcome.CHECKED, "published")
    assert on_disk(store, draft.id)["posted"]["fate"] == "published"


def test_known_author_is_published_at_once_and_replies_keep_their_parent(
    wp_en: WordPressSite, store: DraftStore
) -> None:
    wp_en.approve_author(*NEWCOMER)
    parent = next(row for row in wp_en.comments() if row.author == "Alice Martin")
    before = wp_en.comments()
    draft_on(store, wp_en, comment="Replying to Alice.", parent=parent.id, consent=False)
    [result] = send(store)
    [row] = new_rows(wp_en, before)
    assert (row.parent, row.approved, row.content) == (parent.id, "1", "Replying to Alice.")
    assert (result.outcome, result.fate, result.comment_id) == (
        SendOutcome.SENT,
        "published",
        row.id,
    )
    assert result.link is not None and result.link.endswith(f"#comment-{row.id}")


def test_duplicate_means_already_there(wp_en: WordPressSite, store: DraftStore) -> None:
    before = wp_en.comments()
    alice = next(row for row in before if row.author == "Alice Martin")
    draft = ready_draft(
        store,
        wp_en.posts["open"].url,
        comment=alice.content,
        author=alice.author,
        email=alice.email,
    )
    [result] = send(store)
    assert new_rows(wp_en, before) == []
    assert (result.outcome, result.status, result.comment_id) == (
        SendOutcome.ALREADY_THERE,
        "sent",
        alice.id,
    )
    doc = on_disk(store, draft.id)
    assert doc["attempts"][-1]["http_status"] == 409
    assert doc["attempts"][-1]["message"].startswith("Duplicate comment detected")
    assert doc["posted"]["duplicate"] is True


def test_flood_is_waited_out_and_retried(wp_en: WordPressSite, store: DraftStore) -> None:
    wp_en.set_flood_check(True, interval=2)
    before = wp_en.comments()
    first = draft_on(store, wp_en, comment="First of two.")
    second = draft_on(store, wp_en, comment="Second of two.")
    results = Sender(store, flood_wait=2.5).send([first, second])
    assert [r.outcome for r in results] == [SendOutcome.SENT, SendOutcome.SENT]
    assert sorted(row.content for row in new_rows(wp_en, before)) == [
        "First of two.",
        "Second of two.",
    ]
    attempts = on_disk(store, second.id)["attempts"]
    assert [(a["outcome"], a["http_status"]) for a in attempts] == [
        ("sending", None), ("flood", 429), ("sending", None), ("accepted", 302),
    ]  # fmt: skip
    assert attempts[1]["message"] == "You are posting comments too quickly. Slow down."


def test_closed_post(wp_en: WordPressSite, store: DraftStore) -> None:
    before = wp_en.comments()
    draft = draft_on(store, wp_en, post="closed")
    [result] = send(store)
    assert (result.outcome, result.status, result.reason_key) == (
        SendOutcome.FAILED,
        "failed",
        "send.error.closed",
    )
    # Found open, closed before the send: WordPress's own 403.
    late = draft_on(store, wp_en, comment="Too late.")
    discover(store, late)
    wp_en.php(
        f"wp_update_post(array('ID' => {wp_en.posts['open'].id}, 'comment_status' => 'closed'));"
    )
    [result] = send(store)
    assert (result.outcome, result.http_status) == (SendOutcome.FAILED, 403)
    assert result.message == "Sorry, comments are closed for this item."
    assert new_rows(wp_en, before) == []
    assert on_disk(store, draft.id)["comment"] == draft.comment  # kept
    assert on_disk(store, late.id)["status"] == "failed"


def test_draft_post_and_post_unpublished_since(wp_en: WordPressSite, store: DraftStore) -> None:
    before = wp_en.comments()
    draft_on(store, wp_en, post="draft")
    [result] = send(store)
    assert (result.outcome, result.reason_key) == (SendOutcome.FAILED, "send.error.post_gone")
    stale = draft_on(store, wp_en, comment="Unpublished before I sent it.")
    discover(store, stale)
    wp_en.php(f"wp_update_post(array('ID' => {wp_en.posts['open'].id}, 'post_status' => 'draft'));")
    [result] = send(store)
    assert (result.outcome, result.status, result.reason_key) == (
        SendOutcome.FAILED,
        "failed",
        "send.error.post_gone",
    )
    outcomes = [(a["outcome"], a["http_status"]) for a in on_disk(store, stale.id)["attempts"]]
    assert outcomes == [("sending", None), ("gone", 200), ("discovery", 404)]  # re-discovered once
    assert new_rows(wp_en, before) == []


def test_server_down_then_back(wp_en: WordPressSite, store: DraftStore) -> None:
    before = wp_en.comments()
    draft = draft_on(store, wp_en)
    wp_en.stop_server()
    [result] = send(store)
    assert (result.outcome, result.status, result.reason_key) == (
        SendOutcome.RETRY,
        "ready",
        "send.error.refused",
    )
    wp_en.start_server()
    [result] = send(store)
    assert result.outcome is SendOutcome.SENT
    assert len(new_rows(wp_en, before)) == 1
    assert on_disk(store, draft.id)["attempts"][0]["outcome"] == "discovery"


def test_timeout_then_resend_posts_once(wp_en: WordPressSite, store: DraftStore) -> None:
    """The slow server stores the comment after we gave up: the next send learns it is there."""
    before = wp_en.comments()
    draft = draft_on(store, wp_en)
    discover(store, draft)  # so that only the POST meets the short timeout
    wp_en.set_post_delay(2.0)
    [result] = send(store, timeouts=Timeouts(connect=5, read=0.5))
    assert (result.outcome, result.status, result.reason_key) == (
        SendOutcome.RETRY,
        "ready",
        "send.error.timeout",
    )
    deadline = time.monotonic() + 20
    while not new_rows(wp_en, before) and time.monotonic() < deadline:
        time.sleep(0.1)
    wp_en.set_post_delay(0)
    [result] = send(store)
    assert (result.outcome, result.status) == (SendOutcome.ALREADY_THERE, "sent")
    assert len(new_rows(wp_en, before)) == 1


def test_server_validation_error_names_the_field(wp_en: WordPressSite, store: DraftStore) -> None:
    draft = draft_on(store, wp_en)
    doc = on_disk(store, draft.id)
    doc["email"] = "nora-at-example"  # edited by hand: the form's checks never saw it
    store.path_for(draft.id).write_text(json.dumps(doc), "utf-8")
    before = wp_en.comments()
    [result] = send(store)
    assert new_rows(wp_en, before) == []
    assert (result.outcome, result.status, result.field) == (
        SendOutcome.NEEDS_EDIT,
        "draft",
        "email",
    )
    assert result.message == "Error: Please enter a valid email address."
    last = on_disk(store, draft.id)["attempts"][-1]
    assert (last["outcome"], last["http_status"], last["field"]) == ("invalid", 200, "email")


def test_french_site_messages(wp_fr: WordPressSite, store: DraftStore) -> None:
    before = wp_fr.comments()
    draft = draft_on(store, wp_fr, comment="Merci pour cet article.", lang="fr")
    [result] = send(store)
    assert result.outcome is SendOutcome.SENT
    assert describe(result, "fr").startswith("envoyé, en attente de modération : http://127.0.0.1:")
    again = draft_on(store, wp_fr, comment="Merci pour cet article.", lang="fr")
    [result] = send(store)
    assert result.outcome is SendOutcome.ALREADY_THERE
    assert on_disk(store, again.id)["attempts"][-1]["message"].startswith("Détection d’un doublon")
    assert len(new_rows(wp_fr, before)) == 1
    assert on_disk(store, draft.id)["lang"] == "fr"


def test_kill_between_the_post_and_its_record_never_posts_twice(
    wp_en: WordPressSite, store: DraftStore
) -> None:
    before = wp_en.comments()
    draft = draft_on(store, wp_en, comment="Sent once, whatever happens.")
    proxy = HoldingProxy()
    try:
        env = {**os.environ, "HTTP_PROXY": proxy.url, "NO_PROXY": ""}
        process = reader_send(env=env)
        try:
            assert proxy.posted.wait(30), "the POST never reached the server"
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait(10)
    finally:
        proxy.close()
    assert process.returncode == -signal.SIGKILL
    [row] = new_rows(wp_en, before)  # the comment arrived...
    assert on_disk(store, draft.id)["status"] == "sending"  # ...and was not recorded
    done = reader_send()
    out, err = done.communicate(timeout=60)
    assert done.returncode == 0, err
    assert "already on the site (WordPress: duplicate)" in out
    assert [r.id for r in new_rows(wp_en, before)] == [row.id]  # exactly one
    doc = on_disk(store, draft.id)
    assert doc["status"] == "sent" and doc["posted"]["duplicate"] is True
    assert [a["outcome"] for a in doc["attempts"]] == ["sending", "resolving", "duplicate"]


def test_two_instances_send_each_draft_once(wp_en: WordPressSite, store: DraftStore) -> None:
    before = wp_en.comments()
    drafts = [draft_on(store, wp_en, comment=f"Comment number {i}.") for i in range(3)]
    first, second = reader_send(), reader_send()
    outputs = [p.communicate(timeout=120) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    rows = new_rows(wp_en, before)
    assert sorted(row.content for row in rows) == sorted(d.comment for d in drafts)
    for draft in drafts:
        doc = on_disk(store, draft.id)
        assert doc["status"] == "sent"
        assert [a["outcome"] for a in doc["attempts"]] == ["sending", "accepted"]
    assert Path(store.directory).is_dir()
    assert all(d.status == Status.SENT for d in store.load_all().drafts)


def test_site_requiring_an_account(wp_en: WordPressSite, store: DraftStore) -> None:
    wp_en.php("update_option('comment_registration', 1);")
    before = wp_en.comments()
    draft = draft_on(store, wp_en)
    [result] = send(store)
    assert (result.outcome, result.status) == (SendOutcome.FAILED, "failed")
    assert describe(result, "en").endswith(
        "this site requires an account to comment; the draft is kept"
    )
    assert new_rows(wp_en, before) == [] and on_disk(store, draft.id)["comment"] == draft.comment
    # A form found before the site changed its mind: WordPress's own 403 says the same.
    wp_en.php("update_option('comment_registration', 0);")
    late = draft_on(store, wp_en, comment="Found the form in time.")
    discover(store, late)
    wp_en.php("update_option('comment_registration', 1);")
    [result] = send(store)
    assert (result.outcome, result.http_status, result.reason_key) == (
        SendOutcome.FAILED, 403, "send.error.login_required",
    )  # fmt: skip
    assert new_rows(wp_en, before) == []
