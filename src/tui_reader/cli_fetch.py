"""`reader fetch`, `reader comments`, `reader reply`, and `reader URL`: articles from the web,
saved for offline reading with their comment threads (core.web.fetcher, saved_article).

Exit status: 0 done, 1 the site or the disk failed (one line saying why, never a traceback),
2 a usage error. httpx, markdownify and readability are imported only by a fetch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.cli_args import EXIT_USAGE, Parser, error_line, parse
from tui_reader.core.catalog import t
from tui_reader.core.sanitize import make_inert

if TYPE_CHECKING:
    from tui_reader.core.storage.settings import LoadedSettings

# cli_drafts (its parser and output helpers) is imported by the commands, not by `reader URL`,
# which only looks for the saved copy before the reading start-up.

EXIT_OK, EXIT_FAILURE = 0, 1


def library_dir(loaded: LoadedSettings | None = None) -> Path:
    """Where fetched articles go: the `articles_dir` setting, else `articles/` in the data dir."""
    from tui_reader.core.storage.settings import load_settings
    from tui_reader.core.web.fetch_report import library_dir as of_settings

    return of_settings((loaded or load_settings()).settings)


def is_url(text: str | None) -> bool:
    return bool(text) and text.split("://", 1)[0].lower() in ("http", "https") and "://" in text  # type: ignore[union-attr,operator]


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return Parser(prog=prog, description=description)


def _out(text: str) -> None:
    print(text)


def _parse(parser: argparse.ArgumentParser, argv: list[str], lang: str) -> argparse.Namespace | int:
    parser.add_argument("--lang", choices=("en", "fr"), help=t("cli.lang_help", lang))
    return parse(parser, argv, lang)


def _guarded(run: object, args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.web.fetcher import FetchError
    from tui_reader.core.web.reply import ReplyError

    try:
        return run(args, lang)  # type: ignore[operator]
    except FetchError as error:
        error_line(error.text(lang), lang)
        return EXIT_FAILURE
    except ReplyError as error:
        error_line(make_inert(t(error.key, lang, **_safe(error.params))), lang)
        return EXIT_FAILURE
    except OSError as error:
        path = getattr(error, "filename", None) or "?"
        error_line(t("fetch.error.disk", lang, path=path, reason=error.strerror or error), lang)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        error_line(t("cli.interrupted", lang), lang)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _safe(params: dict[str, object]) -> dict[str, object]:
    from tui_reader.core.web.fetcher import PARAM_DEFAULTS

    return {**PARAM_DEFAULTS, **params}


# --- reader fetch -----------------------------------------------------------------------------


def run_fetch(argv: list[str], lang: str) -> int:
    parser = _parser("reader fetch", t("fetch.cli.description", lang))
    parser.add_argument("target", nargs="?", metavar="URL", help=t("fetch.cli.url_help", lang))
    parser.add_argument("--into", metavar="DIR", type=Path, help=t("fetch.cli.into_help", lang))
    parser.add_argument("--update", action="store_true", help=t("fetch.cli.update_help", lang))
    args = _parse(parser, argv, lang)
    if isinstance(args, int):
        return args
    if not args.update and not args.target:
        message = t("fetch.cli.url_missing", lang)
        error_line(t("cli.usage_error", lang, message=message, prog=parser.prog), lang)
        return EXIT_USAGE
    return _guarded(_update if args.update else _fetch, args, lang)


def fetch_and_save(url: str, directory: Path, lang: str) -> Path:
    """Fetch `url` into `directory`, telling the reader what happened; the article's path."""
    from tui_reader.core.web.fetch_report import fetch_into

    outcome = fetch_into(url, directory, lang)
    for message in outcome.messages:
        _out(message)
    return outcome.path


def _fetch(args: argparse.Namespace, lang: str) -> int:
    fetch_and_save(args.target, args.into or library_dir(), lang)
    return EXIT_OK


