"""The buttons, menu and modal under a question.

They are dynamic items: discord.py matches a click to them by its custom id (`pq:RUN:Q:POS`),
so no view object is kept per message, and a click on an old message (even from before a restart)
still gets a private reason instead of "This interaction failed". Each callback only finds the
channel's quiz and hands the answer over; what counts, when and for how much is the engine's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

import discord
from discord.ext import commands

from purgebot.bot import render
from purgebot.bot.answering import MAX_TYPED, AnswerBox, Prefixes, answer_view, typed_submit
from purgebot.bot.components import IdItem
from purgebot.bot.errors import handle_error
from purgebot.quiz import Answer, NotAccepting, QuestionView, TextAnswer

QUIZ_COG = "Quiz"
TYPED_ID = re.compile(r"pqt:(?P<run>\d+):(?P<q>\d+):(?P<user>\d+)")

Build = Callable[[QuestionView], Answer]


class QuizOver(NotAccepting):
    def __init__(self) -> None:
        super().__init__("This quiz is over: no more answers are taken.")


class AnswerTooLong(NotAccepting):
    def __init__(self, length: int) -> None:
        super().__init__(
            f"Your answer is {length:,} characters long; an answer may be at most {MAX_TYPED}. "
            "Nothing was taken: answer again, shorter."
        )


class AnswerDesk(Protocol):
    """Where answers go: the quiz manager, found through the quiz cog."""

    async def answer(
        self, interaction: discord.Interaction[Any], run_id: int, number: int, build: Build
    ) -> None: ...

    def open_question(
        self, interaction: discord.Interaction[Any], run_id: int, number: int
    ) -> tuple[QuestionView, float]: ...


def desk_of(client: discord.Client) -> AnswerDesk:
    cog = client.get_cog(QUIZ_COG) if isinstance(client, commands.Bot) else None
    desk = getattr(cog, "desk", None)
    if desk is None:
        raise QuizOver()
    return desk  # type: ignore[no-any-return]


class ChoiceButton(IdItem[discord.ui.Button[Any]], prefix="pq", fields=("run", "q", "pos")):
    """One option of a choice or true/false question, by its displayed position."""

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        run_id, number, position = self.ids
        await desk_of(interaction.client).answer(
            interaction, run_id, number, lambda view: view.pick([position])
        )


class ChoiceMenu(IdItem[discord.ui.Select[Any]], prefix="pqm", fields=("run", "q")):
    """A question with several right options: one menu, so the whole pick arrives at once."""

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        run_id, number = self.ids
        positions = [int(value) for value in self.item.values]
        await desk_of(interaction.client).answer(
            interaction, run_id, number, lambda view: view.pick(positions)
        )


class TypeButton(IdItem[discord.ui.Button[Any]], prefix="pqa", fields=("run", "q")):
    """ "Answer": opens a modal to type a short, numeric or order answer."""

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        run_id, number = self.ids
        view, _ = desk_of(interaction.client).open_question(interaction, run_id, number)
        modal = AnswerBox(view, render.custom_id("pqt", run_id, view.number, interaction.user.id))
        # Stopped before it is sent, so discord.py keeps no modal object (which would expire
        # and drop a late submit unanswered): `answer_typed` takes every submit by its id.
        modal.stop()
        await interaction.response.send_modal(modal)


async def answer_typed(interaction: discord.Interaction[Any]) -> None:
    """A typed answer's submit, matched by its custom id like the buttons' clicks: a submit long
    after the modal opened, after the quiz ended or after a restart still gets a private reply."""
    if (submit := typed_submit(interaction, TYPED_ID)) is None:
        return
    match, typed = submit
    try:
        if len(typed) > MAX_TYPED:  # the box allows no more; a modified client might send it
            raise AnswerTooLong(len(typed))
        await desk_of(interaction.client).answer(
            interaction, int(match["run"]), int(match["q"]), lambda _: TextAnswer(typed)
        )
    except Exception as exc:  # no modal object, so no on_error: reply the same way
        await handle_error(interaction, exc)


PREFIXES = Prefixes(option=ChoiceButton.prefix, menu=ChoiceMenu.prefix, typed=TypeButton.prefix)


def question_view(view: QuestionView, run_id: int, *, reveal: bool = False) -> discord.ui.View:
    """The components under a question; at the reveal, disabled, right options in green."""
    return answer_view(view, run_id, PREFIXES, reveal=reveal)


DYNAMIC_ITEMS = (ChoiceButton, ChoiceMenu, TypeButton)
