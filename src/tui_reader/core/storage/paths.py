"""Where tui-reader keeps its files: platformdirs, so XDG variables are honoured on Linux."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from tui_reader.core.storage.atomic_file import UnsafeDirectoryError, check_private_dir

APP_NAME = "tui-reader"


def expand_user(path: Path) -> Path:
    """`~` and `~user` expanded; left as written when there is no such user or no home
    (Path.expanduser raises RuntimeError; ValueError for a NUL in the name), so that the
    caller reports a missing path."""
    try:
        return path.expanduser()
    except (RuntimeError, ValueError):
        return path


def data_dir() -> Path:
    """Drafts, identity, reading positions live here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """settings.toml lives here."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The library cache lives here: only a speed-up."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def state_dirs() -> list[Path]:
    """Every directory we write in, for the start-up check and the temp file cleaning."""
    return [config_dir(), data_dir(), drafts_dir(), cache_dir()]


def unsafe_state_dir() -> UnsafeDirectoryError | None:
    """The first of our directories that another user owns or can write in (checked at every
    start: a few stat calls). Directories readable by others are narrowed to 0700 here."""
    for directory in state_dirs():
        try:
            check_private_dir(directory)
        except UnsafeDirectoryError as exc:
            return exc
        except OSError:  # absent (created 0700 when first written) or not a directory
            continue
    return None


def saved_articles_dir() -> Path:
    """Where fetched and synced articles go when no `articles_dir` is set."""
    return data_dir() / "articles"


def bundled_articles_dir() -> Path:
    """Articles shipped with the package (wheel), or the repo's `articles/` (editable install)."""
    here = Path(__file__).resolve().parents[2]  # the tui_reader package
    installed = here / "articles"
    if installed.is_dir():
        return installed
    return here.parent.parent / "articles"
