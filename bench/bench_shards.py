"""Stored clicks/s with one bot process and with two shard processes over one PostgreSQL
database, in one run: what sharding buys on this machine's cores.

Each worker is a Python process of its own running bench_clicks' bot: `create_bot` with its
shard plan, its shards taken in the database (storage/shardlease.py), a real Store on a fresh
PostgreSQL database, live quizzes in a server on one of its shards, clicks given to discord.py's
parser and counted when the reply is sent (after the answer's COMMIT). The parent starts the
workers, waits until each has its quizzes posted, then tells them all to go at once. Stored
clicks/s = every click of every worker / (last reply - first click).

- one process: shards 0-1 of 2, 2Q quizzes;
- two processes: shard 0 and shard 1 of 2, Q quizzes each (the same clicks in all).

The ratio two/one is the figure (target >= 1.7x on 2 cores); PostgreSQL shares those cores.

    PURGEBOT_BENCH_POSTGRES=postgresql://USER@HOST:PORT/postgres \
        python bench/bench_shards.py [--quick]

(an admin URL: a database is created for the run and dropped after; PURGEBOT_TEST_POSTGRES is
read when PURGEBOT_BENCH_POSTGRES is unset; without either it says so and measures nothing.)
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import row

QUIZZES = {True: 100, False: 400}  # per worker of the two-process run (--quick: 100)
BURSTS = {True: 2, False: 4}
ENV = ("PURGEBOT_BENCH_POSTGRES", "PURGEBOT_TEST_POSTGRES")
TARGET = 1.7


def guild_on(shard: int, count: int) -> int:
    """A Discord-sized guild id on `shard` of `count`."""
    base = 1_300_000_000_000_000_000 >> 22
    return ((base + (shard - base) % count) << 22) | 4242


# --- a worker ------------------------------------------------------------------------------------


async def work(url: str, shards: str, count: int, quizzes: int, bursts: int, seed: int) -> None:
    import bench_clicks as bc
    from purgebot.bot import create_bot
    from purgebot.config import Settings
    from purgebot.shards import shard_plan
    from purgebot.storage import Store
    from purgebot.storage.shardlease import ShardLease

    plan = shard_plan(shards, count)
    assert plan is not None
    bc.GUILD_ID = guild_on(plan.ids[0], count)  # the bench bot's one server, on this worker's shard
    fake = bc.FakeDiscord()
    rng = random.Random(seed)
    lease = await ShardLease(url, plan).acquire()
    store = await Store.open(url)
    with tempfile.TemporaryDirectory() as tmp:
        banks = Path(tmp) / "banks"
        banks.mkdir()
        (banks / "bench.yaml").write_text(bc.BANK)
        settings = Settings(banks_dir=banks, token=None)
        bot = create_bot(
            settings, store=store, clock=time.time, rng=rng, auto_sync=False, shards=plan
        )
        try:
            await fake.login(bot)
            first = 900_000 + seed * 100_000
            channels = [first + i for i in range(quizzes)]
            bot._connection.parse_guild_create(bc.guild_create(channels))
            for channel_id in channels:
                bot._connection.parse_interaction_create(
                    bc.start_payload(next(fake.ids), channel_id)  # type: ignore[arg-type]
                )
            fake.expected_posts = quizzes
            await fake.all_posted.wait()
            posted = dict(fake.posted)
            print("ready", flush=True)
            await asyncio.to_thread(sys.stdin.readline)  # "go"
            began = time.monotonic()
            clicks = 0
            for burst in range(bursts):
                students = range(burst * bc.PLAYERS, (burst + 1) * bc.PLAYERS)
                payloads = bc.click_payloads(fake.ids, posted, students, rng)
                await bc.feed(bot, fake, payloads, None)
                clicks += len(payloads)
            ended = time.monotonic()
            report = await store.run_report(
                bc.GUILD_ID, (await store.list_runs(bc.GUILD_ID))[-1].run_id
            )
            stored = sum(s.answered for s in report.students)
            assert stored == bc.PLAYERS * bursts, f"{stored} answers stored in one quiz"
            print(json.dumps({"clicks": clicks, "began": began, "ended": ended}), flush=True)
        finally:
            await bot.close()
            await store.close()
            await lease.release()


# --- the parent ----------------------------------------------------------------------------------


async def fresh_database(admin: str) -> str:
    import asyncpg

    name = f"purgebot_bench_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return urlunsplit(urlsplit(admin)._replace(path=f"/{name}"))


async def drop_database(admin: str, url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path[1:]}" WITH (FORCE)')
    finally:
        await conn.close()


async def together(url: str, jobs: list[tuple[str, int]], bursts: int) -> float:
    """Run a worker per (shards, quizzes) at once; the stored clicks/s of them all."""
    procs = []
    for seed, (shards, quizzes) in enumerate(jobs, 1):
        procs.append(
            await asyncio.create_subprocess_exec(
                sys.executable,
                __file__,
                "--worker",
                url,
                shards,
                "2",
                str(quizzes),
                str(bursts),
                str(seed),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )
        )
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = await proc.stdout.readline()
            assert line.strip() == b"ready", f"a worker did not start: {line!r}"
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write(b"go\n")
            await proc.stdin.drain()
        results: list[dict[str, Any]] = []
        for proc in procs:
            assert proc.stdout is not None
            results.append(json.loads(await proc.stdout.readline()))
            assert await proc.wait() == 0
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    clicks = sum(r["clicks"] for r in results)
    return clicks / (max(r["ended"] for r in results) - min(r["began"] for r in results))


async def measure(admin: str, quick: bool) -> dict[str, float]:
    quizzes, bursts = QUIZZES[quick], BURSTS[quick]
    out: dict[str, float] = {}
    for name, jobs in (
        ("one", [("0-1", 2 * quizzes)]),
        ("two", [("0", quizzes), ("1", quizzes)]),
    ):
        url = await fresh_database(admin)
        try:
            out[name] = await together(url, jobs, bursts)
        finally:
            await drop_database(admin, url)
    return out


def main(quick: bool = False) -> list[dict[str, Any]]:
    admin = next((os.environ[k].strip() for k in ENV if os.environ.get(k, "").strip()), "")
    if not admin:
        print(f"bench_shards: set {ENV[0]} to a PostgreSQL admin URL to measure", file=sys.stderr)
        return []
    got = asyncio.run(measure(admin, quick))
    clicks = 2 * QUIZZES[quick] * 30
    return [
        row(
            f"stored clicks/s, 1 process, PostgreSQL ({clicks:,} a burst)",
            got["one"],
            "/s",
            None,
            "—",
        ),
        row(
            "stored clicks/s, 2 shard processes, PostgreSQL",
            got["two"],
            "/s",
            got["one"],
            f"ratio ≥ {TARGET:g}",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        url, shards, count, quizzes, bursts, seed = sys.argv[2:8]
        asyncio.run(work(url, shards, int(count), int(quizzes), int(bursts), int(seed)))
    else:
        rows = main("--quick" in sys.argv)
        for r in rows:
            print(r)
        if len(rows) == 2:
            print(f"two processes / one: {rows[1]['ratio']:.2f}x (target >= {TARGET:g}x)")
