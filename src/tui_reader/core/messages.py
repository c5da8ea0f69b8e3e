"""What the core tells the user, before it is worded: a catalog key and its parameters.

The core never formats a message (it does not know the interface language); the UI and the
command line call `text(lang)` when they show it. Article notices, results' errors and (with
their file) FileProblem are all this one shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tui_reader.core.catalog import t


@dataclass(frozen=True, slots=True)
class Msg:
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.params)
