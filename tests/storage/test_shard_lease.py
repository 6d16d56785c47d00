"""Two processes never hold the same shards of one PostgreSQL database, against a real server.

The server named by PURGEBOT_TEST_POSTGRES (an admin URL) gets a fresh database per test; without
the variable these tests skip, saying so. A "process" here is a ShardLease with its own
connection, as each `purgebot run` has; a killed process is one whose backend the server ends.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator

import pytest

from purgebot.shards import ShardPlan
from purgebot.storage.shardlease import ShardLease, ShardsTaken


@pytest.fixture
async def leases() -> AsyncIterator[list[ShardLease]]:
    held: list[ShardLease] = []
    try:
        yield held
    finally:
        for lease in held:
            await lease.release()


async def take(held: list[ShardLease], url: str, plan: ShardPlan | None) -> ShardLease:
    lease = ShardLease(url, plan)
    held.append(lease)
    return await lease.acquire()


async def refused(url: str, plan: ShardPlan | None) -> str:
    lease = ShardLease(url, plan)
    with pytest.raises(ShardsTaken) as caught:
        await lease.acquire()
    assert not lease.held
    return caught.value.message


async def test_two_processes_split_the_shards_and_a_third_is_refused_by_name(
    pg_url: str, leases: list[ShardLease]
) -> None:
    first = await take(leases, pg_url, ShardPlan((0, 1), 4))
    second = await take(leases, pg_url, ShardPlan((2, 3), 4))
    assert first.held and second.held
    message = await refused(pg_url, ShardPlan((1, 2), 4))
    assert message.startswith("shards 1-2 of 4 already belong to another purgebot process")
    assert f"purgebot shards 0-1 of 4 (pid {os.getpid()} on " in message
    assert "give this one other shards with --shards" in message
    one = await refused(pg_url, ShardPlan((3,), 4))
    assert one.startswith("shard 3 of 4 already belongs to another purgebot process")


async def test_a_refused_process_takes_nothing_so_the_free_shards_stay_free(
    pg_url: str, leases: list[ShardLease]
) -> None:
    await take(leases, pg_url, ShardPlan((1,), 4))
    await refused(pg_url, ShardPlan((0, 1), 4))  # 0 was free, 1 was not
    assert (await take(leases, pg_url, ShardPlan((0,), 4))).held


async def test_another_shard_count_on_the_same_database_is_refused(
    pg_url: str, leases: list[ShardLease]
) -> None:
    await take(leases, pg_url, ShardPlan((0, 1), 4))
    message = await refused(pg_url, ShardPlan((2,), 8))
    assert message.startswith(
        "the purgebot processes on this database run with --shard-count 4 (purgebot shards 0-1 of 4"
    )
    assert "this one asks for --shard-count 8" in message
    unsharded = await refused(pg_url, None)
    assert "this one asks for --shard-count 1" in unsharded


async def test_one_unsharded_process_per_database(pg_url: str, leases: list[ShardLease]) -> None:
    await take(leases, pg_url, None)
    message = await refused(pg_url, None)
    assert message.startswith(f"another purgebot (purgebot (pid {os.getpid()} on "), message
    assert "is already running on this database" in message
    sharded = await refused(pg_url, ShardPlan((0,), 2))
    assert sharded.startswith("another purgebot runs on this database without --shards")


async def test_a_stopped_or_killed_process_gives_its_shards_back_at_once(
    pg_url: str, leases: list[ShardLease]
) -> None:
    import asyncpg

    stopped = await take(leases, pg_url, ShardPlan((0, 1), 2))
    await stopped.release()
    await take(leases, pg_url, ShardPlan((0, 1), 2))  # then killed
    await refused(pg_url, ShardPlan((0,), 2))
    # SIGKILL of the process: its connection is gone without a word; the server ends the
    # backend and drops its locks, so a new process can start at once
    admin = await asyncpg.connect(pg_url)
    try:
        pids = await admin.fetch(
            "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'purgebot shards%'"
        )
        assert len(pids) == 1
        # (waits, up to 5 s, until the backend has ended)
        assert await admin.fetchval("SELECT pg_terminate_backend($1, 5000)", pids[0][0])
    finally:
        await admin.close()
    restarted = await take(leases, pg_url, ShardPlan((0, 1), 2))
    assert restarted.held


async def end_backends(url: str, like: str) -> int:
    """End the server side of the connections named `like`, as a PostgreSQL restart would."""
    import asyncpg

    admin = await asyncpg.connect(url)
    try:
        rows = await admin.fetch(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE application_name LIKE $1 AND pid <> pg_backend_pid()",
            like,
        )
        return len(rows)
    finally:
        await admin.close()


async def taken(lease: ShardLease, times: int) -> None:
    async with asyncio.timeout(10), lease.changed:
        await lease.changed.wait_for(lambda: lease.taken >= times)


async def test_after_the_connection_breaks_the_shards_are_taken_again(
    pg_url: str, leases: list[ShardLease]
) -> None:
    lease = await take(leases, pg_url, ShardPlan((0, 1), 2))
    attempts: asyncio.Queue[None] = asyncio.Queue()
    reasons: list[str] = []
    keeper = asyncio.create_task(lease.keep(reasons.append, pause=attempts.get))
    try:
        assert await end_backends(pg_url, "purgebot shards 0-1 of 2%") == 1
        attempts.put_nowait(None)
        await taken(lease, 2)
        assert lease.held and reasons == []
        assert (await refused(pg_url, ShardPlan((1,), 2))).startswith("shard 1 of 2 already")
    finally:
        keeper.cancel()


async def test_shards_taken_by_another_process_meanwhile_stop_this_one(
    pg_url: str, leases: list[ShardLease]
) -> None:
    lease = await take(leases, pg_url, ShardPlan((0, 1), 2))
    attempts: asyncio.Queue[None] = asyncio.Queue()
    reasons: list[str] = []
    keeper = asyncio.create_task(lease.keep(reasons.append, pause=attempts.get))
    assert await end_backends(pg_url, "purgebot shards 0-1 of 2%") == 1
    await take(leases, pg_url, ShardPlan((1,), 2))  # started while the first was cut off
    attempts.put_nowait(None)
    async with asyncio.timeout(10):
        await keeper  # it gives up: the caller stops the bot
    assert not lease.held
    assert len(reasons) == 1
    assert reasons[0].startswith("shard 1 of 2 already belongs to another purgebot process")
