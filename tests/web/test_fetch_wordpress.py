"""`reader fetch` against a real WordPress on 127.0.0.1 (tests/wordpress): the saved article,
its front matter and comment thread, reading it offline, updating the thread, replying to a
comment and sending the reply, read back from the site's database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.wordpress.site import WordPressSite
from tui_reader.cli import main
from tui_reader.core.web.saved_article import update_comments
from tui_reader.core.web.thread import read_thread, sidecar_path


@pytest.fixture(autouse=True)
def leave_the_sites_as_found(request: pytest.FixtureRequest) -> Iterator[None]:
    """These tests stop servers and change options: the sites are reset afterwards too, for
    the tests that use the session's sites (wordpress_en / wordpress_fr) as they are."""
    yield
    for name, site in (("wp_en", "wordpress_en"), ("wp_fr", "wordpress_fr")):
        if name in request.fixturenames:  # the session's site outlives the per-test fixture
            request.getfixturevalue(site).reset()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4 : text.index("\n---\n")])


def fetch_open(capsys: pytest.CaptureFixture[str], wp: WordPressSite, into: Path) -> Path:
    code, out, err = run(capsys, "fetch", wp.posts["open"].url, "--into", str(into))
    assert (code, err) == (0, ""), out
    path = into / f"{wp.posts['open'].slug}.md"
    assert f"Saved: {path}" in out
    return path


