"""The comment thread in the app (ui.reading.comments_part): the "Comments (N)" part after
the article and its contents entry, threaded, lazy with 2,000 comments, `r` replying to the
comment at the top of the view. `R` and the fetch dialog against the real WordPress are in
test_thread_wordpress.py."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from textual.containers import Vertical
from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.ui.keys import press
from tests.ui.screen_text import visible_lines
from tests.ui.thread_files import FETCHED, many_comments, saved_article, small_thread
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.core.web.thread_layout import local_date
from tui_reader.ui.comments.composer_screen import ComposerScreen
from tui_reader.ui.reading import comments_part
from tui_reader.ui.reading.reading_screen import ReadingScreen


async def thread_shown(pilot: Pilot) -> ReadingScreen:
    """The reading screen once its thread is read and shown (deadline ~5 s)."""
    for _ in range(250):
        screen = pilot.app.screen
        shown = isinstance(screen, ReadingScreen) and screen.thread.layout is not None
        if shown and screen.sidebar.option_count > len(screen.article.sections):
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    raise AssertionError("the thread was never shown")


async def to_comments(pilot: Pilot) -> ReadingScreen:
    """Tab to the contents, End on its last entry ("Comments (N)"), Enter jumps there."""
    screen = await thread_shown(pilot)
    await press(pilot, "tab")
    assert pilot.app.focused is screen.sidebar
    await press(pilot, "end", "enter")
    return screen


def notifications(pilot: Pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications]


@pytest.mark.parametrize(
    ("lang", "title", "new", "reply"),
    [
        ("en", "Comments (4)", " new ", "Reply to Ada Lovelace"),
        ("fr", "Commentaires (4)", " nouveau ", "Répondre à Ada Lovelace"),  # WordPress's fr_FR
    ],
)
async def test_the_comments_follow_the_article_threaded(
    make_app, tmp_path: Path, lang: str, title: str, new: str, reply: str
) -> None:
    comments = small_thread()
    comments[-1] = replace(comments[-1], first_seen="2026-12-02T13:00:00Z")  # after the last
    path = saved_article(tmp_path, comments, lang=lang, previous_fetch=FETCHED)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_comments(pilot)
        sidebar = screen.sidebar
        assert str(sidebar.get_option_at_index(sidebar.option_count - 1).prompt) == title
        assert sidebar.highlighted == sidebar.option_count - 1
        lines = [line.strip() for line in visible_lines(screen.view)]
        assert lines[0] == title
        when = local_date("2026-11-30T10:01:00")
        rows = [line for line in lines if line.strip("│ ")]  # the blank lines left out
        assert rows[1] == f"Ada Lovelace  {when}"
        assert rows[2] == "The engines of analysis will weave it."  # Markdown, rendered
        assert rows[3].startswith("│  Bob Martin  ")  # a reply, one level in
        assert rows[4] == "│  Thanks Ada, I agree."
        assert rows[5].startswith("│  │  Ada Lovelace  ")  # a reply to the reply
        assert rows[6] == "│  │  You are welcome, Bob."
        assert rows[7].startswith("Chloé Durand  ") and rows[7].endswith(new.strip())
        assert rows[8] == "Un lien et du texte."
        assert sum(new in line + " " for line in rows) == 1  # only Chloé's is new
        # n / p move from comment to comment; the one at the top is the one `r` answers.
        await press(pilot, "tab", "n")  # back to the article; n: the next comment
        assert screen.thread.current_comment() is not None
        assert screen.thread.current_comment().author == "Ada Lovelace"
        await press(pilot, "r")  # the form speaks the article's language
        assert pilot.app.screen.query_one("#composer", Vertical).border_title == reply


async def test_an_article_without_a_thread_shows_nothing_more(make_app, tmp_path: Path) -> None:
    path = saved_article(tmp_path)
    path.with_name(path.stem + ".comments.json").unlink()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.4)
        screen = pilot.app.screen
        assert isinstance(screen, ReadingScreen)
        assert not screen.thread.reading and screen.thread.layout is None
        assert screen.sidebar.option_count == len(screen.article.sections)
        await press(pilot, "r")
        assert any("no saved comment thread" in m for m in notifications(pilot))


async def test_two_thousand_comments_are_read_after_the_first_paint_and_drawn_lazily(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_article(tmp_path, many_comments(2000), slug="many")
    read = comments_part.read_layout
    painted_when_read: list[bool] = []

    def recording(article: Path, drafts: Path):  # type: ignore[no-untyped-def]
        painted_when_read.append(app.painted)
        return read(article, drafts)

    monkeypatch.setattr(comments_part, "read_layout", recording)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await thread_shown(pilot)
        assert painted_when_read == [True]  # the article was on screen first
        assert screen.thread.layout is not None and screen.thread.layout.count == 2000
        view = screen.view
        parts = len(screen.article.sections)
        await pilot.pause(0.3)
        drawn = [index for index in view._lines if index >= parts]
        assert 0 < len(drawn) < 1000  # near the view only, the rest when scrolled to
        await press(pilot, "G")
        assert any("Comment number 2001." in line for line in visible_lines(view))
        assert any(line.startswith("│  Reader 2001  ") for line in visible_lines(view))


async def test_r_replies_to_the_comment_at_the_top_and_ctrl_o_quotes_it(
    make_app, tmp_path: Path, isolated_dirs: Path
) -> None:
    path = saved_article(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await thread_shown(pilot)
        await press(pilot, "r")  # above the comments: says where to go
        assert any("r answers the comment at the top" in m for m in notifications(pilot))
        assert not isinstance(pilot.app.screen, ComposerScreen)
        screen.view.jump_to_part(0)  # the contents entry, as above
        await press(pilot, "n", "r")  # the heading, then Ada's comment
        composer = pilot.app.screen
        assert isinstance(composer, ComposerScreen)
        assert composer.query_one("#composer", Vertical).border_title == "Reply to Ada Lovelace"
        area = composer.query_one("#comment", TextArea)
        assert area.text == ""  # quoting nothing
        await press(pilot, "ctrl+o")
        assert area.text.startswith("> The engines of **analysis** will weave it.\n\n")
        await pilot.press(*"Indeed.")
        await press(pilot, "escape")  # closing keeps the draft
        assert not isinstance(pilot.app.screen, ComposerScreen)
        (draft,) = DraftStore().load_all().drafts
        assert draft.comment_parent == 2
        assert draft.comment.endswith("Indeed.")
        assert draft.destination is not None and draft.destination.post_id == 4
        files = list((isolated_dirs / "data" / "tui-reader" / "drafts").glob("*.json"))
        assert json.loads(files[0].read_text("utf-8"))["comment_parent"] == 2
        # `r` on the same comment reopens that reply; on Bob's, a new one.
        await press(pilot, "r")
        assert pilot.app.screen.query_one("#comment", TextArea).text == draft.comment
        await press(pilot, "escape", "n", "r")
        composer = pilot.app.screen
        assert composer.query_one("#composer", Vertical).border_title == "Reply to Bob Martin"
        assert composer.draft.comment_parent == 3 and composer.draft.id != draft.id
