"""A quiz survives what Discord and people do to it: deleted messages, lost permissions, a deleted
channel, failed edits, a shutdown and a restart; the answers given are always kept."""

from __future__ import annotations

import random

import discord
import pytest
import simcord
from quizkit import CLASS_BANK, current_question, question_messages
from simcord.backend.models.channel import Overwrite
from simcord.enums import OverwriteType
from simkit import reply, sim_clock
from test_quiz_control import press_right_answer

from purgebot.bot import create_bot
from purgebot.bot.errors import unwrap
from purgebot.config import Settings
from purgebot.quiz import NoSession
from purgebot.storage import RunStatus, Store

SEND_MESSAGES = discord.Permissions(send_messages=True).value


@pytest.fixture
def moderator(simcord_env: simcord.Env, guild: simcord.GuildHandle) -> simcord.MemberActor:
    mods = guild.create_role("Mods", permissions=discord.Permissions(manage_messages=True))
    return guild.add_member(simcord_env.create_user("mod"), roles=[mods])


async def started_quiz(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor
) -> simcord.InteractionResult:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    started = await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20)
    assert reply(started).content.startswith("Started **Kirov and the NKVD**")
    return started


async def test_a_deleted_question_gets_its_reveal_anew_and_the_quiz_goes_on(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    moderator: simcord.MemberActor,
    store: Store,
) -> None:
    await started_quiz(channel, teacher)
    await simcord_env.advance_time(2)
    await press_right_answer(student, channel)
    await moderator.delete(current_question(channel).message)
    assert question_messages(channel) == []

    await simcord_env.advance_time(20)  # time up: the edit finds no message, so it posts one
    [revealed] = question_messages(channel)
    assert revealed.embeds[0].title == "Question 1 of 4 · answer"
    assert all(b.disabled for row in revealed.components for b in row.children)  # type: ignore[attr-defined]
    await simcord_env.advance_time(5)
    assert current_question(channel).number == 2
    assert (await store.student_stats(guild.id, student.id)).answered == 1
    [run] = await store.list_runs(guild.id)
    assert run.status is RunStatus.RUNNING


async def test_a_failed_reveal_edit_is_tried_again_and_the_old_buttons_grey_out(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
) -> None:
    await started_quiz(channel, teacher)
    simcord_env.inject_error("PATCH", f"/channels/{channel.id}/messages/*", status=500)
    await simcord_env.advance_time(20)
    # the failed edit is tried again a second later, and the reveal shows
    await simcord_env.advance_time(1)
    assert [m.embeds[0].title for m in question_messages(channel)] == ["Question 1 of 4 · answer"]
    await simcord_env.advance_time(5)
    assert current_question(channel).number == 2  # the quiz went on to the next question
    # the first question's buttons are greyed out: nobody answers it any more
    revealed = question_messages(channel)[0]
    assert all(b.disabled for row in revealed.components for b in row.children)  # type: ignore[attr-defined]
    await press_right_answer(student, channel)  # the newest one takes answers


async def test_a_lost_permission_ends_the_quiz_and_the_starter_is_told_which(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    started = await started_quiz(channel, teacher)
    await simcord_env.advance_time(2)
    await press_right_answer(student, channel)
    bot_id = simcord_env.bot.user.id  # type: ignore[union-attr]
    simcord_env.backend.set_overwrite(
        channel.id, Overwrite(bot_id, OverwriteType.MEMBER, deny=SEND_MESSAGES)
    )
    await simcord_env.advance_time(20 + 5 + 60)  # the reveal, then the next post is refused
    assert len(question_messages(channel)) == 1
    told = reply(started)
    assert told.ephemeral
    assert told.content.startswith(
        f"Your quiz in <#{channel.id}> has ended: I no longer have the Send Messages permission"
    )
    [run] = await store.list_runs(guild.id)
    assert (run.status, run.end_reason) == (RunStatus.ABORTED, "missing permission: Send Messages")
    assert (await store.student_stats(guild.id, student.id)).answered == 1
    again = reply(await teacher.slash(channel, "quiz status"))
    assert again.content == "There is no quiz running in this channel."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NoSession]


