"""A forward HTTP proxy on 127.0.0.1 that passes requests to the (loopback) server, except that
once the server has answered a POST it keeps the answer: the comment is stored, the client never
learns it. The kill -9 test stops the client right there, between the POST and its record."""

from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

_HOP = {"connection", "proxy-connection", "keep-alive", "transfer-encoding", "content-length"}


class HoldingProxy:
    def __init__(self) -> None:
        self.posted = threading.Event()  # the server has answered a POST (held back here)
        self._release = threading.Event()
        proxy = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _relay(self, method: str) -> None:
                target = urlsplit(self.path)
                if target.hostname != "127.0.0.1":  # loopback only, whatever is asked
                    self.send_error(403)
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                conn = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
                path = target.path + (f"?{target.query}" if target.query else "")
                conn.request(method, path or "/", body, headers)
                answer = conn.getresponse()
                data = answer.read()
                conn.close()
                if method == "POST":
                    proxy.posted.set()
                    proxy._release.wait()  # the client waits for an answer that never comes
                    return
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in _HOP:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._relay("GET")

            def do_POST(self) -> None:
                self._relay("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()
