"""Search: smart case, accents, literal queries, counts and wrap-around navigation."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.repo_paths import ARTICLES
from tui_reader.core.find.fold import fold
from tui_reader.core.find.search import (
    Hit,
    SearchIndex,
    compile_query,
    is_case_sensitive,
    searchable,
)

MARKS = re.compile("[\u0300-\u036f]")


def found(query: str, text: str) -> list[str]:
    """What the query finds in `text`; the regex for texts without combining marks, which
    may start at a later letter, must find exactly the same when it applies."""
    compiled = compile_query(query)
    assert compiled is not None
    result = [text[a:b] for a, b in compiled.spans(text)]
    if not MARKS.search(text):
        fast = compile_query(query, marks=False)
        assert fast is not None
        assert [text[a:b] for a, b in fast.spans(text)] == result
    return result


# --- compiling a query --------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", " ", "\t\n ", "\u0301"])
def test_empty_query_is_nothing_to_search(query: str) -> None:
    assert compile_query(query) is None


def test_smart_case() -> None:
    text = "Data centre, data centre, DATA CENTRE"
    assert not is_case_sensitive("data")
    assert found("data", text) == ["Data", "data", "DATA"]
    assert is_case_sensitive("Data")
    assert found("Data", text) == ["Data"]
    assert found("DATA", text) == ["DATA"]


def test_accent_insensitive_both_ways() -> None:
    text = "Un café, un CAFÉ, un cafe et un Café."
    assert found("cafe", text) == ["café", "CAFÉ", "cafe", "Café"]
    assert found("café", text) == ["café", "CAFÉ", "cafe", "Café"]
    # A capital makes the case count, never the accents.
    assert found("Cafe", text) == ["Café"]
    assert found("CAFE", text) == ["CAFÉ"]


def test_accents_of_the_latin_blocks() -> None:
    assert found("electricite", "L'électricité ÉLECTRICITÉ") == ["électricité", "ÉLECTRICITÉ"]
    assert found("garcon", "garçon") == ["garçon"]
    assert found("naive", "naïve") == ["naïve"]
    assert found("zurich", "Zürich") == ["Zürich"]
    assert found("lodz", "Łódź") == ["Łódź"]  # a stroke has no decomposition: named variant
    assert found("oresund", "Øresund") == ["Øresund"]
    assert found("ha noi", "Hà Nội") == ["Hà Nội"]  # Latin Extended Additional


def test_decomposed_accents_belong_to_their_letter() -> None:
    text = "cafe\u0301 et e\u0301te\u0301"
    assert found("cafe", text) == ["cafe\u0301"]
    assert found("été", text) == ["e\u0301te\u0301"]


def test_ligatures_match_their_letters() -> None:
    text = "cœur, coeur, Cœur, ex æquo, Œuvre, Oeuvre"
    assert found("coeur", text) == ["cœur", "coeur", "Cœur"]
    assert found("cœur", text) == ["cœur", "coeur", "Cœur"]
    assert found("aequo", text) == ["æquo"]
    assert found("Œuvre", text) == ["Œuvre", "Oeuvre"]
    assert found("Oeuvre", text) == ["Œuvre", "Oeuvre"]


def test_blanks_around_a_lone_accent_fold_as_one() -> None:
    # Found by the property test: a combining accent between two blanks (nothing to sit on).
    assert fold(" \u0301 1") == fold(" 1") == " 1"


def test_sharp_s_matches_ss_as_in_the_palette() -> None:
    # The palette's fold always turned ß into ss; search does too now (core.find.fold).
    text = "Straße, Strasse, STRASSE"
    assert found("strasse", text) == ["Straße", "Strasse", "STRASSE"]
    assert found("straße", text) == ["Straße", "Strasse", "STRASSE"]
    assert found("Straße", text) == ["Straße", "Strasse"]
    # A run of s around ß: the query's own ß stays whole, and "sss" is three s.
    assert found("sß", "sß sss ßs") == ["sß", "sss"]
    assert found("sss", "sß sss ßs") == ["sss"]


def test_query_is_literal() -> None:
    text = "a.b axb (x) [x] a+b a*b \\d 1.5"
    for query in ("a.b", "(x)", "[x]", "a+b", "a*b", "\\d"):
        assert found(query, text) == [query]
    assert found(".", "a.b") == ["."]


def test_blanks_match_any_run_of_blanks() -> None:
    # Markdown sources wrap lines anywhere: a two-word query spans a line break.
    assert found("data centre", "the data\ncentre and  data   centre") == [
        "data\ncentre",
        "data   centre",
    ]


def test_other_scripts_follow_smart_case() -> None:
    assert found("σοφία", "ΣΟΦΊΑ σοφία") == ["ΣΟΦΊΑ", "σοφία"]
    assert found("σοφια", "σοφία") == []  # only Latin letters lose their accents
    assert found("москва", "Москва МОСКВА") == ["Москва", "МОСКВА"]
    assert found("Москва", "москва Москва") == ["Москва"]


def test_link_addresses_are_not_searched() -> None:
    source = (
        'See [sembr.org](https://sembr.org/) and ![a chart](charts/sembr_(1).png "sembr").\n'
        "\n[ref]: https://sembr.org/ref\n"
    )
    text = searchable(source)
    assert len(text) == len(source)
    assert found("sembr", text) == ["sembr"]
    assert text.startswith("See [sembr.org ")


def test_matches_skip_link_addresses_only_where_the_query_is_in_one() -> None:
    sources = ["[sembr.org](https://sembr.org/) sembr", "[x](https://x.org) sembr", "sembr"]
    compiled = compile_query("sembr")
    assert compiled is not None
    matches = SearchIndex(sources).matches(compiled)
    assert matches.counts == [2, 1, 1]
    assert matches.sources[0] == searchable(sources[0]) != sources[0]
    assert matches.sources[1] is sources[1]  # no match in its address: not rewritten
    assert [matches.hit(0, i).start for i in range(2)] == [1, 32]


@given(st.text(alphabet='[]()!:abc \n"', max_size=80))
def test_searchable_keeps_offsets(source: str) -> None:
    text = searchable(source)
    assert len(text) == len(source)
    assert all(a == b or b == " " for a, b in zip(source, text, strict=True))


# --- properties ---------------------------------------------------------------------------

LETTERS = "aeiocnsuyzAEOCNZéèêëàçôœŒæÆøØłŁßıİσςΣЖж"
ALPHABET = LETTERS + " \n\t.*+?()[]\\|^$-1"
texts = st.text(alphabet=ALPHABET + "\u0301\u0308", max_size=60)
queries = st.text(alphabet=ALPHABET + "\u0301", min_size=1, max_size=6)


@settings(max_examples=400, deadline=None)
@given(texts, queries)
def test_every_reported_span_folds_to_the_query(text: str, query: str) -> None:
    compiled = compile_query(query)
    assume(compiled is not None)
    assert compiled is not None
    for start, end in compiled.spans(text):
        assert fold(text[start:end]) == fold(query)


@settings(max_examples=300, deadline=None)
@given(texts, queries)
def test_case_sensitive_spans_keep_the_case_of_each_letter(text: str, query: str) -> None:
    compiled = compile_query(query)
    assume(compiled is not None and is_case_sensitive(query))
    assume(not set(query) & set("œŒæÆßẞ"))
    assert compiled is not None

    def letters(s: str) -> list[str]:
        return [c for c in unicodedata.normalize("NFD", s) if c.isalpha()]

    for start, end in compiled.spans(text):
        matched = text[start:end]
        if not set(matched) & set("œŒæÆßẞ"):  # one letter for two
            pairs = zip(letters(query), letters(matched), strict=True)
            assert all(q.isupper() == t.isupper() for q, t in pairs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60), st.data())
def test_a_substring_of_the_text_is_always_found(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    query = text[start:end]
    compiled = compile_query(query)
    assume(compiled is not None)
    assert compiled is not None
    assert compiled.spans(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, max_size=8), queries)
def test_counts_are_the_sum_over_sections(sources: list[str], query: str) -> None:
    compiled = compile_query(query)
    assume(compiled is not None)
    assert compiled is not None
    matches = SearchIndex(sources).matches(compiled)
    # The text searched is the source, or the source with its link addresses blanked out.
    for raw, searched in zip(sources, matches.sources, strict=True):
        assert searched in (raw, searchable(raw))
    sources = matches.sources
    assert matches.counts == [len(compiled.spans(s)) for s in sources]
    assert matches.total == sum(matches.counts)
    # Walking with next() from the first match visits every match once, in order, then wraps.
    if matches.total:
        hit = matches.first_from(0, 0)
        assert hit is not None
        seen = []
        for _ in range(matches.total):
            seen.append((hit.section, hit.start))
            assert matches.rank(hit) == len(seen)
            assert sources[hit.section][hit.start : hit.end]
            hit = matches.next(hit)
        assert seen == sorted(seen) and len(set(seen)) == matches.total
        assert (hit.section, hit.start) == seen[0]
        assert matches.previous(matches.next(hit)) == hit


# --- the fast path: no combining marks, rarest letter first, link addresses subtracted ----

SMALL = "abcaéÉBœ.x"
QUERY_LETTERS = "abcaaéx."


def test_the_regex_starts_at_the_rarest_letter() -> None:
    def shape(query: str) -> tuple[int, bool]:
        compiled = compile_query(query, marks=False)
        assert compiled is not None
        return compiled.head, compiled.overlapping

    assert shape("cafe") == (2, False)  # f
    assert shape("marche") == (4, False)  # h
    assert shape("zurich") == (0, False)  # z is the rarest
    assert shape("abab") == (1, False)  # b, before the border "ab"
    # "e" is both head and tail: two occurrences can share it ("electricitelectricite"), so
    # the regex starting at "c" finds overlapping ones and the spans keep the leftmost.
    assert shape("electricite") == (3, True)
    assert shape("aba") == (1, True)
    # Variable widths (blanks, "oe" for œ, combining marks) keep the plain regex.
    assert shape("coeur") == shape("data centre") == (0, False)
    compiled = compile_query("cafe")
    assert compiled is not None and compiled.head == 0
    # Occurrences that overlap are found once, as by the plain regex (found() compares).
    assert found("aba", "ababa") == ["aba"]
    assert found("aba", "abababa") == ["aba", "aba"]
    assert found("abab", "abababab") == ["abab", "abab"]
    assert found("electricite", "electricitelectricite électricité") == [
        "electricite",
        "électricité",
    ]
    assert found("cafe", "cafécafe café") == ["café", "cafe", "café"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=QUERY_LETTERS, min_size=1, max_size=5), st.data())
def test_the_fast_regex_finds_what_the_plain_one_finds(query: str, data: st.DataObject) -> None:
    # Texts made of pieces of the query, so that occurrences touch and overlap.
    tails = [query[i:] for i in range(1, len(query))]
    pieces = st.one_of(
        st.sampled_from([query, *tails]), st.sampled_from([query.upper(), query[::-1], " ", *SMALL])
    )
    text = "".join(data.draw(st.lists(pieces, max_size=12)))
    plain, fast = compile_query(query), compile_query(query, marks=False)
    assert plain is not None and fast is not None
    assert fast.spans(text) == plain.spans(text)
    assert fast.count(text) == plain.count(text) == len(plain.spans(text))


def test_hidden_text_is_what_searchable_blanks_out() -> None:
    source = "[a](http://x.org/cafe) cafe\n[ref]: http://y.org/a](cafe)\n![i](img(1).png)"
    index = SearchIndex([source, "no link here"])
    assert index.hidden(0).split("\x00") == [
        "](http://x.org/cafe)",
        "[ref]: http://y.org/a](cafe)",
        "](img(1).png)",
    ]
    assert index.blanked(0) == searchable(source)
    assert index.hidden(1) == ""
    assert index.blanked(1) == "no link here"


def test_prepare_finds_every_hidden_piece_ahead_pausing_on_the_way() -> None:
    sources = [f"[{i}](https://x.org/{i}) text {i}" if i % 3 else f"plain {i}" for i in range(10)]
    pauses: list[int] = []
    index = SearchIndex(sources)
    index.prepare(pause=lambda: pauses.append(1), every=4)
    assert len(pauses) == 2
    fresh = SearchIndex(sources)
    assert [index.hidden(i) for i in range(10)] == [fresh.hidden(i) for i in range(10)]
    assert index.hidden(1) == "](https://x.org/1)" and index.hidden(3) == ""


LINKED = st.text(alphabet="[]()!:ab é\nx", max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINKED, max_size=6), st.text(alphabet="ab é()]x", min_size=1, max_size=4))
def test_subtracting_hidden_matches_counts_like_searching_the_blanked_text(
    sources: list[str], query: str
) -> None:
    index = SearchIndex(sources, marks=False)
    compiled = index.compile(query)
    assume(compiled is not None)
    assert compiled is not None
    matches = index.matches(compiled)
    blanked = [searchable(source) for source in sources]
    assert [index.blanked(i) for i in range(len(sources))] == blanked
    assert matches.counts == [len(compiled.spans(text)) for text in blanked]
    for searched, raw, text in zip(matches.sources, sources, blanked, strict=True):
        assert searched in (raw, text)
        if searched is raw:
            assert compiled.spans(raw) == compiled.spans(text)
    scoped = index.matches(compiled, scope=0) if sources else None
    if scoped is not None:
        assert scoped.counts[1:] == [0] * (len(sources) - 1)
        assert scoped.counts[0] == matches.counts[0]


# --- navigation ---------------------------------------------------------------------------

SOURCES = ["## A\n\nno hit here", "## B\n\ncafé one, cafe two", "## C\n\nnothing", "## D\n\nCAFE"]


def test_first_match_at_or_after_a_position_wraps_around() -> None:
    compiled = compile_query("cafe")
    assert compiled is not None
    matches = SearchIndex(SOURCES).matches(compiled)
    assert matches.counts == [0, 2, 0, 1]
    assert matches.total == 3
    first = matches.first_from(0)
    assert first == Hit(1, 0, 6, 10)
    assert SOURCES[1][first.start : first.end] == "café"
    second = matches.first_from(1, first.start + 1)
    assert second is not None and (second.section, second.ordinal) == (1, 1)
    assert matches.first_from(2) == Hit(3, 0, 6, 10)
    # Past the last match: wrap to the first one, or None without wrap.
    assert matches.first_from(3, 7) == first
    assert matches.first_from(3, 7, wrap=False) is None
    assert matches.rank(matches.first_from(3)) == 3  # type: ignore[arg-type]


def test_last_before_a_position_wraps_around() -> None:
    compiled = compile_query("cafe")
    assert compiled is not None
    matches = SearchIndex(SOURCES).matches(compiled)
    assert matches.last_before(3, 100) == Hit(3, 0, 6, 10)
    assert matches.last_before(3, 0) == Hit(1, 1, 16, 20)
    assert matches.last_before(1, 6) == Hit(3, 0, 6, 10)  # wraps to the end
    assert matches.last_before(1, 6, wrap=False) is None


def test_next_and_previous_wrap() -> None:
    compiled = compile_query("cafe")
    assert compiled is not None
    matches = SearchIndex(SOURCES).matches(compiled)
    last = matches.hit(3, 0)
    first = matches.hit(1, 0)
    assert matches.next(last) == first
    assert matches.previous(first) == last
    assert matches.next(first) == matches.hit(1, 1)


def test_no_match_anywhere() -> None:
    compiled = compile_query("introuvable")
    assert compiled is not None
    matches = SearchIndex(SOURCES).matches(compiled)
    assert matches.total == 0
    assert matches.first_from(2) is None
    assert matches.last_before(2, 0) is None


def test_french_article_accents() -> None:
    source = (ARTICLES / "fr-centres-de-donnees.md").read_text(encoding="utf-8")
    compiled = compile_query("electricite")
    assert compiled is not None
    words = {source[a:b] for a, b in compiled.spans(source)}
    assert "électricité" in words
    assert [compiled.count(source)] == [len(re.findall("[ée]lectricit[ée]", source, re.I))]


def test_a_count_can_be_stopped_and_otherwise_is_the_same() -> None:
    """The search bar counts while the query is typed, in a thread it stops when the query
    changes: `stop` is looked at every STOP_EVERY sections."""
    from tui_reader.core.find.search import STOP_EVERY, SearchStopped

    sources = [f"## S{i}\n\ncafé et cafe\n" for i in range(STOP_EVERY * 3)]
    index = SearchIndex(sources)
    query = index.compile("cafe")
    assert query is not None
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) == 2  # on the second look, after STOP_EVERY sections

    with pytest.raises(SearchStopped):
        index.matches(query, stop=stop)
    assert len(calls) == 2
    full = index.matches(query, stop=lambda: False)
    assert full.total == 2 * len(sources) == index.matches(query).total
