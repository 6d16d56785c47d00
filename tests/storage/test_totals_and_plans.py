"""The all-time totals always agree with the answer rows, and the boards use their indexes."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from storage_helpers import CHANNEL, GUILD, OTHER_GUILD, TEACHER, FakeClock, committed, player

from purgebot.storage import Metric, Store
from purgebot.storage.leaderboard import aggregate_cte, leaderboard_sql


async def truth(target: str, guild_id: int, bank: str | None = None) -> list[tuple[object, ...]]:
    """(user, points, answered, correct) straight from the rows, most points first."""
    return await committed(
        target,
        """SELECT user_id, sum(points), count(*), sum(correct)
           FROM answers AS a JOIN runs AS r ON r.run_id = a.run_id
           WHERE a.guild_id = ? AND (? IS NULL OR r.bank_id = ?)
           GROUP BY user_id ORDER BY sum(points) DESC, user_id""",
        guild_id,
        bank,
        bank,
    )


async def board(
    store: Store, guild_id: int, bank: str | None = None
) -> list[tuple[int, int, int, int]]:
    page = await store.leaderboard(guild_id, bank_id=bank, limit=100)
    return sorted(
        ((e.user_id, e.points, e.answered, e.correct) for e in page.entries),
        key=lambda t: (-t[1], t[0]),
    )


async def test_totals_follow_answers_forgetting_and_resets(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    rng = random.Random(4)
    banks = ["purges", "kirov"]
    runs = {
        (guild, bank): await store.start_run(guild, CHANNEL, bank, TEACHER)
        for guild in (GUILD, OTHER_GUILD)
        for bank in banks
    }
    for step in range(6):
        for _ in range(40):
            guild = rng.choice([GUILD, OTHER_GUILD])
            run = runs[guild, rng.choice(banks)]
            user = rng.randrange(8)
            ok = rng.random() < 0.6
            await player(store, clock, run, user, f"u{user}").answer(
                f"q{step}", ok, rng.randrange(100, 1000) if ok else 0
            )
        if step == 2:
            await store.forget_student(GUILD, 3)
            assert 3 not in {user for user, *_ in await board(store, GUILD)}
        if step == 4:
            await store.reset_leaderboard(OTHER_GUILD)
        for guild in (GUILD, OTHER_GUILD):
            for bank in [None, *banks]:
                assert await board(store, guild, bank) == await truth(db_target, guild, bank), step
    assert await truth(db_target, GUILD, "kirov")  # the boards compared were not all empty


def fill(path: Path, rows: int) -> int:
    """Bulk rows over 60 days in three servers; returns the busy server's id."""
    rng = random.Random(1)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO runs (run_id, guild_id, channel_id, bank_id, started_at, status)"
            " VALUES (1, 1, 1, 'b', 0, 'finished'), (2, 2, 1, 'b', 0, 'finished'),"
            " (3, 3, 1, 'b', 0, 'finished')"
        )
        conn.executemany(
            """INSERT INTO answers (run_id, guild_id, user_id, user_name, question_id, topic,
                   raw_answer, correct, points, response_ms, answered_at)
               VALUES (?, ?, ?, 'n', 'q', 't', 'A', ?, ?, 1000, ?)""",
            (
                (
                    g,
                    g,
                    rng.randrange(200),
                    ok,
                    500 * ok,
                    int((start + timedelta(seconds=60 * 86400 * i / rows)).timestamp() * 1000),
                )
                for i in range(rows)
                for g in [1 if i % 2 else rng.choice([2, 3])]
                for ok in [int(rng.random() < 0.7)]
            ),
        )
    return 1


def plan(path: Path, sql: str, params: list[object]) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


# What ANALYZE finds in bench_leaderboard's million answers (a year of daily runs): with these,
# SQLite once read a busy server's every answer run by run through ix_answers_run for a weekly
# board (0.2-0.3 s instead of 5 ms).
YEAR_OF_RUNS_STATS = [
    ("runs", "ix_runs_guild_started", "2928 586 2"),
    ("answers", "ix_answers_run", "1000000 343 2"),
    ("answers", "ix_answers_user_guild", "1000000 667 667 1 1 1 1 1"),
    ("answers", "ix_answers_guild_time", "1000000 200000 1 1 1 1 1"),
]


@pytest.mark.parametrize("analyzed", ["no", "yes", "a year of runs"])
async def test_boards_read_indexes_not_the_table(db_path: Path, analyzed: str) -> None:
    store = await Store.open(db_path)
    await store.close()
    guild = fill(db_path, 20_000)
    if analyzed != "no":
        with sqlite3.connect(db_path) as conn:
            conn.execute("ANALYZE")
            if analyzed == "a year of runs":
                conn.execute("DELETE FROM sqlite_stat1 WHERE tbl IN ('runs', 'answers')")
                conn.executemany("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)", YEAR_OF_RUNS_STATS)
    since = int(datetime(2024, 2, 26, tzinfo=UTC).timestamp() * 1000)
    for metric in Metric:
        agg, params = aggregate_cte(guild, since, None, 1)
        weekly = plan(db_path, leaderboard_sql(metric, agg), [*params, 10, 0, guild])
        # only the week's entries of a covering index: which index is the planner's call once
        # it has statistics (a skip-scan over few students is as good), but never the table
        (search,) = [line for line in weekly.splitlines() if line.startswith("SEARCH answers")]
        assert "COVERING INDEX" in search
        assert "guild_id=?" in search
        assert "answered_at>?" in search
        assert "SCAN answers" not in weekly
        for bank in (None, "b"):
            agg, params = aggregate_cte(guild, None, bank, 1)
            ever = plan(db_path, leaderboard_sql(metric, agg), [*params, 10, 0, guild])
            assert "answer_totals" in ever
            assert "ix_answers_guild_time" not in ever
