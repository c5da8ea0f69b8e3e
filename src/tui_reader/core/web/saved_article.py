"""A fetched article on disk: `SLUG.md` (front matter + Markdown) and `SLUG.comments.json`
beside it (the thread and what the next fetch needs: docs/comments-format.md).

- The name comes from the post's slug (else the URL's last segment, else the title); a name
  taken by another article gets "-2", "-3"…
- Fetching the same address again updates the same file, so the reading position and the
  drafts, which are kept per path, stay attached to it.
- A file edited by hand since the last fetch is never overwritten: the new version is written
  beside it (`SLUG.fetched-TIME.md`) and the caller tells the reader.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from tui_reader.core.storage.atomic_file import atomic_write, json_bytes, utc_timestamp
from tui_reader.core.web.destination import Destination, DestinationError
from tui_reader.core.web.library_lookup import BESIDE_MARK, SavedIndex, find_saved
from tui_reader.core.web.thread import Comment, Probe, Thread, merge, read_thread, sidecar_path

if TYPE_CHECKING:
    from tui_reader.core.web.fetcher import FetchedArticle

MAX_SLUG = 80


class Saved(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    BESIDE = "beside"  # the reader edited the file: the new version is beside it


@dataclass(frozen=True, slots=True)
class SaveReport:
    path: Path  # the article (the one the reader opens)
    outcome: Saved
    beside: Path | None = None  # BESIDE: where the new version went
    new_comments: int = 0  # comments not there at the previous fetch


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:MAX_SLUG].rstrip("-")


def slug_for(fetched: object) -> str:
    slug = slugify(getattr(fetched, "slug", None) or "")
    if not slug:
        path = unquote(urlsplit(getattr(fetched, "source", "")).path).rstrip("/")
        last = path.rsplit("/", 1)[-1]
        slug = slugify(last.rsplit(".", 1)[0] if "." in last else last)
    return slug or slugify(getattr(fetched, "title", "")) or "article"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _yaml_block(text: str) -> dict[str, object]:
    from tui_reader.core.article.front_matter import FrontMatterError

    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        return {}
    import yaml  # type: ignore[import-untyped]

    try:
        data = yaml.safe_load(text[3:end])
    except Exception as error:  # any YAML trouble: not our file
        raise FrontMatterError(str(error)) from error
    return data if isinstance(data, dict) else {}


def _free_name(directory: Path, slug: str) -> Path:
    path = directory / f"{slug}.md"
    counter = 2
    while path.exists() or sidecar_path(path).exists():
        path = directory / f"{slug}-{counter}.md"
        counter += 1
    return path


def render_file(fetched: FetchedArticle) -> str:
    """The article file: YAML front matter, then `# Title` and the Markdown body."""
    import yaml

    f = fetched
    meta: dict[str, object] = {"title": f.title}
    for key in ("author", "date", "lang"):
        value = getattr(f, key)
        if value:
            meta[key] = value
    meta["source"] = f.source
    if f.feed:
        meta["feed"] = f.feed
    if f.url != f.source:
        meta["fetched_from"] = f.url
    meta["comments"] = "open" if f.comments_open else "closed"
    if not f.comments_available:
        meta["comments_available"] = False
    destination: Destination | None = f.destination
    if destination is not None:
        meta["require_name_email"] = destination.require_name_email
        meta["comment_form"] = {
            "action": destination.action,
            "comment_post_ID": destination.post_id,
            "require_name_email": destination.require_name_email,
            "submit": destination.submit,
            "api_root": destination.api_root,
        }
    if f.post_id is not None:
        meta["post_id"] = f.post_id
    meta["fetched"] = f.fetched
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    title = " ".join(f.title.split())
    return f"---\n{front}---\n\n# {title}\n\n{f.markdown.strip()}\n"


def destination_of(article: Path, source: str | None = None) -> Destination | None:
    """The comment form saved in a fetched article's front matter, as the outbox wants it."""
    try:
        with article.open("rb") as handle:
            data = _yaml_block(handle.read(64 * 1024).decode("utf-8", errors="replace"))
    except (OSError, ValueError):
        return None
    form = data.get("comment_form")
    page = source or data.get("source")
    if not isinstance(form, dict) or not isinstance(page, str):
        return None
    try:
        return Destination.from_dict(
            {
                "page_url": page,
                "action": form.get("action"),
                "post_id": form.get("comment_post_ID"),
                "require_name_email": form.get("require_name_email", True),
                "submit": form.get("submit"),
                "api_root": form.get("api_root"),
                "discovered": str(data.get("fetched") or ""),
            }
        )
    except DestinationError:
        return None


