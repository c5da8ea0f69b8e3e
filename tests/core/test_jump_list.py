"""Issue 11: back and forward between the places jumps left (core.find.jump_list)."""

from __future__ import annotations

from tui_reader.core.find.jump_list import JumpList


def test_back_returns_to_where_the_jump_left_and_forward_undoes_it() -> None:
    jumps: JumpList[str] = JumpList()
    assert jumps.back("A") is None and jumps.forward("A") is None
    jumps.record("A")  # a link from A to B
    assert jumps.can_go_back and not jumps.can_go_forward
    assert jumps.back("B") == "A"
    assert jumps.forward("A") == "B"
    assert jumps.forward("B") is None
    assert jumps.back("B") == "A"
    assert jumps.back("A") is None


def test_each_place_is_remembered_as_it_was_left() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")  # A → B
    jumps.record("B2")  # scrolled to B2, then B2 → C
    assert jumps.back("C") == "B2"
    assert jumps.back("B3") == "A"  # scrolled a bit at B2 before going back again
    assert jumps.forward("A1") == "B3"
    assert jumps.forward("B3") == "C"
    assert jumps.back("C") == "B3"
    assert jumps.back("B3") == "A1"


def test_a_new_jump_after_going_back_drops_the_places_ahead() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")
    jumps.record("B")
    assert jumps.back("C") == "B"
    jumps.record("B")  # B → D
    assert jumps.forward("D") is None
    assert jumps.back("D") == "B"
    assert jumps.back("B") == "A"


def test_a_jump_that_did_not_move_is_not_a_step_back() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("A")  # A → B
    jumps.record("B")  # a jump that stayed at B
    assert jumps.back("B") == "A"


def test_the_oldest_places_are_dropped_past_the_limit() -> None:
    jumps: JumpList[int] = JumpList(limit=3)
    for place in range(10):
        jumps.record(place)
    assert [jumps.back(10), jumps.back(9), jumps.back(8), jumps.back(7)] == [9, 8, 7, None]
