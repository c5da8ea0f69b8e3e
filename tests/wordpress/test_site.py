"""The test sites are a real WordPress: pages, comment posts, REST, messages (stdlib client only).

The sender's own tests live with the sender; these only prove what the fixture promises.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.repo_paths import REPO
from tests.wordpress import fixtures
from tests.wordpress import site as site_module
from tests.wordpress.site import ENABLE_HINT, WordPressSite


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


# No proxy from the environment: loopback only.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def http(url: str, form: dict[str, object] | None = None) -> Answer:
    assert url.startswith("http://127.0.0.1:")
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with _OPENER.open(url, data, timeout=30) as answer:
            return Answer(answer.status, dict(answer.headers), answer.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read().decode())


def post_comment(site: WordPressSite, post: str = "open", **fields: object) -> Answer:
    form: dict[str, object] = {
        "comment": "A comment from the tests.",
        "author": "Tess Tester",
        "email": "tess@example.com",
        "url": "",
        "wp-comment-cookies-consent": "yes",
        "comment_post_ID": site.posts[post].id,
        "comment_parent": 0,
        "submit": "Post Comment",
    }
    form.update(fields)
    return http(f"{site.base_url}/wp-comments-post.php", form)


def comment_id(answer: Answer) -> int:
    assert answer.status == 302, answer.body[:500]
    found = re.search(r"#comment-(\d+)$", answer.headers["Location"])
    assert found, answer.headers["Location"]
    return int(found.group(1))


def die_message(answer: Answer) -> str:
    found = re.search(r'<div class="wp-die-message">(.*?)</div>', answer.body, re.S)
    assert found, answer.body[:500]
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_open_post_page_has_the_comment_form_and_its_thread(
    lang: str, request: pytest.FixtureRequest
) -> None:
    site: WordPressSite = request.getfixturevalue(f"wordpress_{lang}")
    page = http(site.posts["open"].url)
    assert page.status == 200
    assert f'<html lang="{site.locale.replace("_", "-")}"' in page.body
    assert re.search(r'<form action="[^"]*/wp-comments-post\.php"', page.body)
    hidden = re.search(r"name=['\"]comment_post_ID['\"] value=['\"](\d+)['\"]", page.body)
    assert hidden and int(hidden.group(1)) == site.posts["open"].id
    approved = [c for c in site.comments(site.posts["open"].id) if c.approved == "1"]
    reply = next(c for c in approved if c.parent)
    assert f'id="comment-{reply.id}"' in page.body
    assert html.escape(site.posts["open"].title, quote=False) in html.unescape(page.body)


def test_a_posted_comment_lands_in_the_database_held_then_approved_authors_pass(
    wp_en: WordPressSite,
) -> None:
    before = {c.id for c in wp_en.comments()}
    held = comment_id(post_comment(wp_en, comment="Held, as a first comment is."))
    rows = [c for c in wp_en.comments(wp_en.posts["open"].id) if c.id not in before]
    assert [(c.id, c.author, c.email, c.content, c.parent, c.approved) for c in rows] == [
        (held, "Tess Tester", "tess@example.com", "Held, as a first comment is.", 0, "0")
    ]
    assert http(f"{wp_en.base_url}/wp-json/wp/v2/comments/{held}").status == 401

    wp_en.approve_author("Tess Tester", "tess@example.com")
    parent = wp_en.fixture_comments["approved"]
    published = comment_id(post_comment(wp_en, comment="Now published.", comment_parent=parent))
    row = next(c for c in wp_en.comments() if c.id == published)
    assert (row.approved, row.parent) == ("1", parent)
    rest = http(f"{wp_en.base_url}/wp-json/wp/v2/comments/{published}")
    assert rest.status == 200
    assert json.loads(rest.body)["author_name"] == "Tess Tester"


def test_closed_and_draft_posts_refuse_comments(wp_en: WordPressSite) -> None:
    closed = post_comment(wp_en, post="closed")
    assert closed.status == 403
    assert die_message(closed) == "Sorry, comments are closed for this item."
    draft = post_comment(wp_en, post="draft")
    assert (draft.status, draft.body) == (200, "")
    assert not [c for c in wp_en.comments() if c.author == "Tess Tester"]


def test_the_french_site_answers_in_french(wp_fr: WordPressSite) -> None:
    first = next(c for c in wp_fr.comments() if c.id == wp_fr.fixture_comments["approved"])
    duplicate = post_comment(wp_fr, comment=first.content, author=first.author, email=first.email)
    assert duplicate.status == 409
    assert die_message(duplicate).startswith("Détection d’un doublon")
    closed = post_comment(wp_fr, post="closed")
    assert die_message(closed) == "Désolé, les commentaires sont fermés pour cet article."


def test_the_flood_check_is_off_unless_asked(wp_en: WordPressSite) -> None:
    comment_id(post_comment(wp_en, comment="One."))
    comment_id(post_comment(wp_en, comment="Two, at once."))
    wp_en.set_flood_check(True)
    flood = post_comment(wp_en, comment="Three, too fast.")
    assert flood.status == 429
    assert die_message(flood) == "You are posting comments too quickly. Slow down."


def test_server_down_then_up_on_the_same_address(wp_en: WordPressSite) -> None:
    wp_en.stop_server()
    with pytest.raises(urllib.error.URLError):
        _OPENER.open(wp_en.base_url + "/", timeout=5)
    wp_en.start_server()
    assert http(wp_en.base_url + "/").status == 200


def test_a_failing_server_answers_its_status_and_stores_nothing(wp_en: WordPressSite) -> None:
    wp_en.set_post_status(503)
    before = len(wp_en.comments())
    answer = post_comment(wp_en)
    assert answer.status == 503
    assert len(wp_en.comments()) == before


def test_what_a_machine_lacks_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_module, "WORDPRESS", tmp_path / "wordpress")
    monkeypatch.setattr(site_module, "_SEARCH_PATH", str(tmp_path / "bin"))
    lacking = site_module.missing_requirements()
    assert lacking[:4] == ["php", "mariadbd", "mariadb-install-db", "mariadb"]
    assert str(tmp_path / "wordpress" / "wp-settings.php") in lacking
    assert str(tmp_path / "wordpress" / "wp-content" / "languages" / "fr_FR.mo") in lacking


# In-process, with none of the suite's heavy plugins (the snapshot one would also remove the outer
# session's temporary directory).
_INNER_OPTIONS = tuple(
    arg
    for plugin in (
        "xdist",
        "cacheprovider",
        "textual-snapshot",
        "syrupy",
        "hypothesispytest",
        "asyncio",
    )
    for arg in ("-p", f"no:{plugin}")
)


def test_without_the_packages_the_tests_skip_with_one_line_and_ci_fails(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fixtures, "_lacking", lambda: ("mariadbd",))
    pytester.makeconftest('pytest_plugins = ["tests.wordpress.fixtures"]')
    pytester.makepyfile(
        "def test_en(wordpress_en): pass\ndef test_fr(wp_fr): pass\ndef test_plain(): pass\n"
    )
    monkeypatch.delenv("CI", raising=False)
    result = pytester.runpytest(*_INNER_OPTIONS)
    result.assert_outcomes(passed=1, skipped=2)
    lines = [line for line in result.outlines if "WordPress tests skipped" in line]
    assert lines == [f"2 WordPress tests skipped (no test server); to enable them: {ENABLE_HINT}"]

    monkeypatch.setenv("CI", "true")
    result = pytester.runpytest(*_INNER_OPTIONS)
    result.assert_outcomes(passed=1, errors=2)


def test_a_killed_test_process_leaves_no_server_and_no_files(wordpress_requirements: None) -> None:
    """kill -9 skips every teardown: the watchdog still stops the servers and removes the files."""
    code = (
        "import time\n"
        "from tests.wordpress.site import WordPressSite\n"
        "site = WordPressSite('en_US')\n"
        "print(site.db.root, site.db._proc.pid, site._server.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    try:
        started = child.stdout.readline()
        assert started, "the child process could not start a site"
        root, *pids = started.split()
        servers = [int(pid) for pid in pids]  # mariadbd, php -S
        assert Path(root).is_dir() and all(_alive(pid) for pid in servers)
    finally:
        child.kill()
        child.wait()
    deadline = time.monotonic() + 15
    while (any(map(_alive, servers)) or Path(root).exists()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in servers if _alive(pid)]
    assert not Path(root).exists()


def _alive(group: int) -> bool:
    """Whether a process of this group runs; zombies waiting for their parent do not count.

    The servers lead their process groups; PHP's workers are in the group of `php -S`.
    """
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            return True
    return False
