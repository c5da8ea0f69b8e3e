"""`reader drafts …`: list, show, export and validate comment drafts from the shell.

`run_drafts(argv, lang)` takes the arguments after "drafts". Every failure is one line on
stderr and a non-zero exit (1: something is wrong with the drafts or the disk, 2: usage),
never a traceback. Files that cannot be loaded are reported on stderr and the command goes on.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable, Sequence

from tui_reader.cli_args import Parser, error_line, parse
from tui_reader.core.article.model import comments_closed
from tui_reader.core.catalog import resolve_language, t
from tui_reader.core.comments.drafts import (
    STATUSES,
    Draft,
    DraftStore,
    Status,
    match_prefix,
    parse_time,
)
from tui_reader.core.comments.export import (
    draft_to_json,
    excerpt,
    inert_lines,
    one_line,
    to_json,
    to_markdown,
)
from tui_reader.core.comments.identity import forget_identity
from tui_reader.core.comments.validation import prefixed, validate
from tui_reader.core.storage.atomic_file import FileProblem

EXIT_OK = 0
EXIT_FAILURE = 1
SHORT_ID = 8


def _build_parser(lang: str) -> Parser:
    parser = Parser(prog="reader drafts", description=t("drafts.cli.description", lang))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help=t("drafts.cli.list_help", lang))
    listing.add_argument("--json", action="store_true", help=t("drafts.cli.json_help", lang))
    listing.add_argument("--status", choices=STATUSES, help=t("drafts.cli.status_help", lang))
    listing.set_defaults(func=_cmd_list)
    show = sub.add_parser("show", help=t("drafts.cli.show_help", lang))
    show.add_argument("id", metavar="ID", help=t("drafts.cli.id_help", lang))
    show.add_argument("--json", action="store_true", help=t("drafts.cli.json_help", lang))
    show.set_defaults(func=_cmd_show)
    export = sub.add_parser("export", help=t("drafts.cli.export_help", lang))
    export.add_argument(
        "--format",
        choices=("json", "md"),
        default="json",
        dest="fmt",
        help=t("drafts.cli.format_help", lang),
    )
    export.add_argument("--status", choices=STATUSES, help=t("drafts.cli.status_help", lang))
    export.set_defaults(func=_cmd_export)
    check = sub.add_parser("validate", help=t("drafts.cli.validate_help", lang))
    check.set_defaults(func=_cmd_validate)
    forget = sub.add_parser("forget-identity", help=t("drafts.cli.forget_help", lang))
    forget.set_defaults(func=_cmd_forget)
    return parser


def run_drafts(argv: list[str], lang: str) -> int:
    """Run `reader drafts <argv>`; the exit status."""
    args = parse(_build_parser(lang), argv, lang)
    if isinstance(args, int):
        return args
    command: Callable[[argparse.Namespace, str], int] = args.func
    try:
        return command(args, lang)
    except BrokenPipeError:
        # `reader drafts list | head`: the reader left, which is not our failure. Point stdout
        # at /dev/null so that the interpreter's final flush does not complain either.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        error_line(t("cli.interrupted", lang), lang)
        return 130
    except OSError as exc:
        error_line(exc.strerror or str(exc), lang)
        return EXIT_FAILURE


# --- commands ---------------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace, lang: str) -> int:
    drafts = _load(lang, args.status)
    if args.json:
        _out(to_json(drafts))
    elif not drafts:
        _out(t("drafts.cli.none", lang))
    else:
        _out(_table(drafts, lang))
    return EXIT_OK


def _cmd_show(args: argparse.Namespace, lang: str) -> int:
    drafts = _load(lang)
    matches = match_prefix(args.id, drafts)
    if not matches:
        error_line(t("drafts.cli.no_match", lang, id=one_line(args.id)), lang)
        return EXIT_FAILURE
    if len(matches) > 1:
        ids = ", ".join(draft.id for draft in matches)
        error_line(t("drafts.cli.ambiguous", lang, id=one_line(args.id), ids=ids), lang)
        return EXIT_FAILURE
    draft = matches[0]
    _out(draft_to_json(draft) if args.json else _details(draft, lang))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, lang: str) -> int:
    drafts = _load(lang, args.status)
    _out(to_json(drafts) if args.fmt == "json" else to_markdown(drafts, lang))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, lang: str) -> int:
    ready = _load(lang, Status.READY)
    if not ready:
        _out(t("drafts.cli.validate_none", lang))
        return EXIT_OK
    failing = 0
    for draft in ready:
        errors = validate(draft.fields(), draft.lang, draft.article.require_name_email)
        closed = comments_closed(draft.article.path)
        if errors or closed:
            failing += 1
        if closed:  # queued, but the site would refuse it: the article closed its comments
            _out(f"{draft.short_id}  {t('composer.closed', draft.lang)}")
        for error in errors:
            # The draft's language, as the form and the server will show it for that article.
            label = t(f"composer.label.{error.field}", draft.lang)
            line = t(
                "drafts.field_line", draft.lang, label=label, value=prefixed(error, draft.lang)
            )
            _out(f"{draft.short_id}  {line}")
    _out(t("drafts.cli.validate_summary", lang, count=len(ready), failing=failing))
    return EXIT_FAILURE if failing else EXIT_OK


def _cmd_forget(args: argparse.Namespace, lang: str) -> int:
    result = forget_identity()
    if result.error is not None:
        error_line(result.error.text(lang), lang)
        return EXIT_FAILURE
    # A corrupt file is deleted too (the user asked to forget): report either way.
    existed = result.identity is not None or result.problem is not None
    _out(t("drafts.cli.forgotten" if existed else "drafts.cli.no_identity", lang))
    return EXIT_OK


# --- helpers ----------------------------------------------------------------------------------


def _load(lang: str, status: str | None = None) -> list[Draft]:
    report = DraftStore().load_all()
    for problem in report.problems:
        error_line(_problem_text(problem, lang), lang)
    return [d for d in report.drafts if status is None or d.status == status]


def _problem_text(problem: FileProblem, lang: str) -> str:
    params = {"path": str(problem.path), "moved_to": str(problem.moved_to), **problem.params}
    return t(problem.key, lang, **params)


def _out(text: str) -> None:
    # Every line for the terminal goes through the one make_inert, whatever built it: a field
    # a command forgot (a slug, an id, a time as written) cannot drive the terminal either.
    print(inert_lines(text))


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (captured in tests): nothing will be flushed to a pipe


def _unique_prefix_length(drafts: Sequence[Draft]) -> int:
    """At least 8 characters, more if two listed ids share their first 8."""
    length = SHORT_ID
    ids = [draft.id for draft in drafts]
    while length < 36 and len({i[:length] for i in ids}) < len(ids):
        length += 1
    return length


def _local_time(value: str) -> str:
    moment = parse_time(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells (with "…") and padded to exactly `width`."""
    if _width(text) > width:
        while text and _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def _fair_share(wanted: list[int], available: int) -> list[int]:
    """Max-min fair widths: a column that needs less than an equal share gets what it needs,
    the others split what is left equally."""
    given = [0] * len(wanted)
    hungry = set(range(len(wanted)))
    left = available
    while hungry and left > 0:
        share = left // len(hungry)
        if share == 0:
            break
        satisfied = [i for i in hungry if wanted[i] - given[i] <= share]
        for i in satisfied or list(hungry):
            step = wanted[i] - given[i] if satisfied else share
            given[i] += step
            left -= step
        hungry -= set(satisfied) if satisfied else hungry
    return given


