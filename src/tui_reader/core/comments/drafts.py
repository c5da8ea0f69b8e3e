"""Comment drafts on disk: one JSON file per draft, written so that no text is ever lost.

The format is documented in docs/drafts-format.md. What the store guarantees:
- writes are atomic and private (core.storage.atomic_file); a full or read-only disk gives an error
  result, never an exception, and the Draft in memory is left as it was, so a retry works;
- a file we cannot read is moved to `drafts/corrupt/` and reported, the others still load;
- a draft written by a newer tui-reader (higher `schema`) is loaded read-only, never rewritten;
- two tui-reader instances editing the same draft never overwrite each other: each Draft
  remembers the content it was read from, and a save over a file that changed since becomes a
  conflict copy (a new draft with `conflict_of`), so both texts survive.
"""

from __future__ import annotations

import errno
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui_reader.core.article.identity import path_key
from tui_reader.core.comments.identity import Identity
from tui_reader.core.comments.quote import fold_legacy_quote
from tui_reader.core.storage.atomic_file import (
    CORRUPT_DIR,
    FileProblem,
    atomic_write,
    check_private_dir,
    content_stamp,
    ensure_private_dir,
    error_key,
    error_reason,
    file_lock,
    is_symlink,
    json_bytes,
    move_aside,
    read_private,
)
from tui_reader.core.storage.paths import drafts_dir
from tui_reader.core.web.destination import Destination, DestinationError

if TYPE_CHECKING:
    from tui_reader.core.article.model import Article, Section

SCHEMA_VERSION = 2  # 2: sending / failed, destination, comment_parent, attempts, posted


class Status(StrEnum):
    """A draft's life: draft → ready → sending → sent, or back to ready (a send to retry),
    to draft (the site refused the text: edit it), or failed (the site refuses for good)."""

    DRAFT = "draft"
    READY = "ready"  # passes the form's checks, queued for sending
    SENDING = "sending"  # a POST may be under way: never edited, never blindly re-sent
    SENT = "sent"  # on the site: read-only, keeps the comment's id and address
    FAILED = "failed"  # the site refuses it for good (closed, post gone, account required)


STATUSES = tuple(status.value for status in Status)
UNSENT = (Status.DRAFT, Status.READY)
LOCKED = (Status.SENDING, Status.SENT)  # the sender's: not edited, not re-marked
LOCK_FILE = ".lock"
SEND_LOCK_PREFIX = ".send-"  # drafts/.send-<id>.lock, held while that draft is being sent

T = TypeVar("T")
D = TypeVar("D")

_ID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


class DraftFormatError(ValueError):
    """The content of a draft file is not a draft (the reason is for logs and tests)."""


@dataclass(slots=True)
class ArticleRef:
    """The article a draft comments on, as it was when the draft was started."""

    path: str | None  # absolute path; None for an article read from stdin
    title: str
    source_url: str | None
    text_hash: str  # sha256 of the article text: finds the article again if it moved
    require_name_email: bool = True  # the article's WordPress setting, for `drafts validate`


@dataclass(slots=True)
class SectionRef:
    slug: str
    title: str


