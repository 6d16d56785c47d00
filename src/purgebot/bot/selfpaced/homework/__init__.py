"""Homework: a teacher sets a bank with a due time; students play it privately by then."""

from purgebot.bot.selfpaced.homework.cog import HomeworkCog
from purgebot.bot.selfpaced.homework.components import DYNAMIC_ITEMS

__all__ = ["DYNAMIC_ITEMS", "HomeworkCog"]
