"""The store: one SQLite connection, or a PostgreSQL pool, per process; opened at start and
closed at shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from types import TracebackType
from typing import Protocol

import aiosqlite

from purgebot.storage.attempts import AttemptsMixin
from purgebot.storage.classes import ClassesMixin
from purgebot.storage.db import Database, Db
from purgebot.storage.essays import EssaysMixin
from purgebot.storage.guilds import GuildsMixin
from purgebot.storage.leaderboard import StatsMixin
from purgebot.storage.migrate import load_migrations, load_triggers, migrate, replace_triggers
from purgebot.storage.modeboard import ModeBoardMixin
from purgebot.storage.records import AnswerRecord
from purgebot.storage.reports import ReportsMixin
from purgebot.storage.review import ReviewMixin
from purgebot.storage.runs import RunsMixin
from purgebot.storage.timeutil import Clock, system_clock
from purgebot.storage.writer import AnswerWriter, ThreadWriter
from purgebot.storage.writerproc import ProcessWriter


class Writer(Protocol):
    """Group commit for answers (writer.AnswerWriter on SQLite, pgwriter on PostgreSQL)."""

    batches: int

    async def submit(self, record: AnswerRecord) -> int: ...

    async def flush(self) -> None: ...

    async def close(self) -> None: ...


class Store(
    GuildsMixin,
    RunsMixin,
    StatsMixin,
    ReportsMixin,
    EssaysMixin,
    ClassesMixin,
    AttemptsMixin,
    ReviewMixin,
    ModeBoardMixin,
):
    """Everything purgebot remembers. Open with `await Store.open(path_or_url)`."""

    def __init__(self, db: Database, clock: Clock, writer: Writer) -> None:
        self._db = db
        self._clock = clock
        self._writer = writer
        self._closed = False

    @classmethod
    async def open(
        cls,
        path: str | os.PathLike[str],
        *,
        clock: Clock = system_clock,
        busy_timeout_ms: int = 5000,
        synchronous: str = "FULL",
        schema_version: int | None = None,
    ) -> Store:
        """Open (creating if needed) and migrate the database: a file path, or a
        `postgresql://` URL (then busy_timeout_ms and synchronous do not apply).

        WAL lets readers (a `purgebot stats` run) work beside the bot; synchronous=FULL makes
        a commit survive power loss, which group commit keeps cheap. `schema_version` stops the
        migrations early, before the triggers (written for the latest schema), and exists for
        upgrade tests.
        """
        if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
            raise ValueError(f"unknown synchronous mode {synchronous!r}")
        if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
            return await cls._open_postgres(path, clock=clock, schema_version=schema_version)
        quiet_driver_log()
        conn = await aiosqlite.connect(os.fspath(path), isolation_level=None)
        try:
            # PRAGMAs take no placeholders; every value here is an int or checked above.
            await conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms):d}")
            await _set_wal(conn, busy_timeout_ms / 1000)
            await conn.execute(f"PRAGMA synchronous = {synchronous.upper()}")
            await conn.execute("PRAGMA foreign_keys = ON")
            await migrate(conn, load_migrations(), schema_version)
            if schema_version is None:  # the triggers are written for the latest schema
                await replace_triggers(conn, load_triggers())
        except BaseException:
            await conn.close()
            raise
        db = Db(conn)
        name = os.fspath(path)
        writer: AnswerWriter
        if name == ":memory:" or name.startswith("file:"):
            writer = ThreadWriter(db)  # no other process can open it
        else:  # SQLite's work for answers off this process's GIL
            writer = ProcessWriter(
                db,
                name,  # the child starts in this working folder
                synchronous=synchronous.upper(),
                busy_timeout_ms=busy_timeout_ms,
            )
        writer.start()
        return cls(db, clock, writer)

    @classmethod
    async def _open_postgres(cls, url: str, *, clock: Clock, schema_version: int | None) -> Store:
        from purgebot.storage import pgdb
        from purgebot.storage.pgwriter import PgAnswerWriter

        pool = await pgdb.open_pool(url)
        try:
            async with pool.acquire() as conn:
                await pgdb.migrate(conn, load_migrations("postgres"), schema_version)
                if schema_version is None:
                    await pgdb.replace_triggers(conn, load_triggers("postgres"))
                await pgdb.analyze_if_never(conn)
        except BaseException:
            await pool.close()
            raise
        db = pgdb.PgDb(pool, url)
        writer = PgAnswerWriter(db)
        writer.start()
        return cls(db, clock, writer)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgres'."""
        return self._db.dialect

    async def close(self) -> None:
        """Commit every queued answer, then close the connection. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            await self._writer.close()
        finally:
            await self._db.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def record_answer(self, record: AnswerRecord) -> int:
        """Store one answer attempt; returns its id once committed (answers arriving together
        share one transaction). Raises RunNotFoundError for an unknown run."""
        return await self._writer.submit(record)

    async def flush(self) -> None:
        """Wait until every answer recorded so far is committed."""
        await self._writer.flush()

    async def _flush_answers(self) -> None:
        await self._writer.flush()

    @property
    def commit_count(self) -> int:
        """Write transactions committed since opening (every kind)."""
        return self._db.commits

    @property
    def answer_batches(self) -> int:
        """Transactions that committed answers."""
        return self._writer.batches


def quiet_driver_log() -> None:
    """aiosqlite logs every statement with its parameters at DEBUG: essays, names and answers
    would reach the log. Its logger never goes below INFO (where it logs no parameters)."""
    logger = logging.getLogger("aiosqlite")
    if logger.level < logging.INFO:
        logger.setLevel(logging.INFO)


async def _set_wal(conn: aiosqlite.Connection, patience_s: float) -> None:
    """Switch to WAL. Two processes opening a new file at once can get "database is locked"
    here without SQLite's busy handler being consulted, so retry within the busy timeout."""
    deadline = time.monotonic() + patience_s
    delay = 0.005
    while True:
        try:
            await conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.1)
