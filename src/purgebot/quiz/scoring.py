"""Points for an answer: speed points, a streak bonus, and accuracy kept apart.

Speed points follow the formula classroom players already know, round(1000 × (1 − (t ÷ T) ÷ 2)):
a correct answer is worth between 500 and 1000, a wrong or late one nothing. An accommodated student
(time multiplier m) is timed on their own limit T × m, so extra time costs no points: the share is
t ÷ (T × m), and the half-second of full points stretches to m ÷ 2 seconds too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

FULL_POINTS = 1000
INSTANT = 0.5  # seconds: at or under this, an answer earns full points
STREAK_STEP = 100
STREAK_CAP = 500


class Scoring(StrEnum):
    """SPEED: speed points plus streak bonus. ACCURACY: one point per correct answer."""

    SPEED = "speed"
    ACCURACY = "accuracy"


def speed_points(elapsed: float, limit: float) -> int:
    """Points for a correct answer `elapsed` seconds into a `limit`-second window; 0 if late."""
    if limit <= 0:
        raise ValueError("the time limit must be positive")
    if elapsed > limit:
        return 0
    if elapsed <= INSTANT:
        return FULL_POINTS
    return round(FULL_POINTS * (1 - (elapsed / limit) / 2))


def streak_bonus(streak: int) -> int:
    """Bonus for the `streak`-th correct answer in a row: +100 at the 2nd, +100 a step, cap 500."""
    if streak < 2:
        return 0
    return min(STREAK_CAP, STREAK_STEP * (streak - 1))


@dataclass(frozen=True, slots=True)
class Award:
    """What one answer earned. `streak` is the run of correct answers including this one."""

    points: int
    speed: int
    bonus: int
    streak: int


def award(
    *,
    correct: bool,
    elapsed: float,
    limit: float,
    multiplier: float = 1.0,
    streak_before: int = 0,
    scoring: Scoring = Scoring.SPEED,
) -> Award:
    """Score one answer; the student's own timer is the question's `limit` × `multiplier`."""
    own_limit = limit * multiplier
    if not correct or elapsed > own_limit:
        return Award(points=0, speed=0, bonus=0, streak=0)
    streak = streak_before + 1
    if scoring is Scoring.ACCURACY:
        return Award(points=1, speed=0, bonus=0, streak=streak)
    # the same share of their own timer; min() keeps float rounding of t ÷ m from passing T
    speed = speed_points(min(elapsed / multiplier, limit), limit)
    bonus = streak_bonus(streak)
    return Award(points=speed + bonus, speed=speed, bonus=bonus, streak=streak)
