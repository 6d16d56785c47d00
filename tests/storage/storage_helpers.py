"""Shared by the storage tests: Discord-sized ids, a clock the test moves, a student who answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

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


def right_answer(run_id: int, user_id: int, clock: FakeClock) -> AnswerRecord:
    """One student's right answer to q1, as the quiz would store it."""
    return AnswerRecord(
        run_id=run_id,
        guild_id=GUILD,
        user_id=user_id,
        user_name=f"student {user_id}",
        question_id="q1",
        topic="terror",
        raw_answer="Yezhov",
        correct=True,
        points=700,
        response_ms=2300,
        answered_at=clock(),
    )


def player(store: Store, clock: FakeClock, run: RunRecord, user_id: int, name: str) -> Player:
    return Player(store, clock, run, user_id, name)


# the test server's URL and fresh databases: tests/pgserver.py (shared with the e2e tests)


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
