"""Search in the article, driven through Pilot on the bundled articles."""

from __future__ import annotations

import re
import time

from textual.strip import Strip
from textual.widgets import Input

from benchmarks.gen_article import write_article
from tests.repo_paths import ARTICLES
from tests.ui.screen_text import visible_lines, visible_text
from tui_reader.core.find.fold import fold
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.article_search import CURRENT, MATCH
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.reading.search_bar import SearchBar
from tui_reader.ui.reading.section_list import SectionList

FR = ARTICLES / "fr-centres-de-donnees.md"
LONG = ARTICLES / "en-field-guide-markdown-terminal.md"
# "électricité" and "Électricité", counted independently of the code under test.
ELECTRICITE = re.compile("[ÉEée]lectricit[ée]")


def parts(app):
    screen = app.screen
    return screen.query_one(ArticleView), screen.query_one(SearchBar), screen.query_one(SectionList)


async def search(pilot, query: str) -> None:
    await pilot.press("slash", *query, "enter")
    await pilot.pause()


def painted(view: ArticleView, component: str) -> list[str]:
    """The runs of text on screen painted with a component's background, left to right."""
    background = view.get_component_rich_style(component).bgcolor
    runs: list[str] = []
    for y in range(view.scrollable_content_region.height):
        strip: Strip = view.render_line(y)
        run = ""
        for segment in strip:
            if segment.style is not None and segment.style.bgcolor == background:
                run += segment.text
            elif run:
                runs.append(run)
                run = ""
        if run:
            runs.append(run)
    return runs


def current_on_screen(view: ArticleView) -> bool:
    search = view.search
    assert search is not None
    location = search.current_location()
    assert location is not None
    section, line, _, _ = location
    y = view.section_offset(section) + line
    return view.scroll_y <= y < view.scroll_y + view.scrollable_content_region.height


