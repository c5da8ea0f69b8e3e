"""The core's exception types, in one module that imports nothing of ours (no import cycles).

Each carries what the user is told: a catalog key (core.catalog) and its parameters.
"""

from __future__ import annotations


class ArticleError(Exception):
    """An article that cannot be opened. `key`/`params` index core.catalog for the message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class FrontMatterError(ValueError):
    """The block is not YAML, or not a mapping: its metadata cannot be used."""
