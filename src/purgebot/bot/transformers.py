"""App-command parameter types shared by the features: a bank id, offered as the teacher types,
and a day written YYYY-MM-DD.

A parameter annotated `BankId` gets the server's banks (built-in and uploaded) as autocomplete
suggestions, ids first, in every command that takes one: one place instead of one per cog (and
`ClassName` this server's classes). One
annotated `DayParam` arrives as a `Day`, or the command is refused with `BadDay` before it runs.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import discord
from discord import app_commands
from discord.utils import escape_markdown

from purgebot.banks.model import Difficulty
from purgebot.bot import render
from purgebot.bot.cards import bank_choices
from purgebot.bot.reportfiles import class_choices
from purgebot.bot.services import services_of
from purgebot.errors import UserFacingError


class Typed(app_commands.Transformer):
    """Text as typed, kept as it is: the subclass only offers what may be meant."""

    async def transform(self, interaction: discord.Interaction[Any], value: Any) -> str:
        return str(value)


class BankIds(Typed):
    """A bank id as typed (the catalog says later whether it exists)."""

    async def autocomplete(  # type: ignore[override]  # str options only
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        names = await services_of(interaction).catalog.names(interaction.guild_id)
        return render.choices(bank_choices(names, value))


BankId = app_commands.Transform[str, BankIds]


class ClassNames(Typed):
    """A class's name as typed, with this server's classes offered (the store says if it exists)."""

    async def autocomplete(  # type: ignore[override]  # str options only
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        return await class_choices(services_of(interaction).store, interaction, value)


ClassName = app_commands.Transform[str, ClassNames]


DIFFICULTIES = [app_commands.Choice(name=d.value, value=d.value) for d in Difficulty]
# The options that pick a bank's questions, worded alike in every command that has them.
PICK_QUESTIONS = {
    "bank": "The question bank",
    "topic": "Only questions on this topic",
    "difficulty": "Only questions of this difficulty",
}
# The options that narrow which quizzes a board or a chart counts, worded alike in both.
QUIZ_FILTERS = {
    "bank": "Only this bank's quizzes",
    "class_name": "Only this class (default: this channel's class, if any)",
}


class BadDay(UserFacingError):
    """The one refusal of a day, whichever command it was typed in."""

    def __init__(self, text: str) -> None:
        shown = escape_markdown(render.cut(text, 40))
        super().__init__(f"`{shown}` is not a day: write it as YYYY-MM-DD, e.g. 2026-03-01.")


class Day(str):
    """A day as written (YYYY-MM-DD), and the UTC moments it starts and ends (the next day's
    start), so `until` a day includes that whole day."""

    start: datetime

    def __new__(cls, text: str) -> Day:
        start = datetime.strptime(text.strip(), "%Y-%m-%d").replace(tzinfo=UTC)  # ValueError
        made = super().__new__(cls, text.strip())
        made.start = start
        return made

    @property
    def end(self) -> datetime:
        return self.start + timedelta(days=1)


class Days(app_commands.Transformer):
    """A `Day`, or `BadDay` before the command runs."""

    async def transform(self, interaction: discord.Interaction[Any], value: Any) -> Day:
        try:
            return Day(str(value))
        except ValueError:
            raise BadDay(str(value)) from None


DayParam = app_commands.Transform[Day, Days]


def span(since: Day | None, until: Day | None) -> tuple[datetime | None, datetime | None]:
    """From `since`'s start up to `until`'s end, the whole day included; None leaves a side open."""
    return (since.start if since else None, until.end if until else None)
