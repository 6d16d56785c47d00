"""One student's private quiz: the live quiz's rules, a timer per question, state to store."""

from __future__ import annotations

import random

import pytest
from quiz_helpers import ALL, KIROV, NKVD_HEAD, make_bank, right, wrong

from purgebot.quiz import AlreadyAnswered, NotAccepting, QuizSettings
from purgebot.quiz.selfpaced import NO_ANSWER, SoloRun, plan, streak_of

IDS = tuple(q.id for q in ALL)


def solo(**kwargs: object) -> SoloRun:
    return SoloRun(make_bank(), IDS, seed=5, **kwargs)  # type: ignore[arg-type]


def test_the_plan_is_the_live_selection_and_the_same_seed_gives_the_same_plan() -> None:
    bank = make_bank()
    settings = QuizSettings(count=3, difficulty=None)
    assert plan(bank, settings, random.Random(9)) == plan(bank, settings, random.Random(9))
    assert len(plan(bank, settings, random.Random(9))) == 3


def test_a_right_answer_scores_speed_points_and_builds_a_streak() -> None:
    run = solo()
    view = run.show_next(100.0)
    got = run.answer(1, right(view), 102.0)
    assert (got.correct, got.points, got.late, got.streak) == (True, 950, False, 1)
    view = run.show_next(200.0)
    got = run.answer(2, right(view), 200.2)
    assert (got.points, got.streak) == (1100, 2)  # 1000 + the streak's 100


def test_extra_time_stretches_the_timer_at_no_cost_in_points() -> None:
    run = solo(multiplier=1.5)
    view = run.show_next(0.0)
    got = run.answer(1, right(view), 25.0)  # past 20 s, inside 30 s
    assert (got.correct, got.late, got.points) == (True, False, round(1000 * (1 - (25 / 30) / 2)))
    plain = solo()
    view = plain.show_next(0.0)
    late = plain.answer(1, right(view), 25.0)
    assert (late.correct, late.late, late.points, late.raw) == (False, True, 0, NO_ANSWER)


def test_a_second_click_is_refused_and_the_old_question_cannot_be_answered() -> None:
    run = solo()
    view = run.show_next(0.0)
    run.answer(1, wrong(view), 1.0)
    with pytest.raises(AlreadyAnswered):
        run.answer(1, right(view), 2.0)
    run.show_next(3.0)
    with pytest.raises(NotAccepting):
        run.answer(1, right(view), 4.0)


def test_showing_again_keeps_the_timer_and_a_rebuilt_run_shows_the_same_options() -> None:
    run = SoloRun(make_bank(), (KIROV.id, NKVD_HEAD.id), seed=5)
    first = run.show_next(10.0)
    again = run.show_next(50.0)  # the message was lost: same question, same start time
    assert (again.number, again.opened_at, again.options) == (1, 10.0, first.options)
    # after a restart, the stored state rebuilds the same question
    rebuilt = SoloRun(make_bank(), (KIROV.id, NKVD_HEAD.id), seed=5, position=0, opened_at=10.0)
    assert rebuilt.show_next(60.0).options == first.options


def test_time_running_out_unanswered_counts_as_no_answer_then_moves_on() -> None:
    run = solo()
    run.show_next(0.0)
    assert run.expire(10.0) is None
    missed = run.expire(21.0)
    assert missed is not None and (missed.correct, missed.raw) == (False, NO_ANSWER)
    assert run.show_next(22.0).number == 2


def test_practice_counts_no_points_and_the_run_knows_when_it_is_done() -> None:
    run = SoloRun(make_bank(), (KIROV.id,), seed=1, count_points=False)
    view = run.show_next(0.0)
    got = run.answer(1, right(view), 1.0)
    assert (got.correct, got.points, run.done) == (True, 0, True)


def test_the_streak_after_a_restart_is_the_run_of_right_answers_at_the_end() -> None:
    assert [streak_of(r) for r in ((), (True,), (True, False), (False, True, True))] == [0, 1, 0, 2]
