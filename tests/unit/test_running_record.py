"""The record of running quizzes: many changes at once cost one write of the latest state."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from purgebot.bot.quiz.running import RUNNING_KEY, RunningRecord
from purgebot.shards import RunningBook, shard_plan


class FakeStore:
    """Notes every write; a write may be held open to see what arrives meanwhile."""

    def __init__(self) -> None:
        self.writes: list[list[list[Any]]] = []
        self.hold: asyncio.Event | None = None

    async def set_value(self, key: str, value: str) -> None:
        assert key == RUNNING_KEY
        if self.hold is not None:
            await self.hold.wait()
        self.writes.append(json.loads(value))

    async def get_value(self, key: str) -> str | None:
        return json.dumps(self.writes[-1]) if self.writes else None


async def test_a_thousand_changes_at_once_are_one_write_of_the_latest_rows() -> None:
    store = FakeStore()
    rows: list[list[Any]] = []
    record = RunningRecord(store, lambda: list(rows), RunningBook(RUNNING_KEY, None))  # type: ignore[arg-type]
    for run_id in range(1000):
        rows.append([run_id, 1, 100 + run_id, None])
        record.changed()
    await record.settle()
    assert len(store.writes) == 1
    assert store.writes[0] == rows


async def test_a_change_during_a_write_is_written_after_it() -> None:
    store = FakeStore()
    store.hold = asyncio.Event()
    rows: list[list[Any]] = [[1, 1, 101, None]]
    record = RunningRecord(store, lambda: list(rows), RunningBook(RUNNING_KEY, None))  # type: ignore[arg-type]
    record.changed()
    await asyncio.sleep(0)  # the first write starts and waits on the store
    rows.append([2, 1, 102, None])
    record.changed()
    rows.append([3, 1, 103, None])
    record.changed()
    store.hold.set()
    await record.settle()
    assert store.writes == [[[1, 1, 101, None]], rows]


async def test_an_explicit_write_comes_after_the_one_under_way() -> None:
    store = FakeStore()
    store.hold = asyncio.Event()
    record = RunningRecord(store, lambda: [[1, 1, 101, None]], RunningBook(RUNNING_KEY, None))  # type: ignore[arg-type]
    record.changed()
    await asyncio.sleep(0)
    writing = asyncio.ensure_future(record.write([[9, 1, 109, 5]]))
    await asyncio.sleep(0)
    store.hold.set()
    await writing
    assert store.writes == [[[1, 1, 101, None]], [[9, 1, 109, 5]]]
    assert await record.read() == [[9, 1, 109, 5]]


class KeyedStore:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    async def set_value(self, key: str, value: str) -> None:
        self.values[key] = value

    async def get_value(self, key: str) -> str | None:
        return self.values.get(key)


async def test_a_sharded_process_keeps_each_shards_quizzes_under_its_own_key() -> None:
    store = KeyedStore()
    on_0, on_1 = 0 << 22, 1 << 22  # servers on shards 0 and 1 of 4
    rows = [[1, on_0, 100, None], [2, on_1, 200, None]]
    book = RunningBook(RUNNING_KEY, shard_plan("0-1", 4))
    record = RunningRecord(store, lambda: list(rows), book)  # type: ignore[arg-type]
    record.changed()
    await record.settle()
    assert json.loads(store.values[f"{RUNNING_KEY}:shard0of4"]) == [rows[0]]
    assert json.loads(store.values[f"{RUNNING_KEY}:shard1of4"]) == [rows[1]]
    assert RUNNING_KEY not in store.values  # another (unsharded) process's key is not written
    other = RunningRecord(store, list, RunningBook(RUNNING_KEY, shard_plan("2-3", 4)))  # type: ignore[arg-type]
    assert await other.read() == []  # the other process reads only its own shards' lists
    assert await record.read() == rows
