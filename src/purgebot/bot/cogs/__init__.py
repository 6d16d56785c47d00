"""The cogs, one per area of the bot; each is built from the same `Services`.

A new area (quiz, leaderboard, essays) is a module here with a `commands.Cog` subclass whose
constructor takes `Services`, added to `build_cogs`.
"""

from __future__ import annotations

from discord.ext import commands

from purgebot.bot.services import Services


def build_cogs(services: Services) -> list[commands.Cog]:
    from purgebot.bot.cogs.admin import AdminCog
    from purgebot.bot.cogs.banks import BanksCog

    return [BanksCog(services), AdminCog(services)]
