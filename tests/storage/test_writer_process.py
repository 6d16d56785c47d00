"""The answer writer runs in a child process; when that process dies, its pending answers fail
with a plain message, nothing half-written is acknowledged, and the next answer is stored."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from storage_helpers import CHANNEL, GUILD, TEACHER, FakeClock, right_answer

from purgebot.errors import UserFacingError
from purgebot.storage import Store
from purgebot.storage.writer_child import DIE_AT
from purgebot.storage.writerproc import ProcessWriter

PLAIN = "⚠️ Your answer could not be saved (the bot's storage restarted). Please answer again."


@pytest.fixture
async def sqlite_store(db_path: Path, clock: FakeClock) -> AsyncIterator[Store]:
    """The SQLite store only: the writer process is SQLite's (PostgreSQL has its own writer)."""
    s = await Store.open(db_path, clock=clock)
    try:
        yield s
    finally:
        await s.close()


def stored_users(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT user_id FROM answers ORDER BY answer_id")]


def stored_ids(path: Path) -> dict[int, list[int]]:
    """Each student's stored answer ids."""
    ids: dict[int, list[int]] = {}
    with sqlite3.connect(path) as conn:
        for answer_id, user_id in conn.execute("SELECT answer_id, user_id FROM answers"):
            ids.setdefault(user_id, []).append(answer_id)
    return ids


async def test_answers_are_committed_by_a_process_other_than_the_bots(
    sqlite_store: Store, clock: FakeClock
) -> None:
    store = sqlite_store
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await store.record_answer(right_answer(run.run_id, 1, clock))
    writer = store._writer
    assert isinstance(writer, ProcessWriter)
    assert writer.pid is not None and writer.pid != os.getpid()


async def test_a_dead_writer_fails_its_pending_answers_plainly_and_starts_again(
    sqlite_store: Store, db_path: Path, clock: FakeClock
) -> None:
    store = sqlite_store
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await store.record_answer(right_answer(run.run_id, 1, clock))
    writer = store._writer
    assert isinstance(writer, ProcessWriter) and writer.pid is not None
    first_pid = writer.pid
    os.kill(first_pid, signal.SIGSTOP)  # it takes no more batches until it is killed
    pending = [
        asyncio.ensure_future(store.record_answer(right_answer(run.run_id, u, clock)))
        for u in (2, 3, 4)
    ]
    for _ in range(3):  # yields only: the batch is taken and sent within these ticks
        await asyncio.sleep(0)
    assert not writer._pending
    os.kill(first_pid, signal.SIGKILL)
    results = await asyncio.gather(*pending, return_exceptions=True)

    for result in results:
        assert isinstance(result, UserFacingError)
        assert str(result) == (
            "⚠️ Your answer could not be saved (the bot's storage restarted). Please answer again."
        )
    assert stored_users(db_path) == [1]  # none of the three was stored, none acknowledged

    again = await store.record_answer(right_answer(run.run_id, 2, clock))
    assert writer.pid is not None and writer.pid != first_pid
    assert writer.restarts == 1
    assert stored_users(db_path) == [1, 2]
    assert again > 0


async def test_a_writer_killed_after_commit_gives_each_answer_its_id_and_stores_it_once(
    sqlite_store: Store, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = sqlite_store
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    monkeypatch.setenv(DIE_AT, "after-commit")  # each child dies after COMMIT, before replying
    stray = right_answer(run.run_id + 1000, 5, clock)  # no such run: fails alone, is not stored
    results = await asyncio.gather(
        *(store.record_answer(right_answer(run.run_id, u, clock)) for u in (1, 2, 3)),
        store.record_answer(stray),
        return_exceptions=True,
    )

    writer = store._writer
    assert isinstance(writer, ProcessWriter) and writer.restarts >= 1  # its children were killed
    ids = stored_ids(db_path)
    assert results[:3] == [ids[1][0], ids[2][0], ids[3][0]]  # each told its answer's id
    assert {u: len(v) for u, v in ids.items()} == {1: 1, 2: 1, 3: 1}  # each stored once
    assert isinstance(results[3], UserFacingError) and str(results[3]) == PLAIN

    monkeypatch.delenv(DIE_AT)
    again = await store.record_answer(right_answer(run.run_id, 4, clock))
    assert stored_ids(db_path)[4] == [again]
    assert stored_users(db_path) == [1, 2, 3, 4]


async def test_a_writer_killed_before_commit_fails_its_answers_plainly_and_stores_none(
    sqlite_store: Store, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = sqlite_store
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    monkeypatch.setenv(DIE_AT, "before-commit")  # each child dies after its inserts
    results = await asyncio.gather(
        *(store.record_answer(right_answer(run.run_id, u, clock)) for u in (1, 2, 3)),
        return_exceptions=True,
    )

    for result in results:
        assert isinstance(result, UserFacingError) and str(result) == PLAIN
    assert stored_users(db_path) == []  # none of the three was stored, none acknowledged

    monkeypatch.delenv(DIE_AT)
    again = await store.record_answer(right_answer(run.run_id, 2, clock))
    assert stored_ids(db_path) == {2: [again]}


async def test_an_in_memory_store_keeps_its_answers_in_process(clock: FakeClock) -> None:
    store = await Store.open(":memory:", clock=clock)
    try:
        run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
        first = await store.record_answer(right_answer(run.run_id, 1, clock))
        assert (await store.student_stats(GUILD, 1)).answered == 1
        assert first > 0
    finally:
        await store.close()
