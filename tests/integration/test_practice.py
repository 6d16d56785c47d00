"""Practice edge cases, and a live quiz's wrong answer coming back in review."""

from __future__ import annotations

import simcord
from privatekit import WRONG, answer, read_private
from quizkit import CLASS_BANK, MORE_TYPES_BANK, OPTION_LINE, current_question
from simkit import reply, text_of

from purgebot.storage import Store

DAY = 86_400.0
HEADS = ["Genrikh Yagoda", "Nikolai Yezhov", "Lavrentiy Beria"]


async def test_a_late_practice_answer_counts_as_none_and_comes_back_in_review(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    started = reply(
        await student.slash(channel, "practice", bank="class-quiz", topic="trials", count=1)
    )
    shown = read_private(started)
    assert shown.question_id == "trials-public"
    await simcord_env.advance_time(25)  # past the question's 20 s
    late = reply(await answer(student, shown, True))
    assert "⏰ Time was up: no answer counted." in text_of(late)
    assert "Done: 0 of 1 question right." in text_of(late)
    [item] = await store.review_boxes(channel.guild.id, student.id)
    assert item.question_id == "trials-public"  # no answer in time comes back too


async def test_a_live_quiz_wrong_answer_comes_back_in_review_the_next_day(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", topic="trials")
    await simcord_env.advance_time(2)
    question = current_question(channel)
    await student.click(question.message, label=WRONG["trials-public"])
    await simcord_env.advance_time(30)  # the question closes and the quiz ends
    await simcord_env.advance_time(DAY)
    served = read_private(reply(await student.slash(channel, "review")))
    assert (served.question_id, served.total) == ("trials-public", 1)
    # the teacher's export of "the latest run" is still the live quiz, not the review
    export = reply(await teacher.slash(channel, "results export"))
    assert export.attachments[0].filename == "run-1-students.csv"


async def test_the_server_time_zone_is_the_one_due_times_are_read_in(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    zoned = reply(await teacher.slash(channel, "homework timezone", name="America/New_York"))
    assert zoned.content == "Due times are now read in America/New_York."
    set_ = reply(
        await teacher.slash(channel, "homework set", bank="class-quiz", due="2026-01-03 17:00")
    )
    assert "<t:1767477600:F>" in set_.content  # 17:00 in New York is 22:00 UTC


async def test_order_and_several_right_options_in_private_with_a_refused_typing(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=("more.yaml", MORE_TYPES_BANK.encode()))
    message = reply(await student.slash(channel, "practice", bank="nkvd-more"))
    for number in (1, 2):
        embed = message.embeds[0]
        assert embed.title == f"Practice · question {number} of 2"
        lines = (embed.description or "").split("\n")
        letters = {m.group(2): m.group(1) for line in lines if (m := OPTION_LINE.match(line))}
        await simcord_env.advance_time(2)
        if lines[0] == "Put the NKVD heads in order.":
            order = " ".join(letters[h] for h in HEADS)
            opened = await student.click(message, label="Answer")
            short = reply(await student.submit_modal(opened, {"answer": order.split()[0]}))
            assert short.content.startswith("Put all 3 items in order")  # nothing locked
            opened = await student.click(message, label="Answer")
            feedback = reply(await student.submit_modal(opened, {"answer": order.lower()}))
        else:
            picks = [str(ord(letters[h]) - ord("A")) for h in HEADS[:2]]
            feedback = reply(await student.select(message, picks))
        assert "✅ Right!" in text_of(feedback)
        if number == 1:
            message = reply(await student.click(feedback, label="Next question"))
    assert "Done: 2 of 2 questions right." in text_of(feedback)


async def test_a_new_practice_replaces_the_unfinished_one_whose_buttons_then_refuse(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    old = read_private(reply(await student.slash(channel, "practice", bank="class-quiz")))
    await simcord_env.advance_time(2)
    first = reply(await answer(student, old, True))  # loaded and kept in memory
    await student.slash(channel, "practice", bank="class-quiz", topic="trials")
    stale = reply(await student.click(first, label="Next question"))
    assert stale.content == "This quiz is over: no more answers are taken."
