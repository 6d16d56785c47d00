"""`purgebot db copy`: a database's whole history from SQLite into PostgreSQL, or back.

Every table is copied with its ids, in one transaction on the destination, and checked there
before COMMIT: the same number of rows and the same content checksum per table (a digest of every
row's values, independent of row order). Rows the triggers derive from the answers (totals,
student numbers, review boxes) are copied as they stand in the source, not re-derived. On
PostgreSQL the id sequences are moved past the copied ids. The source is only read.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite

from purgebot.errors import UserFacingError
from purgebot.storage import pgdb
from purgebot.storage.db import Conn, execute, executemany, fetchall
from purgebot.storage.migrate import load_migrations
from purgebot.storage.pgdb import PgConn, is_postgres_url, redact
from purgebot.storage.store import Store

# Filled from the answers by triggers on insert: emptied after the answers go in, then copied.
DERIVED = ("answer_totals", "student_numbers", "student_counters", "review_boxes")
# Parents before children (foreign keys); tables a later migration adds come after these.
ORDER = (
    "guild_settings", "banks", "accommodations", "kv", "runs", "assignments", "attempts",
    "answers", "essay_submissions", "essay_reviews", "class_channels", "terms", "board_settings",
)  # fmt: skip
CHUNK = 5000


class CopyError(UserFacingError):
    """The copy cannot be made (or did not check out); the message says why."""


@dataclass(frozen=True, slots=True)
class TableCopy:
    table: str
    rows: int
    checksum: str


def describe(target: str) -> str:
    return redact(target) if is_postgres_url(target) else target


@asynccontextmanager
async def _connect(target: str, *, write: bool) -> AsyncIterator[Conn]:
    """A bare connection in one transaction (read-only for the source)."""
    if is_postgres_url(target):
        pool_conn = await _pg_connect(target)
        try:
            tx = pool_conn.transaction(readonly=not write, isolation="repeatable_read")
            async with tx:
                yield PgConn(pool_conn)
        finally:
            await pool_conn.close()
        return
    conn = await aiosqlite.connect(_sqlite_uri(target, write), uri=True, isolation_level=None)
    try:
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield conn
            await conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                await conn.execute("ROLLBACK")
            raise
    finally:
        await conn.close()


def _sqlite_uri(target: str, write: bool) -> str:
    path = Path(target)
    if not write and not path.is_file():
        raise CopyError(f"there is no database file {target}.")
    return f"{path.resolve().as_uri()}?mode={'rwc' if write else 'ro'}"


def _missing_file(target: str) -> bool:
    return not is_postgres_url(target) and not Path(target).exists()


async def _pg_connect(url: str) -> Any:
    import asyncpg

    try:
        return await asyncpg.connect(url, timeout=10)
    except Exception as exc:
        from purgebot.storage.pgopening import explain_postgres

        problem = explain_postgres(url, exc)
        if problem is None:
            raise
        raise CopyError(problem.message) from None


async def _version(conn: Conn) -> int:
    if isinstance(conn, aiosqlite.Connection):
        return int((await fetchall(conn, "PRAGMA user_version"))[0][0])
    assert isinstance(conn, PgConn)
    return await pgdb.schema_version(conn.conn)


async def _tables(conn: Conn) -> list[str]:
    if isinstance(conn, aiosqlite.Connection):
        rows = await fetchall(
            conn,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
    else:
        rows = await fetchall(
            conn,
            """SELECT table_name FROM information_schema.tables
               WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                 AND table_name <> 'purgebot_schema'""",
        )
    names = {str(r[0]) for r in rows}
    known = [t for t in (*ORDER, *DERIVED) if t in names]
    return known[: len(ORDER)] + sorted(names - set(known)) + [t for t in DERIVED if t in names]


async def _columns(conn: Conn, table: str) -> list[str]:
    if isinstance(conn, aiosqlite.Connection):
        return [str(r[1]) for r in await fetchall(conn, f'PRAGMA table_info("{table}")')]
    rows = await fetchall(
        conn,
        """SELECT column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""",
        (table,),
    )
    return [str(r[0]) for r in rows]


def _canonical(value: Any) -> bytes:
    if value is None:
        return b"N"
    if isinstance(value, float):
        return b"f" + repr(value).encode()
    if isinstance(value, int):
        return b"i" + str(value).encode()
    if isinstance(value, bytes):
        return b"b" + value.hex().encode()
    return b"s" + str(value).encode("utf-8", "surrogatepass")


def checksum(rows: Sequence[Sequence[Any]]) -> str:
    """SHA-256 over the sorted digests of the rows: equal for equal contents in any order."""
    digests = sorted(hashlib.sha256(b"\x1f".join(map(_canonical, r))).digest() for r in rows)
    return hashlib.sha256(b"".join(digests)).hexdigest()


async def _read(conn: Conn, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    return await fetchall(conn, f'SELECT {names} FROM "{table}"')


async def _write(conn: Conn, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    if isinstance(conn, PgConn):
        for start in range(0, len(rows), CHUNK):
            await conn.conn.copy_records_to_table(
                table, records=rows[start : start + CHUNK], columns=columns
            )
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    await executemany(conn, f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


async def _advance_sequences(conn: Conn) -> None:
    if not isinstance(conn, PgConn):
        return  # SQLite hands out max(rowid) + 1 by itself
    for table, column in await fetchall(
        conn,
        """SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND is_identity = 'YES'""",
    ):
        await fetchall(
            conn,
            f"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'),
                              coalesce(max("{column}"), 0) + 1, false) FROM "{table}\"""",
        )


