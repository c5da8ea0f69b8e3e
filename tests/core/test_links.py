"""Links of a section, and the decision to open an external one in a browser or not."""

from __future__ import annotations

import pytest

from tests.repo_paths import ARTICLES
from tui_reader.core.find.links import Link, browser_command, extract_links, link_kind

URL = "https://example.org/a?b=1&c=2"


def test_kinds() -> None:
    assert link_kind("#choosing-a-pager") == "internal"
    assert link_kind("https://example.org") == "external"
    assert link_kind("HTTP://EXAMPLE.ORG") == "external"
    assert link_kind("mailto:someone@example.org") == "external"
    for href in ("#", "file:///etc/passwd", "ftp://example.org", "notes.md", ""):
        assert link_kind(href) == "inert"


def test_extract_links_in_reading_order() -> None:
    source = (
        "See [the **bold** `pager`](#choosing-a-pager), <https://example.org/x>,\n"
        "[mail](mailto:a@example.org), [notes](notes.md) and [ref][r].\n\n"
        "| a | b |\n|---|---|\n| [cell](https://cell.example) | x |\n\n"
        "![an image](https://img.example/p.png)\n\n"
        "[r]: https://ref.example/\n"
    )
    assert extract_links(source) == [
        Link("the bold pager", "#choosing-a-pager", "internal"),
        Link("https://example.org/x", "https://example.org/x", "external"),
        Link("mail", "mailto:a@example.org", "external"),
        Link("notes", "notes.md", "inert"),
        Link("ref", "https://ref.example/", "external"),
        Link("cell", "https://cell.example", "external"),
    ]
    assert extract_links(source)[0].slug == "choosing-a-pager"
    assert extract_links(source)[1].slug == ""


def test_links_whose_scheme_markdown_refuses_are_plain_text() -> None:
    assert extract_links("[click](javascript:alert(1)), [x](vbscript:y), [f](file:///x)") == []


def test_a_link_without_text_shows_its_address() -> None:
    assert extract_links("[](https://example.org)") == [
        Link("https://example.org", "https://example.org", "external")
    ]


def test_the_bundled_guide_has_internal_and_external_links() -> None:
    source = (ARTICLES / "en-field-guide-markdown-terminal.md").read_text(encoding="utf-8")
    kinds = {link.kind for link in extract_links(source)}
    assert kinds == {"internal", "external"}


# --- browser_command ----------------------------------------------------------------------


def which_all(name: str) -> str | None:
    return f"/usr/bin/{name}"


def which_none(name: str) -> str | None:
    return None


def test_linux_with_a_display_uses_xdg_open() -> None:
    assert browser_command(URL, {"DISPLAY": ":0"}, "linux", which_all) == ["xdg-open", URL]
    assert browser_command(URL, {"WAYLAND_DISPLAY": "wayland-0"}, "linux", which_all) == [
        "xdg-open",
        URL,
    ]


def test_linux_without_a_display_has_no_browser() -> None:
    # On a headless box webbrowser would start lynx or w3m inside this terminal: never.
    assert browser_command(URL, {}, "linux", which_all) is None
    assert browser_command(URL, {"TERM": "xterm"}, "freebsd14", which_all) is None
    assert browser_command(URL, {"DISPLAY": ":0"}, "linux", which_none) is None


def test_browser_variable_comes_first_without_text_browsers() -> None:
    env = {"BROWSER": "firefox"}
    assert browser_command(URL, env, "linux", which_all) == ["firefox", URL]
    env = {"BROWSER": "w3m:lynx:/usr/local/bin/chromium --new-window"}
    assert browser_command(URL, env, "linux", which_all) == [
        "/usr/local/bin/chromium",
        "--new-window",
        URL,
    ]
    env = {"BROWSER": "my-opener --url=%s"}
    assert browser_command(URL, env, "linux", which_all) == ["my-opener", f"--url={URL}"]
    # Only text browsers, or browsers not installed: fall through to the platform rule.
    assert browser_command(URL, {"BROWSER": "lynx:w3m"}, "linux", which_all) is None
    assert browser_command(URL, {"BROWSER": "firefox"}, "linux", which_none) is None
    assert browser_command(URL, {"BROWSER": "elinks", "DISPLAY": ":0"}, "linux", which_all) == [
        "xdg-open",
        URL,
    ]


@pytest.mark.parametrize(
    ("platform", "command"), [("darwin", ["open", URL]), ("win32", ["explorer", URL])]
)
def test_macos_and_windows_open_the_default_browser(platform: str, command: list[str]) -> None:
    assert browser_command(URL, {}, platform, which_none) == command
    # Over SSH the browser would open on the remote machine's screen.
    assert browser_command(URL, {"SSH_CONNECTION": "1 2 3 4"}, platform, which_none) is None


def test_the_url_is_one_argument_never_a_shell_string() -> None:
    nasty = "https://example.org/;rm -rf ~;$(id)"
    assert browser_command(nasty, {"DISPLAY": ":0"}, "linux", which_all) == ["xdg-open", nasty]
