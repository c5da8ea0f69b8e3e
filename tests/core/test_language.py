"""French / English guess from stop words, and language tags."""

from __future__ import annotations

import pytest

from tui_reader.core.article.language import guess_language, normalise_lang


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr", "fr"), ("fr-FR", "fr"), ("EN_us", "en"), (" en ", "en"), ("de", None), ("", None)],
)
def test_normalise_lang(value: str, expected: str | None) -> None:
    assert normalise_lang(value) == expected


def test_french() -> None:
    text = "Depuis dix-huit mois, les annonces se succèdent sans relâche dans le pays et la ville."
    assert guess_language(text) == "fr"


def test_english() -> None:
    text = "The night train is back, and it wants your weekend: that is the news from the rails."
    assert guess_language(text) == "en"


def test_too_little_evidence() -> None:
    assert guess_language("Nightjet 2026") is None
    assert guess_language("") is None


def test_only_the_start_is_sampled() -> None:
    text = "the and of to is in that " * 10 + "x" * 30_000 + " le la les des du et est " * 100
    assert guess_language(text) == "en"


def test_an_unclear_start_reads_further() -> None:
    text = "Nightjet 2026 — 1 2 3. " * 100 + "Le train de nuit est de retour dans la ville. " * 5
    assert len(text) > 2_000
    assert guess_language(text) == "fr"
