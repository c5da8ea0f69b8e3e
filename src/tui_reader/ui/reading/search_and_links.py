"""Search and links on the reading screen: a controller the screen owns (`screen.finder`).

The screen keeps the keys and the search bar's messages and hands them over; the controller
keeps the search's state and its workers (run on the screen, so they stop when it is left).

Keys (see the help screen): `/` opens the search bar; while the query is typed, the matches
are counted in a thread shortly after the last keystroke ("17 matches · Enter"), highlighted
and marked in the contents, without moving the view; Enter goes to the first match from the top
of the view, then to the next one; `>` / `<` (and F3 / shift+F3) go to the next / previous
match once the bar is closed (`n` and `p` are the section keys); Escape closes the bar, a
second Escape clears the highlights. `l` lists the links of the current section.

External links open in a graphical browser only when one is reachable (core.find.links decides);
otherwise, and if the browser fails to start, the address is copied and shown.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.worker import get_current_worker

from tui_reader.core.catalog import t
from tui_reader.ui.reading.search_bar import SearchBar

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from textual.screen import Screen
    from textual.timer import Timer

    from tui_reader.core.find.links import Link
    from tui_reader.core.find.search import Matches, Query, SearchIndex
    from tui_reader.ui.reading.article_search import ArticleSearch
    from tui_reader.ui.reading.article_view import ArticleView
    from tui_reader.ui.reading.section_list import SectionList

# Merged into ReadingScreen.BINDINGS.
SEARCH_BINDINGS = [
    Binding("slash", "search", "keys.search", key_display="/"),
    Binding("greater_than_sign,f3", "next_match", "keys.search_next", show=False),
    Binding("less_than_sign,shift+f3", "previous_match", "keys.search_previous", show=False),
    Binding("l", "links", "keys.links"),
]


# Seconds after the last keystroke in the search bar before the matches are counted: a fast
# typist's query is counted once, not once per letter (a count of a 37 MB article: ~0.2 s).
LIVE_COUNT_DELAY = 0.15


class SearchAndLinks:
    """The search and the links of one reading screen: its view (queried: it is composed
    later), its search bar and contents, and how to mount the bar before the first paint."""

    def __init__(
        self,
        screen: Screen[None],
        *,
        lang: str,
        view: Callable[[], ArticleView],
        search_bar: SearchBar,
        sidebar: SectionList,
        mount_bars: Callable[[], Awaitable[bool]],
    ) -> None:
        self.screen = screen
        self.lang = lang
        self._view = view
        self.search_bar = search_bar  # mounted after the first paint, by mount_bars
        self.sidebar = sidebar
        self._mount_bars = mount_bars
        self._live_timer: Timer | None = None

    @property
    def view(self) -> ArticleView:
        return self._view()

    def notify(self, message: str, *, timeout: float | None = None) -> None:
        self.screen.notify(message, timeout=timeout)

    # --- the search bar -----------------------------------------------------------------

    async def open_bar(self) -> None:
        if not await self._mount_bars():  # "/" pressed before the first paint
            return
        self.search_bar.open()
        index = self.view.article.search_index
        # While the query is typed: the first search of a big article then costs no more.
        self.screen.run_worker(
            lambda: index.prepare(pause=lambda: time.sleep(0)),
            thread=True,
            exclusive=True,
            group="search-index",
        )

    def next_match(self) -> None:
        self._step_match(True)

    def previous_match(self) -> None:
        self._step_match(False)

    def _step_match(self, forward: bool) -> None:
        search = self.view.search
        if search is None:
            self.notify(t("search.none", self.lang))
            return
        search.step(forward)
        self._show_search_status()
        self.search_bar.open(focus=False)  # "3/17" stays in sight

    # --- counting while the query is typed ------------------------------------------------

    def edited(self, event: SearchBar.Edited) -> None:
        self._stop_live_count()
        search = self.view.search
        if search is not None and search.query.text == event.query and self._same_scope(search):
            self._show_search_status()  # back to the query searched: its count holds
            return
        self.search_bar.show_status(t("search.counting", self.lang) if event.query.strip() else "")
        self._live_timer = self.screen.set_timer(LIVE_COUNT_DELAY, self._count_live)

    def _stop_live_count(self) -> None:
        if self._live_timer is not None:
            self._live_timer.stop()
            self._live_timer = None
        self.screen.workers.cancel_group(self.screen, "search-count")

    def _live_scope(self) -> int | None:
        return self.view.current_section if self.search_bar.section_only else None

    def _count_live(self) -> None:
        self._live_timer = None
        compiled = self.view.article.search_index.compile(self.search_bar.value)
        if compiled is None:  # the query was erased: so are its highlights
            if self.view.search is not None:
                self.clear_search()
            return
        index, scope = self.view.article.search_index, self._live_scope()
        self.screen.run_worker(
            lambda: self._count_matches(index, compiled, scope),
            thread=True,
            exclusive=True,
            group="search-count",
        )

    def _count_matches(self, index: SearchIndex, query: Query, scope: int | None) -> None:
        """In a thread: the matches, handed to the UI thread unless cancelled meanwhile."""
        from tui_reader.core.find.search import SearchStopped

        worker = get_current_worker()
        try:
            matches = index.matches(query, scope, stop=lambda: worker.is_cancelled)
        except SearchStopped:
            return
        if not worker.is_cancelled:
            self.screen.app.call_from_thread(self._counted, query, scope, matches)

    def _counted(self, query: Query, scope: int | None, matches: Matches) -> None:
        """A count made while typing: shown if the bar still holds that query and Enter did
        not search it meanwhile. The view stays where it is until Enter."""
        if not self.screen.is_attached or self.search_bar.value != query.text:
            return
        if scope != self._live_scope():
            return
        search = self.view.search
        if search is not None and search.query.text == query.text and self._same_scope(search):
            return
        from tui_reader.ui.reading.article_search import ArticleSearch

        self.view.search = ArticleSearch(self.view, query, scope, matches)
        self.sidebar.set_match_counts(matches.counts)
        self._show_search_status()
        self.view.refresh()

    # --- Enter, arrows, scope -----------------------------------------------------------

    def submitted(self, event: SearchBar.Submitted) -> None:
        self._stop_live_count()
        search = self.view.search
        if search is not None and search.query.text == event.query and self._same_scope(search):
            search.step(True)  # Enter again: the next match, as in a browser
            self._show_search_status()
        else:
            self._run_search(event.query)

    def stepped(self, event: SearchBar.Step) -> None:
        self._stop_live_count()
        search = self.view.search
        if search is None or search.query.text != self.search_bar.value:
            self._run_search(self.search_bar.value)
        else:
            search.step(event.forward)
            self._show_search_status()

    def scope_toggled(self, event: SearchBar.ScopeToggled) -> None:
        self._stop_live_count()
        self._run_search(self.search_bar.value)

    def closed(self, event: SearchBar.Closed) -> None:
        self.close_search_bar()

    def _same_scope(self, search: ArticleSearch) -> bool:
        return (search.scope is not None) == self.search_bar.section_only

    def _run_search(self, query: str) -> None:
        view = self.view
        compiled = view.article.search_index.compile(query)
        if compiled is None:
            return  # an empty query does nothing
        scope = view.current_section if self.search_bar.section_only else None
        from tui_reader.ui.reading.article_search import ArticleSearch

        search = ArticleSearch(view, compiled, scope)
        view.search = search
        search.first()
        self.sidebar.set_match_counts(search.counts)
        self._show_search_status()
        view.refresh()

    def _show_search_status(self) -> None:
        search = self.view.search
        bar = self.search_bar
        if search is None:
            bar.show_status("")
        elif not search.total:
            key = "search.no_match" if search.scope is None else "search.no_match_section"
            bar.show_status(t(key, self.lang, query=search.query.text), no_match=True)
        elif not search.rank:  # counted while typing: Enter goes there
            key = "search.found_one" if search.total == 1 else "search.found"
            bar.show_status(t(key, self.lang, total=search.total))
        else:
            bar.show_status(t("search.count", self.lang, rank=search.rank, total=search.total))

    def close_search_bar(self) -> None:
        self._stop_live_count()
        self.search_bar.close()
        self.view.focus()

    def clear_search(self) -> None:
        self._stop_live_count()
        self.view.search = None
        self.view.refresh()
        self.sidebar.set_match_counts(None)
        self.search_bar.show_status("")

    def escape_search(self) -> bool:
        """Escape on the reading screen: close the bar, else clear the search. False when
        there is neither, and Escape means going back."""
        if self.search_bar.is_open:
            self.close_search_bar()
            return True
        if self.view.search is not None:
            self.clear_search()
            return True
        return False

    # --- links --------------------------------------------------------------------------

    def list_links(self) -> None:
        section = self.view.article.sections[self.view.current_section]
        from tui_reader.core.find.links import extract_links  # links are rarely listed

        links = extract_links(section.source)
        if not links:
            self.notify(t("links.empty", self.lang))
            return
        title = section.title or t("reading.lead", self.view.article.lang)
        from tui_reader.ui.dialogs.links_screen import LinksScreen

        self.screen.app.push_screen(
            LinksScreen(links, self.view.article, title, self.lang), self._follow_link
        )

    def _follow_link(self, link: Link | None) -> None:
        if link is None:
            return
        if link.kind == "internal":
            if not self.view.jump_to_slug(link.slug):
                self.notify(t("links.missing_section", self.lang, slug=link.slug))
            self.view.focus()
        elif link.kind == "external":
            self.open_external(link.href, [link])

    def open_external(self, url: str, links: list[Link] | None = None) -> None:
        """Open a web or mail link with the system browser when there is one, else copy it.
        A link whose text names another site (issue 16) is opened only once the user has
        seen where it really leads and said yes. `links`: the link chosen from the list;
        for a click in the text, the links of the sections nearest the view are looked at."""
        from tui_reader.core.find.links import safe_target, spoofed_host, system_browser_command

        target = safe_target(url)  # no attach= parameter, even in the clipboard
        if system_browser_command(target) is None:  # copied and shown: nothing opens
            self._open(target)
            return
        host = spoofed_host(self._links_to(url) if links is None else links, url)
        if host is None:
            self._open(target)
            return
        from tui_reader.core.sanitize import make_inert
        from tui_reader.ui.dialogs.confirm_screen import ConfirmScreen

        question = t("links.confirm_spoofed", self.lang, host=host, url=make_inert(target))
        yes = t("links.confirm_open", self.lang)

        def answered(open_it: bool | None) -> None:
            if open_it:
                self._open(target)

        self.screen.app.push_screen(ConfirmScreen(question, self.lang, yes=yes), answered)

    def _links_to(self, url: str) -> list[Link]:
        """The links of the first section holding a link to `url`, nearest the view first
        (a click is on the screen: the current section or one just below or above)."""
        from tui_reader.core.find.links import extract_links

        sections = self.view.article.sections
        current = self.view.current_section
        for index in sorted(range(len(sections)), key=lambda i: (abs(i - current), i < current)):
            links = extract_links(sections[index].source)
            if any(link.href == url for link in links):
                return links
        return []

    def _open(self, url: str) -> None:
        from tui_reader.ui.browser import open_external

        open_external(self.screen.app, url, self.lang, self.notify)
