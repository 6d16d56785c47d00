"""PostgreSQL's migrations mirror SQLite's: same numbers and names, applied the same way (one
transaction each, the number recorded), refusing a schema from a newer purgebot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import asyncpg
import pytest

from pgserver import fresh_postgres
from purgebot.storage import SchemaTooNewError, Store
from purgebot.storage.migrate import load_migrations, load_triggers


def test_each_backend_has_the_same_numbered_migrations() -> None:
    sqlite = [(m.version, m.name) for m in load_migrations()]
    postgres = [(m.version, m.name) for m in load_migrations("postgres")]
    assert postgres == sqlite


async def test_an_older_postgres_schema_is_upgraded_and_a_newer_one_refused() -> None:
    latest = len(load_migrations("postgres"))
    async with fresh_postgres() as url:
        await (await Store.open(url, schema_version=3)).close()
        conn = await asyncpg.connect(url)
        try:
            assert await conn.fetchval("SELECT max(version) FROM purgebot_schema") == 3
            assert await conn.fetchval("SELECT to_regclass('attempts')") is None
        finally:
            await conn.close()
        async with await Store.open(url) as store:
            assert await store.list_assignments(1) == []  # 005's table is there now
        conn = await asyncpg.connect(url)
        try:
            versions = [r[0] for r in await conn.fetch("SELECT version FROM purgebot_schema")]
            assert sorted(versions) == list(range(1, latest + 1))
            await conn.execute("INSERT INTO purgebot_schema VALUES ($1)", latest + 1)
        finally:
            await conn.close()
        with pytest.raises(SchemaTooNewError):
            await Store.open(url)


async def test_both_backends_end_with_the_same_tables_columns_indexes_and_triggers(
    tmp_path: Path,
) -> None:
    """The shared migrations are written once: what each backend builds from them must match."""
    path = tmp_path / "db.sqlite"
    await (await Store.open(path)).close()
    with sqlite3.connect(path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        sqlite_columns = {(t, r[1]) for t in names for r in db.execute(f"PRAGMA table_info({t})")}
        sqlite_objects = set(
            db.execute("SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')")
        )
    sqlite_objects = {
        (kind, name) for kind, name in sqlite_objects if name.startswith(("ix_", "tr_"))
    }
    async with fresh_postgres() as url:
        await (await Store.open(url)).close()
        conn = await asyncpg.connect(url)
        try:
            pg_columns = {
                (r[0], r[1])
                for r in await conn.fetch(
                    "SELECT table_name, column_name FROM information_schema.columns"
                    " WHERE table_schema = current_schema() AND table_name <> 'purgebot_schema'"
                )
            }
            pg_objects = {
                ("index", r[0])
                for r in await conn.fetch(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                    " AND indexname LIKE 'ix\\_%'"
                )
            } | {
                ("trigger", r[0])
                for r in await conn.fetch(
                    "SELECT DISTINCT trigger_name FROM information_schema.triggers"
                )
            }
        finally:
            await conn.close()
    assert pg_columns == sqlite_columns
    assert pg_objects == sqlite_objects


async def test_postgres_replaces_a_changed_trigger_and_leaves_current_ones_alone() -> None:
    from purgebot.storage.pgdb import replace_triggers

    triggers = load_triggers("postgres")
    async with fresh_postgres() as url:
        await (await Store.open(url)).close()
        conn = await asyncpg.connect(url)
        try:
            assert not await replace_triggers(conn, triggers)
            await conn.execute("DROP TRIGGER tr_student_numbers_delete ON answers")
            await conn.execute(
                "CREATE OR REPLACE FUNCTION tr_review_wrong() RETURNS trigger"
                " LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$"
            )
            await conn.close()
            await (await Store.open(url)).close()
            conn = await asyncpg.connect(url)
            assert not await replace_triggers(conn, triggers)  # back as the set has them
            names = {r[0] for r in await conn.fetch("SELECT tgname FROM pg_trigger")}
            assert {"tr_student_numbers_delete", "tr_review_wrong"} <= names
            source = await conn.fetchval(
                "SELECT prosrc FROM pg_proc WHERE proname = $1", "tr_review_wrong"
            )
            assert "review_boxes" in source
        finally:
            await conn.close()
