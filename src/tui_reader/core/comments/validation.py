"""Comment validation with WordPress's own rules (wp_handle_comment_submission), pure Python.

The server stops at its first failure; we report every failure, in the server's order, so the
composer can show them inline and focus the first one. Values are normalised as the server does
before checking them: PHP trim() on every field and strip_tags() on the name, and lengths are
counted in UTF-8 bytes on those normalised values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui_reader.core.catalog import t
from tui_reader.core.comments.email_rules import is_email, php_trim

FIELDS = ("comment", "author", "email", "url")

# wp_get_comment_fields_max_lengths(): column sizes, in bytes (comment: 65535 minus 10).
LIMITS: dict[str, int] = {"author": 245, "email": 100, "url": 200, "comment": 65525}

# Catalog keys, WordPress's error code in the comment.
KEY_REQUIRED = "validation.required"  # require_name_email
KEY_INVALID_EMAIL = "validation.invalid_email"  # require_valid_email
KEY_EMPTY_COMMENT = "validation.empty_comment"  # require_valid_comment
KEY_TOO_LONG = {
    "author": "validation.author_too_long",  # comment_author_column_length
    "email": "validation.email_too_long",  # comment_author_email_column_length
    "url": "validation.url_too_long",  # comment_author_url_column_length
    "comment": "validation.comment_too_long",  # comment_content_column_length
}
# wp_check_comment_data_max_lengths() checks in this order.
_LENGTH_ORDER = ("author", "email", "url", "comment")


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str  # "comment" | "author" | "email" | "url"
    message: str  # without the "Error: " prefix
    key: str  # catalog key of `message`


def byte_length(s: str) -> int:
    """Length in UTF-8 bytes, as the server counts (mb_strlen($s, '8bit'))."""
    # surrogatepass: a lone surrogate pasted into a field must not make a live counter crash.
    return len(s.encode("utf-8", "surrogatepass"))


def error_prefix(lang: str) -> str:
    """ "Error: " / "Erreur\u00a0: " (no-break space before the colon, as in WordPress fr_FR)."""
    return t("validation.error_prefix", lang)


def prefixed(error: FieldError, lang: str) -> str:
    """The message as WordPress shows it: "Error: Please type your comment text."."""
    return error_prefix(lang) + error.message


def errors_by_field(errors: list[FieldError]) -> dict[str, FieldError]:
    """The first error of each field (what an inline form shows under the field)."""
    first: dict[str, FieldError] = {}
    for error in errors:
        first.setdefault(error.field, error)
    return first


_SPACE = frozenset(" \t\n\v\f\r")  # C isspace() in the C locale


def strip_tags(s: str) -> str:
    """PHP strip_tags() with no allowed tags: a port of php_strip_tags_ex's state machine.

    What matters for the name field: "<b></b>" becomes empty (so the name is missing), "a < b"
    stays (a "<" followed by whitespace is text), an unclosed "<tag" swallows the rest, NULs go.
    """
    out: list[str] = []
    state = 0  # 0 text, 1 tag, 2 "<?" processing instruction, 3 "<!" declaration, 4 comment
    depth = 0  # "<" nested inside a tag
    in_q = ""  # open quote inside a tag
    lc = ""  # last significant character (PHP's lc)
    br = 0  # parenthesis depth inside "<?"
    is_xml = False
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        prev = s[i - 1] if i >= 1 else ""
        if c == "\0":
            pass
        elif state == 0:
            if c == "<":
                if not in_q:
                    if i + 1 < n and s[i + 1] in _SPACE:
                        out.append(c)
                    else:
                        lc, state = "<", 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    out.append(c)
            else:
                out.append(c)
        elif state == 1:
            if c == "<":
                if not in_q and not (i + 1 < n and s[i + 1] in _SPACE):
                    depth += 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    lc = ">"
                    if not (is_xml and prev == "-"):
                        in_q, state, is_xml = "", 0, False
            elif c in "\"'":
                if i != 0 and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "!" and prev == "<":
                state, lc = 3, c
            elif c == "?" and prev == "<":
                br, state = 0, 2
        elif state == 2:
            if c == "(" and lc not in ('"', "'"):
                lc, br = "(", br + 1
            elif c == ")" and lc not in ('"', "'"):
                lc, br = ")", br - 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q and not br and lc != '"' and prev == "?":
                    in_q, state = "", 0
            elif c in "\"'":
                if i >= 1 and prev != "\\":
                    if lc == c:
                        lc = ""
                    elif lc != "\\":
                        lc = c
                if i != 0 and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c in "lL" and i > 4 and s[i - 4 : i].lower() == "<?xm":
                state, is_xml = 1, True
        elif state == 3:
            if c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    in_q, state = "", 0
            elif c in "\"'":
                if i != 0 and prev != "\\" and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "-" and i >= 2 and s[i - 2 : i] == "!-":
                state = 4
            elif c in "eE" and i > 6 and s[i - 6 : i].lower() == "doctyp":
                state = 1
        elif c == ">" and not in_q and i >= 2 and s[i - 2 : i] == "--":  # state 4
            in_q, state = "", 0
        i += 1
    return "".join(out)


def normalise(fields: Mapping[str, str]) -> dict[str, str]:
    """The values the server checks: trimmed, and the name without tags."""
    return {
        "comment": php_trim(fields.get("comment", "")),
        "author": php_trim(strip_tags(fields.get("author", ""))),
        "email": php_trim(fields.get("email", "")),
        "url": php_trim(fields.get("url", "")),
    }


def validate(
    fields: Mapping[str, str], lang: str = "en", require_name_email: bool = True
) -> list[FieldError]:
    """Every failure of WordPress's checks on `fields`, in the server's order; [] when valid.

    `fields` maps "comment", "author", "email", "url" to the raw text typed (missing = "").
    """
    values = normalise(fields)
    errors: list[FieldError] = []

    def fail(field: str, key: str) -> None:
        errors.append(FieldError(field=field, message=t(key, lang), key=key))

    if require_name_email:
        # One server message for both fields; shown under each empty one, name first.
        for field in ("author", "email"):
            if values[field] == "":
                fail(field, KEY_REQUIRED)
        # The server only reaches is_email() when both are filled; an empty email already has
        # its error, but a bad email next to an empty name is worth showing at once.
        if values["email"] != "" and not is_email(values["email"]):
            fail("email", KEY_INVALID_EMAIL)
    if values["comment"] == "":
        fail("comment", KEY_EMPTY_COMMENT)
    for field in _LENGTH_ORDER:
        if byte_length(values[field]) > LIMITS[field]:
            fail(field, KEY_TOO_LONG[field])
    return errors
