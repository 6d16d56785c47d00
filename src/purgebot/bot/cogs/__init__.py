"""The cogs, one per area of the bot; each is built from the same `Services`.

A new area (quiz, leaderboard, essays) is a module here with a `commands.Cog` subclass whose
constructor takes `Services`, added to `build_cogs`. Buttons that must answer after a restart are
dynamic items, registered with the bot in one place: `DYNAMIC_ITEMS` here.
"""

from __future__ import annotations

import discord
from discord.ext import commands

from purgebot.bot import essayviews, quizviews
from purgebot.bot.services import Services

# Known to the bot before the first click arrives, so a click on a message posted before a
# restart still gets a reply (the quiz is over; the answer box opens) instead of "This
# interaction failed".
DYNAMIC_ITEMS = (*quizviews.DYNAMIC_ITEMS, *essayviews.DYNAMIC_ITEMS)


def build_cogs(services: Services, client: discord.Client | None = None) -> list[commands.Cog]:
    from purgebot.bot.cogs.admin import AdminCog
    from purgebot.bot.cogs.banks import BanksCog
    from purgebot.bot.cogs.classes import ClassesCog
    from purgebot.bot.cogs.essays import EssaysCog
    from purgebot.bot.cogs.leaderboard import LeaderboardCog
    from purgebot.bot.cogs.quiz import QuizCog

    return [
        BanksCog(services),
        AdminCog(services),
        QuizCog(services, client),
        LeaderboardCog(services),
        EssaysCog(services, client),
        ClassesCog(services),
        *selfpaced_cogs(services, client),
    ]


def selfpaced_cogs(services: Services, client: discord.Client | None) -> list[commands.Cog]:
    """Homework, practice and review, and the private-play core they share (bot/selfpaced/)."""
    from purgebot.bot.homework import HomeworkCog
    from purgebot.bot.practice import PracticeCog
    from purgebot.bot.selfpaced import SelfPacedCog

    return [SelfPacedCog(services, client), HomeworkCog(services), PracticeCog(services)]
