"""`reader send [ID…] [--dry-run] [--json] [--check]`: the outbox from the shell.

One line per draft (what happened, and the comment's address), then a summary. Exit status:
0 when everything asked for was sent (or there was nothing to do), 1 when anything was not,
2 for a usage error. Never a traceback: an interrupted send leaves its draft "sending", and the
next run resolves it (core.web.sender).
"""

from __future__ import annotations

import argparse
import json
import sys

from tui_reader.cli_args import Parser, error_line, parse
from tui_reader.cli_drafts import _out, _problem_text
from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import Draft, DraftStore, match_prefix
from tui_reader.core.comments.export import make_inert, one_line
from tui_reader.core.web.fate import Fate

EXIT_OK, EXIT_FAILURE = 0, 1


def _build_parser(lang: str) -> Parser:
    parser = Parser(prog="reader send", description=t("send.cli.description", lang))
    parser.add_argument("ids", nargs="*", metavar="ID", help=t("send.cli.ids_help", lang))
    parser.add_argument("--dry-run", action="store_true", help=t("send.cli.dry_run_help", lang))
    parser.add_argument("--json", action="store_true", help=t("send.cli.json_help", lang))
    parser.add_argument("--check", action="store_true", help=t("send.cli.check_help", lang))
    # Read by cli.main before we run (it picks the language); accepted here so it parses.
    parser.add_argument("--lang", choices=("en", "fr"), help=t("cli.lang_help", lang))
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="HOST",
        help=t("send.cli.allow_host_help", lang),
    )
    return parser


def run_send(argv: list[str], lang: str) -> int:
    args = parse(_build_parser(lang), argv, lang)
    if isinstance(args, int):
        return args
    try:
        return _run(args, lang)
    except KeyboardInterrupt:
        error_line(t("cli.interrupted", lang), lang)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _selected(store: DraftStore, ids: list[str], lang: str) -> list[Draft] | None:
    report = store.load_all()
    for problem in report.problems:
        error_line(_problem_text(problem, lang), lang)
    if not ids:
        return None
    chosen: list[Draft] = []
    for wanted in ids:
        matches = match_prefix(wanted, report.drafts)
        if len(matches) != 1:
            key = "drafts.cli.no_match" if not matches else "drafts.cli.ambiguous"
            ids_text = ", ".join(d.id for d in matches)
            error_line(t(key, lang, id=make_inert(wanted), ids=ids_text), lang)
            return []
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def _run(args: argparse.Namespace, lang: str) -> int:
    from tui_reader.core.web.sender import Sender, SendResult, describe

    store = DraftStore()
    chosen = _selected(store, args.ids, lang)
    if chosen == []:
        return EXIT_FAILURE
    sender = Sender(store, allowed_hosts=args.allow_host)
    printed: list[SendResult] = []

    def show(result: SendResult) -> None:
        printed.append(result)
        if not args.json:
            _out(f"{result.draft_id[:8]}  {one_line(describe(result, lang))}")

    if args.check:
        drafts = sender.to_check() if chosen is None else chosen
        if not drafts:
            _out(t("send.cli.nothing_to_check", lang)) if not args.json else _out("[]")
            return EXIT_OK
        results = sender.check(drafts, on_result=show)
    else:
        drafts = sender.pending() if chosen is None else chosen
        if not drafts:
            _out(t("send.cli.nothing", lang)) if not args.json else _out("[]")
            return EXIT_OK
        if args.dry_run:
            results = sender.plan(drafts)
            for result in results:
                show(result)
        else:
            results = sender.send(drafts, on_result=show)
    insecure = set() if args.check else {r.site for r in results if r.insecure and r.site}
    for site in sorted(insecure):
        error_line(t("send.cli.insecure", lang, site=site), lang)
    if args.json:
        _out(json.dumps([_as_json(r, lang) for r in results], ensure_ascii=False, indent=2))
    elif args.check:
        published = sum(r.fate == Fate.PUBLISHED for r in results)
        held = sum(r.fate == Fate.HELD for r in results)
        counts = {"checked": len(results), "published": published, "held": held}
        _out(t("send.cli.check_summary", lang, **counts))
    elif not args.dry_run:
        sent = sum(r.ok for r in results)
        failed = sum(r.failed for r in results)
        other = len(results) - sent - failed
        _out(t("send.cli.summary", lang, sent=sent, failed=failed, other=other))
    return EXIT_FAILURE if any(r.failed for r in results) else EXIT_OK


def _as_json(result: object, lang: str) -> dict[str, object]:
    from tui_reader.core.web.sender import SendResult, describe

    assert isinstance(result, SendResult)
    return {
        "id": result.draft_id,
        "outcome": str(result.outcome),
        "status": result.status,
        "fate": result.fate,
        "comment_id": result.comment_id,
        "link": result.link,
        "http_status": result.http_status,
        "message": make_inert(result.message),
        "field": result.field,
        "site": result.site,
        "action": result.action,
        "insecure": result.insecure,
        "text": make_inert(describe(result, lang)),
    }


def main(argv: list[str] | None = None) -> int:
    from tui_reader.core.catalog import resolve_language

    return run_send(sys.argv[1:] if argv is None else argv, resolve_language(None))


if __name__ == "__main__":
    sys.exit(main())
