"""The start-up diet, enforced: what the first paint must not wait for is not imported.

Each check runs in a fresh interpreter (a subprocess), where `sys.modules` shows exactly what an
import pulled in; this process has long imported everything.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

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


# The app run headless until well after its first paint, with one ready draft on an article
# at SOURCE; prints the modules loaded by then.
_RUN_APP = """
import asyncio, json, sys
from pathlib import Path
from tui_reader.core.article.model import load_article
from tui_reader.core.comments.drafts import DraftStore, Status
from tui_reader.core.launch import prepare

path = Path(sys.argv[1])
head = "---\\ntitle: T\\nlang: en\\n" + sys.argv[2] + "---\\n"
path.write_text(head + "\\n# T\\n\\nLead.\\n", "utf-8")
article = load_article(path)
store = DraftStore()
draft = store.new_on(article, article.sections[0])
draft.comment, draft.author, draft.email, draft.status = "Hi", "A", "a@b.org", Status.READY
store.save(draft)
for name in [m for m in sys.modules if m.startswith("tui_reader.core.comments")]:
    del sys.modules[name]  # as a fresh start finds them: not loaded yet
from tui_reader.ui.app import ReaderApp

async def main() -> None:
    app = ReaderApp.from_launch(prepare(str(path), "en"), "en")
    async with app.run_test() as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.painted and not [w for w in app.workers if w.is_running]:
                break
        await pilot.pause(0.2)

asyncio.run(main())
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize(
    ("front_matter", "loads_httpx"),
    [
        ("", False),  # a ready draft with nowhere to send it: nothing to probe
        # A closed port on loopback: the probe runs in the worker (and finds no one).
        ("source: http://127.0.0.1:9/p/\n", True),
    ],
)
def test_the_http_client_is_loaded_only_to_probe_ready_drafts(
    tmp_path: Path, front_matter: str, loads_httpx: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(var, raising=False)  # loopback only, never through a proxy
    result = subprocess.run(
        [sys.executable, "-c", _RUN_APP, str(tmp_path / "a.md"), front_matter],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert ("httpx" in loaded) is loads_httpx
