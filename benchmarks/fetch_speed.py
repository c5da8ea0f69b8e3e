"""What fetching costs: `python benchmarks/fetch_speed.py [--comments 500] [--runs 5]`.

Starts the test suite's real WordPress on 127.0.0.1 (tests/wordpress), adds N approved
comments to its open post (one in five a reply), then times:
- `reader fetch` of that post as the CLI does it (page, REST post, every page of comments,
  conversion to Markdown, both files written), with the requests it made;
- `reader fetch --update` when nothing changed (the one small request) and after one new comment;
- the thread model for the reading screen (`thread_view`) on the saved thread;
- `reader --print URL` (the saved copy found in the library) against `reader --print FILE`.
Benchmarks are not tests: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.wordpress.site import WordPressSite  # noqa: E402


def add_comments(site: WordPressSite, post_id: int, count: int) -> None:
    site.php(
        f"$parent = 0; for ($i = 0; $i < {count}; $i++) {{"
        " $when = gmdate('Y-m-d H:i:s', time() - 86400 + $i);"
        " $id = wp_insert_comment(array("
        f" 'comment_post_ID' => {post_id}, 'comment_author' => 'Reader ' . $i,"
        " 'comment_author_email' => 'r' . $i . '@example.net',"
        " 'comment_content' => '<p>Comment number ' . $i . ' with <a href=\"https://example.org/' . $i . '\">a link</a> and <strong>bold</strong> text, long enough to look like a real one.</p>',"  # noqa: E501
        " 'comment_parent' => ($i % 5 == 4) ? $parent : 0, 'comment_approved' => '1',"
        " 'comment_date_gmt' => $when, 'comment_date' => get_date_from_gmt($when)));"
        " if ($i % 5 == 0) { $parent = $id; } }"
    )


def timed(fn: object, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="fetch-bench-"))
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        os.environ.pop(var, None)

    from tui_reader.core.web import client as client_module
    from tui_reader.core.web.fetcher import fetch_article
    from tui_reader.core.web.saved_article import save_fetched, update_comments
    from tui_reader.core.web.thread import read_thread, thread_view

    counted: list[int] = []
    original_close = client_module.WebClient.close

    def close(self: client_module.WebClient) -> None:
        counted.append(self.requests)
        original_close(self)

    client_module.WebClient.close = close  # type: ignore[method-assign]

    site = WordPressSite("en_US")
    try:
        post = site.posts["open"]
        add_comments(site, post.id, args.comments)
        into = home / "library"
        fetch_article(post.url)  # warm PHP's compiled-file cache

        def fetch() -> object:
            return save_fetched(fetch_article(post.url), into)

        counted.clear()
        fetch_time, report = timed(fetch, args.runs)
        requests = counted[-1]
        path = report.path  # type: ignore[attr-defined]
        thread = read_thread(path)
        assert thread is not None
        counted.clear()
        unchanged_time, unchanged = timed(lambda: update_comments(path), args.runs)
        site.approve_author("Late Reader", "late@example.net", post.id)
        start = time.perf_counter()
        changed = update_comments(path)
        changed_time = time.perf_counter() - start
        view_time, view = timed(lambda: thread_view(read_thread(path)), args.runs)  # type: ignore[arg-type]

        def print_cmd(target: str) -> float:
            env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
            cmd = [sys.executable, "-m", "tui_reader", "--print", target, "--width", "80"]
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run(cmd, env=env, check=True, capture_output=True)
                times.append(time.perf_counter() - start)
            return statistics.median(times)

        # `reader URL` looks in the library (articles/ of the data dir) for the saved copy.
        library = home / "data" / "tui-reader" / "articles"
        save_fetched(fetch_article(post.url), library)
        by_url, by_file = print_cmd(post.url), print_cmd(str(library / path.name))
        curl = [
            float(subprocess.run(
                ["curl", "-s", "-o", "/dev/null", "-w", "%{time_total}", post.url],
                check=True, capture_output=True, text=True,
            ).stdout)
            for _ in range(args.runs)
        ]  # fmt: skip
        size = path.stat().st_size + (path.with_name(path.stem + ".comments.json")).stat().st_size
        print(f"post with {len(thread.comments)} approved comments on the loopback WordPress")
        print(f"reader fetch (page, REST post, comments, Markdown, files): {fetch_time:.3f} s "
              f"median of {args.runs}, {requests} requests, {size / 1024:.0f} KB")  # fmt: skip
        print(f"  of which the server's own time for the post's page (curl): "
              f"{statistics.median(curl):.3f} s")  # fmt: skip
        print(f"reader fetch --update, nothing new: {unchanged_time * 1000:.1f} ms, "
              f"{unchanged.requests} request")  # type: ignore[attr-defined]  # fmt: skip
        print(f"reader fetch --update, one new comment: {changed_time:.3f} s, "
              f"{changed.requests} requests, {changed.new_comments} new")  # fmt: skip
        print(f"thread_view on {len(view)} comments (read + model): {view_time * 1000:.1f} ms")  # type: ignore[arg-type]
        print(
            f"reader --print URL (saved copy): {by_url:.3f} s; reader --print FILE: {by_file:.3f} s"
        )
    finally:
        site.close()


if __name__ == "__main__":
    main()
