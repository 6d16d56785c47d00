"""Numbered schema migrations, each applied in one transaction with its number in user_version.

The SQL files ship as package data (storage/migrations/NNN_name.sql). Each file runs statement by
statement inside BEGIN IMMEDIATE ... COMMIT (not executescript, which commits on its own), so a
failing migration leaves the database exactly at the previous version.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

import aiosqlite

from purgebot.storage.errors import MigrationError, SchemaTooNewError

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file cut into complete statements (sqlite3 knows where a trigger body ends)."""
        out: list[str] = []
        pending = ""
        for line in self.sql.splitlines(keepends=True):
            pending += line
            if sqlite3.complete_statement(pending):
                if _has_code(pending):
                    out.append(pending.strip())
                pending = ""
        if _has_code(pending):
            raise MigrationError(f"migration {self.version:03d}_{self.name}: unfinished statement")
        return out


def _has_code(sql: str) -> bool:
    lines = (line.split("--", 1)[0].strip() for line in sql.splitlines())
    return any(line and line != ";" for line in lines)


def load_migrations(dialect: str = "sqlite") -> list[Migration]:
    """Every bundled migration in order; numbering must run 1, 2, 3 ... without gaps.

    PostgreSQL's live in migrations/postgres/ under the same numbers and names."""
    folder = resources.files("purgebot.storage").joinpath("migrations")
    if dialect == "postgres":
        folder = folder.joinpath("postgres")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise MigrationError(f"migration numbers must run 1..n, found {migration.version}")
    return found


async def schema_version(db: aiosqlite.Connection) -> int:
    async with db.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def migrate(
    db: aiosqlite.Connection, migrations: list[Migration], target: int | None = None
) -> list[int]:
    """Bring the database up to `target` (default: the latest); returns the versions applied.

    The connection must be in autocommit mode (isolation_level=None). The version is re-read
    under the write lock, so two processes opening the same file apply each migration once.
    """
    latest = len(migrations)
    target = latest if target is None else target
    current = await schema_version(db)
    if current > latest:
        raise SchemaTooNewError(
            f"database schema is version {current}, this purgebot knows up to {latest}"
        )
    applied: list[int] = []
    for migration in migrations[current:target]:
        await db.execute("BEGIN IMMEDIATE")
        try:
            if await schema_version(db) >= migration.version:
                await db.execute("ROLLBACK")
                continue
            for statement in migration.statements():
                await db.execute(statement)
            # PRAGMA takes no placeholders; the value is our own migration number.
            await db.execute(f"PRAGMA user_version = {migration.version:d}")
            await db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                await db.execute("ROLLBACK")
            raise MigrationError(
                f"migration {migration.version:03d}_{migration.name} failed: {exc}"
            ) from exc
        applied.append(migration.version)
    return applied
