"""The cog that owns the private desk: found by the buttons, tidies attempts at start."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord.ext import commands

from purgebot.bot.selfpaced.components import answer_typed
from purgebot.bot.selfpaced.desk import PrivateDesk
from purgebot.bot.services import Services
from purgebot.errors import UserFacingError
from purgebot.storage.timeutil import as_datetime

log = logging.getLogger("purgebot.bot.selfpaced")

SELFPACED_COG = "SelfPaced"


class SelfPacedCog(commands.Cog, name=SELFPACED_COG):
    def __init__(self, services: Services) -> None:
        self.services = services
        self.desk = PrivateDesk(services)

    async def cog_load(self) -> None:
        """At start: homework attempts whose deadline passed while the bot was away end
        (their answers kept); every other open attempt resumes at its next click."""
        ended = await self.services.store.end_overdue_attempts(as_datetime(self.services.clock()))
        if ended:
            log.info("ended %d homework attempts past their deadline", len(ended))

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        await answer_typed(interaction)


def desk_of(client: discord.Client) -> PrivateDesk:
    cog = client.get_cog(SELFPACED_COG) if isinstance(client, commands.Bot) else None
    if not isinstance(cog, SelfPacedCog):
        raise UserFacingError("Private quizzes are not available right now; try again soon.")
    return cog.desk
