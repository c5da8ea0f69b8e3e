"""French or English, for an article that does not say: enough to choose the language of its
comment form, not a general language detector.
"""

from __future__ import annotations

import re

LANGUAGES = ("fr", "en")
SAMPLE_CHARS = 20_000
_QUICK_SAMPLE_CHARS = 2_000
# Below this many stop words the sample says nothing (a title, a list of links...).
_MIN_EVIDENCE = 3

# Frequent function words of one language that are rare as words of the other. Words both
# use ("a", "on", "en", "or", "as", "an") would only blur the count.
_FRENCH = frozenset(
    """le la les des du de et est une un dans pour que qui pas sur au aux avec ce cette ces
    il elle ils elles nous vous ne se sont plus mais où été être fait comme leur leurs
    sa ses très aussi tout tous entre sans chez donc alors même déjà était peut""".split()
)
_ENGLISH = frozenset(
    """the and of to is in that it for with was are be this by not you have but from they
    which were been has had their there what would will can about more when your into than
    them these its who our should could""".split()
)
_WORD = re.compile(r"[a-zà-öø-ÿœæ]+")


def normalise_lang(value: str | None) -> str | None:
    """'fr' or 'en' from a language tag ('fr-FR', 'EN_us'...); None for anything else."""
    if not value:
        return None
    code = value.strip()[:2].lower()
    return code if code in LANGUAGES else None


def guess_language(text: str) -> str | None:
    """'fr' or 'en' from stop-word counts in the start of `text`; None when unsure."""
    # A couple of KB usually settle it; the full sample is read only when they do not (listing
    # a library guesses for every article without front matter).
    for size in (_QUICK_SAMPLE_CHARS, SAMPLE_CHARS):
        words = _WORD.findall(text[:size].lower())
        french = sum(map(_FRENCH.__contains__, words))
        english = sum(map(_ENGLISH.__contains__, words))
        if min(french, english) * 3 < max(french, english) and max(french, english) >= 12:
            break
        if len(text) <= size:
            break
    if french + english < _MIN_EVIDENCE or french == english:
        return None
    return "fr" if french > english else "en"
