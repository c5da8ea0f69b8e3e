"""First paint of `reader URL` for an article saved by `reader fetch`, against `reader FILE`
on the same file: `python benchmarks/saved_url_paint.py [--runs 5] [--comments 2000]`.

The article is written into the library of a clean data directory the way a fetch saves it
(front matter, then its thread of N comments beside it: tests/ui/thread_files.py), so `reader
URL` finds it offline (its address points at a port where nothing listens). Both commands run
in a detached tmux pane, 120x40, read every ~5 ms until the article's lead is on screen
(benchmarks/tmux_paint.py, as benchmarks/run.py measures); the commands take turns, with a
hello-world floor, after one untimed run each. Also timed in a headless app: how long after
the first frame the thread is on screen. Not a test: nothing asserts a timing.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

from hello_app import MARKER as HELLO_MARKER  # noqa: E402
from run import clean_env  # noqa: E402
from tmux_paint import first_paint  # noqa: E402

from tests.ui.thread_files import many_comments, saved_article  # noqa: E402

MARKER = "The lead."
URL = "http://127.0.0.1:9/comments-are-open/"

# In a fresh process: open the file as `reader FILE` does, time the first frame and the thread.
THREAD_TIMING = """
import asyncio, json, sys, time
from tui_reader.core.launch import prepare
from tui_reader.ui.app import ReaderApp

app = ReaderApp.from_launch(prepare(sys.argv[1], "en"), "en")

async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        start = time.perf_counter()
        while not app.painted:
            await pilot.pause(0.001)
        painted = time.perf_counter()
        while getattr(app.screen, "thread", None) is None or app.screen.thread.layout is None:
            await pilot.pause(0.001)
        shown = time.perf_counter()
        print(json.dumps({"paint": painted - start, "thread": shown - painted}))

asyncio.run(main())
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--comments", type=int, default=2000)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("needs tmux (apt-get install tmux)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="tui-reader-bench-") as tmp:
        env = clean_env(Path(tmp))
        library = Path(env["XDG_DATA_HOME"]) / "tui-reader" / "articles"
        article = saved_article(library, many_comments(args.comments))
        python = shlex.quote(sys.executable)
        reader = shutil.which("reader", path=env["PATH"]) or "reader"
        commands = {
            "hello-world": (f"{python} {shlex.quote(str(BENCH / 'hello_app.py'))}", HELLO_MARKER),
            "reader FILE": (f"{reader} {shlex.quote(str(article))}", MARKER),
            "reader URL": (f"{reader} {shlex.quote(URL)}", MARKER),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command, marker in commands.values():  # warm-up: byte-code, page cache
            first_paint("exec " + command, marker, env)
        for round_no in range(args.runs):
            print(f"round {round_no + 1}/{args.runs}", file=sys.stderr, flush=True)
            for name, (command, marker) in commands.items():
                paint = first_paint("exec " + command, marker, env)
                if paint.seconds is None:
                    print(f"{name}: marker not seen\n{paint.screen}", file=sys.stderr)
                    return 1
                times[name].append(paint.seconds)
        thread = [
            subprocess.run(
                [sys.executable, "-c", THREAD_TIMING, str(article)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for _ in range(args.runs)
        ]
    import json

    after = statistics.median(json.loads(out)["thread"] for out in thread)
    print(f"First paint, tmux 120x40, median of {args.runs} ({args.comments} comments saved):\n")
    print("| Command | First paint | every run (s) |")
    print("|---|--:|---|")
    for name, values in times.items():
        runs = " ".join(f"{v:.3f}" for v in values)
        print(f"| {name} | {statistics.median(values) * 1000:.0f} ms | {runs} |")
    print(f"\nThe thread on screen after the first frame (headless, median): {after * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
