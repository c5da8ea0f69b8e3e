"""Fuzz the article pipeline (issue 6): thousands of random hostile articles, parsed and rendered.

Each article is generated from its own seed (reproducible alone with --one SEED): Markdown
constructs (headings, setext, nested quotes and lists, fences, tables, links to every scheme,
images, HTML, front matter, the WordPress comment form), raw control characters and escape
sequences, Rich/Textual markup, odd Unicode (RTL overrides, ZWJ, combining marks, wide CJK,
emoji), invalid UTF-8, NUL bytes, mixed line endings and now and then a huge line. Issue 16's
kinds too: integers past Python's 4,300-digit limit in front matter (hex, binary, decimal,
sexagesimal), headings of 40,000 `[` / `_` / `![x](`, up to 1 MB of `*a*` spans, short lines or
escape sequences in a heading, links whose text names another host, bidi and zero-width
characters in link text.

For each one: parse_article and summarize_article, render_lines of every section at a random
width (what the app's article pane shows), and the `--print` path in-process with the output
forced to a colour terminal. Checked on the way:
- nothing raises but ArticleError for binary or empty input;
- every rendered line is exactly the requested width, holds no control character, and links
  only to http/https/mailto;
- the `--print` output holds no escape sequence but SGR and OSC 8 to http/https/mailto, and no
  bidi override/isolate or zero-width character;
- every article is done (parse, render, print) within --limit seconds of CPU time (10 by
  default; CPU time, not wall time, so that other work on the machine does not count): a
  slower one is a failure ("slow").

    python benchmarks/fuzz_articles.py                 # 10,000 articles, 2 processes
    python benchmarks/fuzz_articles.py --count 50000 --seed 7 --jobs 4
    python benchmarks/fuzz_articles.py --one 1234      # one article again, with its traceback
    python benchmarks/fuzz_articles.py --dump 1234     # the bytes of article 1234 on stdout
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import random
import re
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

# --print must style its output as for a terminal: Rich reads this when a Console is made.
os.environ["FORCE_COLOR"] = "1"
os.environ.pop("NO_COLOR", None)
os.environ.setdefault("TERM", "xterm-256color")

from rich.cells import cell_len
from rich.console import Console

from tui_reader.core.article.model import parse_article, summarize_article
from tui_reader.core.errors import ArticleError
from tui_reader.core.render.markdown import is_external, render_lines
from tui_reader.core.render.printing import print_article

# --- generation -------------------------------------------------------------------------------

WORDS = (
    "the", "reader", "article", "terminal", "night", "train", "café", "déjà", "naïve", "Zürich",
    "漢字", "한국어", "日本語", "مرحبا", "שלום", "🎉", "ＡＢＣ", "ﷺ", "⸻", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ᄀᄀᄀ각",
    "👩\u200d👩\u200d👧\u200d👦", "e\u0301", "Z\u0302", "\u0338",  # ZWJ, combining marks
    "\u202egnirts\u202c", "\u2067iso\u2069", "\u200b", "\ufeff", "\u00ad",  # bidi, invisible
    "\u2028", "\u2029", "\u0085",  # Unicode line breaks
)  # fmt: skip
CONTROLS = (
    "\x1b[2J", "\x1b[H", "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;javascript:alert(1)\x1b\\",
    "\x1b]8;;\x1b\\", "\x1b]0;title\x07", "\x1bP+q\x1b\\", "\x1b[6n", "\x07", "\x08", "\x7f",
    "\x9b2J", "\x9d0;t\x9c", "\x0c", "\x0b", "\x1b", "\x1b[", "\x1b]",
)  # fmt: skip
MARKUP = (
    "[bold red]x[/]", "[/]", "[link=file:///etc/passwd]l[/link]", "[@click=app.quit]q[/]",
    "[", "]", "[b]", "[/b]", "\\[", "[on red]", "[#ff0000]",
)  # fmt: skip
SCHEMES = (
    "https://example.com/", "http://example.com/", "mailto:a@example.com", "javascript:alert(1)",
    "file:///etc/passwd", "data:text/html,x", "data:image/png;base64,AAAA", "smb://host/share",
    "ftp://x/", "vbscript:x", "#section", "#", "relative/path.md", "//proto-relative", "",
    "HTTPS://UPPER.EXAMPLE", "java\tscript:x", "https://ex.com/\u202e", "https://ex.com/a b",
)  # fmt: skip
INLINE = (
    "**{w}**", "*{w}*", "_{w}_", "__{w}__", "~~{w}~~", "`{w}`", "``{w}``", "***{w}***",
    "[{w}]({u})", "![{w}]({u})", "<{u}>", "[{w}][r]", "[{w}]", "<b>{w}</b>",
    "<a href='{u}'>{w}</a>",
    "&amp;", "&#27;", "&#x1b;", "&#0;", "\\*", "{w}\\", "  \n", "<!-- {w} -->", "$${w}$$",
)  # fmt: skip


def _word(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.06:
        return rng.choice(CONTROLS)
    if roll < 0.1:
        return rng.choice(MARKUP)
    if roll < 0.12:
        return chr(rng.randrange(0x20, 0x30000))  # any code point in the BMP and beyond
    return rng.choice(WORDS)


def _inline(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        if rng.random() < 0.2:
            parts.append(rng.choice(INLINE).format(w=_word(rng), u=rng.choice(SCHEMES)))
        else:
            parts.append(_word(rng))
    return " ".join(parts)


def _block(rng: random.Random) -> str:
    kind = rng.randrange(17) if rng.random() > 0.2 else 0  # more headings: more sections
    text = _inline(rng, rng.randrange(1, 25))
    if kind == 0:
        return "#" * rng.randrange(1, 8) + " " + text + rng.choice(["", " ##", " #"])
    if kind == 1:
        return text + "\n" + rng.choice(["===", "---", "=", "-", "- - -"])
    if kind == 2:
        depth = rng.choice([1, 2, 3, 10, 25, 60, 400])
        return "\n".join("> " * rng.randrange(1, depth + 1) + _inline(rng, 3) for _ in range(4))
    if kind == 3:
        depth = rng.choice([1, 3, 9, 11, 30, 200])
        marker = rng.choice(["-", "*", "+", "1.", "1)"])
        step = " " * rng.choice([2, 3, 4])
        return "\n".join(f"{step * min(i, depth)}{marker} {_inline(rng, 3)}" for i in range(depth))
    if kind == 4:
        fence = rng.choice(["```", "~~~", "````", "```python", "```\x1b[2J", "~~~ {.x}"])
        body = "\n".join(_inline(rng, 5) for _ in range(rng.randrange(0, 6)))
        closing = rng.choice([fence[:3], "", fence[:3] + "`", "~~~"])
        return f"{fence}\n{body}\n{closing}"
    if kind == 5:
        cols = rng.randrange(1, 12)
        rows = [
            "|" + "|".join(_inline(rng, 2) for _ in range(rng.randrange(1, cols + 2))) + "|"
            for _ in range(rng.randrange(1, 8))
        ]
        return (
            rows[0]
            + "\n|"
            + "|".join(rng.choice(["---", ":--", "--:", ":-:"]) for _ in range(cols))
            + "|\n"
            + "\n".join(rows[1:])
        )
    if kind == 6:
        return rng.choice(["---", "***", "___", "* * *", "- - -"])
    if kind == 7:
        return "    " + text  # indented code
    if kind == 8:
        return f'[r]: {rng.choice(SCHEMES)} "{_word(rng)}"'
    if kind == 9:
        return "<div>\n" + text + "\n</div>"
    if kind == 10:
        return "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nComment *\n\nName *\n\nEmail *"  # noqa: E501
    if kind == 11:
        return ("*" * rng.randrange(1, 40)) + text + ("_" * rng.randrange(0, 40))
    if kind == 12:
        return rng.choice(["[" * 500, "]" * 500, "(" * 300, "<" * 300, "`" * 301, "*a" * 400])
    if kind == 13:
        return "> - " * rng.randrange(1, 120) + text
    return text


def _front_matter(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        fields = [
            f"title: {json.dumps(_inline(rng, 4))}",
            f"author: {rng.choice([json.dumps(_word(rng)), '[a, b, {name: c}]', '{name: x}', '5', 'yes'])}",  # noqa: E501
            f"date: {rng.choice(['2024-01-02', '2024-13-45', 'last spring', '2024-01-02T03:04:05Z'])}",  # noqa: E501
            f"lang: {rng.choice(['fr', 'en', 'de', '[x]', ''])}",
            f"source: {json.dumps(rng.choice(SCHEMES))}",
            f"tags: {rng.choice(['[a, b]', 'a, b', '5', '{x: y}', '&a [*a]'])}",
            f"comments: {rng.choice(['open', 'closed', 'true', 'false', 'maybe'])}",
        ]
        rng.shuffle(fields)
        return "---\n" + "\n".join(fields[: rng.randrange(0, len(fields) + 1)]) + "\n---\n"
    if roll < 0.6:
        return (
            "---\n"
            + rng.choice(
                [
                    "title: [unclosed",
                    ": : :",
                    "- a\n- b",
                    "a: " + "[" * 2000,
                    "&x a: *x",
                    "title: 'x\x1b[2J'",
                ]
            )
            + "\n---\n"
        )
    if roll < 0.65:
        return "---\n" + "\n".join(_inline(rng, 3) for _ in range(5))  # never closed
    return ""


HUGE_YAML = (
    "0x" + "f" * 4_000,
    "0b" + "1" * 15_000,
    "9" * 5_000,
    "1:" + ":".join(["59"] * 3_000),
    "0o" + "7" * 6_000,
)
HOSTILE_HEADINGS = ("[" * 40_000, "a" + "_" * 40_000 + "a", "![x](" * 8_000, " " * 40_000 + "#x")
HUGE_SECTIONS = (
    "*a* ",  # 1 MB of emphasis spans: 8.6 s in Rich before issue 16
    "line with *em*\n",
    "\x1b[31m",
    "[a](https://e.example/x) ",
)


def _issue16(rng: random.Random) -> tuple[str, list[str]]:
    """(front matter, extra blocks) of issue 16's kinds, for about one article in eight."""
    roll = rng.random()
    if roll < 0.04:
        key = rng.choice(["title", "author", "date", "tags", "lang", "source"])
        return f"---\n{key}: {rng.choice(HUGE_YAML)}\n---\n", []
    if roll < 0.06:
        return "", ["#" * rng.randrange(1, 4) + " " + rng.choice(HOSTILE_HEADINGS)]
    if roll < 0.065:
        unit = rng.choice(HUGE_SECTIONS)
        return "", [
            ("# " if rng.random() < 0.3 else "")
            + unit * (rng.randrange(200_000, 1_000_000) // len(unit))
        ]
    if roll < 0.12:
        host = rng.choice(["bank.example", "https://bank.example/login", "www.bank.example"])
        text = rng.choice([host, host.replace(".", "\u200b.", 1), "\u202e" + host])
        return "", [f"See [{text}]({rng.choice(SCHEMES)}) now."]
    return "", []


def generate(seed: int) -> bytes:
    """The bytes of article `seed`: same seed, same bytes."""
    rng = random.Random(seed)
    blocks = [_block(rng) for _ in range(rng.randrange(1, 30))]
    extra_front, extra_blocks = _issue16(random.Random(seed ^ 0x16))
    for block in extra_blocks:
        blocks.insert(rng.randrange(len(blocks) + 1), block)
    if rng.random() < 0.01:  # a huge line now and then
        unit = rng.choice(["word ", "x", "**a** ", "[a](https://x) ", "漢", "\x1b[2J", "> "])
        blocks.insert(
            rng.randrange(len(blocks) + 1), unit * (rng.randrange(20_000, 120_000) // len(unit))
        )
    newline = rng.choice(["\n", "\n", "\n", "\r\n", "\r"])
    text = (
        (extra_front or _front_matter(rng))
        + "\n\n".join(blocks)
        + rng.choice(["\n", "", "\n\n\n", "   "])
    )
    data = text.replace("\n", newline).encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.05:  # invalid UTF-8 sprinkled
        raw = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            raw.insert(
                rng.randrange(len(raw) + 1), rng.choice([0xFF, 0xFE, 0xC3, 0x80, 0xED, 0xF4])
            )
        data = bytes(raw)
    elif roll < 0.08:  # Latin-1
        data = text.encode("latin-1", "replace")
    elif roll < 0.09:
        data = b"\xef\xbb\xbf" + data  # BOM
    elif roll < 0.095:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))  # noise
    elif roll < 0.1:
        data = data.replace(b" ", b"\x00", 1)  # a NUL: binary, refused as designed
    return data


