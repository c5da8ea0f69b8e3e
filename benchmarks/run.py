"""The benchmark suite of issue 4: `python benchmarks/run.py [--quick] [--runs N] [--out FILE]`.

Generates its articles into benchmarks/out/ (git-ignored), then measures:
1. time to first paint in a real terminal (tmux, 120x40): a Textual hello-world (the floor),
   `reader` on the bundled French article and on 3.7 MB / 37 MB articles, and Textual's
   MarkdownViewer on the same files as the baseline (60 s cap; the 37 MB one only with --all);
2. in-app latencies, headless: jump to the last section, to the middle, page down, resize;
3. peak RSS, search over the 37 MB article, the library listing of 1,000 articles.
Prints a Markdown report and writes it to --out (default benchmarks/out/results.md).

Every measured process gets a clean environment: XDG_DATA/CONFIG/CACHE/STATE_HOME in a
temporary directory (the user's settings, positions and caches are not touched),
TEXTUAL_ANIMATIONS=none, LANG=C.UTF-8, no NO_COLOR. Benchmarks are not tests: nothing here
asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

from gen_article import marker  # noqa: E402
from hello_app import MARKER as HELLO_MARKER  # noqa: E402
from tmux_paint import first_paint  # noqa: E402

CAP = 60.0  # seconds: a first paint slower than this is reported as "> 60 s"
LIBRARY_SIZE = 1000
FR_ARTICLE = REPO / "articles" / "fr-centres-de-donnees.md"
FR_MARKER = "Par Camille"


@dataclass
class Article:
    label: str
    path: Path
    marker: str
    big: bool = False  # the 37 MB one: MarkdownViewer only with --all


@dataclass
class Paints:
    """First-paint times of one command across the rounds; None for a run past the cap."""

    command: str
    marker: str
    times: list[float | None] = field(default_factory=list)

    @property
    def timed_out(self) -> bool:
        return None in self.times

    def median(self) -> float | None:
        if not self.times:
            return None
        values = [t if t is not None else float("inf") for t in self.times]
        middle = statistics.median(values)
        return None if middle == float("inf") else middle


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- setup -------------------------------------------------------------------------------


def clean_env(root: Path) -> dict[str, str]:
    """The environment of every measured process: nothing of the user's files is touched."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(root / "home"),
        "LANG": "C.UTF-8",
        "SHELL": "/bin/sh",  # tmux runs the command with it
        "TEXTUAL_ANIMATIONS": "none",
    }
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(root / name.lower())
    for directory in (root / "home", *(Path(env[f"XDG_{n}_HOME"]) for n in ("DATA", "CACHE"))):
        directory.mkdir(parents=True, exist_ok=True)
    return env


def fresh(path: Path) -> bool:
    """Whether a generated file is newer than the generator (else it is written again)."""
    return path.exists() and path.stat().st_mtime >= (BENCH / "gen_article.py").stat().st_mtime


def generate() -> tuple[list[Article], Path]:
    """The articles to measure and the library directory, generated when missing or stale.
    Each big article has a directory of its own: `reader FILE` lists the file's directory.
    Generated in a child process: this one stays small, and the processes it starts inherit
    its peak RSS as their starting ru_maxrss (Linux keeps it across exec)."""
    generator = [sys.executable, str(BENCH / "gen_article.py")]
    articles = [Article("fr-centres-de-donnees.md", FR_ARTICLE, FR_MARKER)]
    for sections in (2000, 20000):
        path = OUT / f"a{sections}" / f"article-{sections}.md"
        if not fresh(path):
            log(f"generating {path.relative_to(REPO)}")
            command = [*generator, str(path), "--sections", str(sections)]
            subprocess.run(command, stdout=sys.stderr, check=True)
        articles.append(Article(path.name, path, marker(sections), big=sections > 2000))
    library = OUT / "library"
    stamp = library / ".generated"
    if not fresh(stamp):
        log(f"generating {library.relative_to(REPO)} ({LIBRARY_SIZE} articles)")
        shutil.rmtree(library, ignore_errors=True)
        subprocess.run(
            [*generator, "--library", str(library), "--count", str(LIBRARY_SIZE)],
            stdout=sys.stderr,
            check=True,
        )
        stamp.touch()
    return articles, library


