"""Issue 16, hostile input and terminal safety: one test (or more) per defect.

Items 1, 2, 4, 5, 6 (crashes and hangs), 17–21 (terminal and link safety). Each test failed on
e2ef790, the commit the audit attacked. Hangs are caught by a watchdog (a subprocess with a
generous timeout), never by a timing assertion: the inputs are sized so that the quadratic
code needed minutes where the fixed code needs milliseconds.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from tests.hardening.hostile import write_article
from tests.hardening.terminal_checks import CONTROL, escape_problems, segment_problems
from tui_reader.cli import main as reader_main
from tui_reader.cli_drafts import run_drafts
from tui_reader.core import sanitize
from tui_reader.core.article.model import ArticleError, load_article, parse_article
from tui_reader.core.article.source import read_source
from tui_reader.core.comments import export as drafts_export
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.core.find.links import browser_command
from tui_reader.core.render import markdown as render
from tui_reader.core.render.markdown import render_lines
from tui_reader.core.render.printing import print_article
from tui_reader.core.storage.library import list_articles
from tui_reader.core.storage.paths import config_dir, drafts_dir
from tui_reader.ui.app import ReaderApp

WATCHDOG = 60  # seconds: the fixed code takes milliseconds, the quadratic code minutes
HUGE_INTEGERS = {
    "hex": "0x" + "f" * 4_000,
    "binary": "0b" + "1" * 15_000,
    "sexagesimal": "1:" + ":".join(["59"] * 3_000),
}
# What may not reach a terminal: C0 (but \t, \n), DEL, C1, bidi embeddings/overrides/isolates,
# zero-width and invisible format characters.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb]"
)
MAX_ARTICLE_BYTES = 50_000_000  # the documented limit (README, docs/reliability.md)
LAYOUT_LIMIT = 50_000  # characters: larger sections are folded as plain text


def _print(article: object, width: int = 80, styled: bool | None = None) -> str:
    out = StringIO()
    print_article(article, width=width, file=out, styled=styled)  # type: ignore[arg-type]
    return out.getvalue()


# --- 1. large integers in YAML front matter -----------------------------------------------------


@pytest.mark.parametrize("kind", HUGE_INTEGERS)
def test_a_huge_yaml_integer_never_stops_the_library_nor_print(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    write_article(shelf, "good.md", "# Good one\n\nText.\n")
    bad = write_article(
        shelf, "bad.md", f"---\ntitle: {HUGE_INTEGERS[kind]}\n---\n# Fallback\n\nx\n"
    )
    listing = list_articles(shelf)
    assert sorted(info.title for info in listing.articles) == ["Fallback", "Good one"]
    assert listing.problems == []
    article = load_article(bad)
    assert article.title == "Fallback"  # the number is dropped like a wrong type
    assert "Fallback" in _print(article)
    assert reader_main(["--print", str(bad)]) == 0
    assert "Fallback" in capsys.readouterr().out


def test_an_article_that_fails_unexpectedly_is_one_problem_not_a_dead_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the next unknown crash is, the listing reports that file and goes on."""
    from tui_reader.core.storage import library

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    write_article(shelf, "good.md", "# Good\n\nText.\n")
    write_article(shelf, "boom.md", "# Boom\n\nText.\n")
    real = library.summarize_article

    def summarize(raw: bytes, path: Path, **kwargs: object) -> object:
        if path.name == "boom.md":
            raise ValueError("Exceeds the limit (4300 digits)")
        return real(raw, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "summarize_article", summarize)
    listing = list_articles(shelf)
    assert [info.title for info in listing.articles] == ["Good"]
    ((path, error),) = listing.problems
    assert path.name == "boom.md" and error.key == "error.unparsable"
    assert "4300 digits" in str(error.params["reason"])


# --- 2. draft times out of range ----------------------------------------------------------------


def _draft_with_times(created: str, updated: str) -> tuple[str, str]:
    """(id of a good draft, id of one whose times are as given)."""
    store = DraftStore()
    ids = []
    for comment in ("good", "bad"):
        draft = store.new(
            article_path="/articles/a.md",
            article_title="A",
            source_url=None,
            text_hash="a" * 64,
            lang="en",
            section_slug="top",
            section_title="Top",
        )
        draft.comment = comment
        assert store.save(draft).ok
        ids.append(draft.id)
    path = store.path_for(ids[1])
    doc = json.loads(path.read_bytes())
    doc.update(created=created, updated=updated)
    path.write_text(json.dumps(doc))
    return ids[0], ids[1]


