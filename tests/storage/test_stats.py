"""A student's own stats: totals, topics, best streak, weakest topics, recent runs."""

from __future__ import annotations

from storage_helpers import CHANNEL, GUILD, OTHER_GUILD, TEACHER, FakeClock, player

from purgebot.storage import RunStatus, Store


async def test_totals_topics_streak_and_weak_spots(store: Store, clock: FakeClock) -> None:
    first = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    ana = player(store, clock, first, 1, "Ana")
    # run 1: T T F T T T  -> streak of 3 at the end
    plan: list[tuple[str, bool, str | None]] = [
        ("q1", True, "nkvd"),
        ("q2", True, "nkvd"),
        ("q3", False, "trials"),
        ("q4", True, "trials"),
        ("q5", True, "nkvd"),
        ("q6", True, "trials"),
    ]
    for qid, ok, topic in plan:
        await ana.answer(qid, ok, topic=topic)
    await store.end_run(first.run_id, RunStatus.FINISHED)

    clock.advance(hours=1)
    second = await store.start_run(GUILD, CHANNEL, "show-trials", TEACHER)
    ana2 = player(store, clock, second, 1, "Ana K.")
    # run 2 continues the streak across runs: T T  -> 5 in a row, then F F, then T
    second_plan: list[tuple[str, bool, str | None]] = [
        ("t1", True, "trials"),
        ("t2", True, "gulag"),
        ("t3", False, "gulag"),
        ("t4", False, "gulag"),
        ("t5", True, None),
    ]
    for qid, ok, topic in second_plan:
        await ana2.answer(qid, ok, topic=topic)
    # someone else, and Ana in another server, change nothing
    await player(store, clock, second, 2, "Boris").answer("t1", False, topic="gulag")
    elsewhere = await store.start_run(OTHER_GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, elsewhere, 1, "Ana").answer("q1", True)

    stats = await store.student_stats(GUILD, 1, min_topic_answers=3)
    assert stats.user_name == "Ana K."
    assert (stats.answered, stats.correct, stats.points) == (11, 8, 8 * 500)
    assert round(stats.accuracy, 3) == round(8 / 11, 3)
    assert stats.best_streak == 5
    by_topic = {t.topic: (t.answered, t.correct) for t in stats.topics}
    assert by_topic == {"trials": (4, 3), "nkvd": (3, 3), "gulag": (3, 1), None: (1, 1)}
    assert stats.topics[0].topic == "trials"  # most answered first
    # gulag 1/3 then trials 3/4; nkvd is perfect so it is not a weak spot
    assert [t.topic for t in stats.weakest_topics] == ["gulag", "trials"]
    assert [(r.run_id, r.bank_id, r.answered, r.correct) for r in stats.recent_runs] == [
        (second.run_id, "show-trials", 5, 3),
        (first.run_id, "purges", 6, 5),
    ]
    assert stats.recent_runs[1].status is RunStatus.FINISHED
    assert stats.recent_runs[0].status is RunStatus.RUNNING

    short = await store.student_stats(GUILD, 1, weakest=1, recent=1, min_topic_answers=4)
    assert [t.topic for t in short.weakest_topics] == ["trials"]
    assert [r.run_id for r in short.recent_runs] == [second.run_id]


async def test_the_streak_follows_answer_time_not_insertion_order(
    store: Store, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    ana = player(store, clock, run, 1, "Ana")
    start = clock.now
    # written out of order: by time the sequence is T F T T T
    for offset, ok in [(5, True), (1, True), (2, False), (4, True), (3, True)]:
        clock.now = start
        clock.advance(seconds=offset - 1)
        await ana.answer(f"q{offset}", ok)
    assert (await store.student_stats(GUILD, 1)).best_streak == 3


async def test_a_student_who_never_played_has_empty_stats(store: Store) -> None:
    stats = await store.student_stats(GUILD, 77)
    assert stats.user_name is None
    assert (stats.answered, stats.correct, stats.points, stats.best_streak) == (0, 0, 0, 0)
    assert stats.accuracy == 0.0
    assert (stats.topics, stats.weakest_topics, stats.recent_runs) == ((), (), ())