# --- checks -----------------------------------------------------------------------------------

CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb]"
)
LIMIT = 10.0  # seconds an article may take (parse, render every section, print): --limit
_ALLOWED_ESCAPE = re.compile(
    r"\x1b\[[0-9;]*m|\x1b\]8;(?P<params>[^;\x1b\x07]*);(?P<url>[^\x1b\x07]*)\x1b\\"
)


def output_problem(out: str) -> str | None:
    """The first escape sequence or control in terminal output that is not SGR / allowed OSC 8."""
    pos = 0
    while (start := out.find("\x1b", pos)) >= 0:
        match = _ALLOWED_ESCAPE.match(out, start)
        if match is None:
            return f"raw escape {out[start : start + 16]!r}"
        if match["url"] and not is_external(match["url"]):
            return f"hyperlink to {match['url']!r}"
        pos = match.end()
    if control := CONTROL.search(_ALLOWED_ESCAPE.sub("", out).replace("\t", " ")):
        return f"control U+{ord(control.group()):04X} in --print output"
    return None


def lines_problem(lines: list, width: int) -> str | None:
    for y, line in enumerate(lines):
        cells = sum(cell_len(segment.text) for segment in line)
        if cells != width:
            return f"line {y} is {cells} cells wide, not {width}"
        for segment in line:
            if CONTROL.search(segment.text.replace("\t", " ")):
                return f"control in rendered text {segment.text[:40]!r}"
            link = segment.style.link if segment.style else None
            if link and not is_external(link):
                return f"rendered hyperlink to {link!r}"
    return None


