"""`reader --print` on a terminal: the styled article through $PAGER, like `git` and `glow -p`.

The pager is `$PAGER` (split like a shell command), `less -R` when unset; with LESS unset it
gets `FRX` as git gives it: a text that fits the screen is printed and less exits at once. A
pager that cannot be started means printing directly.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys

from tui_reader.core.article.model import Article
from tui_reader.core.render.printing import print_article

DEFAULT_PAGER = "less -R"


def pager_command(env: dict[str, str] | os._Environ[str] | None = None) -> list[str] | None:
    """The pager's argv, or None for no pager (PAGER empty or `cat`)."""
    env = os.environ if env is None else env
    try:
        argv = shlex.split(env.get("PAGER", DEFAULT_PAGER))
    except ValueError:
        argv = shlex.split(DEFAULT_PAGER)
    if not argv or os.path.basename(argv[0]) == "cat":
        return None
    return argv


def print_paged(article: Article, *, width: int | None = None, lang: str = "en") -> None:
    """Page the styled article; print it directly when there is no pager to run."""
    argv = pager_command()
    if argv is None or shutil.which(argv[0]) is None:
        print_article(article, width=width, lang=lang, styled=True)
        return
    buffer = io.StringIO()
    columns = width or shutil.get_terminal_size().columns
    print_article(article, width=columns, lang=lang, file=buffer, styled=True)
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(buffer.getvalue())
        return
    assert process.stdin is not None
    try:
        process.stdin.write(buffer.getvalue().encode("utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: not an error
    process.wait()
