"""Odd input (issue 6): whatever the bytes, the article opens, renders and navigates.

Each file is opened in the real app (headless), its first screen rendered, then n/p/G/g and
paging; and printed with `--print`'s code. Hangs are caught by a watchdog (asyncio.wait_for for
the event loop, faulthandler for a loop stuck in C or Python code); no timing is asserted.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hardening.terminal_checks import screen_problems
from tests.ui.screen_text import visible_text
from tui_reader.core.article.model import load_article
from tui_reader.core.render.printing import print_article
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen

SCENARIO_TIMEOUT = 90.0  # seconds; generous for a loaded CI machine, never reached normally


def _nested_lists(depth: int, ordered: bool = False) -> str:
    marker = "1." if ordered else "-"
    step = "   " if ordered else "  "
    return "".join(f"{step * i}{marker} level {i}\n" for i in range(depth)) + "\n"


CASES: dict[str, tuple[bytes, str]] = {  # name → (bytes of the file, a word that must show)
    "invalid_utf8": (b"# Broken \xff\xfe bytes\n\nText \xc3\x28 and \xa0\xa1 more.\n", "more"),
    "latin1": ("# Café\n\nÉté déjà vu, naïve façon.\n".encode("latin-1"), "Caf"),
    "one_mb_line_of_words": (b"word " * 210_000, "word"),
    "one_mb_unbreakable_line": (b"x" * 1_000_000 + b" end", "xxxx"),
    "one_mb_line_in_a_code_fence": (b"```js\n" + b"var a=1;" * 125_000 + b"\n```\n", "var a"),
    "quotes_400_deep": (
        b"# Deep quotes\n\n"
        + b"> " * 400
        + b"deepest\n\n"
        + b"".join(b"> " * i + b"level\n" for i in range(1, 401)),
        "deepest",
    ),
    "lists_200_deep": (
        ("# Deep lists\n\n" + _nested_lists(200) + _nested_lists(200, ordered=True)).encode(),
        "level 199",
    ),
    "mixed_quote_list_chain": (b"# Chain\n\n" + b"> - " * 300 + b"bottom\n", "bottom"),
    "identical_headings_5000": (b"# Same\n\ntext\n\n" * 5000, "Same"),
    "markup_and_emoji_headings": (
        "# **\n\na\n\n# ![](x.png)\n\nb\n\n# ``\n\nc\n\n# <b></b>\n\nd\n\n# 🎉🎉🎉\n\ne\n\n"
        "# [](#)\n\nf\n\n# \\*\n\ng\n\n## ___\n\nh\n\n# 👩‍👩‍👧‍👦 🏳️‍🌈\n\ni\n".encode(),
        "🎉",
    ),
    "crlf": (b"Title\r\n=====\r\n\r\nText one.\r\n\r\n## Two\r\n\r\nText two.\r\n", "Text one"),
    "cr_only": (b"Title\r=====\r\rText one.\r\r## Two\r\rText two.\r", "Text one"),
    "rtl": (
        (
            "# مرحبا بالعالم\n\nשלום עולם \u202egnirts desrever\u202c and \u2067isolate\u2069.\n\n"
            + "## עברית\n\nنص عربي طويل " * 40
        ).encode(),
        "שלום",
    ),
    "wide_cjk": (
        (
            "# 漢字のタイトル\n\n"
            + "日本語の文章と한국어 텍스트와中文字符。" * 200
            + "\n\n## 第二節\n\n"
            + "｜全角｜ＡＢＣ｜\n\n| 表 | 列 |\n|---|---|\n| 漢字 | 한글 |\n"
        ).encode(),
        "漢字",
    ),
    "combining_and_zero_width": (
        (
            "# Z\u0301\u0302\u0303a\u200b\u200dlgo\n\n" + "e\u0301" * 5000 + "\ufeff\u2060\n"
        ).encode(),
        "lgo",
    ),
}


@pytest.fixture
def watchdog() -> object:
    """Kill the (worker) process with a traceback if a case hangs the event loop itself."""
    import faulthandler

    faulthandler.dump_traceback_later(SCENARIO_TIMEOUT * 2, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


async def _open_and_navigate(app: ReaderApp, word: str) -> str:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.query_one(ArticleView)
        first = visible_text(view)
        assert first.strip()  # the first screen shows something
        assert screen_problems(app, "first screen") == []
        await pilot.press("n", "n", "p", "G", "p", "g", "space")
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert visible_text(view).strip()
        assert app.is_running
        # The word is in what the pane renders of its section (nothing silently dropped).
        index = next(
            (i for i, s in enumerate(view._sections) if word in s.source or word in s.title), 0
        )
        return first + "\n" + "\n".join(strip.text for strip in view._strips(index))


@pytest.mark.parametrize("case", CASES)
async def test_opens_renders_and_navigates(
    case: str, tmp_path: Path, make_app: Callable[..., ReaderApp], watchdog: object
) -> None:
    data, word = CASES[case]
    path = tmp_path / f"{case}.md"
    path.write_bytes(data)
    app = make_app(path)
    shown = await asyncio.wait_for(_open_and_navigate(app, word), SCENARIO_TIMEOUT)
    assert word in shown


@pytest.mark.parametrize("case", CASES)
def test_print_renders_everything(case: str, tmp_path: Path, watchdog: object) -> None:
    data, word = CASES[case]
    path = tmp_path / f"{case}.md"
    path.write_bytes(data)
    out = io.StringIO()
    print_article(load_article(path), width=80, file=out)
    assert word in out.getvalue()


def test_too_deep_sections_say_why_they_are_plain(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_bytes(CASES["quotes_400_deep"][0])
    out = io.StringIO()
    print_article(load_article(path), width=80, file=out, lang="fr")
    assert "texte brut" in out.getvalue()
    assert "deepest" in out.getvalue()
