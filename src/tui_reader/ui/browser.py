"""Opening a web address outside the terminal: the article's links, a sent comment's page.

Never a text browser in the terminal tui-reader runs in (core.find.links decides which browser,
and quotes the address where $BROWSER says `%s`); when none is reachable, or it fails to start,
the address is copied and shown instead.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable

from textual.app import App

from tui_reader.core.catalog import t


def launch(argv: list[str]) -> None:
    """Start a browser detached from this terminal: no shared stdin/stdout, own session."""
    subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def open_external(
    app: App[object], url: str, lang: str, notify: Callable[..., None] | None = None
) -> None:
    """Open a web or mail address with the system browser when there is one, else copy it."""
    say = notify or app.notify
    from tui_reader.core.find.links import safe_target, system_browser_command

    url = safe_target(url)  # no attach= parameter, even in the clipboard
    argv = system_browser_command(url)
    if argv is not None:
        try:
            launch(argv)
        except OSError as error:
            app.copy_to_clipboard(url)
            reason = error.strerror or str(error)
            say(t("links.open_failed", lang, reason=reason, url=url), timeout=10)
        else:
            say(t("links.opening", lang, url=url))
        return
    app.copy_to_clipboard(url)
    say(t("links.copied", lang, url=url), timeout=10)
