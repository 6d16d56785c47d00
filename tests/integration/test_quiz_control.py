"""Who may stop or skip a quiz, what /quiz status says, and a channel the bot cannot post in."""

from __future__ import annotations

import discord
import simcord
from quizkit import CLASS_BANK, channel_calls, current_question, field_value, question_messages
from simkit import reply, text_of

from purgebot.bot.errors import unwrap
from purgebot.bot.quiz.cog import BotCannotPost, NotYourQuiz
from purgebot.quiz import NoSession
from purgebot.storage import RunStatus, Store


async def start_class_quiz(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor, starter: simcord.MemberActor
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    started = reply(await starter.slash(channel, "quiz start", bank="class-quiz", seconds=20))
    assert started.content.startswith("Started **Kirov and the NKVD**")


async def press_right_answer(member: simcord.MemberActor, channel: simcord.ChannelHandle) -> str:
    """Answer the open question correctly, whatever it is; returns its prompt."""
    shown = current_question(channel)
    rights = {
        "Kirov was the Communist Party leader of which city?": ("click", "Leningrad"),
        "The Moscow show trials were held in public.": ("click", "True"),
        "What was the surname of the man who shot Kirov?": ("type", "Nikolaev"),
        "In what year was Kirov murdered?": ("type", "1934"),
    }
    how, value = rights[shown.prompt]
    if how == "type":
        opened = await member.click(shown.message, label="Answer")
        done = await member.submit_modal(opened, {"answer": value})
    else:
        label = value if value in ("True", "False") else shown.letter(value)
        done = await member.click(shown.message, label=label)
    assert reply(done).content.startswith("🔒 Locked in:")
    return shown.prompt


async def test_only_the_starter_or_a_teacher_may_skip_or_stop(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    store: Store,
) -> None:
    await start_class_quiz(channel, teacher, student)  # anya starts it herself

    refused = reply(await other_student.slash(channel, "quiz stop"))
    assert refused.ephemeral
    assert refused.content == "Only the person who started this quiz, or a teacher, can stop it."
    refused = reply(await other_student.slash(channel, "quiz skip"))
    assert refused.content == (
        "Only the person who started this quiz, or a teacher, can skip a question of it."
    )
    assert current_question(channel).number == 1
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotYourQuiz, NotYourQuiz]

    # the starter skips: the question closes at once, its answer shown, answers given counting
    await simcord_env.advance_time(3)
    await press_right_answer(other_student, channel)
    skipped = reply(await student.slash(channel, "quiz skip"))
    assert skipped.content.startswith("Closing this question now")
    first = question_messages(channel)[0].embeds[0]
    assert first.title == "Question 1 of 4 · answer"
    assert (first.footer.text or "") == "Closed early. anya skipped ahead."
    assert field_value(first, "Top five") == "**1.** boris — 925 pts (1/1 right)"
    await simcord_env.advance_time(5)
    assert current_question(channel).number == 2

    # status, for anyone, privately
    status = reply(await other_student.slash(channel, "quiz status"))
    assert status.ephemeral
    shown = text_of(status)
    assert "Question 2 of 4 (open), 0 of 1 answered, ends <t:" in shown  # boris is expected
    assert "**1.** boris — 925 pts" in shown

    # a teacher stops it: the open question is scored and shown, then the final standings
    await simcord_env.advance_time(2)
    await press_right_answer(student, channel)  # boris has not answered: it stays open
    stopped = reply(await teacher.slash(channel, "quiz stop"))
    assert stopped.content.startswith("Stopped after 2 questions;")
    second = question_messages(channel)[1].embeds[0]
    assert second.title == "Question 2 of 4 · answer"
    assert (second.footer.text or "") == "Closed early. ms_ivanova stopped the quiz."
    final = channel.history()[-1].embeds[0]
    assert final.title == "Final standings · Kirov and the NKVD"
    assert (final.description or "").split("\n") == [
        "Stopped by ms\\_ivanova.",  # escaped like every name: Discord shows ms_ivanova
        "",
        "**1.** anya — 950 pts (1/1 right)",
        "**2.** boris — 925 pts (1/2 right)",
    ]
    assert field_value(final, "Quiz") == "2 questions played (ended early)"
    [run] = await store.list_runs(guild.id)
    assert (run.status, run.end_reason) == (RunStatus.STOPPED, "stopped by ms_ivanova")
    assert (await store.student_stats(guild.id, student.id)).points == 950
    assert (await store.student_stats(guild.id, other_student.id)).points == 925

    gone = reply(await teacher.slash(channel, "quiz status"))
    assert gone.content == "There is no quiz running in this channel."
    # nothing moves any more: time passing posts nothing
    calls = len(channel_calls(simcord_env, channel))
    await simcord_env.advance_time(120)
    assert len(channel_calls(simcord_env, channel)) == calls
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotYourQuiz, NotYourQuiz, NoSession]


async def test_a_quiz_is_refused_where_the_bot_cannot_post_embeds(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    me = guild.me
    assert me is not None
    quiet = guild.create_text_channel(
        "quiet", overwrites={me: discord.PermissionOverwrite(embed_links=False)}
    )
    refused = reply(await teacher.slash(quiet, "quiz start", bank="kirov"))
    assert refused.ephemeral
    assert refused.content.startswith(
        "I can't run a quiz here: I need the Embed Links permission in this channel."
    )
    assert quiet.history() == []
    assert await store.list_runs(guild.id) == []
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BotCannotPost]


async def test_a_skip_says_what_it_does_in_the_pause_and_on_the_last_question(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
) -> None:
    await student.slash(channel, "quiz start", bank="kirov", count=2, seconds=10)
    await simcord_env.advance_time(10)  # question 1 is revealed; the pause before question 2
    assert question_messages(channel)[0].embeds[0].title == "Question 1 of 2 · answer"
    moved = reply(await student.slash(channel, "quiz skip"))
    assert moved.content == "Moving on: the next question is posted now."
    assert current_question(channel).number == 2
    last = reply(await student.slash(channel, "quiz skip"))
    assert last.content == (
        "Closing this question now: its answer is shown, answers already given count, and "
        "the final standings follow."
    )
    assert question_messages(channel)[1].embeds[0].title == "Question 2 of 2 · answer"
    assert channel.history()[-1].embeds[0].title == "Final standings · The murder of Kirov"


async def test_the_name_of_who_stopped_the_quiz_is_shown_as_written(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    staff = guild.create_role("Teachers")
    await teacher.slash(channel, "teacher role", role=staff)
    petrov = guild.add_member(
        simcord_env.create_user("petrov"), roles=[staff], nick="**Mr** _Petrov_"
    )
    await student.slash(channel, "quiz start", bank="kirov", count=2, seconds=10)
    stopped = reply(await petrov.slash(channel, "quiz stop"))
    assert stopped.content.startswith("Stopped after 1 question;")
    final = channel.history()[-1].embeds[0]
    assert (final.description or "").startswith("Stopped by \\*\\*Mr\\*\\* \\_Petrov\\_.")
