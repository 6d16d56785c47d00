"""What a teacher and a student read: plain, right wording (issue 17), and the bank's own
correction shown at the reveal (issue 16)."""

from __future__ import annotations

import logging
import random

import pytest
import simcord
from essaykit import YEZHOV, feedback_of
from quizkit import CLASS_BANK, current_question, field_value, question_messages
from simkit import reply, sim_clock, text_of

from purgebot.banks.model import Bank
from purgebot.bot import PurgeBot, create_bot
from purgebot.config import Settings
from purgebot.storage import Store

NOTED_BANK = CLASS_BANK.replace(
    '    source: {doc: notes, quote: "Kirov, the popular Leningrad party boss"}\n',
    '    source: {doc: notes, quote: "Kirov, the popular Leningrad party boss"}\n'
    "    note: The notes call him boss from 1934; he led Leningrad from 1926.\n",
)


async def test_status_before_the_first_reveal_shows_no_table_of_zeros(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20)
    shown = current_question(channel)
    await student.click(shown.message, label=shown.options.get("Leningrad", "True"))
    status = text_of(reply(await student.slash(channel, "quiz status")))
    assert "0 pts" not in status and "(0/0 right)" not in status
    assert "Points show at the first reveal." in status


async def test_every_option_of_every_command_says_what_it_is(
    simcord_env: simcord.Env, simcord_bot: PurgeBot
) -> None:
    vague = [
        f"/{command.qualified_name} {p.display_name}: {p.description!r}"
        for command in simcord_bot.tree.walk_commands()
        if hasattr(command, "parameters")
        for p in command.parameters
        if not p.description or p.description.startswith("…")
    ]
    assert vague == []


async def test_the_reveal_shows_the_banks_note(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", NOTED_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20, count=4)
    for _ in range(4):
        await simcord_env.advance_time(20 + 5)
    [revealed] = [
        m.embeds[0]
        for m in question_messages(channel)
        if "Kirov was the Communist Party leader" in (m.embeds[0].description or "")
    ]
    assert field_value(revealed, "Source").startswith("[Class notes: the Great Terror]")
    assert field_value(revealed, "Note") == (
        "The notes call him boss from 1934; he led Leningrad from 1926."
    )


async def test_feedback_counts_one_more_place_in_the_singular(
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    essay_server: Bank,
) -> None:
    essay = " ".join(
        f"In {year} Yezhov was head of the NKVD and he arrested many people."
        for year in (1936, 1937, 1938)
    )
    shown = feedback_of(
        await student.slash(channel, "essay submit", prompt=YEZHOV, file=("e.txt", essay.encode()))
    )
    text = text_of(shown)
    assert "…and 1 more place" in text and "1 more places" not in text


async def test_the_restart_log_counts_runs_in_words(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    settings: Settings,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20)
    with caplog.at_level(logging.INFO, logger="purgebot"):
        await simcord_env.restart_bot(
            create_bot(settings, store=store, clock=sim_clock, rng=random.Random(7))
        )
    assert "ended 1 quiz run left running by the previous process" in caplog.text