def code_version() -> str:
    """The commit measured, and whether src/ had uncommitted changes (read-only git calls)."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tui-reader (no git)"
    return f"tui-reader {head}" + (" with uncommitted changes in src/" if dirty else "")


def machine(load: tuple[float, float]) -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"Textual {version('textual')}, {when}; load average {load[0]:.1f} at the start, "
        f"{load[1]:.1f} at the end"
    )


# --- measurements ------------------------------------------------------------------------


def paint_all(
    articles: list[Article], env: dict[str, str], runs: int, with_big_viewer: bool
) -> tuple[Paints, dict[str, Paints], dict[str, Paints]]:
    """First paints, interleaved: each round runs every command once, so that the load of a
    shared machine weighs on all of them alike (and the ratios to the hello-world are fair)."""
    python = shlex.quote(sys.executable)
    reader = shutil.which("reader", path=env["PATH"]) or "reader"
    hello = Paints(f"{python} {shlex.quote(str(BENCH / 'hello_app.py'))}", HELLO_MARKER)
    readers = {a.label: Paints(f"{reader} {shlex.quote(str(a.path))}", a.marker) for a in articles}
    viewer_app = shlex.quote(str(BENCH / "markdown_viewer_app.py"))
    viewers = {
        a.label: Paints(f"{python} {viewer_app} {shlex.quote(str(a.path))}", a.marker)
        for a in articles
        if with_big_viewer or not a.big
    }
    # Warm-up, not timed: byte-code compiled, files in the page cache, library cache written.
    small = [a for a in articles if not a.big]
    for paints in (hello, *(readers[a.label] for a in articles), viewers[small[0].label]):
        first_paint("exec " + paints.command, paints.marker, env, timeout=CAP)
    for round_no in range(1, runs + 1):
        log(f"first paint, round {round_no}/{runs}")
        for paints in (hello, *readers.values(), *viewers.values()):
            if paints.timed_out:
                continue  # once past the cap, not run again: it would only cost a minute
            paint = first_paint("exec " + paints.command, paints.marker, env, timeout=CAP)
            paints.times.append(paint.seconds)
    return hello, readers, viewers


def in_app(mode: str, target: Path, env: dict[str, str], *extra: str) -> dict[str, Any]:
    """One fresh process of in_app.py; its result is the JSON on its last line of output."""
    command = [sys.executable, str(BENCH / "in_app.py"), mode, str(target), *extra]
    done = subprocess.run(
        command, env=env, cwd=REPO, capture_output=True, text=True, timeout=600, check=False
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        log(f"in_app.py {mode} {target.name} failed:\n{done.stderr[-2000:]}")
        return {}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def medians(results: list[dict[str, float]]) -> dict[str, float]:
    keys = {key for result in results for key in result}
    return {
        key: statistics.median([r[key] for r in results if key in r])
        for key in sorted(keys)
        if any(key in r for r in results)
    }


# --- report ------------------------------------------------------------------------------


def size_text(size: int) -> str:
    return f"{size / 1e3:.0f} KB" if size < 1e6 else f"{size / 1e6:.1f} MB"


def seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def paint_cell(paints: Paints | None) -> str:
    if paints is None:
        return "not run (--all)"
    middle = paints.median()
    return f"> {CAP:.0f} s" if middle is None and paints.timed_out else seconds(middle)


def ratio(paints: Paints | None, floor: float | None) -> str:
    middle = paints.median() if paints else None
    return f"{middle / floor:.1f} ×" if middle is not None and floor else "–"


def peak_cell(figures: dict[str, float]) -> str:
    """ru_maxrss; VmHWM beside it when they disagree (ru_maxrss starts from the parent's)."""
    peak, hwm = figures.get("peak_rss_mb"), figures.get("vmhwm_mb")
    if peak is None:
        return "–"
    if hwm is not None and abs(peak - hwm) > 0.1 * hwm:
        return f"{peak:.0f} MB (VmHWM {hwm:.0f} MB)"
    return f"{peak:.0f} MB"


def headings(path: Path) -> int:
    with path.open(encoding="utf-8") as file:
        return sum(1 for line in file if line.startswith("## "))


def report(
    machine_line: str,
    runs: int,
    articles: list[Article],
    paints: tuple[Paints, dict[str, Paints], dict[str, Paints]],
    floor_in_app: dict[str, float],
    latencies: dict[str, dict[str, float]],
    rss: dict[str, dict[str, float]],
    search: dict[str, Any],
    library: dict[str, Any],
) -> str:
    hello, readers, viewers = paints
    floor = hello.median()
    out = [
        f"Machine: {machine_line}.",
        "",
        f"Code: {code_version()}.",
        "",
        f"Medians of {runs} runs; in-app figures from {runs} fresh processes per article.",
        "",
        "| App | Article | Size | `##` sections | First paint | × hello | Jump to last "
        "| Jump to middle | Page down | Resize to 90 cols | Peak RSS |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        f"| Textual hello-world | – | – | – | {paint_cell(hello)} | 1.0 × | – | – | – | – | – |",
    ]
    for a in articles:
        lat = latencies.get(a.label, {})
        peak = peak_cell(rss.get(a.label, {}))
        out.append(
            f"| tui-reader | {a.label} | {size_text(a.path.stat().st_size)} "
            f"| {headings(a.path):,} | {paint_cell(readers[a.label])} "
            f"| {ratio(readers[a.label], floor)} | {seconds(lat.get('jump_last'))} "
            f"| {seconds(lat.get('jump_middle'))} | {seconds(lat.get('page_down'))} "
            f"| {seconds(lat.get('resize'))} | {peak} |"
        )
    for a in articles:
        viewer = viewers.get(a.label)
        out.append(
            f"| MarkdownViewer | {a.label} | {size_text(a.path.stat().st_size)} "
            f"| {headings(a.path):,} | {paint_cell(viewer)} | {ratio(viewer, floor)} "
            "| – | – | – | – | – |"
        )
    out += ["", "First paint, every run (s):", ""]
    rows = [("hello-world", hello)]
    rows += [(f"tui-reader {label}", p) for label, p in readers.items()]
    rows += [(f"MarkdownViewer {label}", p) for label, p in viewers.items()]
    for label, p in rows:
        each = " ".join(f"{t:.3f}" if t is not None else f">{CAP:.0f}" for t in p.times)
        out.append(f"- {label}: {each}")
    out += [
        "",
        "Inside tui-reader (headless, medians): start-up and what a resize leaves to the "
        "background.",
        "",
        "| Article | Imports | prepare() | Open to first frame | GC during open "
        "| Re-layout call | Background re-wrap | Longest UI stall | Longest GC pause |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
        f"| hello-world (floor) | {seconds(floor_in_app.get('import'))} | – "
        f"| {seconds(floor_in_app.get('open'))} | – | – | – | – | – |",
    ]
    for a in articles:
        lat = latencies.get(a.label, {})
        cells = ("import", "prepare", "open", "gc_open", "relayout", "resize_background")
        out.append(
            f"| {a.label} | "
            + " | ".join(seconds(lat.get(key)) for key in cells)
            + f" | {seconds(lat.get('resize_stall'))} | {seconds(lat.get('gc_longest'))} |"
        )
    out += [
        "",
        f"Search in {articles[-1].label} (core.find.search: compile, count, first hit):",
        "",
    ]
    if search.get("available"):
        out += [
            "| Query | Matches | First search (app) | Cold |",
            "|---|--:|--:|--:|",
        ]
        for query, figures in search["queries"].items():
            out.append(
                f"| {query} | {figures['matches']:,} | {seconds(figures['prepared'])} "
                f"| {seconds(figures['cold'])} |"
            )
        out += [
            "",
            "First search (app): the search bar prepares the index (where the link addresses "
            f"are) while the query is typed, {seconds(search.get('prepare_seconds'))} in a "
            "thread; cold: nothing prepared.",
        ]
    else:
        out.append(f"n/a ({search.get('reason', 'no result')})")
    out += [
        "",
        f"Library of {library.get('count', LIBRARY_SIZE):,} articles (list_articles): "
        f"cold {seconds(library.get('cold'))}, warm {seconds(library.get('warm'))}.",
    ]
    return "\n".join(out) + "\n"


# --- main --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description="tui-reader benchmarks (issue 4)")
    parser.add_argument("--quick", action="store_true", help="2 runs")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5, 2 with --quick)")
    parser.add_argument("--all", action="store_true", help="also MarkdownViewer on 37 MB")
    parser.add_argument("--out", type=Path, default=OUT / "results.md", help="%(default)s")
    args = parser.parse_args()
    runs = args.runs or (2 if args.quick else 5)
    if shutil.which("tmux") is None:
        log("tmux is needed for the first-paint figures: apt-get install tmux")
        return 1
    try:
        import tui_reader  # noqa: F401
    except ImportError:
        log("tui_reader is not importable: run with the project's venv (.venv/bin/python)")
        return 1

    started, load_start = time.perf_counter(), os.getloadavg()[0]
    articles, library_dir = generate()
    with tempfile.TemporaryDirectory(prefix="tui-reader-bench-") as tmp:
        env = clean_env(Path(tmp))
        paints = paint_all(articles, env, runs, with_big_viewer=args.all)
        log(f"in-app hello-world ({runs} processes)")
        floor_in_app = medians([r for r in (in_app("hello", BENCH, env) for _ in range(runs)) if r])
        latencies: dict[str, dict[str, float]] = {}
        rss: dict[str, dict[str, float]] = {}
        for a in articles:
            log(f"in-app latencies, {a.label} ({runs} processes)")
            results = [in_app("latency", a.path, env) for _ in range(runs)]
            latencies[a.label] = medians([r for r in results if r])
            log(f"peak RSS, {a.label}")
            rss[a.label] = in_app("rss", a.path, env)
        log("search")
        search = in_app("search", articles[-1].path, env) or {"reason": "failed"}
        log("library")
        library = in_app("library", library_dir, env, str(runs))
    text = report(
        machine((load_start, os.getloadavg()[0])),
        runs,
        articles,
        paints,
        floor_in_app,
        latencies,
        rss,
        search,
        library,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    log(f"written to {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
