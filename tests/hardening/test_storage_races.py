"""Instances racing on the same files (issue 16): lock and merge, nothing lost.

Two processes (not threads: nothing shared but the files) save at the same moment, many times:
- positions.json: 2 × 150 saves of different articles; all 300 entries must be there;
- settings.toml: each process changes its own setting 100 times and checks, before each
  change, that the other's writes never brought back an older value of its own;
- one draft opened by both and saved at once, 60 times: one save wins, the other becomes a
  conflict copy, both texts are on disk (the drafts/.lock makes the check-then-write atomic).
Each fails with the flock of core.storage.atomic_file.file_lock removed (see docs/reliability.md).
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")

POSITION_SAVES = 150
SETTING_SAVES = 100
DRAFT_ROUNDS = 60


def _run_both(target: Any, *args: object) -> list[Any]:
    """Run target(who, barrier, queue, *args) in two fresh processes; their results."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    queue = ctx.Queue()
    procs = [ctx.Process(target=target, args=(who, barrier, queue, *args)) for who in (0, 1)]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=240) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    return [r for _, r in sorted(results)]


def _save_positions(who: int, barrier: Any, queue: Any, directory: str) -> None:
    from tui_reader.core.storage.positions import Position, PositionStore

    store = PositionStore(Path(directory))
    barrier.wait()
    failures = 0
    for i in range(POSITION_SAVES):
        result = store.save(f"/articles/{who}/{i}.md", Position("top", i, 10, 1.0))
        failures += not result.ok
    queue.put((who, failures))


def test_two_processes_saving_positions_lose_no_entry(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    assert _run_both(_save_positions, str(directory)) == [0, 0]
    saved = json.loads((directory / "positions.json").read_bytes())["articles"]
    expected = {f"/articles/{w}/{i}.md" for w in (0, 1) for i in range(POSITION_SAVES)}
    missing = expected - set(saved)
    assert not missing, f"{len(missing)} of {len(expected)} entries lost"


def _change_settings(who: int, barrier: Any, queue: Any, directory: str) -> None:
    from tui_reader.core.storage.settings import load_settings, save_settings

    name = ("reading_width", "sidebar_width")[who]
    base = (40, 12)[who]
    barrier.wait()
    reverted = 0
    last = None
    for i in range(SETTING_SAVES):
        if last is not None and getattr(load_settings(Path(directory)).settings, name) != last:
            reverted += 1  # the other process wrote back an older value of ours
        last = base + i % 100
        assert save_settings({name: last}, Path(directory)).ok
    queue.put((who, (reverted, last)))


def test_two_processes_changing_settings_never_revert_each_other(tmp_path: Path) -> None:
    directory = tmp_path / "config"
    directory.mkdir(mode=0o700)
    (directory / "settings.toml").write_text('# mine\ntheme = "nord"\n')
    (reverted_a, last_a), (reverted_b, last_b) = _run_both(_change_settings, str(directory))
    assert (reverted_a, reverted_b) == (0, 0)
    from tui_reader.core.storage.settings import load_settings

    final = load_settings(directory).settings
    assert (final.reading_width, final.sidebar_width, final.theme) == (last_a, last_b, "nord")
    assert (directory / "settings.toml").read_text().startswith("# mine\n")


def _draft_id(round_no: int) -> str:
    return str(uuid.UUID(int=round_no + 1, version=4))


def _save_same_draft(who: int, barrier: Any, queue: Any, directory: str) -> None:
    from tui_reader.core.comments.drafts import DraftStore

    store = DraftStore(Path(directory))
    outcomes = []
    for round_no in range(DRAFT_ROUNDS):
        barrier.wait()  # process 0 has written this round's draft
        draft = store.get(_draft_id(round_no))
        assert draft is not None
        draft.comment = f"text of {who} in round {round_no}"
        barrier.wait()
        outcomes.append(store.save(draft).outcome.value)
        barrier.wait()
        if who == 0 and round_no + 1 < DRAFT_ROUNDS:
            _write_draft(store, round_no + 1)
    queue.put((who, outcomes))


def _write_draft(store: Any, round_no: int) -> None:
    draft = store.new(
        article_path="/a.md",
        article_title="A",
        source_url=None,
        text_hash="h",
        lang="en",
        section_slug="top",
        section_title="A",
    )
    draft.id = _draft_id(round_no)
    assert store.save(draft).ok


def test_one_draft_saved_by_two_processes_at_once_keeps_both_texts(tmp_path: Path) -> None:
    from tui_reader.core.comments.drafts import DraftStore

    directory = tmp_path / "drafts"
    _write_draft(DraftStore(directory), 0)
    outcomes_a, outcomes_b = _run_both(_save_same_draft, str(directory))
    texts = {json.loads(p.read_bytes())["comment"] for p in directory.glob("*.json")}
    lost = [
        (who, r)
        for r in range(DRAFT_ROUNDS)
        for who in (0, 1)
        if f"text of {who} in round {r}" not in texts
    ]
    both_saved = sum(1 for a, b in zip(outcomes_a, outcomes_b, strict=True) if a == b == "saved")
    assert not lost, f"{len(lost)} texts lost in {DRAFT_ROUNDS} rounds ({both_saved} double saves)"
    # Every round: one save won, the other found the file changed and made a conflict copy.
    assert all({a, b} == {"saved", "conflict"} for a, b in zip(outcomes_a, outcomes_b, strict=True))
