"""The test PostgreSQL server: its admin URL, and a fresh database per test.

`.ci/postgres` starts a throwaway server and prints its URL; `.ci/run` exports it as
PURGEBOT_TEST_POSTGRES. Without the variable, every PostgreSQL case skips and says why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit, urlunsplit

import pytest

POSTGRES_ENV = "PURGEBOT_TEST_POSTGRES"


def postgres_admin_url() -> str:
    """The test server's admin URL, or a skip naming the variable that would enable the case."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set (run .ci/postgres to start a server)")
    return url


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A new, empty database on the test server for one test, dropped afterwards."""
    import asyncpg

    admin = postgres_admin_url()
    name = f"purgebot_test_{uuid.uuid4().hex[:16]}"
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield urlunsplit(urlsplit(admin)._replace(path=f"/{name}"))
    finally:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()
