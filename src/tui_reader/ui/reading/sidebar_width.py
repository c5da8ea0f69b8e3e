"""How wide the contents sidebar is: the setting, grown on wide terminals.

The setting (32 by default) is what an 80–120 column terminal affords. On a wider one the
sidebar grows to show long titles whole: up to a quarter of the terminal and at most
SIDEBAR_GROWN_MAX columns, and no wider than the longest entry needs.
"""

from __future__ import annotations

from tui_reader.core.article.model import Section

SIDEBAR_GROWN_MAX = 56
# Around an entry: the list's padding, its border and its scrollbar.
ENTRY_FRAME = 4


def sidebar_columns(setting: int, terminal: int, sections: list[Section]) -> int:
    room = min(SIDEBAR_GROWN_MAX, terminal // 4)
    if room <= setting:  # most terminals: no need to look at the titles
        return setting
    enough = room - ENTRY_FRAME
    longest = 0
    for section in sections:  # stops at the first title long enough (20,000 of them)
        longest = max(longest, len(section.title) + 2 * max(0, section.level - 1))
        if longest >= enough:
            break
    return max(setting, min(room, longest + ENTRY_FRAME))
