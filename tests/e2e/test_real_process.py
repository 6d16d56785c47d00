"""`purgebot run` as a real process, against a fake Discord over loopback sockets, driven as a
class would: a teacher starts a quiz, students press buttons and type answers, the process is
stopped with SIGTERM and started again on the same database.

Nothing here sleeps: every wait is for an event (a request the bot made, a line it logged, its
exit), bounded by a timeout.
"""

from __future__ import annotations

import asyncio
import re
import time

from botprocess import BotProcess, StartBot
from classroom import (
    LOCKED,
    answer,
    bank_questions,
    bank_title,
    embed,
    ephemeral,
    field,
    prompt_of,
    question,
    reply_text,
    title,
    titled_like,
)
from fakediscord import TOKEN, FakeDiscord, Fault
from payloads import custom_ids

READY = r"purgebot\.bot:? +ready as purgebot in 1 servers"  # with or without colours
SHUTDOWN_BUDGET = 10.0 + 5.0  # bot/quiz/manager.py SHUTDOWN_SECONDS, plus closing the connection
TITLE = bank_title()  # read from questions/kirov.yaml, as are the right answers


def problems(bot: BotProcess) -> list[str]:
    """Log lines that mean something went wrong in the bot."""
    return bot.matching(r"\b(ERROR|CRITICAL)\b|Traceback")


async def started(fake: FakeDiscord, start_bot: StartBot) -> BotProcess:
    bot = await start_bot()
    await bot.wait_for_line(READY, within=20)
    await fake.wait_until(lambda: fake.connected and fake.commands, "login and command sync")
    return bot


