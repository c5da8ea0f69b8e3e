"""Reading files and decoding bytes: encodings, line endings and every way a file can fail."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tui_reader.core.article import source
from tui_reader.core.article.source import decode_source, display_path, read_source
from tui_reader.core.errors import ArticleError


def decode(raw: bytes) -> str:
    return decode_source(raw, "x.md").text


def test_utf8_with_and_without_bom() -> None:
    assert decode("Café\n".encode()) == "Café\n"
    assert decode(b"\xef\xbb\xbf" + "Café\n".encode()) == "Café\n"


def test_line_endings_are_normalised() -> None:
    assert decode(b"a\r\nb\rc\nd\r\n\r\n") == "a\nb\nc\nd\n\n"


def test_invalid_utf8_is_replaced_and_counted() -> None:
    # UTF-8 with a damaged byte stays UTF-8 (latin-1 text is detected: test_decoding.py).
    decoded = decode_source("Déjà vu, ça va\n".encode() + b"\xff\n", "x.md")
    assert decoded.text == "Déjà vu, ça va\n\ufffd\n"
    assert decoded.bad_bytes == 1
    assert decoded.encoding is None


def test_replacement_characters_already_in_the_file_are_not_counted() -> None:
    decoded = decode_source("already \ufffd here\n".encode(), "x.md")
    assert decoded.bad_bytes == 0


def test_text_hash_is_sha256_of_the_decoded_text() -> None:
    raw = b"\xef\xbb\xbf# Title\r\n"
    assert decode_source(raw, "x.md").text_hash == hashlib.sha256(b"# Title\r\n").hexdigest()
    bad = decode_source("déjà".encode() + b"\xe9\n", "x.md")
    assert bad.text_hash == hashlib.sha256("déjà\ufffd\n".encode()).hexdigest()


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(ArticleError) as caught:
        decode_source(b"\x89PNG\r\n\x1a\n\x00\x00", "image.md")
    assert caught.value.key == "error.binary"
    assert caught.value.params == {"path": "image.md"}


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", "\u00a0\n".encode()])
def test_empty_or_blank(raw: bytes) -> None:
    with pytest.raises(ArticleError) as caught:
        decode_source(raw, "empty.md")
    assert caught.value.key == "error.empty"


def test_display_path_is_inert_and_names_stdin() -> None:
    assert display_path(None) == "<stdin>"
    assert display_path(Path("evil\x1b[2J.md")) == "evil␛[2J.md"


# --- read_source -----------------------------------------------------------------------------


def error_of(path: Path) -> ArticleError:
    with pytest.raises(ArticleError) as caught:
        read_source(path)
    return caught.value


def test_reads_supported_files(tmp_path: Path) -> None:
    for name in ("a.md", "b.markdown", "c.txt", "D.MD"):
        (tmp_path / name).write_bytes(b"# x\n")
        assert read_source(tmp_path / name) == b"# x\n"


def test_missing(tmp_path: Path) -> None:
    error = error_of(tmp_path / "nope.md")
    assert error.key == "error.not_found"
    assert error.params["path"] == str(tmp_path / "nope.md")
    assert error_of(tmp_path / "file.md" / "below.md").key == "error.not_found"


def test_directory_and_other_extensions_are_unsupported(tmp_path: Path) -> None:
    (tmp_path / "dir.md").mkdir()
    (tmp_path / "photo.jpg").write_bytes(b"jpeg")
    assert error_of(tmp_path / "dir.md").key == "error.unsupported"
    assert error_of(tmp_path / "photo.jpg").key == "error.unsupported"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_unsupported_rather_than_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    assert error_of(tmp_path / "pipe.md").key == "error.unsupported"


def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: permissions do not stop reads")
    error = error_of(path)
    assert error.key == "error.unreadable"
    assert error.params["reason"]


def test_os_errors_while_reading_are_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Works as root too, where chmod 0 does not stop reads.
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source, "open", refuse, raising=False)
    error = error_of(path)
    assert error.key == "error.unreadable"
    assert error.params == {"path": str(path), "reason": "Permission denied"}
