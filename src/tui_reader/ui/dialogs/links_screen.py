"""The links list (`l`): the links of the current section, chosen with the keyboard.

Enter (or a click) on a link closes the list and hands the link back to the reading screen,
which jumps to an internal one or opens an external one. Links that cannot be followed (an
unknown scheme, a section that does not exist) are listed but cannot be chosen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.core.article.model import Article
from tui_reader.core.catalog import t
from tui_reader.core.find.links import Link


def link_prompt(link: Link, article: Article, lang: str) -> tuple[Text, bool]:
    """A link's two-line entry (its text, then where it goes) and whether it can be followed."""
    prompt = Text(link.text, style="bold", overflow="ellipsis", no_wrap=True)
    prompt.append("\n")
    if link.kind == "internal":
        target = article.section_by_slug(link.slug)
        if target is None:
            prompt.append(t("links.broken", lang, slug=link.slug), style="dim")
            return prompt, False
        title = target.title or t("reading.lead", article.lang)
        prompt.append(t("links.internal", lang, title=title), style="dim italic")
        return prompt, True
    if link.kind == "external":
        prompt.append(link.href, style="dim underline")
        return prompt, True
    prompt.append(t("links.inert", lang, href=link.href), style="dim strike")
    return prompt, False


class LinksScreen(ModalScreen[Link | None]):
    CSS_PATH = "links_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l", "close", show=False),
        Binding("j", "move(1)", show=False),
        Binding("k", "move(-1)", show=False),
    ]

    def __init__(self, links: list[Link], article: Article, section_title: str, lang: str) -> None:
        super().__init__()
        self.links = links
        self.article = article
        self.section_title = section_title
        self.lang = lang

    def compose(self) -> ComposeResult:
        options = []
        for index, link in enumerate(self.links):
            prompt, followable = link_prompt(link, self.article, self.lang)
            options.append(Option(prompt, id=str(index), disabled=not followable))
        with Vertical(id="links-box") as box:
            # Content, not a str: a str is Textual markup, and the section title is article
            # text ("[/]" in it would crash the parser).
            box.border_title = Content(t("links.title", self.lang, section=self.section_title))
            box.border_subtitle = t("links.hint", self.lang)
            yield OptionList(*options, id="links-list")

    def on_mount(self) -> None:
        links = self.query_one(OptionList)
        links.focus()
        # The first entry that can be followed.
        links.highlighted = next(
            (i for i in range(links.option_count) if not links.get_option_at_index(i).disabled),
            None,
        )

    @on(OptionList.OptionSelected, "#links-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert event.option.id is not None
        self.dismiss(self.links[int(event.option.id)])

    def action_move(self, delta: int) -> None:
        links = self.query_one(OptionList)
        links.action_cursor_down() if delta > 0 else links.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
