"""Comment validation: WordPress's is_email(), its checks in its order, byte limits, messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.catalog import STRINGS, t
from tui_reader.core.comments.email_rules import is_email, php_trim
from tui_reader.core.comments.validation import (
    FIELDS,
    KEY_EMPTY_COMMENT,
    KEY_INVALID_EMAIL,
    KEY_REQUIRED,
    KEY_TOO_LONG,
    LIMITS,
    FieldError,
    byte_length,
    error_prefix,
    errors_by_field,
    prefixed,
    strip_tags,
    validate,
)

VALID_EMAILS = [
    "a@b.co",  # exactly 6 bytes: the minimum
    "ab@x.com",
    "first.last@example.org",
    "a..b@x.com",  # dots anywhere in the local part, even doubled
    ".ab@x.com",
    "ab.@x.com",
    "user+tag@example.com",
    "!#$%&'*+/=?^_`{|}~-@x.com",  # every special character allowed in the local part
    "UPPER@EXAMPLE.COM",  # case-insensitive domain
    "ab@x.123",  # no TLD rule
    "ab@1.2.3.4",
    "ab@x-y.com",  # hyphen inside a label
    "ab@a.b.c.d.e",
    "ab@x--y.com",
    "a@" + "b" * 300 + ".com",  # no total length rule (the 100-byte field limit is separate)
]

INVALID_EMAILS = [
    "",
    "a@b.c",  # 5 bytes
    "@ab.com",  # "@" at position 0
    "ab.com",  # no "@"
    "ab@localhost",  # one label
    "ab@x..com",
    "ab@-x.com",
    "ab@x-.com",
    "ab@x.-com",
    "ab@x_y.com",
    "ab@x.com.",
    "ab@.x.com",
    "ab@x.com ",  # trailing whitespace in the domain
    " ab@x.com",  # leading space in the local part
    "ab@ x.com",
    "é@x.com",  # local part is ASCII only
    "a b@x.com",
    'a"b@x.com',  # no quoted local parts
    "a(b)@x.com",
    "ab@x@y.com",  # the second "@" fails the label rule
    "ab@exämple.com",  # internationalised domains are refused
    "ab@例え.jp",
    "ab@\u212a.com",  # KELVIN SIGN would match [a-z] under Python's Unicode IGNORECASE
    "ab@x.\u017fom",  # LATIN SMALL LETTER LONG S, same trap
    "ab@x.com\n",  # PHP trim() rules catch a trailing newline in the domain
    "ab@x\n.com",
    "ab\n@x.com",  # see test_php_dollar_before_final_newline
    "ab@x.c\x00m",
    "ab@",
    "abcdef@",
]


@pytest.mark.parametrize("email", VALID_EMAILS)
def test_is_email_accepts(email: str) -> None:
    assert is_email(email)


@pytest.mark.parametrize("email", INVALID_EMAILS)
def test_is_email_rejects(email: str) -> None:
    assert not is_email(email)


def test_minimum_length_counts_bytes() -> None:
    # 5 characters but 6 bytes: passes the length rule and fails later on the local part,
    # whereas "ab@c." (5 bytes) fails the length rule itself.
    assert len("é@b.c") == 5
    assert byte_length("é@b.c") == 6
    assert not is_email("é@b.c")
    assert is_email("a@b.co") and not is_email("a@b.c")


def test_php_dollar_before_final_newline() -> None:
    # PHP's `$` matches before a final "\n", so WordPress accepts a local part ending in a
    # newline (then silently strips it). We are strict by default; php_dollar=True is PHP.
    assert not is_email("ab\n@x.com")
    assert is_email("ab\n@x.com", php_dollar=True)
    # Elsewhere the trim() rules already reject the newline, even PHP-style.
    assert not is_email("ab@x.com\n", php_dollar=True)
    assert not is_email("ab@x\n.com", php_dollar=True)
    # And a newline in the middle of the local part is refused either way.
    assert not is_email("a\nb@x.com", php_dollar=True)


def test_php_trim_is_not_str_strip() -> None:
    assert php_trim(" \t\n\r\0\x0bab \n") == "ab"
    assert php_trim("\u00a0ab\u2003") == "\u00a0ab\u2003"  # Unicode spaces are kept


@pytest.mark.parametrize(
    ("raw", "stripped"),
    [
        ("plain", "plain"),
        ("<b>bold</b> name", "bold name"),
        ("<b></b>", ""),
        ("a < b", "a < b"),  # "<" followed by whitespace is text
        ("a<b", "a"),  # an unclosed tag swallows the rest
        ("x <a href='>'>y</a>", "x y"),  # ">" inside quotes does not close the tag
        ("<!-- note -->visible", "visible"),
        ("<?php echo 1; ?>after", "after"),
        ("<!DOCTYPE html>text", "text"),
        ("nul\0byte", "nulbyte"),
        ("1 > 0", "1 > 0"),
    ],
)
def test_strip_tags_like_php(raw: str, stripped: str) -> None:
    assert strip_tags(raw) == stripped


GOOD = {"comment": "Nice piece.", "author": "Ada", "email": "ada@example.org", "url": ""}


def fields(**changes: str) -> dict[str, str]:
    return {**GOOD, **changes}


def test_valid_form_has_no_errors() -> None:
    assert validate(GOOD, "en") == []


def test_required_fields_message_on_each_empty_one() -> None:
    errors = validate(fields(author="", email=""), "en")
    assert [(e.field, e.message) for e in errors] == [
        ("author", "Please fill the required fields."),
        ("email", "Please fill the required fields."),
    ]
    only_email = validate(fields(email="  "), "en")
    assert [(e.field, e.key) for e in only_email] == [("email", "validation.required")]


def test_author_made_only_of_tags_is_empty() -> None:
    errors = validate(fields(author="<b> </b>"), "en")
    assert [(e.field, e.key) for e in errors] == [("author", "validation.required")]


def test_invalid_email() -> None:
    errors = validate(fields(email="ada@localhost"), "fr")
    message = "veuillez saisir une adresse e-mail valide."
    assert errors == [FieldError("email", message, "validation.invalid_email")]


def test_email_is_trimmed_before_is_email() -> None:
    assert validate(fields(email="  ada@example.org \n"), "en") == []


def test_name_and_email_not_required() -> None:
    errors = validate(fields(author="", email="not an email"), "en", require_name_email=False)
    assert errors == []


def test_empty_comment_after_php_trim() -> None:
    assert [e.key for e in validate(fields(comment=" \n\t "), "en")] == ["validation.empty_comment"]
    # A no-break space is not whitespace for PHP trim(): the server accepts it.
    assert validate(fields(comment="\u00a0"), "en") == []


def test_all_failures_in_wordpress_order() -> None:
    errors = validate({"comment": "", "author": "", "email": "x" * 101, "url": "u" * 201}, "en")
    assert [(e.field, e.key) for e in errors] == [
        ("author", "validation.required"),
        ("email", "validation.invalid_email"),
        ("comment", "validation.empty_comment"),
        ("email", "validation.email_too_long"),
        ("url", "validation.url_too_long"),
    ]
    assert errors_by_field(errors)["email"].key == "validation.invalid_email"
    assert list(errors_by_field(errors)) == ["author", "email", "comment", "url"]


@pytest.mark.parametrize(
    ("field", "at_limit", "over"),
    [
        ("author", "a" * 243 + "é", "a" * 244 + "é"),  # 245 bytes ok, 246 too long
        ("author", "é" * 122 + "a", "é" * 123),  # 245 vs 246 bytes, two-byte characters
        ("author", "a" * 242 + "€", "a" * 243 + "€"),  # three-byte character
        ("url", "https://x.org/" + "a" * 186, "https://x.org/" + "a" * 184 + "€"),
        ("comment", "a" * 65521 + "😀", "a" * 65522 + "😀"),  # four-byte character
    ],
)
def test_length_limits_in_bytes(field: str, at_limit: str, over: str) -> None:
    assert byte_length(at_limit) == LIMITS[field]
    assert byte_length(over) == LIMITS[field] + 1
    assert validate(fields(**{field: at_limit}), "en") == []
    errors = validate(fields(**{field: over}), "en")
    assert [(e.field, e.key) for e in errors] == [(field, f"validation.{field}_too_long")]


def test_email_length_limit() -> None:
    at_limit = "a" * 88 + "@example.org"
    assert byte_length(at_limit) == 100
    assert validate(fields(email=at_limit), "en") == []
    over = "a" * 89 + "@example.org"
    assert [e.key for e in validate(fields(email=over), "en")] == ["validation.email_too_long"]


def test_lengths_are_measured_after_trimming() -> None:
    assert validate(fields(author="a" * 245 + "   \n"), "en") == []
    assert validate(fields(author="<i>" + "a" * 245 + "</i>"), "en") == []


def test_limits_and_fields() -> None:
    assert LIMITS == {"author": 245, "email": 100, "url": 200, "comment": 65525}
    assert set(FIELDS) == set(LIMITS)


def test_messages_and_prefix_in_both_languages() -> None:
    error = validate(fields(comment=""), "fr")[0]
    assert error.message == "veuillez saisir votre commentaire."
    assert prefixed(error, "fr") == "Erreur\u00a0: veuillez saisir votre commentaire."
    assert error_prefix("en") == "Error: "
    english = validate(fields(author="a" * 246), "en")[0]
    assert prefixed(english, "en") == "Error: Your name is too long."


def test_every_validation_and_composer_string_is_translated() -> None:
    used = {KEY_REQUIRED, KEY_INVALID_EMAIL, KEY_EMPTY_COMMENT, *KEY_TOO_LONG.values()}
    form = {f"composer.label.{field}" for field in FIELDS} | {
        "composer.title", "composer.comment_on", "composer.note_private",
        "composer.note_required", "composer.consent", "composer.post", "composer.close",
        "validation.error_prefix",
    }  # fmt: skip
    for key in used | form:
        assert STRINGS[key].get("en") and STRINGS[key].get("fr"), key
    assert t("composer.comment_on", "fr", section="Intro") == "Commentaire sur : Intro"
    assert t("composer.post", "fr") == "Laisser un commentaire"


@given(
    st.dictionaries(st.sampled_from(FIELDS), st.text(), max_size=4),
    st.sampled_from(["en", "fr", "de"]),
    st.booleans(),
)
def test_validate_never_raises(data: dict[str, str], lang: str, required: bool) -> None:
    errors = validate(data, lang, require_name_email=required)
    assert all(e.field in FIELDS and e.message for e in errors)


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("@.-_ ")))
def test_is_email_never_raises_and_implies_basic_shape(email: str) -> None:
    if is_email(email):
        local, _, domain = email.partition("@")
        assert local and "." in domain and email.isascii()
