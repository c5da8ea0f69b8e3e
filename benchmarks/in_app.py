"""Measurements inside one fresh process; run.py starts one per figure and reads its JSON line.

    python benchmarks/in_app.py hello             # the hello-world's imports and first frame
    python benchmarks/in_app.py latency ARTICLE   # open, jumps, page down, resize (seconds)
    python benchmarks/in_app.py rss ARTICLE       # peak RSS after a jump to the end and paging
    python benchmarks/in_app.py search ARTICLE    # core.find.search: first hit + match count
    python benchmarks/in_app.py library DIR       # storage.library.list_articles, cold and warm

The app runs headless (`App.run_test(size=(120, 40))`) as `reader ARTICLE` would build it. A
timed operation is what the user waits for: the call, then `render_line` for every row of the
article pane. Before each one the background render workers are cancelled, so that each figure
is measured from the same quiet state: the call pays for what it needs itself.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

    from tui_reader.ui.reading.article_view import ArticleView

SIZE = (120, 40)
RESIZED = (90, 40)
# Fractions of the article jumped to for "middle": distinct sections, none rendered before.
MIDDLES = (0.5, 0.35, 0.65)
PAGES = 5


_T0 = time.perf_counter()


def _trace(label: str) -> None:
    """With BENCH_TRACE=1, say on stderr when each step starts (where a slow run spends time)."""
    if os.environ.get("BENCH_TRACE"):
        print(f"{time.perf_counter() - _T0:8.3f} s  {label}", file=sys.stderr)


class _GcPauses:
    """The longest garbage-collector pause, and their total, from gc.callbacks."""

    def __init__(self) -> None:
        self.longest = self.total = 0.0
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            pause = time.perf_counter() - self._start
            self.longest, self.total = max(self.longest, pause), self.total + pause


class _Frames:
    """When the first frame with the article pane laid out was composed and handed to the
    driver (`App._display`). Headless, the compositor renders every widget but writes nothing."""

    def __init__(self, app: App[Any], ready: Callable[[], bool]) -> None:
        self.first: float | None = None
        display = app._display

        def timed_display(screen: object, renderable: object) -> None:
            display(screen, renderable)  # type: ignore[arg-type]
            if self.first is None and renderable is not None and ready():
                self.first = time.perf_counter()

        app._display = timed_display  # type: ignore[method-assign]


def _rows(view: ArticleView) -> None:
    """Render every visible row, as a paint of the pane would."""
    for y in range(view.size.height):
        view.render_line(y)


def _timed(action: Callable[[], object], view: ArticleView) -> float:
    start = time.perf_counter()
    action()
    _rows(view)
    return time.perf_counter() - start


async def _until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0)


def _busy(app: App[Any]) -> bool:
    from textual.worker import WorkerState

    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


async def _settle(app: App[Any], pilot: Pilot[Any]) -> None:
    """Stop the background renders and let the app go idle, so that every timed operation
    starts from the same quiet state (and pays for what it needs itself)."""
    _trace("settle")
    app.workers.cancel_all()
    # A cancelled thread worker stops after its current section; pause() waits for the process
    # to go idle (CPU time, all threads).
    await pilot.pause()
    _trace("settled")


async def _drain(app: App[Any], pilot: Pilot[Any], timeout: float = 60) -> None:
    """Let the background renders finish (what a reader who waits would get)."""
    with suppress(Exception):
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout)
    await pilot.pause()


def _open(path: Path) -> tuple[App[Any], dict[str, float]]:
    """Build the app as `reader PATH` does; time the imports and `prepare`."""
    figures: dict[str, float] = {}
    start = time.perf_counter()
    from tui_reader.core.launch import prepare
    from tui_reader.ui.app import ReaderApp

    figures["import"] = time.perf_counter() - start
    start = time.perf_counter()
    launch = prepare(str(path), "en")
    figures["prepare"] = time.perf_counter() - start
    return ReaderApp.from_launch(launch, "en"), figures


def _laid_out_view(app: App[Any]) -> ArticleView | None:
    """The current screen's article pane once it has laid out its text, else None."""
    from textual.css.query import NoMatches

    from tui_reader.ui.reading.article_view import ArticleView

    try:
        view = app.screen.query_one(ArticleView)
    except NoMatches:
        return None
    return view if view.size.height > 0 and view.text_width > 0 else None


