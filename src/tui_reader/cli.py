"""The `reader` command: open the app, print an article, or manage drafts.

Start-up matters (time to first paint), so Textual and Rich are imported only once the
arguments are known and the article has been read.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import TYPE_CHECKING

from tui_reader import __version__
from tui_reader.core.catalog import resolve_language, t

if TYPE_CHECKING:
    from tui_reader.core.settings import LoadedSettings

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def build_parser(lang: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=t("cli.description", lang),
        epilog="reader drafts --help: "
        + t("cli.drafts_help", lang)
        + "\nreader send --help: "
        + t("cli.send_help", lang)
        + "\nreader fetch --help: "
        + t("fetch.cli.help", lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help=t("cli.path_help", lang))
    parser.add_argument(
        "--print", action="store_true", dest="print_", help=t("cli.print_help", lang)
    )
    parser.add_argument("--width", type=int, help=t("cli.width_help", lang))
    parser.add_argument("--lang", choices=("en", "fr"), help=t("cli.lang_help", lang))
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _lang_from_argv(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from tui_reader.core.settings import load_settings

    # Precedence: --lang, then the `language` setting, then the locale.
    settings = load_settings()
    lang = resolve_language(_lang_from_argv(argv) or settings.settings.language)
    if argv and argv[0] == "drafts":
        from tui_reader.cli_drafts import run_drafts

        return run_drafts(argv[1:], lang)
    if argv and argv[0] == "send":
        from tui_reader.cli_send import run_send

        return run_send(argv[1:], lang)
    if argv and argv[0] in ("fetch", "comments", "reply"):
        from tui_reader import cli_fetch

        run = {"fetch": cli_fetch.run_fetch, "comments": cli_fetch.run_comments}
        return run.get(argv[0], cli_fetch.run_reply)(argv[1:], lang)
    args = build_parser(lang).parse_args(argv)
    if args.path and args.path.split("://", 1)[0].lower() in ("http", "https"):
        # `reader URL`: the saved copy (offline), else fetched into the library first.
        from tui_reader.cli_fetch import saved_copy

        found = saved_copy(args.path, lang, settings)
        if isinstance(found, int):
            return found
        args.path = str(found)
    try:
        return _run(args, lang, settings)
    except KeyboardInterrupt:
        print(t("cli.error", lang, message=t("cli.interrupted", lang)), file=sys.stderr)
        return 130


def _fail(lang: str, key: str, **params: object) -> int:
    print(t("cli.error", lang, message=t(key, lang, **params)), file=sys.stderr)
    return EXIT_ERROR


def _run(args: argparse.Namespace, lang: str, settings: LoadedSettings) -> int:
    # No garbage collection until the first frame is on screen (ReaderApp turns it back on):
    # start-up allocates a lot that lives on, and collections cost ~50 ms before the paint.
    gc.disable()
    from tui_reader.core.article import ArticleError
    from tui_reader.core.launch import prepare, resolve_target

    try:
        if args.print_:
            if args.path is None:
                build_parser(lang).error(t("cli.print_needs_file", lang))
            _, article = resolve_target(args.path, lang)
            if article is None:
                build_parser(lang).error(t("cli.print_needs_file", lang))
            from tui_reader.core.printing import print_article

            print_article(article, width=args.width, lang=lang)
            return EXIT_OK
        launch = prepare(args.path, lang, settings)
    except ArticleError as error:
        return _fail(lang, error.key, **error.params)
    except BrokenPipeError:
        # `reader --print x | head`: the reader of the pipe left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK

    if launch.article is not None:
        for notice in launch.article.notices:
            print(
                t("cli.error", lang, message=t(notice.key, lang, **notice.params)), file=sys.stderr
            )
    if not _attach_terminal():
        return _fail(lang, "cli.no_tty")

    from tui_reader.ui.app import ReaderApp

    app = ReaderApp.from_launch(launch, lang)
    app.run()
    return app.return_code or EXIT_OK


def _attach_terminal() -> bool:
    """Textual reads keys from stdin: after `reader -` consumed a pipe, use the controlling tty."""
    if sys.stdin.isatty():
        return True
    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return False
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process
    return True


if __name__ == "__main__":
    sys.exit(main())
