"""Every comment draft: open it in its article, start a new one, mark it ready, delete it;
send ready ones to their site (the app's outbox, ui.comments.outbox_runner), ask the sites
about held ones, open a sent one in the browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui_reader.core.article.identity import same_article
from tui_reader.core.article.model import Article, comments_closed
from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import LOCKED, Draft, SaveOutcome, Status
from tui_reader.core.comments.export import excerpt
from tui_reader.core.comments.identity import forget_identity
from tui_reader.core.comments.validation import prefixed, validate
from tui_reader.core.sanitize import make_inert
from tui_reader.ui.comments.drafts_support import draft_article, local_time
from tui_reader.ui.comments.outbox_runner import outbox
from tui_reader.ui.dialogs.confirm_screen import ConfirmScreen
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.shell import shell

COLUMNS = (
    ("drafts.col.article", 26),
    ("drafts.col.section", 22),
    ("drafts.col.excerpt", 34),
    ("drafts.col.status", 9),
    ("drafts.col.updated", 16),
)


class DraftsScreen(Screen[None]):
    APP_KEYS: ClassVar[frozenset[str]] = frozenset({"show_help", "quit"})  # ReaderApp.BINDINGS
    CSS_PATH = "drafts_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("enter", "open", "drafts.key.open"),
        Binding("n", "new", "drafts.key.new"),
        Binding("r", "toggle_ready", "drafts.key.ready"),
        Binding("s", "send", "drafts.key.send"),
        Binding("S", "send_all", "drafts.key.send_all"),
        Binding("u", "check_held", "drafts.key.check"),
        Binding("o", "open_link", "drafts.key.browser"),
        Binding("delete,x", "delete", "drafts.key.delete", key_display="Del"),
        Binding("f", "forget", "drafts.key.forget"),
        Binding("escape", "back", "drafts.key.back"),
    ]

    def __init__(self, lang: str, article: Article | None = None) -> None:
        super().__init__(id="drafts-screen")  # the app closes it by this id
        self.lang = lang
        self.article = article  # the article being read when the screen was opened, if any
        self.drafts: list[Draft] = []
        self._placed = False  # cursor put on the current article's first draft once
        self._stop_listening: Callable[[], None] | None = None
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Static("", id="drafts-header")
        yield DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
        yield Static(Text(t("drafts.screen.empty", self.lang)), id="drafts-empty")
        yield Static("", id="send-status")
        yield Static("", id="draft-preview")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, width in COLUMNS:
            table.add_column(t(key, self.lang), key=key, width=width)
        table.focus()
        self._stop_listening = outbox(self.app).listen(self._outbox_changed)
        self._show_send_status()

    def on_unmount(self) -> None:
        if self._stop_listening is not None:
            self._stop_listening()

    def on_screen_resume(self) -> None:
        self.reload()

    def _outbox_changed(self) -> None:
        if self.is_attached:
            self.reload()
            self._show_send_status()

    def _show_send_status(self) -> None:
        line = self.query_one("#send-status", Static)
        status = outbox(self.app).status
        line.update(Text(make_inert(status), no_wrap=True, overflow="ellipsis"))
        line.display = bool(status)

    # --- the list -----------------------------------------------------------------------

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def reload(self) -> None:
        """Read the drafts directory again, keeping the cursor on the same draft."""
        table = self.table
        current = self.selected
        report = shell(self).drafts.load_all()
        shell(self).report(report.problems)
        self.drafts = report.drafts
        table.clear()
        for draft in self.drafts:
            table.add_row(*self._cells(draft), key=draft.id)
        self.query_one("#drafts-header", Static).update(
            Text(t("drafts.screen.title", self.lang, count=len(self.drafts)), no_wrap=True)
        )
        self.query_one("#drafts-empty").display = not self.drafts
        self.query_one("#draft-preview").display = bool(self.drafts)
        target = current.id if current else None
        if target is None and not self._placed and self.article is not None:
            mine = [d for d in self.drafts if same_article(self.article, d.article)]
            target = mine[0].id if mine else None
        self._placed = True
        row = next((i for i, d in enumerate(self.drafts) if d.id == target), 0)
        if self.drafts:
            table.move_cursor(row=min(row, len(self.drafts) - 1))
        self._show_preview()

    def _cells(self, draft: Draft) -> list[Text]:
        # Titles and comments are user data: Text, never markup.
        status = t(f"drafts.status.{draft.status}", self.lang)
        if draft.id in outbox(self.app).busy:
            status = t("drafts.status.sending_now", self.lang)
        if draft.read_only:
            status += " " + t("drafts.cli.read_only_mark", self.lang)
        cells = [
            Text(
                draft.article.title or t("drafts.stdin_article", self.lang),
                no_wrap=True,
                overflow="ellipsis",
            ),
            Text(draft.section.title, no_wrap=True, overflow="ellipsis"),
            Text(excerpt(draft, 80), no_wrap=True, overflow="ellipsis", style="dim"),
            Text(status, style="bold" if draft.status == Status.READY else ""),
            Text(local_time(draft.updated)),
        ]
        for cell in cells:  # a draft file may hold escape sequences: shown inert (issue 6)
            cell.plain = make_inert(cell.plain)
        return cells

    @property
    def selected(self) -> Draft | None:
        table = self.query_one(DataTable)
        if not self.drafts or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    @on(DataTable.RowHighlighted)
    def _show_preview(self) -> None:
        draft = self.selected
        preview = self.query_one("#draft-preview", Static)
        if draft is None:
            preview.update("")
            return
        text = Text()
        text.append(draft.article.title or t("drafts.stdin_article", self.lang), style="bold")
        text.append(f" — {draft.section.title}\n", style="bold")
        if draft.conflict_of:
            text.append(t("drafts.cli.conflict_mark", self.lang) + "\n", style="italic")
        for line in draft.comment.splitlines(keepends=True):
            # The quote the comment starts with, dimmed as the site shows a block quote.
            text.append(line, style="italic dim" if line.startswith(">") else "")
        fate = self._send_fate(draft)
        if fate:
            text.append("\n" + fate, style="bold")
        text.plain = make_inert(text.plain)  # one for one: the styles stay put
        preview.update(text)

    def _send_fate(self, draft: Draft) -> str:
        """Where a sent comment is, or what the last attempt to send it met (site's words)."""
        posted = draft.posted
        if draft.status == Status.SENT and posted is not None:
            link = posted.link or t(f"send.result.sent.{posted.fate}.no_link", self.lang)
            return t("outbox.posted_at", self.lang, time=local_time(posted.at), link=link)
        attempt = draft.last_attempt
        if attempt is None or attempt.outcome in ("sending", "resolving"):
            return ""
        what = [self._explained(draft, attempt.key, attempt.http_status) if attempt.key else ""]
        what.append(attempt.message)
        if attempt.field:
            what.append(t("outbox.field", self.lang, field=attempt.field))
        return t(
            "outbox.last_attempt", self.lang, time=local_time(attempt.time),
            what=" — ".join(part for part in what if part) or attempt.outcome,
        )  # fmt: skip

    def _explained(self, draft: Draft, key: str, http_status: int | None) -> str:
        """Our words for an attempt's outcome (the attempt keeps the key, not its values)."""
        from tui_reader.core.web.destination import host_of

        destination = draft.destination
        params = {
            "status": str(http_status),
            "host": destination.action_host if destination else "",
            "site": host_of(draft.article.source_url or ""),
        }
        try:
            return t(key, self.lang, **params)
        except KeyError:  # a key of another version of tui-reader
            return ""

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    # --- actions ------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        draft = self.selected
        if draft is not None:
            shell(self).open_draft(draft)

    def action_new(self) -> None:
        """A new draft on the selected draft's article (or the article being read)."""
        draft = self.selected
        if draft is not None:
            article, _ = draft_article(draft)
            if article is None:
                self.notify(
                    t("drafts.no_article", self.lang, path=draft.article.path or "-"),
                    severity="warning",
                )
                return
            shell(self).compose_comment(
                article, new=True, section_slug=draft.section.slug, back_to_drafts=True
            )
        elif self.article is not None:
            shell(self).compose_comment(self.article, new=True, back_to_drafts=True)
        else:
            self.app.bell()

    def action_toggle_ready(self) -> None:
        draft = self.selected
        if draft is None:
            return
        if draft.status in LOCKED:  # sending or sent: the sender's
            self.notify(t("drafts.sent_locked", self.lang), severity="warning")
            return
        if draft.status == Status.DRAFT:
            # The verdict is the site's form's: in the draft's (the article's) language.
            form = draft.lang
            if comments_closed(draft.article.path):
                self.notify(t("composer.closed", form), severity="warning")
                return
            errors = validate(draft.fields(), form, draft.article.require_name_email)
            if errors:
                error = prefixed(errors[0], form)
                self.notify(t("drafts.not_ready", form, error=error), severity="warning")
                return
            status = Status.READY
        else:
            status = Status.DRAFT
        result = shell(self).drafts.set_status(draft.id, status)
        shell(self).report(result.notices)
        if result.ok:
            self.notify(
                t("drafts.marked", self.lang, status=t(f"drafts.status.{status}", self.lang))
            )
        else:
            self.notify(
                t(result.key or "drafts.error.io", self.lang, **result.params), severity="error"
            )
        self.reload()

    def action_delete(self) -> None:
        draft = self.selected
        if draft is None:
            return
        if draft.id in outbox(self.app).busy or draft.status == Status.SENDING:
            self.notify(t("outbox.being_sent", self.lang), severity="warning")
            return
        question = t(
            "drafts.confirm.delete",
            self.lang,
            article=draft.article.title,
            section=draft.section.title,
            excerpt=excerpt(draft, 60),
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            result = shell(self).drafts.delete(draft.id)
            if result.outcome is SaveOutcome.DELETED:
                self.notify(t("drafts.deleted", self.lang))
            else:
                self.notify(
                    t(result.key or "drafts.error.io", self.lang, **result.params),
                    severity="error",
                )
            self.reload()

        self.app.push_screen(
            ConfirmScreen(question, self.lang, yes=t("drafts.key.delete", self.lang)), answered
        )

    def action_forget(self) -> None:
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            result = forget_identity()
            if result.error is not None:
                self.notify(
                    result.error.text(self.lang),
                    severity="error",
                )
            elif result.identity is None and result.problem is None:
                self.notify(t("drafts.cli.no_identity", self.lang))
            else:
                self.notify(t("drafts.cli.forgotten", self.lang))

        self.app.push_screen(
            ConfirmScreen(t("drafts.confirm.forget", self.lang), self.lang), answered
        )

    def action_send(self) -> None:
        draft = self.selected
        if draft is None:
            return
        if draft.status not in (Status.READY, Status.SENDING):
            status = t(f"drafts.status.{draft.status}", self.lang)
            self.notify(t("outbox.not_ready", self.lang, status=status), severity="warning")
            return
        outbox(self.app).send([draft])

    def action_send_all(self) -> None:
        box = outbox(self.app)
        box.send(box.pending())

    def action_check_held(self) -> None:
        outbox(self.app).check()

    def action_open_link(self) -> None:
        draft = self.selected
        if draft is None:
            return
        link = draft.posted.link if draft.posted is not None else None
        if not link:
            self.notify(t("outbox.no_link", self.lang), severity="warning")
            return
        from tui_reader.ui.browser import open_external

        open_external(self.app, link, self.lang)

    def action_back(self) -> None:
        self.dismiss()
