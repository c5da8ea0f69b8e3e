"""What screens and widgets may ask of the app, typed, without importing it.

`ui.app` imports the screens, so a screen importing `ui.app` back would close an import cycle.
Screens reach the app through `shell(self)`, typed as `ReaderShell`, which `ReaderApp`
implements (mypy checks it, see the end of ui/app.py). Navigation belongs to the app: a screen
asks for the drafts, the help or a comment, and never builds another screen itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from textual.dom import DOMNode

    from tui_reader.core.article.model import Article
    from tui_reader.core.comments.drafts import Draft, DraftStore
    from tui_reader.core.storage.atomic_file import FileProblem
    from tui_reader.core.storage.library import ArticleInfo
    from tui_reader.core.storage.positions import PositionStore
    from tui_reader.core.storage.settings import Settings
    from tui_reader.core.web.thread_layout import CommentBlock


class ReaderShell(Protocol):
    lang: str  # the interface language
    positions: PositionStore

    @property
    def settings(self) -> Settings: ...

    @property
    def drafts(self) -> DraftStore: ...

    @property
    def articles(self) -> list[ArticleInfo]: ...

    def remember_setting(self, **changes: object) -> None: ...

    def report(self, problems: Iterable[FileProblem], *, timeout: float = 10) -> None: ...

    # --- navigation ---------------------------------------------------------------------

    def open_article(self, path: Path) -> None: ...

    def show_article(self, article: Article) -> None: ...

    def back_to_library(self) -> None: ...

    def show_drafts(self, article: Article | None = None) -> None: ...

    def show_help(self) -> None: ...

    def sync_feeds(self) -> None: ...

    def relist_library(self) -> None: ...

    def compose_comment(
        self,
        article: Article,
        draft: Draft | None = None,
        *,
        new: bool = False,
        section_slug: str | None = None,
        back_to_drafts: bool = False,
    ) -> None: ...

    def compose_reply(self, article: Article, comment: CommentBlock) -> None: ...

    def open_draft(self, draft: Draft) -> None: ...

    def fetch_article(self) -> None: ...


def shell(node: DOMNode) -> ReaderShell:
    """The running ReaderApp, as screens and widgets may use it."""
    return cast("ReaderShell", node.app)


def app_keys(screen: object) -> frozenset[str]:
    """The app-wide keys (ReaderApp.BINDINGS, by action name) that apply on `screen`: those
    its `APP_KEYS` names; none on a screen that is not ours (the start-up placeholder)."""
    keys = getattr(screen, "APP_KEYS", None)
    return keys if isinstance(keys, frozenset) else frozenset()
