"""Screens left while their background work runs: nothing fails, nothing is lost (issue 10).

A big article keeps threads busy after its first paint (background renders, the word count,
the search index); every screen is opened and left in bursts while they run.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.conftest import StartReader
from tests.pty_app import PtyApp, keys

# Longer than COUNT_LATER (reading_screen): the words are counted in a thread.
SECTIONS = 250
PARAGRAPH = (
    "Les données du réseau électrique et les centres de calcul se partagent la même ligne, "
    "et chaque raccordement [de la ville](https://exemple.fr/ville) coûte des années. "
) * 24
# ESCDELAY (ms): how long Textual waits after Escape for the rest of a key's sequence. It
# notices the wait is over when its input thread wakes (every 0.1 s without input, later on
# a loaded machine): ESCAPE_GAP leaves it ample time.
ESCDELAY = 25
ESCAPE_GAP = 0.5


def big_article(directory: Path) -> Path:
    directory.mkdir(parents=True)
    path = directory / "gros.md"
    body = "".join(f"## Partie {i}\n\n{PARAGRAPH}\n\n" for i in range(SECTIONS))
    path.write_text(f"---\ntitle: Un très gros article\nlang: fr\n---\n\n{body}", "utf-8")
    (directory / "court.md").write_text("# Un article court\n\nDeux lignes.\n", "utf-8")
    return path


def bursts(app: PtyApp, *groups: tuple[str, ...]) -> None:
    """Each group in one write; between groups only the escape delay (an Escape followed at
    once by a letter is Alt+letter to any terminal program), never a wait for the screen."""
    for group in groups:
        app.send(keys(*group))
        time.sleep(ESCAPE_GAP)


def test_every_screen_left_in_a_burst_while_work_runs(reader: StartReader, tmp_path: Path) -> None:
    article = big_article(tmp_path / "articles")
    app = reader(str(article), env={"ESCDELAY": str(ESCDELAY)})
    app.wait_text("Un très gros article")

    bursts(
        app,
        ("/", "introuvable", "Enter", "Escape", "Escape"),  # search (index prepared in a thread)
        ("l", "Down", "Escape"),  # links of the section
        ("c", "Bonjour", "Escape"),  # the form (saved as it closes)
        ("d", "Escape"),  # the drafts screen
        ("?", "Escape"),  # help
        ("End", "Home", "Escape"),  # back to the library (renders in flight)
        ("Enter", "Escape"),  # open an article again and leave it at once
        ("Down", "Enter", "Escape"),  # and the other one
        ("Up", "Enter", "Escape"),
    )
    app.wait_text("Library — ", timeout=60)  # a loaded machine takes its time
    app.wait_stable()
    assert not app.exited()
    app.press("q")
    assert app.exit_code() == 0
    output = app.tail(1_000_000)
    assert b"Traceback" not in output and b"Error" not in output
    drafts = app.read_drafts()
    assert [d["comment"] for d in drafts] == ["Bonjour"]
