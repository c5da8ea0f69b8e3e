"""`reader fetch` against local test servers on 127.0.0.1: a page that is not WordPress, a
page with a WordPress comment form, conditional requests, and every kind of bad input."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.web.local_server import LocalSite, Reply, Seen, post_page
from tui_reader.cli import main
from tui_reader.core.catalog import t
from tui_reader.core.web.client import Timeouts
from tui_reader.core.web.fetcher import FetchError, fetch_article
from tui_reader.core.web.saved_article import update_comments
from tui_reader.core.web.thread import read_thread

PAGES = Path(__file__).parent / "pages"


@pytest.fixture
def site() -> Iterator[LocalSite]:
    server = LocalSite()
    yield server
    server.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    return yaml.safe_load(text[4 : text.index("\n---\n")])


def test_a_page_that_is_not_wordpress(
    capsys: pytest.CaptureFixture[str], site: LocalSite, tmp_path: Path
) -> None:
    page = (PAGES / "generic-article.html").read_text("utf-8")
    site.route("GET", "/2026/09/trains-de-nuit.html", Reply(body=page))
    url = f"{site.base_url}/2026/09/trains-de-nuit.html"
    code, out, err = run(capsys, "fetch", url, "--into", str(tmp_path))
    assert (code, err) == (0, ""), out
    path = tmp_path / "trains-de-nuit.md"
    assert f"Saved: {path}" in out
    assert "Comments are not available for this page" in out
    meta = front_matter(path)
    assert meta["title"] == "Les trains de nuit reviennent"
    assert meta["author"] == "Jeanne Durand"
    assert meta["date"] == "2026-09-18T07:30:00+00:00"
    assert meta["lang"] == "fr"
    assert meta["source"] == url
    assert meta["comments"] == "closed" and meta["comments_available"] is False
    body = path.read_text("utf-8").split("\n---\n", 1)[1]
    assert "Depuis deux ans, les couchettes reprennent du service" in body
    assert "## Une demande qui dépasse l'offre" in body
    assert "- Paris – Nice : tous les soirs" in body
    assert "> « Le train de nuit" in body
    assert "[Les horaires](https://exemple.fr/horaires)" in body
    assert "ce lien piégé" in body and "javascript" not in body
    assert f"[Une couchette rénovée]({site.base_url}/images/couchette.jpg)" in body
    assert "[redaction@exemple.fr](mailto:redaction@exemple.fr)" in body
    assert "\x1b" not in body and "␛[31m sequences stay inert" in body
    for absent in ("tracker", "injected", "La vidéo", "Abonnez-vous", "Les plus lus", "Politique"):
        assert absent not in body

    code, out, err = run(capsys, "--print", str(path), "--width", "70")
    assert code == 0 and "Les trains de nuit reviennent" in out


def test_a_page_with_a_wordpress_comment_form(
    capsys: pytest.CaptureFixture[str], site: LocalSite, tmp_path: Path
) -> None:
    page = post_page(f"{site.base_url}/wp-comments-post.php", post_id=42, required=False)
    site.route("GET", "/a-post/", Reply(body=page.replace("Text of the post.", "Text " * 60)))
    code, out, err = run(capsys, "fetch", f"{site.base_url}/a-post/", "--into", str(tmp_path))
    assert (code, err) == (0, ""), out
    meta = front_matter(tmp_path / "a-post.md")
    assert meta["comments"] == "open" and "comments_available" not in meta
    assert meta["require_name_email"] is False
    assert meta["comment_form"]["action"] == f"{site.base_url}/wp-comments-post.php"
    assert meta["comment_form"]["comment_post_ID"] == 42
    body = (tmp_path / "a-post.md").read_text("utf-8").split("\n---\n", 1)[1]
    assert "Leave a Reply" not in body and "Post Comment" not in body  # the form is not text


def rest_site(site: LocalSite, etag: str = '"v1"') -> None:
    """A WordPress-like site whose comment list answers conditional requests."""
    base = site.base_url
    page = post_page(f"{base}/wp-comments-post.php", post_id=7)
    link = f'<{base}/wp-json/wp/v2/posts/7>; rel="alternate"; type="application/json"'
    site.route("GET", "/post/", Reply(body=page, headers={"Link": link}))
    post = {
        "id": 7, "link": f"{base}/post/", "slug": "post", "date_gmt": "2026-11-01T10:00:00",
        "title": {"rendered": "A &amp; B"}, "content": {"rendered": "<p>Body.</p>"},
        "comment_status": "open", "_embedded": {"author": [{"name": "Ann"}]},
    }  # fmt: skip
    json_headers = {"Content-Type": "application/json; charset=UTF-8"}
    site.route("GET", "/wp-json/wp/v2/posts/7", Reply(body=json.dumps(post), headers=json_headers))

    def comment(number: int, parent: int, author: str, url: str, html: str) -> dict:
        return {
            "id": number, "parent": parent, "author_name": author, "author_url": url,
            "date_gmt": f"2026-11-02T1{number}:00:00", "link": f"{base}/post/#comment-{number}",
            "content": {"rendered": html},
        }  # fmt: skip

    comments = [
        comment(1, 0, "Zoé", "", "<p>First &lt;3</p>"),
        comment(2, 1, "Yann", "javascript:x", "<p>Reply<script>x()</script></p>"),
    ]

    def listing(seen: Seen) -> Reply:
        if seen.headers.get("If-None-Match") == etag:
            return Reply(304, "", headers={"ETag": etag})
        items = comments[-1:] if "per_page=1&" in seen.path else comments
        headers = {**json_headers, "ETag": etag, "X-WP-Total": "2", "X-WP-TotalPages": "1"}
        return Reply(body=json.dumps(items), headers=headers)

    site.route("GET", "/wp-json/wp/v2/comments", listing)


def test_an_unchanged_thread_costs_one_conditional_request(
    capsys: pytest.CaptureFixture[str], site: LocalSite, tmp_path: Path
) -> None:
    rest_site(site)
    code, out, err = run(capsys, "fetch", f"{site.base_url}/post/", "--into", str(tmp_path))
    assert (code, err) == (0, ""), out
    path = tmp_path / "post.md"
    meta = front_matter(path)
    assert (meta["title"], meta["author"], meta["date"]) == ("A & B", "Ann", "2026-11-01T10:00:00Z")
    thread = read_thread(path)
    assert thread is not None
    assert [(c.id, c.parent, c.text, c.author_url) for c in thread.comments] == [
        (1, 0, "First <3", ""),
        (2, 1, "Reply", ""),
    ]
    # The first update learns the validators; from then on, one conditional request.
    update_comments(path)
    site.requests.clear()
    report = update_comments(path)
    assert (report.changed, report.requests) == (False, 1)
    assert [seen.headers.get("If-None-Match") for seen in site.requests] == ['"v1"']


def test_links_and_hidden_elements_never_reach_the_text() -> None:
    from tui_reader.core.web.html_markdown import html_to_markdown

    html = (
        '<p><a href="data:text/html,x">data</a> <a href="file:///etc/passwd">file</a> '
        '<a href="/rel">rel</a> <a href="vbscript:x">vb</a></p><style>p{}</style>'
        '<form action="/x"><p>form text</p></form><object>obj</object><img src="data:x" alt="pic">'
    )
    assert html_to_markdown(html, "https://site.example/a/") == (
        "data file [rel](https://site.example/rel) vb\n\npic\n"
    )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def loop(seen: Seen) -> Reply:
    return Reply(302, "", headers={"Location": seen.path})


BAD_ROUTES: dict[str, Reply | object] = {
    "/gone": Reply(410, "gone"),
    "/missing": Reply(404, "no"),
    "/broken": Reply(500, "oops"),
    "/busy": Reply(503, "later"),
    "/loop": loop,
    "/pdf": Reply(200, "%PDF-1.4", headers={"Content-Type": "application/pdf"}),
    "/huge": Reply(200, "<p>" + "x" * (20 * 1024 * 1024 + 10)),
}


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("example.org/page", "not a web address: example.org/page"),
        ("ftp://127.0.0.1/file", "only http and https addresses can be fetched, not ftp"),
        ("javascript:alert(1)", "not a web address"),
        ("http://", "not a web address"),
        ("refused", "the site does not answer (connection refused, or no network)"),
        ("tls", "the secure connection failed"),
        ("/gone", "no such page (HTTP 410)"),
        ("/missing", "no such page (HTTP 404)"),
        ("/broken", "the site failed (HTTP 500), try again later"),
        ("/busy", "the site failed (HTTP 503)"),
        ("/loop", "too many redirections (a redirect loop)"),
        ("/pdf", "not a web page (application/pdf)"),
        ("/huge", "the page is larger than 20 MB and was not fetched"),
    ],
)
def test_bad_input_is_one_clear_line_and_an_exit_status(
    capsys: pytest.CaptureFixture[str], site: LocalSite, tmp_path: Path, target: str, expected: str
) -> None:
    for path, reply in BAD_ROUTES.items():
        site.route("GET", path, reply)  # type: ignore[arg-type]
    # The client hangs up on the 20 MB page: the test server's broken pipe is expected, and its
    # report must not be taken for ours on stderr.
    site.server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    url = target
    if target == "refused":
        url = f"http://127.0.0.1:{closed_port()}/post/"
    elif target == "tls":
        url = site.base_url.replace("http://", "https://") + "/post/"
    elif target.startswith("/"):
        url = site.base_url + target
    code, _, err = run(capsys, "fetch", url, "--into", str(tmp_path / "lib"))
    assert code == 1
    assert err.startswith("reader: ") and expected in err, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "lib").exists() or not any((tmp_path / "lib").iterdir())


def test_dns_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No resolver is asked: the failure the system gives for an unknown name, without traffic.
    def no_such_name(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    code, _, err = run(capsys, "fetch", "https://no-such-site.invalid/post/")
    assert code == 1 and "the site's name could not be found" in err and "Traceback" not in err


def test_timeout(site: LocalSite) -> None:
    site.route("GET", "/slow", Reply(body="<p>late</p>", delay=5))
    with pytest.raises(FetchError) as caught:
        fetch_article(f"{site.base_url}/slow", timeouts=Timeouts(connect=2, read=0.3))
    error = caught.value
    assert t(error.key, "en", **error.params).startswith("the site took too long to answer")


def test_reader_url_fetches_once_then_reads_the_saved_copy(
    capsys: pytest.CaptureFixture[str], site: LocalSite
) -> None:
    site.route("GET", "/trains.html", Reply(body=(PAGES / "generic-article.html").read_text()))
    url = f"{site.base_url}/trains.html"
    code, out, err = run(capsys, "--print", url, "--width", "70")
    assert (code, err) == (0, "") and "Saved: " in out and "Les trains de nuit" in out
    site.close()  # offline from now on
    code, out, err = run(capsys, "--print", url, "--width", "70")
    assert (code, err) == (0, "") and "Saved: " not in out and "Depuis deux ans" in out


def test_fetch_libraries_stay_off_the_reading_path(tmp_path: Path) -> None:
    article = tmp_path / "fetched.md"
    article.write_text(
        "---\ntitle: T\nsource: https://example.org/t/\ncomment_form:\n  action: "
        "https://example.org/wp-comments-post.php\n  comment_post_ID: 3\n---\n\n# T\n\nText.\n",
        "utf-8",
    )
    code = f"""
