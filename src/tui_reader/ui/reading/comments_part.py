"""The comment thread after the article: a controller the reading screen owns (`screen.thread`).

The thread file (core.web.thread, beside a fetched article) is read in a thread after the first
paint, never before it. Its comments become parts of the article view (ArticleView.append_parts):
one block per comment, rendered only when shown or in the background near the view, like the
article's sections, so 2,000 comments cost nothing until they are read. A "Comments (N)" part
heads them, with an entry of its own at the end of the contents.

In the comments, `n` / `p` move from one comment to the next (each is a block of the view), the
comment at the top of the view is highlighted and `r` answers it (the app opens the composer as
a reply); `R` fetches the thread again in a thread (a conditional request), new comments are
marked, and a failure changes nothing. The part's words are in the article's language, like
the site's thread; the notices in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from tui_reader.core.catalog import t
from tui_reader.core.render.markdown import render_lines
from tui_reader.ui.shell import shell

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from tui_reader.core.article.model import Article
    from tui_reader.core.web.saved_article import UpdateReport
    from tui_reader.core.web.thread_layout import CommentBlock, ThreadLayout
    from tui_reader.ui.reading.article_view import ArticleView, Part
    from tui_reader.ui.reading.section_list import SectionList

# Merged into ReadingScreen.BINDINGS.
THREAD_BINDINGS = [
    Binding("r", "reply", "keys.reply", show=False),
    Binding("R", "refresh_comments", "keys.refresh_comments", show=False),
]

GUIDE = Style(dim=True)
MARK_STYLES = {
    "comments.new": Style(bold=True, reverse=True),
    "comments.held": Style(italic=True),
    "comments.yours": Style(dim=True),
}
NARROWEST = 20  # columns a deep reply keeps for its text


class HeadingPart:
    """ "Comments (N)", and what to say when there are none."""

    def __init__(self, title: str, note: str = "") -> None:
        self.source = f"## {title}\n\n{note}\n" if note else f"## {title}\n"

    def render(self, console: Console, width: int, lang: str) -> list[list[Segment]]:
        return render_lines(self.source, console, width, lang=lang)


class CommentPart:
    """One comment: its author, local date and marks, then its text as Markdown, indented
    with a guide per level."""

    def __init__(self, block: CommentBlock, lang: str, indent: int) -> None:
        self.block = block
        self.lang = lang  # the article's: the marks are the site thread's words
        self.indent = indent

    @property
    def source(self) -> str:
        return self.block.source

    def header(self) -> Text:
        block = self.block
        text = Text(block.author, style="bold")
        if block.when:
            text.append("  ")  # a gap of its own: an SVG export drops a styled run's spaces
            text.append(block.when, style="dim")
        for mark in block.marks:
            text.append("  ")
            text.append(f" {t(mark, self.lang)} ", style=MARK_STYLES.get(mark, ""))
        return text

    def render(self, console: Console, width: int, lang: str) -> list[list[Segment]]:
        indent = min(self.indent * self.block.depth, max(0, width - NARROWEST))
        inner = width - indent
        options = console.options.update(width=inner, max_width=inner, height=None)
        lines = console.render_lines(self.header(), options, pad=True)
        lines += render_lines(self.block.text or " ", console, inner, lang=lang)
        if not indent:
            return lines
        guide = ("│" + " " * (self.indent - 1)) * self.block.depth
        pad = [Segment(guide[:indent].ljust(indent), GUIDE)]
        return [[*pad, *line] for line in lines]


def thread_parts(layout: ThreadLayout, lang: str) -> list[Part]:
    """The parts shown after the article: the heading, then one per comment."""
    from tui_reader.core.web.thread_layout import INDENT

    if not layout.available:
        unavailable = t("fetch.comments.unavailable", lang)
        return [HeadingPart(t("comments.title", lang, count=0), unavailable)]
    note = "" if layout.blocks else t("comments.none", lang)
    parts: list[Part] = [HeadingPart(t("comments.title", lang, count=layout.count), note)]
    parts += [CommentPart(block, lang, INDENT) for block in layout.blocks]
    return parts


class ThreadPart:
    """The thread of the screen's article: loaded after the first paint, `r`, `R`."""

    def __init__(
        self,
        screen: Screen[None],
        article: Article,
        *,
        lang: str,
        view: Callable[[], ArticleView],
        sidebar: SectionList,
    ) -> None:
        self.screen = screen
        self.article = article
        self.lang = lang  # the interface language (notices)
        self._view = view
        self.sidebar = sidebar
        self.layout: ThreadLayout | None = None  # None: not read (yet), or no thread file
        self.updating = False
        # Until the thread file is read (or known absent): the key queue holds keys meanwhile.
        self.reading = article.path is not None

    @property
    def path(self) -> Path | None:
        return self.article.path

    def load(self) -> None:
        """Read the thread file in a thread (after the first paint: the screen asks then)."""
        if self.path is None or not self.screen.is_attached:
            self.reading = False
            return
        drafts = shell(self.screen).drafts.directory
        app = self.screen.app
        self.screen.run_worker(
            partial(self._read, self.path, drafts, app),
            thread=True,
            group="thread-read",
            exit_on_error=False,  # a thread file that cannot be read shows nothing
        )

    def _read(self, path: Path, drafts: Path, app: App[object]) -> None:
        layout = None
        try:
            layout = read_layout(path, drafts)
        finally:  # an unreadable file shows nothing, and keys wait no more
            app.call_from_thread(self._read_done, layout)

    def _read_done(self, layout: ThreadLayout | None) -> None:
        self.reading = False
        if layout is not None:
            self.show(layout)

    def show(self, layout: ThreadLayout) -> None:
        """Show `layout` after the article; the reader's place in the comments is kept."""
        if not self.screen.is_attached:
            return
        view = self._view()
        current = self.current_comment()
        self.layout = layout
        view.append_parts(thread_parts(layout, self.article.lang))
        title = t("comments.title", self.article.lang, count=layout.count)
        self.sidebar.set_tail_entry(title if layout.available else None)
        if current is not None:
            index = next(
                (i for i, b in enumerate(layout.blocks) if b.comment_id == current.comment_id),
                None,
            )
            if index is not None:
                view.jump_to_part(index + 1)

    def current_comment(self) -> CommentBlock | None:
        """The comment at the top of the view (None above the comments, or on their title)."""
        index = self._view().current_part if self.layout is not None else None
        if self.layout is None or not index:
            return None
        return self.layout.blocks[index - 1]

    # --- r -----------------------------------------------------------------------------

    def reply(self) -> None:
        comment = self.current_comment()
        if self.layout is None or not self.layout.available:
            self.screen.notify(t("thread.none", self.lang), severity="warning")
        elif comment is None:
            self.screen.notify(t("thread.reply_where", self.lang), timeout=6)
        elif not comment.can_reply:
            self.screen.notify(t("thread.reply_held", self.lang), severity="warning")
        else:
            shell(self.screen).compose_reply(self.article, comment)

    def quote_of(self, comment_id: int) -> str:
        """The text of comment `comment_id`, as the composer's Ctrl+O quotes it."""
        block = self.layout.find(comment_id) if self.layout is not None else None
        return block.text if block is not None else ""

    # --- R -----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.path is None or self.layout is None or not self.layout.available:
            self.screen.notify(t("thread.none", self.lang), severity="warning")
            return
        if self.updating:
            self.screen.notify(t("thread.busy", self.lang))
            return
        self.updating = True
        self.screen.notify(t("thread.updating", self.lang), timeout=3)
        drafts = shell(self.screen).drafts.directory
        self.screen.run_worker(
            partial(self._update, self.path, drafts, self.screen.app),
            thread=True,
            group="thread-update",
            exit_on_error=False,
        )

    def _update(self, path: Path, drafts: Path, app: App[object]) -> None:
        from tui_reader.core.web.fetcher import FetchError
        from tui_reader.core.web.saved_article import update_comments

        try:
            report = update_comments(path)
        except FetchError as error:
            app.call_from_thread(self._failed, error.text(self.lang))
            return
        except OSError as error:
            reason = t("fetch.error.disk", self.lang, path=error.filename, reason=error.strerror)
            app.call_from_thread(self._failed, reason)
            return
        except Exception as error:  # whatever the site sent, the reader gets a notice
            app.call_from_thread(self._failed, str(error) or type(error).__name__)
            return
        app.call_from_thread(self._updated, report, read_layout(path, drafts))

    def _failed(self, reason: str) -> None:
        self.updating = False
        self.screen.notify(t("thread.not_updated", self.lang, reason=reason), severity="warning")

    def _updated(self, report: UpdateReport, layout: ThreadLayout | None) -> None:
        self.updating = False
        if report.changed and report.new_comments:
            message = t("thread.updated", self.lang, count=report.new_comments, total=report.total)
        else:
            message = t("thread.unchanged", self.lang, count=report.total)
        self.screen.notify(message)
        if layout is not None:
            self.show(layout)


def read_layout(path: Path, drafts: Path) -> ThreadLayout | None:
    """The thread of the article at `path` with the reader's sent comments (in `drafts`)."""
    from tui_reader.core.comments.drafts import DraftStore
    from tui_reader.core.web.thread import sidecar_path
    from tui_reader.core.web.thread_layout import load_layout

    if not sidecar_path(path).is_file():
        return None
    return load_layout(path, DraftStore(drafts).load_all().drafts)
