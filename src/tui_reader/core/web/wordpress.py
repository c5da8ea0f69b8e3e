"""A WordPress post read from the site's REST API: where the API is, the post, its comments.

Discovery, in the order WordPress itself advertises it: the page's `Link: <…/wp/v2/posts/N>;
rel="alternate"; type="application/json"` header, the same link in the head, else the post id
(the comment form's `comment_post_ID`, the `postid-N` body class) under the API root
(`<link rel="https://api.w.org/">` or `Link: …; rel="https://api.w.org/"`). With plain
permalinks `/wp-json/` is not routed and answers the home page as HTML: only an answer whose
Content-Type is JSON counts, and `?rest_route=` on the site's root is the fallback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from tui_reader.core.web.client import Answer, NetworkProblem, WebClient

_LINK_ITEM = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]+)*)")
_POST_ROUTE = re.compile(r"/wp/v2/(posts|pages)/(\d+)/?\Z")
_BODY_POST_ID = re.compile(r"<body\b[^>]*\bclass=[\"'][^\"']*\bpostid-(\d+)", re.IGNORECASE)
API_REL = "https://api.w.org/"


@dataclass(frozen=True, slots=True)
class RestApi:
    """The REST API of a site, spelt as the site spells it: `…/wp-json` + route, or
    `…/?rest_route=` + route (plain permalinks)."""

    root: str  # "http://site/wp-json" or "http://site/?rest_route=" (no trailing slash)

    @property
    def query_style(self) -> bool:
        return "rest_route=" in self.root

    def url(self, route: str, params: dict[str, str] | None = None) -> str:
        if self.query_style:
            url = self.root + quote(route, safe="/")
        else:
            url = self.root.rstrip("/") + route
        return with_params(url, params or {})

    def to_dict(self) -> str:
        return self.root

    @classmethod
    def from_root_url(cls, url: str) -> RestApi:
        """From an advertised API root: "http://site/wp-json/" or "http://site/?rest_route=/"."""
        if "rest_route=" in url:
            return cls(url.split("rest_route=")[0] + "rest_route=")
        return cls(url.rstrip("/"))

    @classmethod
    def fallback(cls, site_root: str) -> RestApi:
        return cls(site_root.rstrip("/") + "/?rest_route=")


def with_params(url: str, params: dict[str, str]) -> str:
    if not params:
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urlunsplit(parts._replace(query=urlencode(query, safe="/")))


def link_header(value: str, base: str) -> list[tuple[str, dict[str, str]]]:
    """The links of an HTTP `Link` header (several headers arrive joined by commas)."""
    links: list[tuple[str, dict[str, str]]] = []
    for match in _LINK_ITEM.finditer(value or ""):
        params: dict[str, str] = {}
        for item in match[2].split(";"):
            name, _, raw = item.partition("=")
            if name.strip():
                params[name.strip().lower()] = raw.strip().strip('"')
        links.append((urljoin(base, match[1].strip()), params))
    return links


@dataclass(frozen=True, slots=True)
class PostLocation:
    api: RestApi
    route: str  # "/wp/v2/posts/12"
    post_id: int


def _split_post_url(url: str) -> PostLocation | None:
    """A REST URL of a post, pretty or `?rest_route=`, as its API root and route."""
    parts = urlsplit(url)
    if "rest_route=" in parts.query:
        route = dict(parse_qsl(parts.query)).get("rest_route", "")
        match = _POST_ROUTE.search(route)
        if not match:
            return None
        root = urlunsplit(parts._replace(query="", fragment=""))
        return PostLocation(RestApi(root + "?rest_route="), route, int(match[2]))
    match = _POST_ROUTE.search(parts.path)
    if not match:
        return None
    root = urlunsplit(parts._replace(path=parts.path[: match.start()], query="", fragment=""))
    return PostLocation(RestApi(root), parts.path[match.start() :], int(match[2]))


def post_candidates(
    page: Answer, html: str, post_json: str | None, api_root: str | None, form_post_id: int | None
) -> list[PostLocation]:
    """Where the page's post may be read in the REST API, most likely first."""
    found: list[PostLocation] = []
    header_api: str | None = None
    for url, params in link_header(page.headers.get("link", ""), page.url):
        rels = params.get("rel", "").split()
        if "alternate" in rels and "json" in params.get("type", ""):
            location = _split_post_url(url)
            if location:
                found.append(location)
        if API_REL in rels:
            header_api = header_api or url
    if post_json:
        location = _split_post_url(post_json)
        if location:
            found.append(location)
    post_id = form_post_id
    if post_id is None:
        match = _BODY_POST_ID.search(html)
        post_id = int(match[1]) if match else None
    if post_id is None and found:
        post_id = found[0].post_id
    if post_id is not None:
        route = f"/wp/v2/posts/{post_id}"
        for root in (header_api, api_root):
            if root:
                found.append(PostLocation(RestApi.from_root_url(root), route, post_id))
        found.append(PostLocation(RestApi.fallback(site_root(page.url, api_root)), route, post_id))
    for location in list(found):  # the same route without pretty permalinks
        if not location.api.query_style:
            site = location.api.root.rsplit("/wp-json", 1)[0]
            found.append(PostLocation(RestApi.fallback(site), location.route, location.post_id))
    unique: dict[str, PostLocation] = {}
    for location in found:
        unique.setdefault(location.api.url(location.route), location)
    return list(unique.values())


def site_root(page_url: str, api_root: str | None) -> str:
    """The WordPress root: before /wp-json of the advertised API, else the page's origin."""
    if api_root and "/wp-json" in api_root:
        return api_root.split("/wp-json")[0]
    if api_root and "rest_route=" in api_root:
        return api_root.split("?")[0].rstrip("/")
    parts = urlsplit(page_url)
    return f"{parts.scheme}://{parts.netloc}"


def read_json(answer: Answer | NetworkProblem) -> object | None:
    """A JSON document from a 200 answer whose Content-Type says JSON; else None."""
    if isinstance(answer, NetworkProblem) or answer.status != 200 or not answer.is_json:
        return None
    try:
        return json.loads(answer.text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class RestPost:
    location: PostLocation
    doc: dict[str, object]


def fetch_post(client: WebClient, candidates: list[PostLocation]) -> RestPost | None:
    """The first candidate that answers a post (with its author embedded)."""
    for location in candidates:
        url = location.api.url(location.route, {"_embed": "author"})
        doc = read_json(client.get(url))
        if isinstance(doc, dict) and doc.get("id") == location.post_id:
            return RestPost(location, doc)
    return None


def rendered(doc: dict[str, object], key: str) -> str:
    value = doc.get(key)
    if isinstance(value, dict):
        value = value.get("rendered")
    return value if isinstance(value, str) else ""


def author_name(doc: dict[str, object]) -> str | None:
    embedded = doc.get("_embedded")
    authors = embedded.get("author") if isinstance(embedded, dict) else None
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        name = authors[0].get("name")
        if isinstance(name, str) and name.strip():
            return name
    return None
