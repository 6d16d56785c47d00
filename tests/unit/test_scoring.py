"""Scoring: the speed formula, the streak bonus, accuracy-only quizzes and accommodations."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from purgebot.quiz.scoring import Award, Scoring, award, speed_points, streak_bonus

limits = st.floats(min_value=5, max_value=300)
fractions = st.floats(min_value=0, max_value=1)


@pytest.mark.parametrize(
    ("elapsed", "limit", "points"),
    [
        (0.0, 20, 1000),
        (0.5, 20, 1000),
        (5, 20, 875),
        (10, 20, 750),
        (15, 20, 625),
        (20, 20, 500),
        (20.001, 20, 0),
        (1, 10, 950),
        (33, 60, 725),
    ],
)
def test_speed_points_formula(elapsed: float, limit: float, points: int) -> None:
    assert speed_points(elapsed, limit) == points


@given(limits, fractions)
def test_speed_points_between_500_and_1000_within_the_limit(limit: float, fraction: float) -> None:
    assert 500 <= speed_points(fraction * limit, limit) <= 1000


@given(limits, fractions, fractions)
def test_speed_points_never_rise_with_time(limit: float, a: float, b: float) -> None:
    early, late = sorted((a * limit, b * limit))
    assert speed_points(early, limit) >= speed_points(late, limit)


@given(limits, st.floats(min_value=0, max_value=0.5))
def test_full_points_under_half_a_second(limit: float, elapsed: float) -> None:
    assert speed_points(elapsed, limit) == 1000


@given(limits, st.floats(min_value=1e-6, max_value=1000))
def test_nothing_after_the_limit(limit: float, over: float) -> None:
    assume(limit + over > limit)
    assert speed_points(limit + over, limit) == 0


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        speed_points(1, 0)


@pytest.mark.parametrize(
    ("streak", "bonus"), [(0, 0), (1, 0), (2, 100), (3, 200), (5, 400), (6, 500), (7, 500)]
)
def test_streak_bonus_steps(streak: int, bonus: int) -> None:
    assert streak_bonus(streak) == bonus


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10_000))
def test_streak_bonus_rises_to_its_cap(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert 0 <= streak_bonus(low) <= streak_bonus(high) <= 500


def test_award_adds_speed_and_streak() -> None:
    assert award(correct=True, elapsed=10, limit=20, streak_before=2) == Award(
        points=750 + 200, speed=750, bonus=200, streak=3
    )


def test_wrong_or_late_earns_nothing_and_breaks_the_streak() -> None:
    assert award(correct=False, elapsed=1, limit=20, streak_before=4) == Award(0, 0, 0, 0)
    assert award(correct=True, elapsed=21, limit=20, streak_before=4) == Award(0, 0, 0, 0)


def test_accuracy_scoring_is_one_point_per_correct_answer() -> None:
    got = award(correct=True, elapsed=19, limit=20, streak_before=5, scoring=Scoring.ACCURACY)
    assert got == Award(points=1, speed=0, bonus=0, streak=6)
    wrong = award(correct=False, elapsed=1, limit=20, scoring=Scoring.ACCURACY)
    assert wrong.points == 0


def test_accommodated_student_is_timed_on_their_own_timer() -> None:
    # 2x time: 20 s into a 20 s question is half of their own 40 s.
    assert award(correct=True, elapsed=20, limit=20, multiplier=2).speed == 750
    assert award(correct=True, elapsed=40, limit=20, multiplier=2).speed == 500
    assert award(correct=True, elapsed=41, limit=20, multiplier=2).points == 0
    assert award(correct=True, elapsed=25, limit=20, multiplier=1.5).speed == speed_points(25, 30)


@given(limits, fractions, st.sampled_from([1.0, 1.25, 1.5, 2.0, 3.0]))
@example(170.7855671695741, 1.0, 1.5)  # t ÷ m rounded one ulp past T once scored 0
def test_extra_time_costs_no_points(limit: float, fraction: float, multiplier: float) -> None:
    """The same share of one's own timer earns the same points, whatever the multiplier."""
    own = award(
        correct=True, elapsed=fraction * limit * multiplier, limit=limit, multiplier=multiplier
    )
    plain = award(correct=True, elapsed=fraction * limit, limit=limit)
    assert abs(own.speed - plain.speed) <= 1  # float rounding at a .5 boundary at most
