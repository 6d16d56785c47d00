"""PostgreSQL: a connection lost during the answers' COMMIT. If the server committed, each
student gets their answer's id (told "not saved", they would answer again and count twice); if
it did not, they are told plainly and nothing is stored."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg
import pytest
from asyncpg.transaction import Transaction
from storage_helpers import CHANNEL, GUILD, TEACHER, FakeClock, committed, right_answer

from purgebot.errors import UserFacingError
from purgebot.storage import Store

PLAIN = (
    "The quiz database can't be reached right now, so this was not saved. "
    "Please try again in a minute."
)
Commit = Callable[[Transaction], Awaitable[None]]


def lose_the_next_commit(monkeypatch: pytest.MonkeyPatch, *, reach_server: bool) -> None:
    """The next COMMIT's connection drops: after the server committed (`reach_server`), or
    before the COMMIT left the bot. Later transactions are untouched."""
    original: Commit = Transaction._Transaction__commit  # type: ignore[attr-defined]
    armed = [True]

    async def commit(self: Any) -> None:
        if not armed[0]:
            await original(self)
            return
        armed[0] = False
        if reach_server:
            await original(self)
        self._connection.terminate()
        raise asyncpg.ConnectionDoesNotExistError(
            "connection was closed in the middle of operation"
        )

    monkeypatch.setattr(Transaction, "_Transaction__commit", commit)


async def stored(url: str) -> list[tuple[object, ...]]:
    return await committed(url, "SELECT answer_id, user_id FROM answers ORDER BY answer_id")


async def test_a_commit_that_lost_its_reply_gives_each_answer_its_id_once(
    pg_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await Store.open(pg_url, clock=clock)
    try:
        run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
        lose_the_next_commit(monkeypatch, reach_server=True)
        ids = await asyncio.gather(
            *(store.record_answer(right_answer(run.run_id, u, clock)) for u in (1, 2, 3))
        )
        assert await stored(pg_url) == [(ids[0], 1), (ids[1], 2), (ids[2], 3)]

        again = await store.record_answer(
            right_answer(run.run_id, 4, clock)
        )  # the writer carries on
        assert (await stored(pg_url))[-1] == (again, 4)
    finally:
        await store.close()


async def test_a_commit_lost_before_the_server_fails_its_answers_plainly(
    pg_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await Store.open(pg_url, clock=clock)
    try:
        run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
        lose_the_next_commit(monkeypatch, reach_server=False)
        results = await asyncio.gather(
            *(store.record_answer(right_answer(run.run_id, u, clock)) for u in (1, 2, 3)),
            return_exceptions=True,
        )
        for result in results:
            assert isinstance(result, UserFacingError) and str(result) == PLAIN
        assert await stored(pg_url) == []

        again = await store.record_answer(right_answer(run.run_id, 2, clock))
        assert await stored(pg_url) == [(again, 2)]
    finally:
        await store.close()