@dataclass(slots=True)
class Draft:
    id: str
    article: ArticleRef
    section: SectionRef
    lang: str  # the article's language: validation messages and form labels follow it
    created: str  # ISO 8601 UTC, "2026-11-26T08:00:00.000Z" (older files: to the second)
    updated: str
    # The comment as it will be posted; a quote is a `> ` block in it (older files also had a
    # separate `quote`, folded into the comment when read: core.comments.quote.fold_legacy_quote).
    comment: str = ""
    author: str = ""
    email: str = ""
    url: str = ""
    consent: bool = False  # "save my name, email and website on this device"
    status: Status = Status.DRAFT
    conflict_of: str | None = None  # set on a conflict copy: the id of the draft it forked
    comment_parent: int = 0  # the comment this one replies to (0: none)
    destination: Destination | None = None  # where the form posts, found on the post's page
    attempts: list[Attempt] = field(default_factory=list)  # every send step, oldest first
    posted: Posted | None = None  # once sent: the comment on the site
    schema: int = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown keys, kept
    # Runtime state, never written: what the file held when we read or wrote it (None: never
    # on disk), and whether a newer schema forbids writing.
    disk_stamp: str | None = field(default=None, repr=False, compare=False)
    read_only: bool = field(default=False, compare=False)

    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def unsent(self) -> bool:
        return self.status in UNSENT

    @property
    def editable(self) -> bool:
        """Can the text and status be changed by hand (not while sending, not once sent)?"""
        return not self.read_only and self.status not in LOCKED

    @property
    def last_attempt(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    def fields(self) -> dict[str, str]:
        """The form fields, as core.comments.validation.validate() takes them."""
        return {
            "comment": self.comment,
            "author": self.author,
            "email": self.email,
            "url": self.url,
        }

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = dict(self.extra)
        doc.update(
            {
                "schema": self.schema,
                "id": self.id,
                "lang": self.lang,
                "status": self.status,
                "article": {
                    "path": self.article.path,
                    "title": self.article.title,
                    "source_url": self.article.source_url,
                    "text_hash": self.article.text_hash,
                    "require_name_email": self.article.require_name_email,
                },
                "section": {"slug": self.section.slug, "title": self.section.title},
                "comment": self.comment,
                "author": self.author,
                "email": self.email,
                "url": self.url,
                "consent": self.consent,
                "created": self.created,
                "updated": self.updated,
            }
        )
        if self.conflict_of is not None:
            doc["conflict_of"] = self.conflict_of
        doc["comment_parent"] = self.comment_parent
        if self.destination is not None:
            doc["destination"] = self.destination.to_dict()
        if self.attempts:
            doc["attempts"] = [attempt.to_dict() for attempt in self.attempts]
        if self.posted is not None:
            doc["posted"] = self.posted.to_dict()
        # Read from an older schema, written in ours (a newer one is never written).
        doc["schema"] = max(self.schema, SCHEMA_VERSION)
        return doc

    @classmethod
    def from_dict(cls, doc: object) -> Draft:
        """Parse a draft document. Raises DraftFormatError when anything required is wrong."""
        if not isinstance(doc, dict):
            raise DraftFormatError("not a JSON object")
        schema = doc.get("schema")
        if type(schema) is not int or schema < 1:
            raise DraftFormatError("schema missing or not a positive integer")
        draft_id = _required(doc, "id", str)
        if not is_draft_id(draft_id):
            raise DraftFormatError("id is not a UUID")
        article = _required(doc, "article", dict)
        section = _required(doc, "section", dict)
        status = _required(doc, "status", str)
        if status not in STATUSES:
            raise DraftFormatError(f"unknown status {status!r}")
        created = _required(doc, "created", str)
        updated = _required(doc, "updated", str)
        for stamp in (created, updated):
            if parse_time(stamp) is None:
                raise DraftFormatError(f"not an ISO 8601 time: {stamp!r}")
        conflict_of = _optional(doc, "conflict_of", str, None)
        comment_parent = _optional(doc, "comment_parent", int, 0)
        if type(comment_parent) is not int or comment_parent < 0:
            raise DraftFormatError("comment_parent is not a comment id")
        try:
            raw_destination = doc.get("destination")
            destination = (
                None if raw_destination is None else Destination.from_dict(raw_destination)
            )
        except DestinationError as exc:
            raise DraftFormatError(str(exc)) from None
        attempts = [Attempt.from_dict(item) for item in _optional(doc, "attempts", list, [])]
        raw_posted = doc.get("posted")
        posted = None if raw_posted is None else Posted.from_dict(raw_posted)
        known = {
            "schema", "id", "lang", "status", "article", "section", "quote", "comment",
            "author", "email", "url", "consent", "created", "updated", "conflict_of",
            "comment_parent", "destination", "attempts", "posted",
        }  # fmt: skip
        return cls(
            id=draft_id,
            article=ArticleRef(
                path=_optional(article, "path", str, None),
                title=_required(article, "title", str),
                source_url=_optional(article, "source_url", str, None),
                text_hash=_required(article, "text_hash", str),
                require_name_email=_optional(article, "require_name_email", bool, True),
            ),
            section=SectionRef(
                slug=_required(section, "slug", str), title=_required(section, "title", str)
            ),
            lang=_optional(doc, "lang", str, "en"),
            created=created,
            updated=updated,
            comment=fold_legacy_quote(
                _required(doc, "comment", str), _optional(doc, "quote", str, "")
            ),
            author=_optional(doc, "author", str, ""),
            email=_optional(doc, "email", str, ""),
            url=_optional(doc, "url", str, ""),
            consent=_optional(doc, "consent", bool, False),
            status=Status(status),
            conflict_of=conflict_of,
            comment_parent=comment_parent,
            destination=destination,
            attempts=attempts,
            posted=posted,
            schema=schema,
            extra={key: value for key, value in doc.items() if key not in known},
        )


@dataclass(slots=True)
class Attempt:
    """One step of a send, written before the next network step (docs/drafts-format.md)."""

    time: str  # ISO 8601 UTC
    outcome: str  # "sending", then core.web.answer.Outcome or a discovery/network outcome
    http_status: int | None = None
    message: str = ""  # the site's own words, or the network client's
    key: str | None = None  # catalog key of our explanation, if there is one
    field: str | None = None  # the form field a validation message concerns

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"time": self.time, "outcome": self.outcome}
        doc["http_status"] = self.http_status
        doc["message"] = self.message
        if self.key is not None:
            doc["key"] = self.key
        if self.field is not None:
            doc["field"] = self.field
        return doc

    @classmethod
    def from_dict(cls, doc: object) -> Attempt:
        if not isinstance(doc, dict):
            raise DraftFormatError("an attempt is not an object")
        status = doc.get("http_status")
        if status is not None and type(status) is not int:
            raise DraftFormatError("attempt http_status is not an integer")
        return cls(
            time=_required(doc, "time", str),
            outcome=_required(doc, "outcome", str),
            http_status=status,
            message=_optional(doc, "message", str, ""),
            key=_optional(doc, "key", str, None),
            field=_optional(doc, "field", str, None),
        )


