"""Issue 11: `--print` output piped and on a terminal (the pager), --width, `drafts`, --help in
French, and the encoding / front matter lines on stderr."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli_reader import reader
from tests.repo_paths import ARTICLES

GUIDE = ARTICLES / "en-field-guide-markdown-terminal.md"
FR = ARTICLES / "fr-centres-de-donnees.md"


@pytest.mark.parametrize("width", ["0", "-5", "100000", "abc"])
def test_out_of_range_widths_are_usage_errors(width: str) -> None:
    result = reader("--print", "--width", width, str(FR))
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode()
    assert "--width" in err and "Traceback" not in err


def test_plain_output_has_no_trailing_spaces_marked_headings_links_and_one_title() -> None:
    result = reader("--print", str(GUIDE))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    lines = out.split("\n")
    assert not [line for line in lines if line != line.rstrip()]
    title = "A Field Guide to Reading and Writing Long Documents in the Terminal"
    assert lines[0] == f"# {title}"
    assert out.count(title) == 1
    for index, line in enumerate(lines):
        if line.startswith("## ") or line.startswith("### "):
            assert lines[index - 1] == "", (index, line)
    assert "## Why read long documents in a terminal" in lines
    assert "(https://sembr.org/)" in out  # the link's address kept after its text


def test_an_article_without_front_matter_prints_its_title_once(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Mon titre\n\nUn paragraphe.\n\n## Suite\n\nEncore.\n", encoding="utf-8")
    out = reader("--print", str(path)).stdout.decode()
    assert out.count("Mon titre") == 1
    assert "\n\n## Suite\n\nEncore.\n" in out


def test_print_says_which_encoding_was_assumed(tmp_path: Path) -> None:
    path = tmp_path / "vieux.md"
    path.write_bytes("# L’été\n\nÇa coûte 5 €, à côté de la forêt.\n".encode("cp1252"))
    result = reader("--print", str(path))
    assert result.returncode == 0
    assert "Ça coûte 5 €, à côté de la forêt." in result.stdout.decode()
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "Windows-1252" in err


def test_print_says_the_front_matter_was_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [broken\n---\n\nLe corps.\n", encoding="utf-8")
    result = reader("--print", str(path))
    assert result.returncode == 0
    assert "title" not in result.stdout.decode()
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "front matter" in err


def run_in_pty(args: list[str], env: dict[str, str], timeout: float = 60) -> str:
    """Run `reader ARGS` with stdout on a pty; what reached the terminal."""
    master, slave = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full_env.update(env)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui_reader", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=full_env,
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_print_on_a_terminal_pages_through_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f'#!/bin/sh\necho "LESS=$LESS" > "{paged}"\ncat >> "{paged}"\n')
    pager.chmod(0o755)
    screen = run_in_pty(["--print", str(FR)], {"PAGER": str(pager), "COLUMNS": "100"})
    text = paged.read_text(encoding="utf-8")
    assert "Depuis dix-huit mois" in text
    assert "LESS=FRX" in text
    assert "Depuis dix-huit mois" not in screen


def test_no_pager_prints_to_the_terminal(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f'#!/bin/sh\ncat > "{paged}"\n')
    pager.chmod(0o755)
    screen = run_in_pty(["--print", "--no-pager", str(FR)], {"PAGER": str(pager)})
    assert not paged.exists()
    assert "Depuis dix-huit mois" in screen


def test_help_in_french_translates_argparse_too() -> None:
    out = reader("--help", env={"LANG": "fr_FR.UTF-8"}).stdout.decode()
    for english in ("usage:", "positional arguments", "show this help message", "show program"):
        assert english not in out
    assert out.startswith("utilisation : reader")
    assert "afficher cette aide et quitter" in out
    assert "reader ./drafts" in out


def test_help_says_how_to_open_a_folder_named_drafts() -> None:
    assert "reader ./drafts" in reader("--help").stdout.decode()


def test_a_folder_named_drafts_is_named_and_opens_as_dot_slash(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n\nTexte.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader", "drafts"],
        cwd=tmp_path,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert "reader ./drafts" in result.stderr.decode()
    printed = subprocess.run(
        [sys.executable, "-m", "tui_reader", "--print", "./drafts/a.md"],
        cwd=tmp_path,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert printed.returncode == 0 and "Texte." in printed.stdout.decode()
