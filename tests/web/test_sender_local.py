"""The sender against a local test server: the failures a real WordPress does not produce on
demand (timeouts, refused connections, malformed answers, redirects and forms elsewhere)."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.local_server import LocalSite, Reply, die_page, post_page
from tests.web.outbox import on_disk, ready_draft
from tui_reader.core.comments.drafts import DraftStore, SaveOutcome, Status
from tui_reader.core.web.client import USER_AGENT, Timeouts
from tui_reader.core.web.sender import Sender, SendOutcome, describe

FAST = Timeouts(connect=2.0, read=0.5)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    server = LocalSite()
    yield server
    server.close()


@pytest.fixture
def store() -> DraftStore:
    return DraftStore()


def wordpress_like(site: LocalSite, post: Reply | None = None, post_id: int = 7) -> str:
    """A post page at /post/ whose form posts to /wp-comments-post.php; returns the post URL."""
    action = f"{site.base_url}/wp-comments-post.php"
    site.route(
        "GET",
        "/post/",
        Reply(body=post_page(action, post_id, api_root=f"{site.base_url}/wp-json/")),
    )
    site.route(
        "POST",
        "/wp-comments-post.php",
        post or Reply(302, headers={"Location": f"{site.base_url}/post/#comment-31"}),
    )
    return f"{site.base_url}/post/"


def sender(store: DraftStore, **kwargs: object) -> Sender:
    return Sender(store, timeouts=FAST, **kwargs)  # type: ignore[arg-type]


def test_post_is_what_the_form_sends_then_the_fate_is_read(
    site: LocalSite, store: DraftStore
) -> None:
    url = wordpress_like(site)
    site.route(
        "GET",
        "/wp-json/wp/v2/comments/31",
        Reply(401, '{"code":"rest_cannot_read"}', {"Content-Type": "application/json"}),
    )
    draft = ready_draft(store, url, parent=5)
    [result] = sender(store).send()
    assert (result.outcome, result.status, result.fate, result.comment_id) == (
        SendOutcome.SENT,
        "sent",
        "held",
        31,
    )
    assert describe(result, "en") == f"sent, awaiting moderation: {url}#comment-31"
    [post] = site.posts()
    assert post.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert post.headers["User-Agent"] == USER_AGENT
    assert {k: v[0] for k, v in post.form.items()} == {
        "comment": draft.comment,
        "author": "Ada Lovelace",
        "email": "ada@example.org",
        "wp-comment-cookies-consent": "yes",
        "comment_post_ID": "7",
        "comment_parent": "5",
        "submit": "Post Comment",
    }  # parse_qs drops the empty url field; it is sent (checked against WordPress)
    doc = on_disk(store, draft.id)
    assert doc["status"] == "sent" and doc["schema"] == 2
    assert doc["posted"]["comment_id"] == 31 and doc["posted"]["fate"] == "held"
    assert doc["destination"]["post_id"] == 7
    assert [a["outcome"] for a in doc["attempts"]] == ["sending", "accepted"]
    assert doc["attempts"][1]["http_status"] == 302
    # Sent: read-only, and never sent again.
    loaded = store.get(draft.id)
    assert loaded is not None and not loaded.editable
    assert store.save(loaded).outcome is SaveOutcome.FAILED
    assert sender(store).send() == []
    assert len(site.posts()) == 1


def test_server_error_leaves_the_draft_ready_with_the_reason(
    site: LocalSite, store: DraftStore
) -> None:
    url = wordpress_like(site, Reply(500, die_page("Could not save the comment.")))
    draft = ready_draft(store, url)
    [result] = sender(store).send()
    assert (result.outcome, result.status, result.http_status) == (SendOutcome.RETRY, "ready", 500)
    assert "the site failed (HTTP 500)" in describe(result, "en")
    last = on_disk(store, draft.id)["attempts"][-1]
    assert (last["outcome"], last["http_status"], last["message"]) == (
        "server_error",
        500,
        "Could not save the comment.",
    )
    assert last["time"].endswith("Z")


def test_timeout_leaves_the_draft_ready(site: LocalSite, store: DraftStore) -> None:
    url = wordpress_like(site, Reply(302, headers={"Location": "x#comment-1"}, delay=5))
    draft = ready_draft(store, url)
    [result] = sender(store).send()
    assert (result.outcome, result.status) == (SendOutcome.RETRY, "ready")
    assert on_disk(store, draft.id)["attempts"][-1]["outcome"] == "network"
    assert result.reason_key == "send.error.timeout"
    assert "the site did not answer in time" in describe(result, "en")


def test_refused_connection_is_a_retry_and_nothing_is_lost(store: DraftStore) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    draft = ready_draft(store, f"http://127.0.0.1:{port}/post/")
    [result] = sender(store).send()
    assert (result.outcome, result.status, result.reason_key) == (
        SendOutcome.RETRY,
        "ready",
        "send.error.refused",
    )
    doc = on_disk(store, draft.id)
    assert doc["comment"] == draft.comment and doc["attempts"][-1]["outcome"] == "discovery"


def test_a_page_that_is_not_wordpress(site: LocalSite, store: DraftStore) -> None:
    site.route("GET", "/post/", Reply(body="<html><body>\x1b[31mnot a blog</body></html>"))
    draft = ready_draft(store, f"{site.base_url}/post/")
    [result] = sender(store).send()
    assert (result.outcome, result.status, result.reason_key) == (
        SendOutcome.FAILED,
        "failed",
        "send.error.no_form",
    )
    assert site.posts() == []
    assert store.set_status(draft.id, "ready").ok  # the reader may try again later


def test_malformed_answer_to_the_post_is_not_a_success(site: LocalSite, store: DraftStore) -> None:
    url = wordpress_like(site, Reply(302, headers={"Location": "/post/"}))
    ready_draft(store, url)
    [result] = sender(store).send()
    assert (result.outcome, result.status, result.http_status) == (SendOutcome.RETRY, "ready", 302)


def test_form_posting_to_another_host_is_refused_until_confirmed(
    site: LocalSite, store: DraftStore
) -> None:
    other = LocalSite()
    try:
        action = f"{other.base_url}/wp-comments-post.php"
        site.route("GET", "/post/", Reply(body=post_page(action, 9)))
        other.route(
            "POST",
            "/wp-comments-post.php",
            Reply(302, headers={"Location": f"{other.base_url}/p/#comment-4"}),
        )
        draft = ready_draft(store, f"{site.base_url}/post/")
        [result] = sender(store).send()
        assert result.outcome is SendOutcome.NEEDS_CONFIRMATION and result.status == "ready"
        assert other.requests == []
        host = other.base_url.removeprefix("http://")
        assert f"--allow-host {host}" in describe(result, "en")
        # Confirmed by the reader: then it goes.
        assert sender(store).confirm_foreign_action(draft.id).ok
        [result] = sender(store).send()
        assert result.outcome is SendOutcome.SENT and len(other.posts()) == 1
    finally:
        other.close()


def test_redirect_to_another_site_is_not_followed(site: LocalSite, store: DraftStore) -> None:
    other = LocalSite()
    try:
        site.route("GET", "/post/", Reply(301, headers={"Location": f"{other.base_url}/post/"}))
        ready_draft(store, f"{site.base_url}/post/")
        [result] = sender(store).send()
        assert (result.outcome, result.reason_key) == (
            SendOutcome.RETRY,
            "send.error.redirect_away",
        )
        assert other.requests == []
    finally:
        other.close()


def test_dry_run_contacts_nothing(site: LocalSite, store: DraftStore) -> None:
    url = wordpress_like(site)
    ready_draft(store, url)
    no_source = ready_draft(store, None)
    results = sender(store).plan(sender(store).pending())
    assert sorted(r.outcome for r in results) == [SendOutcome.FAILED, SendOutcome.WOULD_SEND]
    assert site.requests == []
    assert on_disk(store, no_source.id)["status"] == "ready"


def test_a_draft_being_sent_elsewhere_is_left_alone(site: LocalSite, store: DraftStore) -> None:
    url = wordpress_like(site)
    draft = ready_draft(store, url)
    with store.send_lock(draft.id) as held:
        assert held
        [result] = sender(store).send()
    assert result.outcome is SendOutcome.BUSY and site.requests == []


def test_flood_waits_the_sites_interval_and_goes_on_with_other_sites(
    site: LocalSite, store: DraftStore
) -> None:
    answers = iter([Reply(429, die_page("You are posting comments too quickly. Slow down."))])

    def flood_once(seen: object) -> Reply:
        return next(answers, Reply(302, headers={"Location": f"{site.base_url}/post/#comment-8"}))

    url = wordpress_like(site, flood_once)  # type: ignore[arg-type]
    other = LocalSite()
    try:
        other_url = wordpress_like(other)
        first = ready_draft(store, url)
        second = ready_draft(store, other_url)
        waits: list[float] = []
        clock = [0.0]

        def sleep(seconds: float) -> None:
            waits.append(seconds)
            clock[0] += seconds

        outbox = sender(store, sleep=sleep, monotonic=lambda: clock[0], flood_wait=15.0)
        results = outbox.send([store.get(first.id), store.get(second.id)])  # type: ignore[list-item]
        # The other site's draft went first, then the flooded one after the site's interval.
        assert [r.draft_id for r in results] == [second.id, first.id]
        assert all(r.outcome is SendOutcome.SENT for r in results)
        assert waits == [15.0]
        outcomes = [a["outcome"] for a in on_disk(store, first.id)["attempts"]]
        assert outcomes == ["sending", "flood", "sending", "accepted"]
    finally:
        other.close()


def test_flood_waits_what_retry_after_says(site: LocalSite, store: DraftStore) -> None:
    too_fast = die_page("You are posting comments too quickly. Slow down.")
    answers = iter([Reply(429, too_fast, {"Retry-After": "4"})])

    def flood_once(seen: object) -> Reply:
        return next(answers, Reply(302, headers={"Location": f"{site.base_url}/post/#comment-9"}))

    draft = ready_draft(store, wordpress_like(site, flood_once))  # type: ignore[arg-type]
    waits: list[float] = []
    clock = [0.0]

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    [result] = sender(store, sleep=sleep, monotonic=lambda: clock[0]).send([draft])
    assert result.outcome is SendOutcome.SENT
    assert waits == [4.0]  # the site's word, not the 15 s default


def test_a_retry_after_too_long_leaves_the_draft_ready(site: LocalSite, store: DraftStore) -> None:
    too_fast = die_page("You are posting comments too quickly. Slow down.")
    url = wordpress_like(site, Reply(429, too_fast, {"Retry-After": "3600"}))
    draft = ready_draft(store, url)
    [result] = sender(store, sleep=lambda s: pytest.fail("waited")).send([draft])
    assert (result.outcome, result.status) == (SendOutcome.RETRY, "ready")
    assert len(site.posts()) == 1


def test_schema_1_draft_is_read_and_upgraded_when_sent(site: LocalSite, store: DraftStore) -> None:
    import json

    url = wordpress_like(site)
    draft = ready_draft(store, url)
    doc = on_disk(store, draft.id)
    doc["schema"] = 1
    del doc["comment_parent"]
    store.path_for(draft.id).write_text(json.dumps(doc), "utf-8")
    [result] = sender(store).send()
    assert result.outcome is SendOutcome.SENT
    assert on_disk(store, draft.id)["schema"] == 2
    assert site.posts()[0].form["comment_parent"] == ["0"]


def test_an_edit_made_while_sending_becomes_a_separate_draft(
    site: LocalSite, store: DraftStore
) -> None:
    url = wordpress_like(site)
    draft = ready_draft(store, url)
    in_editor = store.get(draft.id)
    assert in_editor is not None
    sender(store).send()
    in_editor.comment += " And one more thing."
    saved = store.save(in_editor)
    assert saved.outcome is SaveOutcome.CONFLICT and saved.draft is not None
    assert saved.draft.status == Status.DRAFT and saved.draft.posted is None
    assert on_disk(store, draft.id)["status"] == "sent"


def test_site_answers_tells_whether_the_network_answers(site: LocalSite, store: DraftStore) -> None:
    url = wordpress_like(site)
    draft = ready_draft(store, url)
    assert sender(store).site_answers(draft)
    site.close()
    assert not sender(store).site_answers(draft)
    assert site.posts() == [] and on_disk(store, draft.id)["status"] == "ready"


def test_tls_certificates_are_verified(tmp_path: Path, store: DraftStore) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = LocalSite(tls=(str(cert), str(key)))
    try:
        url = wordpress_like(site)
        draft = ready_draft(store, url)
        [result] = sender(store).send()
        assert (result.outcome, result.reason_key) == (SendOutcome.RETRY, "send.error.tls")
        assert site.requests == []  # the self-signed server never got a request through
        assert on_disk(store, draft.id)["status"] == "ready"
    finally:
        site.close()


def test_an_article_without_a_web_address_is_not_sent_and_not_changed(store: DraftStore) -> None:
    draft = ready_draft(store, None)
    before = on_disk(store, draft.id)
    [result] = sender(store).send()
    assert (result.outcome, result.reason_key) == (SendOutcome.FAILED, "send.error.no_source")
    assert result.failed and on_disk(store, draft.id) == before
    ftp = ready_draft(store, "ftp://example.org/post")
    [result] = sender(store).send([ftp])
    assert result.reason_key == "send.error.bad_source"