def _update(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.web.fetcher import FetchError
    from tui_reader.core.web.saved_article import find_saved, update_comments
    from tui_reader.core.web.thread import read_thread

    directory = args.into or library_dir()
    if args.target is None:
        articles = [
            path
            for path in sorted(directory.glob("*.md"))
            if (thread := read_thread(path)) is not None and thread.api
        ]
        if not articles:
            _out(t("fetch.update.nothing", lang, dir=directory))
            return EXIT_OK
    elif is_url(args.target):
        found = find_saved(directory, args.target)
        if found is None:
            raise FetchError("fetch.error.not_fetched", url=args.target)
        articles = [found]
    else:
        path = Path(args.target)
        if not path.is_file():
            raise FetchError("fetch.error.no_file", path=str(path))
        articles = [path]
    failed = 0
    for path in articles:
        try:
            report = update_comments(path)
        except FetchError as error:
            if len(articles) == 1:
                raise
            error_line(error.text(lang), lang)
            failed += 1
            continue
        key = "fetch.update.changed" if report.changed else "fetch.update.unchanged"
        _out(t(key, lang, path=path, total=report.total, new=report.new_comments))
    return EXIT_FAILURE if failed else EXIT_OK


def saved_copy(url: str, lang: str, loaded: LoadedSettings | None = None) -> Path | int:
    """`reader URL`: the saved copy of `url` (offline), else fetched now; or an exit code."""
    from tui_reader.core.web.library_lookup import find_saved

    directory = library_dir(loaded)
    found = find_saved(directory, url) if directory.is_dir() else None
    if found is not None:
        return found
    result: list[Path] = []

    def run(args: argparse.Namespace, lang: str) -> int:
        result.append(fetch_and_save(url, directory, lang))
        return EXIT_OK

    code = _guarded(run, argparse.Namespace(), lang)
    return result[0] if result else code


# --- reader comments FILE ---------------------------------------------------------------------


def run_comments(argv: list[str], lang: str) -> int:
    parser = _parser("reader comments", t("comments.cli.description", lang))
    parser.add_argument("file", type=Path, help=t("comments.cli.file_help", lang))
    args = _parse(parser, argv, lang)
    if isinstance(args, int):
        return args
    return _guarded(_comments, args, lang)


def _comments(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.comments.drafts import DraftStore
    from tui_reader.core.web.fetcher import FetchError
    from tui_reader.core.web.thread import own_comments, read_thread, thread_view

    if not args.file.is_file():
        raise FetchError("fetch.error.no_file", path=str(args.file))
    thread = read_thread(args.file)
    if thread is None:
        raise FetchError("comments.no_thread", path=str(args.file))
    own = own_comments(DraftStore().load_all().drafts, thread.source)
    entries = thread_view(thread, own)
    _out(t("comments.title", lang, count=len(entries)))
    if not entries:
        _out(t("comments.none", lang))
    for entry in entries:
        c = entry.comment
        indent = "    " * entry.depth
        marks = [t("comments.held", lang)] if c.held else []
        if c.new:
            marks.append(t("comments.new", lang))
        if c.mine:
            marks.append(t("comments.yours", lang))
        head = f"#{c.id}" if c.id else "#?"
        when = c.date_gmt.replace("T", " ")[:16]
        extra = f"  [{', '.join(marks)}]" if marks else ""
        _out("")
        _out(make_inert(f"{indent}{head}  {c.author} — {when} UTC{extra}"))
        for line in c.text.splitlines() or [""]:
            _out(make_inert(f"{indent}  {line}"))
    return EXIT_OK


# --- reader reply FILE COMMENT_ID -------------------------------------------------------------


def run_reply(argv: list[str], lang: str) -> int:
    parser = _parser("reader reply", t("reply.cli.description", lang))
    parser.add_argument("file", type=Path, help=t("comments.cli.file_help", lang))
    parser.add_argument(
        "comment", type=int, metavar="COMMENT_ID", help=t("reply.cli.comment_help", lang)
    )
    parser.add_argument("--text", required=True, help=t("reply.cli.text_help", lang))
    parser.add_argument("--name", help=t("reply.cli.name_help", lang))
    parser.add_argument("--email", help=t("reply.cli.email_help", lang))
    parser.add_argument("--url", default=None, help=t("reply.cli.url_help", lang))
    args = _parse(parser, argv, lang)
    if isinstance(args, int):
        return args
    return _guarded(_reply, args, lang)


def _reply(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.comments.drafts import DraftStore
    from tui_reader.core.comments.identity import Identity, load_identity
    from tui_reader.core.web.reply import new_reply

    remembered = load_identity().identity
    identity = Identity(
        author=args.name if args.name is not None else (remembered.author if remembered else ""),
        email=args.email if args.email is not None else (remembered.email if remembered else ""),
        url=args.url if args.url is not None else (remembered.url if remembered else ""),
    )
    result = new_reply(
        DraftStore(), args.file.resolve(), args.comment, identity=identity, text=args.text
    )
    if not result.saved.ok:
        reason = t(result.saved.key or "send.error.disk", lang, **dict(result.saved.params))
        error_line(t("reply.not_saved", lang, reason=reason), lang)
        return EXIT_FAILURE
    draft = result.saved.draft or result.draft
    author = make_inert(result.parent.author)
    if result.errors:
        _out(t("reply.draft", lang, author=author, id=draft.short_id))
        for error in result.errors:
            _out(f"  {error.field}: {error.message}")
        return EXIT_FAILURE
    _out(t("reply.ready", lang, author=author, id=draft.short_id))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    from tui_reader.core.catalog import resolve_language

    return run_fetch(sys.argv[1:] if argv is None else argv, resolve_language(None))
