"""Reading WordPress's answer to a comment POST as WordPress means it.

Facts (shared/research/wordpress-server.md): success is a 302 whose Location ends in
`#comment-N` (`?unapproved=N` in it: held for moderation); every failure is a wp_die() page
with the message in `<div class="wp-die-message">`: 200 for the form's own checks, 409
duplicate, 429 flood, 403 closed (or login required), 200 with an empty body when the post
does not take comments (missing, draft, private, trashed), 5xx when the server failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from tui_reader.core.catalog import STRINGS
from tui_reader.core.comments.validation import (
    KEY_EMPTY_COMMENT,
    KEY_INVALID_EMAIL,
    KEY_REQUIRED,
    KEY_TOO_LONG,
)

MAX_MESSAGE = 500  # characters of a server message kept on the draft


class Outcome(StrEnum):
    ACCEPTED = "accepted"  # 302 to …#comment-N: the comment is on the site (held or not)
    DUPLICATE = "duplicate"  # 409: the very same comment is already there
    FLOOD = "flood"  # 429: too fast; wait the site's interval and try again
    INVALID = "invalid"  # 200 with a message: a form check failed (the draft needs editing)
    GONE = "gone"  # 200 with an empty body: the post takes no comments (missing, draft…)
    CLOSED = "closed"  # 403: comments are closed on this post
    LOGIN_REQUIRED = "login_required"  # 403: the site requires an account to comment
    SERVER_ERROR = "server_error"  # 5xx: try again later
    UNEXPECTED = "unexpected"  # an answer WordPress does not give: try again later
    NETWORK = "network"  # no answer at all (refused, timeout, TLS…): try again later


@dataclass(frozen=True, slots=True)
class PostAnswer:
    outcome: Outcome
    http_status: int | None
    message: str = ""  # WordPress's own words, tags stripped ("Error: Please type…")
    field: str | None = None  # the form field the message concerns, when known
    comment_id: int | None = None
    link: str | None = None  # where the comment is: the Location without ?unapproved=…
    held: bool | None = None  # True when the redirect says "awaiting moderation"
    problem_key: str | None = None  # NETWORK: what went wrong (core.web.client.NetworkProblem)
    retry_after: float | None = None  # FLOOD: seconds to wait, when the site says (Retry-After)


_COMMENT_FRAGMENT = re.compile(r"\Acomment-(\d+)\Z")
_SPACES = re.compile(r"\s+")


class _DieMessage(HTMLParser):
    """The text of `<div class="wp-die-message">`, or else of <body>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.die: list[str] = []
        self.body: list[str] = []
        self._die_depth = 0
        self._in_body = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title"):
            self._skip += 1
        if tag == "body":
            self._in_body = True
        if tag == "div":
            if self._die_depth:
                self._die_depth += 1
            elif "wp-die-message" in (dict(attrs).get("class") or "").split():
                self._die_depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title") and self._skip:
            self._skip -= 1
        if tag == "div" and self._die_depth:
            self._die_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._die_depth:
            self.die.append(data)
        if self._in_body:
            self.body.append(data)


def die_message(html: str) -> tuple[str, bool]:
    """WordPress's message in an error page as one line of plain text, and whether the page
    is a wp_die() page at all (its message div, or its "Comment Submission Failure" title)."""
    parser = _DieMessage()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):
        pass
    is_die = bool(parser.die) or "wp-die-message" in html or "Comment Submission Failure" in html
    text = "".join(parser.die) or "".join(parser.body) or unescape(re.sub(r"<[^>]*>", " ", html))
    return _SPACES.sub(" ", text).strip()[:MAX_MESSAGE], is_die


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u00a0", " ").lower()
    return _SPACES.sub(" ", text).strip()


def _field_keys() -> list[tuple[str, str]]:
    pairs = [(KEY_REQUIRED, "author"), (KEY_INVALID_EMAIL, "email")]
    pairs.append((KEY_EMPTY_COMMENT, "comment"))
    pairs += [(key, name) for name, key in KEY_TOO_LONG.items()]
    return pairs


# Older translations (Debian ships WordPress 3.6's fr_FR) word things differently: keywords.
_FIELD_WORDS = (
    ("author", ("champs obligatoires", "required fields")),
    ("comment", ("comment", "commentaire")),
    ("email", ("email", "e-mail", "adresse de messagerie", "courriel")),
    ("url", ("url",)),
    ("author", ("name", "nom")),
)


def field_of(message: str) -> str | None:
    """The field a WordPress validation message is about, in English or French."""
    text = _normalise(message)
    for key, name in _field_keys():
        for variant in STRINGS[key].values():
            if isinstance(variant, str) and _normalise(variant) in text:
                return name
    for name, words in _FIELD_WORDS:
        if any(word in text for word in words):
            return name
    return None


_LOGIN_WORDS = ("logged in", "connecté", "connecter", "log in")


def classify(status: int, location: str | None, body: str) -> PostAnswer:
    """The meaning of WordPress's answer to wp-comments-post.php."""
    if status in (301, 302, 303, 307, 308) and location:
        parts = urlsplit(location)
        match = _COMMENT_FRAGMENT.match(parts.fragment)
        if match:
            query = parse_qs(parts.query)
            held = True if "unapproved" in query else None
            link = location
            if held:  # the moderation hash is a secret of this browser: not kept
                link = parts._replace(query="").geturl()
            comment_id = int(match[1])
            return PostAnswer(Outcome.ACCEPTED, status, comment_id=comment_id, link=link, held=held)
        return PostAnswer(Outcome.UNEXPECTED, status, message=location[:MAX_MESSAGE])
    message, is_die = die_message(body) if body.strip() else ("", False)
    if status == 409:
        return PostAnswer(Outcome.DUPLICATE, status, message)
    if status == 429:
        return PostAnswer(Outcome.FLOOD, status, message)
    if status == 403:
        login = any(word in message.lower() for word in _LOGIN_WORDS)
        return PostAnswer(Outcome.LOGIN_REQUIRED if login else Outcome.CLOSED, status, message)
    if status == 200:
        if not body.strip():
            return PostAnswer(Outcome.GONE, status)
        if is_die:
            return PostAnswer(Outcome.INVALID, status, message, field_of(message))
        # Some other page (a captive portal, a cache): not WordPress's word on the comment.
        return PostAnswer(Outcome.UNEXPECTED, status, message[:200])
    if 500 <= status < 600:
        return PostAnswer(Outcome.SERVER_ERROR, status, message)
    return PostAnswer(Outcome.UNEXPECTED, status, message)


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds, or an HTTP date); None when
    absent or unreadable. WordPress's own flood answer has none; a proxy or plugin may."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    import time

    return max(0.0, moment.timestamp() - (time.time() if now is None else now))
