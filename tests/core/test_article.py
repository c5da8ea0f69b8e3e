"""The article model end to end: parse_article and load_article on real-looking inputs."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.repo_paths import ARTICLES
from tui_reader.core.article.model import (
    Article,
    Notice,
    count_words,
    count_words_in_pieces,
    load_article,
    may_hold_marks,
    parse_article,
    summarize_article,
    title_from_path,
)
from tui_reader.core.errors import ArticleError


def parse(text: str, name: str | None = "article.md", **kwargs: str) -> Article:
    return parse_article(text.encode(), Path(name) if name else None, **kwargs)


def outline(article: Article) -> list[tuple[int, str, str]]:
    return [(s.level, s.title, s.slug) for s in article.sections]


WORDPRESS_EN = """# The Night Train Is Back

By Hannah Reyes

The overnight sleeper looked like a relic, and the trains filled up.

## How Europe lost its sleepers

The decline was gradual and then sudden.

## Leave a Reply

Your email address will not be published. Required fields are marked *

Comment *

Name *

Email *

Website

Save my name, email, and website in this browser for the next time I comment.

Post Comment
"""


# --- sections --------------------------------------------------------------------------------


def test_sections_of_a_wordpress_copy() -> None:
    article = parse(WORDPRESS_EN)
    assert outline(article) == [
        (1, "The Night Train Is Back", "the-night-train-is-back"),
        (2, "How Europe lost its sleepers", "how-europe-lost-its-sleepers"),
    ]
    assert article.sections[0].source.startswith("# The Night Train Is Back\n\nBy Hannah")
    assert article.sections[1].source == (
        "## How Europe lost its sleepers\n\nThe decline was gradual and then sudden.\n"
    )
    assert [s.index for s in article.sections] == [0, 1]


def test_lead_section_before_the_first_heading() -> None:
    article = parse("An opening paragraph.\n\n## First\n\nText.\n")
    lead = article.sections[0]
    assert (lead.index, lead.level, lead.title, lead.slug) == (0, 0, "", "top")
    assert lead.source == "An opening paragraph.\n\n"
    assert outline(article)[1:] == [(2, "First", "first")]


def test_no_lead_when_only_blank_lines_precede_the_first_heading() -> None:
    article = parse("\n\n   \n# Title\n\nText.\n")
    assert outline(article) == [(1, "Title", "title")]
    assert article.body == "# Title\n\nText.\n"


def test_no_heading_at_all_is_one_lead_section() -> None:
    article = parse("Just a note.\n\n#hashtag and #### small\n")
    assert [(s.level, s.slug, s.source) for s in article.sections] == [
        (0, "top", "Just a note.\n\n#hashtag and #### small\n")
    ]


def test_level_four_headings_stay_in_their_section() -> None:
    article = parse("# A\n\n#### Detail\n\ntext\n\n## B\n")
    assert outline(article) == [(1, "A", "a"), (2, "B", "b")]
    assert "#### Detail" in article.sections[0].source


def test_headings_in_fences_and_setext() -> None:
    text = (
        "Intro\n=====\n\n```sh\n# comment\n```\n\n~~~\n## also code\n~~~\n\n"
        "Part two\n--------\n\nText.\n\n---\n\nAfter a break.\n"
    )
    article = parse(text)
    assert outline(article) == [(1, "Intro", "intro"), (2, "Part two", "part-two")]
    assert article.sections[1].source.endswith("---\n\nAfter a break.\n")


def test_duplicate_accented_and_markup_only_titles() -> None:
    text = (
        "## Élections à Paris\n\n## Notes\n\n## Notes\n\n## Top\n\n"
        "## **Le _vote_**\n\n## 🎉\n\n##\n"
    )
    assert outline(parse("Lead.\n\n" + text)) == [
        (0, "", "top"),
        (2, "Élections à Paris", "élections-à-paris"),
        (2, "Notes", "notes"),
        (2, "Notes", "notes-1"),
        (2, "Top", "top-1"),
        (2, "Le vote", "le-vote"),
        (2, "🎉", "section"),
        (2, "Untitled section", "section-1"),
    ]


def test_section_by_slug() -> None:
    article = parse("Lead.\n\n## Élections à Paris\n\n## Notes\n\n## Notes\n")
    assert article.section_by_slug("notes-1") is article.sections[3]
    assert article.section_by_slug("#top") is article.sections[0]
    assert article.section_by_slug("%C3%A9lections-%C3%A0-paris") is article.sections[1]
    assert article.section_by_slug("missing") is None


# --- titles ----------------------------------------------------------------------------------


def test_title_from_front_matter_first() -> None:
    article = parse("---\ntitle: From YAML\n---\n# From heading\n")
    assert article.title == "From YAML"


def test_title_from_first_level_one_heading() -> None:
    article = parse("Lead\n\n## Not this\n\n# **This** one\n\n# Not the second\n")
    assert article.title == "This one"


def test_title_from_file_name() -> None:
    assert parse("Just text.\n", "notes/my-first_post.md").title == "My first post"
    assert title_from_path(Path("--.md")) is None
    assert title_from_path(Path("bad\x1b[2J-name.md")) == "Bad␛[2J name"


@pytest.mark.parametrize(("lang", "untitled"), [("en", "Untitled"), ("fr", "Sans titre")])
def test_stdin_without_title(lang: str, untitled: str) -> None:
    article = parse("12 34 56\n", None, fallback_lang=lang)
    assert (article.path, article.title, article.lang) == (None, untitled, lang)


# --- comment form, language, metadata --------------------------------------------------------


def test_footer_is_removed_and_opens_comments() -> None:
    article = parse(WORDPRESS_EN)
    assert "Leave a Reply" not in article.body
    assert article.body.endswith("gradual and then sudden.\n")
    assert (article.comments_open, article.footer_lang, article.lang) == (True, "en", "en")


def test_front_matter_comments_override_the_footer() -> None:
    closed = parse("---\ncomments: closed\n---\n" + WORDPRESS_EN)
    assert (closed.comments_open, closed.footer_lang) == (False, "en")
    opened = parse("---\ncomments: open\n---\n# No form here\n")
    assert opened.comments_open is True
    assert parse("# No form here\n").comments_open is False


def test_language_precedence() -> None:
    french_footer = "\n## Laisser un commentaire\n\nVotre adresse e-mail ne sera pas publiée.\n"
    english_text = "The night train is back and the trains are full of people.\n"
    assert parse("---\nlang: en-GB\n---\n" + english_text + french_footer).lang == "en"
    assert parse("---\nlang: de\n---\n" + english_text + french_footer).lang == "fr"
    assert parse(english_text).lang == "en"
    assert parse("Le train de nuit est de retour et les trains sont pleins.\n").lang == "fr"
    assert parse("1 2 3\n", fallback_lang="fr").lang == "fr"
    assert parse("1 2 3\n", fallback_lang="xx").lang == "en"


def test_metadata_fields_are_passed_on() -> None:
    article = parse(
        "---\nauthor: Ann\ndate: 2026-01-02\nsource: https://ex.org/a\ntags: a, b\n"
        "require_name_email: false\n---\n# T\n"
    )
    assert (article.author, article.date, article.source_url, article.tags) == (
        "Ann",
        "2026-01-02",
        "https://ex.org/a",
        ["a", "b"],
    )
    assert article.require_name_email is False
    assert parse("# T\n").require_name_email is True


def test_invalid_front_matter_is_kept_out_of_the_text_with_a_notice() -> None:
    article = parse("---\ntitle: [broken\n---\n\nBody text.\n", "bad.md")
    assert article.notices == [
        Notice(
            "notice.bad_front_matter",
            {"path": "bad.md", "reason": article.notices[0].params["reason"]},
        )
    ]
    # Neither a rule nor a heading made of the broken block (issue 11).
    assert article.body == "Body text.\n"
    assert [s.title for s in article.sections] == [""]
    assert article.title == "Bad"


# --- encodings, control characters, errors ---------------------------------------------------


def test_bom_crlf_and_cr() -> None:
    article = parse_article(b"\xef\xbb\xbf# Title\r\n\r\nLine one\rLine two\r\n", Path("a.md"))
    assert article.title == "Title"
    assert article.body == "# Title\n\nLine one\nLine two\n"
    assert article.notices == []


def test_latin1_opens_with_a_notice() -> None:
    article = parse_article("# Été\n\nÇa marche.\n".encode("latin-1"), Path("vieux.md"))
    # Detected (issue 11), no longer three U+FFFD.
    assert article.notices == [
        Notice("notice.assumed_encoding", {"path": "vieux.md", "encoding": "Windows-1252"})
    ]
    assert article.title == "Été"


def test_control_characters_are_inert_in_body_and_titles() -> None:
    raw = (
        b'---\ntitle: "T\\e[31m"\n---\n'
        b"# Head\x1b[2J\n\nclear\x1b[2J \x1b]52;c;ZXZpbA==\x07 bell\x07 back\x08 "
        b"csi\xc2\x9b [bold red]x[/]\n"
    )
    article = parse_article(raw, Path("hostile.md"))
    assert article.title == "T␛[31m"
    assert article.sections[0].title == "Head␛[2J"
    assert article.body == (
        "# Head␛[2J\n\nclear␛[2J ␛]52;c;ZXZpbA==␇ bell␇ back␈ csi\ufffd [bold red]x[/]\n"
    )


def test_stdin_errors_name_stdin() -> None:
    with pytest.raises(ArticleError) as caught:
        parse_article(b"   \n", None)
    assert (caught.value.key, caught.value.params) == ("error.empty", {"path": "<stdin>"})
    with pytest.raises(ArticleError) as caught:
        parse_article(b"a\x00b", None)
    assert caught.value.key == "error.binary"


def test_load_article_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "image.md").write_bytes(b"\x89PNG\x00")
    (tmp_path / "photo.jpg").write_bytes(b"# x\n")
    for name, key in [
        ("missing.md", "error.not_found"),
        ("empty.md", "error.empty"),
        ("image.md", "error.binary"),
        ("photo.jpg", "error.unsupported"),
        (".", "error.unsupported"),
    ]:
        with pytest.raises(ArticleError) as caught:
            load_article(tmp_path / name)
        assert caught.value.key == key, name


def test_front_matter_or_footer_only_gives_an_empty_lead() -> None:
    article = parse("---\ntitle: Just metadata\n---\n")
    assert article.title == "Just metadata"
    assert article.body == ""
    assert [(s.slug, s.source, s.title) for s in article.sections] == [("top", "", "")]


# --- derived values --------------------------------------------------------------------------


def test_text_hash_is_of_the_decoded_text() -> None:
    raw = b"\xef\xbb\xbf# T\r\n"
    assert parse_article(raw, None).text_hash == hashlib.sha256(b"# T\r\n").hexdigest()


def test_word_count_is_lazy_and_reading_minutes_rounds_up() -> None:
    article = parse("# Title\n\n" + "word " * 459 + "\n")
    assert "word_count" not in article.__dict__  # not computed while loading
    assert article.word_count == 461  # "#" and "Title" included: close enough
    assert article.reading_minutes == 3
    assert parse("# Hi\n").reading_minutes == 1


@given(st.text(alphabet=" \t\n\x0b\x0cab\u00e9\u00a0", max_size=50))
def test_count_words_matches_split_for_ascii_whitespace(text: str) -> None:
    expected = len(text.replace("\u00a0", "\u00e9").split())  # NBSP is not a separator here
    assert count_words(text) == expected


# --- bundled articles ------------------------------------------------------------------------


def test_bundled_articles() -> None:
    fr = load_article(ARTICLES / "fr-centres-de-donnees.md")
    assert fr.lang == "fr" and fr.footer_lang == "fr" and fr.comments_open
    assert "Laisser un commentaire" not in fr.body
    en = load_article(ARTICLES / "en-field-guide-markdown-terminal.md")
    # Its table of contents links to the slugs we make.
    for line in en.sections[0].source.splitlines():
        if "](#" in line:
            slug = line.split("](#", 1)[1].split(")", 1)[0]
            assert en.section_by_slug(slug) is not None, slug
    note = load_article(ARTICLES / "en-short-note.txt")
    assert [s.level for s in note.sections] == [1, 2, 2]


def test_summary_agrees_with_the_full_parse() -> None:
    for path in sorted(ARTICLES.iterdir()):
        raw = path.read_bytes()
        article, summary = parse_article(raw, path), summarize_article(raw, path)
        assert (summary.title, summary.author, summary.date, summary.lang) == (
            article.title,
            article.author,
            article.date,
            article.lang,
        )
        assert (summary.source_url, summary.word_count, summary.comments_open) == (
            article.source_url,
            article.word_count,
            article.comments_open,
        )


# --- properties ------------------------------------------------------------------------------

markdownish = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "# A",
                "## A",
                "### B",
                "#### C",
                "===",
                "---",
                "```",
                "~~~",
                "- x",
                "> q",
                "",
                "Leave a Reply",
                "Your email address will not be published.",
                "Name *",
                "---",
                "title: x",
            ]
        ),
        st.text(max_size=20),
    ),
    max_size=25,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(markdownish, st.text()), st.sampled_from(["\n", "\r\n", "\r"]))
def test_properties_of_any_text(text: str, newline: str) -> None:
    text = text.replace("\x00", "").replace("\n", newline)
    raw = text.encode("utf-8", "surrogatepass")
    if not text or text.isspace():
        with pytest.raises(ArticleError):
            parse_article(raw, None)
        return
    article = parse_article(raw, None)  # never raises otherwise
    assert "".join(s.source for s in article.sections) == article.body
    slugs = [s.slug for s in article.sections]
    assert all(slugs) and len(set(slugs)) == len(slugs)
    assert [s.index for s in article.sections] == list(range(len(article.sections)))
    for piece in [article.body, article.title, *(s.title for s in article.sections)]:
        assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in piece)
    assert all(s.title for s in article.sections if s.level > 0)
    assert article.lang in ("fr", "en")
    assert article.title
    summary = summarize_article(raw, None)
    assert (summary.title, summary.word_count) == (article.title, article.word_count)


@given(st.text(alphabet=st.sampled_from("ab é\n\t  x"), max_size=300), st.integers(1, 40))
def test_word_count_in_pieces_adds_up_to_the_whole(text: str, piece: int) -> None:
    assert sum(count_words_in_pieces(text, piece)) == count_words(text)


def test_combining_marks_are_noticed_from_the_bytes() -> None:
    # Precomposed French ("é" is one code point) has none; "e" + U+0301 has one.
    assert not parse_article("# Été\n\nL'été.\n".encode(), None).marks
    assert parse_article("# E\u0301te\u0301\n".encode(), None).marks
    assert not may_hold_marks("café œuvre ’ « » €".encode())
    assert all(may_hold_marks(chr(code).encode()) for code in range(0x300, 0x370))
