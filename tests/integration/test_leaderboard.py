"""After a class quiz: the leaderboard, each student's /stats, and the teacher's CSV export show
exactly what the students did; the teacher-only parts refuse students."""

from __future__ import annotations

import csv
import io
import random

import simcord
from quizkit import (  # noqa: F401 - the fixtures register by name
    Played,
    clara_fixture,
    class_quiz_fixture,
    field_value,
)
from simkit import reply, sim_clock, text_of

from purgebot.bot import create_bot
from purgebot.bot.components import NotYourButton
from purgebot.bot.errors import NotTeacher, unwrap
from purgebot.bot.leaderboard.cog import NoRunsYet
from purgebot.bot.leaderboard.pager import PAGER_GONE
from purgebot.bot.transformers import BadDay
from purgebot.config import Settings
from purgebot.storage import AnswerRecord, RunNotFoundError, Store
from purgebot.storage.timeutil import as_datetime

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


def percent(correct: int, answered: int) -> str:
    return f"{100 * correct / answered:.0f}%"


async def test_the_leaderboard_ranks_the_class_by_points_and_by_accuracy(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    class_quiz: Played,
) -> None:
    players = class_quiz.players
    board = reply(await student.slash(channel, "leaderboard"))
    assert not board.ephemeral  # for the whole class to see
    embed = board.embeds[0]
    assert embed.title == "Leaderboard · points · all time"
    ranked = sorted(players.values(), key=lambda p: -p.points)
    assert (embed.description or "").split("\n") == [
        f"{MEDALS[i]} {p.name} — {p.points:,} pts · {percent(p.correct, len(p.answers))} right"
        for i, p in enumerate(ranked, start=1)
    ]
    assert (embed.footer.text or "").startswith("Page 1 of 1 · 3 players")
    assert board.components == []  # one page: no buttons

    weekly = reply(await student.slash(channel, "leaderboard", period="week", bank="class-quiz"))
    assert weekly.embeds[0].title == "Leaderboard · points · this week · bank `class-quiz`"
    assert weekly.embeds[0].description == embed.description
    assert "since 29 Dec 2025 (UTC)" in (weekly.embeds[0].footer.text or "")  # that Monday

    by_accuracy = reply(await student.slash(channel, "leaderboard", metric="accuracy")).embeds[0]
    # boris's late click was refused, so he has 3 answers; everyone has the 3 needed to rank
    assert {p.name: len(p.answers) for p in players.values()} == {
        "anya": 4,
        "boris": 3,
        "clara": 4,
    }
    ranked = sorted(players.values(), key=lambda p: -p.correct / len(p.answers))
    assert (by_accuracy.description or "").split("\n") == [
        f"{MEDALS[i]} {p.name} — {percent(p.correct, len(p.answers))} right · "
        f"{p.correct}/{len(p.answers)}"
        for i, p in enumerate(ranked, start=1)
    ]
    other_bank = reply(await student.slash(channel, "leaderboard", bank="kirov")).embeds[0]
    assert other_bank.description == "Nobody yet: play a `/quiz start` first."


async def test_stats_are_private_and_a_student_sees_only_their_own(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    class_quiz: Played,
) -> None:
    anya = class_quiz.players["anya"]
    own = reply(await student.slash(channel, "stats"))
    assert own.ephemeral
    embed = own.embeds[0]
    assert embed.title == "Stats · anya"
    assert field_value(embed, "Answered") == "4"
    assert field_value(embed, "Right") == "4 (100%)"
    assert field_value(embed, "Points") == f"{anya.points:,}"
    assert field_value(embed, "Best streak") == "4 right answers in a row"
    assert field_value(embed, "By topic").split("\n") == ["kirov: 3/3 (100%)", "trials: 1/1 (100%)"]
    assert f"{anya.points:,} pts" in field_value(embed, "Recent quizzes")

    refused = reply(await student.slash(channel, "stats", member=other_student))
    assert refused.ephemeral
    assert refused.content.startswith("Only teachers can see another student's stats.")
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher]

    boris = class_quiz.players["boris"]
    seen = reply(await teacher.slash(channel, "stats", member=other_student))
    assert seen.ephemeral and seen.embeds[0].title == "Stats · boris"
    assert field_value(seen.embeds[0], "Right") == (
        f"{boris.correct} ({percent(boris.correct, len(boris.answers))})"
    )


