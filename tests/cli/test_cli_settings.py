"""settings.toml seen from the command line: --lang beats `language`, which beats the locale."""

from __future__ import annotations

from tests.cli.test_cli_reader import reader
from tui_reader.core.storage.settings import settings_path


def write_settings(text: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_language_setting_beats_the_locale_and_lang_flag_beats_it() -> None:
    write_settings('language = "fr"\n')
    french = reader("no-such-file.md", env={"LANG": "en_US.UTF-8"})
    assert french.returncode == 1
    assert "introuvable" in french.stderr.decode()
    english = reader("--lang", "en", "no-such-file.md", env={"LANG": "fr_FR.UTF-8"})
    assert "no such file" in english.stderr.decode()


def test_bad_settings_file_never_breaks_the_command() -> None:
    write_settings("language = [broken\n")
    result = reader("no-such-file.md", env={"LANG": "en_US.UTF-8"})
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert "no such file" in err
    assert settings_path().read_text(encoding="utf-8") == "language = [broken\n"
