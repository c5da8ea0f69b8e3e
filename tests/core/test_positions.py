"""positions.json: anchors that survive edits, progress labels, corrupt files set aside."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tui_reader.core.storage.paths import data_dir
from tui_reader.core.storage.positions import (
    MAX_ENTRIES,
    Position,
    PositionStore,
    article_key,
    capture,
    line_for_percent,
    line_in_section,
    progress_label,
)

NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def pos(slug: str = "intro", line: int = 3, lines: int = 10, percent: float = 12.5) -> Position:
    return Position(slug, line, lines, percent, False, "2026-11-26T08:00:00+00:00")


def test_article_key_is_the_resolved_path_or_the_text_hash(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x")
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "a.md")
    assert article_key(link) == str((tmp_path / "a.md").resolve())
    assert article_key(None, "abc") == "stdin:abc"


def test_capture_percent_and_finished() -> None:
    p = capture(slug="s", line=2, lines=8, top=50, total=200, end_visible=False, now=NOW)
    assert p == Position("s", 2, 8, 25.0, False, "2026-11-26T08:00:00+00:00")
    end = capture(slug="s", line=0, lines=8, top=190, total=200, end_visible=True, now=NOW)
    assert end.finished
    # Finished stays true when the reader scrolls back up.
    back = capture(slug="s", line=0, lines=8, top=0, total=200, end_visible=False, previous=end)
    assert back.finished and back.percent == 0.0
    assert capture(slug="s", line=0, lines=1, top=0, total=0, end_visible=True).percent == 100.0


def test_line_in_section_scales_when_the_height_changed() -> None:
    p = pos(line=5, lines=10)
    assert line_in_section(p, 10) == 5
    assert line_in_section(p, 20) == 10  # a narrower text: twice the lines
    assert line_in_section(p, 3) == 2  # clamped inside the section
    assert line_in_section(p, 0) == 0


def test_line_for_percent() -> None:
    assert line_for_percent(50.0, 200) == 100
    assert line_for_percent(100.0, 200) == 199
    assert line_for_percent(0.0, 0) == 0


def test_progress_label() -> None:
    assert progress_label(None) is None
    assert progress_label(pos(percent=42.7)) == "42"
    assert progress_label(Position("s", 0, 1, 99.0, True)) == "✓"


def test_store_round_trip_private_file() -> None:
    store = PositionStore(clock=lambda: NOW)
    assert store.get("k") is None
    result = store.save("k", pos())
    assert result.ok and result.problem is None
    path = data_dir() / "positions.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert PositionStore().get("k") == pos()


def test_save_merges_with_what_another_instance_wrote() -> None:
    first, second = PositionStore(), PositionStore()
    first.all()
    second.save("b", pos("b"))
    first.save("a", pos("a"))
    fresh = PositionStore()
    assert fresh.get("a") == pos("a")
    assert fresh.get("b") == pos("b")


def test_corrupt_file_is_moved_aside_and_reported() -> None:
    path = data_dir() / "positions.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    store = PositionStore(clock=lambda: NOW)
    assert store.all() == {}
    [problem] = store.take_problems()
    assert problem.key == "positions.problem.corrupt"
    assert problem.moved_to is not None
    assert problem.moved_to.read_text() == "{not json"
    assert problem.moved_to.parent == data_dir() / "corrupt"
    assert not path.exists()
    assert store.save("k", pos()).ok
    assert PositionStore().get("k") == pos()


@pytest.mark.parametrize(
    "doc",
    [[], {"articles": []}, {"schema": 1}, "text", None],
)
def test_wrong_shapes_are_corrupt(doc: object) -> None:
    path = data_dir() / "positions.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(doc))
    store = PositionStore()
    assert store.all() == {}
    assert store.take_problems()[0].key == "positions.problem.corrupt"


def test_bad_entries_are_skipped_and_the_good_ones_kept() -> None:
    path = data_dir() / "positions.json"
    path.parent.mkdir(parents=True)
    good = {"slug": "s", "line": 1, "lines": 4, "percent": 10, "finished": False, "updated": ""}
    articles = {
        "good": good,
        "bad-line": {**good, "line": "1"},
        "bool-line": {**good, "line": True},
        "nan": {**good, "percent": float("nan")},
        "list": [1, 2],
    }
    path.write_text(json.dumps({"schema": 1, "articles": articles}))
    store = PositionStore()
    assert list(store.all()) == ["good"]
    assert store.take_problems() == []


def test_symlink_is_moved_aside(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text("{}")
    path = data_dir() / "positions.json"
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    store = PositionStore()
    assert store.all() == {}
    assert store.take_problems()[0].key == "positions.problem.symlink"
    assert store.save("k", pos()).ok
    assert target.read_text() == "{}"  # never written through the link


def test_write_failure_is_reported_and_kept_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(path: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr("tui_reader.core.storage.positions.atomic_write", read_only)
    store = PositionStore()
    result = store.save("k", pos())
    assert not result.ok
    assert result.error is not None and result.error.key == "positions.error.read_only_fs"
    assert store.get("k") == pos()  # the session still knows


def test_oldest_entries_are_dropped_beyond_the_limit() -> None:
    path = data_dir() / "positions.json"
    path.parent.mkdir(parents=True)
    articles = {
        f"k{i}": {
            "slug": "s",
            "line": 0,
            "lines": 1,
            "percent": 0,
            "finished": False,
            "updated": f"2026-01-01T00:00:{i % 60:02d}+00:00" if i else "2000-01-01T00:00:00+00:00",
        }
        for i in range(MAX_ENTRIES)
    }
    path.write_text(json.dumps({"schema": 1, "articles": articles}))
    store = PositionStore()
    store.save("new", pos())
    entries = PositionStore().all()
    assert len(entries) == MAX_ENTRIES
    assert "new" in entries and "k0" not in entries  # k0 was the oldest


positions = st.builds(
    Position,
    slug=st.text(max_size=40),
    line=st.integers(0, 10**6),
    lines=st.integers(1, 10**6),
    percent=st.floats(0, 100, allow_nan=False),
    finished=st.booleans(),
    updated=st.text(max_size=30),
)


@hsettings(max_examples=50, deadline=None)
@given(entries=st.dictionaries(st.text(min_size=1, max_size=60), positions, max_size=5))
def test_round_trip_any_positions(tmp_path_factory, entries) -> None:
    directory = tmp_path_factory.mktemp("data")
    store = PositionStore(directory)
    for key, position in entries.items():
        assert store.save(key, position).ok
    assert PositionStore(directory).all() == entries
    assert not os.path.exists(directory / "corrupt")
