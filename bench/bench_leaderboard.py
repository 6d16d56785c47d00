"""Leaderboards over a million answer rows: weekly top-10 and a student's stats, through the real
Store, against a full scan of the same table measured in the same run.

The data: a year of answers ending on a Sunday evening (so "this week" is a full week), half of
them in one busy server of 300 students, the rest spread over four more servers; one run per
server per day over three banks. Rows are generated inside SQLite with a recursive CTE in one
transaction, into the schema the migrations create, with every index in place.

    python bench/bench_leaderboard.py [--quick]      # --quick: 200,000 rows
    python bench/bench_leaderboard.py --db postgresql://USER@HOST:PORT/postgres [--quick]

With --db (an admin URL, e.g. from .ci/postgres) the same rows go into a new PostgreSQL database
(generate_series, same formulas), measured the same way, dropped afterwards.
"""

from __future__ import annotations

import asyncio
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import row
from purgebot.storage import Period, Store

NOW = datetime(2024, 6, 30, 23, 0, tzinfo=UTC)  # a Sunday evening: the week is full
DAY_MS = 86_400_000
DAYS = 365
BUSY_GUILD = 1
STUDENTS = 300
TARGET_MS = 10.0


def build(path: Path, rows: int) -> float:
    """Fill the answers table; returns the seconds it took."""
    start_ms = int(NOW.timestamp() * 1000) - DAYS * DAY_MS
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        # run ids: day * 8 + server slot + 1; servers 1..5, server 1 owns four slots of eight
        conn.execute(
            """WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < ?),
                    s(slot) AS (SELECT 0 UNION ALL SELECT slot + 1 FROM s WHERE slot < 7)
               INSERT INTO runs (run_id, guild_id, channel_id, bank_id, started_by, started_at,
                                 ended_at, settings_json, status)
               SELECT day * 8 + slot + 1, CASE WHEN slot < 4 THEN 1 ELSE slot - 2 END, 10,
                      'bank-' || ((day + slot) % 3), 99, ? + day * ?, ? + day * ? + 3600000,
                      '{}', 'finished'
               FROM d, s""",
            (DAYS, start_ms, DAY_MS, start_ms, DAY_MS),
        )
        conn.execute(
            """WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < ? - 1),
               g AS (SELECT n, (n * 2654435761) % 4294967291 AS h,
                            ? + n * ? / ? AS t, n % 8 AS slot FROM c)
               INSERT INTO answers (run_id, guild_id, user_id, user_name, question_id, topic,
                                    raw_answer, correct, points, response_ms, answered_at)
               SELECT ((t - ?) / ?) * 8 + slot + 1,
                      CASE WHEN slot < 4 THEN 1 ELSE slot - 2 END,
                      (CASE WHEN slot < 4 THEN 1 ELSE slot - 2 END) * 1000 + h % ?,
                      'student ' || (h % ?),
                      'q' || (h / 7 % 60), 'topic-' || (h / 11 % 8), 'A',
                      CASE WHEN h / 13 % 10 < 7 THEN 1 ELSE 0 END,
                      CASE WHEN h / 13 % 10 < 7 THEN 500 + h / 17 % 500 ELSE 0 END,
                      h / 19 % 20000, t
               FROM g""",
            (
                rows,
                start_ms,
                DAYS * DAY_MS,
                rows,
                start_ms,
                DAY_MS,
                STUDENTS,
                STUDENTS,
            ),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return time.perf_counter() - started


def full_scan_ms(path: Path, repeats: int) -> float:
    """The floor: one pass over every row of the table, no index."""
    conn = sqlite3.connect(path)
    try:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            conn.execute("SELECT count(*), sum(points) FROM answers NOT INDEXED").fetchone()
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1000
    finally:
        conn.close()


async def median_ms(call: Callable[[], Awaitable[Any]], repeats: int) -> float:
    await call()  # warm the page cache once, as a running bot would have it
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        await call()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


async def measure(path: Path | str, repeats: int) -> dict[str, float]:
    store = await Store.open(path, clock=lambda: NOW)
    try:
        week = await store.leaderboard(BUSY_GUILD, period=Period.WEEK, limit=10)
        assert len(week.entries) == 10
        assert week.total == STUDENTS, week.total
        student = 1000 + 7
        stats = await store.student_stats(BUSY_GUILD, student)
        assert stats.answered > 0
        return {
            "week": await median_ms(
                lambda: store.leaderboard(BUSY_GUILD, period=Period.WEEK, limit=10), repeats
            ),
            "stats": await median_ms(lambda: store.student_stats(BUSY_GUILD, student), repeats),
            "all": await median_ms(lambda: store.leaderboard(BUSY_GUILD, limit=10), repeats),
            "all_bank": await median_ms(
                lambda: store.leaderboard(BUSY_GUILD, bank_id="bank-1", limit=10), repeats
            ),
            "student_rows": float(stats.answered),
        }
    finally:
        await store.close()


def main(quick: bool = False, db: str | None = None) -> list[dict[str, Any]]:
    n = 200_000 if quick else 1_000_000
    repeats = 7 if quick else 21
    if db is not None:
        from bench_leaderboard_pg import run_postgres

        return run_postgres(db, n, repeats, measure, report)
    with tempfile.TemporaryDirectory(prefix="purgebot-bench-") as tmp:
        path = Path(tmp) / "bench.db"
        return _run(path, n, repeats)


def _analyze(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("ANALYZE")


def _run(path: Path, n: int, repeats: int) -> list[dict[str, Any]]:
    async def create() -> None:
        store = await Store.open(path)
        await store.close()

    asyncio.run(create())
    seconds = build(path, n)
    floor = full_scan_ms(path, repeats)
    fresh = asyncio.run(measure(path, repeats))
    # the store runs PRAGMA optimize at close, so a long-lived file gains planner statistics
    _analyze(path)
    analyzed = asyncio.run(measure(path, repeats))
    size_mb = path.stat().st_size / 1e6
    return report(n, seconds, size_mb, floor, fresh, analyzed, "SQLite")


def report(
    n: int,
    seconds: float,
    size_mb: float,
    floor: float,
    fresh: dict[str, float],
    analyzed: dict[str, float],
    backend: str,
) -> list[dict[str, Any]]:
    print(
        f"{backend}: built {n:,} answer rows in {seconds:.1f} s ({size_mb:.0f} MB); "
        f"full scan {floor:.1f} ms; the student measured has {int(fresh['student_rows']):,} rows",
        file=sys.stderr,
    )
    label = f"{n:,} rows" + ("" if backend == "SQLite" else f", {backend}")
    target = f"< {TARGET_MS:g} ms"
    return [
        row(f"leaderboard weekly top-10 ({label})", fresh["week"], "ms", floor, target),
        row(f"student stats ({label})", fresh["stats"], "ms", floor, target),
        row(f"leaderboard all-time top-10 ({label})", fresh["all"], "ms", floor, target),
        row(f"all-time top-10 of one bank ({label})", fresh["all_bank"], "ms", floor, target),
        row(f"weekly top-10 after ANALYZE ({label})", analyzed["week"], "ms", floor, target),
        row(f"student stats after ANALYZE ({label})", analyzed["stats"], "ms", floor, target),
    ]


if __name__ == "__main__":
    argv = sys.argv[1:]
    url = argv[argv.index("--db") + 1] if "--db" in argv else None
    for result in main("--quick" in argv, url):
        print(
            f"{result['name']:<48} {result['value']:8.2f} {result['unit']}  "
            f"floor {result['floor']:8.2f} ms  ratio {result['ratio']:.4f}  "
            f"target {result['target']}"
        )
