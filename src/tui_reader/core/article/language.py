"""French or English, for an article that does not say: enough to choose the language of its
comment form, not a general language detector.
"""

from __future__ import annotations

import re

from tui_reader.core.catalog import LANGS

SAMPLE_CHARS = 20_000
_QUICK_SAMPLE_CHARS = 2_000
# Below this many stop words the sample says nothing (a title, a list of links...).
_MIN_EVIDENCE = 3
# This many, three times more than the other language's, and the quick sample is enough.
_SETTLED = 12

# Frequent function words of one language that are rare as words of the other. Words both
# use ("a", "on", "en", "or", "as", "an") would only blur the count.
_FRENCH_WORDS = """
    le la les des du de et est une un dans pour que qui pas sur au aux avec ce cette ces il elle
    ils elles nous vous ne se sont plus mais où été être fait comme leur leurs sa ses très aussi
    tout tous entre sans chez donc alors même déjà était peut
"""
_ENGLISH_WORDS = """
    the and of to is in that it for with was are be this by not you have but from they which
    were been has had their there what would will can about more when your into than them these
    its who our should could
"""
_FRENCH = frozenset(_FRENCH_WORDS.split())
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_WORD = re.compile(r"[a-zà-öø-ÿœæ]+")


def normalise_lang(value: str | None) -> str | None:
    """'fr' or 'en' from a language tag ('fr-FR', 'EN_us'...); None for anything else."""
    if not value:
        return None
    code = value.strip()[:2].lower()
    return code if code in LANGS else None


def _stop_words(sample: str) -> tuple[int, int]:
    """(French, English) stop words in `sample`."""
    words = _WORD.findall(sample.lower())
    return sum(map(_FRENCH.__contains__, words)), sum(map(_ENGLISH.__contains__, words))


def guess_language(text: str) -> str | None:
    """'fr' or 'en' from stop-word counts in the start of `text`; None when unsure."""
    # A couple of KB usually settle it: the full sample is read only when they do not, which
    # matters when a library guesses for hundreds of articles.
    french, english = _stop_words(text[:_QUICK_SAMPLE_CHARS])
    settled = max(french, english) >= _SETTLED and min(french, english) * 3 < max(french, english)
    if not settled and len(text) > _QUICK_SAMPLE_CHARS:
        french, english = _stop_words(text[:SAMPLE_CHARS])
    if french + english < _MIN_EVIDENCE or french == english:
        return None
    return "fr" if french > english else "en"
