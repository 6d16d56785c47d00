"""The answer writer in a child process: SQLite's work off the event loop's thread and GIL.

The loop's process only packs a batch (`marshal`, one call) and unpacks one outcome per row; the
child (storage/writer_child.py) runs every statement, the COMMIT and its fsync on its own
connection, with `synchronous` as the store was opened. An answer is acknowledged only once its
batch's outcome is back, that is after COMMIT.

A child that dies (killed, out of memory) with a batch in flight may have died before COMMIT or
after it, before its reply. Before failing anyone, the rows the batch committed are looked up on
the store's own connection: once its transaction held the write lock, the child noted in a small
shared file the highest answer id stored (the floor), so the batch's rows, if committed, are the
ones above it. (A file read only after a death, not a frame: a living child's batches cost the
loop nothing more.) Those answers get their ids as if the reply had come (a student told "answer
again" for a stored answer would count twice); only the rows not stored fail, with
`WriterStopped`, which says so in plain words. The next batch starts a new child.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import marshal
import os
import sqlite3
import sys
import tempfile
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

from purgebot.storage.db import Db, fetchall
from purgebot.storage.errors import StorageError, WriterStopped
from purgebot.storage.writer import AnswerWriter, Outcome, Row
from purgebot.storage.writer_child import BEGUN

log = logging.getLogger(__name__)

CHILD = Path(__file__).with_name("writer_child.py")
HEADER_SIZE = 4
# The rows above a dead child's floor, oldest first: its batch's committed rows come first.
_ABOVE = """SELECT answer_id, run_id, guild_id, user_id, user_name, question_id, topic, raw_answer,
       correct, points, response_ms, answered_at
FROM answers WHERE answer_id > ? ORDER BY answer_id LIMIT ?"""


def _error(name: str, message: str) -> BaseException:
    """The child's error for one row, as the same sqlite3 class (other kinds keep no message:
    it could quote the row)."""
    kind = getattr(sqlite3, name, None)
    if isinstance(kind, type) and issubclass(kind, sqlite3.Error):
        return kind(message)
    return sqlite3.DatabaseError(f"the answer writer failed ({name})")


class ProcessWriter(AnswerWriter):
    def __init__(
        self,
        db: Db,
        path: str,
        *,
        synchronous: str = "FULL",
        busy_timeout_ms: int = 5000,
        max_batch: int = 1000,
    ) -> None:
        super().__init__(db, max_batch)
        self._args = [path, synchronous, str(int(busy_timeout_ms))]
        self._proc: asyncio.subprocess.Process | None = None
        self._begun_fd: int | None = None  # where each child notes its batch and floor
        self._sent = 0  # batches sent to the current child
        self.restarts = 0  # children started after the first one died

    @property
    def pid(self) -> int | None:
        """The child's process id while one runs (for tests and the operator)."""
        return None if self._proc is None else self._proc.pid

    async def _child(self) -> asyncio.subprocess.Process:
        if self._proc is not None and self._proc.returncode is None:
            return self._proc
        if self._begun_fd is None:
            self._begun_fd = _shared_file()
        os.pwrite(self._begun_fd, bytes(BEGUN.size), 0)  # nothing begun yet
        self._sent = 0
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-I",
            "-S",
            str(CHILD),
            *self._args,
            str(self._begun_fd),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            pass_fds=(self._begun_fd,),
        )
        try:
            hello = await self._receive(proc)
        except WriterStopped:
            await proc.wait()
            raise
        if hello[0] != "ready":
            await proc.wait()
            raise StorageError(f"the answer writer could not open the database ({hello[1]})")
        self._proc = proc
        return proc

    async def _receive(self, proc: asyncio.subprocess.Process) -> Any:
        assert proc.stdout is not None
        try:
            head = await proc.stdout.readexactly(HEADER_SIZE)
            body = await proc.stdout.readexactly(int.from_bytes(head, "big"))
        except (asyncio.IncompleteReadError, ConnectionError):
            raise WriterStopped() from None
        return marshal.loads(body)

    async def _write(self, rows: list[Row]) -> list[Outcome]:
        proc = await self._child()
        assert proc.stdin is not None
        body = marshal.dumps(rows)
        self._sent += 1
        try:
            proc.stdin.write(len(body).to_bytes(HEADER_SIZE, "big") + body)
            await proc.stdin.drain()
            got: list[Any] = await self._receive(proc)
        except (WriterStopped, ConnectionError):
            await self._died(proc)
            floor = self._floor()
            if floor is None:  # it died before this batch's transaction began: nothing stored
                raise WriterStopped() from None
            return await self._recover(rows, floor)
        self._db.commits += 1
        self.batches += 1
        return [_error(*o) if isinstance(o, tuple) else o for o in got]

    def _floor(self) -> int | None:
        """The floor the dead child noted for the batch in flight, if it got that far."""
        assert self._begun_fd is not None
        batch, floor = BEGUN.unpack(os.pread(self._begun_fd, BEGUN.size, 0))
        return int(floor) if batch == self._sent else None

    async def _recover(self, rows: list[Row], floor: int) -> list[Outcome]:
        """The outcomes of a batch whose child died after its transaction began: the id of each
        row the batch committed (matched by every column, in id order), `WriterStopped` for the
        rest. If the rows cannot be read, nobody can say: the batch fails as a whole."""
        try:
            async with self._db.lock:
                stored = await fetchall(self._db.conn, _ABOVE, (floor, len(rows)))
        except Exception as exc:
            log.error("could not check which answers a dead writer stored: %s", type(exc).__name__)
            raise WriterStopped() from None
        ids: dict[tuple[Any, ...], deque[int]] = defaultdict(deque)
        for answer_id, *values in stored:
            ids[tuple(values)].append(int(answer_id))
        outcomes: list[Outcome] = []
        for row in rows:
            found = ids.get(tuple(row))
            outcomes.append(found.popleft() if found else WriterStopped())
        saved = sum(not isinstance(o, BaseException) for o in outcomes)
        if not saved:  # died before COMMIT (or its whole transaction failed): one failure
            raise WriterStopped()
        log.warning("of a batch of %d answers in flight, %d were stored", len(rows), saved)
        self._db.commits += 1
        self.batches += 1
        return outcomes

    async def _died(self, proc: asyncio.subprocess.Process) -> None:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        code = await proc.wait()
        log.error("the answer writer process stopped (exit %s); starting another", code)
        self._proc = None
        self.restarts += 1

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            proc, self._proc = self._proc, None
            if proc is not None and proc.stdin is not None:
                body = marshal.dumps(None)  # the child closes its connection and exits
                with contextlib.suppress(ConnectionError):
                    proc.stdin.write(len(body).to_bytes(HEADER_SIZE, "big") + body)
                    await proc.stdin.drain()
                proc.stdin.close()
                await proc.wait()
            fd, self._begun_fd = self._begun_fd, None
            if fd is not None:
                os.close(fd)


def _shared_file() -> int:
    """A small anonymous file for the child to write and this process to read."""
    if hasattr(os, "memfd_create"):  # Linux: in memory, no name anywhere
        fd = os.memfd_create("purgebot-writer-begun")
    else:
        with tempfile.TemporaryFile() as f:
            fd = os.dup(f.fileno())
    os.ftruncate(fd, BEGUN.size)
    return fd
