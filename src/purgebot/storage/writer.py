"""Group commit for answers: one writer task, many waiting students, few transactions.

`submit` queues a row and waits; the writer takes everything queued, inserts it in one transaction
and only then resolves each waiter with its answer id. While one batch is being committed the next
one gathers, so a class clicking together costs a handful of commits, not one per click.

`AnswerWriter` is the queue and the waiting; where a batch goes is its subclass's `_write`:
`ProcessWriter` (storage/writerproc.py) hands it to a child process with its own connection, so
SQLite's work never holds the event loop's GIL; `ThreadWriter` below uses the store's own
aiosqlite connection and serves in-memory databases, which no other process can open.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections import defaultdict, deque
from typing import Any

from purgebot.storage.db import Db, fetchall
from purgebot.storage.errors import RunNotFoundError, StoreClosedError
from purgebot.storage.records import AnswerRecord
from purgebot.storage.timeutil import to_ms

log = logging.getLogger(__name__)

INSERT_COLUMNS = """INSERT INTO answers (run_id, guild_id, user_id, user_name, question_id, topic,
                     raw_answer, correct, points, response_ms, answered_at)
VALUES """
ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_RETURNING = " RETURNING answer_id, run_id, user_id, question_id"

Row = tuple[Any, ...]
Outcome = int | BaseException  # an answer id, or why that row was not stored
Pending = tuple[AnswerRecord, Row, "asyncio.Future[int]"]


def _text(value: str) -> str:
    """Text SQLite can store (UTF-8): a lone surrogate from a modified client fails here, alone."""
    if not value.isascii():
        value.encode("utf-8")
    return value


def answer_params(r: AnswerRecord) -> Row:
    return (
        r.run_id,
        r.guild_id,
        r.user_id,
        _text(r.user_name),
        _text(r.question_id),
        None if r.topic is None else _text(r.topic),
        _text(r.raw_answer),
        int(r.correct),
        r.points,
        r.response_ms,
        to_ms(r.answered_at),
    )


class AnswerWriter:
    """The queue: `start`, `submit` (the answer id once committed), `flush`, `close`."""

    def __init__(self, db: Any, max_batch: int = 1000) -> None:
        # db: the store's Db (SQLite) or PgDb; each subclass uses its own
        self._db = db
        self._max_batch = max_batch
        self._pending: list[Pending] = []
        self._wake = asyncio.Event()
        self._closing = False
        self._task: asyncio.Task[None] | None = None
        self.batches = 0  # answer transactions committed

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="purgebot-answer-writer")

    async def submit(self, record: AnswerRecord) -> int:
        """Returns the answer id once the row is committed."""
        if self._closing:
            raise StoreClosedError("the store is closed")
        params = answer_params(record)  # a malformed record fails here, alone, not in a batch
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._pending.append((record, params, future))
        self._wake.set()
        # A caller that gives up (cancelled) must not cancel the write for its neighbours.
        return await asyncio.shield(future)

    async def flush(self) -> None:
        """Wait until every answer queued so far is committed (or has failed)."""
        waiting = [future for *_, future in self._pending]
        if waiting:
            await asyncio.wait(waiting)

    async def close(self) -> None:
        """Stop taking answers and wait until every queued one is committed."""
        self._closing = True
        self._wake.set()
        try:
            if self._task is not None:
                await self._task
        finally:
            for *_, future in self._pending:  # only if the writer itself died
                _fail(future, StoreClosedError("the store closed before this answer was saved"))
            self._pending.clear()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            await asyncio.sleep(0)  # one tick for callers woken together to join the batch
            while self._pending:
                batch = self._pending[: self._max_batch]
                del self._pending[: self._max_batch]
                await self._commit(batch)
            if self._closing:
                return

    async def _commit(self, batch: list[Pending]) -> None:
        try:
            outcomes = await self._write([params for _, params, _ in batch])
        except Exception as exc:
            # the batch as a whole was not stored (a dead writer process, a full disk)
            log.error("a batch of %d answers was not stored: %s", len(batch), type(exc).__name__)
            for *_, future in batch:
                _fail(future, exc)
            return
        except BaseException as exc:
            for *_, future in batch:
                _fail(future, exc)
            raise
        for pending, outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                self._fail_row(pending, outcome)
            else:
                _resolve(pending[2], outcome)

    async def _write(self, rows: list[Row]) -> list[Outcome]:
        """Store the rows in one transaction; one outcome per row, in order. A row that fails
        alone (an unknown run, a constraint) must never sink its neighbours."""
        raise NotImplementedError

    def _fail_row(self, pending: Pending, exc: BaseException) -> None:
        record, _, future = pending
        if isinstance(exc, sqlite3.IntegrityError) and "FOREIGN KEY" in str(exc):
            _fail(future, RunNotFoundError(record.run_id))
            return
        # The type only: the message could quote the row (a student's text).
        log.error("could not store an answer of run %s: %s", record.run_id, type(exc).__name__)
        _fail(future, exc)


class InsertingWriter(AnswerWriter):
    """A writer whose batch is one INSERT (`_insert`, in its subclass). A batch that fails is
    retried row by row, so only the rows that fail alone fail; an error in `whole_batch` (the
    database unreachable) fails the whole batch at once."""

    whole_batch: tuple[type[Exception], ...] = ()

    async def _write(self, rows: list[Row]) -> list[Outcome]:
        try:
            return list(await self._insert(rows))
        except self.whole_batch:
            raise
        except Exception as exc:
            if len(rows) == 1:
                return [exc]
            # The statement was rolled back as a whole: retry the rows one by one and fail
            # only the ones that fail alone.
            log.warning(
                "a batch of %d answers failed (%s); retrying them one by one",
                len(rows),
                type(exc).__name__,
            )
        outcomes: list[Outcome] = []
        for params in rows:
            try:
                (answer_id,) = await self._insert([params])
            except Exception as row_exc:
                outcomes.append(row_exc)
            else:
                outcomes.append(answer_id)
        return outcomes

    async def _insert(self, rows: list[Row]) -> list[int]:
        """Insert the rows in one transaction; their ids, in the rows' order."""
        raise NotImplementedError


