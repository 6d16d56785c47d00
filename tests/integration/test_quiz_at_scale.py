"""The answer path and the shutdown cost the same per quiz however many quizzes run: a click
is taken without discord.py rebuilding the question's view, and a shutdown ends every quiz in
a fixed number of writes."""

from __future__ import annotations

from typing import Any

import discord
import pytest
import simcord
from quizkit import CLASS_BANK, question_messages
from simkit import reply
from test_quiz_control import press_right_answer

from purgebot.storage import RunStatus, Store

QUIZZES = 5


async def test_a_click_is_taken_without_rebuilding_the_question_view(
    monkeypatch: pytest.MonkeyPatch,
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    rebuilt: list[int] = []
    original = discord.ui.View.from_message.__func__  # type: ignore[attr-defined]

    def counting(cls: Any, message: discord.Message, /, *, timeout: float | None = 180.0) -> Any:
        rebuilt.append(message.id)
        return original(cls, message, timeout=timeout)

    monkeypatch.setattr(discord.ui.View, "from_message", classmethod(counting))
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20)
    await simcord_env.advance_time(2)
    seen = await press_right_answer(student, channel)
    assert seen == "Kirov was the Communist Party leader of which city?"
    assert rebuilt == []
    await simcord_env.advance_time(20)
    reveal = question_messages(channel)[0].embeds[0]
    heading = [f.name for f in reveal.fields if (f.name or "").startswith("How the class")]
    assert heading == ["How the class answered (1 answered, 1 right)"]


async def test_a_shutdown_ends_every_quiz_in_a_fixed_number_of_writes(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    channels = [guild.create_text_channel(f"history-{i}") for i in range(QUIZZES)]
    await teacher.slash(channels[0], "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    for channel in channels:
        started = await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20)
        assert reply(started).content.startswith("Started **Kirov and the NKVD**")
    await simcord_env.advance_time(2)
    await press_right_answer(student, channels[0])
    await store.flush()

    before = store.commit_count
    await simcord_env.bot.close()
    # every run ended in one statement, and the record of running quizzes written once: not a
    # transaction per quiz, nor the whole record rewritten as each quiz ends
    assert store.commit_count - before <= 2
    for channel in channels:
        final = channel.history()[-1].embeds[0]
        assert (final.description or "").startswith(
            "The quiz bot is shutting down, so this quiz has ended here."
        )
    runs = await store.list_runs(guild.id)
    assert len(runs) == QUIZZES
    assert {(r.status, r.end_reason) for r in runs} == {(RunStatus.ABORTED, "shutdown")}
    assert (await store.student_stats(guild.id, student.id)).answered == 1
