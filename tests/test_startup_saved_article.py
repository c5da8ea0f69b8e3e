"""`reader URL` for a saved article reads it offline with what `reader FILE` loads: no HTTP
client, no HTML libraries, also once its comment thread is read and shown (tests/test_startup.py
does the same for the start-up of the app)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.ui.thread_files import saved_article
from tui_reader.core.storage.paths import data_dir

HEAVY = ["httpx", "httpcore", "markdownify", "bs4", "lxml", "readability", "charset_normalizer"]

# The way `reader URL` opens a saved article (cli.main), then the app until the thread is shown.
SCRIPT = """
import asyncio, json, sys
from tui_reader.cli_fetch import saved_copy
from tui_reader.core.launch import prepare
from tui_reader.ui.app import ReaderApp

path = saved_copy(sys.argv[1], "en")
app = ReaderApp.from_launch(prepare(str(path), "en"), "en")

async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            thread = getattr(app.screen, "thread", None)
            if thread is not None and thread.layout is not None:
                break
            await pilot.pause(0.02)
        shown = thread is not None and thread.layout is not None and thread.layout.count
        print(json.dumps({"path": str(path), "comments": shown, "modules": sorted(sys.modules)}))

asyncio.run(main())
"""


def test_reading_a_saved_article_by_its_address_loads_no_web_library(tmp_path: Path) -> None:
    article = saved_article(data_dir() / "articles")  # the library, as `reader fetch` fills it
    url = "http://127.0.0.1:9/comments-are-open/"  # its source: nothing listens there
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, url], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["path"] == str(article) and result["comments"] == 4
    loaded = {
        module
        for module in result["modules"]
        if any(module == name or module.startswith(name + ".") for name in HEAVY)
    }
    assert loaded == set()
