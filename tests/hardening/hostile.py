"""Hostile article material for the injection tests (issue 6).

Escape sequences as raw bytes, as YAML escapes in front matter values, in file and directory
names; Markdown links to schemes we refuse; Rich and Textual markup that must show literally.
"""

from __future__ import annotations

from pathlib import Path

# Raw controls: clear screen, clipboard write (OSC 52), OSC 8 links to javascript: and file:,
# window title (OSC 0), BEL, backspace, DEL, C1 CSI and OSC (U+009B, U+009D).
RAW = (
    "\x1b[2J\x1b[H"
    "\x1b]52;c;ZXZpbA==\x07"
    "\x1b]8;;javascript:alert(1)\x1b\\js-raw\x1b]8;;\x1b\\"
    "\x1b]8;;file:///etc/passwd\x1b\\file-raw\x1b]8;;\x1b\\"
    "\x1b]0;pwned\x07"
    " bell\x07 back\x08space del\x7f"
    " c1\x9b2J osc\x9d0;t\x9c"
)
# Markup that must be shown as written: Rich styles and links, Textual actions.
MARKUP = "[bold red]markup[/] [link=file:///etc/passwd]richlink[/link] [@click=app.quit]act[/]"
# Markdown links and images: only https and mailto may become hyperlinks; #second jumps.
LINKS = (
    "[js](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html,x)"
    " [smb](smb://evil/share) ![img](smb://evil/img.png) ![rel](relative.png)"
    " <javascript:alert(2)> [ref][evil] <a href='javascript:x'>html</a>"
    " [ok](https://example.com/ok) [mail](mailto:someone@example.com) [jump](#second)"
)
# Names may hold anything but "/" and NUL (the "\udcff" is a byte that is not UTF-8).
FILE_NAME = "hostile \x1b[2J\x07\x08 [bold red]name [@click=app.quit]q \x9b\udcff.md"
DIR_NAME = "lib \x1b]52;c;ZXZpbA==\x07 [bold]dir"

# What must never reach a terminal as a hyperlink.
REFUSED_SCHEMES = ("javascript:", "file:", "data:", "smb:", "relative.png", "#second")
ALLOWED_LINKS = ("https://example.com/ok", "mailto:someone@example.com")


def front_matter(raw_bytes: bool) -> str:
    """Front matter whose values hold escapes: YAML escapes (decoded by the YAML parser, so
    real controls in the values) or raw control characters in the file."""
    esc = "\\e" if not raw_bytes else "\x1b"
    bel = "\\a" if not raw_bytes else "\x07"
    c1 = "\\x9b" if not raw_bytes else "\x9b"
    return (
        "---\n"
        f'title: "Front {esc}[2J{bel} [bold red]fm[/] {c1}2J"\n'
        f'author: "Author {esc}]52;c;ZXZpbA=={bel} [link=file:///etc/passwd]a[/link]"\n'
        f'source: "https://example.com/{esc}[2J"\n'
        f'date: "2024 {esc}[31mred"\n'
        f'tags: ["{esc}[2Jtag", "[@click=app.quit]t[/]"]\n'
        "---\n"
    )


def body() -> str:
    return (
        f"Lead {RAW} {MARKUP}\n\n"
        f"# First {RAW} {MARKUP}\n\n"
        f"Paragraph {RAW} {MARKUP}\n\n{LINKS}\n\n"
        f"## Second {RAW} [@click=app.quit]q[/]\n\n"
        f"- item {RAW}\n- [bold]item[/]\n\n"
        f"> quote {RAW}\n\n"
        f"```python\ncode = '{RAW}'  # [bold]x[/]\n```\n\n"
        f"| head {RAW} | [bold]h[/] |\n|---|---|\n| {RAW} | [link=file:///x]c[/link] |\n\n"
        f"### Third {MARKUP}\n\n"
        "Setext heading \x1b[2J\n---\n\n"
        "[evil]: ftp://evil.example/\n"
    )


def article_text(*, raw_front_matter: bool = False) -> str:
    return front_matter(raw_front_matter) + body()


def write_article(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return path


def hostile_library(root: Path) -> Path:
    """A directory (hostile name) with the hostile article (hostile name), a binary file and a
    Latin-1 file with hostile names (the skipped-files and bad-encoding notices quote them)."""
    library = root / DIR_NAME
    library.mkdir(parents=True)
    write_article(library, FILE_NAME, article_text())
    (library / "binary \x1b[2J [bold]x[@click=app.quit]q.md").write_bytes(b"\x00\x1b[2J")
    (library / "latin \x1b]52;c;eA==\x07 [bold]b [@click=app.quit]q.md").write_bytes(
        "# Caf\xe9 \x1b[2J [/]\n\nd\xe9j\xe0 vu\n".encode("latin-1")
    )
    return library
