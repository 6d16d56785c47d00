"""bench_leaderboard.py on PostgreSQL: the same year of answers, built with generate_series in a
new database, the same measurements through the real Store, against a sequential scan of the
table in the same run."""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from purgebot.storage import Store

NOW_MS = 1_719_788_400_000  # bench_leaderboard.NOW: 2024-06-30 23:00 UTC
DAY_MS = 86_400_000
DAYS = 365
STUDENTS = 300

Measure = Callable[[str, int], Awaitable[dict[str, float]]]


async def build(url: str, rows: int) -> float:
    """The same rows as bench_leaderboard.build, by the same formulas; returns the seconds."""
    start_ms = NOW_MS - DAYS * DAY_MS
    started = time.perf_counter()
    conn = await asyncpg.connect(url)
    try:
        # a commit flushed before VACUUM, else (on a server with synchronous_commit off) it may
        # not mark the new pages all-visible, and no index-only scan is possible
        await conn.execute("SET synchronous_commit = on")
        async with conn.transaction():
            await conn.execute(
                """INSERT INTO runs (run_id, guild_id, channel_id, bank_id, started_by, started_at,
                                     ended_at, settings_json, status)
                   SELECT day * 8 + slot + 1, CASE WHEN slot < 4 THEN 1 ELSE slot - 2 END, 10,
                          'bank-' || ((day + slot) % 3), 99, $2 + day * $3,
                          $2 + day * $3 + 3600000, '{}', 'finished'
                   FROM generate_series(0, $1::bigint) AS day, generate_series(0, 7) AS slot""",
                DAYS,
                start_ms,
                DAY_MS,
            )
            await conn.execute(
                """WITH g AS (SELECT n, (n * 2654435761) % 4294967291 AS h,
                                     $2 + n * $3 / $1 AS t, n % 8 AS slot
                              FROM generate_series(0::bigint, $1::bigint - 1) AS n)
                   INSERT INTO answers (run_id, guild_id, user_id, user_name, question_id, topic,
                                        raw_answer, correct, points, response_ms, answered_at)
                   SELECT ((t - $2) / $4) * 8 + slot + 1,
                          CASE WHEN slot < 4 THEN 1 ELSE slot - 2 END,
                          (CASE WHEN slot < 4 THEN 1 ELSE slot - 2 END) * 1000 + h % $5,
                          'student ' || (h % $5),
                          'q' || (h / 7 % 60), 'topic-' || (h / 11 % 8), 'A',
                          CASE WHEN h / 13 % 10 < 7 THEN 1 ELSE 0 END,
                          CASE WHEN h / 13 % 10 < 7 THEN 500 + h / 17 % 500 ELSE 0 END,
                          h / 19 % 20000, t
                   FROM g""",
                rows,
                start_ms,
                DAYS * DAY_MS,
                DAY_MS,
                STUDENTS,
            )
            await conn.execute(
                "SELECT setval(pg_get_serial_sequence('runs', 'run_id'), max(run_id)) FROM runs"
            )
        # what autovacuum does to a settled database: the visibility map, and no dead versions of
        # the totals rows that the triggers updated once per answer inside this one transaction
        await conn.execute("VACUUM")
    finally:
        await conn.close()
    return time.perf_counter() - started


async def seq_scan_ms(url: str, repeats: int) -> tuple[float, float]:
    """The floor (one sequential pass over every row) and the database's size in MB."""
    conn = await asyncpg.connect(url)
    try:
        for setting in ("enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"):
            await conn.execute(f"SET {setting} = off")
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            await conn.fetchrow("SELECT count(*), sum(points) FROM answers")
            times.append(time.perf_counter() - t0)
        size = await conn.fetchval("SELECT pg_database_size(current_database())")
        return statistics.median(times) * 1000, size / 1e6
    finally:
        await conn.close()


async def _admin(url: str, sql: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def run_postgres(
    admin_url: str, n: int, repeats: int, measure: Measure, report: Callable[..., Any]
) -> list[dict[str, Any]]:
    name = f"purgebot_bench_{uuid.uuid4().hex[:12]}"
    url = urlunsplit(urlsplit(admin_url)._replace(path=f"/{name}"))
    asyncio.run(_admin(admin_url, f'CREATE DATABASE "{name}"'))
    try:

        async def create() -> None:
            await (await Store.open(url)).close()

        asyncio.run(create())
        seconds = asyncio.run(build(url, n))
        floor, size_mb = asyncio.run(seq_scan_ms(url, repeats))
        fresh = asyncio.run(measure(url, repeats))
        asyncio.run(_admin(url, "ANALYZE"))
        analyzed = asyncio.run(measure(url, repeats))
        return list(report(n, seconds, size_mb, floor, fresh, analyzed, "PostgreSQL"))
    finally:
        asyncio.run(_admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
