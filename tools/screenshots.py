"""Regenerate screenshots/*.svg from the real app: `python tools/screenshots.py`.

Each shot starts the app headless at 120x40 with the dark theme, presses the listed keys and
saves what the terminal would show. Data and config go to a temporary directory so that the
user's drafts never appear in the pictures.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# SCREENSHOTS_DIR: elsewhere than screenshots/ (the tests regenerate into a temporary one).
OUT = Path(os.environ.get("SCREENSHOTS_DIR") or REPO / "screenshots")
ARTICLES = REPO / "articles"


@dataclass
class Shot:
    name: str
    target: str | None
    lang: str
    keys: list[str] = field(default_factory=list)
    before: Callable[[object], Awaitable[None]] | None = None  # run after the keys
    theme: str = "textual-dark"
    make_target: Callable[[Path], Path] | None = None  # writes the target in a temporary dir


async def palette_ready(pilot) -> None:
    """Wait for the command palette's results (it batches them) and stop its cursor blinking."""
    from textual.command import CommandInput, CommandList

    pilot.app.screen.query_one(CommandInput).cursor_blink = False
    command_list = pilot.app.screen.query_one(CommandList)
    for _ in range(60):
        await pilot.pause(0.05)
        if command_list.option_count and pilot.app.screen.has_class("-ready"):
            break


async def steady_cursors(pilot) -> None:
    """Stop the text cursors blinking so that the picture does not depend on timing."""
    from textual.widgets import TextArea

    await pilot.pause(0.2)
    for widget in pilot.app.screen.query("TextArea, Input"):
        widget.cursor_blink = False
        await pilot.pause()
        widget._cursor_visible = widget.has_focus
        if isinstance(widget, TextArea):
            widget._line_cache.clear()
        widget.refresh()


THREAD_ARTICLE = """---
title: Le retour des trains de nuit
author: Camille Martin
lang: fr
source: https://exemple.fr/2026/11/trains-de-nuit/
comments: open
comment_form:
  action: https://exemple.fr/wp-comments-post.php
  comment_post_ID: 42
  require_name_email: true
  submit: Laisser un commentaire
  api_root: https://exemple.fr/wp-json/
post_id: 42
---

# Le retour des trains de nuit

Paris–Vienne, Paris–Berlin : les couchettes reviennent, et avec elles une question simple.

## Le prix du billet

Une couchette coûte souvent plus cher qu'un vol, taxes comprises.

## Ce qui a changé

Des voitures neuves, des horaires meilleurs, et des voyageurs qui veulent moins prendre l'avion.
"""
THREAD_COMMENTS = [
    (101, 0, "Lucie Bernard", "Enfin ! J'ai pris le Paris–Vienne en octobre : **excellent**.", 0),
    (102, 101, "Marc Dupuis", "Et la couchette, confortable ?", 35),
    (103, 102, "Lucie Bernard", "Très, et le petit-déjeuner était servi à Linz.", 70),
    (
        104,
        0,
        "Ada Lovelace",
        "Le prix reste le frein : voir [ce comparatif](https://exemple.fr/prix).",
        120,
    ),
    (105, 104, "Camille Martin", "Merci Ada, je l'ajoute à l'article.", 200),
    (106, 0, "Jean Petit", "Et vers Barcelone ? La ligne a fermé en 2020.", 900),
]


def thread_article(directory: Path) -> Path:
    """A fetched French article with its saved thread (Jean's comment new since last time)."""
    from tui_reader.core.web.saved_article import write_thread
    from tui_reader.core.web.thread import Comment, Thread

    article = directory / "trains-de-nuit.md"
    article.write_text(THREAD_ARTICLE, "utf-8")
    start = datetime(2026, 11, 20, 8, 0)
    comments = [
        Comment(
            id=cid,
            parent=parent,
            author=author,
            author_url="",
            date_gmt=(start + timedelta(minutes=minutes)).isoformat(),
            link=f"https://exemple.fr/2026/11/trains-de-nuit/#comment-{cid}",
            text=text,
            first_seen="2026-11-25T10:00:00Z" if cid == 106 else "2026-11-21T10:00:00Z",
        )
        for cid, parent, author, text, minutes in THREAD_COMMENTS
    ]
    thread = Thread(
        source="https://exemple.fr/2026/11/trains-de-nuit/",
        post_id=42,
        api="https://exemple.fr/wp-json",
        fetched="2026-11-25T10:00:00Z",
        previous_fetch="2026-11-21T10:00:00Z",
        comments=comments,
    )
    write_thread(article, thread)
    return article


