"""Where tui-reader keeps its files: platformdirs, so XDG variables are honoured on Linux."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "tui-reader"


def expand_user(path: Path) -> Path:
    """`~` and `~user` expanded; left as written when there is no such user or no home
    (Path.expanduser raises RuntimeError), so that the caller reports a missing path."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def data_dir() -> Path:
    """Drafts, identity, reading positions live here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """settings.toml lives here."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def bundled_articles_dir() -> Path:
    """Articles shipped with the package (wheel), or the repo's `articles/` (editable install)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "articles"
    if installed.is_dir():
        return installed
    return here.parent.parent / "articles"