@dataclass(slots=True)
class Posted:
    """The comment on the site, once sent."""

    at: str  # when WordPress accepted it (ISO 8601 UTC)
    comment_id: int | None  # None: on the site, but its id could not be learnt
    link: str | None  # the comment's address (…#comment-N)
    fate: str = "unknown"  # core.web.fate.Fate: "published", "held", "gone", "unknown"
    checked: str | None = None  # when the fate was last read from the site
    duplicate: bool = False  # WordPress answered "already said that": it was there before

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "comment_id": self.comment_id,
            "link": self.link,
            "fate": self.fate,
            "checked": self.checked,
            "duplicate": self.duplicate,
        }

    @classmethod
    def from_dict(cls, doc: object) -> Posted:
        if not isinstance(doc, dict):
            raise DraftFormatError("posted is not an object")
        comment_id = doc.get("comment_id")
        if comment_id is not None and type(comment_id) is not int:
            raise DraftFormatError("posted.comment_id is not an integer")
        return cls(
            at=_required(doc, "at", str),
            comment_id=comment_id,
            link=_optional(doc, "link", str, None),
            fate=_optional(doc, "fate", str, "unknown"),
            checked=_optional(doc, "checked", str, None),
            duplicate=_optional(doc, "duplicate", bool, False),
        )


def _required(doc: dict[str, Any], key: str, kind: type[T]) -> T:
    value = doc.get(key)
    if not isinstance(value, kind):
        raise DraftFormatError(f"{key} missing or not a {kind.__name__}")
    return value


def _optional(doc: dict[str, Any], key: str, kind: type[T], default: D) -> T | D:
    value = doc.get(key)
    if value is None:
        return default
    if not isinstance(value, kind):
        raise DraftFormatError(f"{key} is not a {kind.__name__}")
    return value


def is_draft_id(value: str) -> bool:
    return bool(_ID_RE.match(value))


