"""A small HTTP server on 127.0.0.1 for the failures a real WordPress will not produce on demand:
slow answers, 5xx, malformed pages, redirects elsewhere, a form posting to another host."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    form: dict[str, list[str]]


Handler = Reply | Callable[[Seen], Reply]


class LocalSite:
    def __init__(self, tls: tuple[str, str] | None = None) -> None:
        """`tls`: (certificate, key) files to serve https instead of http."""
        self.routes: dict[tuple[str, str], Handler] = {}
        self.requests: list[Seen] = []
        self._stop = threading.Event()
        site = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                path = urlsplit(self.path).path
                seen = Seen(method, self.path, dict(self.headers.items()), parse_qs(raw))
                site.requests.append(seen)
                handler = site.routes.get((method, path)) or site.routes.get((method, "*"))
                reply = Reply(404, "not here") if handler is None else handler
                if callable(reply):
                    reply = reply(seen)
                if reply.delay and site._stop.wait(reply.delay):
                    return
                data = reply.body.encode("utf-8")
                self.send_response(reply.status)
                headers = {"Content-Type": "text/html; charset=UTF-8", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        scheme = "http"
        if tls is not None:
            import ssl

            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.base_url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def route(self, method: str, path: str, handler: Handler) -> None:
        self.routes[(method, path)] = handler

    def posts(self) -> list[Seen]:
        return [seen for seen in self.requests if seen.method == "POST"]

    def close(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()


def post_page(
    action: str,
    post_id: int = 7,
    *,
    required: bool = True,
    api_root: str | None = None,
    submit: str = "Post Comment",
) -> str:
    """A post's page with WordPress's default comment form (twentytwentythree's markup)."""
    req = ' required=""' if required else ""
    api = f'<link rel="https://api.w.org/" href="{api_root}" />' if api_root else ""
    return f"""<!DOCTYPE html><html lang="en-US"><head><title>A post</title>{api}</head>
<body><article><p>Text of the post.</p></article>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
<form action="{action}" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-form-comment"><label for="comment">Comment</label>
<textarea id="comment" name="comment" maxlength="65525" required=""></textarea></p>
<p class="comment-form-author"><label for="author">Name</label>
<input id="author" name="author" type="text" value="" size="30" maxlength="245"{req} /></p>
<p class="comment-form-email"><label for="email">Email</label>
<input id="email" name="email" type="email" value="" size="30" maxlength="100"{req} /></p>
<p class="comment-form-url"><input id="url" name="url" type="url" value="" /></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent"
 name="wp-comment-cookies-consent" type="checkbox" value="yes" /></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit"
 value="{submit}" />
<input type='hidden' name='comment_post_ID' value='{post_id}' id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p>
</form></div></body></html>"""


def die_page(message: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>Comment Submission Failure</title></head>
<body id="error-page"><div class="wp-die-message"><p>{message}</p></div>
<p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>"""