OUT_OF_RANGE = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00"]


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
def test_draft_times_out_of_range_never_crash_the_cli(
    moment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good, _ = _draft_with_times(moment, moment)
    for argv in (["list"], ["show", good[:8]], ["export", "--format", "md"], ["list", "--json"]):
        code = run_drafts(argv, "en")
        out, err = capsys.readouterr()
        assert code == 0, (argv, err)
        assert "Traceback" not in err
        assert good in out or "good" in out
        assert "bad" not in out  # set aside, not shown
    assert (drafts_dir() / "corrupt").is_dir()  # kept, and told about on stderr


async def test_draft_times_out_of_range_never_crash_the_app(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    article = write_article(tmp_path, "a.md", "# A\n\nText.\n")
    store = DraftStore()
    parsed = parse_article(article.read_bytes(), article)
    draft = store.new(
        article_path=article,
        article_title=parsed.title,
        source_url=None,
        text_hash=parsed.text_hash,
        lang="en",
        section_slug="top",
        section_title="Top",
    )
    draft.comment = "too early"
    assert store.save(draft).ok
    path = store.path_for(draft.id)
    doc = json.loads(path.read_bytes())
    doc["updated"] = OUT_OF_RANGE[0]
    path.write_text(json.dumps(doc))
    app = make_app(article)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DraftsScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposerScreen"
        assert app.is_running


# --- 4. quadratic heading parsing ---------------------------------------------------------------

HOSTILE_TITLES = {
    "brackets": "[" * 200_000,
    "underscores between letters": "a" + "_" * 200_000 + "a",
    "underscores and a tag": "<b>a" + "_" * 200_000 + "a</b>",  # the other regex
    "unclosed images": "![x](" * 60_000,
    "spaces before a closing #": " " * 200_000 + "#x",
}


@pytest.mark.parametrize("kind", HOSTILE_TITLES)
def test_heading_titles_are_linear(kind: str, tmp_path: Path) -> None:
    source = tmp_path / "title.txt"
    source.write_text(HOSTILE_TITLES[kind])
    script = (
        "import sys; from tui_reader.core.article.sections import plain_title, find_headings;"
        "raw = open(sys.argv[1]).read(); plain_title(raw);"
        "h = find_headings('# ' + raw + '\\n\\ntext\\n'); print(len(h[0].title))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(source)],
        capture_output=True,
        text=True,
        timeout=WATCHDOG,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) <= 1_000  # a title is taken from a heading's first characters


# --- 5. ~unknown-user paths --------------------------------------------------------------------


def test_articles_dir_of_an_unknown_user_is_a_notice_not_a_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui_reader.core.launch import prepare

    config_dir().mkdir(parents=True)
    (config_dir() / "settings.toml").write_text('articles_dir = "~nosuchuser-16/x"\n')
    assert reader_main(["drafts", "list"]) == 0
    launch = prepare(None, "en")
    assert [n.key for n in launch.notices] == ["settings.problem.articles_dir"]
    assert launch.listing is not None and launch.listing.articles  # the bundled articles
    assert reader_main(["--print", "~nosuchuser-16/a.md"]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "Traceback" not in err


def test_a_draft_naming_an_unknown_users_article_still_loads() -> None:
    from tui_reader.core.article.identity import path_key

    assert path_key("~nosuchuser-16/a.md").endswith("~nosuchuser-16/a.md")


# --- 6. huge inputs -----------------------------------------------------------------------------


def test_articles_above_the_limit_are_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    write_article(shelf, "small.md", "# Small\n\nText.\n")
    big = shelf / "big.md"
    with open(big, "wb") as file:  # sparse: no disk used
        file.write(b"# Big\n\n")
        file.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleError) as caught:
        read_source(big)
    assert caught.value.key == "error.too_large"
    with pytest.raises(ArticleError) as caught:
        parse_article(b"a" * (MAX_ARTICLE_BYTES + 1), None)  # stdin
    assert caught.value.key == "error.too_large"
    listing = list_articles(shelf)
    assert [info.title for info in listing.articles] == ["Small"]
    assert [error.key for _, error in listing.problems] == ["error.too_large"]
    assert reader_main(["--print", str(big)]) == 1
    assert "too large to open: more than 50 MB" in capsys.readouterr().err


LARGE_SECTIONS = {
    "spans": "*a* " * 250_000,
    "short lines": "".join(f"line {i} with *em*\n" for i in range(60_000)),
    "escape-sequence heading": "# " + "\x1b[31m" * 100_000 + "\n\ntext",
    "long line of words": "word " * 200_000,
    "wide characters": "漢字かな" * 100_000,
    "tabs": "\tcode\t" * 100_000,
}


@pytest.mark.parametrize("kind", LARGE_SECTIONS)
def test_large_sections_are_folded_as_plain_text(kind: str) -> None:
    article = parse_article(LARGE_SECTIONS[kind].encode(), None)
    assert getattr(render, "LAYOUT_LIMIT", None) == LAYOUT_LIMIT
    (section,) = [s for s in article.sections if len(s.source) > LAYOUT_LIMIT]
    console = Console(force_terminal=True, color_system="truecolor", width=100)
    lines = render_lines(section.source, console, 60)
    text = "\n".join("".join(segment.text for segment in line) for line in lines)
    assert "too large to lay out quickly: shown as plain text" in text
    assert all(sum(cell_len(segment.text) for segment in line) == 60 for line in lines)
    assert segment_problems(lines, kind) == []
    # Nothing lost: the text as written, folded (spaces at the folds dropped).
    shown = "".join(text.split("\n", 1)[1].split())  # after the notice's line
    assert shown == "".join(section.source.expandtabs(8).split())


# --- 17. one make_inert for the terminal --------------------------------------------------------

SLUG = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def test_drafts_cli_shows_every_field_through_the_one_make_inert(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # the table cuts cells to the terminal: room for all
    # One function, not two (the drafts one showed ESC as U+FFFD, the article one as ␛).
    assert getattr(drafts_export, "make_inert", sanitize.make_inert) is sanitize.make_inert
    store = DraftStore()
    draft = store.new(
        article_path="/articles/a.md",
        article_title="A\x1b[2J",
        source_url=None,
        text_hash="a" * 64,
        lang="en",
        section_slug=SLUG,
        section_title="",
    )
    draft.comment = "comment \x1b]52;c;eA==\x07 \u202eevil"
    assert store.save(draft).ok
    # A field no command formats for the terminal itself: only the output's make_inert sees it.
    path = store.path_for(draft.id)
    doc = json.loads(path.read_bytes())
    doc["conflict_of"] = SLUG
    path.write_text(json.dumps(doc))
    for argv in (["list"], ["show", draft.id[:8]], ["export", "--format", "md"]):
        assert run_drafts(argv, "en") == 0
        out = capsys.readouterr().out
        assert not FORBIDDEN.search(out.replace("\n", "")), (argv, out)
        assert "␛]0;pwned␇␛[2J" in out, argv  # ESC shows as ␛, as in articles
    assert run_drafts(["export"], "en") == 0  # JSON: the same characters, escaped, exact
    out = capsys.readouterr().out
    assert not FORBIDDEN.search(out.replace("\n", ""))
    assert json.loads(out)[0]["section"]["slug"] == SLUG
    assert json.loads(out)[0]["comment"] == draft.comment  # U+202E too, escaped, not replaced


# --- 18. bidi and zero-width characters ---------------------------------------------------------


def test_bidi_overrides_and_zero_width_characters_are_marked_rtl_text_stays() -> None:
    hostile = "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u2060", "\ufeff"
    body = "# Titre \u202eevil\n\nok " + " ".join(f"a{c}b" for c in hostile)
    body += "\n\n[bank\u200b.example](https://x.example) שלום עולם مرحبا بالعالم 👩‍👩‍👧 می‌خواهم\n"
    article = parse_article(body.encode(), None)
    printed = _print(article)
    for text in (article.body, article.title, printed):
        assert not FORBIDDEN.search(text.replace("\n", "")), text
    assert "a\ufffdb" in article.body and article.title == "Titre \ufffdevil"
    for legit in ("שלום עולם", "مرحبا بالعالم", "👩‍👩‍👧", "می‌خواهم"):  # ZWJ, ZWNJ kept
        assert legit in article.body and legit in printed
    assert sanitize.utf8_has_controls("x\u2067y".encode())  # the fast check knows them too
    assert not sanitize.utf8_has_controls("« l’été » — שלום".encode())


# --- 19. link spoofing, mailto attachments -------------------------------------------------------

SPOOF = (
    "# T\n\nSee [https://bank.example/login](https://evil.example/phish),"
    " [www.bank.example](https://bank.example/) and [read more](https://evil.example/).\n"
)


def test_print_shows_the_real_host_of_a_link_that_names_another() -> None:
    article = parse_article(SPOOF.encode(), None)
    # Plain output writes every link's address after its text: the real one, once.
    plain = _print(article, width=200)
    assert "https://bank.example/login (https://evil.example/phish)," in plain
    assert "→" not in plain
    printed = Text.from_ansi(_print(article, 200, True)).plain
    assert "https://bank.example/login (→ evil.example)" in printed
    assert "www.bank.example (" not in printed  # the same host: nothing added
    assert "read more (" not in printed  # not an address: nothing added


def test_article_pane_shows_the_real_host_before_any_click() -> None:
    article = parse_article(SPOOF.encode(), None)
    console = Console(force_terminal=True, color_system="truecolor", width=200)
    lines = render_lines(article.sections[-1].source, console, 150)
    text = "".join(segment.text for line in lines for segment in line)
    assert "https://bank.example/login (→ evil.example)" in text
    # The added host is not part of the link: clicking it opens nothing.
    for line in lines:
        for segment in line:
            if "evil.example)" in segment.text:
                assert segment.style is None or not segment.style.link


def test_mailto_attachments_are_dropped() -> None:
    url = "mailto:a@b.example?subject=Hi&attach=/etc/passwd&Attachment=%2Fhome&body=x"
    argv = browser_command(url, {"DISPLAY": ":0"}, "linux", lambda name: f"/usr/bin/{name}")
    assert argv == ["xdg-open", "mailto:a@b.example?subject=Hi&body=x"]


# --- 20. %s in $BROWSER -------------------------------------------------------------------------


def test_browser_shell_wrapper_never_runs_a_command_from_the_url(tmp_path: Path) -> None:
    marker, log = tmp_path / "pwned", tmp_path / "log"
    url = f"https://a.example/;touch$IFS{marker};'$(touch$IFS{marker})'`touch$IFS{marker}`"
    for browser in (
        f'sh -c "echo %s >> {log}"',
        f"sh -c 'echo %s >> {log}'",
        f"sh -c \"echo '%s' >> {log}\"",
    ):
        argv = browser_command(url, {"BROWSER": browser}, "linux", shutil.which)
        assert argv is not None
        subprocess.run(argv, check=True, timeout=WATCHDOG)
        assert not marker.exists(), browser
    assert log.read_text().count("https://a.example/") == 3
    # Without a shell, the browser gets the URL exactly.
    plain = browser_command(url, {"BROWSER": "firefox --new-tab=%s"}, "linux", lambda n: n)
    assert plain == ["firefox", f"--new-tab={url}"]


# --- 21. --print into a pipe closed early -------------------------------------------------------


def test_print_into_head_exits_zero_quietly(tmp_path: Path) -> None:
    article = write_article(
        tmp_path,
        "long.md",
        "".join(f"## Part {i}\n\n{'Some words. ' * 40}\n\n" for i in range(400)),
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    for extra in ({}, {"FORCE_COLOR": "1"}):
        reader = subprocess.Popen(
            [sys.executable, "-m", "tui_reader", "--print", str(article)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**env, **extra},
        )
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.readline()  # `head -1`
        reader.stdout.close()
        err = reader.stderr.read()
        assert reader.wait(timeout=WATCHDOG) == 0, err
        assert err == b""
        assert not escape_problems(err.decode())
        assert not CONTROL.search(err.decode())
