"""A fast typist in the comment thread of a fetched article, in a real terminal: the keys
typed before the thread is even read reply to the right comment (ui.key_queue waits for it)."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import StartReader
from tests.e2e.test_composer_keys import remember_identity
from tests.pty_app import keys
from tests.ui.thread_files import saved_article


def test_G_r_typed_at_once_replies_to_the_last_comment(
    reader: StartReader, home: Path, tmp_path: Path
) -> None:
    remember_identity(home)  # name and e-mail prefilled: Ctrl+S can post at once
    article = saved_article(tmp_path / "library")
    app = reader(str(article))
    # Once the article is painted (before, the terminal is not raw yet and would take Ctrl+S
    # as XOFF), one burst, with the thread perhaps not read yet: to the end (the last comment,
    # Chloé's), reply, type, post. Nothing waits for the screen.
    app.wait_text("The lead.")
    app.send(keys("G", "r", "Merci Chloé.", "Ctrl+S"))
    (draft,) = app.wait_drafts(lambda found: len(found) == 1 and found[0]["status"] == "ready")
    assert draft["comment_parent"] == 5
    assert draft["comment"] == "Merci Chloé."
    assert draft["destination"]["post_id"] == 4
    app.wait_text("Comments (4)")  # back on the thread, the form closed
    assert "Reply to" not in app.screen_text()
    app.press("q")
    assert app.exit_code() == 0
