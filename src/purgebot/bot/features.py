"""The registry of features: the one core module (with `client`) that imports them all.

A feature is a package of bot/ (quiz, essays, banks, leaderboard, admin, selfpaced) with a
`commands.Cog` subclass whose constructor takes `Services`, added to `build_cogs`. Buttons that
must answer after a restart are dynamic items, registered with the bot in one place:
`DYNAMIC_ITEMS` here (and the client's own list).
"""

from __future__ import annotations

import discord
from discord.ext import commands

from purgebot.bot.essays import components as essayviews
from purgebot.bot.quiz import answers as quizviews
from purgebot.bot.services import Services

# Known to the bot before the first click arrives, so a click on a message posted before a
# restart still gets a reply (the quiz is over; the answer box opens) instead of "This
# interaction failed".
DYNAMIC_ITEMS = (*quizviews.DYNAMIC_ITEMS, *essayviews.DYNAMIC_ITEMS)


def build_cogs(services: Services, client: discord.Client | None = None) -> list[commands.Cog]:
    from purgebot.bot.admin.classes import ClassesCog
    from purgebot.bot.admin.cog import AdminCog
    from purgebot.bot.banks.cog import BanksCog
    from purgebot.bot.essays.cog import EssaysCog
    from purgebot.bot.leaderboard.cog import LeaderboardCog
    from purgebot.bot.quiz.cog import QuizCog

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
    from purgebot.bot.selfpaced import SelfPacedCog
    from purgebot.bot.selfpaced.homework import HomeworkCog
    from purgebot.bot.selfpaced.practice import PracticeCog

    return [SelfPacedCog(services, client), HomeworkCog(services), PracticeCog(services)]
