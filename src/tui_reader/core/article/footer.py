"""The WordPress comment form that copied articles end with, recognised and cut off.

A page copied from a WordPress blog ends with the text of its comment form: a "Leave a Reply"
heading, the "Your email address will not be published" notice and the field labels. That text
is not article, but it tells us the article takes comments, and in which language.

Only a trailing block counts: from the end of the text, lines are skipped while they are
blank or belong to the form; the block must hold the e-mail notice (the least ambiguous line),
and it starts at its first heading or notice line. The same words mid-article are kept.
"""

from __future__ import annotations

import re
import unicodedata

# How far from the end the form is looked for: a real one is a few hundred characters.
_TAIL_CHARS = 8_000
# The form's longest line (the French notice) is about 100 characters.
_LONGEST_LINE = 300

# Normalised lines (see _normalise) that open the form.
_OPENINGS = frozenset(
    {"leave a reply", "leave a comment", "laisser un commentaire", "laisser une réponse"}
)
# The notice under the heading, a line that starts with one of these: the line every form has,
# so its language is taken as the form's.
_NOTICES = {
    "your email address will not be published": "en",
    "your e-mail address will not be published": "en",
    "votre adresse e-mail ne sera pas publiée": "fr",
    "votre adresse email ne sera pas publiée": "fr",
    "votre adresse de messagerie ne sera pas publiée": "fr",
}
# Field labels, buttons and checkboxes that follow, exact lines.
_LABELS = frozenset(
    {
        # English
        "comment",
        "name",
        "email",
        "e-mail",
        "website",
        "url",
        "post comment",
        "submit",
        "submit comment",
        "cancel reply",
        "required fields are marked",
        "δ",  # Akismet's hidden field: "Δ" (lowercased), copied along with the form
        # French
        "commentaire",
        "nom",
        "adresse e-mail",
        "site web",
        "site",
        "envoyer",
        "publier le commentaire",
        "annuler la réponse",
        "les champs obligatoires sont indiqués avec",
    }
)
# Longer labels, recognised by their start.
_LABEL_PREFIXES = (
    "save my name, email, and website",
    "save my name, e-mail, and website",
    "notify me of follow-up comments",
    "notify me of new posts",
    "enregistrer mon nom, mon e-mail et mon site",
    "enregistrer mon nom, mon adresse e-mail et mon site",
    "prévenez-moi de tous les nouveaux",
    "avertissez-moi par e-mail",
)

_SPACES = re.compile(r"\s+")
# Markdown around a label: heading marks, list bullets, checkboxes, emphasis, escapes.
_LEADING_MARKUP = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+|\[[ xX]?\]\s*|[☐☑]\s*)+")
_TRAILING_MARKUP = re.compile(r"(?:\s+#+|[\s*:.]+)$")
# A setext underline, or a thematic break, between the lines of the form.
_RULE = re.compile(r"^(?:=+|-+)$")


def _normalise(line: str) -> str:
    """A line as compared with the form's wording: case, spaces, apostrophes, markup ignored."""
    line = unicodedata.normalize("NFC", line).replace("\\", "").replace("’", "'")
    line = _SPACES.sub(" ", line).strip().lower()  # \s covers no-break spaces
    line = _LEADING_MARKUP.sub("", line)
    line = line.strip("*_ ")
    return _TRAILING_MARKUP.sub("", line)


def _classify(line: str) -> tuple[str, str | None] | None:
    """("opening" | "notice" | "label" | "blank", language) for a line of the form, else None."""
    if len(line) > _LONGEST_LINE:
        return None  # a paragraph: not worth normalising
    text = _normalise(line)
    if not text or _RULE.match(text):
        return "blank", None
    # The reply heading of a threaded form carries its "Cancel reply" link.
    opening = text.removesuffix(" cancel reply").removesuffix(" annuler la réponse")
    if opening in _OPENINGS:
        return "opening", None
    for notice, lang in _NOTICES.items():
        if text.startswith(notice):
            return "notice", lang
    if text in _LABELS or text.startswith(_LABEL_PREFIXES):
        return "label", None
    return None


def find_comment_footer(text: str, start: int = 0) -> tuple[int, str | None]:
    """(offset where a trailing comment form starts, its language), or (len(text), None).

    The form is looked for in text[start:]; an offset, so that the caller slices only once.
    """
    tail_start = max(start, len(text) - _TAIL_CHARS)
    end = len(text)
    cut = len(text)
    lang: str | None = None  # the notice's: its wording is the least ambiguous
    while end > tail_start:
        line_start = text.rfind("\n", tail_start, end - 1) + 1
        if line_start == 0 and tail_start > 0:
            line_start = tail_start
            if text[tail_start - 1] != "\n":
                break  # a line cut by the window: not part of a form
        kind = _classify(text[line_start:end])
        if kind is None:
            break
        if kind[0] == "notice":
            lang = kind[1]
        if kind[0] in ("opening", "notice"):
            cut = line_start
        end = line_start
    if lang is None:
        return len(text), None
    return cut, lang
