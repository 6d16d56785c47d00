"""Solo practice and spaced review: private quizzes a student starts whenever they like."""

from purgebot.bot.selfpaced.practice.cog import PracticeCog

__all__ = ["PracticeCog"]
