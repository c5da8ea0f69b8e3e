"""How long a search takes on a huge article: `python benchmarks/search_speed.py`.

Builds a ~37 MB article of 20,000 sections in memory (French and English prose with accents,
links, lists and code) and times what Enter in the search bar costs: compiling the query,
counting the matches of every section (the total and the sidebar marks) and finding the first
match after a position in the middle of the article.
"""

from __future__ import annotations

import random
import sys
import time

from tui_reader.core.find.search import SearchIndex, compile_query

SECTIONS = 20_000
TARGET_BYTES = 37_000_000

VOCABULARY = (
    "le la les des une un centre données électricité énergie réseau refroidissement été "
    "chaleur eau serveurs calcul cœur système société où déjà très ça garçon naïve Noël "
    "the of and data centre power grid cooling water servers compute heat network reader "
    "terminal article section search résumé café façade élève hôpital forêt"
)
WORDS = VOCABULARY.split()


def build(seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    per_section = TARGET_BYTES // SECTIONS
    sources = []
    for index in range(SECTIONS):
        parts = [f"## Section {index + 1}\n\n"]
        size = len(parts[0])
        while size < per_section:
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
            if rng.random() < 0.1:
                sentence += f" [lien](https://exemple.fr/{index}/cafe) et `code`"
            if rng.random() < 0.002:
                sentence += " à Zürich"
            line = sentence.capitalize() + ".\n"
            parts.append(line)
            size += len(line.encode())
        sources.append("".join(parts) + "\n")
    return sources


def timed(label: str, sources: list[str], query: str) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    index = SearchIndex(sources, marks=False)  # as core.article.model finds for this text
    compiled = index.compile(query)
    assert compiled is not None
    matches = index.matches(compiled)
    first = matches.first_from(len(sources) // 2, 0)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    where = f"section {first.section}" if first else "none"
    print(
        f"{label:<28} {query!r:<14} {matches.total:>8} matches  first: {where:<14} "
        f"{elapsed:.3f} s ({cpu:.3f} s CPU)"
    )
    return elapsed


def main() -> int:
    sources = build()
    size = sum(len(s.encode()) for s in sources)
    print(f"{len(sources)} sections, {size / 1e6:.1f} MB, Python {sys.version.split()[0]}")
    compile_query.cache_clear()
    timed("rare word, accent-folded", sources, "zurich")
    timed("common word, also in links", sources, "cafe")
    timed("smart case", sources, "Noel")
    timed("two words", sources, "centre de")
    timed("ligature", sources, "coeur")
    timed("no match", sources, "introuvable")
    timed("very common (worst case)", sources, "e")
    return 0


if __name__ == "__main__":
    sys.exit(main())
