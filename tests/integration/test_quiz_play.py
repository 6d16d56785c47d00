"""Three students play a timed quiz through Discord as a class would, and see what they did.

The expected points are worked out here from the rules students are told (speed points, streak
bonus, extra time on their own timer), not read back from the engine.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import discord
import simcord
from quizkit import (  # noqa: F401 - the fixtures register by name
    CLASS_BANK,
    EXTRA,
    KEY,
    Played,
    bar_line,
    channel_calls,
    clara_fixture,
    class_quiz_fixture,
    current_question,
    field_value,
    play_class_quiz,
)
from simkit import reply

from purgebot.bot.errors import unwrap
from purgebot.catalog import UnknownBank
from purgebot.quiz import NoQuestions, QuizError
from purgebot.storage import RunStatus, Store

CORRECT_TEXT = {
    "kirov-city": "Leningrad",
    "trials-public": "True",
    "kirov-assassin": "Nikolaev",
    "kirov-year": "1934",
}


def standing_lines(played: Played) -> list[str]:
    return [
        f"**{rank}.** {p.name} — {p.points:,} pts ({p.correct}/{p.asked} right)"
        for rank, p in played.ranking()
    ]


async def test_each_reveal_shows_the_answer_and_how_the_class_answered(
    simcord_env: simcord.Env, channel: simcord.ChannelHandle, class_quiz: Played
) -> None:
    played = class_quiz
    assert sorted(played.order) == sorted(KEY)
    for number, (qid, message) in enumerate(zip(played.order, played.reveals, strict=True), 1):
        embed = message.embeds[0]
        assert embed.title == f"Question {number} of 4 · answer"
        assert f"**Answer:** {CORRECT_TEXT[qid]}" in (embed.description or "")
        chosen = played.chosen.get(qid, {})
        answered = sum(chosen.values())
        right = sum(n for value, n in chosen.items() if value in KEY[qid])
        heading = [f.name for f in embed.fields if (f.name or "").startswith("How the class")]
        expected_count = f"{answered} answered"
        if number > 1 and answered < 3:
            expected_count = f"{answered} of 3 answered"
        assert heading == [f"How the class answered ({expected_count}, {right} right)"]
        spread = field_value(embed, "How the class").split("\n")
        if qid == "kirov-city":
            assert (
                field_value(embed, "Why") == "Kirov ran the Leningrad party organisation from 1926."
            )
            assert field_value(embed, "Source") == (
                "[Class notes: the Great Terror](https://example.org/notes)\n"
                "> Kirov, the popular Leningrad party boss"
            )
            # one bar per option, in the order shown, the right one marked
            shown_options = [line.split(" · ", 1)[1].removesuffix(" ✅") for line in spread]
            assert sorted(shown_options) == ["Kiev", "Leningrad", "Moscow", "Tbilisi"]
            for line in spread:
                text = line.split(" · ", 1)[1].removesuffix(" ✅")
                assert line.endswith(
                    bar_line(chosen.get(text, 0), answered, text, text == "Leningrad")
                ), line
        elif qid == "trials-public":
            assert spread == [
                # the buttons said True and False: no letters the class never saw
                bar_line(2, 2, "True", True),
                bar_line(0, 2, "False", False),
            ]
        elif qid == "kirov-assassin":  # typed answers as typed, in the order first given
            assert spread == [
                bar_line(1, 3, "“nikolayev”", True),
                bar_line(1, 3, "“Nikolaev”", True),
                bar_line(1, 3, "“Yezhov”", False),
            ]
        else:
            assert spread == [
                bar_line(2, 3, "“1934”", True),
                bar_line(1, 3, "“1935”", False),
            ]
        # the buttons are disabled; for options the right one is green
        buttons = [c for row in message.components for c in row.children]  # type: ignore[attr-defined]
        assert buttons and all(b.disabled for b in buttons)
        if qid == "trials-public":
            assert [b.style for b in buttons] == [
                discord.ButtonStyle.success,
                discord.ButtonStyle.secondary,
            ]
    # a question whose expected players all answered closed at once; the first never does
    assert played.closed_early[0] is False
    first_ids = played.order
    for qid, early in zip(first_ids[1:], played.closed_early[1:], strict=True):
        assert early is (qid != "trials-public"), qid  # boris's late click left one missing


async def test_the_top_five_and_final_standings_are_what_they_answered(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    class_quiz: Played,
    store: Store,
) -> None:
    played = class_quiz
    last_reveal = played.reveals[-1].embeds[0]
    assert field_value(last_reveal, "Top five").split("\n") == standing_lines(played)
    final = played.standings_message
    assert final is not None
    embed = final.embeds[0]
    assert embed.title == "Final standings · Kirov and the NKVD"
    assert (embed.description or "").split("\n") == standing_lines(played)
    assert field_value(embed, "Quiz") == "4 questions played"
    # anya is right every time, whatever the order: 950 + 975 + 875 + 925 for answering after
    # 2, 1, 5 and 3 seconds of 20, and +100, +200, +300 for her streak
    assert standing_lines(played)[0] == "**1.** anya — 4,325 pts (4/4 right)"
    [run] = await store.list_runs(guild.id)
    assert run.status is RunStatus.FINISHED and run.end_reason == "finished"


async def test_every_attempt_taken_is_stored_as_scored(
    simcord_env: simcord.Env,
    class_quiz: Played,
    store: Store,
    guild: simcord.GuildHandle,
    db_path: Path,
) -> None:
    played = class_quiz
    [run] = await store.list_runs(guild.id)
    report = await store.run_report(guild.id, run.run_id)
    by_name = {row.user_name: row for row in report.students}
    for name, p in played.players.items():
        row = by_name[name]
        assert (row.answered, row.correct, row.points) == (len(p.answers), p.correct, p.points)
    # each row as stored: what was pressed or typed, right or not, points, time taken
    await store.flush()
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            """SELECT user_name, question_id, raw_answer, correct, points, response_ms
               FROM answers ORDER BY answer_id"""
        ).fetchall()
    expected = [
        (name, qid, raw, int(right), points, ms)
        for name, p in played.players.items()
        for qid, raw, right, points, ms in p.answers
    ]
    assert sorted(rows) == sorted(expected)


async def test_two_rest_calls_per_question_in_the_channel(
    simcord_env: simcord.Env, channel: simcord.ChannelHandle, class_quiz: Played
) -> None:
    calls = channel_calls(simcord_env, channel)
    posts = [c for c in calls if c.startswith("POST")]
    edits = [c for c in calls if c.startswith("PATCH")]
    assert len(posts) == 4 + 1  # one per question, and the final standings
    assert len(edits) == 4  # one reveal edit per question
    for message in class_quiz.reveals:  # each reveal edited the question's own message
        assert f"PATCH /channels/{channel.id}/messages/{message.id}" in edits
    assert len(calls) <= 2 * 4 + 1


async def test_a_quiz_needs_its_bank_and_one_at_a_time(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    unknown = reply(await student.slash(channel, "quiz start", bank="no-such-bank"))
    assert unknown.ephemeral and "There is no bank `no-such-bank`" in unknown.content
    assert channel.history() == []

    reply(await student.slash(channel, "quiz start", bank="kirov"))
    again = reply(await teacher.slash(channel, "quiz start", bank="kirov"))
    assert again.content == "A quiz is already running in this channel: stop it first."
    assert len([m for m in channel.history() if m.embeds]) == 1
    assert current_question(channel).number == 1
    nothing = reply(await student.slash(channel, "quiz start", bank="kirov", topic="no-topic"))
    assert nothing.content == "A quiz is already running in this channel: stop it first."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [UnknownBank, QuizError, QuizError]


async def test_filters_that_match_nothing_are_explained(
    simcord_env: simcord.Env, channel: simcord.ChannelHandle, student: simcord.MemberActor
) -> None:
    nothing = reply(await student.slash(channel, "quiz start", bank="kirov", topic="trials"))
    assert nothing.ephemeral
    assert (
        nothing.content == "No question in “The murder of Kirov” has topic “trials”. Topics: kirov."
    )
    assert channel.history() == []
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NoQuestions]
    # the channel is free again: a quiz that matches starts
    assert reply(
        await student.slash(channel, "quiz start", bank="kirov", count=1)
    ).content.startswith("Started **The murder of Kirov**: 1 question,")


async def test_quiz_start_offers_banks_and_the_chosen_banks_topics(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    banks = await student.autocomplete(channel, "quiz start", "bank", "kir")
    assert [c["value"] for c in banks] == ["kirov", "class-quiz"]  # id first, then title match
    topics = await student.autocomplete(channel, "quiz start", "topic", "", bank="class-quiz")
    assert topics == [
        {"name": "kirov (3 questions)", "value": "kirov"},
        {"name": "trials (1 question)", "value": "trials"},
    ]
    assert await student.autocomplete(channel, "quiz start", "topic", "tri", bank="class-quiz") == [
        {"name": "trials (1 question)", "value": "trials"}
    ]
    started = reply(
        await student.slash(
            channel, "quiz start", bank="class-quiz", topic="trials", scoring="accuracy"
        )
    )
    assert started.content.startswith(
        "Started **Kirov and the NKVD**: 1 question, each with its own time, accuracy scoring"
    )
    assert current_question(channel).prompt == "The Moscow show trials were held in public."
