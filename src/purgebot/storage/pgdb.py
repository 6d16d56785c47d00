"""PostgreSQL behind the store's one interface: an asyncpg pool, its transactions, its migrations.

The pool re-opens a connection that broke (a restarted server, a dropped network), so the bot
carries on without a restart once PostgreSQL answers again; meanwhile each operation that needs it
fails with DatabaseUnavailableError, whose message is for the person who clicked. The URL may hold
a password: only `redact(url)` is ever logged or shown.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from purgebot.storage.db import Conn, Dialect, Params
from purgebot.storage.errors import DatabaseUnavailableError, MigrationError
from purgebot.storage.migrate import Migration, created, dropped, pending
from purgebot.storage.pgsql import row_tuple, rowcount, translate

log = logging.getLogger(__name__)

SCHEMES = ("postgresql://", "postgres://")
MIGRATION_LOCK = 0x70757267  # pg_advisory_xact_lock key: "purg"
# A connection lost or refused; anything else (a constraint, a bug) is not the network's fault.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
)


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL with any password replaced by ***, for logs and messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://***"
    if parts.password is None:
        return url
    user, _, host = parts.netloc.rpartition("@")
    name = user.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{name}:***@{host}" if name else f"***@{host}"))


class PgConn:
    """One pooled connection inside a transaction, taking SQLite-spelled SQL."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        text, args = translate(sql, params)
        return [row_tuple(r) for r in await self.conn.fetch(text, *args)]

    async def execute(self, sql: str, params: Params = ()) -> int:
        text, args = translate(sql, params)
        return rowcount(await self.conn.execute(text, *args))

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        for params in rows:
            await self.execute(sql, params)


class PgDb:
    """The pool. Writes of one process take `lock` in turn, as they do on SQLite, so a check
    and the insert that depends on it (two Start clicks at once) never interleave; reads and
    the answer writer do not wait for it."""

    dialect: Dialect = "postgres"

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        self.pool = pool
        self.url = redact(url)
        self.lock = asyncio.Lock()
        self.commits = 0

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection; a lost or refused one becomes DatabaseUnavailableError."""
        try:
            async with self.pool.acquire() as conn:
                yield conn
        except CONNECTION_ERRORS as exc:
            log.warning("PostgreSQL at %s is unreachable (%s)", self.url, type(exc).__name__)
            raise DatabaseUnavailableError() from None

    @asynccontextmanager
    async def write(self) -> AsyncIterator[Conn]:
        async with self.lock, self.connection() as conn:
            async with conn.transaction():
                yield PgConn(conn)
            self.commits += 1

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Conn]:
        async with self.connection() as conn, conn.transaction(isolation="repeatable_read"):
            yield PgConn(conn)

    async def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        async with self.connection() as conn:
            return await PgConn(conn).fetchall(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        for row in await self.fetchall(sql, params):
            return row
        return None

    async def close(self) -> None:
        await self.pool.close()


async def open_pool(url: str, *, max_size: int = 10, connect_s: float = 10.0) -> asyncpg.Pool:
    """The pool. It keeps no floor of connections (min_size 0): while the server is away it
    would retry in the background and log a traceback each time; a connection is opened when
    needed instead, the first one by the migrations at start (so an unreachable server is found
    there)."""
    pool = await asyncpg.create_pool(
        url, min_size=0, max_size=max_size, timeout=connect_s, command_timeout=60
    )
    assert pool is not None
    return pool


async def analyze_if_never(conn: asyncpg.Connection, threshold: int = 1000) -> list[str]:
    """ANALYZE the tables that hold rows but have never been analyzed (a database just loaded
    or copied): without statistics the planner guesses one run per server and probes the
    answers index once per run, 20x slower for a weekly board. Autovacuum keeps them after."""
    rows = await conn.fetch(
        """SELECT relname FROM pg_stat_user_tables
           WHERE schemaname = current_schema() AND last_analyze IS NULL
             AND last_autoanalyze IS NULL AND n_mod_since_analyze >= $1""",
        threshold,
    )
    names = sorted(str(r[0]) for r in rows)
    for name in names:
        await conn.execute(f'ANALYZE "{name}"')
    return names


async def schema_version(conn: asyncpg.Connection) -> int:
    exists = await conn.fetchval("SELECT to_regclass('purgebot_schema') IS NOT NULL")
    if not exists:
        return 0
    value = await conn.fetchval("SELECT max(version) FROM purgebot_schema")
    return int(value or 0)


async def migrate(
    conn: asyncpg.Connection, migrations: list[Migration], target: int | None = None
) -> list[int]:
    """As migrate.migrate does for SQLite: each migration in one transaction with its number
    recorded, re-read under an advisory lock so two processes apply each one once."""
    applied: list[int] = []
    for migration in pending(migrations, await schema_version(conn), target):
        try:
            async with conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                await conn.execute(
                    "CREATE TABLE IF NOT EXISTS purgebot_schema (version integer PRIMARY KEY)"
                )
                if await schema_version(conn) >= migration.version:
                    continue
                await conn.execute(migration.sql)
                await conn.execute("INSERT INTO purgebot_schema VALUES ($1)", migration.version)
        except asyncpg.PostgresError as exc:
            raise MigrationError(
                f"migration {migration.version:03d}_{migration.name} failed: {exc}"
            ) from exc
        applied.append(migration.version)
    return applied


_FUNCTION = re.compile(r"^CREATE FUNCTION (\w+)\(\)[^$]*\$\$(.*?)\$\$;", re.DOTALL | re.MULTILINE)
_TRIGGER = re.compile(r"^(CREATE TRIGGER (\w+)\b.*?);", re.DOTALL | re.MULTILINE)
_SCHEMA = re.compile(r" ON \w+\.")  # pg_get_triggerdef names the table with its schema


async def _triggers_in_place(conn: asyncpg.Connection, triggers: str) -> bool:
    """Whether the catalog holds the set word for word (and none of the functions it drops)."""
    functions = {
        str(r[0]): str(r[1])
        for r in await conn.fetch(
            "SELECT proname, prosrc FROM pg_proc"
            " WHERE pronamespace = current_schema()::regnamespace"
        )
    }
    held = {
        str(r[0]): _SCHEMA.sub(" ON ", str(r[1]))
        for r in await conn.fetch(
            """SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger AS t
               JOIN pg_class AS c ON c.oid = t.tgrelid
               WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"""
        )
    }
    return (
        all(functions.get(name) == body for name, body in _FUNCTION.findall(triggers))
        and all(
            held.get(name) == " ".join(text.split()) for text, name in _TRIGGER.findall(triggers)
        )
        and not any(name in functions for name in dropped(triggers, "FUNCTION"))
    )


async def replace_triggers(conn: asyncpg.Connection, triggers: str) -> bool:
    """As migrate.replace_triggers: unless the catalog holds the set word for word, drop the
    trigger functions it names (and so their triggers) and create it, in one transaction.
    Returns whether it did."""
    if await _triggers_in_place(conn, triggers):
        return False
    try:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            if await _triggers_in_place(conn, triggers):  # another process was first
                return False
            for name in created(triggers, "FUNCTION"):  # \w+ names from our own file
                await conn.execute(f"DROP FUNCTION IF EXISTS {name}() CASCADE")
            await conn.execute(triggers)
    except asyncpg.PostgresError as exc:
        raise MigrationError(f"the triggers failed: {exc}") from exc
    return True
