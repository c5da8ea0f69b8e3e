"""The palette's title matcher: accents, ranking, highlight spans (speed: benchmarks/)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.find.fold import fold, fold_with_map
from tui_reader.core.find.title_match import TitleIndex

TITLES = [f"Section {i}" for i in range(1, 2001)]


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Café Crème") == "cafe creme"
    assert fold("Straße") == "strasse"
    assert fold("ŒUVRE") == "oeuvre"


def test_the_palette_folds_as_search_does() -> None:
    # One fold (core.find.fold) for both: ligatures, ß and stroked letters, both ways.
    index = TitleIndex(["Le cœur du réseau", "Straßenbahn", "Ørsted", "Other"])
    assert [index.titles[m.index] for m in index.rank("coeur")] == ["Le cœur du réseau"]
    assert [index.titles[m.index] for m in index.rank("strasse")] == ["Straßenbahn"]
    assert [index.titles[m.index] for m in index.rank("orsted")] == ["Ørsted"]
    match = index.rank("cœur")[0]
    assert index.titles[match.index] == "Le cœur du réseau"
    assert match.spans == ((3, 7),)  # "cœur" highlighted in the original title


def test_exact_title_wins_among_2000() -> None:
    # Its speed: benchmarks/core_speed.py.
    index = TitleIndex(TITLES)
    matches = index.rank("Section 1500")
    assert index.titles[matches[0].index] == "Section 1500"
    assert matches[0].spans == ((0, 12),)


def test_substring_beats_words_beats_subsequence() -> None:
    index = TitleIndex(["Des trains de nuit", "Nuit blanche", "Night trains", "Tramways"])
    names = [index.titles[m.index] for m in index.rank("nuit")]
    assert names[:2] == ["Nuit blanche", "Des trains de nuit"]  # word start at 0 first
    words = index.rank("trains nuit")
    assert index.titles[words[0].index] == "Des trains de nuit"
    sub = index.rank("trmw")
    assert [index.titles[m.index] for m in sub] == ["Tramways"]
    assert index.rank("zzz") == []
    assert index.rank("   ") == []


def test_accented_titles_are_found_and_highlighted_in_the_original() -> None:
    index = TitleIndex(["Les centres de données", "Straße und Weg"])
    [match] = index.rank("donnees")
    title = index.titles[match.index]
    start, end = match.spans[0]
    assert title[start:end] == "données"
    [match] = index.rank("strasse")
    start, end = match.spans[0]
    assert index.titles[match.index][start:end] == "Straße"


def test_limit_and_ties_keep_the_article_order() -> None:
    index = TitleIndex(["Notes", "Notes", "Notes"])
    assert [m.index for m in index.rank("notes", limit=2)] == [0, 1]


@given(st.text(max_size=30))
def test_fold_map_points_into_the_original(text: str) -> None:
    folded, origin = fold_with_map(text)
    assert len(folded) == len(origin)
    assert all(0 <= i < len(text) for i in origin)
    assert origin == sorted(origin)


@given(st.lists(st.text(max_size=20), max_size=20), st.text(max_size=10))
def test_rank_never_fails_and_spans_are_inside_titles(titles: list[str], query: str) -> None:
    index = TitleIndex(titles)
    for match in index.rank(query):
        assert 0 < match.score <= 1
        for start, end in match.spans:
            assert 0 <= start < end <= len(titles[match.index])