async def _check_destination(dst: str, latest: int) -> None:
    if _missing_file(dst):
        return
    async with _connect(dst, write=False) as conn:
        version = await _version(conn)
        if version > latest:
            raise CopyError(
                f"{describe(dst)} was written by a newer purgebot (schema {version}, this one "
                f"knows up to {latest}); copy with that version."
            )
        for table in await _tables(conn):
            if await fetchall(conn, f'SELECT 1 FROM "{table}" LIMIT 1'):
                raise CopyError(
                    f"{describe(dst)} is not empty (its table {table} has rows). Copy into a "
                    "new, empty database, so that no history is mixed or overwritten."
                )


async def copy_database(src: str, dst: str) -> list[TableCopy]:
    """Copy every table of `src` into the empty `dst`; returns what was copied and checked."""
    if describe(src) == describe(dst) or (
        not is_postgres_url(src) and not is_postgres_url(dst) and Path(src) == Path(dst)
    ):
        raise CopyError("the source and the destination are the same database.")
    latest = len(load_migrations())
    async with _connect(src, write=False) as source:
        version = await _version(source)
        if version != latest:
            newer = version > latest
            raise CopyError(
                f"{describe(src)} has schema version {version}, this purgebot writes {latest}: "
                + (
                    "it was written by a newer purgebot; copy with that version."
                    if newer
                    else "start this purgebot on it once (it upgrades the schema at start), "
                    "then copy it."
                )
            )
        await _check_destination(dst, latest)
        try:
            await (await Store.open(dst)).close()  # create the destination's tables
        except sqlite3.Error as exc:
            raise CopyError(f"cannot create {describe(dst)}: {exc}") from None
        copied: list[TableCopy] = []
        async with _connect(dst, write=True) as target:
            tables = await _tables(source)
            columns = {t: await _columns(source, t) for t in tables}
            wanted: dict[str, tuple[int, str]] = {}
            for table in tables:  # one table's rows in memory at a time
                rows = await _read(source, table, columns[table])
                if table in DERIVED:
                    await execute(target, f'DELETE FROM "{table}"')
                await _write(target, table, columns[table], rows)
                wanted[table] = (len(rows), checksum(rows))
                del rows
            await _advance_sequences(target)
            for table in tables:  # after every write: the triggers touch other tables
                got = await _read(target, table, columns[table])
                count, want = wanted[table]
                if len(got) != count or checksum(got) != want:
                    how = (
                        f"{len(got):,} rows against {count:,}"
                        if len(got) != count
                        else "the same number of rows, other contents"
                    )
                    raise CopyError(
                        f"the copy of {table} does not match the source ({how}); "
                        "nothing was written."
                    )
                copied.append(TableCopy(table, count, want))
    return copied
