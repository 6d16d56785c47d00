"""The teacher's view as a class would drive it: a chart under the final standings, /stats and
/results chart as pictures whose figures are the stored ones, spreadsheets with question text
and the student × question grid, and two classes in one server kept apart."""

from __future__ import annotations

import csv
import io
import re

import discord
import simcord
from PIL import Image
from quizkit import (  # noqa: F401 - the fixtures register by name
    CLASS_BANK,
    PROMPTS,
    Played,
    clara_fixture,
    class_quiz_fixture,
    field_value,
)
from simkit import reply, sim_clock

from purgebot.bot.admin.classes import BadClassName
from purgebot.bot.errors import NotTeacher, unwrap
from purgebot.bot.reportfiles import UnknownClass
from purgebot.storage import AnswerRecord, Store
from purgebot.storage.timeutil import as_datetime

PNG = b"\x89PNG\r\n\x1a\n"
SHARE = re.compile(r"(\d+)% \((\d+) of (\d+)\)")
TEXTS = {qid: prompt for prompt, qid in PROMPTS.items()}


async def png_of(attachment: discord.Attachment) -> Image.Image:
    data = await attachment.read()
    assert data.startswith(PNG)
    assert len(data) < 1_000_000
    image = Image.open(io.BytesIO(data))
    image.load()  # decodes every pixel: a broken file fails here
    assert image.format == "PNG"
    assert image.width == 800 and 300 < image.height < 3000
    return image


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def panel(alt: str, title: str) -> list[tuple[int, int]]:
    """(right, answered) of each bar of one panel, as the alt text reads it out."""
    part = alt.split(f"{title}: ", 1)[1].split(".", 1)[0]
    return [(int(m[2]), int(m[3])) for m in SHARE.finditer(part)]


async def test_the_final_standings_carry_a_results_chart_of_the_stored_answers(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    class_quiz: Played,
) -> None:
    standings = class_quiz.standings_message
    assert standings is not None
    assert (standings.embeds[0].title or "").startswith("Final standings")
    (chart,) = standings.attachments
    assert chart.filename == "quiz-1-results.png"
    assert standings.embeds[0].image.url == "attachment://quiz-1-results.png"
    await png_of(chart)
    alt = chart.description or ""
    assert alt.startswith("Quiz #1 results. Share right by question: Q1 ")
    # per question, in the order played: what the class did, as the test counted it
    played = [
        (
            sum(a[2] for p in class_quiz.players.values() for a in p.answers if a[0] == qid),
            sum(1 for p in class_quiz.players.values() for a in p.answers if a[0] == qid),
        )
        for qid in class_quiz.order
    ]
    assert panel(alt, "Share right by question") == played
    # ...and what the teacher's spreadsheet of that run says
    export = reply(await teacher.slash(channel, "results export"))
    questions = csv_rows(await export.attachments[1].read())
    assert [(int(r[5]), int(r[4])) for r in questions[1:]] == played
    # the score bands count every player once
    scores = alt.split("Scores: ", 1)[1]
    assert sum(int(n) for n in re.findall(r": (\d+)", scores)) == len(class_quiz.players)


async def test_the_export_carries_question_text_the_grid_and_each_timeline(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor, class_quiz: Played
) -> None:
    export = reply(await teacher.slash(channel, "results export"))
    assert "Four files" in export.content
    students, questions, grid, timeline = [csv_rows(await f.read()) for f in export.attachments]
    assert {r[1]: r[2] for r in questions[1:]} == TEXTS
    number = {r[1]: r[0] for r in students[1:]}
    assert sorted(number.values()) == ["1", "2", "3"]  # the server's numbers, no Discord id
    order = [q[1] for q in questions[1:]]
    assert grid[0][2:5] == [f"{order[0]} right", f"{order[0]} points", f"{order[0]} seconds"]
    for row in grid[1:]:
        player = class_quiz.players[row[1]]
        assert row[0] == number[row[1]]
        given = {a[0]: a for a in player.answers}
        for i, qid in enumerate(order):
            right, points, seconds = row[2 + 3 * i : 5 + 3 * i]
            if qid not in given:
                assert (right, points, seconds) == ("", "", "")  # boris's late click
                continue
            _, _, correct, got, ms = given[qid]
            assert (int(right), int(points)) == (int(correct), got)
            assert abs(float(seconds) - ms / 1000) < 0.11
    # the timeline: every answer, student by student, in the order given
    assert timeline[0][:3] == ["student no.", "student", "answered (UTC)"]
    for name, player in class_quiz.players.items():
        mine = [r for r in timeline[1:] if r[1] == name]
        assert [(r[5], r[6], r[8]) for r in mine] == [
            (a[0], TEXTS[a[0]], a[1]) for a in player.answers
        ]
        assert {r[0] for r in mine} == {number[name]}


