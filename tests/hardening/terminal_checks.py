"""What may reach a terminal, checked on text, on Strips and on the bytes Textual would write.

Issue 6: nothing in an article may reach the terminal raw. The only escape sequences allowed in
output are the ones the program itself makes: SGR colours, cursor moves (Textual's own screen
updates) and OSC 8 hyperlinks to http, https or mailto addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.segment import Segment

from tui_reader.core.render.markdown import is_external

# Every C0 control but newline, DEL, and the C1 controls (which some terminals obey as ESC+x).
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Tab is legal in plain-text output (Rich expands tabs in the app); ESC is looked at separately.
_ESCAPE = re.compile(
    r"\x1b\[[0-9;]*m"  # SGR
    r"|\x1b\[[0-9]+;[0-9]+H"  # cursor position (Textual's screen updates)
    r"|\x1b\]8;(?P<params>[^;\x1b\x07]*);(?P<url>[^\x1b\x07]*)\x1b\\"  # OSC 8 hyperlink
)


def escape_problems(output: str) -> list[str]:
    """Everything in terminal `output` that is not plain text, allowed SGR or allowed OSC 8."""
    problems: list[str] = []
    pos = 0
    for match in re.finditer(r"\x1b", output):
        start = match.start()
        if start < pos:
            continue
        sequence = _ESCAPE.match(output, start)
        if sequence is None:
            problems.append(f"raw ESC at {start}: {output[start : start + 24]!r}")
            pos = start + 1
            continue
        url = sequence["url"]
        if url and not is_external(url):
            problems.append(f"OSC 8 to {url!r}")
        pos = sequence.end()
    # Other controls outside escape sequences (after removing the allowed sequences).
    stripped = _ESCAPE.sub("", output).replace("\x1b", "")
    for control in CONTROL.finditer(stripped.replace("\t", " ")):
        near = stripped[max(0, control.start() - 12) : control.end() + 12]
        problems.append(f"control U+{ord(control.group()):04X} near {near!r}")
    return problems


def plain(output: str) -> str:
    """`output` without its allowed escape sequences: the text a user reads."""
    return _ESCAPE.sub("", output)


def segment_problems(lines: Iterable[Iterable[Segment]], where: str = "") -> list[str]:
    """Control characters in segment texts, and hyperlinks that are not http/https/mailto."""
    problems: list[str] = []
    for y, line in enumerate(lines):
        for segment in line:
            if segment.control:
                problems.append(f"{where} row {y}: control segment {segment!r}")
            if CONTROL.search(segment.text):
                problems.append(f"{where} row {y}: control in {segment.text!r}")
            style = segment.style
            if style is not None and style.link and not is_external(style.link):
                problems.append(f"{where} row {y}: link to {style.link!r}")
    return problems


def screen_problems(app: object, where: str = "") -> list[str]:
    """The whole composited screen of a running Textual app (toasts, modals, every widget):
    its Strips, then the very text Textual's driver would write for a full repaint."""
    from textual._compositor import LayoutUpdate

    screen = app.screen  # type: ignore[attr-defined]
    compositor = screen._compositor
    strips = compositor.render_strips()
    problems = segment_problems(strips, where)
    update = LayoutUpdate([[strip] for strip in strips], compositor.size.region)
    output = update.render_segments(app.console)  # type: ignore[attr-defined]
    problems += [f"{where} output: {p}" for p in escape_problems(output)]
    return problems


def screen_text(app: object) -> str:
    """The composited screen as text, one line per row."""
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join(strip.text.rstrip() for strip in strips)


def hyperlinks(output: str) -> set[str]:
    """The targets of the OSC 8 hyperlinks in terminal `output`."""
    return {m["url"] for m in _ESCAPE.finditer(output) if m["url"]}
