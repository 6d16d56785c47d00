"""An option's click is taken before discord.py builds the question's Message or dispatches the
interaction (bot/quickclick.py), and the student sees exactly what they saw before: the private
"locked in", the private refusals, and "this quiz is over" on an old quiz's buttons."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import discord
import simcord
from quizkit import CLASS_BANK, current_question
from simkit import forged, reply

from purgebot.bot import PurgeBot
from purgebot.bot.quickclick import QuickClick, quick_routes
from purgebot.bot.quiz.answers import OPTION_ID, OPTION_PREFIX, take_option


class Watch:
    """What reached the options' take, and what reached `on_interaction`."""

    def __init__(self, bot: PurgeBot) -> None:
        self.taken: list[discord.Interaction[Any]] = []
        self.dispatched: list[str] = []
        routes = quick_routes(bot)
        assert routes is not None
        routes.add(QuickClick(OPTION_PREFIX, OPTION_ID, self.take))
        bot.add_listener(self.on_interaction)

    async def take(self, interaction: discord.Interaction[Any], match: re.Match[str]) -> None:
        self.taken.append(interaction)
        await take_option(interaction, match)

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        data: Any = interaction.data or {}
        self.dispatched.append(str(data.get("custom_id") or data.get("name")))


async def test_an_option_click_skips_discord_pys_message_and_dispatch_and_replies_the_same(
    simcord_env: simcord.Env,
    simcord_bot: PurgeBot,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    watch = Watch(simcord_bot)
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", count=1, seconds=20)
    shown = current_question(channel)
    button = shown.letter("Leningrad")

    locked = reply(await student.click(shown.message, label=button))
    again = reply(await student.click(shown.message, label=shown.letter("Moscow")))

    assert locked.ephemeral and again.ephemeral
    assert locked.content.startswith(f"🔒 Locked in: **{button}** · Leningrad."), locked.content
    assert again.content == "You have already answered: your first answer counts."
    assert [i.message for i in watch.taken] == [None, None]  # no Message was built
    assert watch.dispatched == ["bank", "quiz"]  # the slash commands only, not the clicks

    await simcord_env.advance_time(30)  # the question closes; the one-question quiz ends
    # its buttons are greyed out now; a client that still shows them live can send the click
    [custom_id] = [
        c.custom_id
        for row in shown.message.components
        for c in getattr(row, "children", [])
        if getattr(c, "label", None) == button
    ]
    late = reply(await forged(student, channel, 3, {"custom_id": custom_id, "component_type": 2}))
    assert late.ephemeral
    assert late.content == "This quiz is over: no more answers are taken."
    assert len(watch.taken) == 3


async def test_a_quick_clickers_name_with_a_lone_surrogate_is_stored_cleaned(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    db_path: Path,
) -> None:
    """The quick way in still gets the payload as the edge cleaned it (bot/edge.py)."""
    nikita = guild.add_member(simcord_env.create_user("nik\ud83dita"))
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", count=1, seconds=20)
    shown = current_question(channel)
    locked = reply(await nikita.click(shown.message, label=shown.letter("Leningrad")))
    assert locked.content.startswith("🔒 Locked in:"), locked.content
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT user_name, raw_answer FROM answers").fetchall()
    assert rows == [("nik\ufffdita", "Leningrad")]
