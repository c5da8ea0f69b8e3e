"""settings.toml: defaults, validation, precedence, and writes that never lose the user's file."""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tui_reader.core.storage.library_order import ORDERS
from tui_reader.core.storage.paths import config_dir
from tui_reader.core.storage.settings import (
    DEFAULT_READING_WIDTH,
    DEFAULT_THEME,
    READING_WIDTH_MAX,
    READING_WIDTH_MIN,
    SIDEBAR_WIDTH_MAX,
    SIDEBAR_WIDTH_MIN,
    Settings,
    check_theme,
    load_settings,
    save_settings,
    settings_path,
)

THEMES = {"textual-dark", "textual-light", "paper", "nord"}


def write(text: str, directory: Path | None = None) -> Path:
    path = settings_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_defaults_and_no_problem() -> None:
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.problems == []
    assert not loaded.bad
    assert loaded.path == config_dir() / "settings.toml"
    assert loaded.settings.reading_width == DEFAULT_READING_WIDTH == 88


def test_every_key_is_read(tmp_path: Path) -> None:
    write(
        f"""
articles_dir = "{tmp_path / "articles"}"
theme = "paper"
language = "fr"
sidebar_width = 28
sidebar_visible = false
reading_width = 72
library_order = "progress"
send_ready = "auto"
"""
    )
    loaded = load_settings(themes=THEMES)
    assert loaded.problems == []
    assert loaded.settings == Settings(
        articles_dir=tmp_path / "articles",
        theme="paper",
        language="fr",
        sidebar_width=28,
        sidebar_visible=False,
        reading_width=72,
        library_order="progress",
        send_ready="auto",
    )


def test_relative_and_home_articles_dir(isolated_dirs: Path) -> None:
    write('articles_dir = "notes"')
    assert load_settings().settings.articles_dir == config_dir() / "notes"
    write('articles_dir = "~/articles"')
    assert load_settings().settings.articles_dir == isolated_dirs / "articles"


def test_auto_values_mean_default() -> None:
    write('language = "auto"\nsidebar_visible = "auto"')
    loaded = load_settings()
    assert loaded.problems == []
    assert loaded.settings.language is None
    assert loaded.settings.sidebar_visible is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("reading_width = 10", "reading_width"),
        (f"reading_width = {READING_WIDTH_MAX + 1}", "reading_width"),
        ('reading_width = "wide"', "reading_width"),
        ("reading_width = true", "reading_width"),  # a bool is not a number here
        ("reading_width = 80.5", "reading_width"),
        (f"sidebar_width = {SIDEBAR_WIDTH_MIN - 1}", "sidebar_width"),
        ('sidebar_visible = "yes"', "sidebar_visible"),
        ('language = "de"', "language"),
        ("language = 1", "language"),
        ('theme = ""', "theme"),
        ("theme = 3", "theme"),
        ('articles_dir = ""', "articles_dir"),
        ("articles_dir = []", "articles_dir"),
        ('library_order = "size"', "library_order"),
        ("library_order = 2", "library_order"),
        ('send_ready = "always"', "send_ready"),
        ("send_ready = true", "send_ready"),
    ],
)
def test_bad_value_gives_default_and_a_problem(line: str, name: str) -> None:
    write(f"{line}\nsidebar_width = 30\n" if name != "sidebar_width" else line)
    loaded = load_settings()
    assert loaded.bad
    assert getattr(loaded.settings, name) == getattr(Settings(), name)
    bad = [p for p in loaded.problems if p.key == "settings.problem.bad_value"]
    assert [p.params["name"] for p in bad] == [name]
    text = bad[0].text("en")
    assert name in text and "settings.toml" in text
    assert "{" not in text  # every placeholder filled
    assert "{" not in bad[0].text("fr")
    if name != "sidebar_width":
        assert loaded.settings.sidebar_width == 30  # the good values still apply


def test_send_ready_defaults_to_ask_and_says_what_it_expects() -> None:
    assert Settings().send_ready == "ask"
    write('send_ready = "sometimes"')
    [problem] = load_settings().problems
    assert '"ask", "auto" or "manual"' in problem.text("en")
    assert "« ask », « auto » ou « manual »" in problem.text("fr")
    write('send_ready = "Manual"')
    assert load_settings().settings.send_ready == "manual"


def test_limits_are_inclusive() -> None:
    write(f"reading_width = {READING_WIDTH_MIN}\nsidebar_width = {SIDEBAR_WIDTH_MAX}")
    loaded = load_settings()
    assert not loaded.bad
    assert loaded.settings.reading_width == READING_WIDTH_MIN
    assert loaded.settings.sidebar_width == SIDEBAR_WIDTH_MAX


def test_invalid_toml_gives_defaults_and_a_clear_problem() -> None:
    write('theme = "paper"\nreading_width = = 3\n')
    loaded = load_settings()
    assert loaded.bad
    assert loaded.settings == Settings()
    assert [p.key for p in loaded.problems] == ["settings.problem.invalid_toml"]
    assert "not valid TOML" in loaded.problems[0].text("en")
    assert "line 2" in loaded.problems[0].text("en")


def test_not_utf8_and_not_a_file_are_problems_not_crashes() -> None:
    write("")
    settings_path().write_bytes(b'theme = "\xff"\n')
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.problems[0].key == "settings.problem.unreadable"
    settings_path().unlink()
    os.mkfifo(settings_path())  # would block a plain open()
    loaded = load_settings()
    assert loaded.problems[0].key == "settings.problem.unreadable"


def test_unknown_key_is_reported_but_not_bad() -> None:
    write('colour = "blue"\nreading_width = 70')
    loaded = load_settings()
    assert not loaded.bad
    assert loaded.settings.reading_width == 70
    assert [p.key for p in loaded.problems] == ["settings.problem.unknown_key"]


