"""Answers: acknowledged only once committed, committed in groups, never lost at close."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import datetime

import pytest
from storage_helpers import CHANNEL, GUILD, TEACHER, FakeClock, committed, player

from purgebot.storage import AnswerRecord, RunNotFoundError, Store, StoreClosedError
from purgebot.storage.db import execute


def record(run_id: int, user_id: int, question: str, clock: FakeClock) -> AnswerRecord:
    return AnswerRecord(
        run_id=run_id,
        guild_id=GUILD,
        user_id=user_id,
        user_name=f"student {user_id}",
        question_id=question,
        topic="terror",
        raw_answer="=cmd|' /C calc'!A0",
        correct=user_id % 2 == 0,
        points=700 if user_id % 2 == 0 else 0,
        response_ms=2300,
        answered_at=clock(),
    )


async def rows(target: str) -> list[tuple[object, ...]]:
    """What another process sees: only committed rows."""
    return await committed(
        target,
        "SELECT answer_id, user_id, question_id, raw_answer, correct, points FROM answers"
        " ORDER BY answer_id",
    )


async def test_an_acknowledged_answer_is_committed_with_every_field(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    answer_id = await store.record_answer(record(run.run_id, 2, "q1", clock))
    # read through a separate connection: the row is there before the store is closed
    assert (await rows(db_target)) == [(answer_id, 2, "q1", "=cmd|' /C calc'!A0", 1, 700)]


async def test_two_hundred_concurrent_answers_share_a_few_transactions(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    commits_before, batches_before = store.commit_count, store.answer_batches
    ids = await asyncio.gather(
        *(store.record_answer(record(run.run_id, user, "q1", clock)) for user in range(200))
    )
    commits = store.commit_count - commits_before
    batches = store.answer_batches - batches_before
    print(f"200 concurrent answers: {commits} transaction(s)")
    assert 1 <= commits <= 5
    assert batches == commits
    assert len(set(ids)) == 200
    stored = {r[0]: r[1] for r in (await rows(db_target))}
    # each caller got the id of its own row
    assert [stored[i] for i in ids] == list(range(200))


async def test_answers_one_after_another_each_commit(store: Store, clock: FakeClock) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    before = store.answer_batches
    ana = player(store, clock, run, 1, "Ana")
    first = await ana.answer("q1", True)
    second = await ana.answer("q2", True)
    assert second > first
    assert store.answer_batches - before == 2


async def test_an_answer_for_an_unknown_run_fails_alone(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    good = [record(run.run_id, u, "q1", clock) for u in range(5)]
    bad = record(run.run_id + 999, 99, "q1", clock)
    results = await asyncio.gather(
        *(store.record_answer(r) for r in [*good[:2], bad, *good[2:]]), return_exceptions=True
    )
    assert isinstance(results[2], RunNotFoundError)
    assert all(isinstance(r, int) for i, r in enumerate(results) if i != 2)
    assert sorted(r[1] for r in (await rows(db_target))) == [0, 1, 2, 3, 4]


async def test_close_commits_what_is_queued_and_later_answers_are_refused(
    db_target: str, clock: FakeClock
) -> None:
    store = await Store.open(db_target, clock=clock)
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    pending = [
        asyncio.ensure_future(store.record_answer(record(run.run_id, u, "q1", clock)))
        for u in range(30)
    ]
    await asyncio.sleep(0)  # one tick: every answer is queued, none committed yet
    assert not any(task.done() for task in pending)
    await store.close()
    assert all(task.done() and not task.exception() for task in pending)
    assert len(await rows(db_target)) == 30
    with pytest.raises(StoreClosedError):
        await store.record_answer(record(run.run_id, 1, "q2", clock))
    await store.close()  # twice is harmless


async def test_a_cancelled_caller_does_not_cancel_the_write(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    task = asyncio.ensure_future(store.record_answer(record(run.run_id, 4, "q1", clock)))
    await asyncio.sleep(0)  # let it queue (a yield, not a wait)
    task.cancel()
    await store.flush()
    assert [r[1] for r in (await rows(db_target))] == [4]


async def test_a_malformed_answer_is_refused_to_its_caller_only(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    naive = replace(record(run.run_id, 7, "q1", clock), answered_at=datetime(2024, 3, 13, 12))
    results = await asyncio.gather(
        store.record_answer(record(run.run_id, 1, "q1", clock)),
        store.record_answer(naive),
        store.record_answer(record(run.run_id, 2, "q1", clock)),
        return_exceptions=True,
    )
    assert isinstance(results[1], ValueError)
    assert [r[1] for r in (await rows(db_target))] == [1, 2]


async def test_a_row_sqlite_cannot_store_fails_alone_and_its_batch_is_kept(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    """Ten students answer together; one answer holds a lone surrogate (a modified client)."""
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    answers = [record(run.run_id, u, "q1", clock) for u in range(10)]
    answers[4] = replace(answers[4], raw_answer="Nikolaev \ud83d")
    results = await asyncio.gather(
        *(store.record_answer(r) for r in answers), return_exceptions=True
    )
    assert isinstance(results[4], UnicodeEncodeError)
    assert all(isinstance(r, int) for i, r in enumerate(results) if i != 4)
    assert sorted(r[1] for r in (await rows(db_target))) == [0, 1, 2, 3, 5, 6, 7, 8, 9]
    totals = await store.student_stats(GUILD, 2)
    assert totals.answered == 1


async def test_a_row_a_constraint_refuses_fails_alone_whatever_the_error(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    # any failure the database raises for one row (here an "integer overflow" in a trigger, not
    # a constraint) stays with that row
    async with store._db.write() as conn:
        if store.dialect == "sqlite":
            await execute(
                conn,
                "CREATE TEMP TRIGGER refuse_7 BEFORE INSERT ON answers WHEN NEW.user_id = 7 "
                "BEGIN SELECT abs(-9223372036854775807 - 1); END",
            )
            expected: type[Exception] = sqlite3.OperationalError
        else:
            import asyncpg

            await execute(
                conn,
                """CREATE FUNCTION refuse_7() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN PERFORM abs(-9223372036854775807 - 1 - NEW.user_id); RETURN NEW; END $$""",
            )
            await execute(
                conn,
                "CREATE TRIGGER refuse_7 BEFORE INSERT ON answers FOR EACH ROW "
                "WHEN (NEW.user_id = 7) EXECUTE FUNCTION refuse_7()",
            )
            expected = asyncpg.PostgresError
    results = await asyncio.gather(
        *(store.record_answer(record(run.run_id, u, "q1", clock)) for u in range(10)),
        return_exceptions=True,
    )
    assert isinstance(results[7], expected)
    assert sorted(r[1] for r in (await rows(db_target))) == [0, 1, 2, 3, 4, 5, 6, 8, 9]
