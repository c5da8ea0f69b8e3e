"""An unbracketed paste into the composer (issue 16, item 7): N KB written to the pty at once.

A terminal without bracketed paste (or a paste through tmux, a terminal macro, a fast typist)
sends the text as plain keystrokes, all in one burst. For each size: `reader` on the bundled
English article in a real pty (tests/pty_app.py), `c`, then the text (words, punctuation,
accents, Enter) in one write, with the comment's TextArea focused; the clock stops when the
draft file holds the whole text (Escape saves it, once the form shows its end). Also the
app's peak RSS (VmHWM). Not a test: nothing is asserted.

    python benchmarks/paste_speed.py                 # 5, 20 and 200 KB
    python benchmarks/paste_speed.py --sizes 5 20 --timeout 120
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.pty_app import PtyApp, open_composer  # noqa: E402
from tests.repo_paths import ARTICLES  # noqa: E402

ARTICLE = ARTICLES / "en-night-trains.md"
WORDS = ("the", "night", "train", "déjà", "vu,", "café", "Zürich.", "été", "(yes)", "42", "ok!")


def text_of(size: int, seed: int = 16) -> str:
    """About `size` bytes of text with a newline now and then, ending with a marker word."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size - 8:
        word = rng.choice(WORDS)
        sep = "\n" if rng.random() < 0.04 else " "
        parts.append(word + sep)
        length += len((word + sep).encode())
    return "".join(parts) + "THE-END"


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def measure(kb: int, timeout: float) -> dict[str, object]:
    text = text_of(kb * 1024)
    with tempfile.TemporaryDirectory() as home, PtyApp([str(ARTICLE)], Path(home)) as app:
        open_composer(app, b"Night Train")
        # A terminal sends Enter as \r; the write blocks while the app has not read it all.
        burst = text.replace("\n", "\r").encode()
        start = time.monotonic()
        writer = threading.Thread(target=app.send, args=(burst.decode(),), daemon=True)
        writer.start()
        seconds: float | None = None
        rss = None
        while time.monotonic() - start < timeout:
            rss = peak_rss_mb(app.pid) or rss
            if "THE-END" in app.screen_text():
                app.press("Escape")
                try:
                    app.wait_drafts(lambda d: bool(d) and d[0]["comment"] == text, 60)
                except AssertionError:
                    break
                seconds = time.monotonic() - start
                break
            time.sleep(0.05)
        rss = peak_rss_mb(app.pid) or rss
        app.kill()
    return {"kb": kb, "bytes": len(text.encode()), "seconds": seconds, "peak_rss_mb": rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 200], help="KB")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per size")
    args = parser.parse_args(argv)
    print("| size | time to the draft file | peak RSS |")
    print("|---|---|---|")
    for kb in args.sizes:
        result = measure(kb, args.timeout)
        seconds = result["seconds"]
        shown = f"{seconds:.1f} s" if isinstance(seconds, float) else f"> {args.timeout:.0f} s"
        rss = result["peak_rss_mb"]
        rss_shown = f"{rss:.0f} MB" if isinstance(rss, float) else "?"
        print(f"| {kb} KB ({result['bytes']:,} bytes) | {shown} | {rss_shown} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
