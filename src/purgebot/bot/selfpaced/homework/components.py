"""The assignment card's Start button (`phw:ASSIGNMENT`), a dynamic item that outlives restarts."""

from __future__ import annotations

from typing import Any

import discord
from discord.ext import commands

from purgebot.bot.components import IdItem
from purgebot.errors import UserFacingError

HOMEWORK_COG = "Homework"


class StartButton(IdItem[discord.ui.Button[Any]], prefix="phw", fields=("aid",)):
    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        (assignment_id,) = self.ids
        client = interaction.client
        cog = client.get_cog(HOMEWORK_COG) if isinstance(client, commands.Bot) else None
        if cog is None:
            raise UserFacingError("Homework is not available right now; try again soon.")
        await cog.start(interaction, assignment_id)  # type: ignore[attr-defined]


def card_view(assignment_id: int) -> discord.ui.View:
    made = discord.ui.View(timeout=None)
    made.add_item(
        discord.ui.Button(
            label="Start",
            style=discord.ButtonStyle.success,
            custom_id=StartButton.id_for(assignment_id),
        )
    )
    made.stop()
    return made


DYNAMIC_ITEMS = (StartButton,)