def ids_in_order(returned: list[tuple[Any, ...]], rows: list[Row]) -> list[int]:
    """RETURNING gives no promise of order: match each (answer_id, run, student, question) back
    to its row by (run, student, question)."""
    by_key: dict[tuple[Any, ...], deque[int]] = defaultdict(deque)
    for answer_id, *key in sorted(returned):
        by_key[tuple(key)].append(int(answer_id))
    try:
        return [by_key[(row[0], row[2], row[4])].popleft() for row in rows]
    except IndexError:  # cannot happen unless the database returned other rows than it inserted
        raise sqlite3.DatabaseError("answer ids do not match the batch just written") from None


class ThreadWriter(InsertingWriter):
    """Batches through the store's own aiosqlite connection (in-memory databases)."""

    _db: Db

    async def _insert(self, rows: list[Row]) -> list[int]:
        """Insert the batch in one statement, one round trip to the database thread.

        The connection is in autocommit mode, so the single INSERT is its own transaction: it is
        committed when the call returns. RETURNING gives no promise of order, so each id is
        matched back to its row by (run, student, question) rather than by position.
        """
        sql = INSERT_COLUMNS + ",".join([ROW] * len(rows)) + _RETURNING
        params = [value for row in rows for value in row]
        async with self._db.lock:
            returned = await fetchall(self._db.conn, sql, params)
            self._db.commits += 1
        ids = ids_in_order(returned, rows)
        self.batches += 1
        return ids


def _resolve(future: asyncio.Future[int], answer_id: int) -> None:
    if not future.done():
        future.set_result(answer_id)


def _fail(future: asyncio.Future[int], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)
        # Nobody may be awaiting any more (a cancelled caller); don't warn about it.
        with contextlib.suppress(BaseException):
            future.exception()