import sys
from tui_reader.cli import main
main(["--print", {str(article)!r}, "--width", "60"])
import tui_reader.ui.app, tui_reader.cli_fetch
heavy = ("httpx", "markdownify", "readability", "bs4", "lxml")
print(sorted(name for name in heavy if name in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_page_in_latin_1_said_by_its_meta_tag(tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = (
        '<html lang="fr"><head><meta charset="iso-8859-1"><title>Été</title></head><body>'
        "<article><p>" + "Un été à la mer, déjà fini. " * 20 + "</p></article></body></html>"
    ).encode("latin-1")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")  # no charset: the page says it
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        fetched = fetch_article(f"http://127.0.0.1:{server.server_address[1]}/ete")
    finally:
        server.shutdown()
        server.server_close()
    assert fetched.title == "Été" and "Un été à la mer, déjà fini." in fetched.markdown


def test_usage_errors_and_files_without_a_thread(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "fetch")
    assert (
        code == 2 and err == "reader: the address to fetch is missing (see reader fetch --help)\n"
    )
    code, _, err = run(capsys, "reply", "x.md", "seven", "--text", "Hi")
    assert code == 2 and "invalid int value: 'seven' (see reader reply --help)" in err
    code, _, err = run(capsys, "comments", str(tmp_path / "missing.md"))
    assert code == 1 and "no such article" in err
    plain = tmp_path / "plain.md"
    plain.write_text("# Plain\n\nText.\n", "utf-8")
    code, _, err = run(capsys, "comments", str(plain))
    assert code == 1 and "has no saved comment thread" in err
    code, _, err = run(capsys, "fetch", "--update", str(plain))
    assert code == 1 and "has no comment thread to update" in err
    code, _, err = run(capsys, "reply", str(plain), "3", "--text", "Hi")
    assert code == 1 and "no comment 3 in the thread saved with" in err
