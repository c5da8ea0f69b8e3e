"""YAML front matter: fields, types, and blocks that cannot be used."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.article.front_matter import FrontMatter, read_front_matter
from tui_reader.core.errors import FrontMatterError


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    meta, start = read_front_matter(text)
    return meta, text[start:]


FULL = """---
title: "Bibliothèques : des horaires élargis"
author: Élodie Garnier
date: 2026-09-18
lang: fr-FR
source: https://exemple.fr/2026/09/18/bibliotheques
tags: [culture, bibliothèques, numérique]
comments: closed
require_name_email: false
layout: post
---

Le texte.
"""


def test_full_front_matter() -> None:
    meta, body = split_front_matter(FULL)
    assert meta == FrontMatter(
        title="Bibliothèques : des horaires élargis",
        author="Élodie Garnier",
        date="2026-09-18",
        lang="fr",
        source_url="https://exemple.fr/2026/09/18/bibliotheques",
        tags=["culture", "bibliothèques", "numérique"],
        comments=False,
        require_name_email=False,
    )
    assert body == "\nLe texte.\n"


def test_partial_front_matter_keeps_defaults() -> None:
    meta, body = split_front_matter("---\ntitle: Only a title\n---\n# Heading\n")
    assert meta == FrontMatter(title="Only a title")
    assert meta is not None and meta.require_name_email is True and meta.comments is None
    assert body == "# Heading\n"


def test_empty_block() -> None:
    assert split_front_matter("---\n---\ntext\n") == (FrontMatter(), "text\n")


def test_no_front_matter() -> None:
    text = "# Title\n\n---\ntitle: not front matter\n---\n"
    assert split_front_matter(text) == (None, text)


def test_unclosed_block_is_text() -> None:
    text = "---\ntitle: never closed\n\nSome text.\n"
    assert split_front_matter(text) == (None, text)


def test_closing_line_must_be_exactly_three_dashes() -> None:
    text = "---\ntitle: x\n---- not a close\n"
    assert split_front_matter(text) == (None, text)


@pytest.mark.parametrize(
    "block",
    [
        "title: [unclosed\n",  # not YAML
        "title: x\n  bad: indent\n: y\n",
        "date: 2024-13-45\n",  # PyYAML raises ValueError, not YAMLError
        "- a list\n- not a mapping\n",
        "just a sentence\n",
        "!!python/object:os.system\n",  # the safe loader refuses
    ],
)
def test_unusable_blocks_raise(block: str) -> None:
    with pytest.raises(FrontMatterError):
        split_front_matter(f"---\n{block}---\nBody.\n")


def test_wrong_types_are_dropped_field_by_field() -> None:
    meta, _ = split_front_matter(
        "---\n"
        "title: [not, a, title]\n"
        "author: {name: Ada Lovelace, url: x}\n"
        "date: [2024]\n"
        "lang: 12\n"
        "source: {url: x}\n"
        "tags: 7\n"
        "comments: maybe\n"
        "require_name_email: perhaps\n"
        "---\n"
    )
    assert meta == FrontMatter(author="Ada Lovelace")


def test_scalars_and_lists_are_coerced() -> None:
    meta, _ = split_front_matter(
        "---\n"
        "title: 1984\n"
        "author: [Ann, Bob, 3]\n"
        "date: 2024-03-01 10:30:00\n"
        "tags: ' a, b ,, c '\n"
        "comments: true\n"
        "lang: de\n"
        "---\n"
    )
    assert meta == FrontMatter(
        title="1984",
        author="Ann, Bob, 3",
        date="2024-03-01T10:30:00",
        tags=["a", "b", "c"],
        comments=True,
    )


def test_boolean_title_is_not_a_title() -> None:
    meta, _ = split_front_matter("---\ntitle: yes\ncomments: Open\n---\n")
    assert meta == FrontMatter(comments=True)


def test_values_are_made_inert_and_one_line() -> None:
    # YAML's "\e" escape produces a real ESC.
    meta, _ = split_front_matter('---\ntitle: "Evil\\e[2J\\ntitle"\nauthor: "\\x9b"\n---\n')
    assert meta is not None
    assert meta.title == "Evil␛[2J title"
    assert meta.author == "\ufffd"


def test_self_referencing_yaml_does_not_recurse_forever() -> None:
    meta, _ = split_front_matter("---\nauthor: &a [*a, Ann]\ntags: &t [*t, x]\n---\n")
    assert meta == FrontMatter(author="Ann", tags=["x"])


_YAMLISH = st.lists(
    st.one_of(
        st.sampled_from(["title:", "author:", "date:", "tags:", "comments:", "lang:", "- "]),
        st.sampled_from(["&a", "*a", "[", "]"]),
        st.sampled_from(["{", "}", ":", "'", '"', "\\e", "2024-13-45", "yes", "1e400", "!!str"]),
        st.text(max_size=8),
    ),
    max_size=20,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_YAMLISH, st.sampled_from(["\n", " \n", "\n\n"]))
def test_any_block_is_read_or_refused_cleanly(block: str, sep: str) -> None:
    try:
        meta, start = read_front_matter(f"---\n{block.replace(' ', sep, 3)}\n---\nBody\n")
    except FrontMatterError:
        return
    assert meta is None or all(
        value is None or isinstance(value, str) for value in (meta.title, meta.author, meta.date)
    )
    assert start >= 0
