"""A draft being edited: what its file holds, whether the form changed it, saving it.

The comment form (ui.comments) shows a session and copies what is typed into `draft`; the
session knows the rest, without Textual: the last saved state (so an unchanged form writes
nothing), a save that failed (retried until it works), a save that found the file changed by
another tui-reader (the store wrote our text to a conflict copy, which is edited from then on),
the rule that "ready" means "passes WordPress's checks", and why a draft cannot be edited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import Draft, DraftStore, SaveOutcome, SaveResult, Status
from tui_reader.core.comments.identity import (
    Identity,
    IdentityResult,
    forget_identity,
    save_identity,
)
from tui_reader.core.comments.validation import FieldError, validate

# What a save compares: the fields the reader edits, and the status.
Snapshot = tuple[object, ...]


def snapshot(draft: Draft) -> Snapshot:
    return (
        draft.comment,
        draft.author,
        draft.email,
        draft.url,
        draft.consent,
        draft.status,
    )


@dataclass(frozen=True, slots=True)
class Saved:
    """What one save did: the store's result, and whether a "ready" draft that no longer
    passes the checks went back to "draft" on the way."""

    result: SaveResult
    back_to_draft: bool = False

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def conflict(self) -> bool:
        return self.result.outcome is SaveOutcome.CONFLICT


class DraftSession:
    def __init__(
        self, store: DraftStore, draft: Draft, *, read_only_reason: str | None = None
    ) -> None:
        self.store = store
        self.draft = draft
        self._forced_read_only = read_only_reason  # e.g. the article file is gone
        self._saved = snapshot(draft)  # what the file holds (or the untouched new draft)
        self.save_failed = False

    # --- state --------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        # Sending and sent drafts are the sender's (core.web.sender).
        return self._forced_read_only is not None or not self.draft.editable

    def read_only_reason(self, lang: str) -> str | None:
        """Why the draft cannot be edited, in `lang`; None when it can."""
        if self._forced_read_only is not None:
            return self._forced_read_only
        if self.draft.read_only:
            return t("drafts.error.read_only_draft", lang)
        if self.draft.status == Status.SENT:
            return t("composer.read_only.sent", lang)
        if self.draft.status == Status.SENDING:
            return t("composer.read_only.sending", lang)
        return None

    @property
    def dirty(self) -> bool:
        """Does the draft in memory hold something its file does not?"""
        return snapshot(self.draft) != self._saved

    @property
    def needs_save(self) -> bool:
        return not self.read_only and (self.dirty or self.save_failed)

    def edit(self, values: Mapping[str, str], consent: bool) -> None:
        """Copy the form into the draft in memory (read-only drafts stay as they are)."""
        if self.read_only:
            return
        for name, value in values.items():
            setattr(self.draft, name, value)
        self.draft.consent = consent

    def errors(self) -> list[FieldError]:
        """WordPress's checks on the draft as it is now, in the form's language."""
        draft = self.draft
        return validate(draft.fields(), draft.lang, draft.article.require_name_email)

    # --- saving -------------------------------------------------------------------------

    def save(self, *, force: bool = False) -> Saved | None:
        """Write the draft if it changed (or `force`, or the last save failed); None when
        there was nothing to write."""
        if self.read_only or not (force or self.needs_save):
            return None
        back = False
        if self.draft.status == Status.READY and self.errors():
            # "ready" means "passes the form's checks": an edit that breaks them undoes it.
            self.draft.status = Status.DRAFT
            back = True
        result = self.store.save(self.draft)
        if result.outcome is SaveOutcome.FAILED:
            self.save_failed = True
            return Saved(result, back)
        if result.outcome is SaveOutcome.CONFLICT and result.draft is not None:
            self.draft = result.draft  # edit the copy from now on; both texts are on disk
        self.save_failed = False
        self._saved = snapshot(self.draft)
        return Saved(result, back)

    def post(self) -> Saved | None:
        """Mark the draft ready (queued until it is sent) and save it; the status stays as it
        was when the save fails. Check `errors()` first."""
        previous = self.draft.status
        self.draft.status = Status.READY
        saved = self.save(force=True)
        if saved is not None and not saved.ok:
            self.draft.status = previous
        return saved

    def remember_identity(self) -> IdentityResult:
        """As WordPress does with its cookies: ticked keeps name, email and website for the
        next comment; unticked forgets them."""
        draft = self.draft
        if draft.consent:
            return save_identity(Identity(draft.author, draft.email, draft.url))
        return forget_identity()

    def start(self, draft: Draft) -> None:
        """Continue on another draft (a new one: ctrl+n), editable."""
        self.draft = draft
        self._forced_read_only = None
        self._saved = snapshot(draft)
        self.save_failed = False

    def save_on_exit(self) -> bool:
        """The app quits with the form open: write what is unsaved. False when it could not
        be written: the text is then only in memory (core.comments.emergency keeps it)."""
        saved = self.save()
        return saved is None or saved.ok
