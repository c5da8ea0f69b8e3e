"""The comment composer: the article's own web form, offline, saved while you type.

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

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static, TextArea

from tui_reader.core.article import Article
from tui_reader.core.catalog import t
from tui_reader.core.drafts import Draft, DraftStore, SaveOutcome, SaveResult
from tui_reader.core.email_rules import php_trim
from tui_reader.core.identity import Identity, forget_identity, save_identity
from tui_reader.core.quote import for_editor, from_editor, paragraph_at, with_quote
from tui_reader.core.sanitize import make_inert, one_line_field
from tui_reader.core.validation import (
    FIELDS,
    LIMITS,
    FieldError,
    byte_length,
    errors_by_field,
    prefixed,
    validate,
)
from tui_reader.ui.drafts_support import (
    article_key,
    group_digits,
    local_time,
    new_draft,
    report_problems,
    section_ref,
    store_of,
)
from tui_reader.ui.localized import localize_bindings

if TYPE_CHECKING:
    from tui_reader.ui.screens.reading_screen import ReadingScreen

# Seconds from a change to its save. The timer starts at the first unsaved change and is not
# pushed back by later keystrokes, so continuous typing is saved at least this often.
AUTOSAVE_DELAY = 0.5
# Seconds before saving again after a failed save (full or read-only disk).
RETRY_DELAY = 2.0

INPUT_FIELDS = ("author", "email", "url")
LABEL_KEYS = {
    "comment": "composer.label.comment",
    "author": "composer.label.author",
    "email": "composer.label.email",
    "url": "composer.label.url",
}


@dataclass
class ComposerContext:
    """The article being read, when the composer was opened from a reading screen."""

    article: Article
    section_slug: str  # the section being read, for a new draft
    section_title: str
    quote_source: Callable[[], str] | None = None  # the paragraph at the top of the view


def field_label(key: str, lang: str, required: bool) -> Text:
    """The label, "Comment *" with the marker in red, as the site marks required fields."""
    label = Text(t(key, lang))
    if required:
        label.append(" ")
        label.append("*", style="bold red")
    return label


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
        on_closed: Callable[[str | None], object] | None = None,
    ) -> None:
        super().__init__()
        self.on_closed = on_closed  # after Escape, Close or Post (the drafts screen returns)
        self.store = store
        self.draft = draft
        self.lang = lang  # interface language; the form follows draft.lang
        self.context = context
        self._forced_read_only = read_only_reason
        self._timer: Timer | None = None
        self._saved = self._snapshot(draft)  # what the file holds (or the untouched new draft)
        self._save_failed = False
        localize_bindings(self, lang)

    # --- state --------------------------------------------------------------------------

    @property
    def form_lang(self) -> str:
        return self.draft.lang

    @property
    def comments_closed(self) -> bool:
        """The article's front matter says `comments: closed` (known when opened on it)."""
        return self.context is not None and self.context.article.comments_closed

    @property
    def read_only(self) -> bool:
        return (
            self._forced_read_only is not None
            or self.draft.read_only
            or self.draft.status == "sent"
        )

    def _read_only_reason(self) -> str | None:
        if self._forced_read_only is not None:
            return self._forced_read_only
        if self.draft.read_only:
            return t("drafts.error.read_only_draft", self.form_lang)
        if self.draft.status == "sent":
            return t("composer.read_only.sent", self.form_lang)
        return None

    @staticmethod
    def _snapshot(draft: Draft) -> tuple[object, ...]:
        return (
            draft.comment,
            draft.author,
            draft.email,
            draft.url,
            draft.consent,
            draft.status,
        )

    @property
    def dirty(self) -> bool:
        """Does the form hold something the draft file does not?"""
        self._apply_form()
        return self._snapshot(self.draft) != self._saved

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        form = self.form_lang
        required = self.draft.article.require_name_email
        with Vertical(id="composer") as box:
            box.border_title = t("composer.title", form)
            yield Static(self._comment_on(), id="comment-on")
            note = f"{t('composer.note_private', form)} {t('composer.note_required', form)}"
            yield Static(Text(note), id="form-note")
            yield Static("", id="composer-notice", classes="hidden")
            with Horizontal(classes="label-row"):
                yield Label(
                    field_label(LABEL_KEYS["comment"], form, True),
                    id="label-comment",
                    classes="field-label",
                )
                yield Static("", id="counter")
            yield TextArea(
                make_inert(self.draft.comment),
                id="comment",
                tab_behavior="focus",
                soft_wrap=True,
                show_line_numbers=False,
                read_only=self.read_only,
            )
            yield Static("", id="error-comment", classes="field-error hidden")
            for name in INPUT_FIELDS:
                yield Label(
                    field_label(LABEL_KEYS[name], form, required and name != "url"),
                    id=f"label-{name}",
                    classes="field-label",
                )
                yield Input(
                    make_inert(getattr(self.draft, name)),
                    id=name,
                    disabled=self.read_only,
                    select_on_focus=False,
                )
                yield Static("", id=f"error-{name}", classes="field-error hidden")
            yield Checkbox(
                t("composer.consent", form),
                self.draft.consent,
                id="consent",
                disabled=self.read_only,
            )
            yield Static("", id="save-error", classes="hidden")
            with Horizontal(id="buttons"):
                yield Button(
                    t("composer.post", form), id="post", variant="primary", disabled=self.read_only
                )
                yield Button(t("composer.close", form), id="close")
                yield Static("", id="composer-state")
        yield Footer()

    def on_mount(self) -> None:
        self.comment_area.move_cursor(self.comment_area.document.end)  # carry on writing
        self._update_counter()
        self._update_state()
        reason = self._read_only_reason()
        if reason:
            self._set_notice(reason)
        if self.read_only:
            self.query_one("#close", Button).focus()

    def on_unmount(self) -> None:
        """The app quits with the form open (ctrl+q): save what the timer has not saved yet."""
        self.flush_pending()

    def flush_pending(self) -> None:
        """Save what the timer has not saved yet (also the app's hook on SIGHUP / SIGTERM).
        The draft follows the form at every change, so no widget is needed here."""
        self._cancel_timer()
        if not self.read_only and self._snapshot(self.draft) != self._saved:
            self.store.save(self.draft)  # no screen left to show a failure on

    def _comment_on(self) -> Text:
        # The section title comes from the draft file: inert, like article text (issue 6).
        section = make_inert(self.draft.section.title)
        return Text(t("composer.comment_on", self.form_lang, section=section))

    # --- reading and writing the form ---------------------------------------------------

    @property
    def comment_area(self) -> TextArea:
        return self.query_one("#comment", TextArea)

    def form_values(self) -> dict[str, str]:
        values = {"comment": self.comment_area.text}
        for name in INPUT_FIELDS:
            values[name] = self.query_one(f"#{name}", Input).value
        return values

    def _apply_form(self) -> None:
        """Copy the form into the draft in memory (not for read-only drafts)."""
        if self.read_only or not self.is_mounted:
            return
        for name, value in self.form_values().items():
            setattr(self.draft, name, value)
        self.draft.consent = self.query_one("#consent", Checkbox).value

    def _load_form(self, draft: Draft) -> None:
        """Show another draft (ctrl+n) in the same form."""
        self.draft = draft
        self._saved = self._snapshot(draft)
        self.comment_area.load_text(make_inert(draft.comment))
        self.comment_area.move_cursor(self.comment_area.document.end)
        for name in INPUT_FIELDS:
            self.query_one(f"#{name}", Input).value = make_inert(getattr(draft, name))
        self.query_one("#consent", Checkbox).value = draft.consent
        self.query_one("#comment-on", Static).update(self._comment_on())
        self._show_errors([])
        self._set_notice(None)
        self._set_save_error(None)
        self._update_counter()
        self._update_state()
        self.comment_area.focus()

    def _update_counter(self) -> None:
        used = byte_length(php_trim(self.comment_area.text))
        limit = LIMITS["comment"]
        counter = self.query_one("#counter", Static)
        counter.update(
            t(
                "composer.counter",
                self.form_lang,
                used=group_digits(used, self.form_lang),
                limit=group_digits(limit, self.form_lang),
            )
        )
        counter.set_class(used > limit, "-over")

    def _update_state(self) -> None:
        form = self.form_lang
        status = t(f"drafts.status.{self.draft.status}", form)
        if self.draft.disk_stamp is None:
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

    def _show_errors(self, errors: list[FieldError]) -> None:
        first = errors_by_field(errors)
        for name in FIELDS:
            widget = self.query_one(f"#error-{name}", Static)
            error = first.get(name)
            widget.update(Text(prefixed(error, self.form_lang) if error else ""))
            widget.set_class(error is None, "hidden")

    # --- changes and autosave -----------------------------------------------------------

    @on(TextArea.Changed, "#comment")
    def _comment_changed(self) -> None:
        # Pasted or edited-outside text is data: a control character must not reach the
        # terminal raw (it would be drawn as is), so it becomes its visible symbol.
        area = self.comment_area
        if (inert := make_inert(area.text)) != area.text:
            cursor = area.cursor_location
            area.load_text(inert)
            area.move_cursor(cursor)
            return  # load_text posts Changed again
        self._update_counter()
        self._clear_error("comment")
        self._changed()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        # A tab pasted into Name, Email or Website is a space (WordPress would keep it, and
        # "Ada\tLovelace" is no one's name); other controls become their visible symbol.
        if (inert := one_line_field(event.value)) != event.value:
            event.input.value = inert  # posts Changed again, with the clean text
            return
        self._clear_error(event.input.id or "")
        self._changed()

    @on(Checkbox.Changed)
    def _consent_changed(self) -> None:
        self._changed()

    def _clear_error(self, name: str) -> None:
        """An error stays until its field is edited (then the next post checks again)."""
        if name in FIELDS:
            self.query_one(f"#error-{name}", Static).set_class(True, "hidden")

    @on(Input.Submitted)
    def _next_field(self) -> None:
        # Enter in a one-line field moves on (a terminal form should not post by surprise).
        self.focus_next()

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
        if self.read_only:
            return True
        if not self.dirty and not force and not self._save_failed:
            return True
        if self.draft.status == "ready" and validate(
            self.draft.fields(), self.form_lang, self.draft.article.require_name_email
        ):
            # "ready" means "passes the form's checks": an edit that breaks them undoes it.
            self.draft.status = "draft"
            self.notify(t("composer.back_to_draft", self.lang), severity="warning")
        result = self.store.save(self.draft)
        return self._handle(result)

    def _handle(self, result: SaveResult) -> bool:
        report_problems(self.app, result.notices, self.lang)
        message = t(result.key, self.lang, **result.params) if result.key else None
        in_form = t(result.key, self.form_lang, **result.params) if result.key else None
        if result.outcome is SaveOutcome.FAILED:
            self._save_failed = True
            self._set_save_error(in_form)
            self._schedule(RETRY_DELAY)
            return False
        if result.outcome is SaveOutcome.CONFLICT and result.draft is not None:
            self.draft = result.draft  # edit the copy from now on; both texts are on disk
            self._set_notice(in_form)
            self.notify(message or "", severity="warning", timeout=12)
        elif message:
            self.notify(message, severity="information")
        self._save_failed = False
        self._saved = self._snapshot(self.draft)
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
        errors = validate(self.form_values(), self.form_lang, self.draft.article.require_name_email)
        self._show_errors(errors)
        if errors:
            first = errors_by_field(errors)
            name = next(name for name in FIELDS if name in first)
            self.query_one(f"#{name}").focus()
            self.save()  # the text is kept even when it cannot be posted yet
            return
        self._apply_form()
        previous = self.draft.status
        self.draft.status = "ready"
        if not self.save(force=True):
            self.draft.status = previous
            return
        self._remember_identity()
        self.notify(t("composer.posted", self.lang))
        self._leave(self.draft.id)

    def _remember_identity(self) -> None:
        """As WordPress does with its cookies: ticked keeps them, unticked forgets them."""
        draft = self.draft
        if draft.consent:
            result = save_identity(Identity(draft.author, draft.email, draft.url))
        else:
            result = forget_identity()
        if result.problem is not None:
            report_problems(self.app, [result.problem], self.lang)
        if result.error_key is not None:
            self.notify(
                t(result.error_key, self.lang, **(result.error_params or {})), severity="warning"
            )

    def action_close(self) -> None:
        if not self.save():
            self.notify(t("composer.close_blocked", self.lang), severity="error", timeout=8)
            return
        self._leave(self.draft.id if self.draft.disk_stamp is not None else None)

    def _leave(self, result: str | None) -> None:
        self.dismiss(result)
        if self.on_closed is not None:
            # From the app: the screen that opened the form (the drafts list) may be gone.
            self.app.call_later(self.on_closed, result)

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
        draft = new_draft(
            self.app, context.article, context.section_slug, context.section_title, self.lang
        )
        self._forced_read_only = None
        self._set_read_only(False)
        self._load_form(draft)
        self.notify(t("composer.new_started", self.lang))

    def _set_read_only(self, read_only: bool) -> None:
        self.comment_area.read_only = read_only
        for name in (*INPUT_FIELDS, "consent", "post"):
            self.query_one(f"#{name}").disabled = read_only

    def action_quote(self) -> None:
        source = self.context.quote_source if self.context else None
        text = source() if source is not None and not self.read_only else ""
        if not text:
            self.notify(t("composer.no_quote", self.lang), severity="warning")
            return
        area = self.comment_area
        area.load_text(with_quote(area.text, text))  # the comment holds it: posted once
        area.move_cursor(area.document.end)
        area.focus()
        self._changed()

    def action_edit_externally(self) -> None:
        if self.read_only:
            self.app.bell()
            return
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ""
        try:
            argv = shlex.split(command)
        except ValueError as exc:
            self._editor_failed(command, str(exc))
            return
        if not argv:
            self.notify(t("composer.no_editor", self.lang), severity="warning", timeout=8)
            return
        area = self.comment_area
        original = area.text
        fd, name = tempfile.mkstemp(prefix="tui-reader-comment-", suffix=".md")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") as handle:
                handle.write(for_editor(original))
            code = self._run_editor([*argv, name])
            if code != 0:
                self._editor_failed(argv[0], t("composer.editor_exit", self.lang, code=code))
                return
            with open(name, encoding="utf-8", errors="replace", newline="") as handle:
                text = handle.read()
        except SuspendNotSupported:
            self.notify(t("composer.editor_unavailable", self.lang), severity="error")
            return
        except OSError as exc:
            self._editor_failed(argv[0], exc.strerror or str(exc))
            return
        finally:
            with suppress(OSError):
                os.unlink(name)
        text = from_editor(text, original)
        if text != original:
            area.load_text(text)
            area.move_cursor(area.document.end)
            self._changed()
        area.focus()

    def _run_editor(self, argv: list[str]) -> int:
        if self.app.is_headless:  # nothing to hand the terminal to (tests, screenshots)
            devnull = subprocess.DEVNULL
            return subprocess.run(
                argv, stdin=devnull, stdout=devnull, stderr=devnull, check=False
            ).returncode
        with self.app.suspend():
            return subprocess.run(argv, check=False).returncode

    def _editor_failed(self, editor: str, reason: str) -> None:
        self.notify(
            t("composer.editor_failed", self.lang, editor=editor, reason=reason),
            severity="error",
            timeout=8,
        )


