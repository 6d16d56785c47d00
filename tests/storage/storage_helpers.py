"""Shared by the storage tests: Discord-sized ids, a clock the test moves, a student who answers."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import pytest

from purgebot.storage import AnswerRecord, RunRecord, Store

GUILD = 1_100_000_000_000_000_001  # Discord-sized ids: beyond what a float holds exactly
OTHER_GUILD = 1_100_000_000_000_000_002
TEACHER = 900_000_000_000_000_009
CHANNEL = 700_000_000_000_000_007


class FakeClock:
    """Now is whatever the test says; starts on Wednesday 2024-03-13 12:00 UTC."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2024, 3, 13, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@dataclass
class Player:
    """Writes answers for one student in one run at the clock's time, one second apart."""

    store: Store
    clock: FakeClock
    run: RunRecord
    user_id: int
    name: str

    async def answer(
        self,
        question_id: str,
        correct: bool,
        points: int | None = None,
        *,
        topic: str | None = "general",
        raw: str = "A",
    ) -> int:
        self.clock.advance(seconds=1)
        return await self.store.record_answer(
            AnswerRecord(
                run_id=self.run.run_id,
                guild_id=self.run.guild_id,
                user_id=self.user_id,
                user_name=self.name,
                question_id=question_id,
                topic=topic,
                raw_answer=raw,
                correct=correct,
                points=(500 if correct else 0) if points is None else points,
                response_ms=1500,
                answered_at=self.clock.now,
            )
        )


def player(store: Store, clock: FakeClock, run: RunRecord, user_id: int, name: str) -> Player:
    return Player(store, clock, run, user_id, name)


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


async def committed(target: str, sql: str, *params: object) -> list[tuple[object, ...]]:
    """What another process sees (only committed rows): `sql`, in SQLite's spelling, run on a
    connection of its own to the test's database, a file path or a PostgreSQL URL."""
    if not target.startswith("postgresql://"):
        import sqlite3

        with sqlite3.connect(target) as conn:
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]
    import asyncpg

    from purgebot.storage.pgsql import row_tuple, translate

    text, args = translate(sql, params)
    conn = await asyncpg.connect(target)
    try:
        return [row_tuple(r) for r in await conn.fetch(text, *args)]
    finally:
        await conn.close()
