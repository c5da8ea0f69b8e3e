"""Reading WordPress's pages and answers (pure functions, no network)."""

from __future__ import annotations

from tests.web.local_server import die_page, post_page
from tui_reader.core.web.answer import Outcome, classify, field_of
from tui_reader.core.web.destination import Destination, host_of, same_site
from tui_reader.core.web.fate import rest_urls
from tui_reader.core.web.form import read_post_page

PAGE = "https://example.org/2026/11/a-post/"


def test_form_found_with_its_post_id_requirements_and_api_root() -> None:
    html = post_page(
        "https://example.org/wp-comments-post.php", 42, api_root="https://example.org/wp-json/"
    )
    found = read_post_page(html, PAGE, "now")
    dest = found.destination
    assert dest is not None and found.problem is None
    assert dest.action == "https://example.org/wp-comments-post.php"
    assert dest.post_id == 42
    assert dest.require_name_email is True
    assert dest.submit == "Post Comment"
    assert dest.api_root == "https://example.org/wp-json/"
    assert not dest.insecure


def test_relative_action_and_optional_name() -> None:
    html = post_page(
        "/blog/wp-comments-post.php", 3, required=False, submit="Laisser un commentaire"
    )
    dest = read_post_page(html, PAGE, "now").destination
    assert dest is not None
    assert dest.action == "https://example.org/blog/wp-comments-post.php"
    assert dest.require_name_email is False
    assert dest.submit == "Laisser un commentaire"


def test_pages_without_a_form_say_why() -> None:
    login = '<p class="must-log-in">You must be <a href="/l">logged in</a> to post.</p>'
    assert read_post_page(login, PAGE, "now").problem == "send.error.login_required"
    closed = '<p class="no-comments">Comments are closed.</p>'
    assert read_post_page(closed, PAGE, "now").problem == "send.error.closed"
    assert read_post_page("<p>hello</p>", PAGE, "now").problem == "send.error.no_form"
    broken = post_page("https://example.org/wp-comments-post.php", 0)
    assert read_post_page(broken, PAGE, "now").problem == "send.error.bad_form"
    assert read_post_page("<form><input name='x'", PAGE, "now").problem == "send.error.no_form"


def test_success_is_a_redirect_to_the_comment() -> None:
    answer = classify(302, "https://example.org/a-post/#comment-17", "")
    assert (answer.outcome, answer.comment_id, answer.held) == (Outcome.ACCEPTED, 17, None)
    held = classify(
        302, "https://example.org/a-post/?unapproved=18&moderation-hash=abc#comment-18", ""
    )
    assert (held.outcome, held.comment_id, held.held) == (Outcome.ACCEPTED, 18, True)
    assert held.link == "https://example.org/a-post/#comment-18"  # the hash is not kept
    assert classify(302, "https://example.org/a-post/", "").outcome is Outcome.UNEXPECTED


def test_failures_as_wordpress_means_them() -> None:
    dup = classify(
        409,
        None,
        die_page("Duplicate comment detected; it looks as though you&#8217;ve already said that!"),
    )
    assert dup.outcome is Outcome.DUPLICATE
    assert dup.message == "Duplicate comment detected; it looks as though you’ve already said that!"
    assert (
        classify(429, None, die_page("You are posting comments too quickly. Slow down.")).outcome
        is Outcome.FLOOD
    )
    assert (
        classify(403, None, die_page("Sorry, comments are closed for this item.")).outcome
        is Outcome.CLOSED
    )
    login = classify(403, None, die_page("Sorry, you must be logged in to comment."))
    assert login.outcome is Outcome.LOGIN_REQUIRED
    assert classify(200, None, "").outcome is Outcome.GONE
    assert classify(500, None, die_page("Database error")).outcome is Outcome.SERVER_ERROR
    assert (
        classify(200, None, "<html><body>Welcome to the hotel wifi</body></html>").outcome
        is Outcome.UNEXPECTED
    )
    assert classify(418, None, "teapot").outcome is Outcome.UNEXPECTED


def test_validation_messages_name_their_field_in_both_languages() -> None:
    invalid = classify(
        200, None, die_page("<strong>Error:</strong> Please type your comment text.")
    )
    assert (invalid.outcome, invalid.field) == (Outcome.INVALID, "comment")
    assert invalid.message == "Error: Please type your comment text."
    assert field_of("Erreur\u00a0: veuillez saisir une adresse e-mail valide.") == "email"
    assert field_of("Error: Please fill the required fields.") == "author"
    assert field_of("Error: Your URL is too long.") == "url"
    # Debian's old fr_FR translation words it differently.
    assert (
        field_of("ERREUR : veuillez remplir les champs obligatoires (nom, adresse de messagerie).")
        == "author"
    )


def test_same_site_rules() -> None:
    assert same_site("https://example.org/a", "https://EXAMPLE.org/wp-comments-post.php")
    assert same_site("http://example.org/a", "https://example.org/wp-comments-post.php")
    assert not same_site("https://example.org/a", "https://evil.example/wp-comments-post.php")
    assert not same_site("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/x")
    assert host_of("https://example.org:443/x") == "example.org"
    assert host_of("http://127.0.0.1:8080/x") == "127.0.0.1:8080"


def test_rest_urls_fall_back_to_rest_route() -> None:
    dest = Destination(
        PAGE,
        "https://example.org/blog/wp-comments-post.php",
        4,
        api_root="https://example.org/blog/wp-json/",
    )
    assert rest_urls(dest, "/wp/v2/comments/5") == [
        "https://example.org/blog/wp-json/wp/v2/comments/5",
        "https://example.org/blog/?rest_route=/wp/v2/comments/5",
    ]
    plain = Destination(
        PAGE,
        "https://example.org/wp-comments-post.php",
        4,
        api_root="https://example.org/index.php?rest_route=/",
    )
    assert (
        rest_urls(plain, "/wp/v2/comments/5")[0]
        == "https://example.org/index.php?rest_route=/wp/v2/comments/5"
    )


def test_every_send_result_has_its_words_in_both_languages() -> None:
    from tui_reader.core.catalog import STRINGS
    from tui_reader.core.web.fate import Fate
    from tui_reader.core.web.sender import SendOutcome, SendResult, describe

    for outcome in SendOutcome:
        for fate in [None, *Fate]:
            for link in (None, "https://example.org/p/#comment-3"):
                result = SendResult("x", outcome, "ready", fate=fate, link=link)
                for lang in ("en", "fr"):
                    assert describe(result, lang)
    send_keys = [key for key in STRINGS if key.startswith("send.")]
    assert send_keys and all(set(STRINGS[key]) == {"en", "fr"} for key in send_keys)
