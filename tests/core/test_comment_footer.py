"""The WordPress comment form at the end of copied articles."""

from __future__ import annotations

import pytest

from tui_reader.core.article.footer import find_comment_footer


def split_comment_footer(text: str, start: int = 0) -> tuple[str, str | None]:
    cut, lang = find_comment_footer(text, start)
    return text[:cut], lang


ARTICLE_EN = "# Night trains\n\nThe sleeper came back.\n\n"
ARTICLE_FR = "# Centres de données\n\nQui paiera la facture ?\n\n"

EN_HEADING = """## Leave a Reply

Your email address will not be published. Required fields are marked *

Comment *

Name *

Email *

Website

Save my name, email, and website in this browser for the next time I comment.

Post Comment
"""

FR_HEADING = """## Laisser un commentaire

Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *

Commentaire *

Nom *

E-mail *

Site web

Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.

Laisser un commentaire
"""


def test_english_heading_form() -> None:
    assert split_comment_footer(ARTICLE_EN + EN_HEADING) == (ARTICLE_EN, "en")


def test_french_heading_form() -> None:
    assert split_comment_footer(ARTICLE_FR + FR_HEADING) == (ARTICLE_FR, "fr")


def test_plain_lines_with_typographic_variants() -> None:
    # No heading marks, no-break spaces, trailing spaces, ’ and escaped stars, CRLF gone.
    footer = (
        "Leave a Comment   \n"
        "Your email address will\u00a0not be published.\n"
        "Required fields are marked \\*\n"
        "Comment\u00a0*\n\n\nName *  \nEmail *\nWebsite\n"
    )
    assert split_comment_footer(ARTICLE_EN + footer) == (ARTICLE_EN, "en")


def test_french_plain_form_without_labels() -> None:
    footer = "Laisser un commentaire\nVotre adresse e-mail ne sera pas publiée.\n"
    assert split_comment_footer(ARTICLE_FR + footer) == (ARTICLE_FR, "fr")


def test_setext_heading_form_and_cancel_reply() -> None:
    footer = (
        "Leave a Reply Cancel reply\n-------------\n\n"
        "Your email address will not be published.\n\n- [ ] Notify me of new posts by email.\n"
    )
    assert split_comment_footer(ARTICLE_EN + footer) == (ARTICLE_EN, "en")


def test_the_form_words_mid_article_are_kept() -> None:
    text = ARTICLE_EN + EN_HEADING + "\n## Epilogue\n\nThe story continues.\n"
    assert split_comment_footer(text) == (text, None)


def test_a_heading_alone_is_not_enough() -> None:
    text = ARTICLE_EN + "## Leave a Reply\n\nComment *\n\nName *\n"
    assert split_comment_footer(text) == (text, None)


def test_labels_before_the_form_stay() -> None:
    text = ARTICLE_EN + "Website\n\n"
    assert split_comment_footer(text + EN_HEADING) == (text, "en")


@pytest.mark.parametrize("text", ["", "\n\n", "Website\n", "Leave a Reply\n"])
def test_nothing_to_cut(text: str) -> None:
    assert split_comment_footer(text) == (text, None)


def test_whole_text_can_be_the_form() -> None:
    assert split_comment_footer(EN_HEADING) == ("", "en")


def test_only_the_tail_is_examined() -> None:
    # A huge run of form-like lines is not walked to the start of the text.
    text = "Website\n" * 100_000 + EN_HEADING
    body, lang = split_comment_footer(text)
    assert lang == "en" and body == "Website\n" * 100_000


def test_search_starts_at_the_given_offset() -> None:
    # After a front matter: the form may start right there, but not before.
    front = "---\ntitle: x\n---\n"
    assert find_comment_footer(front + EN_HEADING, len(front)) == (len(front), "en")
    # Starting mid-heading, the notice still opens the form; mid-notice, nothing does.
    assert find_comment_footer(EN_HEADING, 10) == (EN_HEADING.index("Your"), "en")
    assert find_comment_footer(EN_HEADING, 25) == (len(EN_HEADING), None)