async def test_stats_attach_the_students_own_chart(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    other_student: simcord.MemberActor,
    class_quiz: Played,
) -> None:
    seen = reply(await other_student.slash(channel, "stats"))
    assert seen.ephemeral
    (chart,) = seen.attachments
    await png_of(chart)
    assert seen.embeds[0].image.url == f"attachment://{chart.filename}"
    alt = chart.description or ""
    assert alt.startswith("boris: accuracy. Accuracy by topic: ")
    # the chart's bars are the embed's "By topic" figures (the same stored answers)
    by_topic = field_value(seen.embeds[0], "By topic").split("\n")
    from_embed = [tuple(int(n) for n in re.findall(r"(\d+)/(\d+)", line)[0]) for line in by_topic]
    assert panel(alt, "Accuracy by topic") == from_embed
    boris = class_quiz.players["boris"]
    assert panel(alt, "Accuracy by week") == [(boris.correct, len(boris.answers))]


async def test_results_chart_is_the_teachers_and_plots_the_stored_figures(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    class_quiz: Played,
) -> None:
    refused = reply(await student.slash(channel, "results chart"))
    assert refused.ephemeral and refused.content.startswith(
        "Only teachers can see the results chart."
    )
    assert not refused.attachments
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher]

    shown = reply(await teacher.slash(channel, "results chart"))
    assert shown.ephemeral
    (chart,) = shown.attachments
    await png_of(chart)
    alt = chart.description or ""
    assert alt.startswith("Results · the whole server. Accuracy by topic: ")
    export = reply(await teacher.slash(channel, "results export", since="2026-01-01"))
    questions = csv_rows(await export.attachments[1].read())[1:]
    topics: dict[str, list[int]] = {}
    for r in questions:
        topics.setdefault(r[3], [0, 0])
        topics[r[3]][0] += int(r[5])
        topics[r[3]][1] += int(r[4])
    by_count = sorted(topics.items(), key=lambda kv: (-kv[1][1], kv[0]))
    assert panel(alt, "Accuracy by topic") == [(c, n) for _, (c, n) in by_count]
    total = (sum(c for c, _ in topics.values()), sum(n for _, n in topics.values()))
    assert panel(alt, "Accuracy by week") == [total]
    missed = sorted(
        (r for r in questions if int(r[5]) < int(r[4])),
        key=lambda r: (int(r[5]) / int(r[4]), -int(r[4])),
    )
    assert panel(alt, "Most missed questions") == [(int(r[5]), int(r[4])) for r in missed]


async def seed_class(
    store: Store, guild_id: int, channel_id: int, names: dict[int, tuple[str, int]]
) -> None:
    """An earlier quiz in another channel: user id -> (name, points), one right answer each."""
    run = await store.start_run(guild_id, channel_id, "class-quiz", None)
    for user_id, (name, points) in names.items():
        await store.record_answer(
            AnswerRecord(
                run_id=run.run_id,
                guild_id=guild_id,
                user_id=user_id,
                user_name=name,
                question_id="kirov-city",
                topic="kirov",
                raw_answer="Leningrad",
                correct=points > 0,
                points=points,
                response_ms=2000,
                answered_at=as_datetime(sim_clock()),
            )
        )


