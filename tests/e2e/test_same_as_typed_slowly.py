"""Any keys typed in one burst give what they give typed one at a time (issue 10).

Generated key sequences (reading keys, `/`, `c`, Tab, text, Escape, Enter, Down) on the
bundled French article: typed in a burst in one app, one key at a time in another (waiting
for the screen to settle after each), then compared: the final screen and the drafts on disk.
The sequences come from a fixed seed, so a failure replays exactly.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import StartReader
from tests.pty_app import KEYS, PtyApp, keys
from tests.repo_paths import ARTICLES

ARTICLE = ARTICLES / "fr-reforme-bibliotheques.md"
TITLE = "Bibliothèques : des horaires élargis"
# ESCDELAY (ms) and the pause it needs (see test_leaving_screens): an Escape followed at once
# by a key that is not itself an escape sequence is read as Alt+key by any terminal program,
# so a burst is cut there for this long. Nothing waits for the screen.
ESCDELAY = 25
ESCAPE_GAP = 0.5

# No key that shows a timed notice (their lifetime would differ) and no `q` (quit) or `d`.
READING = ["j", "k", "Space", "b", "g", "G", "n", "p", "t", "Down", "Up"]
WORDS = ["Bonjour", "mais", "été", "voix", "ici"]
CHOICES: list[tuple[list[str], int]] = [
    (READING, 30),
    (["/"], 8),
    (["c"], 10),
    (["Tab"], 10),
    (WORDS, 16),
    (["Escape"], 12),
    (["Enter"], 8),
    (["BackTab"], 4),
]


def generate(seed: int, length: int = 14) -> list[str]:
    rng = random.Random(seed)
    groups = [group for group, _ in CHOICES]
    weights = [weight for _, weight in CHOICES]
    return [rng.choice(rng.choices(groups, weights)[0]) for _ in range(length)]


def chunks(sequence: list[str]) -> list[str]:
    """The burst, cut only after an Escape followed by a key that is no escape sequence."""
    out: list[str] = []
    current = ""
    for i, key in enumerate(sequence):
        current += keys(key)
        following = sequence[i + 1] if i + 1 < len(sequence) else None
        if key == "Escape" and following is not None and not keys(following).startswith("\x1b"):
            out.append(current)
            current = ""
    return [*out, current] if current else out


def start(reader: StartReader, home: Path) -> PtyApp:
    app = reader(str(ARTICLE), env={"ESCDELAY": str(ESCDELAY)}, home_dir=home)
    app.wait_text(TITLE)
    app.wait_text("c Comment")  # the key bar: start-up work done
    app.wait_settled()
    return app


def normalized_screen(app: PtyApp) -> str:
    # The composer's state line says when the draft was saved. Scrollbar thumbs and the
    # library's reading progress follow the article's height, exact only for the sections
    # rendered so far (in the background).
    text = re.sub(r"\b\d{1,2}:\d{2}(:\d{2})?\b", "HH:MM", app.screen_text())
    text = re.sub(r" *\b\d{1,3}%", " N%", text)
    return "\n".join(line.rstrip("▁▂▃▄▅▆▇█ ") for line in text.splitlines())


def finish(app: PtyApp) -> tuple[str, list[dict[str, Any]]]:
    """The settled screen, then quit (ctrl+q saves an open form) and read the drafts."""
    app.wait_settled(1.0)
    screen = normalized_screen(app)
    app.press("Ctrl+Q")
    assert app.exit_code() == 0
    fields = ("lang", "status", "section", "quote", "comment", "author", "email", "url")
    drafts = [{name: d.get(name) for name in fields} for d in app.read_drafts()]
    return screen, sorted(drafts, key=repr)


def typed_in_a_burst(reader: StartReader, home: Path, sequence: list[str]) -> tuple[str, list[Any]]:
    app = start(reader, home)
    for i, chunk in enumerate(chunks(sequence)):
        if i:
            time.sleep(ESCAPE_GAP)
        app.send(chunk)
    return finish(app)


def typed_slowly(reader: StartReader, home: Path, sequence: list[str]) -> tuple[str, list[Any]]:
    app = start(reader, home)
    for key in sequence:
        for stroke in [key] if key in KEYS else list(key):  # a word, letter by letter
            app.press(stroke)
            time.sleep(ESCAPE_GAP if key == "Escape" else 0)
            app.wait_settled(0.3)
    return finish(app)


# A hand-picked sequence through every case of the issue, then generated ones.
SEQUENCES = [
    ["c", "Bonjour", "Tab", "Marie", "Tab", "m@ex.fr", "Escape", "Escape", "/", "voix", "Enter"],
    *(generate(seed) for seed in (1, 2)),
]


@pytest.mark.parametrize("sequence", SEQUENCES, ids=lambda s: " ".join(s)[:40])
def test_a_burst_gives_what_slow_typing_gives(
    reader: StartReader, tmp_path: Path, sequence: list[str]
) -> None:
    assert all(key in KEYS or key.isprintable() for key in sequence)
    slow = typed_slowly(reader, tmp_path / "slow", sequence)  # each from a fresh home
    burst = typed_in_a_burst(reader, tmp_path / "burst", sequence)
    assert burst[1] == slow[1]  # the drafts on disk
    assert burst[0] == slow[0]  # the screen