def test_unknown_theme_is_checked_against_the_apps_themes() -> None:
    write('theme = "no-such-theme"')
    assert load_settings().settings.theme == "no-such-theme"  # the core does not know themes
    loaded = check_theme(load_settings(), THEMES)
    assert loaded.bad
    assert loaded.settings.theme == DEFAULT_THEME
    assert "no-such-theme" in loaded.problems[-1].text("en")


# --- writing ----------------------------------------------------------------------------------


def test_save_creates_a_private_file_and_round_trips() -> None:
    result = save_settings({"theme": "paper", "reading_width": 100}, themes=THEMES)
    assert result.ok and result.moved_to is None
    path = settings_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert tomllib.loads(path.read_text())["theme"] == "paper"
    loaded = load_settings(themes=THEMES)
    assert loaded.settings.theme == "paper"
    assert loaded.settings.reading_width == 100
    assert result.loaded.settings == loaded.settings
    save_settings({"sidebar_visible": None, "articles_dir": Path("/srv/articles")})
    loaded = load_settings()
    assert loaded.settings.sidebar_visible is None
    assert loaded.settings.articles_dir == Path("/srv/articles")
    assert loaded.problems == []


def test_save_keeps_the_users_comments_and_unknown_keys() -> None:
    write("# my reader\nreading_width = 70  # narrow\nfuture_key = 1\n")
    result = save_settings({"theme": "paper"}, themes=THEMES)
    assert result.moved_to is None
    text = settings_path().read_text()
    assert "# my reader" in text and "# narrow" in text and "future_key = 1" in text
    assert 'theme = "paper"' in text


def test_save_over_a_bad_file_moves_it_aside_first() -> None:
    original = 'reading_width = 5  # too narrow\ntheme = "paper"\n'
    write(original)
    result = save_settings({"sidebar_width": 30}, themes=THEMES)
    assert result.ok
    assert result.moved_to is not None
    assert result.moved_to.read_text() == original  # the user's file, intact
    assert result.moved_to.parent == config_dir() / "corrupt"
    new = load_settings(themes=THEMES)
    assert not new.bad and new.problems == []
    assert new.settings.theme == "paper"  # valid content kept
    assert new.settings.reading_width == DEFAULT_READING_WIDTH
    assert new.settings.sidebar_width == 30
    assert "kept as" in result.notices("en")[0]
    # Once corrected, later saves do not move anything.
    assert save_settings({"sidebar_width": 31}).moved_to is None


def test_save_over_invalid_toml_moves_it_aside() -> None:
    write("this is [not toml\n")
    result = save_settings({"theme": "nord"}, themes=THEMES)
    assert result.moved_to is not None
    assert result.moved_to.read_text() == "this is [not toml\n"
    assert load_settings(themes=THEMES).settings.theme == "nord"


def test_save_over_an_unknown_theme_moves_the_file_aside() -> None:
    write('theme = "gone"\nreading_width = 60\n')
    result = save_settings({"reading_width": 64}, themes=THEMES)
    assert result.moved_to is not None
    loaded = load_settings(themes=THEMES)
    assert loaded.problems == []
    assert loaded.settings.theme == DEFAULT_THEME
    assert loaded.settings.reading_width == 64


def test_save_rereads_the_file_first() -> None:
    save_settings({"theme": "paper"})
    write('theme = "paper"\nsidebar_width = 20\n')  # edited meanwhile in an editor
    save_settings({"reading_width": 90})
    loaded = load_settings()
    assert loaded.settings.sidebar_width == 20
    assert loaded.settings.reading_width == 90


def test_save_follows_a_symlinked_settings_file(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles" / "reader.toml"
    dotfiles.parent.mkdir()
    dotfiles.write_text("reading_width = 70\n")
    settings_path().parent.mkdir(parents=True)
    settings_path().symlink_to(dotfiles)
    assert load_settings().settings.reading_width == 70
    assert save_settings({"theme": "paper"}).ok
    assert settings_path().is_symlink()
    assert 'theme = "paper"' in dotfiles.read_text()


def test_save_failure_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("tui_reader.core.storage.settings.atomic_write", full_disk)
    result = save_settings({"theme": "paper"})
    assert not result.ok
    assert result.error is not None and result.error.key == "settings.error.no_space"
    assert result.loaded.settings == Settings()  # what is in force did not change
    assert "not saved" in result.notices("en")[0]


def test_unknown_setting_name_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        save_settings({"colour": "blue"})


@hsettings(max_examples=60, deadline=None)
@given(
    theme=st.sampled_from(sorted(THEMES)),
    language=st.sampled_from([None, "en", "fr"]),
    sidebar_width=st.integers(SIDEBAR_WIDTH_MIN, SIDEBAR_WIDTH_MAX),
    sidebar_visible=st.sampled_from([None, True, False]),
    reading_width=st.integers(READING_WIDTH_MIN, READING_WIDTH_MAX),
    library_order=st.sampled_from(ORDERS),
    articles_dir=st.one_of(
        st.none(),
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).map(
            lambda s: Path("/srv") / s.replace("/", "_").strip() if s.strip() else Path("/srv/x")
        ),
    ),
)
def test_round_trip_any_valid_settings(tmp_path_factory, **values) -> None:
    directory = tmp_path_factory.mktemp("cfg")
    settings = Settings(**values)
    changes = {name: getattr(settings, name) for name in values}
    assert save_settings(changes, directory, themes=THEMES).ok
    loaded = load_settings(directory, themes=THEMES)
    assert loaded.problems == []
    assert loaded.settings == settings
