"""Where a draft's comment goes, and the rules on which sites may be contacted.

A destination is what the post's page says: the form's `action`, the hidden `comment_post_ID`,
whether name and email are required, the submit button's value, the REST API root. It is
saved on the draft (docs/drafts-format.md) so a later send needs no extra request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
DEFAULT_SUBMIT = "Post Comment"


class DestinationError(ValueError):
    """A saved destination that is not one (the reason is for logs and tests)."""


@dataclass(slots=True)
class Destination:
    page_url: str  # the post's page the form was read from
    action: str  # absolute URL the form posts to (normally …/wp-comments-post.php)
    post_id: int  # the hidden comment_post_ID
    require_name_email: bool = True  # the `required` attribute on author / email
    submit: str = DEFAULT_SUBMIT  # the submit button's value, sent as `submit`
    api_root: str | None = None  # <link rel="https://api.w.org/">, for the fate check
    discovered: str = ""  # ISO 8601 UTC time of the discovery
    # The reader confirmed that the form may post to a host other than the article's.
    foreign_action_confirmed: bool = False

    @property
    def action_host(self) -> str:
        return host_of(self.action)

    @property
    def insecure(self) -> bool:
        """Name and e-mail would travel unencrypted (plain http)."""
        return urlsplit(self.action).scheme == "http"

    def to_dict(self) -> dict[str, Any]:
        return {
            "page_url": self.page_url,
            "action": self.action,
            "post_id": self.post_id,
            "require_name_email": self.require_name_email,
            "submit": self.submit,
            "api_root": self.api_root,
            "discovered": self.discovered,
            "foreign_action_confirmed": self.foreign_action_confirmed,
        }

    @classmethod
    def from_dict(cls, doc: object) -> Destination:
        if not isinstance(doc, dict):
            raise DestinationError("destination is not an object")

        def get(key: str, kind: type, default: object = None, *, required: bool = False) -> Any:
            value = doc.get(key, default)
            if value is None and not required:
                return default
            if type(value) is not kind:  # bool is not an int here
                raise DestinationError(f"destination.{key} is not a {kind.__name__}")
            return value

        post_id = get("post_id", int, required=True)
        action = get("action", str, required=True)
        page_url = get("page_url", str, required=True)
        if post_id < 1 or not is_web_url(action) or not is_web_url(page_url):
            raise DestinationError("destination has no usable post id or addresses")
        return cls(
            page_url=page_url,
            action=action,
            post_id=post_id,
            require_name_email=get("require_name_email", bool, True),
            submit=get("submit", str, DEFAULT_SUBMIT),
            api_root=get("api_root", str, None),
            discovered=get("discovered", str, ""),
            foreign_action_confirmed=get("foreign_action_confirmed", bool, False),
        )


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in WEB_SCHEMES and bool(parts.hostname)


def host_of(url: str) -> str:
    """ "example.org" or "example.org:8080": the host (lowercase) and a non-default port."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host if port is None or port == default else f"{host}:{port}"


def same_site(url: str, other: str) -> bool:
    """Same host and port; http → https on the same host counts as the same site."""
    a, b = urlsplit(url), urlsplit(other)
    if (a.hostname or "").lower() != (b.hostname or "").lower() or not a.hostname:
        return False
    if host_of(url) == host_of(other):
        return True
    # An upgrade to https on the default port is the same site (http://x → https://x).
    return {a.scheme, b.scheme} == {"http", "https"} and {a.port, b.port} <= {None, 80, 443}


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    import ipaddress  # rarely needed: not on the start-up path

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