def _status_text(draft: Draft, lang: str) -> str:
    text = t(f"drafts.status.{draft.status}", lang)
    if draft.conflict_of:
        text += " " + t("drafts.cli.conflict_mark", lang)
    if draft.read_only:
        text += " " + t("drafts.cli.read_only_mark", lang)
    return text


def _table(drafts: list[Draft], lang: str) -> str:
    id_len = _unique_prefix_length(drafts)
    rows = [
        [
            draft.id[:id_len],
            _status_text(draft, lang),
            _local_time(draft.updated),
            one_line(draft.article.title),
            one_line(draft.section.title) or one_line(draft.section.slug),
            one_line(excerpt(draft, 10_000)),  # cut to the column below
        ]
        for draft in drafts
    ]
    header = [t(f"drafts.cli.col_{name}", lang) for name in ("id", "status", "updated")]
    header += [t(f"drafts.cli.col_{name}", lang) for name in ("article", "section", "excerpt")]
    # Fixed columns take what they need; the three text columns share the rest of the terminal.
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(6)]
    total = shutil.get_terminal_size((100, 24)).columns
    free = max(total - sum(widths[:3]) - 2 * 5, 36)
    widths[3:] = _fair_share(widths[3:], free)
    lines = []
    for row in [header, *rows]:
        cells = [_fit(cell, width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _details(draft: Draft, lang: str) -> str:
    def line(label_key: str, value: str) -> str:
        return t("drafts.field_line", lang, label=t(label_key, lang), value=value)

    yes_no = t("drafts.cli.yes" if draft.consent else "drafts.cli.no", lang)
    lines = [
        line("drafts.label.id", draft.id),
        line("drafts.label.status", _status_text(draft, lang)),
        line("drafts.label.article", one_line(draft.article.title)),
    ]
    if draft.article.source_url:
        lines.append(line("drafts.label.source", one_line(draft.article.source_url)))
    if draft.article.path:
        lines.append(line("drafts.label.file", one_line(draft.article.path)))
    section = one_line(draft.section.title)
    lines.append(line("drafts.label.section", f"{section} (#{one_line(draft.section.slug)})"))
    if draft.conflict_of:
        lines.append(line("drafts.label.conflict_of", draft.conflict_of))
    lines += [
        line("drafts.label.created", _local_time(draft.created)),
        line("drafts.label.updated", _local_time(draft.updated)),
        line("composer.label.author", one_line(draft.author)),
        line("composer.label.email", one_line(draft.email)),
        line("composer.label.url", one_line(draft.url)),
        line("drafts.label.consent", yes_no),
        "",
    ]
    lines.append(inert_lines(draft.comment).strip("\n"))
    return "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    """`python -m tui_reader.cli_drafts …`, before (and besides) the `reader drafts` wiring."""
    return run_drafts(sys.argv[1:] if argv is None else argv, resolve_language(None))


if __name__ == "__main__":
    sys.exit(main())
