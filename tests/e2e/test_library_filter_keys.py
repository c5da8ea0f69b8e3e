"""The library's filter typed fast in the installed `reader` (issue 11): `/`, the query and
Enter in one burst open the article the query keeps, and its letters never act as keys."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import StartReader

ARTICLES = {
    "a.md": "---\ntitle: Quarterly digest\ndate: 2026-05-01\n---\nText.\n",
    "b.md": "---\ntitle: Le réseau électrique\ndate: 2026-04-01\n---\nDu texte.\n",
    "sub/c.md": "---\ntitle: Des trains de nuit\ndate: 2026-03-01\n---\nDu texte.\n",
    "d.md": "---\ntitle: Sleeper trains in Sweden\ndate: 2026-02-01\n---\nText.\n",
}


def test_query_and_enter_in_one_burst_open_the_right_article(
    reader: StartReader, tmp_path: Path
) -> None:
    shelf = tmp_path / "shelf"
    for name, text in ARTICLES.items():
        (shelf / name).parent.mkdir(parents=True, exist_ok=True)
        (shelf / name).write_text(text, encoding="utf-8")
    app = reader(str(shelf))
    app.wait_text("Quarterly digest")
    app.wait_stable()

    # `q`, `s` and `d` are keys of the library: here they are letters of the query.
    app.press("/", "sdqtrains")  # no article has all that
    app.wait_text("0 of 4 articles")
    assert not app.exited()
    # Escape alone: ESC and a key in one write is how terminals send Alt+key.
    app.press("Escape")
    app.wait_gone("0 of 4 articles")
    app.press("/", "trains nuit", "Enter")

    app.wait_text("Du texte.")  # the article the query kept is open
    assert "Des trains de nuit" in app.screen_text()
    assert "Sleeper" not in app.screen_text()
    assert not app.exited()
    app.press("q")
    assert app.exit_code() == 0
