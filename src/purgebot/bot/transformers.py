"""App-command parameter types shared by the features: a bank id, offered as the teacher types.

A parameter annotated `BankId` gets the server's banks (built-in and uploaded) as autocomplete
suggestions, ids first, in every command that takes one: one place instead of one per cog.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from purgebot.bot import render
from purgebot.bot.cards import bank_choices
from purgebot.bot.services import services_of


class BankIds(app_commands.Transformer):
    """A bank id as typed (the catalog says later whether it exists)."""

    async def transform(self, interaction: discord.Interaction[Any], value: Any) -> str:
        return str(value)

    async def autocomplete(  # type: ignore[override]  # str options only
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        names = await services_of(interaction).catalog.names(interaction.guild_id)
        return render.choices(bank_choices(names, value))


BankId = app_commands.Transform[str, BankIds]
