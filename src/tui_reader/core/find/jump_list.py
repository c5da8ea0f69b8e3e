"""Back and forward between the places a jump left, as in a browser (and less's `''`).

A jump (a followed `#section` link, a search's first jump, a section picked in the contents or
the palette, the top or the bottom of the article) records where the reader was. `back` returns
there and `forward` undoes it; each remembers where it was left, so going back and forth
returns to the exact places. A new jump after going back drops the places ahead of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

Place = TypeVar("Place")

# Places kept, oldest dropped first.
JUMPS_KEPT = 100


@dataclass
class JumpList(Generic[Place]):
    limit: int = JUMPS_KEPT

    def __post_init__(self) -> None:
        self._places: list[Place] = []
        self._index = 0  # where the reader is in the list: len(places) when past the end

    def record(self, here: Place) -> None:
        """A jump is leaving `here`."""
        del self._places[self._index :]
        if not self._places or self._places[-1] != here:
            self._places.append(here)
        del self._places[: max(0, len(self._places) - self.limit)]
        self._index = len(self._places)

    def back(self, here: Place) -> Place | None:
        """Where to go back to from `here` (None: nothing before)."""
        at_end = self._index == len(self._places)
        if at_end and self._places and self._places[-1] == here:  # the jump did not move
            self._places.pop()
            self._index -= 1
        if self._index == 0:
            return None
        if self._index == len(self._places):
            self._places.append(here)  # so that `forward` comes back here
        else:
            self._places[self._index] = here
        self._index -= 1
        return self._places[self._index]

    def forward(self, here: Place) -> Place | None:
        """Where to go forward to from `here` (None: nothing after)."""
        if self._index >= len(self._places) - 1:
            return None
        self._places[self._index] = here
        self._index += 1
        return self._places[self._index]

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1
