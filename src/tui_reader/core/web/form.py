"""Finding the comment form in a WordPress post's page (stdlib html.parser: light and enough).

What we look for, as WordPress's comment_form() prints it: a <form> posting to
…/wp-comments-post.php (or holding a `comment_post_ID` input), its hidden `comment_post_ID`,
the `required` attribute of `author` / `email`, the submit button's value; in the head, the
REST API root (<link rel="https://api.w.org/">). A page without a form says why: a
`must-log-in` paragraph (the site requires an account) or `no-comments` (comments closed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from tui_reader.core.web.destination import DEFAULT_SUBMIT, Destination, is_web_url

API_REL = "https://api.w.org/"


@dataclass(slots=True)
class _Form:
    action: str
    form_id: str
    inputs: dict[str, dict[str, str | None]] = field(default_factory=dict)
    submit: str | None = None

    @property
    def is_comment_form(self) -> bool:
        return self.action.split("?")[0].endswith("wp-comments-post.php") or (
            "comment_post_ID" in self.inputs
        )


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[_Form] = []
        self.api_root: str | None = None
        self.post_json: str | None = None  # <link rel="alternate" type="application/json">
        self.base: str | None = None
        self.login_required = False
        self.comments_closed = False
        self._form: _Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name.lower(): value for name, value in attrs}
        classes = (a.get("class") or "").split()
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
        elif tag == "link" and API_REL in (a.get("rel") or "").split() and a.get("href"):
            self.api_root = self.api_root or a["href"]
        elif (
            tag == "link"
            and "alternate" in (a.get("rel") or "").split()
            and a.get("type") == "application/json"
            and a.get("href")
        ):
            self.post_json = self.post_json or a["href"]
        elif tag == "form":
            self._form = _Form(action=a.get("action") or "", form_id=a.get("id") or "")
            self.forms.append(self._form)
        elif tag in ("input", "textarea", "button") and self._form is not None:
            name = a.get("name")
            kind = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
            if kind == "submit" and self._form.submit is None and (name in (None, "submit")):
                self._form.submit = a.get("value") or ""
            if name:
                self._form.inputs.setdefault(name, a)
        if "must-log-in" in classes:
            self.login_required = True
        if "no-comments" in classes:
            self.comments_closed = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


@dataclass(frozen=True, slots=True)
class PageFindings:
    destination: Destination | None
    api_root: str | None
    login_required: bool  # "You must be logged in to post a comment."
    comments_closed: bool  # "Comments are closed."
    problem: str | None = None  # catalog key when there is no usable form
    post_json: str | None = None  # the post in the REST API (tells whether comments are open)


def _relevant(html: str) -> str:
    """The head and the comment form: a post's page is mostly the post and its comments,
    and parsing all of it costs more than the rest of a send. The whole page when no form
    is in sight (then its must-log-in / no-comments paragraphs tell why)."""
    marker = html.find("wp-comments-post.php")
    if marker < 0:
        marker = html.find("comment_post_ID")
    start = html.rfind("<form", 0, marker) if marker >= 0 else -1
    end = html.find("</form>", marker) if marker >= 0 else -1
    if start < 0 or end < 0:
        return html
    head_end = html.find("</head>", 0, start)
    head = html[: head_end + len("</head>")] if head_end >= 0 else ""
    return head + html[start : end + len("</form>")]


def read_post_page(html: str, page_url: str, now: str) -> PageFindings:
    """What the post's page says about commenting on it."""
    parser = _PageParser()
    try:
        parser.feed(_relevant(html))
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    base = urljoin(page_url, parser.base) if parser.base else page_url
    api_root = urljoin(base, parser.api_root) if parser.api_root else None
    candidates = [form for form in parser.forms if form.is_comment_form]
    candidates.sort(key=lambda form: form.form_id != "commentform")
    findings: dict[str, Any] = dict(
        post_json=urljoin(base, parser.post_json) if parser.post_json else None,
        api_root=api_root,
        login_required=parser.login_required,
        comments_closed=parser.comments_closed,
    )
    if not candidates:
        if parser.login_required:
            key = "send.error.login_required"
        elif parser.comments_closed:
            key = "send.error.closed"
        else:
            key = "send.error.no_form"
        return PageFindings(None, **findings, problem=key)
    form = candidates[0]
    action = urljoin(base, form.action or page_url)
    post_id_text = (form.inputs.get("comment_post_ID") or {}).get("value") or ""
    if not is_web_url(action) or not post_id_text.strip().isdigit() or int(post_id_text) < 1:
        return PageFindings(None, **findings, problem="send.error.bad_form")

    def required(name: str) -> bool:
        return "required" in (form.inputs.get(name) or {})

    destination = Destination(
        page_url=page_url,
        action=action,
        post_id=int(post_id_text),
        # Logged-in visitors see no author/email inputs: then WordPress's default applies.
        require_name_email=required("author") or required("email")
        if "author" in form.inputs or "email" in form.inputs
        else True,
        submit=form.submit or DEFAULT_SUBMIT,
        api_root=api_root,
        discovered=now,
    )
    return PageFindings(destination, **findings)
