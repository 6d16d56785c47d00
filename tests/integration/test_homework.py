"""Homework as a class does it: set with a due time, played privately at different times by
students with and without extra time, across a restart, one left open at the deadline."""

from __future__ import annotations

import csv
import io
import random

import simcord
from privatekit import answer, next_question, play_through, read_private
from quizkit import CLASS_BANK
from simkit import reply, sim_clock, text_of

from purgebot.bot import create_bot
from purgebot.bot.errors import NotTeacher, unwrap
from purgebot.catalog import UnknownBank
from purgebot.config import Settings
from purgebot.quiz.due import DueError
from purgebot.storage import RunStatus, Store

DAY = 86_400.0


async def _class(
    env: simcord.Env, guild: simcord.GuildHandle, names: list[str]
) -> dict[str, simcord.MemberActor]:
    return {n: guild.add_member(env.create_user(n)) for n in names}


def _card(channel: simcord.ChannelHandle) -> simcord.ResponseMessage | object:
    for message in reversed(channel.history()):
        if message.embeds and (message.embeds[0].title or "").startswith("📚 Homework"):
            return message
    raise AssertionError("no homework card in the channel")


async def test_a_class_does_homework_across_a_restart_and_a_deadline(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    settings: Settings,
    store: Store,
) -> None:
    kids = await _class(simcord_env, guild, ["anya", "boris", "clara", "dmitri", "erin"])
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "accommodate", member=kids["clara"], multiplier=1.5)
    # erin practised once, so the server knows her: she is who "not started" lists
    practice = read_private(
        reply(await kids["erin"].slash(channel, "practice", bank="class-quiz", count=1))
    )
    await answer(kids["erin"], practice, True)

    # the sim clock starts Thursday 2026-01-01 00:00 UTC: due Saturday 17:00
    set_ = await teacher.slash(
        channel, "homework set", bank="class-quiz", due="2026-01-03 17:00", seconds=20
    )
    assert "Homework #1 set: **Kirov and the NKVD**, 4 questions" in reply(set_).content
    card = _card(channel)
    assert "4 questions" in text_of(card)  # type: ignore[arg-type]
    assert "<t:1767459600:F>" in text_of(card)  # type: ignore[arg-type]  # 2026-01-03 17:00 UTC

    # anya does it all at once, right every time
    first = read_private(reply(await kids["anya"].click(card, label="Start")))  # type: ignore[arg-type]
    assert (first.number, first.total) == (1, 4)
    summary, order = await play_through(simcord_env, kids["anya"], first)
    assert "Done: 4 of 4 questions right" in text_of(summary)
    again = reply(await kids["anya"].click(card, label="Start"))  # type: ignore[arg-type]
    assert again.content.startswith(
        "You have already done this homework (done); 1 attempt allowed."
    )

    # boris gets one wrong, then the bot restarts before he carries on
    await simcord_env.advance_time(3 * 3600)
    shown = read_private(reply(await kids["boris"].click(card, label="Start")))  # type: ignore[arg-type]
    await simcord_env.advance_time(2)
    feedback = reply(await answer(kids["boris"], shown, False))
    assert "❌ Not quite" in text_of(feedback)
    assert "**Answer:**" in text_of(feedback)
    double = reply(await answer(kids["boris"], shown, True))  # a second click changes nothing
    assert double.content == "You have already answered this question: your first answer counts."
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(7))
    )
    second = await next_question(kids["boris"], feedback)  # the old button works after it
    assert second.number == 2
    summary, _ = await play_through(simcord_env, kids["boris"], second)
    assert "Done: 3 of 4 questions right" in text_of(summary)

    # clara, a day later, uses her extra time: 25 s is inside her 30 s
    await simcord_env.advance_time(DAY)
    shown = read_private(reply(await kids["clara"].click(card, label="Start")))  # type: ignore[arg-type]
    assert "30 s" in text_of(shown.message) and "×1.5" in text_of(shown.message)
    summary, _ = await play_through(simcord_env, kids["clara"], shown, think=25)
    assert "Done: 4 of 4 questions right" in text_of(summary)

    # dmitri answers one question and leaves it; the deadline passes
    shown = read_private(reply(await kids["dmitri"].click(card, label="Start")))  # type: ignore[arg-type]
    await simcord_env.advance_time(2)
    left = reply(await answer(kids["dmitri"], shown, True))
    # he comes back to the card later: a second Start does not begin again, it offers Continue
    await simcord_env.advance_time(3600)
    again = reply(await kids["dmitri"].click(card, label="Start"))  # type: ignore[arg-type]
    assert again.content.startswith(
        "You have already started this homework (last shown: question 1 of 4)."
    )
    assert read_private(reply(await kids["dmitri"].click(again, label="Continue"))).number == 2
    await simcord_env.advance_time(2 * DAY)
    # the deadline timer ended dmitri's attempt at the due time, before anyone looked
    [dmitri_run] = await store.user_attempts(guild.id, kids["dmitri"].id)
    ended = await store.get_run(dmitri_run.run_id)
    assert ended is not None
    assert (ended.status, ended.end_reason) == (RunStatus.STOPPED, "deadline")
    assert ended.ended_at is not None and ended.ended_at.timestamp() == 1767459600
    closed = reply(await kids["dmitri"].click(left, label="Next question"))
    assert closed.content.startswith("This homework closed at <t:1767459600:F>.")
    late = reply(await kids["erin"].click(card, label="Start"))  # type: ignore[arg-type]
    assert late.content.startswith("This homework closed at <t:1767459600:F>.")

    # the teacher's status and CSV show all of it
    status = reply(await teacher.slash(channel, "homework status"))
    assert status.ephemeral
    seen = text_of(status)
    assert "3 finished, 1 started, 1 not started" in seen
    assert "anya: finished, 4/4 right" in seen
    assert "boris: finished, 3/4 right" in seen
    assert "dmitri: started (ended at the deadline), 1/4 right" in seen
    assert "erin: not started" in seen
    assert "Most missed" in seen
    [attachment] = status.attachments
    assert attachment.filename == "homework-1.csv"
    rows = list(csv.DictReader(io.StringIO((await attachment.read()).decode("utf-8-sig"))))
    table = {r["student"]: (r["state"], r["correct"], r["end reason"]) for r in rows}
    assert table == {
        "anya": ("finished", "4", "finished"),
        "boris": ("finished", "3", "finished"),
        "clara": ("finished", "4", "finished"),
        "dmitri": ("started", "1", "deadline"),
        "erin": ("not started", "0", ""),
    }
    # homework answers are stored in runs of their own mode, and count on the leaderboard
    runs = await store.list_runs(guild.id, limit=50, mode="homework")
    dmitri_run = [r for r in runs if r.started_by == kids["dmitri"].id]
    assert [(r.status, r.end_reason) for r in dmitri_run] == [(RunStatus.STOPPED, "deadline")]
    assert (await store.student_stats(guild.id, kids["anya"].id)).points > 0
    assert (await store.student_stats(guild.id, kids["erin"].id)).points == 0  # practice: none
    assert len(order) == 4
    # the teacher ranks homework in its own right, or live play only
    board = text_of(reply(await teacher.slash(channel, "homework board")))
    assert "homework only" in board and "anya" in board and "dmitri" in board
    assert "erin" not in board  # her practice is not homework
    live = text_of(reply(await teacher.slash(channel, "homework board", show="live")))
    assert "Nobody yet" in live


