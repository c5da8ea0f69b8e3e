"""The start-up diet, enforced: what the first paint must not wait for is not imported.

Each check runs in a fresh interpreter (a subprocess), where `sys.modules` shows exactly what an
import pulled in; this process has long imported everything.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import tui_reader.core

# Imported when a feature is used, never by `import tui_reader.ui.app`.
NOT_AT_START_UP = [
    "markdown_it",  # a first screen of plain prose is drawn by core.render.plain_blocks
    "rich.markdown",
    "pygments",
    "tomlkit",  # writing settings.toml
    "tui_reader.core.comments.drafts",  # the drafts store
    "tui_reader.core.find.search",
    "tui_reader.core.storage.library",  # listing a directory
    "tui_reader.ui.comments.composer_screen",
    "tui_reader.ui.comments.drafts_screen",
    "tui_reader.ui.library.library_screen",
    # Network, HTML and feeds (issue 13 on): only when fetching or sending.
    "httpx",
    "feedparser",
    "defusedxml",  # OPML import
    "sqlite3",  # the feeds' state
    "tui_reader.core.feeds",  # reader sync, Ctrl+R: imported when a sync starts
    "tui_reader.ui.sync.feeds_sync",
    "markdownify",
    "charset_normalizer",
]


def imported_by(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout))


def core_modules() -> list[str]:
    prefix = tui_reader.core.__name__ + "."
    return sorted(m.name for m in pkgutil.walk_packages(tui_reader.core.__path__, prefix))


def test_the_core_never_imports_textual() -> None:
    statement = "\n".join(f"import {name}" for name in core_modules())
    loaded = imported_by(statement)
    assert {m for m in loaded if m == "textual" or m.startswith("textual.")} == set()


def test_the_core_modules_are_all_checked() -> None:
    # The walk above must see the domain packages, not only core's top level.
    names = core_modules()
    for package in ("article", "render", "find", "comments", "storage", "feeds"):
        assert any(name.startswith(f"tui_reader.core.{package}.") for name in names), package


@pytest.fixture(scope="module")
def app_imports() -> set[str]:
    return imported_by("import tui_reader.ui.app")


@pytest.mark.parametrize("module", NOT_AT_START_UP)
def test_the_app_starts_without(app_imports: set[str], module: str) -> None:
    assert "textual.app" in app_imports  # the import did happen
    loaded = {m for m in app_imports if m == module or m.startswith(module + ".")}
    assert loaded == set(), f"importing tui_reader.ui.app loads {sorted(loaded)}"


def test_the_command_line_starts_without_textual() -> None:
    # `reader --print`, `reader drafts`: the command line decides before Textual is needed.
    loaded = imported_by("import tui_reader.cli")
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}
