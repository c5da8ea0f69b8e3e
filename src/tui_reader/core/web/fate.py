"""What became of a posted comment, read from the site's REST API (anonymous, read-only).

`GET …/wp/v2/comments/N` is 200 for a published comment, 401 while it is held for moderation
(or marked spam, or trashed), 404 when it no longer exists. With plain permalinks `/wp-json/`
answers the home page as HTML: only a JSON answer counts, and `?rest_route=` is the fallback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from html import unescape
from urllib.parse import urlsplit

from tui_reader.core.web.client import NetworkProblem, WebClient
from tui_reader.core.web.destination import Destination
from tui_reader.core.web.wordpress import RestApi


class Fate(StrEnum):
    PUBLISHED = "published"
    HELD = "held"  # awaiting moderation (or spam / trash: the API does not tell anonymous readers)
    GONE = "gone"  # the site no longer has it
    UNKNOWN = "unknown"  # no answer we could read


@dataclass(frozen=True, slots=True)
class FateAnswer:
    fate: Fate
    http_status: int | None = None
    link: str | None = None  # the comment's public address, when published
    problem: NetworkProblem | None = None


def site_root(destination: Destination) -> str:
    """The WordPress root: the form action's directory (…/wp-comments-post.php → …/)."""
    parts = urlsplit(destination.action)
    path = parts.path.rsplit("/", 1)[0] + "/"
    return parts._replace(path=path, query="", fragment="").geturl()


def rest_urls(
    destination: Destination, route: str, params: dict[str, str] | None = None
) -> list[str]:
    """Where `route` (e.g. "/wp/v2/comments/5") can be read: under the advertised API root
    first (as the site spells it), then `?rest_route=` on the site's root, which works with any
    permalink setting (core.web.wordpress.RestApi builds both)."""
    apis = [RestApi.from_root_url(destination.api_root)] if destination.api_root else []
    apis.append(RestApi.fallback(site_root(destination)))
    return list(dict.fromkeys(api.url(route, params) for api in apis))


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None


def check_fate(client: WebClient, destination: Destination, comment_id: int) -> FateAnswer:
    problem: NetworkProblem | None = None
    for url in rest_urls(destination, f"/wp/v2/comments/{comment_id}"):
        answer = client.get(url)
        if isinstance(answer, NetworkProblem):
            problem = answer
            continue
        if not answer.is_json:
            continue
        doc = _json(answer.text)
        if answer.status == 200 and isinstance(doc, dict) and doc.get("id") == comment_id:
            link = doc.get("link") if isinstance(doc.get("link"), str) else None
            return FateAnswer(Fate.PUBLISHED, 200, link)
        if answer.status in (401, 403):
            return FateAnswer(Fate.HELD, answer.status)
        gone = isinstance(doc, dict) and doc.get("code") == "rest_comment_invalid_id"
        if answer.status == 404 and gone:
            return FateAnswer(Fate.GONE, 404)
    return FateAnswer(Fate.UNKNOWN, None, problem=problem)


_TAGS = re.compile(r"<[^>]*>")


def _letters(text: str) -> str:
    """Letters and digits only: WordPress's wpautop and wptexturize change the rest."""
    return "".join(ch for ch in unescape(_TAGS.sub("", text)).casefold() if ch.isalnum())


def find_published(
    client: WebClient, destination: Destination, author: str, comment: str
) -> tuple[int, str | None] | bool:
    """The id and link of a published comment on the post with this author and text; False
    when the site's list says there is none (not public: held), True when it could not be read.

    Used when WordPress said "duplicate" (409): the comment is there, but which one is it?
    Only published comments are visible to us; a held one stays unknown.
    """
    words = comment.split()
    search = " ".join(words[:12])
    params = {"post": str(destination.post_id), "per_page": "100", "search": search}
    wanted = _letters(comment)
    for url in rest_urls(destination, "/wp/v2/comments", params):
        answer = client.get(url)
        if isinstance(answer, NetworkProblem) or not answer.is_json or answer.status != 200:
            continue
        doc = _json(answer.text)
        if not isinstance(doc, list):
            continue
        for item in doc:
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                continue
            content = item.get("content")
            rendered = content.get("rendered") if isinstance(content, dict) else None
            if not isinstance(rendered, str) or _letters(rendered) != wanted:
                continue
            if str(item.get("author_name", "")).strip() != author.strip():
                continue
            link = item.get("link") if isinstance(item.get("link"), str) else None
            return item["id"], link
        return False
    return True
