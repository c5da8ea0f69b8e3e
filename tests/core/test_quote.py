"""The paragraph at the top of the reading view, found from the section's Markdown."""

from __future__ import annotations

from rich.console import Console

from tui_reader.core.comments.quote import (
    as_markdown_quote,
    blocks,
    fold_legacy_quote,
    for_editor,
    from_editor,
    paragraph_at,
    with_quote,
)
from tui_reader.core.render.markdown import render_lines

SECTION = """## L'eau, la ressource qu'on oublie

Dans les dossiers présentés aux investisseurs, l'eau occupe souvent une ligne modeste.
Sur le terrain, elle devient vite le sujet **principal**, voir [le rapport](https://x.fr/r).

> « Nous pouvons tout accepter, sauf l'incertitude. »

- une procédure de raccordement accélérée ;
- des pénalités pour les porteurs de projet.

| Site | MW |
|---|---|
| Lyon | 120 |

Dernier paragraphe, avec `du code` et une fin.
"""


def rendered(source: str, width: int = 40) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    return [
        "".join(seg.text for seg in line).strip() for line in render_lines(source, console, width)
    ]


def test_blocks_are_plain_text_in_order() -> None:
    found = blocks(SECTION)
    assert [b.kind for b in found] == [
        "heading", "paragraph", "paragraph", "paragraph", "paragraph", "table", "paragraph",
    ]  # fmt: skip
    assert found[1].text.endswith("le sujet principal, voir le rapport.")
    assert found[2].text == "« Nous pouvons tout accepter, sauf l'incertitude. »"
    assert found[6].text == "Dernier paragraphe, avec du code et une fin."


def test_heading_at_top_gives_the_first_paragraph() -> None:
    lines = rendered(SECTION)
    assert paragraph_at(SECTION, lines).startswith("Dans les dossiers présentés")


def test_every_rendered_line_maps_to_its_own_block() -> None:
    lines = rendered(SECTION, 30)
    expected = {
        "devient": "Dans les dossiers",
        "incertitude": "« Nous pouvons",
        "accélérée": "une procédure",
        "pénalités": "des pénalités",
        "Dernier": "Dernier paragraphe",
    }
    for i, line in enumerate(lines):
        for word, start in expected.items():
            if word in line:
                assert paragraph_at(SECTION, lines[i:]).startswith(start), line


def test_a_table_at_the_top_gives_the_next_paragraph() -> None:
    lines = rendered(SECTION, 60)
    top = next(i for i, line in enumerate(lines) if "Lyon" in line)
    assert paragraph_at(SECTION, lines[top:]).startswith("Dernier paragraphe")


def test_shared_phrase_is_told_apart_by_the_following_lines() -> None:
    source = (
        "Le même début de phrase.\n\nAutre chose.\n\nLe même début de phrase, puis une suite.\n"
    )
    assert paragraph_at(source, ["Le même début de phrase, puis une", "suite."]).endswith("suite.")
    assert paragraph_at(source, ["Le même début de phrase.", "", "Autre chose."]) == (
        "Le même début de phrase."
    )


def test_no_match_and_empty_sections() -> None:
    assert paragraph_at(SECTION, ["nothing like this"]).startswith("Dans les dossiers")
    assert paragraph_at("", []) == ""
    assert paragraph_at("## Only a title\n", ["Only a title"]) == ""
    assert paragraph_at("```\ncode line\n```\n", ["code line"]) == "code line"


def test_markdown_quote_and_replacing_the_previous_quote() -> None:
    assert as_markdown_quote("one\n\ntwo") == "> one\n>\n> two"
    first = with_quote("", "Premier passage.")
    assert first == "> Premier passage.\n\n"
    typed = first + "Mon avis."
    # Quoting again replaces the quote the comment starts with (edited or not).
    assert with_quote(typed, "Second.") == "> Second.\n\nMon avis."
    assert with_quote("> Prem\n> ier\n\n\nMon avis.", "Second.") == "> Second.\n\nMon avis."
    # A comment not starting with a quote keeps everything and gets one.
    assert with_quote("Mon avis.\n> cité plus bas", "Second.") == (
        "> Second.\n\nMon avis.\n> cité plus bas"
    )


def test_the_editor_file_ends_with_a_newline_and_comes_back_without() -> None:
    assert for_editor("one\ntwo") == "one\ntwo\n"
    assert for_editor("ends\n") == "ends\n" and for_editor("") == ""
    # A line appended by the editor (or `echo >>`) stays a line of its own.
    assert from_editor(for_editor("one") + "two\n", "one") == "one\ntwo"
    assert from_editor("one\r\n", "one") == "one"
    assert from_editor("kept\n", "kept\n") == "kept\n"
    assert from_editor("no newline", "x") == "no newline"


def test_legacy_quote_folding() -> None:
    assert fold_legacy_quote("> Q.\n\nC.", "Q.") == "> Q.\n\nC."
    assert fold_legacy_quote("C.", "Q.") == "> Q.\n\nC."
    assert fold_legacy_quote("C.", "  ") == "C."
