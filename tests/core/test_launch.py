"""Which library `reader` alone opens: the reader's fetched articles once there are some."""

from __future__ import annotations

from pathlib import Path

from tui_reader.core.launch import prepare
from tui_reader.core.storage.paths import bundled_articles_dir, saved_articles_dir


def test_first_run_opens_the_bundled_articles(isolated_dirs: Path) -> None:
    launch = prepare(None, "en")
    assert launch.library_dir == bundled_articles_dir()
    assert launch.listing is not None and launch.listing.articles


def test_an_empty_saved_folder_still_opens_the_bundled_articles(isolated_dirs: Path) -> None:
    saved_articles_dir().mkdir(parents=True)
    assert prepare(None, "en").library_dir == bundled_articles_dir()


def test_fetched_articles_are_the_library_once_there(isolated_dirs: Path) -> None:
    saved = saved_articles_dir()
    saved.mkdir(parents=True)
    (saved / "fetched.md").write_text("---\ntitle: Fetched here\n---\n\nText.\n", "utf-8")
    launch = prepare(None, "en")
    assert launch.library_dir == saved
    assert launch.listing is not None
    assert [info.title for info in launch.listing.articles] == ["Fetched here"]


def test_the_articles_dir_setting_wins(isolated_dirs: Path, tmp_path: Path) -> None:
    saved = saved_articles_dir()
    saved.mkdir(parents=True)
    (saved / "fetched.md").write_text("# Fetched\n", "utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.md").write_text("# Mine\n", "utf-8")
    config = isolated_dirs / "config" / "tui-reader"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text(f'articles_dir = "{mine}"\n', "utf-8")
    assert prepare(None, "en").library_dir == mine
