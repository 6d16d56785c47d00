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
    from purgebot.bot.cogs.essays import EssaysCog
    from purgebot.bot.cogs.leaderboard import LeaderboardCog
    from purgebot.bot.cogs.quiz import QuizCog

    return [
        BanksCog(services),
        AdminCog(services),
        QuizCog(services),
        LeaderboardCog(services),
        EssaysCog(services),
    ]
