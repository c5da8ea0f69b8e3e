"""The `reader` command by subprocess: --print, --help/--version and every bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.repo_paths import ARTICLES
from tui_reader.cli import main

FR = ARTICLES / "fr-centres-de-donnees.md"


def reader(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None):
    full_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full_env.update({"COLUMNS": "100", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "tui_reader", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=60,
    )


def assert_clean_error(result: subprocess.CompletedProcess[bytes], needle: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    assert err.startswith("reader")
    assert needle in err
    assert err.count("\n") == 1  # one line


def test_version_and_help() -> None:
    version = reader("--version")
    assert version.returncode == 0
    assert version.stdout.decode().startswith("reader 0.")
    helped = reader("--help")
    assert helped.returncode == 0
    assert "--print" in helped.stdout.decode()


def test_help_in_french() -> None:
    helped = reader("--help", env={"LANG": "fr_FR.UTF-8"})
    assert "écrire l'article rendu" in helped.stdout.decode()


def test_print_piped_is_plain_text() -> None:
    result = reader("--print", str(FR))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "Centres de données" in out
    assert "L'eau, la ressource" in out
    assert "\x1b" not in out
    assert "Laisser un commentaire\n\nVotre adresse" not in out  # the footer is not article text


def test_print_width_is_honoured() -> None:
    out = reader("--print", "--width", "50", str(FR)).stdout.decode()
    assert max(len(line) for line in out.splitlines()) <= 50


def test_print_styled_when_forced_and_no_color_honoured() -> None:
    styled = reader("--print", str(FR), env={"FORCE_COLOR": "1"}).stdout.decode()
    assert "\x1b[" in styled
    plain = reader("--print", str(FR), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout.decode()
    assert "\x1b[38" not in plain  # no foreground colours under NO_COLOR


def test_print_from_stdin() -> None:
    result = reader("--print", "-", stdin=b"# Hello\n\nSome *text* here.\n")
    assert result.returncode == 0
    assert "Hello" in result.stdout.decode()
    assert "Some text here." in result.stdout.decode()


def test_print_makes_escape_sequences_inert(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_bytes(
        b"# Title\x1b[2J\n\nclear\x1b[2J screen \x1b]52;c;ZXZpbA==\x07"
        b" bell\x07 [bold red]markup[/]\n"
    )
    out = reader("--print", str(hostile), env={"FORCE_COLOR": "1"}).stdout.decode()
    assert "\x1b[2J" not in out
    assert "\x1b]52" not in out
    assert "\x07" not in out
    assert "[bold red]markup[/]" in out


def test_missing_path(tmp_path: Path) -> None:
    assert_clean_error(reader(str(tmp_path / "nope.md")), "nope.md")


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert_clean_error(reader(str(tmp_path)), str(tmp_path))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert_clean_error(reader("--print", str(path)), "image.md")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert_clean_error(reader(str(path)), "empty.md")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"jpeg")
    assert_clean_error(reader("--print", str(path)), "photo.jpg")


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: permissions do not stop reads")
    assert main(["--print", str(path)]) == 1
    assert "secret.md" in capsys.readouterr().err


def test_print_without_a_file_is_a_usage_error() -> None:
    result = reader("--print")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def test_no_terminal_for_the_app_is_reported() -> None:
    # No tty on stdin and no controlling terminal: a message, not a hang or a traceback.
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader", str(FR)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        start_new_session=True,
    )
    assert result.returncode == 1
    assert "--print" in result.stderr.decode()
