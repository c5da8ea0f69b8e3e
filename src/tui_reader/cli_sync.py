"""`reader sync`: every feed, recent comment threads, the outbox (core.feeds.sync).

A Rich progress bar on a terminal, plain lines when piped; the summary line at the end. Exit
status: 0 all went well, 1 anything failed, 2 a usage error, 130 interrupted (Ctrl+C: what
finished is kept).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.cli_args import Parser, error_line, parse
from tui_reader.cli_feeds import _out, guarded, open_store
from tui_reader.core.catalog import t

if TYPE_CHECKING:
    import argparse

    from rich.progress import Progress, TaskID

    from tui_reader.core.feeds.sync import FeedOutcome, ThreadOutcome
    from tui_reader.core.web.sender import SendResult

EXIT_OK, EXIT_FAILURE, EXIT_INTERRUPTED = 0, 1, 130


class _Lines:
    """What the sync tells, as lines (piped), or above a Rich progress bar (a terminal)."""

    def __init__(self, lang: str, progress: Progress | None) -> None:
        self.lang = lang
        self.progress = progress
        self.task: TaskID | None = None

    def _say(self, text: str) -> None:
        from tui_reader.core.sanitize import make_inert

        if self.progress is not None:
            from rich.text import Text

            self.progress.console.print(Text(make_inert(text)))
        else:
            _out(text)

    def _advance(self) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task)

    def phase(self, name: str, total: int) -> None:
        if self.progress is None or not total:
            return
        if self.task is not None:
            self.progress.remove_task(self.task)
        self.task = self.progress.add_task(t(f"sync.phase.{name}", self.lang), total=total)

    def feed_done(self, outcome: FeedOutcome) -> None:
        from tui_reader.core.feeds.summary import feed_line

        self._say(feed_line(outcome, self.lang))
        self._advance()

    def thread_done(self, outcome: ThreadOutcome) -> None:
        from tui_reader.core.feeds.summary import thread_line

        line = thread_line(outcome, self.lang)
        if line:
            self._say(line)
        self._advance()

    def sent(self, result: SendResult) -> None:
        from tui_reader.core.comments.export import one_line
        from tui_reader.core.web.sender import describe

        self._say(f"{result.draft_id[:8]}  {one_line(describe(result, self.lang))}")
        self._advance()


def _build_parser(lang: str) -> Parser:
    parser = Parser(prog="reader sync", description=t("sync.cli.description", lang))
    parser.add_argument("--no-send", action="store_true", help=t("sync.cli.no_send_help", lang))
    parser.add_argument("--into", metavar="DIR", type=Path, help=t("sync.cli.into_help", lang))
    parser.add_argument("--lang", choices=("en", "fr"), help=t("cli.lang_help", lang))
    return parser


def run_sync(argv: list[str], lang: str) -> int:
    args = parse(_build_parser(lang), argv, lang)
    if isinstance(args, int):
        return args
    return guarded(lambda: _sync(args, lang), lang)


def _sync(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.cli_fetch import library_dir
    from tui_reader.core.feeds.summary import summary
    from tui_reader.core.feeds.sync import Sync

    store = open_store(lang)
    if not store.feeds():
        _out(t("sync.no_feeds", lang))
    library = args.into or library_dir()
    progress = None
    if sys.stdout.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), transient=True
        )
    lines = _Lines(lang, progress)
    sync = Sync(store, library, listener=lines, outbox=not args.no_send)
    try:
        if progress is not None:
            with progress:
                report = sync.run()
        else:
            report = sync.run()
    except KeyboardInterrupt:  # between two phases
        sync.stop()
        report = sync.report
    _out(summary(report, lang))
    if report.interrupted:
        error_line(t("sync.interrupted", lang), lang)
        return EXIT_INTERRUPTED
    return EXIT_FAILURE if report.failed else EXIT_OK
