"""The connection behind the store, SQLite or PostgreSQL, and the helpers every query goes through.

SQLite: one aiosqlite connection. aiosqlite runs every call on one thread in order, but two
coroutines could still interleave their statements inside one transaction; every transaction and
every read therefore holds `lock`.

PostgreSQL: an asyncpg pool (pgdb.py). Both yield a connection from `write()` and `snapshot()`;
`fetchall`/`fetchone`/`execute` below take either, so the mixins' SQL is written once, in SQLite's
spelling, and pgdb.py translates it (placeholders and a few spellings).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Literal, Protocol

import aiosqlite

Params = Sequence[Any]
Dialect = Literal["sqlite", "postgres"]


class PgConnLike(Protocol):
    """A PostgreSQL connection inside a transaction (pgdb.PgConn)."""

    async def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]: ...

    async def execute(self, sql: str, params: Params = ()) -> int: ...

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None: ...


Conn = aiosqlite.Connection | PgConnLike


class Database(Protocol):
    """What the store's mixins use: transactions, single reads, and which SQL dialect it is."""

    dialect: Dialect
    commits: int

    def write(self) -> AbstractAsyncContextManager[Conn]: ...

    def snapshot(self) -> AbstractAsyncContextManager[Conn]: ...

    async def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]: ...

    async def fetchone(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None: ...

    async def close(self) -> None: ...


class Db:
    """SQLite: one connection and its lock."""

    dialect: Dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        self.lock = asyncio.Lock()
        self.commits = 0  # committed write transactions, for tests and benchmarks

    @asynccontextmanager
    async def write(self) -> AsyncIterator[Conn]:
        """One write transaction: BEGIN IMMEDIATE takes the file's write lock up front, so a
        busy database waits in busy_timeout instead of failing halfway through."""
        async with self.lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                await self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                raise
            self.commits += 1

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Conn]:
        """Several reads that must agree with each other (one read transaction)."""
        async with self.lock:
            await self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                if self.conn.in_transaction:
                    await self.conn.execute("COMMIT")

    async def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        async with self.lock:
            return await fetchall(self.conn, sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        async with self.lock:
            return await fetchone(self.conn, sql, params)

    async def close(self) -> None:
        async with self.lock:
            await self.conn.execute("PRAGMA optimize")
            await self.conn.close()


def dialect_of(conn: Conn) -> Dialect:
    return "sqlite" if isinstance(conn, aiosqlite.Connection) else "postgres"


async def fetchall(conn: Conn, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
    if isinstance(conn, aiosqlite.Connection):
        return [tuple(row) for row in await conn.execute_fetchall(sql, params)]
    return await conn.fetchall(sql, params)


async def fetchone(conn: Conn, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
    for row in await fetchall(conn, sql, params):
        return row
    return None


async def execute(conn: Conn, sql: str, params: Params = ()) -> int:
    """Run one statement; returns the rows it changed."""
    if isinstance(conn, aiosqlite.Connection):
        cur = await conn.execute(sql, params)
        return cur.rowcount
    return await conn.execute(sql, params)


async def executemany(conn: Conn, sql: str, rows: Iterable[Params]) -> None:
    await conn.executemany(sql, rows)


async def upsert(conn: Conn, table: str, key: Mapping[str, Any], values: Mapping[str, Any]) -> None:
    """Insert the row `key` + `values`, or where a row with that key stands, overwrite its
    `values` (one spelling for both dialects: INSERT ... ON CONFLICT ... DO UPDATE)."""
    names = [*key, *values]
    sql = (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
        + ", ".join(f"{name} = excluded.{name}" for name in values)
    )
    await execute(conn, sql, (*key.values(), *values.values()))


def latest(dialect: Dialect, column: str, by: str) -> str:
    """In a grouped query, `column` from the group's row with the greatest `by` (a student's
    latest name). SQLite's bare-column rule gives it when max(`by`) is selected beside it;
    PostgreSQL says so outright."""
    if dialect == "sqlite":
        return column
    return f"(array_agg({column} ORDER BY {by} DESC))[1]"
