"""Leitner boxes: 1, 2, 4, 8, 16 days; right moves up, wrong goes back to the first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from purgebot.quiz.review import FIRST_BOX_MS, after_miss, after_review, interval

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def test_boxes_wait_one_two_four_eight_and_sixteen_days() -> None:
    assert [interval(b).days for b in range(1, 6)] == [1, 2, 4, 8, 16]
    with pytest.raises(ValueError, match="no review box 6"):
        interval(6)


def test_right_moves_up_a_box_wrong_goes_back_to_the_first() -> None:
    m = after_review(1, True, NOW)
    assert (m.box, m.due_at) == (2, NOW + timedelta(days=2))
    up = after_review(4, True, NOW)
    assert (up.box, up.due_at) == (5, NOW + timedelta(days=16))
    back = after_review(4, False, NOW)
    assert (back.box, back.due_at) == (1, NOW + timedelta(days=1))


def test_right_in_the_last_box_is_learned_and_leaves() -> None:
    done = after_review(5, True, NOW)
    assert (done.box, done.due_at) == (None, None)


def test_a_miss_anywhere_enters_the_first_box_the_store_trigger_uses_the_same_day() -> None:
    miss = after_miss(NOW)
    assert (miss.box, miss.due_at) == (1, NOW + timedelta(days=1))
    assert timedelta(milliseconds=FIRST_BOX_MS) == interval(1)
