"""What a sync costs: `python benchmarks/feeds_sync.py [--feeds 50] [--entries 20] [--hosts 10]`.

Local feed servers on 127.0.0.1 (tests/feeds/feed_site.py; `--hosts` of them, the feeds spread
over them, since a sync makes at most two requests at a time to one host) serve RSS feeds of
full-content entries with ETag / Last-Modified. Times, in a private data directory:
- the first sync (every entry saved as an article), in-process (core.feeds.sync.Sync);
- a second sync where nothing changed (every feed answers 304), in-process and as the real
  `reader sync --no-send` command (interpreter start included);
with the requests made, the 304s and the bytes received. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.feeds.feed_site import Feed, FeedSite, Item  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="feeds-bench-") as tmp:
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "cfg")):
            os.environ[var] = str(Path(tmp) / sub)
        for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
            os.environ.pop(var, None)
            os.environ.pop(var.lower(), None)
        from tui_reader.core.feeds.state import FeedStore
        from tui_reader.core.feeds.sync import Sync
        from tui_reader.core.storage.paths import data_dir

        sites = [FeedSite() for _ in range(args.hosts)]
        store = FeedStore()
        text = "<p>" + "A paragraph of a long article, with a few words in it. " * 40 + "</p>"
        for n in range(args.feeds):
            site = sites[n % len(sites)]
            items = [Item(f"f{n}-e{e}", f"Feed {n}, entry {e}", text) for e in range(args.entries)]
            store.add(site.add_feed(f"/feed-{n}.xml", Feed(f"Feed {n}", items)), f"Feed {n}")
        library = data_dir() / "articles"

        def one_sync(label: str) -> None:
            for site in sites:
                site.requests.clear()
            start = time.perf_counter()
            report = Sync(FeedStore(), library, outbox=False).run()
            elapsed = time.perf_counter() - start
            unchanged = sum(o.status == "unchanged" for o in report.feeds)
            print(
                f"{label}: {elapsed:.2f} s, {report.requests} requests, "
                f"{report.received / 1024:.0f} KB received, {len(report.new_articles)} new "
                f"articles, {unchanged} feeds unchanged (304)"
            )

        one_sync("first sync (in-process)")
        one_sync("second sync, nothing changed (in-process)")
        for site in sites:
            site.requests.clear()
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "tui_reader", "sync", "--no-send"],
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
        answered = sum(len(site.requests) for site in sites)
        print(
            f"`reader sync --no-send`, nothing changed: {elapsed:.2f} s, {answered} requests, "
            f"exit {done.returncode}: {done.stdout.strip().splitlines()[-1]}"
        )
        for site in sites:
            site.close()


if __name__ == "__main__":
    main()
