"""The library listing and its metadata cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tui_reader.core.errors import ArticleError
from tui_reader.core.storage import library
from tui_reader.core.storage.library import ArticleInfo, cache_path, list_articles


def write(path: Path, text: str, mtime_ns: int | None = None) -> Path:
    path.write_text(text, encoding="utf-8")
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    directory = tmp_path / "shelf"
    directory.mkdir()
    write(directory / "old.md", "---\ntitle: Old news\ndate: 2020-05-01\nlang: en\n---\nText.\n")
    write(
        directory / "new.md",
        "---\ntitle: Nouvelles\nauthor: Ann\ndate: 2026-01-02\nsource: https://ex.fr/a\n---\n"
        "Le texte est dans la page et les mots sont là.\n",
    )
    write(directory / "b-undated.txt", "# Beta\n\nThe words of the text are here.\n")
    write(directory / "a-undated.markdown", "# alpha\n\nThe words of the text are here.\n")
    write(directory / "free-date.md", "---\ntitle: Free\ndate: last spring\n---\nText.\n")
    write(directory / "notes.pdf", "not an article")
    write(directory / ".hidden.md", "# Hidden\n")
    (directory / "sub").mkdir()
    write(directory / "sub" / "nested.md", "# Nested\n")
    return directory


def test_lists_articles_newest_first_then_by_title(shelf: Path) -> None:
    listing = list_articles(shelf)
    assert [a.path.name for a in listing.articles] == [
        "new.md",
        "old.md",
        "a-undated.markdown",
        "b-undated.txt",
        "free-date.md",
        "nested.md",  # in sub/
    ]
    assert listing.problems == []
    new = listing.articles[0]
    assert new == ArticleInfo(
        path=shelf / "new.md",
        title="Nouvelles",
        author="Ann",
        date="2026-01-02",
        lang="fr",
        source_url="https://ex.fr/a",
        reading_minutes=1,
        comments_open=False,
    )


def test_unreadable_files_are_reported_not_fatal(shelf: Path) -> None:
    (shelf / "empty.md").write_bytes(b"")
    (shelf / "image.md").write_bytes(b"\x89PNG\x00\x00")
    listing = list_articles(shelf)
    problems = {path.name: error.key for path, error in listing.problems}
    assert problems == {"empty.md": "error.empty", "image.md": "error.binary"}
    assert len(listing.articles) == 6


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        list_articles(tmp_path / "nope")
    assert caught.value.key == "error.not_found"


def test_directory_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "notes.pdf", "%PDF")
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(ArticleError) as caught:
        list_articles(tmp_path)
    assert (caught.value.key, caught.value.params) == ("error.no_articles", {"path": str(tmp_path)})


# --- the cache -------------------------------------------------------------------------------


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("an article was parsed")

    monkeypatch.setattr(library, "summarize_article", fail)


def test_cache_lives_in_the_user_cache_dir(isolated_dirs: Path) -> None:
    assert cache_path() == isolated_dirs / "cache" / "tui-reader" / "library.json"


def test_warm_listing_reads_no_article(shelf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (shelf / "image.md").write_bytes(b"\x00")
    cold = list_articles(shelf)
    assert cache_path().is_file()
    forbid_parsing(monkeypatch)
    warm = list_articles(shelf)
    assert warm.articles == cold.articles
    assert [(p, e.key, e.params) for p, e in warm.problems] == [
        (p, e.key, e.params) for p, e in cold.problems
    ]


def test_changed_file_is_read_again(shelf: Path) -> None:
    list_articles(shelf)
    path = shelf / "old.md"
    stat = path.stat()
    # Same size, new mtime: the new title must show.
    write(path, path.read_text().replace("Old news", "New news"), stat.st_mtime_ns + 1_000_000_000)
    titles = [a.title for a in list_articles(shelf).articles]
    assert "New news" in titles and "Old news" not in titles


def test_fallback_language_is_part_of_the_key(shelf: Path) -> None:
    write(shelf / "numbers.md", "# 1 2 3\n")
    langs = {a.path.name: a.lang for a in list_articles(shelf, fallback_lang="en").articles}
    assert langs["numbers.md"] == "en"
    langs = {a.path.name: a.lang for a in list_articles(shelf, fallback_lang="fr").articles}
    assert langs["numbers.md"] == "fr"


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        b'{"version": 1, "entries": []}',
        b'{"version": 999, "entries": {}}',
        b"\xff\xfe",
    ],
)
def test_corrupt_cache_is_ignored_and_rebuilt(shelf: Path, content: bytes) -> None:
    expected = list_articles(shelf).articles
    cache_path().write_bytes(content)
    assert list_articles(shelf).articles == expected
    assert json.loads(cache_path().read_bytes())["version"] == library.CACHE_VERSION


def test_tampered_entries_are_ignored(shelf: Path) -> None:
    expected = list_articles(shelf).articles
    doc = json.loads(cache_path().read_bytes())
    for entry in doc["entries"].values():
        entry["record"] = {"info": {"title": 42, "lang": "en"}}
    cache_path().write_text(json.dumps(doc))
    assert list_articles(shelf).articles == expected


def test_removed_files_leave_the_cache(shelf: Path) -> None:
    list_articles(shelf)
    (shelf / "old.md").unlink()
    list_articles(shelf)
    keys = json.loads(cache_path().read_bytes())["entries"].keys()
    assert not any(key.endswith("old.md") for key in keys)
    assert any(key.endswith("new.md") for key in keys)


def test_unwritable_cache_is_not_an_error(shelf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_path().parent.parent.mkdir(parents=True, exist_ok=True)
    cache_path().parent.write_text("a file where the cache directory should be")
    assert len(list_articles(shelf).articles) == 6


def test_no_temp_file_is_left_behind(shelf: Path) -> None:
    list_articles(shelf)
    assert [p.name for p in cache_path().parent.iterdir()] == ["library.json"]


# --- subfolders (issue 11) and the feed (issue 15) ----------------------------------------


def test_subfolders_are_listed_with_their_folder(shelf: Path) -> None:
    deep = shelf / "sub" / "deeper"
    deep.mkdir()
    write(deep / "two.md", "# Two levels down\n")
    (deep / "third").mkdir()
    write(deep / "third" / "too-deep.md", "# Three levels down\n")
    (shelf / ".git").mkdir()
    write(shelf / ".git" / "hidden-folder.md", "# In a hidden folder\n")
    (shelf / "loop").symlink_to(shelf)  # a link to a parent: never entered
    folders = {a.title: a.folder for a in list_articles(shelf).articles}
    assert folders["Nested"] == "sub"
    assert folders["Two levels down"] == "sub/deeper"
    assert folders["Nouvelles"] == ""
    assert "Three levels down" not in folders
    assert "In a hidden folder" not in folders
    assert len(folders) == 7  # nothing twice through the link
    nested = next(a for a in list_articles(shelf).articles if a.title == "Nested")
    assert (nested.path, nested.shown_path) == (shelf / "sub" / "nested.md", "sub/")


def test_an_unreadable_subfolder_is_left_out(shelf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scandir = os.scandir

    def refuse_sub(path: str) -> object:  # as for a folder of another user (root reads all)
        if os.path.basename(path) == "sub":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_sub)
    titles = {a.title for a in list_articles(shelf).articles}
    assert "Nested" not in titles and "Nouvelles" in titles


def test_a_folder_of_folders_only_is_a_library(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    write(tmp_path / "feed" / "post.md", "# Post\n")
    assert [(a.title, a.folder) for a in list_articles(tmp_path).articles] == [("Post", "feed")]


def test_feed_comes_from_the_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: A\nfeed: Le Blog du Rail\n---\nText.\n")
    write(tmp_path / "b.md", "---\ntitle: B\nfeed: [not, a, name]\n---\nText.\n")
    feeds = {a.title: a.feed for a in list_articles(tmp_path).articles}
    assert feeds == {"A": "Le Blog du Rail", "B": None}
    # From the cache as well.
    assert {a.title: a.feed for a in list_articles(tmp_path).articles} == feeds


def test_moving_a_file_into_a_subfolder_updates_the_cache(shelf: Path) -> None:
    list_articles(shelf)
    (shelf / "old.md").rename(shelf / "sub" / "old.md")
    moved = next(a for a in list_articles(shelf).articles if a.title == "Old news")
    assert moved.folder == "sub"
    keys = set(json.loads(cache_path().read_bytes())["entries"])
    assert os.path.abspath(shelf / "sub" / "old.md") in keys
    assert os.path.abspath(shelf / "old.md") not in keys
    (shelf / "sub" / "nested.md").unlink()  # gone from a subfolder: gone from the cache
    list_articles(shelf)
    keys = set(json.loads(cache_path().read_bytes())["entries"])
    assert os.path.abspath(shelf / "sub" / "nested.md") not in keys


def test_listing_a_subfolder_alone_keeps_the_parents_entries(shelf: Path) -> None:
    list_articles(shelf)
    assert [a.folder for a in list_articles(shelf / "sub").articles] == [""]
    keys = set(json.loads(cache_path().read_bytes())["entries"])
    assert os.path.abspath(shelf / "new.md") in keys


def test_a_folder_name_is_shown_inert(tmp_path: Path) -> None:
    folder = tmp_path / "evil \x1b[2J\x07"
    folder.mkdir()
    write(folder / "post.md", "# Post\n")
    (info,) = list_articles(tmp_path).articles
    assert info.folder.startswith("evil ") and "\x1b" not in info.folder
    assert "\x07" not in info.shown_path
