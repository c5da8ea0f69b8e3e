"""`reader feeds add|list|remove|import|export`: the feeds `reader sync` reads (core.feeds).

Exit status: 0 done, 1 the site, the file or the disk failed (one line saying why, never a
traceback), 2 a usage error. httpx and feedparser are imported by `add` only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.cli_args import Parser, error_line, parse
from tui_reader.core.catalog import t
from tui_reader.core.sanitize import make_inert

if TYPE_CHECKING:
    from tui_reader.core.feeds.state import Feed, FeedStore

EXIT_OK, EXIT_FAILURE = 0, 1


def _out(text: str) -> None:
    print(make_inert(text))


def _build_parser(lang: str) -> Parser:
    parser = Parser(prog="reader feeds", description=t("feeds.cli.description", lang))
    parser.add_argument("--lang", choices=("en", "fr"), help=t("cli.lang_help", lang))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = sub.add_parser("add", help=t("feeds.cli.add_help", lang))
    add.add_argument("url", metavar="URL", help=t("feeds.cli.url_help", lang))
    add.set_defaults(func=_add)
    listing = sub.add_parser("list", help=t("feeds.cli.list_help", lang))
    listing.set_defaults(func=_list)
    remove = sub.add_parser("remove", help=t("feeds.cli.remove_help", lang))
    remove.add_argument("target", metavar="URL|N", help=t("feeds.cli.target_help", lang))
    remove.set_defaults(func=_remove)
    imports = sub.add_parser("import", help=t("feeds.cli.import_help", lang))
    imports.add_argument("file", type=Path, metavar="FILE", help=t("feeds.cli.file_help", lang))
    imports.set_defaults(func=_import)
    export = sub.add_parser("export", help=t("feeds.cli.export_help", lang))
    export.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help=t("feeds.cli.file_help", lang)
    )
    export.set_defaults(func=_export)
    for command in (add, listing, remove, imports, export):
        command.add_argument("--lang", choices=("en", "fr"), help=t("cli.lang_help", lang))
    return parser


def run_feeds(argv: list[str], lang: str) -> int:
    args = parse(_build_parser(lang), argv, lang)
    if isinstance(args, int):
        return args
    return guarded(lambda: args.func(args, lang), lang)


def guarded(run: object, lang: str) -> int:
    """Run `run()`: every failure one line and exit 1, Ctrl+C 130."""
    from tui_reader.core.feeds.errors import FeedError
    from tui_reader.core.feeds.summary import failure_text
    from tui_reader.core.feeds.sync import failure_of
    from tui_reader.core.web.fetcher import FetchError

    try:
        return run()  # type: ignore[operator]
    except (FeedError, FetchError, OSError) as error:
        error_line(failure_text(failure_of(error), lang), lang)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        error_line(t("cli.interrupted", lang), lang)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def open_store(lang: str) -> FeedStore:
    """The feeds database, checked: a damaged one is rebuilt and the user told (stderr)."""
    from tui_reader.core.feeds.state import FeedStore

    store = FeedStore()
    store.check()
    for problem in store.problems:
        error_line(problem.text(lang), lang)
    return store


def _add(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.feeds.discovery import discover
    from tui_reader.core.web.client import WebClient

    store = open_store(lang)
    with WebClient() as client:
        found = discover(client, args.url)
    feed = store.add(found.url, found.feed.title, found.feed.site)
    if feed is None:
        _out(t("feeds.already", lang, url=found.url))
    else:
        _out(t("feeds.added", lang, title=feed.title, url=feed.url))
    return EXIT_OK


def last_result(feed: Feed, lang: str) -> str:
    if not feed.last_checked:
        return t("feeds.list.never", lang)
    when = feed.last_checked.replace("T", " ").removesuffix("Z")[:16] + " UTC"
    if feed.last_status == "failed":
        return t("feeds.list.failed", lang, when=when)
    if feed.last_status == "new":
        return t("feeds.list.new", lang, when=when, count=feed.last_new)
    return t("feeds.list.unchanged", lang, when=when)


def _list(args: argparse.Namespace, lang: str) -> int:
    feeds = open_store(lang).feeds()
    if not feeds:
        _out(t("feeds.none", lang))
    for number, feed in enumerate(feeds, 1):
        _out(f"{number:>3}  {feed.title}  <{feed.url}>  ({last_result(feed, lang)})")
    return EXIT_OK


def _remove(args: argparse.Namespace, lang: str) -> int:
    store = open_store(lang)
    feeds = store.feeds()
    target: str = args.target.strip()
    chosen = None
    if target.isdigit() and 1 <= int(target) <= len(feeds):
        chosen = feeds[int(target) - 1]
    else:
        wanted = target.rstrip("/")
        chosen = next((f for f in feeds if f.url.rstrip("/") == wanted), None)
    if chosen is None:
        error_line(t("feeds.no_match", lang, target=target), lang)
        return EXIT_FAILURE
    store.remove(chosen)
    _out(t("feeds.removed", lang, title=chosen.title, url=chosen.url))
    return EXIT_OK


def _import(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.feeds.opml import MAX_OPML, read_opml
    from tui_reader.core.storage.atomic_file import read_private
    from tui_reader.core.web.destination import is_web_url

    try:
        data = read_private(args.file, limit=MAX_OPML, follow_symlinks=True)
    except OSError as error:
        reason = error.strerror or str(error)
        error_line(t("feeds.opml.unreadable", lang, path=args.file, reason=reason), lang)
        return EXIT_FAILURE
    found = read_opml(data, str(args.file))
    store = open_store(lang)
    added = skipped = 0
    for item in found:
        if not is_web_url(item.url):
            error_line(t("feeds.import_bad", lang, url=item.url), lang)
            continue
        if store.add(item.url, item.title) is None:
            skipped += 1
        else:
            added += 1
    line = t("feeds.imported", lang, count=added)
    if skipped:
        line += ", " + t("feeds.import_skipped", lang, count=skipped)
    _out(line)
    return EXIT_OK


def _export(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.feeds.opml import OpmlFeed, write_opml
    from tui_reader.core.storage.atomic_file import atomic_write

    feeds = open_store(lang).feeds()
    data = write_opml([OpmlFeed(f.url, f.title) for f in feeds])
    if args.file is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    atomic_write(args.file, data)
    _out(t("feeds.exported", lang, count=len(feeds), path=args.file))
    return EXIT_OK
