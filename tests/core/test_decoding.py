"""Issue 11: articles in other encodings than UTF-8 open, say which encoding was assumed, and
UTF-8 stays the fast path (no detection at all)."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from tui_reader.core.article.model import ArticleError, Notice, parse_article
from tui_reader.core.storage.library import list_articles

FRENCH = (
    "# L’été à Noël\n\n"
    "Été « à » l’œuvre, 5 € : ça coûte très cher, n’est-ce pas ? Les élèves étaient là, "
    "à côté de la forêt, où l’on déjeunait près du lac.\n"
)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_western_european_bytes_are_detected_and_announced(codec: str) -> None:
    text = (
        FRENCH
        if codec == "cp1252"
        else FRENCH.replace("œ", "oe").replace("€", "E").replace("’", "'")
    )
    article = parse_article(text.encode(codec), Path("vieux.md"))
    assert article.body == text
    assert "\ufffd" not in article.body
    assert article.notices == [
        Notice("notice.assumed_encoding", {"path": "vieux.md", "encoding": "Windows-1252"})
    ]
    assert article.lang == "fr"


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16-le", "UTF-16 LE"),
        ("utf-16-be", "UTF-16 BE"),
        ("utf-32-le", "UTF-32 LE"),
        ("utf-32-be", "UTF-32 BE"),
    ],
)
def test_utf16_and_utf32_with_a_bom(codec: str, name: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    raw = bom + FRENCH.replace("\n", "\r\n").encode(codec)
    article = parse_article(raw, Path("notepad.md"))
    assert article.body == FRENCH
    assert article.title == "L’été à Noël"
    assert article.notices == [
        Notice("notice.assumed_encoding", {"path": "notepad.md", "encoding": name})
    ]


def test_a_stray_nul_is_shown_inert() -> None:
    prose = "Un paragraphe ordinaire, assez long pour un vrai article. " * 20
    article = parse_article(f"# T\n\n{prose}\n\nUne ligne\x00avec un NUL.\n".encode(), Path("n.md"))
    assert article.body.endswith("\n\nUne ligne\u2400avec un NUL.\n")
    # A few bytes with a NUL among them are no text.
    with pytest.raises(ArticleError):
        parse_article(b"\x00\x1b[2J", Path("n.md"))


def test_controls_in_another_encoding_are_made_inert() -> None:
    raw = codecs.BOM_UTF16_LE + "# T\n\nÉchap \x1b[2J ici\n".encode("utf-16-le")
    assert "\x1b" not in parse_article(raw, Path("esc.md")).body


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 200 + b"text",
        bytes(range(256)) * 40,
    ],
)
def test_real_binary_files_are_still_refused(raw: bytes) -> None:
    with pytest.raises(ArticleError) as caught:
        parse_article(raw, Path("image.md"))
    assert caught.value.key == "error.binary"


def test_valid_utf8_never_imports_the_detector() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tui_reader.core.article.model import parse_article\n"
        "a = parse_article(('# Été\\n\\n' + 'é à œ « » ’ € ' * 100000).encode(), Path('a.md'))\n"
        "assert a.notices == [], a.notices\n"
        "print('charset_normalizer' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_library_lists_utf16_and_cp1252_articles(tmp_path: Path) -> None:
    (tmp_path / "notepad.md").write_bytes(codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"))
    (tmp_path / "windows.md").write_bytes(FRENCH.replace("Noël", "Pâques").encode("cp1252"))
    (tmp_path / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    listing = list_articles(tmp_path)
    assert sorted(a.title for a in listing.articles) == ["L’été à Noël", "L’été à Pâques"]
    assert [path.name for path, _ in listing.problems] == ["photo.md"]


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1251", "# Привет\n\nЭто статья на русском языке, довольно длинная, чтобы понять.\n"),
        ("cp1250", "# Zażółć gęślą jaźń\n\nPolski tekst ze znakami: łódź, źrebię, żółw, ćma.\n"),
        (
            "shift_jis",
            "# 日本語\n\nこれは日本語の記事です。文字コードを判定するのに十分な長さです。\n",
        ),
    ],
)
def test_other_encodings_are_not_taken_for_cp1252(codec: str, text: str) -> None:
    article = parse_article(text.encode(codec), Path("x.md"))
    assert article.body == text
    assert article.notices[0].params["encoding"] != "Windows-1252"
