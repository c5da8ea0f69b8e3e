"""How wide the contents sidebar is: the setting, grown on wide terminals.

The setting (32 by default) is the width up to GROWS_PAST columns. On a wider terminal the
sidebar grows to show long titles whole: up to a quarter of the terminal and at most
SIDEBAR_GROWN_MAX columns, and no wider than the longest entry needs.
"""

from __future__ import annotations

from tui_reader.core.article.model import Section

SIDEBAR_GROWN_MAX = 56
# Up to this many columns the setting is the width, as chosen.
GROWS_PAST = 160
# Around an entry: the list's padding, its border and its scrollbar.
ENTRY_FRAME = 4


def sidebar_columns(setting: int, terminal: int, sections: list[Section]) -> int:
    room = min(SIDEBAR_GROWN_MAX, terminal // 4)
    if terminal <= GROWS_PAST or room <= setting:  # most terminals: the titles are not read
        return setting
    enough = room - ENTRY_FRAME
    longest = 0
    for section in sections:  # stops at the first title long enough (20,000 of them)
        longest = max(longest, len(section.title) + 2 * max(0, section.level - 1))
        if longest >= enough:
            break
    return max(setting, min(room, longest + ENTRY_FRAME))
