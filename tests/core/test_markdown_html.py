"""Issue 11: the HTML Markdown writers use, .html files, footnotes and TOML front matter."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from tui_reader.core.article.model import Notice, parse_article
from tui_reader.core.find.links import extract_links
from tui_reader.core.render.markdown import section_renderable


def shown(source: str, width: int = 70) -> str:
    console = Console(width=width, color_system=None, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(section_renderable(source, width))
    return "\n".join(line.rstrip() for line in console.export_text().split("\n"))


def test_br_breaks_the_line() -> None:
    lines = shown("une ligne<br>coupée et<br/>encore\n").split("\n")
    assert lines[:3] == ["une ligne", "coupée et", "encore"]


def test_inline_tags_are_text_never_raw() -> None:
    text = shown(
        "H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, "
        '<img src="chat.png" alt="un chat">, <b>gras</b>, <span class="x">span</span>'
        "<script>alert(1)</script>.\n"
    )
    assert "H₂O, x², Ctrl+C, un chat, gras, span." in text
    assert "<" not in text and "alert" not in text


def test_details_summary_paragraphs_and_lists() -> None:
    text = shown(
        "<details>\n<summary>Plus de détails</summary>\n\nContenu caché.\n\n</details>\n\n"
        "<p>Un paragraphe <em>HTML</em>.</p>\n<ul><li>un</li><li>deux</li></ul>\n\n"
        "<style>\nbody { color: red }\n</style>\n"
    )
    assert "▸ Plus de détails" in text
    assert "Contenu caché." in text
    assert "Un paragraphe HTML." in text
    assert "• un" in text and "• deux" in text
    assert "<" not in text and "color" not in text


def test_a_web_page_saved_as_md_shows_its_text() -> None:
    page = (
        "<!DOCTYPE html>\n<html><head><title>Page</title><script>x()</script></head>\n"
        "<body><h1>Titre</h1><p>Le texte de la page.</p></body></html>\n"
    )
    text = shown(page)
    assert "Le texte de la page." in text
    assert "<" not in text and "x()" not in text


def test_an_html_file_opens_with_its_main_content(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html lang="fr"><head><title>Le titre</title><style>p{}</style></head><body>'
        "<nav>Menu Accueil</nav><article><h1>Le titre</h1><p>Premier <b>paragraphe</b>.</p>"
        '<script>alert(1)</script><p>Un <a href="https://example.org/">lien</a>.</p>'
        "</article><footer>Pied</footer></body></html>",
        encoding="utf-8",
    )
    from tui_reader.core.article.model import load_article

    article = load_article(path)
    assert article.title == "Le titre"
    assert article.lang == "fr"
    assert "Premier **paragraphe**." in article.body
    assert "[lien](https://example.org/)" in article.body
    for hidden in ("Menu", "Pied", "alert", "<"):
        assert hidden not in article.body


def test_footnotes_render_and_the_reference_is_a_link_to_the_definition() -> None:
    raw = b"# T\n\n## A\n\nUne note[^1] ici.\n\n## Notes\n\n[^1]: La note elle-meme.\n"
    article = parse_article(raw, Path("n.md"))
    section_a = article.sections[1]
    assert "Une note[1] ici." in shown(section_a.source)
    assert "[^" not in shown(section_a.source)
    links = extract_links(section_a.source)
    assert [(link.text, link.kind) for link in links] == [("[1]", "internal")]
    target = article.section_by_slug(links[0].href)
    assert target is not None and target.title == "Notes"
    notes = shown(article.sections[2].source)
    assert "[1] La note elle-meme." in notes
    assert "[^1]:" not in notes


def test_toml_front_matter_is_read() -> None:
    raw = (
        b'+++\ntitle = "Un titre TOML"\nauthor = "Camille"\ndate = 2024-05-06\nlang = "fr"\n'
        b"+++\n\nLe corps.\n"
    )
    article = parse_article(raw, Path("t.md"))
    assert (article.title, article.author, article.date, article.lang) == (
        "Un titre TOML",
        "Camille",
        "2024-05-06",
        "fr",
    )
    assert article.body == "Le corps.\n"


def test_invalid_toml_front_matter_stays_out_of_the_text_with_a_notice() -> None:
    article = parse_article(b'+++\ntitle = "open\n+++\n\nLe corps.\n', Path("bad.md"))
    assert article.body == "Le corps.\n"
    assert [n.key for n in article.notices] == ["notice.bad_front_matter"]
    assert article.notices[0] == Notice(
        "notice.bad_front_matter", {"path": "bad.md", "reason": article.notices[0].params["reason"]}
    )


def test_invalid_yaml_front_matter_is_no_rule_nor_heading() -> None:
    article = parse_article(b"---\ntitle: [broken\n---\n\n# Vrai titre\n\nCorps.\n", Path("b.md"))
    assert [s.title for s in article.sections] == ["Vrai titre"]
    assert article.body.startswith("# Vrai titre")
