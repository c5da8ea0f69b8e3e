"""A paste the terminal does not bracket, into the composer (issue 16, item 7).

20 KB written to the pty in one write, as plain keystrokes: words, accents, the app's own
keys (`q`, `d`, `T`, `?`, `c`), Enter, then a Tab and a name. The key queue lets such a run of
keys through as one insertion; it must give what typing them one by one gives: the text in
the comment, the Tab moving to the Name field, the name there. Before the fix this took
minutes (each key waited for the app to be quiet, and the form redid its work per key); the
deadline is only there so that a hang fails.
"""

from __future__ import annotations

import random

from tests.e2e.conftest import StartReader
from tests.pty_app import KEYS
from tests.repo_paths import ARTICLES

ARTICLE = ARTICLES / "en-night-trains.md"
WORDS = ("the", "night", "train", "déjà", "vu,", "café", "quit", "dark", "Theme?", "q", "d", "c")
DEADLINE = 180.0  # seconds; about 3 s on the development machine


def pasted_text(size: int = 20_000) -> str:
    rng = random.Random(7)
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(WORDS) + ("\n" if rng.random() < 0.05 else " "))
    return "".join(parts) + "END"


def test_a_20_kb_unbracketed_paste_lands_in_the_draft_exactly(reader: StartReader) -> None:
    text = pasted_text()
    app = reader(str(ARTICLE))
    app.wait_text("The Night Train Is Back")
    app.wait_text("c Comment")
    app.wait_settled()
    app.press("c")
    app.wait_text("Leave a Reply")
    app.wait_settled()
    app.send(text.replace("\n", KEYS["Enter"]) + KEYS["Tab"] + "Marie Curie")
    app.wait_text("Marie Curie", timeout=DEADLINE)
    app.press("Escape")  # saves and closes
    app.wait_gone("Leave a Reply", timeout=DEADLINE)
    (draft,) = app.wait_drafts(lambda docs: len(docs) == 1 and docs[0]["author"] != "")
    assert draft["comment"] == text
    assert draft["author"] == "Marie Curie"
    assert "Leave a Reply" not in app.screen_text()  # the app is still running, on the article
    app.press("q")
    assert app.exit_code() == 0