async def test_a_deleted_channel_ends_the_quiz_keeping_its_answers(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    started = await started_quiz(channel, teacher)
    await simcord_env.advance_time(2)
    await press_right_answer(student, channel)
    simcord_env.backend.delete_channel(channel.id)
    await simcord_env.advance_time(60)
    # the start's private thread went with the channel: the starter is told by direct message
    assert started.followups == []
    [dm] = teacher.user.dm_channel.history()
    assert dm.content == (
        "Your quiz in #history has ended: the channel was deleted. Answers given so far are kept "
        "(`/results export` has them)."
    )
    [run] = await store.list_runs(guild.id)
    assert (run.status, run.end_reason) == (RunStatus.ABORTED, "channel deleted")
    stats = await store.student_stats(guild.id, student.id)
    assert (stats.answered, stats.correct) == (1, 1)


async def test_bot_shutdown_ends_the_quiz_with_a_notice_and_keeps_the_answers(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await started_quiz(channel, teacher)
    await simcord_env.advance_time(2)
    await press_right_answer(student, channel)
    await simcord_env.bot.close()
    first = question_messages(channel)[0].embeds[0]
    assert first.title == "Question 1 of 4 · answer"  # scored and shown before going
    final = channel.history()[-1].embeds[0]
    assert final.title == "Final standings · Kirov and the NKVD"
    assert (final.description or "").startswith(
        "The quiz bot is shutting down, so this quiz has ended here. Every answer given so far "
        "is kept.\n\n**1.** anya — 950 pts (1/1 right)"
    )
    [run] = await store.list_runs(guild.id)
    assert (run.status, run.end_reason) == (RunStatus.ABORTED, "shutdown")
    assert (await store.student_stats(guild.id, student.id)).points == 950


async def test_a_restart_mid_quiz_ends_it_as_interrupted_and_says_so(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    settings: Settings,
    store: Store,
) -> None:
    await started_quiz(channel, teacher)
    await simcord_env.advance_time(2)
    await press_right_answer(student, channel)
    old = current_question(channel)
    # the process dies: its quiz task is gone without a goodbye
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(7))
    )
    [run] = await store.list_runs(guild.id)
    assert (run.status, run.end_reason) == (RunStatus.ABORTED, "interrupted by a restart")
    assert channel.history()[-1].content.startswith(
        "The quiz bot restarted while a quiz was running here, so that quiz has ended."
    )
    assert (await store.student_stats(guild.id, student.id)).points == 950
    # the question the restart cut short is closed: no live buttons, no countdown
    [cut_short] = question_messages(channel)
    assert cut_short.id == old.message.id
    assert all(b.disabled for row in cut_short.components for b in row.children)  # type: ignore[attr-defined]
    [time_field] = [f for f in cut_short.embeds[0].fields if f.name == "Time"]
    assert time_field.value == "Ended: the quiz bot restarted before this question closed."
    # the channel is free for a new quiz
    again = reply(await teacher.slash(channel, "quiz start", bank="class-quiz", count=1))
    assert again.content.startswith("Started **Kirov and the NKVD**: 1 question")


async def test_a_reveal_edit_failing_with_503_is_retried_then_posted_anew(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await started_quiz(channel, teacher)
    await simcord_env.advance_time(2)
    await press_right_answer(student, channel)
    # discord.py retries 500, 502 and 504 by itself, but not 503
    simcord_env.inject_error("PATCH", f"/channels/{channel.id}/messages/*", status=503, times=None)
    await simcord_env.advance_time(20)
    await simcord_env.advance_time(1 + 2)  # the pauses between the three tries
    titles = [m.embeds[0].title for m in question_messages(channel)]
    assert titles == ["Question 1 of 4", "Question 1 of 4 · answer"]
    patches = [
        r for r in simcord_env.http_requests if r.method == "PATCH" and "/messages/" in r.path
    ]
    assert len(patches) == 3  # tried three times before posting anew
    await simcord_env.advance_time(5)
    assert current_question(channel).number == 2


async def test_a_reveal_discord_keeps_failing_is_told_to_the_starter_and_the_quiz_goes_on(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
) -> None:
    started = await started_quiz(channel, teacher)
    simcord_env.inject_error("PATCH", f"/channels/{channel.id}/messages/*", status=503, times=None)
    simcord_env.inject_error("POST", f"/channels/{channel.id}/messages", status=503, times=2)
    await simcord_env.advance_time(20)
    await simcord_env.advance_time(1 + 2 + 1)  # three tries of the edit, two of the new post
    told = reply(started)
    assert told.ephemeral
    assert told.content.startswith(
        "Discord kept failing when I showed the answer to question 1 in "
        f"<#{channel.id}>, so the class has not seen it. The quiz goes on"
    )
    await simcord_env.advance_time(5)
    assert current_question(channel).number == 2