async def test_two_classes_in_one_server_have_their_own_boards_and_reports(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    class_quiz: Played,
    store: Store,
) -> None:
    room_b = guild.create_text_channel("history-11b")
    refused = reply(await student.slash(channel, "class add", name="11A"))
    assert refused.content.startswith("Only teachers can name classes.")
    made = reply(await teacher.slash(channel, "class add", name="11A"))
    assert made.content.startswith(f"Quizzes in <#{channel.id}> now count for class **11A**.")
    reply(await teacher.slash(channel, "class add", name="11B", channel=room_b))
    bad = reply(await teacher.slash(channel, "class add", name="**bold**"))
    assert bad.content == BadClassName().args[0]
    await seed_class(store, guild.id, room_b.id, {501: ("dmitri", 700), 502: ("elena", 0)})

    # run in a class's channel, the board is that class's
    board_a = reply(await student.slash(channel, "leaderboard")).embeds[0]
    assert board_a.title == "Leaderboard · points · all time · class 11A"
    names_a = re.findall(r"— ", board_a.description or "")
    assert len(names_a) == 3 and "dmitri" not in (board_a.description or "")
    board_b = reply(await student.slash(room_b, "leaderboard")).embeds[0]
    assert board_b.title == "Leaderboard · points · all time · class 11B"
    assert (board_b.description or "").split("\n") == [
        "🥇 dmitri — 700 pts · 100% right",
        "🥈 elena — 0 pts · 0% right",
    ]
    named = reply(await student.slash(channel, "leaderboard", **{"class": "11B"})).embeds[0]
    assert named.description == board_b.description
    unknown = reply(await student.slash(channel, "leaderboard", **{"class": "12C"}))
    assert unknown.content == UnknownClass("12C").args[0]
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher, BadClassName, UnknownClass]

    # reports and charts by class
    export_b = reply(await teacher.slash(channel, "results export", **{"class": "11B"}))
    assert export_b.content.startswith("Every quiz answer in class 11B from the start to now")
    students_b = csv_rows(await export_b.attachments[0].read())
    assert [r[1] for r in students_b[1:]] == ["dmitri", "elena"]
    assert [r[0] for r in students_b[1:]] == ["4", "5"]  # numbered after the class quiz's three
    export_a = reply(await teacher.slash(channel, "results export", **{"class": "11A"}))
    assert sorted(r[1] for r in csv_rows(await export_a.attachments[0].read())[1:]) == [
        "anya",
        "boris",
        "clara",
    ]
    chart_b = reply(await teacher.slash(room_b, "results chart")).attachments[0]
    assert (chart_b.description or "").startswith("Results · class 11B. Accuracy by topic: kirov:")
    assert panel(chart_b.description or "", "Accuracy by topic") == [(1, 2)]
    listed = reply(await teacher.slash(channel, "class list"))
    assert listed.content.split("\n") == [f"**11A**: <#{channel.id}>", f"**11B**: <#{room_b.id}>"]
    gone = reply(await teacher.slash(channel, "class remove", name="11B"))
    assert gone.content.startswith("Class **11B** is gone; its answers stay")
    whole = reply(await student.slash(room_b, "leaderboard")).embeds[0]
    assert whole.title == "Leaderboard · points · all time"  # no class there any more
    assert "dmitri" in (whole.description or "") and "anya" in (whole.description or "")


async def test_a_new_term_and_a_top_n_board(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    class_quiz: Played,
) -> None:
    refused = reply(await student.slash(channel, "class board-top", places=1))
    assert refused.content.startswith("Only teachers can change what leaderboards show.")
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher]
    top = reply(await teacher.slash(channel, "class board-top", places=2))
    assert top.content == "Leaderboards now show the top 2 places only."
    board = reply(await student.slash(channel, "leaderboard"))
    lines = (board.embeds[0].description or "").split("\n")
    ranked = sorted(class_quiz.players.values(), key=lambda p: -p.points)
    assert [line.split(" — ")[0][2:] for line in lines] == [p.name for p in ranked[:2]]
    assert (board.embeds[0].footer.text or "").startswith("Top 2 shown")
    assert board.components == []  # no pager to the lower places
    reply(await teacher.slash(channel, "class board-top", places=0))

    refused = reply(await student.slash(channel, "term new", name="Spring"))
    assert refused.content.startswith("Only teachers can start a new term.")
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher, NotTeacher]
    await simcord_env.advance_time(60)
    started = reply(await teacher.slash(channel, "term new", name="Spring"))
    assert started.content.startswith("Term **Spring** starts now")
    terms = reply(await teacher.slash(channel, "term list"))
    assert re.fullmatch(r"\*\*Spring\*\* from 2026-01-01 00:\d\d UTC", terms.content)
    fresh = reply(await student.slash(channel, "leaderboard")).embeds[0]
    assert fresh.title == "Leaderboard · points · this term"
    assert fresh.description == "Nobody yet: play a `/quiz start` first."
    # nothing was deleted: a report over dates still has every answer
    export = reply(await teacher.slash(channel, "results export", since="2026-01-01"))
    students = csv_rows(await export.attachments[0].read())
    assert len(students) == 1 + len(class_quiz.players)
    empty = reply(await teacher.slash(channel, "results chart"))
    assert empty.content.startswith("No quiz answers yet for the whole server · this term (Spring")
    assert CLASS_BANK  # the quiz the class played


async def test_class_names_are_offered_as_they_are_typed_wherever_a_class_is_asked_for(
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
) -> None:
    room_b = guild.create_text_channel("history-11b")
    reply(await teacher.slash(channel, "class add", name="11A"))
    reply(await teacher.slash(channel, "class add", name="11B", channel=room_b))
    removing = await teacher.autocomplete(channel, "class remove", "name", "b")
    assert [c["value"] for c in removing] == ["11B"]
    for command in ("leaderboard", "results export", "results chart"):
        offered = await teacher.autocomplete(channel, command, "class", "11")
        assert [c["value"] for c in offered] == ["11A", "11B"], command
