"""PostgreSQL's migrations mirror SQLite's: same numbers and names, applied the same way (one
transaction each, the number recorded), refusing a schema from a newer purgebot."""

from __future__ import annotations

import asyncpg
import pytest
from storage_helpers import fresh_postgres

from purgebot.storage import SchemaTooNewError, Store
from purgebot.storage.migrate import load_migrations


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
