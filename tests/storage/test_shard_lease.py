"""Two processes never hold the same shards of one PostgreSQL database, against a real server.

The server named by PURGEBOT_TEST_POSTGRES (an admin URL) gets a fresh database per test; without
the variable these tests skip, saying so. A "process" here is a ShardLease with its own
connection, as each `purgebot run` has; a killed process is one whose backend the server ends.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from purgebot.shards import ShardPlan
from purgebot.storage.shardlease import ShardLease, ShardsTaken

POSTGRES_ENV = "PURGEBOT_TEST_POSTGRES"


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    admin = os.environ.get(POSTGRES_ENV, "").strip()
    if not admin:
        pytest.skip(f"{POSTGRES_ENV} is not set: no PostgreSQL server to test the shard lease on")
    import asyncpg

    name = f"purgebot_lease_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield urlunsplit(urlsplit(admin)._replace(path=f"/{name}"))
    finally:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


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
