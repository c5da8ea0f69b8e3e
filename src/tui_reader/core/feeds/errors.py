"""What goes wrong with a feed, as the user is told it: a catalog key and its parameters."""

from __future__ import annotations


class FeedError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