def save_fetched(
    fetched: FetchedArticle,
    directory: Path,
    *,
    probe: Probe | None = None,
    index: SavedIndex | None = None,
) -> SaveReport:
    """Write the article and its thread. Raises OSError when the disk refuses. `index`: the
    directory's articles by address, for many saves in a row (reader sync)."""
    f = fetched
    directory.mkdir(parents=True, exist_ok=True)
    if index is not None:
        existing = index.find(f.source) or index.find(f.url)
    else:
        existing = find_saved(directory, f.source) or find_saved(directory, f.url)
    path = existing or _free_name(directory, slug_for(f))
    previous = read_thread(path) if existing else None
    data = render_file(f).encode("utf-8")
    outcome, beside = Saved.CREATED, None
    written_sha = sha256(data)
    if existing is not None:
        try:
            current = path.read_bytes()
        except OSError:
            current = b""
        edited = previous is None or sha256(current) != previous.article_sha256
        if _without_fetch_time(current) == _without_fetch_time(data):
            outcome, written_sha = Saved.UNCHANGED, sha256(current)
        elif edited:
            beside = path.with_name(f"{path.stem}{BESIDE_MARK}{utc_timestamp()}.md")
            atomic_write(beside, data)
            outcome = Saved.BESIDE
            written_sha = previous.article_sha256 if previous else ""
        else:
            outcome = Saved.UPDATED
    if outcome in (Saved.CREATED, Saved.UPDATED):
        atomic_write(path, data)
    comments = merge(previous, f.comments) if f.comments is not None else None
    thread = Thread(
        source=f.source,
        post_id=f.post_id or 0,
        api=f.api.root if f.api else "",
        fetched=f.fetched,
        previous_fetch=previous.fetched if previous else None,
        comments=comments if comments is not None else (previous.comments if previous else []),
        probe=probe if probe is not None else _probe_of(comments),
        article_sha256=written_sha,
        comments_open=f.comments_open,
    )
    write_thread(path, thread)
    new = _count_new(thread)
    return SaveReport(path, outcome, beside, new)


def _without_fetch_time(data: bytes) -> bytes:
    return re.sub(rb"(?m)^fetched: .*$", b"", data)


def _probe_of(comments: list[Comment] | None) -> Probe | None:
    if not comments:
        return Probe(0, None) if comments is not None else None
    newest = max(comments, key=lambda c: (c.date_gmt, c.id))
    return Probe(len(comments), newest.id)


def _count_new(thread: Thread) -> int:
    since = thread.previous_fetch
    return sum(1 for c in thread.comments if since and c.first_seen > since)


def write_thread(article: Path, thread: Thread) -> None:
    atomic_write(sidecar_path(article), json_bytes(thread.to_dict()))


@dataclass(frozen=True, slots=True)
class UpdateReport:
    path: Path
    changed: bool
    new_comments: int
    total: int
    requests: int  # HTTP requests this update made


def update_comments(article: Path, *, timeouts: object = None) -> UpdateReport:
    """Fetch the article's thread again, if it changed. Raises FetchError."""
    from tui_reader.core.web.client import WebClient
    from tui_reader.core.web.fetcher import FetchError, now_utc
    from tui_reader.core.web.thread import ThreadProblem, fetch_comments, probe_thread
    from tui_reader.core.web.wordpress import RestApi

    thread = read_thread(article)
    if thread is None or not thread.api or not thread.post_id:
        raise FetchError("fetch.error.no_thread", path=str(article))
    api = RestApi(thread.api)
    with WebClient(timeouts) as client:  # type: ignore[arg-type]
        probe = probe_thread(client, api, thread.post_id, thread.probe)
        if isinstance(probe, ThreadProblem):
            raise _thread_error(probe, thread.source)
        last = thread.probe
        unchanged = probe is None or (
            last is not None and (probe.total, probe.newest_id) == (last.total, last.newest_id)
        )
        if unchanged:
            if probe is not None and last is not None and probe != last:  # new validators
                thread.probe = probe
                write_thread(article, thread)
            return UpdateReport(article, False, 0, len(thread.comments), client.requests)
        now = now_utc()
        fresh = fetch_comments(client, api, thread.post_id, thread.source, now)
        if isinstance(fresh, ThreadProblem):
            raise _thread_error(fresh, thread.source)
        requests = client.requests
    updated = Thread(
        source=thread.source,
        post_id=thread.post_id,
        api=thread.api,
        fetched=now,
        previous_fetch=thread.fetched,
        comments=merge(thread, fresh),
        probe=probe,
        article_sha256=thread.article_sha256,
        comments_open=thread.comments_open,
    )
    write_thread(article, updated)
    return UpdateReport(article, True, _count_new(updated), len(updated.comments), requests)


def _thread_error(problem: object, url: str) -> Exception:
    from tui_reader.core.web.client import NetworkProblem
    from tui_reader.core.web.fetcher import FetchError, network_error

    key = getattr(problem, "key", "")
    if key.startswith("send.error."):
        return network_error(NetworkProblem(key, getattr(problem, "reason", "")), url)
    return FetchError(key or "fetch.error.no_comments_api", url=url)
