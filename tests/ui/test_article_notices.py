"""Issue 11: the app says which encoding it assumed, and that broken front matter was ignored,
through the load notices; the text shows correctly."""

from __future__ import annotations

import codecs
from pathlib import Path

from tui_reader.ui.reading.article_view import ArticleView

TEXT = "# L’été\n\nÇa coûte 5 €, à côté de la forêt, n’est-ce pas ?\n"


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def view_text(app) -> str:
    view = app.screen.query_one(ArticleView)
    rows = range(view.scrollable_content_region.height)
    return "\n".join("".join(seg.text for seg in view.render_line(y)) for y in rows)


async def test_a_cp1252_article_shows_right_and_names_its_encoding(
    make_app, tmp_path: Path
) -> None:
    path = tmp_path / "vieux.md"
    path.write_bytes(TEXT.encode("cp1252"))
    app = make_app(path, "fr")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Windows-1252" in m and "vieux.md" in m for m in notifications(app))
        shown = view_text(app)
        assert "Ça coûte 5 €, à côté de la forêt" in shown
        assert "\ufffd" not in shown


async def test_a_utf16_article_opens(make_app, tmp_path: Path) -> None:
    path = tmp_path / "notepad.md"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("UTF-16 LE" in m for m in notifications(app))
        assert "Ça coûte 5 €" in view_text(app)


async def test_broken_front_matter_is_a_notice_not_a_heading(make_app, tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("+++\ntitle = [\n+++\n\nLe corps du texte.\n", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("front matter" in m for m in notifications(app))
        shown = view_text(app)
        assert "Le corps du texte." in shown
        assert "+++" not in shown and "title" not in shown
