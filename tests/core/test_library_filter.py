"""The library's type-to-filter matching (issue 11): title, author, source, feed, folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.core.find.library_filter import LibraryFilter, searchable_text
from tui_reader.core.storage.library import ArticleInfo


def article(
    title: str,
    author: str | None = None,
    source: str | None = None,
    feed: str | None = None,
    folder: str = "",
) -> ArticleInfo:
    return ArticleInfo(
        path=Path("/lib") / folder / "a.md",
        title=title,
        author=author,
        date=None,
        lang="fr",
        source_url=source,
        reading_minutes=1,
        comments_open=False,
        feed=feed,
        folder=folder,
    )


SHELF = [
    article("Centres de données : qui paiera l'électricité ?", "Camille Roux"),
    article("Le retour des trains de nuit", source="https://rail.example.org/nuit/"),
    article("Cœur de ville", feed="Le Blog Urbain"),
    article("Straße und Stadt", folder="deutsch/stadt"),
    article("Night Trains Are Back", "Ann Lee"),
]


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("", [0, 1, 2, 3, 4]),
        ("   ", [0, 1, 2, 3, 4]),
        ("electricite", [0]),  # accents
        ("ÉLECTRICITÉ", [0]),  # case
        ("coeur", [2]),  # ligature
        ("strasse", [3]),
        ("trains", [1, 4]),
        ("nuit trains", [1]),  # every word, in any order
        ("trains paris", []),
        ("camille", [0]),  # author
        ("rail.example", [1]),  # source host
        ("https", []),  # the address's scheme is not its source
        ("blog urbain", [2]),  # feed
        ("deutsch", [3]),  # folder
    ],
)
def test_query_keeps_the_articles_with_every_word(query: str, kept: list[int]) -> None:
    assert LibraryFilter(SHELF).matching(query) == kept


def test_no_word_spans_two_fields() -> None:
    # "Lee" ends the author, "Night" starts the title: "lee night" is not one phrase.
    assert "lee night" not in searchable_text(SHELF[4])
    assert LibraryFilter(SHELF).matching("lee night") == [4]  # as two words it is found
