"""A fresh database per test, on each backend, and a clock the test moves.

`store` and `db_target` run every test that uses them twice: on an SQLite file in tmp_path, and on
a new database in the PostgreSQL server named by PURGEBOT_TEST_POSTGRES (an admin URL; `.ci/postgres`
starts one). Without that variable the PostgreSQL case skips, saying so.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from storage_helpers import FakeClock

from pgserver import fresh_postgres
from purgebot.storage import Store

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "purgebot.db"


@pytest.fixture(params=BACKENDS)
async def db_target(request: pytest.FixtureRequest, db_path: Path) -> AsyncIterator[str]:
    """Where a store opens: an SQLite file's path, or a fresh PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield str(db_path)
        return
    async with fresh_postgres() as url:
        yield url


@pytest.fixture
async def store(db_target: str, clock: FakeClock) -> AsyncIterator[Store]:
    s = await Store.open(db_target, clock=clock)
    try:
        yield s
    finally:
        await s.close()
