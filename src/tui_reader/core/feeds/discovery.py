"""From what the user typed to a feed: the address itself when it is one, else the feeds a
page announces (`<link rel="alternate" type="application/rss+xml|atom+xml">`), else where
WordPress serves one (`/feed/`, or `/?feed=rss2` on a site without pretty permalinks)."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from tui_reader.core.feeds.errors import FeedError
from tui_reader.core.feeds.parsing import ParsedFeed, parse_feed

if TYPE_CHECKING:
    from tui_reader.core.web.client import Answer, WebClient

FEED_TYPES = ("application/rss+xml", "application/atom+xml")
MAX_FEED = 10 * 1024 * 1024  # a feed of 20 full posts is well under 1 MB; 50 MB is not a feed
MAX_HEAD = 2 * 1024 * 1024  # where the <link>s are looked for


class _FeedLinks(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            href = dict(attrs).get("href")
            if href:
                self.base = urljoin(self.base, href)
        if tag != "link":
            return
        values = {name: (value or "") for name, value in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        href = values.get("href", "").strip()
        if "alternate" in rels and kind in FEED_TYPES and href:
            url = urljoin(self.base, href)
            if url.split("://", 1)[0].lower() in ("http", "https") and url not in self.links:
                self.links.append(url)


def feed_links(html: str, base_url: str) -> list[str]:
    """The feeds a page announces, in its order."""
    parser = _FeedLinks(base_url)
    try:
        parser.feed(html[:MAX_HEAD])
        parser.close()
    except AssertionError:  # HTMLParser on some broken markup
        pass
    return parser.links


def wordpress_guesses(url: str) -> list[str]:
    """Where WordPress serves the site's feed, pretty permalinks or not."""
    parts = urlsplit(url)
    root = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
    return [urljoin(root, "feed/"), urljoin(root, "?feed=rss2")]


@dataclass(frozen=True, slots=True)
class Discovered:
    url: str  # the feed's address
    feed: ParsedFeed


def fetch_feed(client: WebClient, url: str, headers: dict[str, str] | None = None) -> Answer:
    """GET a feed, bounded; raises FeedError/FetchError. Redirects are followed to any http(s)
    address: feeds move (to https, to a feed service), and reading one sends nothing of ours."""
    from tui_reader.core.web.client import NetworkProblem
    from tui_reader.core.web.fetcher import FetchError, network_error

    answer = client.get(url, any_site=True, headers=headers, max_body=MAX_FEED)
    if isinstance(answer, NetworkProblem):
        raise network_error(answer, url)
    if answer.status == 304:
        return answer
    if answer.status in (404, 410):
        raise FetchError("fetch.error.gone", url=url, status=answer.status)
    if 500 <= answer.status < 600:
        raise FetchError("fetch.error.server", url=url, status=answer.status)
    if answer.status != 200:
        raise FetchError("fetch.error.status", url=url, status=answer.status)
    if answer.too_big:
        raise FeedError("feeds.error.too_big", url=url, size=MAX_FEED // (1024 * 1024))
    return answer


def _try_feed(client: WebClient, url: str) -> Discovered | None:
    from tui_reader.core.web.fetcher import FetchError

    try:
        answer = fetch_feed(client, url)
        return Discovered(answer.url, parse_feed(answer.body, answer.url, _type(answer)))
    except (FeedError, FetchError):
        return None


def _type(answer: Answer) -> str:
    return answer.headers.get("content-type", "")


def discover(client: WebClient, url: str) -> Discovered:
    """The feed at `url`, or announced by the page at `url`, or WordPress's. Raises
    FeedError / FetchError (the page itself could not be fetched)."""
    from tui_reader.core.web.fetcher import check_url

    check_url(url)
    url = url.strip()
    answer = fetch_feed(client, url)
    kind = _type(answer).split(";")[0].strip().lower()
    try:
        return Discovered(answer.url, parse_feed(answer.body, answer.url, _type(answer)))
    except FeedError as error:
        if error.key != "feeds.error.not_feed" and "html" not in kind:
            raise  # a feed, but broken: say so rather than look elsewhere
    candidates = feed_links(answer.text, answer.url) if "html" in kind else []
    candidates += [guess for guess in wordpress_guesses(answer.url) if guess not in candidates]
    for candidate in candidates:
        found = _try_feed(client, candidate)
        if found is not None:
            return found
    raise FeedError("feeds.error.no_feed", url=url)