def test_english_post_with_its_thread(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite, tmp_path: Path
) -> None:
    wp = wp_en
    path = fetch_open(capsys, wp, tmp_path)
    meta = front_matter(path)
    post = wp.posts["open"]
    assert meta["title"] == "Comments are open"
    assert meta["author"] == "admin"
    assert meta["lang"] == "en"
    assert meta["source"] == post.url
    assert meta["comments"] == "open"
    assert meta["date"].endswith("Z") and meta["date"][:4].isdigit()
    assert meta["comment_form"] == {
        "action": f"{wp.base_url}/wp-comments-post.php",
        "comment_post_ID": post.id,
        "require_name_email": True,
        "submit": "Post Comment",
        "api_root": f"{wp.base_url}/wp-json/",
    }
    body = path.read_text("utf-8").split("\n---\n", 1)[1]
    assert body.strip() == "# Comments are open\n\nA post of the test site, with its comment form."

    thread = read_thread(path)
    assert thread is not None and thread.post_id == post.id
    ids = wp.fixture_comments
    by_id = {c.id: c for c in thread.comments}
    assert [c.id for c in thread.comments] == [ids["approved"], ids["reply"], ids["html"]]
    assert ids["pending"] not in by_id  # held for moderation: never public, never saved
    assert by_id[ids["reply"]].parent == ids["approved"]
    assert by_id[ids["approved"]].author == "Alice Martin"
    html = by_id[ids["html"]]
    assert html.text == "See [this page](https://example.org/more), **really**."
    assert html.author_url == "https://dave.example.org/"
    assert html.link == f"{post.url}#comment-{ids['html']}"
    raw = sidecar_path(path).read_text("utf-8")
    assert "@example.com" not in raw and "Waiting for moderation" not in raw

    code, out, _ = run(capsys, "comments", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Comments (3)"
    alice = next(i for i, line in enumerate(lines) if line.startswith(f"#{ids['approved']}  "))
    assert "Alice Martin" in lines[alice] and lines[alice + 1] == "  Thanks, a clear article."
    assert lines[alice + 3].startswith(f"    #{ids['reply']}  Bob Stone")  # indented reply


def test_french_post_with_its_thread(
    capsys: pytest.CaptureFixture[str], wp_fr: WordPressSite, tmp_path: Path
) -> None:
    wp = wp_fr
    path = fetch_open(capsys, wp, tmp_path)
    meta = front_matter(path)
    assert meta["title"] == "Les commentaires sont ouverts"
    assert meta["lang"] == "fr"
    assert "Un article du site de test, avec son formulaire de commentaire." in path.read_text()
    thread = read_thread(path)
    assert thread is not None
    texts = {c.author: c.text for c in thread.comments}
    assert texts == {
        "Amélie Durand": "Merci, un article clair.",
        "Benoît Lefèvre": "D’accord avec Amélie.",
        "Denis Lien": "Voir [cette page](https://example.fr/suite), *vraiment*.",
    }
    code, out, _ = run(capsys, "comments", str(path), "--lang", "fr")
    assert code == 0 and out.startswith("Commentaires (3)\n")


def test_read_offline_from_the_saved_copy(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite
) -> None:
    url = wp_en.posts["open"].url
    code, out, _ = run(capsys, "fetch", url)  # into the library (data dir's articles/)
    assert code == 0
    wp_en.stop_server()
    code, out, err = run(capsys, "--print", url, "--width", "70")
    assert (code, err) == (0, "")
    assert "Comments are open" in out and "A post of the test site" in out
    code, out, err = run(capsys, "fetch", url)  # a fetch needs the site
    assert code == 1 and "the site does not answer" in err and "Traceback" not in err


def test_refetch_updates_the_same_file_and_keeps_hand_edits(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite, tmp_path: Path
) -> None:
    path = fetch_open(capsys, wp_en, tmp_path)
    code, out, _ = run(capsys, "fetch", wp_en.posts["open"].url, "--into", str(tmp_path))
    assert code == 0 and f"Already up to date: {path}" in out
    edited = path.read_text("utf-8") + "\nMy own note.\n"
    path.write_text(edited, "utf-8")
    code, out, _ = run(capsys, "fetch", wp_en.posts["open"].url, "--into", str(tmp_path))
    assert code == 0 and "was edited since the last fetch" in out
    assert path.read_text("utf-8") == edited
    beside = [p for p in tmp_path.glob("*.md") if p != path]
    assert len(beside) == 1 and ".fetched-" in beside[0].name
    assert "My own note." not in beside[0].read_text("utf-8")


def test_update_costs_one_request_when_unchanged_and_marks_new_comments(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite, tmp_path: Path
) -> None:
    path = fetch_open(capsys, wp_en, tmp_path)
    report = update_comments(path)
    assert (report.changed, report.requests, report.total) == (False, 1, 3)
    code, out, _ = run(capsys, "fetch", "--update", str(path))
    assert code == 0 and "no new comments (3)" in out

    new_id = wp_en.approve_author("Eve Later", "eve@example.com", wp_en.posts["open"].id)
    code, out, _ = run(
        capsys, "fetch", "--update", wp_en.posts["open"].url, "--into", str(tmp_path)
    )
    assert code == 0 and "4 comments, 1 new" in out
    thread = read_thread(path)
    assert thread is not None and new_id in {c.id for c in thread.comments}
    code, out, _ = run(capsys, "comments", str(path))
    eve = next(line for line in out.splitlines() if f"#{new_id}" in line)
    assert "Eve Later" in eve and "[new]" in eve
    assert sum("[new]" in line for line in out.splitlines()) == 1


def test_reply_to_a_comment_and_send_it(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite, tmp_path: Path
) -> None:
    path = fetch_open(capsys, wp_en, tmp_path)
    parent = wp_en.fixture_comments["approved"]
    wp_en.stop_server()  # the reply is written offline
    code, out, err = run(
        capsys, "reply", str(path), str(parent), "--text", "Thanks Alice, indeed.",
        "--name", "Nora Newcomer", "--email", "nora@example.net",
    )  # fmt: skip
    assert (code, err) == (0, ""), out
    assert out.startswith("Reply to Alice Martin saved, ready to send (reader send)")
    wp_en.start_server()
    before = {row.id for row in wp_en.comments()}
    code, out, err = run(capsys, "send")
    assert code == 0, out + err
    assert "sent, awaiting moderation" in out
    rows = [row for row in wp_en.comments() if row.id not in before]
    assert len(rows) == 1
    row = rows[0]
    assert (row.parent, row.post_id, row.author, row.email) == (
        parent, wp_en.posts["open"].id, "Nora Newcomer", "nora@example.net",
    )  # fmt: skip
    assert row.content == "Thanks Alice, indeed." and row.approved == "0"

    # The thread shows it, held for moderation, under the comment it answers.
    code, out, _ = run(capsys, "comments", str(path))
    lines = out.splitlines()
    mine = next(i for i, line in enumerate(lines) if "Nora Newcomer" in line)
    assert lines[mine].startswith(f"    #{row.id}  Nora Newcomer")
    assert "[held for moderation, yours]" in lines[mine]
    assert lines[mine + 1] == "      Thanks Alice, indeed."


def test_plain_permalinks_use_rest_route(
    capsys: pytest.CaptureFixture[str], wp_fr: WordPressSite, tmp_path: Path
) -> None:
    wp_fr.php("update_option('permalink_structure', ''); flush_rewrite_rules();")
    post = wp_fr.posts["open"]
    url = f"{wp_fr.base_url}/?p={post.id}"
    code, out, err = run(capsys, "fetch", url, "--into", str(tmp_path))
    assert (code, err) == (0, ""), out
    path = next(tmp_path.glob("*.md"))
    meta = front_matter(path)
    assert meta["source"] == url and meta["title"] == "Les commentaires sont ouverts"
    thread = read_thread(path)
    assert thread is not None and "rest_route=" in thread.api and len(thread.comments) == 3
    doc = json.loads(sidecar_path(path).read_text("utf-8"))
    assert doc["format"] == "tui-reader/comments" and doc["post_id"] == post.id


def test_a_closed_post_keeps_its_thread_readable(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite, tmp_path: Path
) -> None:
    url = wp_en.posts["closed"].url
    code, out, err = run(capsys, "fetch", url, "--into", str(tmp_path))
    assert (code, err) == (0, ""), out
    assert "Comments are closed on this post." in out
    meta = front_matter(tmp_path / f"{wp_en.posts['closed'].slug}.md")
    assert meta["comments"] == "closed" and "comment_form" not in meta


def test_a_draft_post_is_not_found(
    capsys: pytest.CaptureFixture[str], wp_en: WordPressSite, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "fetch", wp_en.posts["draft"].url, "--into", str(tmp_path))
    assert code == 1 and "no such page (HTTP 404)" in err
