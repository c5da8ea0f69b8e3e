"""Fuzzy matching of short titles (sections, articles, themes) for the command palette.

Textual's own fuzzy matcher enumerates every way a query can match a candidate: fine for a
dozen commands, too slow for the 2,000 section titles of a big article. This one folds each
title once (core.find.fold: case, accents, ligatures; "cafe" finds "Café"), then ranks with
plain `str.find`:

1. the query as a substring (best at a word start, and when it covers most of the title);
2. every word of the query as a substring, in any order;
3. the query's characters in order (a subsequence), scored by how tight the match is.

Pure Python, never imports Textual.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from tui_reader.core.find.fold import fold, fold_with_map

Span = tuple[int, int]  # [start, end) in the original title


@dataclass(frozen=True, slots=True)
class Match:
    index: int  # position of the title in the indexed sequence
    score: float  # 0 < score <= 1
    spans: tuple[Span, ...]  # matched parts of the original title


def _is_word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


class TitleIndex:
    """Titles folded once; `rank` is then cheap enough to run on every key press."""

    def __init__(self, titles: Sequence[str]) -> None:
        self.titles = list(titles)
        self._folded: list[str] = []
        self._maps: list[list[int]] = []
        for title in self.titles:
            folded, origin = fold_with_map(title)
            self._folded.append(folded)
            self._maps.append(origin)

    def __len__(self) -> int:
        return len(self.titles)

    def rank(self, query: str, limit: int = 30) -> list[Match]:
        """The best `limit` matches, best first (ties: earlier titles first)."""
        needle = " ".join(fold(query).split())
        if not needle:
            return []
        words = needle.split()
        scored: list[tuple[float, int, tuple[Span, ...]]] = []
        for index, text in enumerate(self._folded):
            found = self._score(needle, words, text)
            if found is not None:
                score, spans = found
                scored.append((score, -index, spans))
        best = heapq.nlargest(limit, scored, key=lambda item: (item[0], item[1]))
        return [Match(-neg, score, self._original(-neg, spans)) for score, neg, spans in best]

    def _original(self, index: int, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        origin = self._maps[index]
        out: list[Span] = []
        for start, end in spans:
            a, b = origin[start], origin[end - 1] + 1
            if out and out[-1][1] >= a:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return tuple(out)

    @staticmethod
    def _score(needle: str, words: list[str], text: str) -> tuple[float, tuple[Span, ...]] | None:
        if not text:
            return None
        coverage = len(needle) / len(text)
        pos = text.find(needle)
        if pos >= 0:
            # Prefer a match at a word start; among those, the earliest one.
            at = pos
            while at >= 0 and not _is_word_start(text, at):
                at = text.find(needle, at + 1)
            if at >= 0:
                pos = at
            word_start = at >= 0
            score = 0.7 + 0.15 * word_start + 0.1 * coverage + 0.05 * (pos == 0)
            return min(score, 1.0), ((pos, pos + len(needle)),)
        if len(words) > 1:
            spans: list[Span] = []
            for word in words:
                at = text.find(word)
                if at < 0:
                    break
                spans.append((at, at + len(word)))
            else:
                spans.sort()
                return 0.5 + 0.15 * coverage, tuple(spans)
        # Subsequence: each character of the query, in order.
        chars = needle.replace(" ", "")
        spans = []
        at = 0
        for char in chars:
            at = text.find(char, at)
            if at < 0:
                return None
            if spans and spans[-1][1] == at:
                spans[-1] = (spans[-1][0], at + 1)
            else:
                spans.append((at, at + 1))
            at += 1
        spread = spans[-1][1] - spans[0][0]
        tightness = len(chars) / spread if spread else 1.0
        return 0.1 + 0.3 * tightness * (1.0 / len(spans)) ** 0.25, tuple(spans)
