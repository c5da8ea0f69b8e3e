"""The comment composer: the article's own web form, offline, saved while you type.

The screen holds the layout, the timers and the actions. The fields are a CommentForm; what is
saved when, conflicts and the ready ↔ draft rule are the DraftSession's (core.comments.session);
Ctrl+E is the external-editor helper's.

Languages: what the form box shows follows the ARTICLE's language (it is the site's form):
labels, notes, buttons, the counter, validation errors, the draft's state line, its notices
(read-only, conflict, comments closed) and save errors. The footer and the notifications (toasts)
speak the interface language, like the rest of the app, except the site's own verdicts
(validation errors, "comments are closed"): those are in the article's language wherever they
appear (a toast, the drafts screen, `reader drafts validate`).

Every change is written to the draft's JSON file within AUTOSAVE_DELAY seconds and again on
close, so a crash loses at most that much typing. A save that fails keeps the text in the form,
shows the error and retries; a save that finds the file changed by another instance continues
on the conflict copy the store made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Footer, Static

from tui_reader.core.article.model import Article
from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import Draft, DraftStore
from tui_reader.core.comments.emergency import keep_emergency_copy
from tui_reader.core.comments.quote import with_quote
from tui_reader.core.comments.session import DraftSession, Saved, Snapshot, snapshot
from tui_reader.core.sanitize import make_inert
from tui_reader.ui.comments.comment_form import CommentForm
from tui_reader.ui.comments.drafts_support import local_time, new_draft
from tui_reader.ui.comments.external_editor import edit_externally
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.shell import shell

# Seconds from a change to its save. The timer starts at the first unsaved change and is not
# pushed back by later keystrokes, so continuous typing is saved at least this often.
AUTOSAVE_DELAY = 0.5
# Seconds before saving again after a failed save (full or read-only disk).
RETRY_DELAY = 2.0


@dataclass
class ComposerContext:
    """The article being read, when the composer was opened from a reading screen."""

    article: Article
    section_slug: str  # the section being read, for a new draft
    section_title: str
    quote_source: Callable[[], str] | None = None  # the paragraph at the top of the view
    # A reply (ui.comments.reply_support): the author answered, and how Ctrl+N starts another.
    reply_to: str = ""
    new_reply: Callable[[], Draft | None] | None = None


class ComposerScreen(ModalScreen[str | None]):
    """Dismissed with the id of the draft last edited (None when nothing was ever saved)."""

    CSS_PATH = "composer_screen.tcss"
    AUTO_FOCUS = "#comment"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: TextArea and Input use ctrl+e for "end of line".
        Binding("ctrl+s", "post", "composer.key.post", priority=True),
        Binding("ctrl+e", "edit_externally", "composer.key.editor", priority=True),
        Binding("ctrl+o", "quote", "composer.key.quote", priority=True),
        Binding("ctrl+n", "new_draft", "composer.key.new", priority=True),
        Binding("escape", "close", "composer.key.close"),
    ]

    def __init__(
        self,
        store: DraftStore,
        draft: Draft,
        lang: str,
        *,
        context: ComposerContext | None = None,
        read_only_reason: str | None = None,
    ) -> None:
        super().__init__()
        self.session = DraftSession(store, draft, read_only_reason=read_only_reason)
        self.lang = lang  # interface language; the form follows draft.lang
        self.context = context
        self._timer: Timer | None = None
        self._kept: Snapshot | None = None  # the text the emergency copy holds
        localize_bindings(self, lang)

    # --- state --------------------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def form_lang(self) -> str:
        return self.draft.lang

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def comments_closed(self) -> bool:
        """The article's front matter says `comments: closed` (known when opened on it)."""
        return self.context is not None and self.context.article.comments_closed

    @property
    def form(self) -> CommentForm:
        return self.query_one(CommentForm)

    @property
    def dirty(self) -> bool:
        """Does the form hold something the draft file does not?"""
        self._sync()
        return self.session.dirty

    def _sync(self) -> None:
        """Copy the form into the draft in memory."""
        if self.is_mounted:
            form = self.form
            self.session.edit(form.values(), form.consent)

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        form = self.form_lang
        with Vertical(id="composer") as box:
            reply_to = make_inert(self.context.reply_to) if self.context else ""
            box.border_title = (
                t("composer.title_reply", form, author=reply_to)
                if reply_to
                else t("composer.title", form)
            )
            yield Static(self._comment_on(), id="comment-on")
            where, warning = self._send_note()
            yield Static(where, id="send-to", classes="-warning" if warning else "")
            note = f"{t('composer.note_private', form)} {t('composer.note_required', form)}"
            yield Static(Text(note), id="form-note")
            yield Static("", id="composer-notice", classes="hidden")
            yield CommentForm(self.draft, read_only=self.read_only, id="comment-form")
            yield Static("", id="save-error", classes="hidden")
            with Horizontal(id="buttons"):
                yield Button(
                    t("composer.post", form), id="post", variant="primary", disabled=self.read_only
                )
                yield Button(t("composer.close", form), id="close")
                yield Static("", id="composer-state")
        yield Footer()

    def on_mount(self) -> None:
        self._update_state()
        reason = self.session.read_only_reason(self.form_lang)
        if reason:
            self._set_notice(reason)
        if self.read_only:
            self.query_one("#close", Button).focus()

    def on_unmount(self) -> None:
        """The app quits with the form open: save what the timer has not saved yet, or keep
        a copy elsewhere (the app refused to quit once already, see ui.quit_guard)."""
        if not self.flush_pending():
            self.keep_emergency_copy()

    def flush_pending(self) -> bool:
        """Save what the timer has not saved yet (the app's hook before quitting and on
        SIGHUP / SIGTERM); False when it could not be written. The draft follows the form at
        every change, so no widget is needed here."""
        self._cancel_timer()
        if self.session.save_on_exit():
            return True
        self._schedule(RETRY_DELAY)  # if the app stays open (quitting refused): retry
        return False

    def keep_emergency_copy(self) -> None:
        """The app ends although the draft cannot be saved: a copy where one can be written
        (core.comments.emergency), told now and on stderr once the app is gone; with no
        place at all, the comment itself on stderr. Once per version of the text."""
        if self._kept == snapshot(self.draft):
            return
        self._kept = snapshot(self.draft)
        path = keep_emergency_copy(self.draft)
        if path is None:
            message = t("composer.emergency_failed", self.lang, comment=self.draft.comment)
        else:
            drafts = self.session.store.directory
            message = t("composer.emergency_kept", self.lang, path=path, drafts=drafts)
        self.notify(message, severity="warning", timeout=30)
        shell(self).note_on_exit(message)

    def _comment_on(self) -> Text:
        # The section title comes from the draft file: inert, like article text (issue 6).
        section = make_inert(self.draft.section.title)
        return Text(t("composer.comment_on", self.form_lang, section=section))

    def _send_note(self) -> tuple[Text, bool]:
        """Where the comment goes ("Sent to exemple.fr"), in the form's language; whether it
        is a warning (plain http, or nowhere to send it)."""
        from tui_reader.core.web.destination_note import destination_note

        note, warning = destination_note(self.draft, self.form_lang)
        return Text(make_inert(note)), warning

    def _update_state(self, *, failed: bool = False) -> None:
        form = self.form_lang
        status = t(f"drafts.status.{self.draft.status}", form)
        if failed:  # never "saved at" beside the error that says it is not (issue 16)
            state = t("composer.state.save_failed", form)
        elif self.draft.disk_stamp is None:
            state = t("composer.state.unsaved", form)
        else:
            state = t("composer.state.saved", form, time=local_time(self.draft.updated, False))
        self.query_one("#composer-state", Static).update(
            Text(t("composer.state.line", form, status=status, state=state))
        )

    def _set_notice(self, text: str | None) -> None:
        notice = self.query_one("#composer-notice", Static)
        notice.update(Text(text or ""))
        notice.set_class(not text, "hidden")

    def _set_save_error(self, text: str | None) -> None:
        error = self.query_one("#save-error", Static)
        error.update(Text(text or ""))
        error.set_class(not text, "hidden")

    # --- changes and autosave -----------------------------------------------------------

    @on(CommentForm.Changed)
    def _changed(self) -> None:
        if self.read_only:
            return
        if self.dirty:
            self._schedule(AUTOSAVE_DELAY)

    def _schedule(self, delay: float) -> None:
        if self._timer is None:
            self._timer = self.set_timer(delay, self._autosave)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _autosave(self) -> None:
        self._timer = None
        self.save()

    def save(self, *, force: bool = False) -> bool:
        """Write the draft if the form changed (or `force`); False when the save failed."""
        self._cancel_timer()
        self._sync()
        return self._show_saved(self.session.save(force=force))

    def _show_saved(self, saved: Saved | None) -> bool:
        if saved is None:
            return True  # nothing to write
        if saved.back_to_draft:
            self.notify(t("composer.back_to_draft", self.lang), severity="warning")
        result = saved.result
        shell(self).report(result.notices)
        message = t(result.key, self.lang, **result.params) if result.key else None
        in_form = t(result.key, self.form_lang, **result.params) if result.key else None
        if not saved.ok:
            self._set_save_error(in_form)
            self._update_state(failed=True)
            self._schedule(RETRY_DELAY)
            return False
        if saved.conflict:
            self._set_notice(in_form)
            self.notify(message or "", severity="warning", timeout=12)
        elif message:
            self.notify(message, severity="information")
        self._set_save_error(None)
        self._update_state()
        return True

    # --- actions ------------------------------------------------------------------------

    @on(Button.Pressed, "#post")
    def _post_pressed(self) -> None:
        self.action_post()

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.action_close()

    def action_post(self) -> None:
        if self.read_only:
            self.app.bell()
            return
        if self.comments_closed:
            # Nothing is queued: the site would refuse it. The text stays a draft.
            self._set_notice(t("composer.closed", self.form_lang))
            self.notify(t("composer.closed", self.form_lang), severity="warning")
            self.save()
            return
        self._sync()
        errors = self.session.errors()
        self.form.show_errors(errors)
        if errors:
            self.save()  # the text is kept even when it cannot be posted yet
            return
        self._cancel_timer()
        if not self._show_saved(self.session.post()):
            return
        self._remember_identity()
        self.notify(t("composer.posted", self.lang))
        self.dismiss(self.draft.id)

    def _remember_identity(self) -> None:
        result = self.session.remember_identity()
        if result.problem is not None:
            shell(self).report([result.problem])
        if result.error is not None:
            self.notify(result.error.text(self.lang), severity="warning")

    def action_close(self) -> None:
        if not self.save():
            self.notify(t("composer.close_blocked", self.lang), severity="error", timeout=8)
            return
        self.dismiss(self.draft.id if self.draft.disk_stamp is not None else None)

    def action_new_draft(self) -> None:
        if self.context is None:
            self.app.bell()
            return
        if self.comments_closed:
            self.notify(t("composer.closed", self.form_lang), severity="warning")
            return
        if not self.save():
            self.notify(t("composer.close_blocked", self.lang), severity="error", timeout=8)
            return
        context = self.context
        draft = (context.new_reply() if context.new_reply else None) or new_draft(
            self.app, context.article, context.section_slug, context.section_title, self.lang
        )
        self.session.start(draft)
        form = self.form
        form.set_read_only(False)
        self.query_one("#post", Button).disabled = False
        form.fill(draft)
        self.query_one("#comment-on", Static).update(self._comment_on())
        self._set_notice(None)
        self._set_save_error(None)
        self._update_state()
        form.comment_area.focus()
        self.notify(t("composer.new_started", self.lang))

    def action_quote(self) -> None:
        source = self.context.quote_source if self.context else None
        text = source() if source is not None and not self.read_only else ""
        if not text:
            self.notify(t("composer.no_quote", self.lang), severity="warning")
            return
        form = self.form
        form.set_comment(with_quote(form.comment_area.text, text))  # the comment holds it
        form.comment_area.focus()
        self._changed()

    def action_edit_externally(self) -> None:
        if self.read_only:
            self.app.bell()
            return
        area = self.form.comment_area
        original = area.text
        edited = edit_externally(self.app, original, self.lang)
        if edited.text is None:
            self.notify(edited.message, severity=edited.severity, timeout=edited.timeout)
            return
        if edited.text != original:
            self.form.set_comment(edited.text)
            self._changed()
        area.focus()
