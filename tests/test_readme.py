"""The README's promises: CI runs its test command, and it documents every key of the app."""

from __future__ import annotations

import re

from tests.repo_paths import REPO
from tui_reader.ui.dialogs.help_screen import HELP_ROWS

README = (REPO / "README.md").read_text("utf-8")


def fenced_commands(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S)]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = next(cmd for cmd in fenced_commands(README) if "pytest" in cmd)
    ci = (REPO / ".ci" / "run").read_text("utf-8").splitlines()
    assert ci[-1] == test_command


def test_first_screen_has_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:40])
    commands = fenced_commands(first_screen)
    assert any(cmd.endswith(".venv/bin/reader") for cmd in commands)
    assert any("pytest" in cmd for cmd in commands)


def test_every_key_of_the_help_screen_is_in_the_readme() -> None:
    prose = re.sub(r"```.*?```", "", README, flags=re.S)  # fences would pair backticks wrongly
    documented = set(re.findall(r"`([^`]+)`", prose))
    missing = [
        key
        for _, rows in HELP_ROWS
        for keys, _ in rows
        for key in re.split(r"\s+|\s*/\s*", keys)
        if key and key not in documented
    ]
    assert not missing, f"keys in the help screen but not in the README: {missing}"
