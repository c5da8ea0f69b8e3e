"""Speed of core pieces that tests used to time (tests assert behaviour, never durations).

    python benchmarks/core_speed.py

- the palette's title matcher on 2,000 section titles (was `< 0.05 s` in test_title_match);
- the palette's section provider's work on a 2,000-section article: the title index and a
  query (was `< 0.2 s` in test_palette);
- heading detection on pathological inputs that a quadratic scan would take minutes on (was
  `< 2 s` in test_sections).
Medians of 5 runs, in milliseconds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from tui_reader.core.article.model import parse_article
from tui_reader.core.article.sections import find_headings
from tui_reader.core.find.title_match import TitleIndex

PATHOLOGICAL = {
    "lazy-equals": "- item\n" + "text\n===\n" * 60_000,
    "lazy-dashes": "> quote\n" + "text\n--\n" * 60_000,
    "long-paragraph": "word\n" * 200_000 + "---\n",
    "unclosed-fence": "````\n" + "```\n# x\n" * 60_000,
}


def median_ms(run: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def big_article_text(sections: int = 2000) -> str:
    parts = ["---\ntitle: Two thousand sections\n---\n\nThe lead paragraph.\n"]
    for i in range(1, sections + 1):
        parts.append(f"## Section {i}\n\nParagraph {i} of the big article, with a few words.\n")
    return "\n".join(parts)


def main() -> None:
    index = TitleIndex([f"Section {i}" for i in range(1, 2001)])
    ms = median_ms(lambda: index.rank("Section 1500"))
    print(f"title match, 'Section 1500' among 2,000: {ms:.1f} ms")
    article = parse_article(big_article_text().encode(), None)
    section_titles = [s.title or "Lead" for s in article.sections]
    ms = median_ms(lambda: TitleIndex(section_titles).rank("section 15", 30))
    print(f"section provider, index + 'section 15' on 2,000 sections: {ms:.1f} ms")
    for name, text in PATHOLOGICAL.items():
        ms = median_ms(lambda text=text: find_headings(text), 3)
        print(f"find_headings, {name}: {ms:.1f} ms")


if __name__ == "__main__":
    main()
