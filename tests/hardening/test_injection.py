"""Terminal injection (issue 6): nothing in an article reaches the terminal raw.

Escape sequences (CSI, OSC 52, OSC 8, OSC 0), BEL, backspace, DEL and C1 controls, in the body,
headings, front matter values, file and directory names, are shown inert; Rich and Textual
markup shows literally; only http, https and mailto links become terminal hyperlinks.

Checked where the user would see them: `--print` forced to a terminal (FORCE_COLOR=1), and the
app rendered headless, on every Strip of the composited screen and on the text Textual's driver
would write for it (tests/hardening/terminal_checks.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from tests.hardening.hostile import (
    ALLOWED_LINKS,
    FILE_NAME,
    LINKS,
    MARKUP,
    RAW,
    article_text,
    body,
    front_matter,
    hostile_library,
    write_article,
)
from tests.hardening.terminal_checks import (
    escape_problems,
    hyperlinks,
    plain,
    screen_problems,
    screen_text,
    segment_problems,
)
from tui_reader.cli import main
from tui_reader.core.article.model import parse_article
from tui_reader.core.render.markdown import render_lines
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen

# --- where the payload goes: each place on its own, then all at once ------------------------

PLACES: dict[str, tuple[str, str]] = {  # name → (file name, text)
    "body": ("body.md", f"Plain lead.\n\nText {RAW} {MARKUP}\n\n{LINKS}\n"),
    "heading": ("heading.md", f"# Title {RAW} {MARKUP}\n\nText.\n\n## Sub {RAW}\n\nMore.\n"),
    "front_matter_yaml_escapes": ("fm.md", front_matter(raw_bytes=False) + "Body.\n"),
    "front_matter_raw_bytes": ("fm-raw.md", front_matter(raw_bytes=True) + "Body.\n"),
    "file_name": (FILE_NAME, "No heading: the title comes from the file name.\n"),
    "everything": (FILE_NAME, article_text()),
}


def _print(path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """`reader --print PATH` in-process, stdout taken as a colour terminal (FORCE_COLOR=1)."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    capsys.readouterr()
    assert main(["--print", "--width", "100", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return out


def _assert_inert_output(out: str) -> None:
    assert escape_problems(out) == []
    assert "\x1b[" in out  # a terminal: styled, so the check above did look at SGR


@pytest.mark.parametrize("place", PLACES)
def test_print_on_a_terminal_is_inert(
    place: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    name, text = PLACES[place]
    out = _print(write_article(tmp_path, name, text), capsys, monkeypatch)
    _assert_inert_output(out)
    shown = plain(out)
    if place in ("body", "heading", "everything"):
        assert "[bold red]markup[/]" in shown
        assert "[link=file:///etc/passwd]richlink[/link]" in shown
        assert "[@click=app.quit]act[/]" in shown
        assert "␛[2J" in shown  # visible, as a picture
    if place.startswith("front_matter"):
        assert "[bold red]fm[/]" in shown
        assert "[link=file:///etc/passwd]a[/link]" in shown
    if place == "file_name":
        assert "[bold red]name [@click=app.quit]q" in shown


def test_print_links_only_to_web_and_mail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _print(write_article(tmp_path, "links.md", body()), capsys, monkeypatch)
    _assert_inert_output(out)
    assert hyperlinks(out) == set(ALLOWED_LINKS)  # #second leads nowhere in a dump


def test_print_by_the_real_command_forced_to_a_terminal(tmp_path: Path) -> None:
    """The same through `python -m tui_reader`, as a user would run it."""
    path = write_article(tmp_path, FILE_NAME, article_text())
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update({"FORCE_COLOR": "1", "COLUMNS": "100", "TERM": "xterm-256color"})
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader", "--print", os.fsencode(path)],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8", "backslashreplace")
    _assert_inert_output(out)
    assert "[bold red]markup[/]" in plain(out)


def test_every_rendered_line_of_the_article_is_inert() -> None:
    """core.render.markdown on each section (what the article pane shows), at several widths."""
    article = parse_article(article_text().encode(), Path("/tmp/x.md"))
    console = Console(force_terminal=True, color_system="truecolor", width=100)
    links: set[str] = set()
    for width in (20, 60, 100):
        for section in article.sections:
            lines = render_lines(section.source, console, width)
            assert segment_problems(lines, section.slug) == []
            assert all(sum(len(s.text) for s in line) >= 0 for line in lines)
            links |= {s.style.link for line in lines for s in line if s.style and s.style.link}
    assert links == set(ALLOWED_LINKS)


# --- the app ---------------------------------------------------------------------------------


async def _settle(pilot, app: ReaderApp) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _assert_screen_inert(app: ReaderApp, where: str) -> str:
    assert screen_problems(app, where) == []
    return screen_text(app)


async def test_app_shows_hostile_articles_inert(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    library = hostile_library(tmp_path)
    app = make_app(library)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await _settle(pilot, app)
        # The library: hostile directory name in the header, titles and authors in the table,
        # the skipped-files notice naming a hostile file.
        text = _assert_screen_inert(app, "library")
        assert "[bold red]fm[/]" in text
        assert "␛]52" in text  # the directory name, inert
        notices = [n.message for n in app._notifications]
        assert any("skipped" in message for message in notices)

        # Open the hostile article (its row holds the front matter title).
        row = next(i for i, info in enumerate(app.articles) if info.title.startswith("Front"))
        app.open_article(app.articles[row].path)
        await _settle(pilot, app)
        assert isinstance(app.screen, ReadingScreen)
        text = _assert_screen_inert(app, "reading")
        assert "[bold red]fm[/]" in text  # header: front matter title, literally
        assert "[link=file:///etc/passwd]a[/link]" in text  # header: author
        assert "First ␛[2J" in text  # sidebar and heading
        view = app.screen.query_one(ArticleView)
        links = set()
        for index in range(len(app.screen.article.sections)):
            strips = view._strips(index)
            assert segment_problems(strips, f"section {index}") == []
            links |= {s.style.link for strip in strips for s in strip if s.style and s.style.link}
        assert links == set(ALLOWED_LINKS)

        for keys, expected, back in (
            (["G"], "ReadingScreen", []),
            (["g", "n", "n"], "ReadingScreen", []),
            (["g", "n", "l"], "LinksScreen", ["escape"]),  # the links of "First"
            (["question_mark"], "HelpScreen", ["escape"]),
            (["ctrl+p", "S", "e", "c"], "CommandPalette", ["escape"]),  # section titles
            (["c"], "ComposerScreen", ["escape"]),  # "comment on" names the section
            (["d"], "DraftsScreen", ["escape"]),
            (["slash", "[", "/", "]", "enter"], "ReadingScreen", ["escape", "escape"]),
        ):
            for key in keys:
                await pilot.press(key)
            await _settle(pilot, app)
            assert type(app.screen).__name__ == expected, keys
            _assert_screen_inert(app, expected)
            for key in back:
                await pilot.press(key)
            await _settle(pilot, app)
            assert isinstance(app.screen, ReadingScreen), keys
        assert app.is_running


async def test_notices_quoting_hostile_names_show_literally(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    """Notifications quote file names: markup in them must neither crash Textual's parser
    (`[/]` with nothing to close) nor become an action (`[@click=app.quit]`)."""
    library = hostile_library(tmp_path)
    latin = next(p for p in library.iterdir() if p.name.startswith("latin"))
    app = make_app(latin)  # opens with the bad-encoding notice naming the file
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await _settle(pilot, app)
        app.notify("[/] [@click=app.quit]q[/] \x1b[2J [bold]b")  # the worst a message may hold
        await _settle(pilot, app)
        text = _assert_screen_inert(app, "notices")
        assert "[@click=app.quit]q" in text
        assert "[/] [@click=app.quit]q[/] ␛[2J [bold]b" in text
        assert app.is_running


def _plant_hostile_draft(tmp_path: Path) -> Path:
    from tui_reader.core.comments.drafts import DraftStore

    path = write_article(tmp_path, "plain.md", "# Plain\n\nText.\n")
    article = parse_article(path.read_bytes(), path)
    store = DraftStore()
    draft = store.new(
        article_path=path,
        article_title=f"Title {RAW} {MARKUP}",
        source_url=None,
        text_hash=article.text_hash,
        lang="en",
        section_slug="plain",
        section_title=f"Section {RAW} {MARKUP}",
    )
    draft.comment = f"> Quote {RAW}\n\nComment {RAW} {MARKUP}"  # a quote is in the comment
    draft.author = f"Name {RAW}"
    assert store.save(draft).ok
    return path


async def test_a_hostile_draft_file_shows_inert(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    """Draft files are JSON anyone can edit (or sync): their strings are data too. The drafts
    screen (table and preview) and the composer's "Comment on" line show them inert."""
    from textual.geometry import Region

    app = make_app(_plant_hostile_draft(tmp_path))
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await _settle(pilot, app)
        await pilot.press("d")
        await _settle(pilot, app)
        assert type(app.screen).__name__ == "DraftsScreen"
        assert "[bold red]markup[/]" in _assert_screen_inert(app, "drafts screen")
        await pilot.press("escape", "c")
        await _settle(pilot, app)
        assert type(app.screen).__name__ == "ComposerScreen"
        label = app.screen.query_one("#comment-on")
        strips = label.render_lines(Region(0, 0, label.size.width, label.size.height))
        assert segment_problems(strips, "comment on") == []
        assert "␛[2J" in "".join(strip.text for strip in strips)


async def test_composer_fields_show_draft_controls_inert(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    app = make_app(_plant_hostile_draft(tmp_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await _settle(pilot, app)
        await pilot.press("c")
        await _settle(pilot, app)
        assert type(app.screen).__name__ == "ComposerScreen"
        _assert_screen_inert(app, "composer")