@dataclass
class Result:
    seed: int
    size: int
    seconds: float
    outcome: str  # "ok", "rejected" (binary/empty, as designed), "crash", "invariant", "slow"
    detail: str = ""
    sections: int = 0
    cpu_seconds: float = 0.0


_CONSOLE: Console | None = None


def run_one(seed: int) -> Result:
    """Generate article `seed`, run the pipeline on it and check the invariants."""
    global _CONSOLE
    if _CONSOLE is None:
        _CONSOLE = Console(force_terminal=True, color_system="truecolor", width=100)
    data = generate(seed)
    rng = random.Random(seed ^ 0x5EED)
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        try:
            article = parse_article(data, Path(f"/fuzz/article-{seed}.md"))
        except ArticleError as error:
            outcome = "rejected" if error.key in ("error.binary", "error.empty") else "invariant"
            return Result(seed, len(data), time.perf_counter() - start, outcome, error.key)
        summary = summarize_article(data, Path(f"/fuzz/article-{seed}.md"))
        if summary.title != article.title:
            return Result(seed, len(data), 0, "invariant", "summary title differs")
        width = rng.choice([10, 20, 33, 40, 60, 80, 88, 120])
        for section in article.sections:
            problem = lines_problem(render_lines(section.source, _CONSOLE, width), width)
            if problem:
                detail = f"section {section.index} at width {width}: {problem}"
                return Result(seed, len(data), time.perf_counter() - start, "invariant", detail)
        out = io.StringIO()
        print_article(article, width=rng.choice([20, 60, 100]), file=out)
        if problem := output_problem(out.getvalue()):
            return Result(seed, len(data), time.perf_counter() - start, "invariant", problem)
    except Exception as error:  # a crash: what this script is for
        frame = traceback.extract_tb(error.__traceback__)[-1]
        detail = f"{type(error).__name__}: {str(error)[:200]} at {frame.filename}:{frame.lineno}"
        return Result(seed, len(data), time.perf_counter() - start, "crash", detail)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if cpu > LIMIT:
        detail = f"{cpu:.1f} s of CPU"
        return Result(seed, len(data), seconds, "slow", detail, len(article.sections), cpu)
    return Result(seed, len(data), seconds, "ok", sections=len(article.sections), cpu_seconds=cpu)


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Summary:
    count: int
    seed: int
    jobs: int
    seconds: float
    outcomes: dict[str, int] = field(default_factory=dict)
    bytes_total: int = 0
    sections_total: int = 0
    largest_bytes: int = 0
    failures: list[dict[str, object]] = field(default_factory=list)
    slowest: list[dict[str, object]] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--seed", type=int, default=0, help="first seed (articles seed..seed+count-1)"
    )
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--one", type=int, help="run one article and show its traceback")
    parser.add_argument("--dump", type=int, help="write the bytes of one article to stdout")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON here")
    parser.add_argument("--limit", type=float, default=LIMIT, help="seconds an article may take")
    args = parser.parse_args(argv)
    globals()["LIMIT"] = args.limit  # read by run_one, also in the forked workers

    if args.dump is not None:
        sys.stdout.buffer.write(generate(args.dump))
        return 0
    if args.one is not None:
        result = run_one(args.one)
        print(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        if result.outcome == "crash":  # again, with the whole traceback
            data = generate(args.one)
            article = parse_article(data, Path(f"/fuzz/article-{args.one}.md"))
            for section in article.sections:
                render_lines(section.source, Console(force_terminal=True, width=100), 80)
            print_article(article, width=80, file=io.StringIO())
        return 0 if result.outcome in ("ok", "rejected") else 1

    seeds = range(args.seed, args.seed + args.count)
    start = time.perf_counter()
    results: list[Result] = []
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for result in pool.imap_unordered(run_one, seeds, chunksize=25):
                results.append(result)
                _progress(len(results), args.count, start)
    else:
        for seed in seeds:
            results.append(run_one(seed))
            _progress(len(results), args.count, start)
    elapsed = time.perf_counter() - start
    print(file=sys.stderr)

    summary = Summary(args.count, args.seed, args.jobs, round(elapsed, 1))
    for result in results:
        summary.outcomes[result.outcome] = summary.outcomes.get(result.outcome, 0) + 1
        summary.bytes_total += result.size
        summary.sections_total += result.sections
        summary.largest_bytes = max(summary.largest_bytes, result.size)
    summary.failures = [
        asdict(r)
        for r in sorted(results, key=lambda r: r.seed)
        if r.outcome in ("crash", "invariant", "slow")
    ]
    summary.slowest = [
        {
            "seed": r.seed,
            "bytes": r.size,
            "cpu": round(r.cpu_seconds, 3),
            "wall": round(r.seconds, 3),
        }
        for r in sorted(results, key=lambda r: -r.cpu_seconds)[:5]
    ]

    print(f"articles:       {summary.count} (seeds {args.seed}..{args.seed + args.count - 1})")
    print(f"outcomes:       {summary.outcomes}")
    print(f"bytes:          {summary.bytes_total:,} in all, largest {summary.largest_bytes:,}")
    print(f"sections:       {summary.sections_total:,} rendered")
    print(f"time:           {elapsed:.1f} s with {args.jobs} process(es)")
    print(f"slowest:        {summary.slowest[:3]}")
    print(f"failures:       {len(summary.failures)}")
    for failure in summary.failures[:30]:
        print(f"  seed {failure['seed']}: {failure['outcome']}: {failure['detail']}")
    if summary.failures:
        print("reproduce one:  python benchmarks/fuzz_articles.py --one SEED")
    if args.json:
        args.json.write_text(json.dumps(asdict(summary), ensure_ascii=False, indent=2))
    return 1 if summary.failures else 0


def _progress(done: int, total: int, start: float) -> None:
    if done % 500 == 0 or done == total:
        rate = done / max(time.perf_counter() - start, 1e-9)
        print(f"\r{done}/{total} articles, {rate:.0f}/s", end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
