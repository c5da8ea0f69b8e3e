"""The pty harness itself: the installed script starts, paints, resizes and exits."""

from __future__ import annotations

from tests.e2e.conftest import StartReader


def test_library_paints_resizes_and_quits(reader: StartReader) -> None:
    app = reader()
    app.wait_text("Library — bundled articles")
    app.wait_text("The Night Train Is Back")
    # The footer, on the last row.
    app.wait_until(lambda: app.lines()[-1].lstrip().startswith("F Fetch  d Drafts"), what="footer")

    app.resize(24, 70)
    app.wait_until(lambda: len(app.lines()) == 24 and "Drafts" in app.lines()[-1], what="resized")
    assert all(len(line) <= 70 for line in app.lines())

    app.press("q")
    assert app.exit_code() == 0