async def _reading_view(app: App[Any]) -> ArticleView:
    await _until(lambda: _laid_out_view(app) is not None)
    view = _laid_out_view(app)
    assert view is not None
    return view


async def _page_down(view: ArticleView) -> float | None:
    """`action_page_down` until the rows are rendered (None at the end of the article). Textual
    defers the scroll to after the next refresh, so this includes waiting for that frame (up to
    ~17 ms at 60 fps)."""
    before = view.scroll_y
    if before >= view.max_scroll_y:
        return None
    start = time.perf_counter()
    view.action_page_down()
    await _until(lambda: view.scroll_y != before, timeout=10)
    _rows(view)
    return time.perf_counter() - start


async def _resize(app: App[Any], view: ArticleView) -> dict[str, float]:
    """Resize to RESIZED; time until the pane re-laid out and its visible rows are rendered.

    Does what `Pilot.resize_terminal` does, without its wait-for-idle (that would time the
    background worker too); then follows the background re-wrap and the event loop's longest
    stall meanwhile (how responsive the UI stays).
    """
    from textual.drivers.headless_driver import HeadlessDriver
    from textual.events import Resize
    from textual.geometry import Size

    relayouts: list[float] = []
    original = getattr(view, "_relayout", None)  # the re-layout call, timed when it exists
    if callable(original):

        def timed_relayout(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                relayouts.append(time.perf_counter() - start)

        view._relayout = timed_relayout  # type: ignore[method-assign]
    width_before = view.text_width
    size = Size(*RESIZED)
    start = time.perf_counter()
    if isinstance(app._driver, HeadlessDriver):
        app._driver._size = size
    app.post_message(Resize(size, size))
    await _until(lambda: view.text_width != width_before or bool(relayouts), timeout=30)
    _rows(view)
    figures = {"resize": time.perf_counter() - start}
    if relayouts:
        figures["relayout"] = relayouts[0]
    # The rest re-wrapped in the background: until the render workers (started now or after
    # the next refresh; given 1 s to appear) are done, and the event loop's longest stall.
    stall, seen, rows_done = 0.0, False, time.perf_counter()
    last = rows_done
    while last - start < 30:
        busy = _busy(app)
        seen = seen or busy
        if not busy and (seen or last - rows_done > 1.0):
            break
        await asyncio.sleep(0.005)
        now = time.perf_counter()
        stall, last = max(stall, now - last - 0.005), now
    figures["resize_background"] = (last if seen else rows_done) - start
    figures["resize_stall"] = stall
    if callable(original):
        del view._relayout
    return figures


async def latency(path: Path) -> dict[str, float]:
    pauses = _GcPauses()
    app, figures = _open(path)
    frames = _Frames(app, lambda: _laid_out_view(app) is not None)
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        view = await _reading_view(app)
        await _until(lambda: frames.first is not None)
        assert frames.first is not None
        figures["open"] = frames.first - start
        figures["gc_open"] = pauses.total
        await _settle(app, pilot)
        last = len(view.article.sections) - 1
        figures["jump_last"] = _timed(lambda: view.jump_to(last), view)
        await _settle(app, pilot)
        middles = []
        for fraction in MIDDLES:
            middles.append(_timed(lambda f=fraction: view.jump_to(round(last * f)), view))
            await _settle(app, pilot)
        figures["jump_middle"] = statistics.median(middles)
        # Page down from the top (the middle of a short article is near its end).
        view.jump_to(0)
        await _settle(app, pilot)
        pages = []
        for _ in range(PAGES):
            if (page := await _page_down(view)) is None:
                break
            pages.append(page)
            await _settle(app, pilot)
        if pages:
            figures["page_down"] = statistics.median(pages)
        _trace("resize")
        figures.update(await _resize(app, view))
        _trace("quit")
        await pilot.press("q")
    _trace("done")
    figures["gc_longest"], figures["gc_total"] = pauses.longest, pauses.total
    return figures


async def hello() -> dict[str, float]:
    """The floor in-process: the hello-world's imports and its first frame."""
    start = time.perf_counter()
    from hello_app import HelloApp

    figures = {"import": time.perf_counter() - start}
    app = HelloApp()
    frames = _Frames(app, lambda: True)
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await _until(lambda: frames.first is not None)
        assert frames.first is not None
        figures["open"] = frames.first - start
        await pilot.press("ctrl+q")
    return figures


async def peak_rss(path: Path) -> dict[str, float]:
    """Open, jump to the middle and page down, jump to the end and page up; then ru_maxrss."""
    app, _ = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        view = await _reading_view(app)
        last = len(view.article.sections) - 1
        view.jump_to(last // 2)
        for _ in range(PAGES):
            view.action_page_down()
            await pilot.pause()
        view.jump_to(last)
        for _ in range(PAGES):
            view.action_page_up()
            await pilot.pause()
        await _drain(app, pilot)
        await pilot.press("q")
    figures = {"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    # The same high-water mark for this process image alone, as a cross-check.
    with suppress(OSError, StopIteration, ValueError):
        status = Path("/proc/self/status").read_text().splitlines()
        line = next(line for line in status if line.startswith("VmHWM:"))
        figures["vmhwm_mb"] = int(line.split()[1]) / 1024
    return figures


def search(path: Path) -> dict[str, Any]:
    """What Enter in the search bar costs in core.find.search: compile, count every section, find
    the first hit from the top. "prepared": as in the app, where the index finds the link addresses
    while the query is typed (SearchIndex.prepare, timed apart); "cold": nothing prepared.
    Absent module or API: {"available": False}."""
    try:
        from tui_reader.core.find.search import SearchIndex, compile_query
    except ImportError as error:
        return {"available": False, "reason": str(error)}
    from tui_reader.core.article.model import load_article

    article = load_article(path)
    sources = [section.source for section in article.sections]
    results: dict[str, Any] = {"available": True, "queries": {}}

    def first_search(query: str, prepared: bool) -> tuple[float, int]:
        compile_query.cache_clear()
        index = SearchIndex(sources, marks=article.marks)
        if prepared:
            index.prepare()
        start = time.perf_counter()
        compiled = index.compile(query)
        assert compiled is not None
        matches = index.matches(compiled)
        matches.first_from(0, 0)
        return time.perf_counter() - start, matches.total

    prepare_times = []
    for _ in range(3):
        index = SearchIndex(sources, marks=article.marks)
        start = time.perf_counter()
        index.prepare()
        prepare_times.append(time.perf_counter() - start)
    results["prepare_seconds"] = statistics.median(prepare_times)
    # A common word, an accented one typed without accents, and one that is not there.
    for query in ("marché", "electricite", "introuvable"):
        figures: dict[str, Any] = {}
        for prepared in (True, False):
            runs = [first_search(query, prepared) for _ in range(3)]
            figures["prepared" if prepared else "cold"] = statistics.median(t for t, _ in runs)
            figures["matches"] = runs[0][1]
        results["queries"][query] = figures
    return results


def library(directory: Path, repeat: int) -> dict[str, float]:
    """list_articles on `directory`: cold (cache file removed) and warm, medians of `repeat`."""
    from tui_reader.core.storage.library import cache_path, list_articles

    cold, warm = [], []
    count = 0
    for _ in range(repeat):
        with suppress(FileNotFoundError):
            cache_path().unlink()
        start = time.perf_counter()
        count = len(list_articles(directory).articles)
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        list_articles(directory)
        warm.append(time.perf_counter() - start)
    return {"cold": statistics.median(cold), "warm": statistics.median(warm), "count": count}


def main(argv: list[str]) -> int:
    mode, target = argv[0], Path(argv[1] if len(argv) > 1 else ".")
    if mode == "hello":
        result: dict[str, Any] = asyncio.run(hello())
    elif mode == "latency":
        result = asyncio.run(latency(target))
    elif mode == "rss":
        result = asyncio.run(peak_rss(target))
    elif mode == "search":
        result = search(target)
    elif mode == "library":
        result = library(target, int(argv[2]) if len(argv) > 2 else 5)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.flush()
    # The last line of stdout is the result, whatever the app wrote before it.
    os.write(1, (json.dumps(result) + "\n").encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
