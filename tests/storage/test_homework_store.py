"""Assignments, private attempts and review boxes against a real SQLite file."""

from __future__ import annotations

from datetime import timedelta

from storage_helpers import CHANNEL, GUILD, TEACHER, FakeClock, Player

from purgebot.quiz.review import FIRST_BOX_MS, interval
from purgebot.storage import RunStatus, Store

ANYA = 800_000_000_000_000_001


async def _attempt(
    store: Store, clock: FakeClock, assignment_id: int | None, mode: str = "homework"
):
    return await store.start_attempt(
        guild_id=GUILD,
        channel_id=CHANNEL,
        user_id=ANYA,
        mode=mode,
        bank_id="purges",
        question_ids=["q1", "q2"],
        seed=7,
        multiplier=1.5,
        assignment_id=assignment_id,
        max_attempts=1 if assignment_id else None,
    )


async def test_an_attempt_is_a_run_that_survives_reopening_and_a_restart_sweep(
    store: Store, clock: FakeClock, db_target: str
) -> None:
    due = clock.now + timedelta(days=2)
    hw = await store.create_assignment(GUILD, CHANNEL, "purges", TEACHER, due, attempts=1)
    attempt = await _attempt(store, clock, hw.assignment_id)
    assert attempt is not None
    assert (attempt.mode, attempt.multiplier, attempt.question_ids) == (
        "homework",
        1.5,
        ("q1", "q2"),
    )
    # a second start of a one-attempt assignment is refused by the store itself
    assert await _attempt(store, clock, hw.assignment_id) is None
    await store.save_progress(attempt.run_id, position=1, opened_at=clock.now)
    run = await store.get_run(attempt.run_id)
    assert run is not None
    player = Player(store, clock, run, ANYA, "anya")
    await player.answer("q1", True)
    await player.answer("q2", False)
    # the live quiz's restart sweep leaves private attempts running
    assert await store.abort_running_runs("restart") == 0
    await store.close()
    again = await Store.open(db_target, clock=clock)
    try:
        found = await again.get_attempt(attempt.run_id)
        assert found is not None
        assert (found.status, found.position, found.opened_at, found.results) == (
            RunStatus.RUNNING,
            1,
            clock.now - timedelta(seconds=2),
            (True, False),
        )
        assert [a.run_id for a in await again.user_attempts(GUILD, ANYA, running=True)] == [
            attempt.run_id
        ]
    finally:
        await again.close()


async def test_the_deadline_ends_open_attempts_and_keeps_their_answers(
    store: Store, clock: FakeClock
) -> None:
    due = clock.now + timedelta(hours=1)
    hw = await store.create_assignment(GUILD, CHANNEL, "purges", TEACHER, due)
    attempt = await _attempt(store, clock, hw.assignment_id)
    assert attempt is not None
    run = await store.get_run(attempt.run_id)
    assert run is not None
    await Player(store, clock, run, ANYA, "anya").answer("q1", True, 900)
    assert await store.end_overdue_attempts(clock.now) == []
    clock.advance(hours=2)
    assert await store.end_overdue_attempts(clock.now) == [attempt.run_id]
    [score] = await store.assignment_scores(hw.assignment_id)
    assert (score.status, score.end_reason, score.ended_at) == (RunStatus.STOPPED, "deadline", due)
    assert (score.answered, score.correct, score.points, score.total) == (1, 1, 900, 2)


async def test_a_wrong_answer_in_any_mode_enters_the_first_box_and_forget_me_clears_it(
    store: Store, clock: FakeClock
) -> None:
    live = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    player = Player(store, clock, live, ANYA, "anya")
    await player.answer("q1", False)
    missed_at = clock.now
    await player.answer("q2", True)
    [item] = await store.review_boxes(GUILD, ANYA)
    assert (item.bank_id, item.question_id, item.box) == ("purges", "q1", 1)
    assert item.due_at == missed_at + interval(1)
    assert interval(1) // timedelta(milliseconds=1) == FIRST_BOX_MS
    assert await store.count_due(GUILD, ANYA, clock.now) == 0
    assert await store.count_due(GUILD, ANYA, clock.now + timedelta(days=1)) == 1
    await store.move_review(GUILD, ANYA, "purges", "q1", 3, clock.now + interval(3))
    await player.answer("q1", False)  # wrong again: back to box 1
    [item] = await store.review_boxes(GUILD, ANYA)
    assert (item.box, item.missed) == (1, 2)
    [missed] = await store.class_missed(GUILD)
    assert (missed.question_id, missed.students, missed.misses) == ("q1", 1, 2)
    await store.forget_student(GUILD, ANYA)
    assert await store.review_boxes(GUILD, ANYA) == []


async def test_practice_and_review_stay_off_the_boards_while_homework_counts(
    store: Store, clock: FakeClock
) -> None:
    from purgebot.storage import Metric, Period

    boris, clara = ANYA + 1, ANYA + 2
    live = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await Player(store, clock, live, boris, "boris").answer("q1", False, 0)
    assignment = await store.create_assignment(
        guild_id=GUILD,
        channel_id=CHANNEL,
        bank_id="purges",
        set_by=TEACHER,
        due_at=clock.now + timedelta(days=3),
    )
    homework = await store.start_attempt(
        guild_id=GUILD,
        channel_id=CHANNEL,
        user_id=clara,
        mode="homework",
        bank_id="purges",
        question_ids=["q1"],
        seed=1,
        multiplier=1.0,
        assignment_id=assignment.assignment_id,
        max_attempts=1,
    )
    assert homework is not None
    clara_run = await store.get_run(homework.run_id)
    assert clara_run is not None
    await Player(store, clock, clara_run, clara, "clara").answer("q1", True, 900)
    for mode in ("practice", "review"):
        attempt = await _attempt(store, clock, None, mode)
        run = await store.get_run(attempt.run_id)
        assert run is not None
        for qid in ("q1", "q2"):
            await Player(store, clock, run, ANYA, "anya").answer(qid, True, 0)
    for period in (Period.ALL, Period.WEEK):
        for metric in (Metric.POINTS, Metric.ACCURACY):
            board = await store.leaderboard(GUILD, period=period, metric=metric)
            shown = {(e.user_name, e.answered, e.correct) for e in board.entries}
            assert shown == {("boris", 1, 0), ("clara", 1, 1)}, (period, metric)
    bank_board = await store.leaderboard(GUILD, bank_id="purges", metric=Metric.ACCURACY)
    assert {e.user_name for e in bank_board.entries} == {"boris", "clara"}
    await store.forget_student(GUILD, ANYA)  # forgetting practice answers leaves totals right
    board = await store.leaderboard(GUILD)
    assert {(e.user_name, e.answered) for e in board.entries} == {("boris", 1), ("clara", 1)}
