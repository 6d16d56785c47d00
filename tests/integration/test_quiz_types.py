"""Order and several-right-answer questions through Discord, typed text that tries to ping or
restyle, and a modal submitted after its question closed."""

from __future__ import annotations

import simcord
from quizkit import (
    MORE_TYPES_BANK,
    Shown,
    bar_line,
    current_question,
    field_value,
    question_messages,
)
from simkit import reply

from purgebot.storage import Store

ORDER_PROMPT = "Put the NKVD heads in order."
HEADS = ["Genrikh Yagoda", "Nikolai Yezhov", "Lavrentiy Beria"]


def position(shown: Shown, text: str) -> str:
    """The select value of an option: its place in the list shown (A is 0)."""
    return str(ord(shown.letter(text)) - ord("A"))


async def type_answer(
    member: simcord.MemberActor, shown: Shown, text: str
) -> simcord.ResponseMessage:
    opened = await member.click(shown.message, label="Answer")
    assert opened.modal is not None
    return reply(await member.submit_modal(opened, {"answer": text}))


async def test_order_and_multi_answer_questions(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    store: Store,
) -> None:
    await teacher.slash(channel, "bank upload", file=("more.yaml", MORE_TYPES_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="nkvd-more", scoring="accuracy")
    for number in (1, 2):
        shown = current_question(channel)
        assert shown.number == number
        await simcord_env.advance_time(2)
        if shown.prompt == ORDER_PROMPT:
            right = " ".join(shown.letter(h) for h in HEADS)
            wrong = " ".join(shown.letter(h) for h in reversed(HEADS))
            short = await type_answer(student, shown, right.split()[0])  # one letter only
            # refused with the reason, nothing locked
            assert short.ephemeral and short.content.startswith("Put all 3 items in order")
            assert (await type_answer(student, shown, right.lower())).content.startswith(
                f"🔒 Locked in: “{right.lower()}”"
            )
            assert (await type_answer(other_student, shown, wrong)).content.startswith("🔒")
        else:
            picks = [position(shown, "Genrikh Yagoda"), position(shown, "Nikolai Yezhov")]
            locked = reply(await student.select(shown.message, picks))
            assert locked.content.startswith("🔒 Locked in: **")
            one = reply(await other_student.select(shown.message, picks[:1]))
            assert one.content.startswith("🔒")
        if number == 1:  # nobody had joined before the first question: it runs its full time
            await simcord_env.advance_time(30)
        await simcord_env.advance_time(5)

    by_prompt = {m.embeds[0].description.split("\n")[0]: m for m in question_messages(channel)}  # type: ignore[union-attr]
    order = by_prompt[ORDER_PROMPT].embeds[0]
    assert "**Answer:** Genrikh Yagoda → Nikolai Yezhov → Lavrentiy Beria" in (
        order.description or ""
    )
    lines = field_value(order, "How the class answered").split("\n")
    assert len(lines) == 2 and lines[0].endswith(" ✅") and not lines[1].endswith(" ✅")
    multi = by_prompt["Which of these men headed the NKVD?"].embeds[0]
    assert "**Answer:** Genrikh Yagoda; Nikolai Yezhov" in (multi.description or "")
    spread = field_value(multi, "How the class answered (2 answered, 1 right)").split("\n")
    counts = {"Genrikh Yagoda": 2, "Nikolai Yezhov": 1, "Sergei Kirov": 0, "Nikolai Bukharin": 0}
    for line in spread:
        text = line.split(" · ", 1)[1].removesuffix(" ✅")
        right = text in ("Genrikh Yagoda", "Nikolai Yezhov")
        assert line.endswith(bar_line(counts[text], 2, text, right)), line
    final = channel.history()[-1].embeds[0]
    assert (final.description or "").split("\n") == [
        "**1.** anya — 2 points (2/2 right)",
        "**2.** boris — 0 points (0/2 right)",
    ]
    assert (await store.student_stats(guild.id, student.id)).correct == 2


async def test_typed_text_is_shown_as_typed_and_pings_no_one(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
) -> None:
    await student.slash(channel, "quiz start", bank="kirov", count=3, seconds=10)
    while True:
        shown = current_question(channel)
        if shown.prompt == "What was the surname of the man who shot Kirov?":
            break
        await simcord_env.advance_time(10 + 5)
    locked = await type_answer(student, shown, "@everyone **Nikolaev**")
    assert locked.content.startswith("🔒 Locked in: “@everyone \\*\\*Nikolaev\\*\\*”")
    await simcord_env.advance_time(10)
    revealed = question_messages(channel)[shown.number - 1]
    assert "“@everyone \\*\\*Nikolaev\\*\\*”" in field_value(revealed.embeds[0], "How the class")
    edits = [r for r in simcord_env.http_requests if r.method == "PATCH" and r.json]
    assert edits and all(r.json["allowed_mentions"] == {"parse": []} for r in edits)
    assert not revealed.mention_everyone


async def test_a_modal_sent_after_its_question_closed_is_refused(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    store: Store,
) -> None:
    await student.slash(channel, "quiz start", bank="kirov", count=3, seconds=10)
    while True:
        shown = current_question(channel)
        if shown.prompt == "What was the surname of the man who shot Kirov?":
            break
        await simcord_env.advance_time(10 + 5)
    opened = await other_student.click(shown.message, label="Answer")
    await simcord_env.advance_time(10)  # the question closes while boris is still typing
    closed = reply(await other_student.submit_modal(opened, {"answer": "Nikolaev"}))
    assert closed.ephemeral
    assert closed.content in (
        "This question is closed: wait for the next one.",
        "This quiz is over: no more answers are taken.",  # when it was the last question
    )
    assert (await store.student_stats(guild.id, other_student.id)).answered == 0


async def test_a_modal_submitted_long_after_it_opened_still_gets_a_reply(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
) -> None:
    """A student who leaves the Answer box open past the quiz's end is told it is over, not
    shown Discord's "This interaction failed"."""
    await student.slash(channel, "quiz start", bank="kirov", count=3, seconds=10)
    while True:
        shown = current_question(channel)
        if shown.prompt == "What was the surname of the man who shot Kirov?":
            break
        await simcord_env.advance_time(10 + 5)
    opened = await other_student.click(shown.message, label="Answer")
    await simcord_env.advance_time(60)  # a minute of typing: the quiz has moved on or ended
    late = reply(await other_student.submit_modal(opened, {"answer": "Nikolaev"}))
    assert late.ephemeral
    assert late.content in (
        "This question is closed: wait for the next one.",
        "This question is closed: answer the newest one.",
        "That question is closed: answer the newest one.",
        "This quiz is over: no more answers are taken.",
    )
