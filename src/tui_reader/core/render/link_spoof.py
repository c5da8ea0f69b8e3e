"""Links whose text looks like the address of another site ("link spoofing").

`[https://bank.example/login](https://evil.example/phish)` shows one address and leads to
another. The renderer (core.render.markdown) writes the real host after such a link's text, in the
article pane and in `--print`, so that the reader sees where a click goes before clicking.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Link text that reads as an address: an optional scheme, a host with a dot and a letter-only
# top-level label, then optionally a port, path, query or fragment; nothing else around it.
_LOOKS_LIKE_URL = re.compile(
    r"(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:[^\s/@:]+@)?(?P<host>[^\s/?#:@]+\.[^\W\d_]{2,})\.?"
    r"(?::\d+)?(?:[/?#]\S*)?",
)


def _normal_host(host: str) -> str:
    host = host.casefold().rstrip(".").removeprefix("www.")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def real_host_if_spoofed(text: str, href: str) -> str | None:
    """The host `href` leads to, when the link `text` reads as an address of another host;
    None for ordinary text ("read more"), the same host, or a target that is not http(s)."""
    if not href.lower().startswith(("http://", "https://")):
        return None
    match = _LOOKS_LIKE_URL.fullmatch(text.strip())
    if match is None:
        return None
    try:
        target = urlsplit(href).hostname
    except ValueError:
        return None
    if not target:
        return None
    if _normal_host(match["host"]) == _normal_host(target):
        return None
    return target
