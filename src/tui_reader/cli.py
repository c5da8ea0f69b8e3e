"""The `reader` command: open the app, print an article, or manage drafts.

Start-up matters (time to first paint), so Textual and Rich are imported only once the
arguments are known and the article has been read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui_reader import __version__
from tui_reader.core.catalog import LANGS, resolve_language, t
from tui_reader.ui.startup import pause_gc

if TYPE_CHECKING:
    from tui_reader.core.storage.settings import LoadedSettings

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# --print widths: narrower cannot lay out a list in a quote, wider is no page anyone reads.
PRINT_WIDTH_MIN, PRINT_WIDTH_MAX = 20, 1000


def _use_language(lang: str) -> None:
    """argparse's own words ("usage:", "show this help message and exit") in `lang`."""
    from tui_reader.core.catalog.argparse_fr import ARGPARSE_FR

    table = ARGPARSE_FR if lang == "fr" else {}
    argparse._ = lambda message: table.get(message, message)  # type: ignore[attr-defined]


def _width_type(lang: str) -> Callable[[str], int]:
    def width(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or not PRINT_WIDTH_MIN <= number <= PRINT_WIDTH_MAX:
            message = t(
                "cli.width_range", lang, low=PRINT_WIDTH_MIN, high=PRINT_WIDTH_MAX, value=value
            )
            raise argparse.ArgumentTypeError(message)
        return number

    return width


def build_parser(lang: str) -> argparse.ArgumentParser:
    _use_language(lang)
    parser = argparse.ArgumentParser(
        prog="reader",
        description=t("cli.description", lang),
        epilog="reader drafts --help: "
        + t("cli.drafts_help", lang)
        + "; "
        + t("cli.drafts_folder", lang)
        + "\nreader send --help: "
        + t("cli.send_help", lang)
        + "\nreader fetch --help: "
        + t("fetch.cli.help", lang)
        + "\nreader feeds --help: "
        + t("feeds.cli.help", lang)
        + "\nreader sync --help: "
        + t("sync.cli.help", lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help=t("cli.path_help", lang))
    parser.add_argument(
        "--print", action="store_true", dest="print_", help=t("cli.print_help", lang)
    )
    parser.add_argument(
        "--width", type=_width_type(lang), metavar="N", help=t("cli.width_help", lang)
    )
    parser.add_argument("--no-pager", action="store_true", help=t("cli.no_pager_help", lang))
    parser.add_argument("--lang", choices=LANGS, help=t("cli.lang_help", lang))
    parser.add_argument(
        "--version",
        action="version",
        version=f"reader {__version__}",
        help=argparse._("show program's version number and exit"),  # type: ignore[attr-defined]
    )
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
    from tui_reader.core.storage.paths import unsafe_state_dir

    # Before anything is read from them: directories another user can touch are refused.
    if (unsafe := unsafe_state_dir()) is not None:
        lang = resolve_language(_lang_from_argv(argv))
        return _fail(lang, unsafe.key, path=str(unsafe.path))
    from tui_reader.core.storage.settings import load_settings

    # Precedence: --lang, then the `language` setting, then the locale.
    settings = load_settings()
    lang = resolve_language(_lang_from_argv(argv) or settings.settings.language)
    if argv and argv[0] == "drafts":
        from tui_reader.cli_drafts import run_drafts

        _use_language(lang)
        if len(argv) == 1 and os.path.isdir("drafts"):
            # A folder of that name here: say which was meant and how to open the folder.
            print(t("cli.error", lang, message=t("cli.drafts_meant", lang)), file=sys.stderr)

        return run_drafts(argv[1:], lang)
    if argv and argv[0] == "send":
        from tui_reader.cli_send import run_send

        _use_language(lang)
        return run_send(argv[1:], lang)
    if argv and argv[0] in ("feeds", "sync"):
        from tui_reader import cli_feeds, cli_sync

        _use_language(lang)
        return (cli_feeds.run_feeds if argv[0] == "feeds" else cli_sync.run_sync)(argv[1:], lang)
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
    _warn(t("cli.error", lang, message=t(key, lang, **params)))
    return EXIT_ERROR


def _warn(message: str) -> None:
    from tui_reader.core.sanitize import make_inert

    # Every message for the terminal through the one make_inert, whatever its parameters.
    print(make_inert(message), file=sys.stderr)


def _run(args: argparse.Namespace, lang: str, settings: LoadedSettings) -> int:
    # No garbage collection until the first frame is on screen (ui.startup turns it back on):
    # start-up allocates a lot that lives on, and collections cost ~50 ms before the paint.
    pause_gc()
    from tui_reader.core.errors import ArticleError
    from tui_reader.core.launch import prepare, resolve_target

    try:
        if args.print_:
            if args.path is None:
                build_parser(lang).error(t("cli.print_needs_file", lang))
            _, article = resolve_target(args.path, lang)
            if article is None:
                build_parser(lang).error(t("cli.print_needs_file", lang))
            for notice in article.notices:
                print(
                    t("cli.error", lang, message=notice.text(lang)),
                    file=sys.stderr,
                )
            if not args.no_pager and sys.stdout.isatty():
                from tui_reader.core.render.pager import print_paged

                print_paged(article, width=args.width, lang=lang)
                return EXIT_OK
            from tui_reader.core.render.printing import print_article

            print_article(article, width=args.width, lang=lang)
            sys.stdout.flush()  # a pipe closed early fails here, inside the try, not at exit
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
            _warn(t("cli.error", lang, message=notice.text(lang)))
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
