"""The assignment card's Start button (`phw:ASSIGNMENT`), a dynamic item that outlives restarts."""

from __future__ import annotations

from typing import Any, Self

import discord
from discord.ext import commands
from discord.ui import DynamicItem

from purgebot.bot import render
from purgebot.bot.errors import handle_error
from purgebot.errors import UserFacingError

HOMEWORK_COG = "Homework"


class StartButton(DynamicItem[discord.ui.Button[Any]], template=r"phw:(?P<aid>\d+)"):
    def __init__(self, assignment_id: int, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.assignment_id = assignment_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["aid"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            client = interaction.client
            cog = client.get_cog(HOMEWORK_COG) if isinstance(client, commands.Bot) else None
            if cog is None:
                raise UserFacingError("Homework is not available right now; try again soon.")
            await cog.start(interaction, self.assignment_id)  # type: ignore[attr-defined]
        except Exception as exc:
            await handle_error(interaction, exc)


def card_view(assignment_id: int) -> discord.ui.View:
    made = discord.ui.View(timeout=None)
    made.add_item(
        discord.ui.Button(
            label="Start",
            style=discord.ButtonStyle.success,
            custom_id=render.custom_id("phw", assignment_id),
        )
    )
    made.stop()
    return made


DYNAMIC_ITEMS = (StartButton,)
