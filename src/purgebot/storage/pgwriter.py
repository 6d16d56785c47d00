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
import logging
from typing import Any

import asyncpg

from purgebot.storage.errors import DatabaseUnavailableError, RunNotFoundError
from purgebot.storage.pgdb import PgDb
from purgebot.storage.writer import InsertingWriter, Pending, _fail, ids_in_order

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


class PgAnswerWriter(InsertingWriter):
    """The group commit of writer.AnswerWriter, each batch one INSERT over arrays."""

    _db: PgDb
    whole_batch = (DatabaseUnavailableError,)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="purgebot-pg-answer-writer")

    def _fail_row(self, pending: Pending, exc: BaseException) -> None:
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
        ids = ids_in_order([tuple(r)[:4] for r in returned], rows)
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