async def test_the_bot_logs_in_and_syncs_its_commands(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await started(fake, start_bot)
    assert fake.requests[:3] == [
        "GET /users/@me",
        "GET /oauth2/applications/@me",
        f"PUT /applications/{fake.app_id}/commands",
    ]
    names = sorted(c["name"] for c in fake.commands)
    assert {"quiz", "bank", "leaderboard", "results", "stats"} <= set(names), names
    quiz = next(c for c in fake.commands if c["name"] == "quiz")
    assert sorted(o["name"] for o in quiz["options"]) == ["skip", "start", "status", "stop"]
    assert bot.matching(rf"synced {len(names)} slash commands globally")
    assert TOKEN not in bot.output
    assert fake.heartbeats >= 1  # discord.py sends one at HELLO; the fake acknowledged it
    assert problems(bot) == [] and fake.unknown == []


async def test_a_class_plays_a_quiz_through_the_real_process(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    teacher = fake.add_member("ms-petrova", teacher=True)
    anya, boris = fake.add_member("anya"), fake.add_member("boris")
    bot = await started(fake, start_bot)
    known = bank_questions()

    start = await fake.reply(
        await fake.slash(teacher, "quiz start", bank="kirov", count=2, seconds=5)
    )
    assert ephemeral(start)
    assert reply_text(start).startswith(f"Started **{TITLE}**: 2 questions, 5 s each")

    seen_prompts = []
    for number in (1, 2):
        posted = await question(fake, number, 2)
        prompt = prompt_of(posted)
        seen_prompts.append(prompt)
        assert prompt in known, prompt
        assert field(posted, "Time").startswith("5 s · ends <t:")
        right = await answer(fake, anya, posted, known[prompt], right=True)
        wrong = await answer(fake, boris, posted, known[prompt], right=False)
        for reply in (right, wrong):
            assert ephemeral(reply) and reply_text(reply).startswith(LOCKED), reply_text(reply)
        # the same message is edited into the reveal when the question closes
        revealed = await fake.wait_until(
            lambda posted=posted, number=number: (
                title(posted) == f"Question {number} of 2 · answer" and posted
            ),
            f"the reveal of question {number}",
        )
        shown = embed(revealed)["description"]
        assert shown.startswith(prompt) and f"**Answer:** {known[prompt].shown}" in shown
        heading = [f["name"] for f in embed(revealed)["fields"] if "How the class" in f["name"]]
        assert heading == ["How the class answered (2 answered, 1 right)"]
        buttons = [c for row in revealed["components"] for c in row["components"]]
        assert buttons and all(b.get("disabled") for b in buttons)
        top = field(revealed, "Top five").split("\n")
        assert re.fullmatch(rf"\*\*1\.\*\* anya — [\d,]+ pts \({number}/{number} right\)", top[0])
        assert re.fullmatch(rf"\*\*2\.\*\* boris — 0 pts \(0/{number} right\)", top[1])
    assert len(set(seen_prompts)) == 2

    final = await fake.wait_until(
        lambda: titled_like(fake, "Final standings"), "the final standings"
    )
    assert title(final) == f"Final standings · {TITLE}"
    lines = embed(final)["description"].split("\n")
    assert len(lines) == 2
    assert re.fullmatch(r"\*\*1\.\*\* anya — [\d,]+ pts \(2/2 right\)", lines[0]), lines
    assert lines[1] == "**2.** boris — 0 pts (0/2 right)"
    assert field(final, "Quiz") == "2 questions played"
    # names of students are in these messages: none of them may ping anyone
    assert all(m["_allowed_mentions"] == {"parse": []} for m in fake.channel_messages())
    # every interaction acknowledged within Discord's 3 s, else the user sees "interaction failed"
    acks = {i.id: i.ack_seconds for i in fake.interactions.values()}
    assert all(a is not None and a < 3.0 for a in acks.values()), acks
    assert problems(bot) == [] and fake.unknown == []


async def test_sigterm_mid_quiz_ends_it_with_a_notice_and_a_restart_is_clean(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    teacher = fake.add_member("ms-petrova", teacher=True)
    anya = fake.add_member("anya")
    bot = await started(fake, start_bot)
    known = bank_questions()
    start = await fake.reply(
        await fake.slash(teacher, "quiz start", bank="kirov", count=2, seconds=120)
    )
    assert reply_text(start).startswith(f"Started **{TITLE}**"), reply_text(start)
    posted = await question(fake, 1, 2)
    locked = await answer(fake, anya, posted, known[prompt_of(posted)], right=True)
    assert reply_text(locked).startswith(LOCKED)

    code = await bot.terminate(within=SHUTDOWN_BUDGET)
    assert code == 0, bot.output
    assert bot.matching(r"stopping: closing the connection and the database")
    # the open question was revealed and the class told why the quiz ended
    assert title(posted) == "Question 1 of 2 · answer"
    assert "The quiz bot is shutting down." in embed(posted)["footer"]["text"]
    final = titled_like(fake, "Final standings")
    assert final is not None, [title(m) for m in fake.channel_messages()]
    text = embed(final)["description"]
    assert text.startswith(
        "The quiz bot is shutting down, so this quiz has ended here. Every answer given so far "
        "is kept."
    )
    assert re.search(r"\*\*1\.\*\* anya — [\d,]+ pts \(1/1 right\)", text), text
    assert field(final, "Quiz") == "1 question played (ended early)"
    assert problems(bot) == [] and fake.unknown == []

    # a new process on the same database: nothing left running, nothing to tell, no re-sync
    posts_before = len(fake.channel_messages())
    again = await started(fake, start_bot)
    assert fake.identified == 2 and fake.command_puts == 1
    assert again.matching(r"slash commands unchanged since the last sync; not syncing")
    assert not again.matching(r"quiz runs left running")
    assert len(fake.channel_messages()) == posts_before  # no "the bot restarted" notice
    restarted = await fake.reply(
        await fake.slash(teacher, "quiz start", bank="kirov", count=1, seconds=60)
    )
    assert reply_text(restarted).startswith(f"Started **{TITLE}**: 1 question")
    assert "(run #2)" in reply_text(restarted)
    await question(fake, 1, 1)
    assert problems(again) == [] and fake.unknown == []


async def test_a_crash_mid_quiz_is_told_in_the_channel_after_the_restart(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    teacher = fake.add_member("ms-petrova", teacher=True)
    anya = fake.add_member("anya")
    bot = await started(fake, start_bot)
    known = bank_questions()
    await fake.reply(await fake.slash(teacher, "quiz start", bank="kirov", count=2, seconds=120))
    posted = await question(fake, 1, 2)
    kept = await answer(fake, anya, posted, known[prompt_of(posted)], right=True)
    assert reply_text(kept).startswith(LOCKED)
    assert await bot.crash() == -9

    again = await started(fake, start_bot)
    assert again.matching(r"ended 1 quiz runs? left running by the previous process")
    notice = await fake.wait_until(
        lambda: [m for m in fake.channel_messages() if "restarted" in m["content"]],
        "the restart notice",
    )
    assert notice[0]["content"].startswith(
        "The quiz bot restarted while a quiz was running here, so that quiz has ended."
    )
    assert len(notice) == 1  # told once, though both on_ready and on_guild_available ask
    # the interrupted question's buttons are greyed out at the restart; a click that was
    # already on its way is turned away
    await fake.wait_until(
        lambda: all(
            part.get("disabled")
            for row in posted["components"]
            for part in row.get("components") or [row]
            if part.get("type") == 2
        ),
        "the interrupted question's buttons to grey out",
    )
    first_button = next(iter(custom_ids(posted["components"]).values()))
    late = await fake.reply(await fake.click(anya, posted, first_button))
    assert ephemeral(late)
    assert reply_text(late) == "This quiz is over: no more answers are taken."
    assert problems(again) == [] and fake.unknown == []


async def test_a_quiz_carries_on_when_the_gateway_connection_drops(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    teacher = fake.add_member("ms-petrova", teacher=True)
    anya, boris = fake.add_member("anya"), fake.add_member("boris")
    bot = await started(fake, start_bot)
    known = bank_questions()
    await fake.reply(await fake.slash(teacher, "quiz start", bank="kirov", count=1, seconds=5))
    posted = await question(fake, 1, 1)
    await fake.drop_connection(4000)
    await fake.wait_until(lambda: fake.resumed == 1 and fake.connected, "the bot to resume")
    assert fake.identified == 1  # resumed the session, not a new login
    for member, right in ((anya, True), (boris, False)):
        reply = await answer(fake, member, posted, known[prompt_of(posted)], right=right)
        assert reply_text(reply).startswith(LOCKED)
    await fake.wait_until(
        lambda: title(posted) == "Question 1 of 1 · answer", "the reveal after the resume"
    )
    heading = [f["name"] for f in embed(posted)["fields"] if "How the class" in f["name"]]
    assert heading == ["How the class answered (2 answered, 1 right)"]
    await fake.wait_until(lambda: titled_like(fake, "Final standings"), "the final standings")
    assert problems(bot) == [] and fake.unknown == []


async def test_a_rate_limited_post_is_retried_and_the_quiz_goes_on(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    teacher = fake.add_member("ms-petrova", teacher=True)
    anya = fake.add_member("anya")
    bot = await started(fake, start_bot)
    limited = Fault.rate_limited("POST", rf"/channels/{fake.channel_id}/messages", 0.5)
    fake.faults.append(limited)
    await fake.reply(await fake.slash(teacher, "quiz start", bank="kirov", count=1, seconds=5))
    posted = await question(fake, 1, 1)
    assert limited.hit.is_set()
    assert bot.matching(r"We are being rate limited\. POST .* responded with 429")
    known = bank_questions()
    reply = await answer(fake, anya, posted, known[prompt_of(posted)], right=True)
    assert reply_text(reply).startswith(LOCKED)
    final = await fake.wait_until(
        lambda: titled_like(fake, "Final standings"), "the final standings"
    )
    assert re.fullmatch(r"\*\*1\.\*\* anya — [\d,]+ pts \(1/1 right\)", embed(final)["description"])
    # the question was posted once: the retry did not double it
    assert [title(m) for m in fake.channel_messages()] == [
        "Question 1 of 1 · answer",
        f"Final standings · {TITLE}",
    ]
    assert problems(bot) == [] and fake.unknown == []


async def test_sigterm_while_discord_hangs_still_exits_within_the_budget(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    """Discord accepts the question post but never answers it; SIGTERM must still end the
    process, cleanly, within the shutdown budget."""
    teacher = fake.add_member("ms-petrova", teacher=True)
    bot = await started(fake, start_bot)
    held = Fault("POST", rf"/channels/{fake.channel_id}/messages", release=asyncio.Event())
    fake.faults.append(held)
    await fake.reply(await fake.slash(teacher, "quiz start", bank="kirov", count=2, seconds=5))
    await fake.wait_until(held.hit.is_set, "the question post")
    began = time.monotonic()
    assert await bot.terminate(within=SHUTDOWN_BUDGET) == 0, bot.output
    assert time.monotonic() - began < SHUTDOWN_BUDGET
    # the stuck quiz was stopped before the connection closed under it: no error, and it stays
    # on the record of running quizzes, so the next start tells the channel it ended
    assert problems(bot) == []
    assert held.release is not None
    held.release.set()  # the old process is gone; let the fake finish the held request
    again = await started(fake, start_bot)
    assert again.matching(r"ended 1 quiz runs? left running by the previous process")
    await fake.wait_until(
        lambda: [m for m in fake.channel_messages() if "restarted" in m["content"]],
        "the restart notice",
    )
    assert problems(again) == [] and fake.unknown == []
