"""The bot on PostgreSQL when the server goes away mid-quiz: the answer gets a plain private reply
(it was not saved, answer again), the quiz goes on, and once the server is back the answers are
stored by the same bot, no restart; the URL's password is in no log line. Needs
PURGEBOT_TEST_POSTGRES (skips without it)."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import simcord
from quizkit import current_question
from simkit import reply, sim_clock
from test_quiz_control import press_right_answer
from test_quiz_resilience import started_quiz

from purgebot.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from test_pg_faults import PASSWORD, Proxy, via

from pgserver import fresh_postgres


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[Proxy, str]]:
    """A fresh database, reached through a relay the test can cut."""
    async with fresh_postgres() as url:
        server = urlsplit(url)
        relay = Proxy(server.hostname or "127.0.0.1", server.port or 5432)
        await relay.up()
        try:
            yield relay, via(url, relay.port, PASSWORD)
        finally:
            with contextlib.suppress(Exception):
                await relay.down()


@pytest.fixture
async def store(proxy: tuple[Proxy, str]) -> AsyncIterator[Store]:
    opened = await Store.open(proxy[1], clock=sim_clock)
    try:
        yield opened
    finally:
        await opened.close()


async def test_an_answer_while_postgres_is_away_gets_a_plain_reply_and_the_quiz_goes_on(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    store: Store,
    proxy: tuple[Proxy, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    relay, _ = proxy
    await started_quiz(channel, teacher)
    await simcord_env.advance_time(2)
    await relay.down()
    shown = current_question(channel)
    if any(b.label == "Answer" for row in shown.message.components for b in row.children):  # type: ignore[attr-defined]
        opened = await student.click(shown.message, label="Answer")
        done = await student.submit_modal(opened, {"answer": "whatever"})
    else:
        first = shown.message.components[0].children[0]  # type: ignore[attr-defined]
        done = await student.click(shown.message, label=first.label)
    said = reply(done)
    assert said.ephemeral
    assert said.content == (
        "⚠️ Your answer could not be saved, so it does not count. Please answer again."
    )
    assert (await store_stats_later(store, guild.id, student.id, relay)) == 0

    # back: the same bot takes the answer again, and the next student's, and stores them
    await press_right_answer(student, channel)
    await press_right_answer(other_student, channel)
    assert (await store.student_stats(guild.id, student.id)).answered == 1
    assert (await store.student_stats(guild.id, other_student.id)).answered == 1
    assert "unreachable" in caplog.text and PASSWORD not in caplog.text


async def store_stats_later(store: Store, guild_id: int, user_id: int, relay: Proxy) -> int:
    """Bring the server back, then count what was stored for the student meanwhile."""
    await relay.up()
    return (await store.student_stats(guild_id, user_id)).answered
