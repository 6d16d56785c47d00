"""Spaced review: Leitner boxes, the rule that decides when a question comes back.

A question a student gets wrong (in any mode) goes into box 1, due a day later. Answered right
when it comes back, it moves up a box and waits longer (1, 2, 4, 8, 16 days); answered wrong, it
goes back to box 1. Right in the last box, it has been learned and leaves the boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

BOX_DAYS = (1, 2, 4, 8, 16)  # box n (1-based) waits BOX_DAYS[n - 1] days
FIRST_BOX = 1
LAST_BOX = len(BOX_DAYS)
DAY_MS = 86_400_000


def interval(box: int) -> timedelta:
    """How long a question waits in `box` before it is due again."""
    if not FIRST_BOX <= box <= LAST_BOX:
        raise ValueError(f"there is no review box {box}")
    return timedelta(days=BOX_DAYS[box - 1])


@dataclass(frozen=True, slots=True)
class Move:
    """Where a reviewed question goes: `box` None means learned (it leaves the boxes)."""

    box: int | None
    due_at: datetime | None


def after_review(box: int, correct: bool, now: datetime) -> Move:
    """Right moves a question up a box, wrong sends it back to the first."""
    if not correct:
        return Move(FIRST_BOX, now + interval(FIRST_BOX))
    if box >= LAST_BOX:
        return Move(None, None)
    return Move(box + 1, now + interval(box + 1))


def after_miss(now: datetime) -> Move:
    """A wrong answer anywhere else: the question (re)enters the first box.

    The store applies this rule itself when an answer is written (a trigger, see
    storage/migrations/*/triggers.sql), so no path that records answers can forget it;
    `FIRST_BOX_MS` is the figure it uses.
    """
    return Move(FIRST_BOX, now + interval(FIRST_BOX))


FIRST_BOX_MS = BOX_DAYS[0] * DAY_MS
