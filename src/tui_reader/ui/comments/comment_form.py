"""The fields of the site's comment form: labels, the comment and its byte counter, name,
email, website, the "save my name" box, and WordPress's errors under each field.

The form speaks the draft's language (the form belongs to the site). It only shows and
collects: every change is posted as `CommentForm.Changed`, and the composer screen decides
what to save. What is typed or pasted is data: a control character becomes its visible
symbol before anything else sees it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import Draft
from tui_reader.core.comments.email_rules import php_trim
from tui_reader.core.comments.validation import (
    FIELDS,
    LIMITS,
    FieldError,
    byte_length,
    errors_by_field,
    prefixed,
)
from tui_reader.core.sanitize import make_inert, one_line_field
from tui_reader.ui.comments.drafts_support import group_digits

INPUT_FIELDS = ("author", "email", "url")
LABEL_KEYS = {
    "comment": "composer.label.comment",
    "author": "composer.label.author",
    "email": "composer.label.email",
    "url": "composer.label.url",
}


def field_label(key: str, lang: str, required: bool) -> Text:
    """The label, "Comment *" with the marker in red, as the site marks required fields."""
    label = Text(t(key, lang))
    if required:
        label.append(" ")
        label.append("*", style="bold red")
    return label


class CommentForm(Vertical):
    DEFAULT_CSS = """
    CommentForm {
        height: auto;
    }
    """

    class Changed(Message):
        """A field was edited (its text is already inert)."""

    def __init__(self, draft: Draft, *, read_only: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft  # what the form was filled from (the composer's current draft)
        self._read_only = read_only

    @property
    def lang(self) -> str:
        return self.draft.lang

    def compose(self) -> ComposeResult:
        lang, draft, read_only = self.lang, self.draft, self._read_only
        required = draft.article.require_name_email
        with Horizontal(classes="label-row"):
            yield Label(
                field_label(LABEL_KEYS["comment"], lang, True),
                id="label-comment",
                classes="field-label",
            )
            yield Static("", id="counter")
        yield TextArea(
            make_inert(draft.comment),
            id="comment",
            tab_behavior="focus",
            soft_wrap=True,
            show_line_numbers=False,
            read_only=read_only,
        )
        yield Static("", id="error-comment", classes="field-error hidden")
        for name in INPUT_FIELDS:
            yield Label(
                field_label(LABEL_KEYS[name], lang, required and name != "url"),
                id=f"label-{name}",
                classes="field-label",
            )
            yield Input(
                make_inert(getattr(draft, name)),
                id=name,
                disabled=read_only,
                select_on_focus=False,
            )
            yield Static("", id=f"error-{name}", classes="field-error hidden")
        yield Checkbox(t("composer.consent", lang), draft.consent, id="consent", disabled=read_only)

    def on_mount(self) -> None:
        self.comment_area.move_cursor(self.comment_area.document.end)  # carry on writing
        self.update_counter()

    # --- reading and filling ------------------------------------------------------------

    @property
    def comment_area(self) -> TextArea:
        return self.query_one("#comment", TextArea)

    def values(self) -> dict[str, str]:
        values = {"comment": self.comment_area.text}
        for name in INPUT_FIELDS:
            values[name] = self.query_one(f"#{name}", Input).value
        return values

    @property
    def consent(self) -> bool:
        return self.query_one("#consent", Checkbox).value

    def fill(self, draft: Draft) -> None:
        """Show another draft (ctrl+n) in the same form."""
        self.draft = draft
        self.comment_area.load_text(make_inert(draft.comment))
        self.comment_area.move_cursor(self.comment_area.document.end)
        for name in INPUT_FIELDS:
            self.query_one(f"#{name}", Input).value = make_inert(getattr(draft, name))
        self.query_one("#consent", Checkbox).value = draft.consent
        self.show_errors([])
        self.update_counter()

    def set_comment(self, text: str) -> None:
        """Replace the comment (a quote, the external editor), cursor at the end."""
        area = self.comment_area
        area.load_text(text)
        area.move_cursor(area.document.end)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.comment_area.read_only = read_only
        for name in (*INPUT_FIELDS, "consent"):
            self.query_one(f"#{name}").disabled = read_only

    # --- what the reader sees -----------------------------------------------------------

    def update_counter(self) -> None:
        used = byte_length(php_trim(self.comment_area.text))
        limit = LIMITS["comment"]
        counter = self.query_one("#counter", Static)
        counter.update(
            t(
                "composer.counter",
                self.lang,
                used=group_digits(used, self.lang),
                limit=group_digits(limit, self.lang),
            )
        )
        counter.set_class(used > limit, "-over")

    def show_errors(self, errors: list[FieldError]) -> None:
        """WordPress's errors under their fields; the focus goes to the first wrong field."""
        first = errors_by_field(errors)
        for name in FIELDS:
            widget = self.query_one(f"#error-{name}", Static)
            error = first.get(name)
            widget.update(Text(prefixed(error, self.lang) if error else ""))
            widget.set_class(error is None, "hidden")
        wrong = next((name for name in FIELDS if name in first), None)
        if wrong is not None:
            self.query_one(f"#{wrong}").focus()

    def _clear_error(self, name: str) -> None:
        """An error stays until its field is edited (then the next post checks again)."""
        if name in FIELDS:
            self.query_one(f"#error-{name}", Static).set_class(True, "hidden")

    # --- changes ------------------------------------------------------------------------

    @on(TextArea.Changed, "#comment")
    def _comment_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        # Pasted or edited-outside text is data: a control character must not reach the
        # terminal raw (it would be drawn as is), so it becomes its visible symbol.
        area = self.comment_area
        if (inert := make_inert(area.text)) != area.text:
            cursor = area.cursor_location
            area.load_text(inert)
            area.move_cursor(cursor)
            return  # load_text posts Changed again
        self.update_counter()
        self._clear_error("comment")
        self.post_message(self.Changed())

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        # A tab pasted into Name, Email or Website is a space (WordPress would keep it, and
        # "Ada\tLovelace" is no one's name); other controls become their visible symbol.
        if (inert := one_line_field(event.value)) != event.value:
            event.input.value = inert  # posts Changed again, with the clean text
            return
        self._clear_error(event.input.id or "")
        self.post_message(self.Changed())

    @on(Checkbox.Changed)
    def _consent_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        # Enter in a one-line field moves on (a terminal form should not post by surprise).
        event.stop()
        self.screen.focus_next()
