"""The buttons, menu and modal under a question.

No view object is kept per message: a click is matched by its custom id (`pq:RUN:Q:POS`), so a
click on an old message (even from before a restart) still gets a private reason instead of
"This interaction failed". The options' buttons, nearly every click of a quiz, are taken by
`take_option` before discord.py builds the question's Message or dispatches anything
(`QUICK_CLICKS`, bot/quickclick.py), not as dynamic items, for which discord.py would rebuild the
question's whole view from the message on every click; the menu and the "Answer" button are
dynamic items. Each only finds the channel's quiz and hands the answer over;
what counts, when and for how much is the engine's.
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
from purgebot.bot.quickclick import QuickClick
from purgebot.quiz import Answer, NotAccepting, QuestionView, TextAnswer

QUIZ_COG = "Quiz"
TYPED_ID = re.compile(r"pqt:(?P<run>\d+):(?P<q>\d+):(?P<user>\d+)")
OPTION_PREFIX = "pq"
OPTION_ID = re.compile(r"pq:(?P<run>\d+):(?P<q>\d+):(?P<pos>\d+)")

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


async def answer_clicked(interaction: discord.Interaction[Any]) -> None:
    """An option's click that reached the `on_interaction` listener: only on a client whose
    connection state does not take quick clicks (a purgebot client's takes them first, see
    `QUICK_CLICKS`)."""
    if interaction.type is not discord.InteractionType.component:
        return
    data: Any = interaction.data or {}
    custom_id = str(data.get("custom_id", ""))
    if not custom_id.startswith("pq:"):  # the menu (pqm:) and "Answer" (pqa:) are dynamic items
        return
    if (match := OPTION_ID.fullmatch(custom_id)) is not None:
        await take_option(interaction, match)


async def take_option(interaction: discord.Interaction[Any], match: re.Match[str]) -> None:
    """One option of a choice or true/false question, by its displayed position (`pq:RUN:Q:POS`),
    answered like a dynamic item's click: any failure privately, the one way."""
    position = int(match["pos"])
    try:
        await desk_of(interaction.client).answer(
            interaction, int(match["run"]), int(match["q"]), lambda view: view.pick([position])
        )
    except Exception as exc:
        await handle_error(interaction, exc)


# Taken before discord.py builds a Message or dispatches anything (bot/quickclick.py): nearly
# every click of a quiz, and nothing in its path needs more than the custom id and the clicker.
QUICK_CLICKS = (QuickClick(OPTION_PREFIX, OPTION_ID, take_option),)


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


PREFIXES = Prefixes(option=OPTION_PREFIX, menu=ChoiceMenu.prefix, typed=TypeButton.prefix)


def question_view(view: QuestionView, run_id: int, *, reveal: bool = False) -> discord.ui.View:
    """The components under a question; at the reveal, disabled, right options in green."""
    return answer_view(view, run_id, PREFIXES, reveal=reveal)


DYNAMIC_ITEMS = (ChoiceMenu, TypeButton)