async def test_search_jumps_counts_and_highlights_accents_ignored(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, sidebar = parts(app)
        assert not bar.display
        await pilot.press("slash")
        assert bar.display and isinstance(app.focused, Input)
        await pilot.press(*"electricite", "enter")
        await pilot.pause()
        expected = [len(ELECTRICITE.findall(s.source)) for s in view.article.sections]
        search = view.search
        assert search is not None
        assert search.counts == expected
        assert bar.status == f"1/{sum(expected)}"
        # The first match is on screen, painted distinctly; the other visible ones as matches.
        assert current_on_screen(view)
        current = painted(view, CURRENT)
        assert len(current) == 1 and fold(current[0]) == "electricite"
        others = painted(view, MATCH)
        assert others and all(fold(run) == "electricite" for run in others)
        assert {"électricité", "Électricité"} & set(current + others)
        # The sidebar marks the sections that contain matches, on their first line.
        for index, count in enumerate(expected):
            assert sidebar.match_count(index) == count
        lines = visible_lines(sidebar)
        for index, count in enumerate(expected):
            line = lines[sidebar._index_to_line[index]]
            assert line.endswith(f"•{count}") == bool(count), line
        assert sum("•" in line for line in lines) == sum(map(bool, expected))


async def test_next_previous_and_wrap_around(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, _ = parts(app)
        await search(pilot, "electricite")
        search_ = view.search
        assert search_ is not None
        total = search_.total
        assert total >= 4
        # In the bar: ↓ / ↑, and Enter again goes on.
        await pilot.press("down")
        assert bar.status == f"2/{total}"
        await pilot.press("enter")
        assert bar.status == f"3/{total}"
        await pilot.press("up")
        assert bar.status == f"2/{total}"
        # Bar closed: > and < (n and p stay the section keys).
        await pilot.press("escape")
        assert app.focused is view and not bar.display
        assert view.search is search_  # highlights kept
        await pilot.press("greater_than_sign")
        assert bar.status == f"3/{total}"
        assert bar.display and app.focused is view  # the bar shows the count, without focus
        sections = []
        for rank in range(4, total + 1):
            await pilot.press("greater_than_sign")
            assert bar.status == f"{rank}/{total}"
            assert current_on_screen(view)
            assert search_.current is not None
            sections.append(search_.current.section)
        assert sections == sorted(sections)
        assert view.current_section <= sections[-1]
        await pilot.press("greater_than_sign")  # past the last: wraps to the first
        assert bar.status == f"1/{total}"
        assert current_on_screen(view)
        await pilot.press("less_than_sign")  # before the first: wraps to the last
        assert bar.status == f"{total}/{total}"
        await pilot.press("f3")
        assert bar.status == f"1/{total}"
        await pilot.press("shift+f3")
        assert bar.status == f"{total}/{total}"
        # n still moves by section.
        section = view.current_section
        await pilot.press("n")
        assert view.current_section == min(section + 1, len(view.article.sections) - 1)
        assert bar.status == f"{total}/{total}"


async def test_enter_starts_from_the_reading_position(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, _ = parts(app)
        await pilot.press("n", "n", "n")
        assert view.current_section == 3
        await search(pilot, "electricite")
        search_ = view.search
        assert search_ is not None and search_.current is not None
        # The first match at or after the top of the view: in section 3, not back in 0.
        assert search_.current.section == 3
        assert bar.status == f"{sum(search_.counts[:3]) + 1}/{search_.total}"
        assert current_on_screen(view)


async def test_no_match_and_empty_query(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, sidebar = parts(app)
        await pilot.press("n")
        top = view.scroll_y
        await pilot.press("slash", "enter")  # empty query: nothing happens
        await pilot.pause()
        assert view.search is None and bar.status == ""
        await pilot.press(*"introuvable", "enter")
        await pilot.pause()
        assert bar.status == "Aucun résultat pour « introuvable »"
        assert bar.query_one("#search-status").has_class("-no-match")
        assert view.scroll_y == top
        assert painted(view, MATCH) == [] and painted(view, CURRENT) == []
        assert all(sidebar.match_count(i) == 0 for i in range(sidebar.option_count))
        await pilot.press("down")  # next with nothing found: still nothing, no error
        assert view.scroll_y == top


async def test_smart_case(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _, _ = parts(app)
        await search(pilot, "rte")
        loose = view.search
        assert loose is not None
        await pilot.press("ctrl+u", *"RTE", "enter")
        await pilot.pause()
        strict = view.search
        assert strict is not None and strict is not loose
        assert 0 < strict.total < loose.total
        body = "".join(s.source for s in view.article.sections)
        assert strict.total == body.count("RTE")
        # Lower case ignores case (and accents: "porté" counts too).
        assert loose.total == len(re.findall("rt[eéèêë]", body, re.IGNORECASE))
        assert set(painted(view, CURRENT) + painted(view, MATCH)) == {"RTE"}


async def test_section_only_toggle(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, sidebar = parts(app)
        await pilot.press("n", "n")
        assert view.current_section == 2
        await pilot.press("slash", "ctrl+t")
        assert bar.section_only
        assert "Cette section seulement" in str(bar.query_one("#search-scope").content)
        await pilot.press(*"electricite", "enter")
        await pilot.pause()
        search_ = view.search
        assert search_ is not None and search_.scope == 2
        in_section = len(ELECTRICITE.findall(view.article.sections[2].source))
        assert in_section >= 2
        assert search_.total == in_section
        assert [sidebar.match_count(i) for i in range(sidebar.option_count)] == [
            in_section if i == 2 else 0 for i in range(sidebar.option_count)
        ]
        for _ in range(in_section):  # wraps inside the section
            await pilot.press("down")
            assert search_.current is not None and search_.current.section == 2
        assert bar.status == f"1/{in_section}"
        # Toggling back searches the whole article again.
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not bar.section_only
        assert view.search is not None and view.search.scope is None
        assert view.search.total > in_section
        assert sidebar.match_count(0) > 0


async def test_escape_closes_then_clears_then_goes_back(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, sidebar = parts(app)
        await search(pilot, "electricite")
        await pilot.press("escape")
        assert not bar.display and app.focused is view
        assert painted(view, MATCH) or painted(view, CURRENT)
        await pilot.press("escape")
        assert view.search is None
        assert painted(view, MATCH) == [] and painted(view, CURRENT) == []
        assert all(sidebar.match_count(i) == 0 for i in range(sidebar.option_count))
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_next_match_without_a_search_says_how(make_app) -> None:
    app = make_app(FR, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _, _ = parts(app)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert view.scroll_y == 0
        assert any("press / to search" in str(n.message) for n in app._notifications)


async def test_a_far_match_is_scrolled_into_view(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _, _ = parts(app)
        await search(pilot, "syncthing")
        search_ = view.search
        assert search_ is not None and search_.current is not None
        assert search_.current.section > 10
        assert view.scroll_y > 0
        assert current_on_screen(view)
        assert "Syncthing" in visible_text(view)
        assert painted(view, CURRENT) == ["Syncthing"]


async def test_link_addresses_are_not_counted(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, _ = parts(app)
        # "[sembr.org](https://sembr.org/)": the address is not on screen, so not a match.
        await search(pilot, "sembr")
        assert bar.status == "1/1"
        assert painted(view, CURRENT) == ["sembr"]


async def test_decomposed_accents_and_words_on_both_sides_of_a_link(make_app, tmp_path) -> None:
    # "été" written as e + U+0301: the search keeps its slower regex for combining marks.
    page = tmp_path / "ete.md"
    page.write_text(
        "# L'e\u0301te\u0301\n\n"
        "Un e\u0301te\u0301 chaud, voir [le site](https://ete.example/ete) ete.\n",
        encoding="utf-8",
    )
    app = make_app(page, "fr")
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view, bar, _ = parts(app)
        assert view.article.marks
        await search(pilot, "ete")
        # The title, "été" and the last word; not the two in the address.
        assert bar.status == "1/3"
        runs = painted(view, CURRENT) + painted(view, MATCH)
        assert len(runs) == 3 and {fold(run) for run in runs} == {"ete"}
        # The reader sees "le site ete": a query across the link finds it.
        await pilot.press("ctrl+u", *"site ete", "enter")
        await pilot.pause()
        assert bar.status == "1/1"


async def test_an_article_without_combining_marks_takes_the_fast_regex(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, _ = parts(app)
        assert not view.article.marks
        await search(pilot, "chaleur")
        search_ = view.search
        assert search_ is not None and search_.query.head > 0  # starts at the "h"
        body = "".join(s.source for s in view.article.sections)
        assert search_.total == len(re.findall("chaleur", body, re.IGNORECASE)) > 0
        assert bar.status == f"1/{search_.total}"


# --- issue 10: the first Enter on a long article, counting while typing, Shift+F3 ------------


async def wait_until(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (a deadline, not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        await pilot.pause(0.02)


async def test_first_enter_on_a_long_article_goes_to_the_match(make_app, tmp_path) -> None:
    # 1,000 sections: section heights are estimates until rendered, which is what made the
    # first Enter stop short (the offsets settled, the view did not move).
    long = write_article(tmp_path / "long.md", 1_000)
    app = make_app(long, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, _ = parts(app)
        await search(pilot, "Section 903 ")
        search_ = view.search
        assert search_ is not None and search_.current is not None
        assert bar.status == "1/1"
        assert search_.current.section > 800
        assert view.scroll_y > 0
        assert current_on_screen(view)
        assert "Section 903 " in visible_text(view)
        assert painted(view, CURRENT) == ["Section 903 "]


async def test_the_count_follows_the_query_as_it_is_typed(make_app) -> None:
    app = make_app(FR, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, sidebar = parts(app)
        body = [s.source for s in view.article.sections]
        expected = sum(len(ELECTRICITE.findall(s)) for s in body)
        await pilot.press("slash", *"electricite")
        await wait_until(pilot, lambda: bar.status == f"{expected} matches · Enter")
        # Counted, highlighted and marked in the contents; the view waits for Enter.
        assert view.scroll_y == 0
        assert painted(view, MATCH) and painted(view, CURRENT) == []
        assert sidebar.match_count(0) == len(ELECTRICITE.findall(body[0]))
        # Edited: the old count is not shown while the new one is being made.
        await pilot.press("ctrl+u", *"chaleur")
        assert bar.status != f"{expected} matches · Enter"
        chaleur = sum(len(re.findall("chaleur", s, re.IGNORECASE)) for s in body)
        await wait_until(pilot, lambda: bar.status == f"{chaleur} matches · Enter")
        assert {fold(run) for run in painted(view, MATCH)} <= {"chaleur"}
        # Enter goes to the first match, then on.
        await pilot.press("enter")
        assert bar.status == f"1/{chaleur}"
        assert current_on_screen(view)
        await pilot.press("enter")
        assert bar.status == f"2/{chaleur}"
        # Erased: no count, no highlights.
        await pilot.press("ctrl+u")
        await wait_until(pilot, lambda: view.search is None)
        assert bar.status == "" and painted(view, MATCH) == []


async def test_the_count_while_typing_in_french_and_for_no_match(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _, bar, _ = parts(app)
        await pilot.press("slash", *"qqzz[/]")
        await wait_until(pilot, lambda: bar.status.startswith("Aucun résultat"))
        assert bar.status == "Aucun résultat pour « qqzz[/] »"
        await pilot.press("enter")
        assert bar.status == "Aucun résultat pour « qqzz[/] »" and app.is_running


async def test_shift_f3_as_a_terminal_sends_it(make_app) -> None:
    """xterm sends Shift+F3 as ESC [1;2R, which Textual parses as a cursor position report."""
    from textual._xterm_parser import XTermParser

    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, bar, _ = parts(app)
        await search(pilot, "electricite")
        assert view.search is not None
        total = view.search.total
        await pilot.press("escape")
        for event in XTermParser().feed("\x1b[1;2R"):
            app.post_message(event)
        await wait_until(pilot, lambda: bar.status == f"{total}/{total}")
        for event in XTermParser().feed("\x1bOR"):  # F3
            app.post_message(event)
        await wait_until(pilot, lambda: bar.status == f"1/{total}")


async def test_query_markup_is_shown_not_applied_when_nothing_matches(make_app) -> None:
    """Issue 16 item 3: the status quotes the query, on the no-match path too."""
    app = make_app(FR, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _, bar, _ = parts(app)
        await pilot.press("slash")
        for query in ("qqzz[/]", "[reverse]qqzz", "[@click=app.quit]qqzz[/]", "[b]qq[/b]zz"):
            await pilot.press("ctrl+u", *query, "enter")
            await pilot.pause()
            assert app.is_running
            assert bar.status == f"No match for “{query}”"
            status = bar.query_one("#search-status")
            shown = status.render()
            assert query in str(shown)
            strip = status.render_line(0)
            assert not any(seg.style and seg.style.reverse for seg in strip)
            assert not any(seg.style and seg.style.meta.get("@click") for seg in strip)
