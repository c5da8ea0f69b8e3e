"""Every subcommand refuses bad arguments the same way: one line naming its own --help, exit 2."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tui_reader.cli_drafts import run_drafts
from tui_reader.cli_feeds import run_feeds
from tui_reader.cli_send import run_send
from tui_reader.cli_sync import run_sync


@pytest.mark.parametrize(
    ("run", "prog"),
    [
        (run_drafts, "reader drafts"),
        (run_send, "reader send"),
        (run_feeds, "reader feeds"),
        (run_sync, "reader sync"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_bad_option_names_the_subcommands_own_help(
    run: Callable[[list[str], str], int], prog: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--no-such-option\x1b[2J"], lang) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader")
    assert f"{prog} --help" in err
    assert "\x1b" not in err  # the refused text is shown inert
