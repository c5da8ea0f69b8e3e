"""What sending costs: `python benchmarks/send_speed.py [--drafts 20]`.

Starts the test suite's real WordPress on 127.0.0.1 (tests/wordpress: MariaDB + PHP's built-in
server, flood check off), writes N ready drafts on its open post, and times `Sender.send()` on
them: per comment, the discovery GET of the post's page, the POST, the REST fate check and the
atomic writes of every step. Then the same three requests made with curl (page, POST, REST
comment), per comment, as the server's own time. The difference is our overhead.
Benchmarks are not tests: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.wordpress.site import WordPressSite  # noqa: E402
from tui_reader.core.drafts import DraftStore, Status  # noqa: E402
from tui_reader.core.web.client import USER_AGENT  # noqa: E402
from tui_reader.core.web.sender import Sender, SendOutcome  # noqa: E402


def ready_drafts(store: DraftStore, url: str, count: int, tag: str) -> None:
    for i in range(count):
        draft = store.new(
            article_path=None, article_title="Bench", source_url=url, text_hash="0" * 64,
            lang="en", section_slug="intro", section_title="Intro",
        )  # fmt: skip
        draft.comment = f"Benchmark comment {tag} number {i}: water, heat and power."
        draft.author, draft.email, draft.consent = "Bench Mark", "bench@example.net", True
        draft.status = Status.READY
        assert store.save(draft).ok


def curl_one(site: WordPressSite, url: str, post_id: int, text: str) -> float:
    """The same three requests with curl; the sum of curl's time_total."""
    fmt = "%{time_total} %{redirect_url}"
    total = 0.0

    def curl(*args: str) -> str:
        done = subprocess.run(
            ["curl", "-s", "-o", "/dev/null", "-A", USER_AGENT, "-w", fmt, *args],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return done.stdout

    total += float(curl(url).split()[0])
    fields = {
        "comment": text, "author": "Curl Bench", "email": "curl@example.net", "url": "",
        "wp-comment-cookies-consent": "yes", "comment_post_ID": str(post_id),
        "comment_parent": "0", "submit": "Post Comment",
    }  # fmt: skip
    data = [arg for k, v in fields.items() for arg in ("--data-urlencode", f"{k}={v}")]
    seconds, location = curl(*data, f"{site.base_url}/wp-comments-post.php").split()
    total += float(seconds)
    comment_id = location.rsplit("#comment-", 1)[1]
    total += float(curl(f"{site.base_url}/wp-json/wp/v2/comments/{comment_id}").split()[0])
    return total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def paired(site: WordPressSite, count: int) -> tuple[list[float], list[float]]:
    """Per comment, our send then curl's three requests, interleaved so that the machine's
    load (2 shared cores) hits both alike. Also CPU time: ours (this process) and curl's
    (its processes), which the other engineers' load does not inflate much."""
    post = site.posts["open"]
    ours: list[float] = []
    theirs: list[float] = []
    CPU.clear()
    with tempfile.TemporaryDirectory() as tmp:
        store = DraftStore(Path(tmp) / "drafts")
        ready_drafts(store, post.url, count, "paired")
        drafts = Sender(store).pending()
        for i, draft in enumerate(drafts):
            start, cpu = time.perf_counter(), time.process_time()
            [result] = Sender(store).send([draft])
            ours.append(time.perf_counter() - start)
            CPU.setdefault("ours", []).append(time.process_time() - cpu)
            assert result.outcome is SendOutcome.SENT, result
            cpu = _children_cpu()
            theirs.append(curl_one(site, post.url, post.id, f"Curl comment {i}."))
            CPU.setdefault("curl", []).append(_children_cpu() - cpu)
    return ours, theirs


CPU: dict[str, list[float]] = {}


def batch(site: WordPressSite, count: int) -> float:
    """`Sender.send()` on `count` ready drafts at once (one HTTP client): seconds per comment."""
    with tempfile.TemporaryDirectory() as tmp:
        store = DraftStore(Path(tmp) / "drafts")
        ready_drafts(store, site.posts["open"].url, count, "batch")
        start = time.perf_counter()
        results = Sender(store).send()
        elapsed = time.perf_counter() - start
    assert all(r.outcome is SendOutcome.SENT for r in results), results
    return elapsed / count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=int, default=20)
    args = parser.parse_args()
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        os.environ.pop(var, None)
    site = WordPressSite("en_US")
    ms = 1000
    try:
        per_batch = batch(site, args.drafts)
        ours, theirs = paired(site, args.drafts)
    finally:
        site.close()
    diffs = [a - b for a, b in zip(ours, theirs, strict=True)]
    print(f"{args.drafts} ready drafts, loopback WordPress 6.1 (php -S), flood check off")
    print("per comment = page GET + POST + REST fate GET (+ 3 atomic draft writes for us)")
    print(f"  tui-reader, one send per draft : median {statistics.median(ours) * ms:6.1f} ms")
    print(f"  curl, the same 3 requests      : median {statistics.median(theirs) * ms:6.1f} ms")
    print(f"  difference, paired             : median {statistics.median(diffs) * ms:6.1f} ms")
    print(f"  tui-reader, all in one send()  : {per_batch * ms:6.1f} ms a comment (page read once)")
    print("CPU time per comment (client side only):")
    ours_cpu, curl_cpu = (statistics.median(CPU[k]) * ms for k in ("ours", "curl"))
    print(f"  tui-reader (Python, httpx, parsing, 3 fsynced writes): {ours_cpu:5.1f} ms")
    print(f"  curl (3 processes)                                   : {curl_cpu:5.1f} ms")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main()
