"""YAML front matter (`---` … `---` at the very top) or TOML (`+++` … `+++`, as Hugo and Zola
write it), read into typed, inert fields.

The YAML is parsed by python-frontmatter's handler (PyYAML's safe loader), imported only when a
block is present: most articles have none and start-up stays fast. Wrong types are dropped
field by field; only YAML that cannot be read at all, or is not a mapping, is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tui_reader.core.article.language import normalise_lang
from tui_reader.core.errors import FrontMatterError
from tui_reader.core.sanitize import make_inert

# The opening line must be exactly `---`; the block ends at the next `---` line.
_BLOCK = re.compile(r"---[ \t]*\n(?P<yaml>(?:.*?\n)??)---[ \t]*(?:\n|\Z)", re.DOTALL)
_TOML_BLOCK = re.compile(r"\+\+\+[ \t]*\n(?P<toml>(?:.*?\n)??)\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
# A front matter is short: the closing line is not looked for beyond this, so that an article
# opening with a thematic break does not have its whole text handed to the YAML parser.
_MAX_BLOCK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FrontMatter:
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 when YAML gave a date, else the text as written
    lang: str | None = None  # "fr" or "en"; anything else is ignored
    source_url: str | None = None
    feed: str | None = None  # the feed's title, for an article saved from a feed
    tags: list[str] = field(default_factory=list)
    comments: bool | None = None  # None: not said; the comment-form footer decides
    require_name_email: bool = True


def read_front_matter(text: str) -> tuple[FrontMatter | None, int]:
    """(metadata, offset where the rest of the text starts), or (None, 0) without a block.

    An offset rather than the rest itself: the caller slices the body once, not once per step.
    Raises FrontMatterError for a block that cannot be used (with the offset after it).
    """
    if text.startswith("+++"):
        return _read_toml(text)
    if not text.startswith("---"):
        return None, 0
    match = _BLOCK.match(text, 0, _MAX_BLOCK)
    if match is None:
        return None, 0
    import frontmatter  # lazily: pulls in PyYAML

    try:
        data = frontmatter.YAMLHandler().load(match["yaml"])
    except Exception as error:
        # Not only YAMLError: PyYAML raises ValueError for a date like 2024-13-45.
        raise FrontMatterError(str(error), match.end()) from error
    if data is None:  # an empty block
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(f"not a mapping: {type(data).__name__}", match.end())
    return _from_mapping(data), match.end()


def _read_toml(text: str) -> tuple[FrontMatter | None, int]:
    match = _TOML_BLOCK.match(text, 0, _MAX_BLOCK)
    if match is None:
        return None, 0
    import tomllib  # lazily, like PyYAML (it is small, but few articles need it)

    try:
        data = tomllib.loads(match["toml"])
    except (tomllib.TOMLDecodeError, ValueError) as error:
        raise FrontMatterError(str(error), match.end()) from error
    return _from_mapping(data), match.end()


def _from_mapping(data: Mapping[Any, object]) -> FrontMatter:
    return FrontMatter(
        title=_one_line(data.get("title")),
        author=_author(data.get("author")),
        date=_date(data.get("date")),
        lang=normalise_lang(_one_line(data.get("lang"))),
        source_url=_one_line(data.get("source")),
        feed=_one_line(data.get("feed")),
        tags=_tags(data.get("tags")),
        comments=_comments(data.get("comments")),
        require_name_email=_bool(data.get("require_name_email"), default=True),
    )


def _one_line(value: object) -> str | None:
    """A scalar as one line of inert text; None for lists, mappings, booleans and blanks."""
    # bool is an int: `title: yes` is YAML for True, not a title.
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        as_text = str(value)
    except ValueError:
        # An integer past Python's 4,300-digit str() limit (`title: 0x` and 4,000 `f`, a
        # sexagesimal 1:59:59:…): no title anyone wrote, dropped like a wrong type.
        return None
    text = " ".join(make_inert(as_text).split())
    return text or None


def _author(value: object) -> str | None:
    # One level of list only: YAML anchors can make a list that contains itself.
    if isinstance(value, list):
        return ", ".join(name for name in map(_one_author, value) if name) or None
    return _one_author(value)


def _one_author(value: object) -> str | None:
    if isinstance(value, dict):  # {name: ..., url: ...}
        return _one_line(value.get("name"))
    return _one_line(value)


def _date(value: object) -> str | None:
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    return _one_line(value)


def _tags(value: object) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    tags = [_one_line(item) for item in value]
    return [tag for tag in tags if tag]


def _comments(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return {"open": True, "closed": False}.get(value.strip().lower())
    return None


def _bool(value: object, *, default: bool) -> bool:
    return value if isinstance(value, bool) else default
