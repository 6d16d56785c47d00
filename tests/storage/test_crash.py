"""SIGKILL in the middle of a busy run: the database is intact and nothing acknowledged is lost
(on each backend: an SQLite file, a PostgreSQL database)."""

from __future__ import annotations

import asyncio
import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storage_helpers import committed

from purgebot.storage import Store

WRITER = Path(__file__).with_name("crash_writer.py")
WANTED = 600  # acknowledged answers before the kill
DEADLINE_S = 60.0


def read_acknowledged(proc: subprocess.Popen[bytes], wanted: int) -> dict[int, str]:
    """Read "id token" lines until `wanted` are in, with an overall deadline (no sleeps)."""
    assert proc.stdout is not None
    acked: dict[int, str] = {}
    buffer = b""
    deadline = time.monotonic() + DEADLINE_S
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while len(acked) < wanted:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"only {len(acked)} answers acknowledged in {DEADLINE_S:.0f} s")
            if not selector.select(timeout=remaining):
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"the writer exited early:\n{err}")
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                first, second = line.decode().split(" ", 1)
                if first != "ready":
                    acked[int(first)] = second
    return acked


async def test_sigkill_loses_no_acknowledged_answer(db_target: str) -> None:
    proc = await asyncio.to_thread(
        subprocess.Popen,
        [sys.executable, str(WRITER), db_target, "12"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        acked = await asyncio.to_thread(read_acknowledged, proc, WANTED)
        os.kill(proc.pid, signal.SIGKILL)  # mid-stream: the writer is committing nonstop
    finally:
        proc.kill()
        proc.wait(timeout=10)
        for pipe in (proc.stdout, proc.stderr):
            if pipe:
                pipe.close()
    assert proc.returncode == -signal.SIGKILL
    if not db_target.startswith("postgresql://"):
        db = Path(db_target)
        # no clean shutdown happened: the log of committed-but-unmerged pages is still there
        assert db.with_name(db.name + "-wal").stat().st_size > 0
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    rows = await committed(db_target, "SELECT answer_id, question_id FROM answers")
    stored = {int(str(i)): str(t) for i, t in rows}
    missing = {i: t for i, t in acked.items() if stored.get(i) != t}
    print(f"acknowledged {len(acked)}, found {len(stored)} rows, missing {len(missing)}")
    assert missing == {}
    assert len(stored) >= len(acked)

    # and the bot can open the database again and read it
    answered = await answers_of_student_zero(db_target)
    assert answered == sum(1 for t in stored.values() if t.startswith("u0-"))


async def answers_of_student_zero(db: str) -> int:
    store = await Store.open(db)
    try:
        return (await store.student_stats(1, 0)).answered
    finally:
        await store.close()
