"""`reader fetch`: a web page made into a library article, with its comment thread.

One GET of the page (redirects followed, 20 MB at most, HTML only), then:
- a WordPress post (core.web.wordpress): the REST post (title, author, date_gmt, link,
  comment_status, content → Markdown), the comment form of the page (core.web.form, the same
  discovery the outbox uses) and the approved comments (core.web.thread);
- any other page: its main text (core.web.extract); comments work if the page carries a
  WordPress comment form, else the article says they are not available.
Everything the outbox needs to send a comment later is kept, so sending works offline from the
saved file. Failures are FetchError(catalog key): never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tui_reader.core.catalog import t
from tui_reader.core.sanitize import make_inert
from tui_reader.core.web.client import Answer, NetworkProblem, Timeouts, WebClient
from tui_reader.core.web.destination import Destination, is_web_url
from tui_reader.core.web.extract import main_text, read_head
from tui_reader.core.web.form import read_post_page
from tui_reader.core.web.html_markdown import html_to_markdown, html_to_text
from tui_reader.core.web.thread import Comment, ThreadProblem, fetch_comments
from tui_reader.core.web.wordpress import (
    RestApi,
    author_name,
    fetch_post,
    post_candidates,
    rendered,
)

MAX_PAGE = 20 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")

# NetworkProblem keys of core.web.client → what a fetch says.
_NETWORK_KEYS = {
    "send.error.timeout": "fetch.error.timeout",
    "send.error.refused": "fetch.error.refused",
    "send.error.tls": "fetch.error.tls",
    "send.error.redirect_loop": "fetch.error.redirect_loop",
    "send.error.redirect_away": "fetch.error.redirect_bad",
    "send.error.network": "fetch.error.network",
}
_DNS_WORDS = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "no address associated",
    "getaddrinfo",
    "name resolution",
)


# Every placeholder a fetch message may have: a message is shown even when one is not known.
PARAM_DEFAULTS: dict[str, object] = {"url": "", "reason": "", "status": "", "path": ""}


class FetchError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        """The message, inert (it quotes addresses and the site's words)."""
        return make_inert(t(self.key, lang, **{**PARAM_DEFAULTS, **self.params}))


def network_error(problem: NetworkProblem, url: str) -> FetchError:
    reason = problem.reason.lower()
    if any(word in reason for word in _DNS_WORDS):
        return FetchError("fetch.error.dns", url=url, reason=problem.reason)
    key = _NETWORK_KEYS.get(problem.key, "fetch.error.network")
    return FetchError(key, url=url, reason=problem.reason)


def now_utc() -> str:
    # Microseconds: a comment is "new" when first seen after the previous fetch, and two
    # fetches can fall in the same second.
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(slots=True)
class FetchedArticle:
    url: str  # as asked
    source: str  # the article's own address (the post's link, else the page after redirects)
    title: str
    author: str | None
    date: str | None
    lang: str | None
    markdown: str  # the body, without the title
    fetched: str
    comments_open: bool
    comments_available: bool  # False: no comment form, comments cannot be read or sent here
    destination: Destination | None  # the comment form, for the outbox
    post_id: int | None = None
    api: RestApi | None = None  # where the thread is read again
    comments: list[Comment] | None = None  # None: the thread could not be read
    thread_problem: str | None = None  # catalog key, when the thread could not be read
    wordpress: bool = False
    slug: str | None = None
    feed: str | None = None  # the title of the feed it came from (reader sync)


def check_url(url: str) -> None:
    text = url.strip()
    if "://" not in text:
        raise FetchError("fetch.error.not_url", url=text)
    scheme = text.split("://", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise FetchError("fetch.error.scheme", url=text, scheme=scheme)
    if not is_web_url(text):
        raise FetchError("fetch.error.not_url", url=text)


def get_page(client: WebClient, url: str) -> Answer:
    answer = client.get(url, any_site=True, max_body=MAX_PAGE)
    if isinstance(answer, NetworkProblem):
        raise network_error(answer, url)
    if answer.status in (404, 410):
        raise FetchError("fetch.error.gone", url=url, status=answer.status)
    if 500 <= answer.status < 600:
        raise FetchError("fetch.error.server", url=url, status=answer.status)
    if answer.status != 200:
        raise FetchError("fetch.error.status", url=url, status=answer.status)
    if answer.too_big:
        raise FetchError("fetch.error.too_big", url=url, size=MAX_PAGE // (1024 * 1024))
    kind = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES:
        raise FetchError("fetch.error.not_html", url=url, type=kind or "?")
    return answer


def fetch_article(url: str, *, timeouts: Timeouts | None = None) -> FetchedArticle:
    check_url(url)
    url = url.strip()
    with WebClient(timeouts) as client:
        return _fetch(client, url)


def fetch_article_with(client: WebClient, url: str) -> FetchedArticle:
    """The same as fetch_article, on a client shared with other fetches (reader sync)."""
    check_url(url)
    return _fetch(client, url.strip())


def _fetch(client: WebClient, url: str) -> FetchedArticle:
    page = get_page(client, url)
    now = now_utc()
    html = page.text
    findings = read_post_page(html, page.url, now)
    destination = findings.destination
    head = read_head(html)
    form_post_id = destination.post_id if destination else None
    candidates = post_candidates(page, html, findings.post_json, findings.api_root, form_post_id)
    post = fetch_post(client, candidates) if candidates else None
    if post is not None:
        doc = post.doc
        link = doc.get("link") if isinstance(doc.get("link"), str) else page.url
        assert isinstance(link, str)
        if destination is not None:
            destination.page_url = link  # the outbox sends to the article's own address
        date = doc.get("date_gmt")
        open_ = doc.get("comment_status") == "open"
        slug = doc.get("slug")
        fetched = FetchedArticle(
            url=url,
            source=link,
            title=html_to_text(rendered(doc, "title")) or head.title or link,
            author=author_name(doc) or head.author,
            date=f"{date}Z" if isinstance(date, str) and date else head.date,
            lang=head.lang,
            markdown=html_to_markdown(rendered(doc, "content"), link),
            fetched=now,
            comments_open=open_ and destination is not None,
            comments_available=True,
            destination=destination,
            post_id=post.location.post_id,
            api=post.location.api,
            wordpress=True,
            slug=slug if isinstance(slug, str) else None,
        )
    else:
        title, markdown = main_text(html, page.url)
        fetched = FetchedArticle(
            url=url,
            source=page.url,
            title=head.title or title or page.url,
            author=head.author,
            date=head.date,
            lang=head.lang,
            markdown=markdown,
            fetched=now,
            comments_open=destination is not None,
            comments_available=destination is not None,
            destination=destination,
            post_id=form_post_id,
            api=RestApi.from_root_url(findings.api_root) if findings.api_root else None,
        )
    if fetched.post_id is not None and fetched.api is not None:
        thread = fetch_comments(client, fetched.api, fetched.post_id, fetched.source, now)
        if isinstance(thread, ThreadProblem):
            fetched.thread_problem = thread.key
        else:
            fetched.comments = thread
    return fetched
