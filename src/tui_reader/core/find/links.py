"""The links of a section, and how to open an external one. Pure Python, no Textual.

Links are read from markdown-it-py tokens with the parser Rich uses to render, so the list shows
exactly the links the reader sees. Only `#slug` (internal), http, https and mailto (external)
links are actionable; anything else (`javascript:`, `file:`, relative paths) is listed inert.

Opening an external link must never start a text browser in the terminal the reader runs in
(`webbrowser` falls back to lynx or w3m on a headless box), so `browser_command` decides from
the environment and platform whether a graphical browser is reachable and returns the command
to run, or None: then the caller copies the address and shows it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from tui_reader.core.render.inline_text import inline_text
from tui_reader.core.render.markdown import is_external

LinkKind = Literal["internal", "external", "inert"]

# Browsers that run inside a terminal: never started from $BROWSER.
TEXT_BROWSERS = frozenset(
    {"lynx", "w3m", "links", "links2", "elinks", "www-browser", "browsh", "carbonyl", "netrik"}
)


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str
    kind: LinkKind

    @property
    def slug(self) -> str:
        """The target section's slug of an internal link."""
        return self.href[1:] if self.kind == "internal" else ""


def link_kind(href: str) -> LinkKind:
    if href.startswith("#") and len(href) > 1:
        return "internal"
    if is_external(href):
        return "external"
    return "inert"


def extract_links(source: str) -> list[Link]:
    """The links of a Markdown text, in reading order: text, href and kind."""
    links: list[Link] = []
    # The tokens Rich renders (core.render.markdown_tokens): HTML links and footnotes included.
    from tui_reader.core.render.markdown_tokens import parse

    for block in parse(source):
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        i = 0
        while i < len(children):
            token = children[i]
            if token.type != "link_open":
                i += 1
                continue
            href = str(token.attrs.get("href", ""))
            depth, j = 1, i + 1
            while j < len(children) and depth:
                depth += {"link_open": 1, "link_close": -1}.get(children[j].type, 0)
                j += 1
            text = " ".join(inline_text(children[i + 1 : j - 1]).split())
            links.append(Link(text or href, href, link_kind(href)))
            i = j
    return links


# mailto: parameters some mail clients honour to attach a local file (Thunderbird, Evolution,
# mutt): a link in an article must not make the reader mail ~/.ssh/id_rsa. Compared lowercased.
_ATTACH_PARAMS = frozenset({"attach", "attachment"})


def safe_target(url: str) -> str:
    """`url` as it may be handed to a browser or mail client: a mailto: link without its
    attach/attachment parameters; any other URL unchanged."""
    if not url.lower().startswith("mailto:") or "?" not in url:
        return url
    address, _, query = url.partition("?")
    kept = [
        param
        for param in query.split("&")
        if unquote(param.partition("=")[0]).strip().lower() not in _ATTACH_PARAMS
    ]
    return address + ("?" + "&".join(kept) if kept else "")


# What a URL may hold when it is pasted inside a larger $BROWSER argument (`sh -c "… %s …"`):
# everything else is percent-encoded, so that no quoting context of a shell (none, '…', "…")
# sees a character it would interpret: no quote, space, $, `, ;, &, |, (, ), <, >, \ or *.
_SHELL_INERT = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._:/?#=%,+@"
)


def _shell_inert(url: str) -> str:
    return "".join(
        char if char in _SHELL_INERT else "".join(f"%{byte:02X}" for byte in char.encode())
        for char in url
    )


# Commands that run their arguments as shell code: `%s` inside such a command's argument is
# pasted into a script.
_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "fish", "csh", "tcsh"})
_SHELLS |= {"busybox", "pwsh", "powershell", "cmd"}


def _substitute(argv: list[str], url: str) -> list[str]:
    """`%s` in the $BROWSER arguments. Without a shell, each argument reaches the browser as
    it is. With one (`sh -c "… %s …"`), an argument that is exactly `%s` is still data, but
    `%s` inside a longer one is pasted into shell code: the URL goes in shell-inert."""
    shell = any(_command_name(arg) in _SHELLS for arg in argv)
    inert = _shell_inert(url) if shell else url
    return [url if arg == "%s" else arg.replace("%s", inert) for arg in argv]


def _command_name(argv0: str) -> str:
    name = os.path.basename(argv0).lower()
    return name.removesuffix(".exe")


def spoofed_host(links: Iterable[Link], href: str) -> str | None:
    """The host `href` really leads to, when one of `links` to it has text that reads as the
    address of another host (core.render.link_spoof); None otherwise."""
    from tui_reader.core.render.link_spoof import real_host_if_spoofed

    for link in links:
        if link.href == href and (host := real_host_if_spoofed(link.text, href)) is not None:
            return host
    return None


def browser_command(
    url: str,
    env: Mapping[str, str],
    platform: str,
    which: Callable[[str], str | None],
) -> list[str] | None:
    """The command that opens `url` in a graphical browser, or None when there is none.

    - `$BROWSER` (a `:`-separated list, `%s` standing for the URL) is used first, skipping
      text-mode browsers;
    - on macOS `open`, on Windows `explorer`, unless in an SSH session (the browser would open
      on the remote machine's screen);
    - elsewhere (Linux, BSD) `xdg-open`, only with a display (DISPLAY or WAYLAND_DISPLAY).

    `url` goes through safe_target first. `%s` is substituted by _substitute: with
    BROWSER='sh -c "echo %s >> log"', `https://a.example/;touch$IFS/tmp/x;` runs no `touch`.
    """
    url = safe_target(url)
    for entry in env.get("BROWSER", "").split(";" if platform == "win32" else ":"):
        try:
            argv = shlex.split(entry)
        except ValueError:
            continue
        if not argv or _command_name(argv[0]) in TEXT_BROWSERS or which(argv[0]) is None:
            continue
        if any("%s" in arg for arg in argv):
            return _substitute(argv, url)
        return [*argv, url]
    remote = bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY"))
    if platform == "darwin":
        return None if remote else ["open", url]
    if platform == "win32":
        return None if remote else ["explorer", url]
    if (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")) and which("xdg-open"):
        return ["xdg-open", url]
    return None


def system_browser_command(url: str) -> list[str] | None:
    """`browser_command` for this process's environment."""
    return browser_command(url, os.environ, sys.platform, shutil.which)