# --- opening the composer from a reading screen ---------------------------------------------


@dataclass
class PendingComposer:
    """A composer to open once a reading screen shows (set by the drafts screen)."""

    draft: Draft | None  # None: a new draft
    section_slug: str | None = None  # where to bring the view first
    on_closed: Callable[[str | None], object] | None = None  # back to the drafts screen


def top_paragraph(screen: ReadingScreen) -> str:
    """The paragraph at the top of the reading view, as plain text ("" when none)."""
    view = screen.view
    index, lines = view.top_lines()
    sections = screen.article.sections
    if not sections:
        return ""
    return paragraph_at(sections[index].source, lines)


def open_composer(
    screen: ReadingScreen,
    draft: Draft | None = None,
    *,
    new: bool = False,
    section_slug: str | None = None,
    on_closed: Callable[[str | None], object] | None = None,
) -> None:
    """`c` on the reading screen: the article's latest draft not posted yet (a comment posted
    here is "ready", queued: it is not reopened), else a new one.

    `new` always starts a new draft, on `section_slug` if given, else the section being read.
    `on_closed` runs when the form closes (the drafts screen comes back). On an article whose
    comments are closed, no new draft is started and an existing one opens read-only.
    """
    app = screen.app
    store = store_of(app)
    article = screen.article
    if article.comments_closed and draft is None:
        # The site's answer, in the site's language, as validation errors are.
        app.notify(t("composer.closed", article.lang), severity="warning")
        if on_closed is not None:
            on_closed(None)
        return
    section = article.section_by_slug(section_slug) if section_slug else None
    index = section.index if section is not None else screen.view.current_section
    slug, title = section_ref(article, index)
    if draft is None and not new:
        draft = store.latest_unsent_for(article_key(article), statuses=("draft",))
        report_problems(app, store.take_problems(), screen.lang)
    if draft is None:
        draft = new_draft(app, article, slug, title, screen.lang)
    closed = t("composer.closed", draft.lang) if article.comments_closed else None
    context = ComposerContext(article, slug, title, lambda: top_paragraph(screen))
    composer = ComposerScreen(
        store, draft, screen.lang, context=context, read_only_reason=closed, on_closed=on_closed
    )
    app.push_screen(composer)


def reading_resumed(screen: ReadingScreen) -> None:
    """The reading screen shows again: refresh the sidebar's draft counts, open a pending
    composer (from the drafts screen)."""
    store = store_of(screen.app)
    counts = store.count_by_section(article_key(screen.article))
    report_problems(screen.app, store.take_problems(), screen.lang)
    screen.sidebar.set_draft_counts(counts)
    pending = getattr(screen, "pending_composer", None)
    if isinstance(pending, PendingComposer):
        screen.pending_composer = None
        if pending.section_slug:
            slug = pending.section_slug
            screen.view.when_laid_out(lambda: screen.view.jump_to_slug(slug))
        open_composer(
            screen,
            pending.draft,
            new=pending.draft is None,
            section_slug=pending.section_slug,
            on_closed=pending.on_closed,
        )