def format_time(moment: datetime) -> str:
    """ISO 8601 UTC to the millisecond: "2026-11-26T08:00:00.000Z". Two drafts saved in the
    same second (ctrl+n, then a few words) must still say which one is the latest."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 time (naive = UTC), or None, also for a time that cannot be compared or
    shown in every time zone (0001-01-01T00:00:00+01:00 is before datetime.min in UTC)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        return None
    # A day of margin each way: converting to any local time (±26 h at most) stays in range.
    return moment if _FIRST_YEAR < utc.year < _LAST_YEAR else None


_FIRST_YEAR, _LAST_YEAR = datetime.min.year, datetime.max.year


def _sort_key(draft: Draft) -> tuple[datetime, datetime, str]:
    epoch = datetime.min.replace(tzinfo=UTC)
    return (
        parse_time(draft.updated) or epoch,
        parse_time(draft.created) or epoch,
        draft.id,
    )


def match_prefix(prefix: str, drafts: list[Draft]) -> list[Draft]:
    """Drafts whose id starts with `prefix` (case-insensitive); a full id matches only itself."""
    wanted = prefix.strip().lower()
    if not wanted:
        return []
    return [draft for draft in drafts if draft.id.startswith(wanted)]


class SaveOutcome(StrEnum):
    SAVED = "saved"  # written (or already identical on disk)
    CONFLICT = "conflict"  # the file changed on disk: our text went to a new conflict copy
    DELETED = "deleted"
    FAILED = "failed"  # nothing written; the Draft in memory is untouched


@dataclass(frozen=True, slots=True)
class SaveResult:
    outcome: SaveOutcome
    draft: Draft | None  # SAVED: the draft; CONFLICT: the new copy (edit this one from now on)
    key: str | None = None  # catalog key of the message for the user, if there is one
    params: dict[str, str] = field(default_factory=dict)
    notices: tuple[FileProblem, ...] = ()  # files moved aside on the way

    @property
    def ok(self) -> bool:
        return self.outcome is not SaveOutcome.FAILED


@dataclass(frozen=True, slots=True)
class LoadReport:
    drafts: list[Draft]  # most recently updated first
    problems: list[FileProblem]  # files that could not be loaded (keys in core.catalog)


def _failed(exc: OSError, draft: Draft | None) -> SaveResult:
    return SaveResult(
        SaveOutcome.FAILED, draft, error_key(exc, "drafts.error"), {"reason": error_reason(exc)}
    )


class DraftStore:
    """The drafts directory. Stateless apart from problems not yet reported: every call reads
    the disk, so two instances (or the CLI next to the app) always see each other's work."""

    def __init__(
        self, directory: Path | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.directory = directory if directory is not None else drafts_dir()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._unreported: list[FileProblem] = []

    @property
    def corrupt_dir(self) -> Path:
        return self.directory / CORRUPT_DIR

    def path_for(self, draft_id: str) -> Path:
        if not is_draft_id(draft_id):  # also what keeps "../x" out of the file name
            raise ValueError(f"not a draft id: {draft_id!r}")
        return self.directory / f"{draft_id}.json"

    # --- reading ----------------------------------------------------------------------------

    def load_all(self) -> LoadReport:
        """Every draft, newest first, and every problem found since the last report."""
        drafts = self._scan()
        problems, self._unreported = self._unreported, []
        return LoadReport(drafts, problems)

    def take_problems(self) -> list[FileProblem]:
        """Problems found by lookups (latest_unsent_for, counts...) and not yet reported."""
        problems, self._unreported = self._unreported, []
        return problems

    def get(self, draft_id: str) -> Draft | None:
        """The draft with this full id, read afresh; None if absent or unreadable."""
        if not is_draft_id(draft_id):
            return None
        result = self._read(self.path_for(draft_id))
        return result if isinstance(result, Draft) else None

    def latest_unsent_for(
        self,
        article: str | Path,
        section_slug: str | None = None,
        statuses: tuple[str, ...] = UNSENT,
    ) -> Draft | None:
        """The most recent draft of an article (by path or text hash) whose status is one of
        `statuses` (draft or ready unless told), if any."""
        for draft in self._scan():
            in_section = section_slug is None or draft.section.slug == section_slug
            if draft.status in statuses and in_section and _is_of(draft, article):
                return draft
        return None

    def count_by_section(
        self, article: str | Path, *, include_sent: bool = False
    ) -> dict[str, int]:
        """Number of drafts per section slug of an article (unsent ones unless include_sent)."""
        counts: dict[str, int] = {}
        for draft in self._scan():
            if (include_sent or draft.unsent) and _is_of(draft, article):
                counts[draft.section.slug] = counts.get(draft.section.slug, 0) + 1
        return counts

    def count_by_article(self, *, include_sent: bool = False) -> dict[str, int]:
        """Number of drafts per article path (the text hash for an article read from stdin)."""
        counts: dict[str, int] = {}
        for draft in self._scan():
            if include_sent or draft.unsent:
                key = draft.article.path or draft.article.text_hash
                counts[key] = counts.get(key, 0) + 1
        return counts

    def _scan(self) -> list[Draft]:
        try:
            # Swapped for another user's directory since start-up: read nothing from it.
            check_private_dir(self.directory)
            entries = sorted(os.scandir(self.directory), key=lambda entry: entry.name)
        except FileNotFoundError:
            return []
        except OSError as exc:
            self._report(
                FileProblem(
                    "drafts.problem.dir_unreadable",
                    self.directory,
                    None,
                    {"reason": error_reason(exc)},
                )
            )
            return []
        drafts: list[Draft] = []
        for entry in entries:
            # Temp files and the lock are hidden; corrupt/ is a directory without .json.
            if entry.name.startswith(".") or not entry.name.endswith(".json"):
                continue
            result = self._read(Path(entry.path))
            if isinstance(result, Draft):
                drafts.append(result)
            elif result is not None:
                self._report(result)
        drafts.sort(key=_sort_key, reverse=True)
        return drafts

    def _report(self, problem: FileProblem) -> None:
        if all((p.key, p.path) != (problem.key, problem.path) for p in self._unreported):
            self._unreported.append(problem)

    def _read(self, path: Path) -> Draft | FileProblem | None:
        """The draft in `path`, the problem (a corrupt file is moved aside here), or None when
        the file is gone (deleted by another instance since the directory was listed)."""
        try:
            raw = read_private(path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return self._set_aside(path, "drafts.problem.symlink")
            if exc.errno == errno.EINVAL:  # a directory or FIFO named like a draft
                return self._set_aside(path, "drafts.problem.corrupt")
            return FileProblem(
                "drafts.problem.unreadable", path, None, {"reason": error_reason(exc)}
            )
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):  # "[[[[…" nests too deep
            return self._set_aside(path, "drafts.problem.corrupt")
        newer = (
            isinstance(doc, dict)
            and type(doc.get("schema")) is int
            and doc["schema"] > SCHEMA_VERSION
        )
        try:
            draft = Draft.from_dict(doc)
            if path.stem != draft.id:  # the store finds drafts by file name
                raise DraftFormatError("file name does not match the id")
        except DraftFormatError:
            if newer:  # not corrupt, just beyond us: leave it for the newer version
                return FileProblem(
                    "drafts.problem.newer_schema", path, None, {"schema": str(doc["schema"])}
                )
            return self._set_aside(path, "drafts.problem.corrupt")
        draft.disk_stamp = content_stamp(raw)
        draft.read_only = newer
        return draft

    def _set_aside(self, path: Path, key: str) -> FileProblem:
        try:
            moved = move_aside(path, self.corrupt_dir, self._clock())
        except OSError as exc:
            return FileProblem(
                "drafts.problem.not_moved", path, None, {"reason": error_reason(exc)}
            )
        return FileProblem(key, path, moved)

    # --- writing ----------------------------------------------------------------------------

    def new_on(
        self,
        article: Article,
        section: Section,
        *,
        section_title: str | None = None,
        identity: Identity | None = None,
    ) -> Draft:
        """A new draft on `section` of `article` (its path, title, source, language and the
        site's name/email rule); `section_title` names a lead section that has no title."""
        return self.new(
            article_path=article.path,
            article_title=article.title,
            source_url=article.source_url,
            text_hash=article.text_hash,
            lang=article.lang,
            section_slug=section.slug,
            section_title=section.title if section_title is None else section_title,
            require_name_email=article.require_name_email,
            identity=identity,
        )

    def new(
        self,
        *,
        article_path: str | Path | None,
        article_title: str,
        source_url: str | None,
        text_hash: str,
        lang: str,
        section_slug: str,
        section_title: str,
        require_name_email: bool = True,
        identity: Identity | None = None,
    ) -> Draft:
        """A new draft in memory (nothing is written until save()), prefilled from `identity`
        with the consent box ticked, as WordPress does when its cookies are present."""
        now = format_time(self._clock())
        return Draft(
            id=str(uuid.uuid4()),
            article=ArticleRef(
                path=path_key(article_path) if article_path is not None else None,
                title=article_title,
                source_url=source_url,
                text_hash=text_hash,
                require_name_email=require_name_email,
            ),
            section=SectionRef(slug=section_slug, title=section_title),
            lang=lang,
            created=now,
            updated=now,
            author=identity.author if identity else "",
            email=identity.email if identity else "",
            url=identity.url if identity else "",
            consent=identity is not None,
        )

    def save(self, draft: Draft) -> SaveResult:
        """Write `draft`; never raises for disk trouble and never overwrites someone else's text.

        SAVED: `draft` was written, its `updated` and disk stamp refreshed.
        CONFLICT: the file changed on disk since `draft` was read; the text was written as a new
            draft (result.draft, with conflict_of) which the caller should edit from now on.
        FAILED: nothing changed, neither on disk nor in `draft`; retrying later is safe.
        """
        if draft.read_only:
            return SaveResult(SaveOutcome.FAILED, draft, "drafts.error.read_only_draft")
        if draft.status not in STATUSES:
            raise ValueError(f"unknown status {draft.status!r}")
        path = self.path_for(draft.id)
        notices: list[FileProblem] = []
        try:
            ensure_private_dir(self.directory)
            with self._lock():
                if is_symlink(path):  # planted after we read: keep it, out of the way
                    notices.append(self._set_aside(path, "drafts.problem.symlink"))
                try:
                    on_disk: bytes | None = read_private(path)
                except FileNotFoundError:
                    on_disk = None
                disk_status = None if on_disk is None else _status_in(on_disk)
                if on_disk is not None and content_stamp(on_disk) != draft.disk_stamp:
                    return self._save_conflict_copy(draft, notices, disk_status)
                if disk_status in LOCKED:  # being sent or sent: the sender's, via update()
                    return SaveResult(SaveOutcome.FAILED, draft, "drafts.error.read_only_draft")
                if on_disk is not None and on_disk == json_bytes(draft.to_dict()):
                    return SaveResult(SaveOutcome.SAVED, draft, notices=tuple(notices))
                # Deleted elsewhere while being edited here: the text wins, but say so.
                recreated = on_disk is None and draft.disk_stamp is not None
                self._write(draft)
        except OSError as exc:
            return replace(_failed(exc, draft), notices=tuple(notices))
        key = "drafts.notice.recreated" if recreated else None
        return SaveResult(SaveOutcome.SAVED, draft, key, notices=tuple(notices))

    def _save_conflict_copy(
        self, draft: Draft, notices: list[FileProblem], disk_status: str | None
    ) -> SaveResult:
        now = format_time(self._clock())
        # Edited while the original was being sent: the copy is a new text, and must not be
        # sent on its own without the reader saying so (it would post a second comment).
        sent_meanwhile = disk_status in LOCKED
        copy = replace(
            draft,
            id=str(uuid.uuid4()),
            conflict_of=draft.id,
            created=now,
            updated=now,
            extra=dict(draft.extra),
            disk_stamp=None,
            status=Status.DRAFT if sent_meanwhile else draft.status,
            attempts=[] if sent_meanwhile else list(draft.attempts),
            posted=None,
        )
        self._write(copy)  # an OSError here reaches save()'s handler
        return SaveResult(
            SaveOutcome.CONFLICT,
            copy,
            "drafts.notice.conflict",
            {"id": copy.short_id, "original": draft.short_id},
            tuple(notices),
        )

    def _write(self, draft: Draft) -> None:
        """Write with a fresh `updated`; the Draft changes only once the file is in place."""
        updated = format_time(self._clock())
        data = json_bytes(replace(draft, updated=updated).to_dict())
        atomic_write(self.path_for(draft.id), data)
        draft.updated = updated
        draft.disk_stamp = content_stamp(data)

    def set_status(self, draft_id: str, status: str) -> SaveResult:
        """Mark a draft "draft", "ready" or "failed" (re-read first, so no conflict copy).
        "sending" and "sent" are the sender's (core.web.sender), through update()."""
        if status not in STATUSES or status in LOCKED:
            raise ValueError(f"not a status to set by hand: {status!r}")
        draft = self.get(draft_id)
        if draft is None:
            return SaveResult(SaveOutcome.FAILED, None, "drafts.error.not_found", {"id": draft_id})
        if not draft.editable:
            return SaveResult(SaveOutcome.FAILED, draft, "drafts.error.read_only_draft")
        previous = draft.status
        draft.status = Status(status)
        result = self.save(draft)
        if not result.ok:
            draft.status = previous
        return result

    def delete(self, draft_id: str) -> SaveResult:
        """Remove a draft's file (a symlink in its place is removed, not followed)."""
        if not is_draft_id(draft_id):
            return SaveResult(SaveOutcome.FAILED, None, "drafts.error.not_found", {"id": draft_id})
        draft = self.get(draft_id)
        try:
            with self.send_lock(draft_id) as free:
                if not free:  # being sent, by this app's outbox or another instance
                    return SaveResult(SaveOutcome.FAILED, draft, "outbox.being_sent")
                with self._lock():
                    self.path_for(draft_id).unlink()
        except FileNotFoundError:
            return SaveResult(SaveOutcome.FAILED, None, "drafts.error.not_found", {"id": draft_id})
        except OSError as exc:
            return _failed(exc, draft)
        return SaveResult(SaveOutcome.DELETED, draft)

    def update(self, draft_id: str, change: Callable[[Draft], None]) -> SaveResult:
        """Re-read a draft under the lock, apply `change`, write it: one step of a send.

        The sender's way to move a draft along ready → sending → sent, whatever its status
        (sending and sent drafts refuse save()). Never writes a newer schema's draft.
        """
        try:
            ensure_private_dir(self.directory)
            with self._lock():
                draft = self.get(draft_id)
                if draft is None:
                    return SaveResult(
                        SaveOutcome.FAILED, None, "drafts.error.not_found", {"id": draft_id}
                    )
                if draft.read_only:
                    return SaveResult(SaveOutcome.FAILED, draft, "drafts.error.read_only_draft")
                change(draft)
                if draft.status not in STATUSES:
                    raise ValueError(f"unknown status {draft.status!r}")
                self._write(draft)
        except OSError as exc:
            return _failed(exc, None)
        return SaveResult(SaveOutcome.SAVED, draft)

    @contextmanager
    def send_lock(self, draft_id: str) -> Iterator[bool]:
        """Hold drafts/.send-<id>.lock for the whole send of one draft; yields False at once
        when another instance holds it. The kernel drops the lock of a killed process, so a
        draft found `sending` while we hold its lock was left by a crash: resolve it."""
        self.path_for(draft_id)  # validates the id (it becomes a file name)
        ensure_private_dir(self.directory)
        lock = self.directory / f"{SEND_LOCK_PREFIX}{draft_id}.lock"
        with file_lock(lock, blocking=False, remove=True) as held:  # removed once released
            yield held

    def clean_send_locks(self) -> None:
        """Remove send locks left by a killed instance (or of drafts deleted since): each
        one that nobody holds, by the same protocol as send_lock. Never raises."""
        with suppress(OSError):
            for entry in os.scandir(self.directory):
                if entry.name.startswith(SEND_LOCK_PREFIX) and entry.name.endswith(".lock"):
                    with file_lock(Path(entry.path), blocking=False, remove=True):
                        pass

    def _lock(
        self, name: str = LOCK_FILE, *, blocking: bool = True
    ) -> AbstractContextManager[bool]:
        """Serialise check-then-write between instances (drafts/NAME, core.storage.atomic_file).

        Without a lock the content check still catches almost every race. Yields whether the
        lock is held (False only when not `blocking` and another instance has it)."""
        return file_lock(self.directory / name, blocking=blocking)


def _status_in(raw: bytes) -> str | None:
    """The status written in a draft file's bytes, if they say one."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    status = doc.get("status") if isinstance(doc, dict) else None
    return status if isinstance(status, str) else None


def _is_of(draft: Draft, article: str | Path) -> bool:
    """Does `draft` belong to `article`, given as a path or as the article's text hash?"""
    key = str(article)
    if not key:
        return False
    if draft.article.text_hash == key:
        return True
    return draft.article.path is not None and draft.article.path == path_key(article)