async def test_the_csv_export_matches_what_the_class_did(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    class_quiz: Played,
) -> None:
    refused = reply(await student.slash(channel, "results export"))
    assert refused.ephemeral and refused.content.startswith("Only teachers can export results.")
    assert not refused.attachments
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher]

    export = reply(await teacher.slash(channel, "results export"))
    assert export.ephemeral
    assert export.content.startswith("Run #1 · `class-quiz` · started ")
    assert ", finished\n3 students, 4 questions." in export.content  # not "finished (finished)"
    students_file, questions_file, *_ = export.attachments
    assert [f.filename for f in export.attachments] == [
        "run-1-students.csv",
        "run-1-questions.csv",
        "run-1-grid.csv",
        "run-1-timeline.csv",
    ]
    rows = list(csv.reader(io.StringIO((await students_file.read()).decode("utf-8-sig"))))
    run_rows = rows
    assert rows[0] == ["student no.", "student", "answered", "correct", "accuracy %", "points"]
    expected = sorted(class_quiz.players.values(), key=lambda p: -p.points)
    assert [row[1:] for row in rows[1:]] == [
        [
            p.name,
            str(len(p.answers)),
            str(p.correct),
            f"{100 * p.correct / len(p.answers):.1f}",
            str(p.points),
        ]
        for p in expected
    ]
    rows = list(csv.reader(io.StringIO((await questions_file.read()).decode("utf-8-sig"))))
    assert rows[0] == [
        "bank",
        "question",
        "question text",
        "topic",
        "answered",
        "correct",
        "% correct",
    ]
    given = {row[1]: (int(row[4]), int(row[5])) for row in rows[1:]}
    for qid in class_quiz.order:
        answers = [a for p in class_quiz.players.values() for a in p.answers if a[0] == qid]
        assert given[qid] == (len(answers), sum(a[2] for a in answers)), qid

    # the same answers as a server report for a date range
    report = reply(
        await teacher.slash(channel, "results export", since="2026-01-01", until="2026-01-01")
    )
    assert report.content.startswith(
        "Every quiz answer in this server from 2026-01-01 to 2026-01-01 (both days included)"
    )
    # the days are echoed as the teacher typed them
    wide = reply(
        await teacher.slash(channel, "results export", since="2020-01-01", until="2099-12-31")
    )
    assert wide.content.startswith(
        "Every quiz answer in this server from 2020-01-01 to 2099-12-31 (both days included)"
    )
    students_file, *_ = report.attachments
    assert students_file.filename == "server-2026-01-01-to-2026-01-01-students.csv"
    server_rows = list(csv.reader(io.StringIO((await students_file.read()).decode("utf-8-sig"))))
    assert server_rows == run_rows  # one quiz that day: the same students, the same totals
    bad = reply(await teacher.slash(channel, "results export", since="1st of May"))
    assert bad.content == "`1st of May` is not a day: write it as YYYY-MM-DD, e.g. 2026-03-01."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher, BadDay]


async def test_export_before_any_quiz_says_so(
    simcord_env: simcord.Env, channel: simcord.ChannelHandle, teacher: simcord.MemberActor
) -> None:
    nothing = reply(await teacher.slash(channel, "results export"))
    assert nothing.content == (
        "No quiz has been run in this server yet, so there is nothing to export."
    )
    missing = reply(await teacher.slash(channel, "results export", run=99))
    assert missing.content == "There is no quiz run #99 in this server."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NoRunsYet, RunNotFoundError]


async def seed_players(store: Store, guild_id: int, channel_id: int, count: int) -> None:
    """`count` students with distinct points, as if they had played earlier quizzes."""
    run = await store.start_run(guild_id, channel_id, "kirov", None)
    for i in range(count):
        await store.record_answer(
            AnswerRecord(
                run_id=run.run_id,
                guild_id=guild_id,
                user_id=1000 + i,
                user_name=f"pupil{i:02d}",
                question_id="kirov-date",
                topic="kirov",
                raw_answer="A",
                correct=True,
                points=100 * (i + 1),
                response_ms=1000,
                answered_at=as_datetime(sim_clock()),
            )
        )


async def test_a_long_leaderboard_pages_for_the_one_who_asked(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    store: Store,
) -> None:
    await seed_players(store, guild.id, channel.id, 13)
    asked = await student.slash(channel, "leaderboard")
    first = reply(asked)
    lines = (first.embeds[0].description or "").split("\n")
    assert len(lines) == 10 and lines[0] == "🥇 pupil12 — 1,300 pts · 100% right"
    assert (first.embeds[0].footer.text or "").startswith("Page 1 of 2 · 13 players")

    intruder = reply(await other_student.click(first, label="Next ▶"))
    assert intruder.content == "These buttons belong to someone else's request."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotYourButton]

    await student.click(first, label="Next ▶")
    second = reply(asked)
    assert (second.embeds[0].description or "").split("\n") == [
        "**11.** pupil02 — 300 pts · 100% right",
        "**12.** pupil01 — 200 pts · 100% right",
        "**13.** pupil00 — 100 pts · 100% right",
    ]
    assert "Page 2 of 2" in text_of(second)
    page = reply(await student.slash(channel, "leaderboard", page=2))
    assert page.embeds[0].description == second.embeds[0].description
    past_the_end = reply(await student.slash(channel, "leaderboard", page=9))
    assert past_the_end.embeds[0].description == second.embeds[0].description


async def test_leaderboard_buttons_from_before_a_restart_answer_politely(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    settings: Settings,
    store: Store,
) -> None:
    """A Next click on a leaderboard posted before the bot restarted is told what to do, not
    shown Discord's "This interaction failed"."""
    await seed_players(store, guild.id, channel.id, 13)
    first = reply(await student.slash(channel, "leaderboard"))
    assert "Page 1 of 2" in text_of(first)
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(7))
    )
    stale = reply(await student.click(first, label="Next ▶"))
    assert stale.ephemeral
    assert stale.content == PAGER_GONE
