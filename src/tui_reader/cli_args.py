"""Argument parsing for the subcommands (drafts, send, fetch, feeds, sync): argparse's errors
become one translated line on stderr and exit status 2, its help exits as it asked."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from tui_reader.core.catalog import t
from tui_reader.core.comments.export import inert_lines

EXIT_USAGE = 2


class Usage(Exception):
    """argparse wanted to print an error and exit: we print one line ourselves."""


class Done(Exception):
    """argparse printed help and wants to exit with `code`."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise Usage(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise Done(status)


def error_line(message: str, lang: str) -> None:
    """`reader: message` on stderr, inert (it may quote a file's or a server's words)."""
    print(inert_lines(t("cli.error", lang, message=message)), file=sys.stderr)


def parse(parser: argparse.ArgumentParser, argv: list[str], lang: str) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status when argparse printed help or refused them."""
    try:
        return parser.parse_args(argv)
    except Done as done:
        return done.code
    except Usage as usage:
        error_line(t("cli.usage_error", lang, message=str(usage), prog=parser.prog), lang)
        return EXIT_USAGE
