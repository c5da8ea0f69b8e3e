"""The reading screen's header: the title, then the article's details on one line that keeps
what matters at any width.

The details are the author, the source address, the date, the language, the reading time and
"comments open". When they do not fit, the address is shortened to its host, then left out,
then the date; only then is the line cut (the author's end), so that the reading time and
whether comments are open stay visible at 80 columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.text import Text

SEPARATOR = " · "


@dataclass
class Details:
    author: str
    source_url: str
    date: str
    rest: list[str]  # language, reading time, comments open: always kept

    def fitted(self, width: int) -> str:
        for parts in self._choices():
            line = SEPARATOR.join(part for part in parts if part)
            if cell_len(line) <= width:
                return line
        tail = SEPARATOR.join([*self.rest])
        room = width - cell_len(tail) - len(SEPARATOR)
        if self.author and room > 1:
            author = Text(self.author)
            author.truncate(room, overflow="ellipsis")
            return author.plain + SEPARATOR + tail
        return tail

    def _choices(self) -> list[list[str]]:
        host = urlsplit(self.source_url).hostname or ""
        return [
            [self.author, self.source_url, self.date, *self.rest],
            [self.author, host, self.date, *self.rest],
            [self.author, self.date, *self.rest],
            [self.author, *self.rest],
        ]


class DetailsLine:
    """The details, fitted to the width they are given."""

    def __init__(self, details: Details) -> None:
        self.details = details

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.details.fitted(options.max_width), style="dim", no_wrap=True)


def header_with_details(title: str, details: Details) -> Group:
    return Group(Text(title, style="bold", overflow="ellipsis", no_wrap=True), DetailsLine(details))
