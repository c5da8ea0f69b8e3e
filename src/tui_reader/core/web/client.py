"""The one place that speaks HTTP, with httpx, imported when the first request is made.

Every request: User-Agent "tui-reader/VERSION", TLS verified, proxies from the environment
(HTTP_PROXY, HTTPS_PROXY, NO_PROXY), bounded timeouts, redirects followed only within the same
site (a redirect elsewhere is an answer, never followed), bodies read up to a bound.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from tui_reader import __version__
from tui_reader.core.web.destination import is_web_url, same_site

if TYPE_CHECKING:
    import ssl

    import httpx

USER_AGENT = f"tui-reader/{__version__}"
MAX_BODY = 4 * 1024 * 1024  # a post's page, an error page or a REST answer is far smaller
MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect: float = 10.0
    read: float = 30.0  # a busy WordPress can take seconds to store a comment

    def for_httpx(self) -> httpx.Timeout:
        import httpx

        return httpx.Timeout(self.read, connect=self.connect, pool=self.connect)


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    url: str  # the address that answered (after same-site redirects)
    headers: dict[str, str]
    text: str
    too_big: bool = False  # the body went past the bound asked for: `text` is cut there
    body: bytes = b""  # the bytes as received (a feed parser reads its XML's own encoding)

    @property
    def location(self) -> str | None:
        value = self.headers.get("location")
        return urljoin(self.url, value) if value else None

    @property
    def is_json(self) -> bool:
        return "json" in self.headers.get("content-type", "").lower()


@dataclass(frozen=True, slots=True)
class NetworkProblem:
    key: str  # catalog key: send.error.timeout / refused / tls / network / redirect_away
    reason: str  # the client's own words, for the attempt record


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Certificates verified as httpx does by default (certifi's bundle, or SSL_CERT_FILE /
    SSL_CERT_DIR). Made once a process: loading the bundle costs more CPU than a send."""
    import httpx

    return httpx.create_ssl_context(trust_env=True)


class WebClient:
    """A session with one site or several; use as a context manager.

    Safe to share between threads (httpx.Client is); `per_host` bounds the requests in flight
    to one host at a time (a sync fetching many feeds must not hammer one site).
    """

    def __init__(self, timeouts: Timeouts | None = None, *, per_host: int | None = None) -> None:
        import httpx  # here, not at import time: only a send pays for it

        self._httpx = httpx
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=(timeouts or Timeouts()).for_httpx(),
            follow_redirects=False,
            trust_env=True,
            verify=_tls_context(),
        )
        self.requests = 0  # made so far (benchmarks, and tests of what an update costs)
        self.received = 0  # body bytes received so far
        self._per_host = per_host
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> WebClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        *,
        follow: bool = True,
        any_site: bool = False,
        headers: dict[str, str] | None = None,
        max_body: int = MAX_BODY,
    ) -> Answer | NetworkProblem:
        """GET `url`, following redirects that stay on the same site (or, with `any_site`,
        any http/https redirect: a page being fetched may live elsewhere now)."""
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._request("GET", url, headers=headers, max_body=max_body)
            if isinstance(answer, NetworkProblem) or not follow:
                return answer
            target = answer.location if answer.status in (301, 302, 303, 307, 308) else None
            if target is None:
                return answer
            if not is_web_url(target) or not (any_site or same_site(url, target)):
                return NetworkProblem("send.error.redirect_away", target)
            url = target
        return NetworkProblem("send.error.redirect_loop", url)

    def post_form(self, url: str, data: dict[str, str]) -> Answer | NetworkProblem:
        """POST `data` form-encoded, as a browser submits the form; redirects not followed."""
        return self._request("POST", url, data=data)

    def _host_slot(self, url: str) -> threading.BoundedSemaphore | None:
        if self._per_host is None:
            return None
        host = urlsplit(url).netloc.lower()
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.BoundedSemaphore(self._per_host)
            return slot

    def _request(
        self, method: str, url: str, *, max_body: int = MAX_BODY, **kwargs: Any
    ) -> Answer | NetworkProblem:
        slot = self._host_slot(url)
        if slot is None:
            return self._request_now(method, url, max_body=max_body, **kwargs)
        with slot:
            return self._request_now(method, url, max_body=max_body, **kwargs)

    def _request_now(
        self, method: str, url: str, *, max_body: int = MAX_BODY, **kwargs: Any
    ) -> Answer | NetworkProblem:
        httpx = self._httpx
        with self._lock:
            self.requests += 1
        try:
            with self._client.stream(method, url, **kwargs) as response:
                chunks: list[bytes] = []
                size = 0
                too_big = _declared_size(response.headers) > max_body
                for chunk in () if too_big else response.iter_bytes():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > max_body:
                        too_big = True
                        break
                body = b"".join(chunks)[:max_body]
                with self._lock:
                    self.received += size
                encoding = response.charset_encoding or _meta_charset(body) or "utf-8"
                try:
                    text = body.decode(encoding, errors="replace")
                except LookupError:  # a charset Python does not know
                    text = body.decode("utf-8", errors="replace")
                headers = {k.lower(): v for k, v in response.headers.items()}
                status, where = response.status_code, str(response.url)
                return Answer(status, where, headers, text, too_big, body)
        except httpx.TimeoutException as exc:
            return NetworkProblem("send.error.timeout", _reason(exc))
        except httpx.ConnectError as exc:
            key = "send.error.tls" if "SSL" in str(exc) or "certificate" in str(exc) else None
            return NetworkProblem(key or "send.error.refused", _reason(exc))
        except (httpx.HTTPError, httpx.InvalidURL, LookupError, ValueError) as exc:
            return NetworkProblem("send.error.network", _reason(exc))


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _meta_charset(body: bytes) -> str | None:
    """A page's `<meta charset>` when the Content-Type header names none."""
    match = _META_CHARSET.search(body[:4096])
    return match[1].decode("ascii") if match else None


def _declared_size(headers: Any) -> int:
    try:
        return int(headers.get("content-length") or 0)
    except ValueError:
        return 0


def _reason(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__)[:300]
