"""Solo practice and spaced review: private quizzes a student starts whenever they like."""

from purgebot.bot.practice.cog import PracticeCog

__all__ = ["PracticeCog"]
