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
import statistics
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
ROUNDS = {True: 2, False: 4}  # each layout this many times, alternating; medians reported
ENV = ("PURGEBOT_BENCH_POSTGRES", "PURGEBOT_TEST_POSTGRES")
TARGET = 1.7


def guild_on(shard: int, count: int) -> int:
    """A Discord-sized guild id on `shard` of `count`."""
    base = 1_300_000_000_000_000_000 >> 22
    return ((base + (shard - base) % count) << 22) | 4242


# --- a worker ------------------------------------------------------------------------------------


async def work(url: str, shards: str, count: int, quizzes: int, bursts: int, seed: int) -> None:
    import bench_clicks
    import botkit as bc
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
            began, cpu = time.monotonic(), time.process_time()
            clicks = 0
            for burst in range(bursts):
                students = range(burst * bench_clicks.PLAYERS, (burst + 1) * bench_clicks.PLAYERS)
                payloads = bc.click_payloads(fake.ids, posted, students, rng)
                await bc.feed(bot, fake, payloads, None)
                clicks += len(payloads)
            ended, cpu = time.monotonic(), time.process_time() - cpu
            report = await store.run_report(
                bc.GUILD_ID, (await store.list_runs(bc.GUILD_ID))[-1].run_id
            )
            stored = sum(s.answered for s in report.students)
            assert stored == bench_clicks.PLAYERS * bursts, f"{stored} answers stored in one quiz"
            result = {"clicks": clicks, "began": began, "ended": ended, "cpu": cpu}
            print(json.dumps(result), flush=True)
            await asyncio.to_thread(sys.stdin.readline)  # "done": its backends were measured
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a local process (a PostgreSQL backend), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # not on this machine (a remote server), or already gone
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def backends_cpu(url: str) -> dict[int, float]:
    """CPU so far of each server process serving the bench database (if the server is local)."""
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
    finally:
        await conn.close()
    return {int(r[0]): cpu_seconds(int(r[0])) for r in rows}


async def tell(procs: list[asyncio.subprocess.Process], word: bytes) -> None:
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(word + b"\n")
        await proc.stdin.drain()


async def together(url: str, jobs: list[tuple[str, int]], bursts: int) -> dict[str, float]:
    """Run a worker per (shards, quizzes) at once: the stored clicks/s of them all, and the CPU
    seconds per 1,000 clicks of the workers and of PostgreSQL's backends."""
    procs = []
    for seed, (shards, quizzes) in enumerate(jobs, 1):
        args = ["--worker", url, shards, "2", str(quizzes), str(bursts), str(seed)]
        procs.append(
            await asyncio.create_subprocess_exec(
                sys.executable,
                __file__,
                *args,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )
        )
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = await proc.stdout.readline()
            assert line.strip() == b"ready", f"a worker did not start: {line!r}"
        server_before = await backends_cpu(url)
        await tell(procs, b"go")
        results: list[dict[str, Any]] = []
        for proc in procs:
            assert proc.stdout is not None
            results.append(json.loads(await proc.stdout.readline()))
        server_after = await backends_cpu(url)
        await tell(procs, b"done")
        for proc in procs:
            assert await proc.wait() == 0
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    clicks = sum(r["clicks"] for r in results)
    server = sum(after - server_before.get(pid, 0.0) for pid, after in server_after.items())
    return {
        "rate": clicks / (max(r["ended"] for r in results) - min(r["began"] for r in results)),
        "bot cpu": 1000 * sum(r["cpu"] for r in results) / clicks,
        "server cpu": 1000 * server / clicks,
    }


async def measure(admin: str, quick: bool) -> dict[str, list[dict[str, float]]]:
    """One process, then two, in alternating order over the rounds (the machine is shared)."""
    quizzes, bursts = QUIZZES[quick], BURSTS[quick]
    layouts = {"one": [("0-1", 2 * quizzes)], "two": [("0", quizzes), ("1", quizzes)]}
    out: dict[str, list[dict[str, float]]] = {"one": [], "two": []}
    for turn in range(ROUNDS[quick]):
        for name in ("one", "two") if turn % 2 == 0 else ("two", "one"):
            url = await fresh_database(admin)
            try:
                out[name].append(await together(url, layouts[name], bursts))
            finally:
                await drop_database(admin, url)
    return out


def ceiling(cores: int, one: tuple[float, float], two: tuple[float, float]) -> float:
    """Two processes' rate over one's were the cores free for them, from (bot, PostgreSQL) CPU
    seconds per click: a process is bound by its own core, PostgreSQL by the cores left, and
    all of them by every core's worth of their sum."""
    (bot1, pg1), (bot2, pg2) = one, two
    one_rate = 1 / max(bot1, pg1, (bot1 + pg1) / cores)
    two_rate = 1 / max(bot2 / 2, pg2, (bot2 + pg2) / cores)
    return two_rate / one_rate


def main(quick: bool = False) -> list[dict[str, Any]]:
    admin = next((os.environ[k].strip() for k in ENV if os.environ.get(k, "").strip()), "")
    if not admin:
        print(f"bench_shards: set {ENV[0]} to a PostgreSQL admin URL to measure", file=sys.stderr)
        return []
    load = os.getloadavg()[0]
    got = asyncio.run(measure(admin, quick))

    def mid(name: str, key: str) -> float:
        return statistics.median(r[key] for r in got[name])

    clicks = 2 * QUIZZES[quick] * 30
    cores = os.cpu_count() or 1
    cpu = {name: (mid(name, "bot cpu"), mid(name, "server cpu")) for name in ("one", "two")}
    rates = ", ".join(f"{r['rate']:,.0f}" for r in got["one"] + got["two"])
    print(f"bench_shards: clicks/s by run (one process, then two): {rates}", file=sys.stderr)
    return [
        row(
            f"stored clicks/s, 1 process, PostgreSQL ({clicks:,} a burst)",
            mid("one", "rate"),
            "/s",
            None,
            "—",
        ),
        row(
            f"stored clicks/s, 2 shard processes ({cores} cores, load {load:.1f})",
            mid("two", "rate"),
            "/s",
            mid("one", "rate"),
            f"ratio ≥ {TARGET:g}",
            figure="shards.two_processes_rate",
        ),
        row(
            "  bot CPU per 1,000 clicks, 2 processes",
            mid("two", "bot cpu"),
            "s",
            mid("one", "bot cpu"),
            "≈ 1",
        ),
        row(
            "  PostgreSQL CPU per 1,000 clicks, 2 processes",
            mid("two", "server cpu"),
            "s",
            mid("one", "server cpu"),
            "—",
        ),
        row(
            f"  the ratio these CPU costs allow on {cores} idle cores",
            ceiling(cores, cpu["one"], cpu["two"]),
            "×",
            None,
            f"≥ {TARGET:g}",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        url, shards, count, quizzes, bursts, seed = sys.argv[2:8]
        asyncio.run(work(url, shards, int(count), int(quizzes), int(bursts), int(seed)))
    else:
        rows = main("--quick" in sys.argv)
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        if rows:
            print(f"two processes / one: {rows[1]['ratio']:.2f}x (target >= {TARGET:g}x)")