COMMENT_FR = "Qui paiera le raccordement, au bout du compte ? Le tarif réseau, donc nous tous."
SHOTS = [
    Shot("library", None, "en"),
    Shot("reading-fr", str(ARTICLES / "fr-centres-de-donnees.md"), "fr", ["n", "n"]),
    Shot("reading-en-long", str(ARTICLES / "en-field-guide-markdown-terminal.md"), "en", ["n"] * 4),
    Shot("help", str(ARTICLES / "en-night-trains.md"), "en", ["question_mark"]),
    Shot(
        "search",
        str(ARTICLES / "fr-centres-de-donnees.md"),
        "fr",
        ["slash", *"electricite", "enter", "down", "down"],
    ),
    Shot(
        "palette",
        str(ARTICLES / "en-field-guide-markdown-terminal.md"),
        "en",
        ["n", "n", "ctrl+p", *"wid"],
        before=palette_ready,
    ),
    Shot("paper-theme", str(ARTICLES / "fr-centres-de-donnees.md"), "fr", ["n"], theme="paper"),
    Shot(
        "composer-fr",
        str(ARTICLES / "fr-centres-de-donnees.md"),
        "fr",
        ["n", "n", "n", "c", "ctrl+o", *COMMENT_FR, "tab", *"Camille", "tab", *"camille@"],
        before=steady_cursors,
    ),
    Shot(
        "composer-en-errors",
        str(ARTICLES / "en-night-trains.md"),
        "en",
        ["n", "c", *"Worth it.", "tab", "tab", *"not-an-address", "ctrl+s"],
        before=steady_cursors,
    ),
    Shot(
        "thread",
        None,
        "fr",
        ["tab", "end", "enter", "tab", "n"],
        make_target=thread_article,
    ),
    Shot(
        "drafts",
        str(ARTICLES / "fr-centres-de-donnees.md"),
        "en",
        [
            "n",
            "n",
            "c",
            *"First thoughts on prices.",
            "ctrl+n",
            *"A second, shorter one.",
            "escape",
            "d",
        ],
    ),
]


FIXED_NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


async def take(shot: Shot, target: str | None) -> Path:
    from tui_reader.core.comments.drafts import DraftStore
    from tui_reader.core.launch import prepare
    from tui_reader.ui.app import ReaderApp

    app = ReaderApp.from_launch(prepare(target, shot.lang), shot.lang)
    # A fixed clock and time zone: the drafts' "last change" would otherwise put today's date
    # in the picture, and every regeneration would change the SVG.
    # Each reading a millisecond later (not shown): drafts made one after the other sort in
    # that order, not by their random ids.
    ticks = itertools.count()
    app.drafts = DraftStore(clock=lambda: FIXED_NOW + timedelta(milliseconds=next(ticks)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.theme = shot.theme
        for key in shot.keys:
            await pilot.press(key)
        if shot.before is not None:
            await shot.before(pilot)
        await pilot.pause(0.3)
        # At rest: background renders settle the heights (and the scrollbar) first.
        await app.workers.wait_for_complete()
        await pilot.pause()
        return Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(OUT)))


def _in_project_python() -> None:
    """`python tools/screenshots.py`, as the README says, with any Python: without Textual
    (a system Python), run again with the project's virtual environment."""
    try:
        import textual  # noqa: F401
    except ImportError:
        venv = REPO / ".venv" / "bin" / "python"
        if not venv.exists():
            sys.exit(
                "tools/screenshots.py: install the project first (see the README): " + str(venv)
            )
        os.execv(venv, [str(venv), __file__, *sys.argv[1:]])
    sys.path.insert(0, str(REPO / "src"))


def main() -> int:
    _in_project_python()
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    os.environ["TZ"] = "UTC"
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(Path(tmp) / var.lower())
        OUT.mkdir(exist_ok=True)
        wanted = set(sys.argv[1:])
        for shot in SHOTS:
            if not wanted or shot.name in wanted:
                target = shot.target
                if shot.make_target is not None:
                    target = str(shot.make_target(Path(tmp)))
                saved = asyncio.run(take(shot, target))
                print(saved.relative_to(REPO) if saved.is_relative_to(REPO) else saved)
    return 0


if __name__ == "__main__":
    sys.exit(main())
