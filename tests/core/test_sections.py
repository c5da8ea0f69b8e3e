"""Section scanning (headings by line scan), heading titles and GitHub-style slugs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui_reader.core.article.sections import SlugRegistry, find_headings, github_slug, plain_title


def heads(text: str) -> list[tuple[int, str]]:
    """(level, title) of each heading."""
    return [(h.level, h.title) for h in find_headings(text)]


def starts(text: str) -> list[str]:
    """The line each heading starts on."""
    return [text[h.start :].split("\n", 1)[0] for h in find_headings(text)]


# --- ATX headings ----------------------------------------------------------------------------


def test_atx_levels_one_to_three_only() -> None:
    text = "# One\n\ntext\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n"
    assert heads(text) == [(1, "One"), (2, "Two"), (3, "Three")]


def test_hashtag_without_space_is_text() -> None:
    assert heads("#hashtag at the start of a line\n\n#2024 was a year\n") == []


def test_up_to_three_leading_spaces_and_not_four() -> None:
    text = " # One\n  ## Two\n   ### Three\n    # indented code\n"
    assert heads(text) == [(1, "One"), (2, "Two"), (3, "Three")]


def test_closing_hashes_are_dropped_but_not_glued_ones() -> None:
    assert heads("## Title ##\n# C# #\n# Issue #42\n# word#\n") == [
        (2, "Title"),
        (1, "C#"),
        (1, "Issue #42"),
        (1, "word#"),
    ]


def test_empty_atx_heading_has_an_empty_title() -> None:
    assert heads("#\n\n## ##\n") == [(1, ""), (2, "")]


def test_heading_on_the_first_and_last_line_without_newline() -> None:
    assert heads("# First\ntext\n## Last") == [(1, "First"), (2, "Last")]


# --- fenced code -----------------------------------------------------------------------------


def test_headings_inside_backtick_and_tilde_fences_are_ignored() -> None:
    text = (
        "# Real\n\n```bash\n# a shell comment\n## another\n```\n\n"
        "~~~python\n# a Python comment\n```\n# still code: ``` does not close ~~~\n~~~\n"
        "\n## After\n"
    )
    assert heads(text) == [(1, "Real"), (2, "After")]


def test_closing_fence_must_be_at_least_as_long() -> None:
    text = "````\n```\n# inside\n````\n# outside\n"
    assert heads(text) == [(1, "outside")]


def test_unclosed_fence_runs_to_the_end() -> None:
    assert heads("# Before\n\n```\n# not a heading\n\n## nor this\n") == [(1, "Before")]


def test_backticks_with_backticks_after_are_inline_code_not_a_fence() -> None:
    assert heads("```inline``` code\n# Heading\n") == [(1, "Heading")]


def test_indented_fence_up_to_three_spaces() -> None:
    assert heads("   ```\n# code\n   ```\n# text\n") == [(1, "text")]


# --- setext headings and thematic breaks ------------------------------------------------------


def test_setext_headings() -> None:
    text = "Main title\n==========\n\nSome text.\n\nA part\n------\n\nMore.\n"
    assert heads(text) == [(1, "Main title"), (2, "A part")]


def test_dashes_after_a_blank_line_are_a_thematic_break() -> None:
    assert heads("Some text.\n\n---\n\nMore text.\n") == []


def test_dashes_under_list_items_and_quotes_are_not_headings() -> None:
    assert heads("- item\n---\n\n> quoted\n---\n\n1. first\n---\n") == []


def test_lazy_list_continuation_under_equals_is_not_a_heading() -> None:
    assert heads("- item\ncontinued\n===\nand more\n===\n") == []


def test_multiline_paragraph_setext_heading_starts_at_the_paragraph() -> None:
    text = "Intro.\n\nA long\nheading\n---\n"
    [heading] = find_headings(text)
    assert heading.title == "A long heading"
    assert text[heading.start :].startswith("A long\n")


def test_setext_after_heading_or_break_is_not_a_second_heading() -> None:
    assert heads("Title\n===\n---\n") == [(1, "Title")]
    assert heads("***\nAfter a break\n---\n") == [(2, "After a break")]


def test_setext_paragraph_cannot_start_with_indented_code() -> None:
    assert heads("    code\nTitle\n---\n") == [(2, "Title")]
    assert heads("\n    only code\n---\n") == []


def test_setext_after_a_fence_starts_after_it() -> None:
    text = "```\ncode\n```\nTitle\n---\n"
    assert starts(text) == ["Title"]


# --- against a real CommonMark parser ----------------------------------------------------------

_COMMONMARK = MarkdownIt("commonmark")
# Line kinds without containers (lists, quotes, HTML): there the scan must agree exactly.
_LINE_KINDS = [
    "",
    "text",
    "more text",
    "# h1",
    "## h2",
    "### h3",
    "#### h4",
    "#tag",
    "    # code",
    "===",
    "---",
    "  --",
    "```",
    "````",
    "~~~",
    "```js",
    "    indented",
    "***",
    "Title ##",
]


def _commonmark_headings(text: str) -> list[tuple[int, int]]:
    return [
        (token.map[0], int(token.tag[1]))
        for token in _COMMONMARK.parse(text)
        if token.type == "heading_open" and token.level == 0 and token.map and token.tag <= "h3"
    ]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINE_KINDS), min_size=1, max_size=12))
def test_agrees_with_markdown_it_on_container_free_text(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    ours = [(text.count("\n", 0, h.start), h.level) for h in find_headings(text)]
    assert ours == _commonmark_headings(text)


# --- titles ----------------------------------------------------------------------------------


def test_plain_title_removes_inline_markdown() -> None:
    raw = "**Bold**, *em*, _under_ and `code`: [a link](https://x.org) ![an image](i.png) ~~old~~"
    assert plain_title(raw) == "Bold, em, under and code: a link an image old"


def test_plain_title_keeps_snake_case_escapes_and_brackets_without_links() -> None:
    assert plain_title(r"snake_case and \*stars\* [WIP]") == "snake_case and *stars* [WIP]"


def test_plain_title_reference_links_autolinks_and_tags() -> None:
    assert plain_title("[text][ref] <https://ex.org/a> <em>x</em>") == "text https://ex.org/a x"


def test_markup_only_title_keeps_its_raw_text() -> None:
    assert plain_title("**") == "**"
    assert plain_title("![](x.png)") == "![](x.png)"
    assert plain_title("  🎉  ") == "🎉"


# --- slugs -----------------------------------------------------------------------------------


def test_github_slugs() -> None:
    assert github_slug("Hello, World!") == "hello-world"
    assert github_slug("Élections à Paris") == "élections-à-paris"
    assert github_slug("L'eau, la ressource") == "leau-la-ressource"
    assert github_slug("C++ & C#") == "c--c"
    assert github_slug("snake_case and-dash") == "snake_case-and-dash"
    assert github_slug("🎉") == ""
    # Decomposed accents keep their combining marks, as on GitHub.
    assert github_slug("e\u0301te\u0301") == "e\u0301te\u0301"


def test_duplicate_and_empty_slugs() -> None:
    slugs = SlugRegistry(reserved=("top",))
    made = [slugs.add(t) for t in ("Intro", "Intro", "Intro", "Top", "🎉", "", "Intro-1")]
    assert made == ["intro", "intro-1", "intro-2", "top-1", "section", "section-1", "intro-1-1"]


@given(st.lists(st.text(max_size=12), max_size=30))
def test_slugs_are_unique_and_non_empty(titles: list[str]) -> None:
    slugs = SlugRegistry(reserved=("top",))
    made = [slugs.add(title) for title in titles]
    assert all(made)
    assert len(set(made)) == len(made)
    assert "top" not in made


# --- no quadratic corner ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Underlines that lazily continue a list item: each must not re-walk all the others.
        "- item\n" + "text\n===\n" * 60_000,
        "> quote\n" + "text\n--\n" * 60_000,
        # One huge paragraph under a single underline, and fences that never close.
        "word\n" * 200_000 + "---\n",
        "````\n" + "```\n# x\n" * 60_000,
    ],
    ids=["lazy-equals", "lazy-dashes", "long-paragraph", "unclosed-fence"],
)
def test_pathological_inputs_stay_linear(text: str) -> None:
    # Linear work is a few milliseconds here; a quadratic scan would take minutes (and this
    # suite with it). The timings: benchmarks/core_speed.py.
    assert find_headings(text) is not None
