"""`reader send`: in-process against a local test server, and the start-up path without httpx."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.repo_paths import ARTICLES
from tests.web.local_server import LocalSite, Reply, die_page
from tests.web.outbox import on_disk, ready_draft
from tests.web.test_sender_local import wordpress_like
from tui_reader.cli import main
from tui_reader.core.comments.drafts import DraftStore


@pytest.fixture
def site() -> Iterator[LocalSite]:
    server = LocalSite()
    yield server
    server.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["send", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_nothing_to_send(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (0, "No ready drafts to send.\n", "")
    assert run(capsys, "--check") == (0, "No sent comments awaiting moderation.\n", "")


def test_sends_every_ready_draft_one_line_each(
    site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    url = wordpress_like(site)
    store = DraftStore()
    draft = ready_draft(store, url)
    code, out, err = run(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{draft.short_id}  sent: {url}#comment-31"  # no REST answer: fate unknown
    assert lines[-1] == "1 sent, 0 not sent, 0 left as they were."
    assert "plain http" in err  # the warning for an http site
    assert on_disk(store, draft.id)["status"] == "sent"
    assert run(capsys)[:2] == (0, "No ready drafts to send.\n")


def test_failure_exit_status_and_french(
    site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    url = wordpress_like(
        site, Reply(403, die_page("Désolé, les commentaires sont fermés pour cet article."))
    )
    draft = ready_draft(DraftStore(), url)
    code, out, _ = run(capsys, "--lang", "fr")
    assert code == 1
    assert out.splitlines() == [
        f"{draft.short_id}  non envoyé, le site le refuse : les commentaires sont fermés sur cet "
        "article ; le brouillon est conservé — "
        "Désolé, les commentaires sont fermés pour cet article.",
        "envoyés : 0 ; non envoyés : 1 ; laissés tels quels : 0.",
    ]


def test_dry_run_and_json(site: LocalSite, capsys: pytest.CaptureFixture[str]) -> None:
    url = wordpress_like(site)
    draft = ready_draft(DraftStore(), url)
    code, out, _ = run(capsys, "--dry-run")
    host = site.base_url.removeprefix("http://")
    assert (code, out) == (0, f"{draft.short_id}  would be sent to {host} ({url})\n")
    assert site.requests == []
    code, out, _ = run(capsys, "--json", draft.short_id)
    [item] = json.loads(out)
    assert (code, item["id"], item["outcome"], item["comment_id"]) == (0, draft.id, "sent", 31)
    assert item["link"] == f"{url}#comment-31"


def test_bad_input_is_a_message_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deadbeef")
    assert (code, out, err) == (1, "", "reader: no draft matches deadbeef\n")
    code, _, err = run(capsys, "--nope")
    assert code == 2 and "unrecognized arguments: --nope" in err and "Traceback" not in err


def test_a_draft_not_ready_is_not_sent(site: LocalSite, capsys: pytest.CaptureFixture[str]) -> None:
    store = DraftStore()
    draft = ready_draft(store, wordpress_like(site))
    assert store.set_status(draft.id, "draft").ok
    code, out, _ = run(capsys, draft.short_id)
    assert code == 1 and "not ready (status: draft): not sent" in out
    assert site.requests == []


def test_httpx_stays_off_the_start_up_and_reading_paths() -> None:
    code = f"""
import sys
from tui_reader.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
main(["--print", {str(ARTICLES / "fr-centres-de-donnees.md")!r}, "--width", "60"])
import tui_reader.ui.app, tui_reader.cli_send, tui_reader.core.web.sender, tui_reader.cli_fetch
print("httpx" in sys.modules, "httpcore" in sys.modules)
print(sorted(m for m in ("markdownify", "readability", "bs4", "lxml") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-2:] == ["False False", "[]"]
