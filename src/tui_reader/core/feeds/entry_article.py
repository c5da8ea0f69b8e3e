"""A feed entry made into a library article, as `reader fetch` makes a page into one.

- A WordPress feed: the entry's post is fetched as `reader fetch` does (REST post, comment
  form, comment thread), so comments can be read and written offline.
- Another feed with the full text (`content:encoded`, Atom `content`): that text, nothing
  fetched; its comments are not available.
- Otherwise (a summary only): the entry's page is fetched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_reader.core.feeds.parsing import FeedEntry, ParsedFeed

if TYPE_CHECKING:
    from tui_reader.core.web.client import WebClient
    from tui_reader.core.web.fetcher import FetchedArticle


def article_from_entry(
    client: WebClient, feed: ParsedFeed, entry: FeedEntry, feed_title: str
) -> FetchedArticle:
    """Raises FetchError when the entry's page or post cannot be fetched."""
    from tui_reader.core.web.fetcher import FetchedArticle, fetch_article_with, now_utc
    from tui_reader.core.web.html_markdown import html_to_markdown, html_to_text

    if entry.link and (feed.wordpress or not entry.html):
        fetched = fetch_article_with(client, entry.link)
        fetched.date = fetched.date or entry.date
        if entry.title and fetched.title in (fetched.source, fetched.url, entry.link):
            fetched.title = html_to_text(entry.title)  # a page without a <title>
    else:
        link = entry.link or feed.site
        fetched = FetchedArticle(
            url=link,
            source=link,
            title=html_to_text(entry.title) or link,
            author=html_to_text(entry.author or "") or None,
            date=entry.date,
            lang=feed.lang,
            markdown=html_to_markdown(entry.html or entry.summary or "", link),
            fetched=now_utc(),
            comments_open=False,
            comments_available=False,
            destination=None,
        )
    fetched.feed = feed_title
    return fetched