async def test_bad_homework_input_gets_plain_private_replies(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    unread = reply(await teacher.slash(channel, "homework set", bank="class-quiz", due="soonish"))
    assert unread.ephemeral and unread.content.startswith("I can't read “soonish” as a due time.")
    past = reply(await teacher.slash(channel, "homework set", bank="class-quiz", due="2025-12-01"))
    assert "has already passed" in past.content
    gone = reply(await teacher.slash(channel, "homework set", bank="no-such-bank", due="friday"))
    assert gone.ephemeral and "no-such-bank" in gone.content
    notyou = reply(await student.slash(channel, "homework set", bank="class-quiz", due="friday"))
    assert notyou.content.startswith("Only teachers can set homework.")
    refused = [type(unwrap(e)) for e in simcord_env.errors]
    assert refused == [DueError, DueError, UnknownBank, NotTeacher]
    await teacher.slash(channel, "homework set", bank="class-quiz", due="in 2 days", attempts=2)
    listed = reply(await student.slash(channel, "homework list"))
    assert "**#1** class-quiz" in listed.content and "not started" in listed.content
    # the bank is deleted after the homework was set: a Start says so plainly
    await teacher.slash(channel, "bank remove", bank="class-quiz")
    card = _card(channel)
    start = reply(await student.click(card, label="Start"))  # type: ignore[arg-type]
    assert start.ephemeral and "class-quiz" in start.content
    # the teacher still sees the homework's status without its bank
    status = reply(await teacher.slash(channel, "homework status"))
    assert "Homework #1: class-quiz" in text_of(status)
    assert "0 finished, 0 started, 0 not started" in text_of(status)
