"""The one connection, and the lock that keeps transactions on it from interleaving.

aiosqlite runs every call on one thread in order, but two coroutines could still interleave their
statements inside one transaction; every transaction and every read therefore holds `lock`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import aiosqlite

Params = Sequence[Any]


class Db:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        self.lock = asyncio.Lock()
        self.commits = 0  # committed write transactions, for tests and benchmarks

    @asynccontextmanager
    async def write(self) -> AsyncIterator[aiosqlite.Connection]:
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
    async def snapshot(self) -> AsyncIterator[aiosqlite.Connection]:
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


async def fetchall(
    conn: aiosqlite.Connection, sql: str, params: Params = ()
) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in await conn.execute_fetchall(sql, params)]


async def fetchone(
    conn: aiosqlite.Connection, sql: str, params: Params = ()
) -> tuple[Any, ...] | None:
    rows = await conn.execute_fetchall(sql, params)
    for row in rows:
        return tuple(row)
    return None


async def execute(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> int:
    """Run one statement; returns the rows it changed."""
    cur = await conn.execute(sql, params)
    return cur.rowcount


async def executemany(conn: aiosqlite.Connection, sql: str, rows: Iterable[Params]) -> None:
    await conn.executemany(sql, rows)
