"""Control characters in article text are made inert, fast and completely."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.sanitize import make_inert, utf8_has_controls


def is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in "\n\t"


def test_escape_sequences_become_pictures() -> None:
    assert make_inert("clear\x1b[2Jscreen") == "clear␛[2Jscreen"
    # OSC 52 would write the clipboard; BEL terminates it.
    assert make_inert("\x1b]52;c;ZXZpbA==\x07") == "␛]52;c;ZXZpbA==␇"


def test_other_c0_controls_del_and_c1() -> None:
    assert make_inert("a\x08b\x00c\x7fd") == "a␈b␀c␡d"
    assert make_inert("\x9b2J and \x85") == "\ufffd2J and \ufffd"
    assert make_inert("form\x0cfeed\x0bvt\rcr") == "form␌feed␋vt␍cr"


def test_newline_tab_markup_and_other_text_are_kept() -> None:
    text = "line\n\tindented [bold red]not markup[/] café ␛ \u00a0 🎉"
    assert make_inert(text) is text


@given(st.text())
def test_no_control_survives_except_newline_and_tab(text: str) -> None:
    inert = make_inert(text)
    assert not any(is_control(char) for char in inert)
    assert len(inert) == len(text)  # one character for one: offsets stay meaningful


@given(st.text())
def test_byte_check_agrees_with_the_str_check(text: str) -> None:
    text = text.replace("\r", "")  # the byte check runs after line endings were normalised
    assert utf8_has_controls(text.encode("utf-8", "surrogatepass")) == (make_inert(text) != text)


def test_byte_check() -> None:
    assert not utf8_has_controls("plain\ttext\r\nwith é and ç".encode())
    assert utf8_has_controls(b"esc \x1b[31m")
    assert utf8_has_controls("c1 \x9b".encode())  # \xc2\x9b
    assert not utf8_has_controls("\u00c2\u00a0 and \u0100".encode())  # \xc2 followed by no C1
