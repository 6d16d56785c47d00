"""Group commit for answers on PostgreSQL: the same contract as writer.AnswerWriter.

`submit` queues a row and waits; the writer task takes everything queued, inserts it in one
transaction (one statement over arrays, whatever the batch size) and resolves each waiter with its
answer id only after COMMIT returned. If PostgreSQL is unreachable the batch fails with
DatabaseUnavailableError (a plain reply to each student): nothing was acknowledged, so nothing
acknowledged is lost, and the next batch tries again on a fresh connection.

A connection lost during COMMIT leaves it unknown whether the batch was stored; telling the
students "not saved" when it was would make them answer again and count twice. So the insert
returns its transaction id, and after such a loss a fresh connection asks the server
(`txid_status`): committed, the waiters get their ids; aborted, or still unknown after a short
wait (the server unreachable), the batch fails as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict, deque
from typing import Any

import asyncpg

from purgebot.storage.errors import DatabaseUnavailableError, RunNotFoundError, StoreClosedError
from purgebot.storage.pgdb import PgDb
from purgebot.storage.records import AnswerRecord
from purgebot.storage.writer import answer_params

log = logging.getLogger(__name__)

_INSERT = """
INSERT INTO answers (run_id, guild_id, user_id, user_name, question_id, topic, raw_answer,
                     correct, points, response_ms, answered_at)
SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[],
                     $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[],
                     $11::bigint[])
RETURNING answer_id, run_id, user_id, question_id, txid_current()"""
_STATUS = "SELECT txid_status($1)"
# How long to wait for the server to finish a transaction whose COMMIT lost its reply.
STATUS_CHECKS = 40
STATUS_INTERVAL_S = 0.05

_Pending = tuple[AnswerRecord, tuple[Any, ...], "asyncio.Future[int]"]


class PgAnswerWriter:
    def __init__(self, db: PgDb, max_batch: int = 1000) -> None:
        self._db = db
        self._max_batch = max_batch
        self._pending: list[_Pending] = []
        self._wake = asyncio.Event()
        self._closing = False
        self._task: asyncio.Task[None] | None = None
        self.batches = 0  # answer transactions committed

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="purgebot-pg-answer-writer")

    async def submit(self, record: AnswerRecord) -> int:
        """Returns the answer id once the row is committed."""
        if self._closing:
            raise StoreClosedError("the store is closed")
        params = answer_params(record)
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._pending.append((record, params, future))
        self._wake.set()
        return await asyncio.shield(future)

    async def flush(self) -> None:
        waiting = [future for *_, future in self._pending]
        if waiting:
            await asyncio.wait(waiting)

    async def close(self) -> None:
        self._closing = True
        self._wake.set()
        try:
            if self._task is not None:
                await self._task
        finally:
            for *_, future in self._pending:
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

    async def _commit(self, batch: list[_Pending]) -> None:
        try:
            ids = await self._insert([params for _, params, _ in batch])
        except DatabaseUnavailableError as exc:
            for *_, future in batch:
                _fail(future, exc)
            return
        except Exception as exc:
            if len(batch) == 1:
                self._fail_row(batch[0], exc)
                return
            # one bad row must not sink its neighbours: retry them one by one
            log.warning(
                "a batch of %d answers failed (%s); retrying them one by one",
                len(batch),
                type(exc).__name__,
            )
            for pending in batch:
                try:
                    (answer_id,) = await self._insert([pending[1]])
                except Exception as row_exc:
                    self._fail_row(pending, row_exc)
                else:
                    _resolve(pending[2], answer_id)
            return
        except BaseException as exc:
            for *_, future in batch:
                _fail(future, exc)
            raise
        for (*_, future), answer_id in zip(batch, ids, strict=True):
            _resolve(future, answer_id)

    def _fail_row(self, pending: _Pending, exc: Exception) -> None:
        record, _, future = pending
        if isinstance(exc, asyncpg.ForeignKeyViolationError):
            _fail(future, RunNotFoundError(record.run_id))
            return
        if isinstance(exc, DatabaseUnavailableError):
            _fail(future, exc)
            return
        if isinstance(exc.__cause__, UnicodeEncodeError):  # text UTF-8 cannot hold, as on SQLite
            exc = exc.__cause__
        log.error("could not store an answer of run %s: %s", record.run_id, type(exc).__name__)
        _fail(future, exc)

    async def _insert(self, rows: list[tuple[Any, ...]]) -> list[int]:
        columns = [list(column) for column in zip(*rows, strict=True)]
        returned: list[Any] = []
        committed = False
        try:
            async with self._db.connection() as conn:
                async with conn.transaction():
                    returned = await conn.fetch(_INSERT, *columns)
                committed = True
        except DatabaseUnavailableError:
            # Lost before the rows were inserted: nothing is stored. Lost during COMMIT: ask.
            if not (committed or (returned and await self._committed(int(returned[0][4])))):
                raise
        # acknowledged only from here: the transaction has committed
        self._db.commits += 1
        by_key: dict[tuple[Any, ...], deque[int]] = defaultdict(deque)
        for answer_id, *key, _txid in sorted(tuple(r) for r in returned):
            by_key[tuple(key)].append(int(answer_id))
        try:
            ids = [by_key[(row[0], row[2], row[4])].popleft() for row in rows]
        except IndexError:
            raise RuntimeError("answer ids do not match the batch just written") from None
        self.batches += 1
        return ids

    async def _committed(self, txid: int) -> bool:
        """Whether the transaction whose COMMIT lost its reply committed, asked on a fresh
        connection; while its server process has not finished it, ask again, briefly."""
        for _ in range(STATUS_CHECKS):
            try:
                async with self._db.connection() as conn:
                    status = await conn.fetchval(_STATUS, txid)
            except DatabaseUnavailableError:
                break
            if status != "in progress":
                log.warning("a batch whose COMMIT lost its reply was %s", status or "forgotten")
                return bool(status == "committed")
            await asyncio.sleep(STATUS_INTERVAL_S)
        log.error("a batch whose COMMIT lost its reply may be stored; its answers were refused")
        return False


def _resolve(future: asyncio.Future[int], answer_id: int) -> None:
    if not future.done():
        future.set_result(answer_id)


def _fail(future: asyncio.Future[int], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)
        with contextlib.suppress(BaseException):
            future.exception()
