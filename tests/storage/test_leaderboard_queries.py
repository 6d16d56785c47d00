"""Leaderboards: ranks with ties, pages, weeks and months by the injected clock, banks, accuracy."""

from __future__ import annotations

from datetime import UTC, datetime

from storage_helpers import CHANNEL, GUILD, OTHER_GUILD, TEACHER, FakeClock, player

from purgebot.storage import LeaderboardPage, Metric, Period, Store


def board(page: LeaderboardPage) -> list[tuple[int, str, int]]:
    return [(e.rank, e.user_name, e.points) for e in page.entries]


async def test_equal_points_share_a_rank_and_the_next_rank_is_skipped(
    store: Store, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    for user_id, name, points in [(1, "Ana", 300), (2, "Boris", 700), (3, "Cyril", 900)]:
        await player(store, clock, run, user_id, name).answer("q1", True, points)
    dora = player(store, clock, run, 4, "Dora")
    await dora.answer("q1", True, 400)
    await dora.answer("q2", True, 300)

    page = await store.leaderboard(GUILD)
    # Boris and Dora tie on 700; within the tie Dora shows first (more correct answers)
    assert board(page) == [(1, "Cyril", 900), (2, "Dora", 700), (2, "Boris", 700), (4, "Ana", 300)]
    assert page.total == 4
    assert [(e.answered, e.correct) for e in page.entries] == [(1, 1), (2, 2), (1, 1), (1, 1)]


async def test_pages_carry_the_total_and_ranks_continue(store: Store, clock: FakeClock) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    for n in range(25):
        await player(store, clock, run, 100 + n, f"s{n:02d}").answer("q1", True, 10 * (n + 1))
    first = await store.leaderboard(GUILD, limit=10)
    second = await store.leaderboard(GUILD, offset=10, limit=10)
    last = await store.leaderboard(GUILD, offset=20, limit=10)
    beyond = await store.leaderboard(GUILD, offset=30, limit=10)
    assert [e.rank for e in first.entries] == list(range(1, 11))
    assert [e.rank for e in second.entries] == list(range(11, 21))
    assert [e.user_name for e in second.entries][:2] == ["s14", "s13"]
    assert [e.points for e in last.entries] == [50, 40, 30, 20, 10]
    assert (first.total, second.total, last.total, beyond.total) == (25, 25, 25, 25)
    assert beyond.entries == ()


async def test_week_and_month_follow_the_clock(store: Store, clock: FakeClock) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    ana = player(store, clock, run, 1, "Ana")
    boris = player(store, clock, run, 2, "Boris")
    clock.now = datetime(2024, 2, 29, 12, 0, tzinfo=UTC)  # last month
    await ana.answer("q1", True, 1000)
    clock.now = datetime(2024, 3, 10, 23, 59, 58, tzinfo=UTC)  # answered at Sunday 23:59:59
    await boris.answer("q2", True, 600)
    clock.now = datetime(2024, 3, 10, 23, 59, 59, tzinfo=UTC)  # answered at Monday 00:00:00
    await ana.answer("q3", True, 100)

    clock.now = datetime(2024, 3, 13, 12, 0, tzinfo=UTC)  # Wednesday
    week = await store.leaderboard(GUILD, period=Period.WEEK)
    month = await store.leaderboard(GUILD, period=Period.MONTH)
    ever = await store.leaderboard(GUILD, period=Period.ALL)
    assert board(week) == [(1, "Ana", 100)]
    assert week.since == datetime(2024, 3, 11, tzinfo=UTC)
    assert board(month) == [(1, "Boris", 600), (2, "Ana", 100)]
    assert month.since == datetime(2024, 3, 1, tzinfo=UTC)
    assert board(ever) == [(1, "Ana", 1100), (2, "Boris", 600)]
    assert ever.since is None

    clock.now = datetime(2024, 3, 18, 0, 0, tzinfo=UTC)  # the next Monday: a fresh week
    assert (await store.leaderboard(GUILD, period=Period.WEEK)).total == 0
    clock.now = datetime(2024, 4, 1, 0, 0, tzinfo=UTC)
    assert (await store.leaderboard(GUILD, period=Period.MONTH)).entries == ()


async def test_a_bank_filter_counts_only_that_banks_runs(store: Store, clock: FakeClock) -> None:
    purges = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    trials = await store.start_run(GUILD, CHANNEL, "show-trials", TEACHER)
    await player(store, clock, purges, 1, "Ana").answer("q1", True, 900)
    await player(store, clock, trials, 1, "Ana").answer("t1", True, 100)
    await player(store, clock, trials, 2, "Boris").answer("t1", True, 500)
    assert board(await store.leaderboard(GUILD, bank_id="show-trials")) == [
        (1, "Boris", 500),
        (2, "Ana", 100),
    ]
    assert board(await store.leaderboard(GUILD, bank_id="purges")) == [(1, "Ana", 900)]
    assert (await store.leaderboard(GUILD, bank_id="nkvd")).total == 0


async def test_accuracy_ranks_only_students_with_enough_answers(
    store: Store, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    lucky = player(store, clock, run, 1, "Lucky")
    await lucky.answer("q1", True, 1000)  # 1 of 1
    half = player(store, clock, run, 2, "Half")
    for i, ok in enumerate([True, False, True, False]):  # 2 of 4
        await half.answer(f"q{i}", ok, 100)
    also_half = player(store, clock, run, 3, "AlsoHalf")
    for i, ok in enumerate([True, True, True, False, False, False]):  # 3 of 6
        await also_half.answer(f"q{i}", ok, 100)
    steady = player(store, clock, run, 4, "Steady")
    for i, ok in enumerate([True, True, True, False]):  # 3 of 4
        await steady.answer(f"q{i}", ok, 100)

    everyone = await store.leaderboard(GUILD, metric=Metric.ACCURACY)
    assert [(e.rank, e.user_name) for e in everyone.entries] == [
        (1, "Lucky"),
        (2, "Steady"),
        (3, "AlsoHalf"),  # equal accuracy shares a rank; more answers shown first
        (3, "Half"),
    ]
    serious = await store.leaderboard(GUILD, metric=Metric.ACCURACY, min_answers=4)
    assert [(e.rank, e.user_name, round(e.accuracy, 2)) for e in serious.entries] == [
        (1, "Steady", 0.75),
        (2, "AlsoHalf", 0.5),
        (2, "Half", 0.5),
    ]
    assert serious.total == 3
    # points ignore the minimum: one answer is enough to be on the points board
    assert (await store.leaderboard(GUILD, min_answers=4)).total == 4


async def test_other_servers_stay_out_and_the_latest_name_is_shown(
    store: Store, clock: FakeClock
) -> None:
    here = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    there = await store.start_run(OTHER_GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, here, 1, "ana_old").answer("q1", True, 200)
    await player(store, clock, here, 1, "Ana").answer("q2", True, 200)
    await player(store, clock, there, 2, "Stranger").answer("q1", True, 5000)
    assert board(await store.leaderboard(GUILD)) == [(1, "Ana", 400)]
    assert board(await store.leaderboard(OTHER_GUILD)) == [(1, "Stranger", 5000)]
    empty = await store.leaderboard(12345)
    assert (empty.entries, empty.total) == ((), 0)


async def test_a_mode_board_ranks_only_that_mode_s_answers(store: Store, clock: FakeClock) -> None:
    live = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, live, 1, "Ana").answer("q1", True, 900)
    homework = await store.start_attempt(
        guild_id=GUILD,
        channel_id=CHANNEL,
        user_id=2,
        mode="homework",
        bank_id="purges",
        question_ids=["q1", "q2"],
        seed=7,
        multiplier=1.0,
        assignment_id=None,
        max_attempts=None,
    )
    assert homework is not None
    run = await store.get_run(homework.run_id)
    assert run is not None
    boris = player(store, clock, run, 2, "Boris")
    await boris.answer("q1", True, 300)
    await boris.answer("q2", False)

    page = await store.mode_leaderboard(GUILD, "homework")
    assert board(page) == [(1, "Boris", 300)]
    assert (page.total, page.entries[0].accuracy) == (1, 0.5)
    assert board(await store.mode_leaderboard(GUILD, "live")) == [(1, "Ana", 900)]
    empty = await store.mode_leaderboard(GUILD, "practice")
    assert (empty.entries, empty.total) == ((), 0)
