"""The drafts screen and the draft counts of the library, through Pilot."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from tests.repo_paths import ARTICLES
from tests.ui.keys import press
from tests.ui.test_composer import draft_docs, drafts_dir, notifications
from tui_reader.core.article.model import load_article
from tui_reader.core.comments.drafts import Draft, DraftStore
from tui_reader.core.comments.identity import Identity, load_identity, save_identity
from tui_reader.ui.comments.composer_screen import ComposerScreen
from tui_reader.ui.comments.drafts_screen import DraftsScreen
from tui_reader.ui.dialogs.confirm_screen import ConfirmScreen
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.reading_screen import ReadingScreen

FR = ARTICLES / "fr-centres-de-donnees.md"
EN = ARTICLES / "en-night-trains.md"


def make_draft(path: Path, section: int = 1, **fields: object) -> Draft:
    """A draft on disk for the article at `path`, on its section `section`."""
    article = load_article(path)
    store = DraftStore()
    draft = store.new_on(article, article.sections[section])
    for name, value in fields.items():
        setattr(draft, name, value)
    assert store.save(draft).ok
    return draft


def table_rows(screen: DraftsScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def status_on_disk(home: Path, draft: Draft) -> str:
    path = drafts_dir(home) / f"{draft.id}.json"
    return json.loads(path.read_text("utf-8"))["status"]


async def test_d_lists_every_draft_with_its_details(make_app) -> None:
    fr = make_draft(FR, 2, comment="Sur l'électricité,\npremier avis.")
    make_draft(EN, 1, comment="About sleepers", status="ready")
    app = make_app(FR, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        rows = table_rows(screen)
        assert len(rows) == 2
        by_article = {row[0]: row for row in rows}
        fr_row = by_article[fr.article.title]
        assert fr_row[1] == fr.section.title
        assert fr_row[2] == "Sur l'électricité, premier avis."
        assert fr_row[3] == "draft"
        assert len(fr_row[4]) == len("2026-11-26 08:00")
        assert any(row[3] == "ready" for row in rows)
        # The cursor starts on the draft of the article being read.
        assert screen.selected is not None and screen.selected.id == fr.id
        assert "premier avis" in str(screen.query_one("#draft-preview").render())
        await press(pilot, "escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_drafts_screen_in_french_and_empty(make_app) -> None:
    app = make_app(None, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        assert screen.query_one("#drafts-empty").display
        assert "Aucun brouillon" in str(screen.query_one("#drafts-empty").render())
        await pilot.press("enter", "r", "x", "n")  # nothing to act on: nothing breaks
        await pilot.pause()
        assert isinstance(app.screen, DraftsScreen)


async def test_open_from_the_library_opens_the_article_and_the_composer(make_app) -> None:
    draft = make_draft(FR, 3, comment="Texte à reprendre", author="Ada")
    app = make_app(None, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await press(pilot, "d")
        await press(pilot, "enter")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        assert composer.draft.id == draft.id
        assert composer.query_one(TextArea).text == "Texte à reprendre"
        assert composer.query_one("#author", Input).value == "Ada"
        reading = app.screen_stack[-2]
        assert isinstance(reading, ReadingScreen)
        assert reading.article.path == FR.resolve()
        assert reading.view.current_section == 3  # brought to the draft's section
        # Escape: back to the drafts screen it was opened from, over the library.
        await press(pilot, "escape")
        assert isinstance(app.screen, DraftsScreen)
        assert [type(s) for s in app.screen_stack] == [LibraryScreen, DraftsScreen]
        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_open_from_a_reading_screen_of_another_article(make_app) -> None:
    draft = make_draft(EN, 1, comment="About sleepers")
    app = make_app(FR, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.draft.id == draft.id
        await press(pilot, "escape")
        assert isinstance(app.screen, DraftsScreen)  # back where the form was opened from
        await press(pilot, "escape")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.path == EN.resolve()
        await pilot.press("escape")  # the French article's screen was replaced, not stacked
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_open_a_draft_of_the_article_being_read(make_app) -> None:
    draft = make_draft(FR, 2, comment="Ici")
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reading = app.screen
        await press(pilot, "d")
        await press(pilot, "enter")
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.draft.id == draft.id
        await press(pilot, "escape")
        assert isinstance(app.screen, DraftsScreen)
        await press(pilot, "escape")
        assert app.screen is reading


async def test_n_starts_a_new_draft_on_the_selected_article(make_app, isolated_dirs) -> None:
    make_draft(EN, 2, comment="Old one")
    app = make_app(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "n")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        assert composer.query_one(TextArea).text == ""
        await pilot.press(*"New one")
        await press(pilot, "escape")
        docs = draft_docs(isolated_dirs)
        assert sorted(d["comment"] for d in docs) == ["New one", "Old one"]
        assert {d["section"]["slug"] for d in docs} == {load_article(EN).sections[2].slug}


async def test_delete_asks_first(make_app, isolated_dirs: Path) -> None:
    keep = make_draft(EN, 1, comment="keep me")
    app = make_app(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "x")
        assert isinstance(app.screen, ConfirmScreen)
        assert "keep me" in str(app.screen.query_one("#question").render())
        await press(pilot, "n")
        assert isinstance(app.screen, DraftsScreen)
        assert (drafts_dir(isolated_dirs) / f"{keep.id}.json").exists()
        await press(pilot, "x", "escape")
        assert isinstance(app.screen, DraftsScreen)
        assert (drafts_dir(isolated_dirs) / f"{keep.id}.json").exists()


async def test_delete_confirmed_removes_the_file(make_app, isolated_dirs: Path) -> None:
    gone = make_draft(EN, 1, comment="delete me")
    app = make_app(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the focused button is "No"
        await pilot.pause()
        assert (drafts_dir(isolated_dirs) / f"{gone.id}.json").exists()
        await press(pilot, "delete", "y")
        assert isinstance(app.screen, DraftsScreen)
        assert not (drafts_dir(isolated_dirs) / f"{gone.id}.json").exists()
        assert app.screen.query_one(DataTable).row_count == 0
        assert "Draft deleted." in notifications(app)


async def test_mark_ready_and_back_to_draft(make_app, isolated_dirs: Path) -> None:
    draft = make_draft(EN, 1, comment="Fine", author="Bo", email="bo@example.com")
    app = make_app(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "r")
        assert status_on_disk(isolated_dirs, draft) == "ready"
        assert table_rows(app.screen)[0][3] == "ready"
        await press(pilot, "r")
        assert status_on_disk(isolated_dirs, draft) == "draft"


async def test_mark_ready_refuses_an_invalid_draft(make_app, isolated_dirs: Path) -> None:
    draft = make_draft(FR, 1, comment="Sans nom")
    app = make_app(None, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "r")
        assert status_on_disk(isolated_dirs, draft) == "draft"
        assert any("veuillez renseigner les champs obligatoires" in m for m in notifications(app))


async def test_forget_identity(make_app, isolated_dirs: Path) -> None:
    assert save_identity(Identity("Ada", "ada@example.org")).ok
    app = make_app(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "f")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "escape")
        assert load_identity().identity is not None
        await press(pilot, "f", "y")
        assert load_identity().identity is None
        assert any("forgotten" in m for m in notifications(app))


async def test_corrupt_files_are_reported_and_the_others_listed(
    make_app, isolated_dirs: Path
) -> None:
    make_draft(EN, 1, comment="healthy")
    broken = drafts_dir(isolated_dirs) / "0b7e9d0f-1111-4222-8333-444455556666.json"
    broken.write_text('{"schema": 1, "id": "trunc', "utf-8")
    app = make_app(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        assert [row[2] for row in table_rows(app.screen)] == ["healthy"]
        assert any("unreadable draft, moved to" in m for m in notifications(app))
        assert not broken.exists()
        assert list((drafts_dir(isolated_dirs) / "corrupt").iterdir())


async def test_a_draft_whose_article_is_gone_opens_read_only(
    make_app, tmp_path: Path, isolated_dirs: Path
) -> None:
    article = tmp_path / "gone.md"
    article.write_text("# Gone\n\nLead.\n\n## Part\n\nText.\n", "utf-8")
    draft = make_draft(article, 1, comment="orphan")
    article.unlink()
    app = make_app(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await press(pilot, "enter")
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        assert composer.read_only
        assert "not available" in str(composer.query_one("#composer-notice").render())
        assert composer.query_one(TextArea).text == "orphan"
        await press(pilot, "escape")
        assert isinstance(app.screen, DraftsScreen)
        assert status_on_disk(isolated_dirs, draft) == "draft"


async def test_library_counts_drafts_per_article(make_app) -> None:
    make_draft(FR, 1, comment="un")
    make_draft(FR, 2, comment="deux")
    make_draft(EN, 1, comment="sent one", status="sent")  # sent drafts are not counted
    app = make_app(None, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        counts = {
            str(table.get_row_at(i)[0]): str(table.get_row_at(i)[-1])
            for i in range(table.row_count)
        }
        assert counts[load_article(FR).title] == "✎ 2"
        assert counts[load_article(EN).title] == ""
        assert any("Brouillons" in str(c.label) for c in table.columns.values())
