"""The answer writer's child process: its own SQLite connection, batches in, outcomes out.

Started by `ProcessWriter` as `python -I -S writer_child.py DB SYNCHRONOUS BUSY_MS FD`, so it
imports nothing but the standard library and starts in milliseconds. Frames on stdin and stdout
are a 4-byte big-endian length and a `marshal`ed value (plain tuples, ints and strings: nothing that
could run code). First it answers ("ready", pid) or ("error", type, message); then, for each batch
of rows, it inserts them in one transaction (BEGIN IMMEDIATE … COMMIT) and only after COMMIT
returns one outcome per row: the answer id, or (error type, message) for a row that failed alone.
Once the transaction holds the write lock, before the first insert, it writes (batch number,
floor) into the small file FD, the floor being the highest answer id stored. The bot reads it
only if the child dies before its outcomes are out: the batch's committed rows, if any, are
exactly the ones above that floor (writerproc.py). A file, not a frame: on the bot's side it
costs nothing while the child lives.
A `None` frame (the bot closing) closes the connection and ends it; end of input without one
means the bot died, and the child leaves at once, its connection unclosed, as the bot's was.
"""

from __future__ import annotations

import marshal
import os
import signal
import sqlite3
import struct
import sys
from collections.abc import Callable
from typing import IO, Any

HEADER = struct.Struct(">I")
BEGUN = struct.Struct(">qq")  # (batch number counted from 1, floor) in the FD file
PR_SET_PDEATHSIG = 1  # linux/prctl.h
SYNCHRONOUS = {"OFF", "NORMAL", "FULL", "EXTRA"}
INSERT = """INSERT INTO answers (run_id, guild_id, user_id, user_name, question_id, topic,
                     raw_answer, correct, points, response_ms, answered_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
FLOOR = "SELECT coalesce(max(answer_id), 0) FROM answers"
# Tests only: "before-commit" or "after-commit" makes the child kill itself there, every batch.
DIE_AT = "PURGEBOT_TEST_WRITER_DIE"


def send(out: IO[bytes], value: Any) -> None:
    body = marshal.dumps(value)
    out.write(HEADER.pack(len(body)) + body)
    out.flush()


def receive(inp: IO[bytes]) -> Any:
    """The next frame; at end of input, the bot has died: leave as it did."""
    head = inp.read(HEADER.size)
    if len(head) == HEADER.size:
        (size,) = HEADER.unpack(head)
        body = inp.read(size)
        if len(body) == size:
            return marshal.loads(body)
    os._exit(0)


def failure(exc: BaseException) -> tuple[str, str]:
    return (type(exc).__name__, str(exc))


def die_if(place: str, die_at: str | None) -> None:
    if die_at == place:
        os.kill(os.getpid(), signal.SIGKILL)


def write(
    conn: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    begun: Callable[[int], None],
    die_at: str | None = None,
) -> list[Any]:
    """One transaction for the batch. A statement that fails undoes only itself, so its row
    fails alone; should SQLite roll back the whole transaction (a full disk, an I/O error),
    every row fails, since none of them is stored. `begun` gets the floor: the write lock is
    held, so the batch's rows take the ids above it, in order."""
    outcomes: list[Any] = []
    cur = conn.cursor()
    try:
        conn.execute("BEGIN IMMEDIATE")
        (floor,) = conn.execute(FLOOR).fetchone()
        begun(floor)
        for row in rows:
            try:
                cur.execute(INSERT, row)
            except sqlite3.Error as exc:
                if not conn.in_transaction:
                    raise
                outcomes.append(failure(exc))
            else:
                outcomes.append(cur.lastrowid)
        die_if("before-commit", die_at)
        conn.execute("COMMIT")
        die_if("after-commit", die_at)
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return [failure(exc)] * len(rows)
    return outcomes


def die_with_parent() -> None:
    """On Linux, let the kernel kill this process the moment the bot's process dies (however
    it dies): no batch is committed after the bot is gone, as if the writer were a thread.
    (Linux sends it when the thread that started this process ends: the event loop's thread.)"""
    if not sys.platform.startswith("linux"):
        return  # elsewhere, end of input ends it (see `receive`)
    import ctypes
    import signal

    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the bot died before the call took effect
        os._exit(0)


def main(argv: list[str]) -> int:
    path, synchronous, busy_ms, begun_fd = argv[1], argv[2].upper(), int(argv[3]), int(argv[4])
    die_with_parent()
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    try:
        if synchronous not in SYNCHRONOUS:
            raise ValueError(f"unknown synchronous mode {synchronous!r}")
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {busy_ms:d}")
        conn.execute(f"PRAGMA synchronous = {synchronous}")  # checked above: no placeholders
        conn.execute("PRAGMA foreign_keys = ON")
    except (sqlite3.Error, ValueError) as exc:
        send(out, ("error", *failure(exc)))
        return 1
    send(out, ("ready", os.getpid()))
    die_at = os.environ.get(DIE_AT)
    batch = 0

    def begun(floor: int) -> None:
        os.pwrite(begun_fd, BEGUN.pack(batch, floor), 0)  # one syscall: whole, or not at all

    try:
        while (rows := receive(inp)) is not None:
            batch += 1
            send(out, write(conn, rows, begun, die_at))
    except BrokenPipeError:  # the bot is gone: nothing is waiting for an answer
        os._exit(0)
    conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
