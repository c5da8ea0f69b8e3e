"""Fetched articles with a saved comment thread, written as `reader fetch` writes them (the
core's own Thread and write_thread), for the tests of the thread in the app."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import yaml

from tui_reader.core.web.saved_article import write_thread
from tui_reader.core.web.thread import Comment, Thread

# Nothing listens there: a test that fetches uses the real WordPress (tests/wordpress).
SITE = "http://127.0.0.1:9"
FETCHED = "2026-12-02T12:00:00.000000Z"
START = datetime(2026, 11, 30, 10, 0)  # the first comment's date (UTC)


def comment(cid: int, parent: int, author: str, text: str, minute: int = 0) -> Comment:
    return Comment(
        id=cid,
        parent=parent,
        author=author,
        author_url="",
        date_gmt=(START + timedelta(minutes=minute)).isoformat(),
        link=f"{SITE}/post/#comment-{cid}",
        text=text,
        first_seen=FETCHED,
    )


def small_thread() -> list[Comment]:
    """Ada's comment, Bob's reply to it and Ada's answer to Bob, then Chloé's comment."""
    return [
        comment(2, 0, "Ada Lovelace", "The engines of **analysis** will weave it.", 1),
        comment(3, 2, "Bob Martin", "Thanks Ada, I agree.", 2),
        comment(4, 3, "Ada Lovelace", "You are welcome, Bob.", 3),
        comment(5, 0, "Chloé Durand", "Un [lien](https://exemple.fr/) et du texte.", 4),
    ]


def many_comments(count: int) -> list[Comment]:
    """`count` comments, every third one a reply to the one before."""
    return [
        comment(n, n - 1 if n % 3 == 0 else 0, f"Reader {n}", f"Comment number {n}.", n)
        for n in range(2, count + 2)
    ]


def saved_article(
    directory: Path,
    comments: list[Comment] | None = None,
    *,
    lang: str = "en",
    slug: str = "comments-are-open",
    site: str = SITE,
    post_id: int = 4,
    api: str | None = None,
    sections: int = 2,
    previous_fetch: str | None = None,
) -> Path:
    """`SLUG.md` and `SLUG.comments.json` in `directory`, as a fetch from `site` writes them."""
    source = f"{site}/{slug}/"
    meta = {
        "title": "Comments are open" if lang == "en" else "Les commentaires sont ouverts",
        "author": "admin",
        "lang": lang,
        "source": source,
        "comments": "open",
        "require_name_email": True,
        "comment_form": {
            "action": f"{site}/wp-comments-post.php",
            "comment_post_ID": post_id,
            "require_name_email": True,
            "submit": "Post Comment",
            "api_root": f"{site}/wp-json/",
        },
        "post_id": post_id,
        "fetched": FETCHED,
    }
    body = "".join(
        f"## Part {n}\n\nThe text of part {n}, a paragraph to read.\n\n"
        for n in range(1, sections + 1)
    )
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path = directory / f"{slug}.md"
    directory.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n# {meta['title']}\n\nThe lead.\n\n{body}", "utf-8")
    thread = Thread(
        source=source,
        post_id=post_id,
        api=api if api is not None else f"{site}/wp-json",
        fetched=FETCHED,
        previous_fetch=previous_fetch,
        comments=small_thread() if comments is None else comments,
    )
    write_thread(path, thread)
    return path
