"""Search as typed in a real terminal (issue 10): the first Enter on a long article goes to
the match, the count follows the query, Shift+F3 (ESC [1;2R) goes back, markup in the query
is shown as typed."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.gen_article import write_article
from tests.e2e.conftest import StartReader
from tests.repo_paths import ARTICLES

FR = ARTICLES / "fr-centres-de-donnees.md"


def bar_line(app) -> str:
    """The search bar: the row above the footer."""
    return app.lines()[-2]


def open_bar(app) -> None:
    app.press("/")
    app.wait_text("Search the article")
    app.wait_stable()  # the input has the focus (what a user sees before typing)


def test_first_enter_on_a_long_article_moves_the_view(reader: StartReader, tmp_path: Path) -> None:
    article = write_article(tmp_path / "long.md", 1_000)
    app = reader(str(article))
    app.wait_text("Document de test")
    app.wait_stable()
    open_bar(app)
    app.press("Section 903 ", "Enter")
    app.wait_until(lambda: bar_line(app).rstrip().endswith("1/1  Whole article"), what="1/1")
    # The article pane (right of the contents) shows the heading of the match.
    app.wait_until(
        lambda: any("▕  Section 903 :" in line for line in app.lines()), what="the match shown"
    )
    app.press("Escape")
    app.wait_until(lambda: "n Next section" in app.lines()[-1], what="bar closed")
    app.press("q")
    assert app.exit_code() == 0


def test_shift_f3_goes_to_the_previous_match(reader: StartReader) -> None:
    app = reader(str(FR))
    app.wait_text("Centres de données")
    app.wait_stable()
    open_bar(app)
    app.press("electricite", "Enter")
    app.wait_until(lambda: re.search(r" 1/\d+ ", bar_line(app)) is not None, what="first match")
    total = int(re.search(r" 1/(\d+) ", bar_line(app)).group(1))
    app.press("Escape")
    app.wait_until(lambda: "n Next section" in app.lines()[-1], what="bar closed")
    app.press("Shift+F3")  # ESC [1;2R
    app.wait_until(lambda: f" {total}/{total} " in bar_line(app), what="Shift+F3")
    app.press("Shift+F3")
    app.wait_until(lambda: f" {total - 1}/{total} " in bar_line(app), what="Shift+F3 again")
    app.press("F3")
    app.wait_until(lambda: f" {total}/{total} " in bar_line(app), what="F3")
    app.press("q")
    assert app.exit_code() == 0


def test_count_follows_the_query_as_typed(reader: StartReader) -> None:
    app = reader(str(FR))
    app.wait_text("Centres de données")
    app.wait_stable()
    open_bar(app)
    app.press("electricite")
    # Counted as typed, before Enter, with the hint that Enter goes there.
    app.wait_until(lambda: "matches · Enter" in bar_line(app), what="count while typing")
    total = int(re.search(r"(\d+) matches · Enter", bar_line(app)).group(1))
    assert total > 3
    app.press("Enter")
    app.wait_until(lambda: f" 1/{total} " in bar_line(app), what="first match")
    # Edited (the bar opens with the query selected: typing replaces it): the count follows.
    app.press("Escape")
    app.wait_until(lambda: "n Next section" in app.lines()[-1], what="bar closed")
    app.press("/")
    app.wait_text("/ electricite")
    app.wait_stable()
    app.press("chaleur")
    app.wait_until(lambda: "/ chaleur " in bar_line(app), what="edited")
    app.wait_until(lambda: "matches · Enter" in bar_line(app), what="new count")
    assert f"{total} matches" not in bar_line(app)
    app.press("Escape")
    app.wait_until(lambda: "n Next section" in app.lines()[-1], what="bar closed")
    app.press("q")
    assert app.exit_code() == 0


def test_markup_in_a_query_without_match_is_shown(reader: StartReader) -> None:
    app = reader(str(FR))
    app.wait_text("Centres de données")
    app.wait_stable()
    open_bar(app)
    app.press("qqzz[/]", "Enter")
    app.wait_text("No match for “qqzz[/]”")
    app.press("Escape", "Escape")
    app.wait_until(lambda: "n Next section" in app.lines()[-1], what="bar closed")
    assert not app.exited()
    app.press("q")
    assert app.exit_code() == 0
