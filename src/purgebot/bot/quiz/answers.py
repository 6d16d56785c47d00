"""The buttons, menu and modal under a question.

They are dynamic items: discord.py matches a click to them by its custom id (`pq:RUN:Q:POS`),
so no view object is kept per message, and a click on an old message (even from before a restart)
still gets a private reason instead of "This interaction failed". Each callback only finds the
channel's quiz and hands the answer over; what counts, when and for how much is the engine's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol, Self

import discord
from discord.ext import commands
from discord.ui import DynamicItem

from purgebot.banks.model import ChoiceQuestion, TrueFalseQuestion
from purgebot.bot import render
from purgebot.bot.errors import handle_error
from purgebot.quiz import Answer, NotAccepting, QuestionView, TextAnswer
from purgebot.quiz.view import TRUE_FALSE

QUIZ_COG = "Quiz"
MAX_TYPED = 300  # characters a student may type as an answer
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


class ChoiceButton(
    DynamicItem[discord.ui.Button[Any]], template=r"pq:(?P<run>\d+):(?P<q>\d+):(?P<pos>\d+)"
):
    """One option of a choice or true/false question, by its displayed position."""

    def __init__(self, run_id: int, number: int, position: int, button: discord.ui.Button[Any]):
        super().__init__(button)
        self.run_id, self.number, self.position = run_id, number, position

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: Any,
        /,
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["run"]), int(match["q"]), int(match["pos"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        position = self.position
        try:
            await desk_of(interaction.client).answer(
                interaction, self.run_id, self.number, lambda view: view.pick([position])
            )
        except Exception as exc:  # dynamic items have no on_error of their own
            await handle_error(interaction, exc)


class ChoiceMenu(DynamicItem[discord.ui.Select[Any]], template=r"pqm:(?P<run>\d+):(?P<q>\d+)"):
    """A question with several right options: one menu, so the whole pick arrives at once."""

    def __init__(self, run_id: int, number: int, select: discord.ui.Select[Any]) -> None:
        super().__init__(select)
        self.run_id, self.number = run_id, number

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: Any,
        /,
    ) -> Self:
        assert isinstance(item, discord.ui.Select)
        return cls(int(match["run"]), int(match["q"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            positions = [int(value) for value in self.item.values]
            await desk_of(interaction.client).answer(
                interaction, self.run_id, self.number, lambda view: view.pick(positions)
            )
        except Exception as exc:
            await handle_error(interaction, exc)


class TypeButton(DynamicItem[discord.ui.Button[Any]], template=r"pqa:(?P<run>\d+):(?P<q>\d+)"):
    """ "Answer": opens a modal to type a short, numeric or order answer."""

    def __init__(self, run_id: int, number: int, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.run_id, self.number = run_id, number

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: Any,
        /,
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["run"]), int(match["q"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            view, _ = desk_of(interaction.client).open_question(
                interaction, self.run_id, self.number
            )
            modal = AnswerModal(view, self.run_id, interaction.user.id)
            # Stopped before it is sent, so discord.py keeps no modal object (which would expire
            # and drop a late submit unanswered): `answer_typed` takes every submit by its id.
            modal.stop()
            await interaction.response.send_modal(modal)
        except Exception as exc:
            await handle_error(interaction, exc)


def typed_prompt(view: QuestionView) -> tuple[str, str]:
    """The modal's label and hint for this kind of question."""
    kind = view.question.type
    if kind == "order":
        first = " ".join(view.letters)
        return "Letters in the right order", f"All {len(view.letters)} letters, e.g. {first}"
    if kind == "numeric":
        return "Your number", "Digits, e.g. 1934 or 1,108"
    if kind in ("choice", "true_false"):
        return "Your answer", "A letter, or the option's text"
    return "Your answer", "Spelling close to right is fine for most answers"


class AnswerModal(discord.ui.Modal):
    """One student's typed answer to one question (its id names both, so submits never mix).

    Only its layout is used: the submit is taken by `answer_typed`, matched by the custom id.
    """

    def __init__(self, view: QuestionView, run_id: int, user_id: int) -> None:
        super().__init__(
            title=render.modal_title(f"Question {view.number} of {view.total}"),
            custom_id=render.custom_id("pqt", run_id, view.number, user_id),
            timeout=None,
        )
        self.run_id, self.number = run_id, view.number
        label, hint = typed_prompt(view)
        self.text: discord.ui.TextInput[Any] = discord.ui.TextInput(
            custom_id="answer",
            placeholder=render.input_placeholder(hint),
            max_length=MAX_TYPED,
            required=True,
        )
        self.add_item(
            discord.ui.Label(
                text=render.input_label(label),
                description=render.cut(view.question.prompt, 100),
                component=self.text,
            )
        )


def submitted_text(components: Any) -> str:
    """The value of the modal's "answer" input, wherever Discord nests it (label or row)."""
    if isinstance(components, list):
        for part in components:
            found = submitted_text(part)
            if found:
                return found
    elif isinstance(components, dict):
        if components.get("custom_id") == "answer" and isinstance(components.get("value"), str):
            return str(components["value"])
        for key in ("component", "components"):
            found = submitted_text(components.get(key))
            if found:
                return found
    return ""


async def answer_typed(interaction: discord.Interaction[Any]) -> None:
    """A typed answer's submit, matched by its custom id like the buttons' clicks: a submit long
    after the modal opened, after the quiz ended or after a restart still gets a private reply."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return
    data: Any = interaction.data or {}
    match = TYPED_ID.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return
    typed = submitted_text(data.get("components", []))
    try:
        if len(typed) > MAX_TYPED:  # the box allows no more; a modified client might send it
            raise AnswerTooLong(len(typed))
        await desk_of(interaction.client).answer(
            interaction, int(match["run"]), int(match["q"]), lambda _: TextAnswer(typed)
        )
    except Exception as exc:  # no modal object, so no on_error: reply the same way
        await handle_error(interaction, exc)


def right_positions(view: QuestionView) -> set[int]:
    q = view.question
    if isinstance(q, ChoiceQuestion):
        return {pos for pos, original in enumerate(view.order) if original in q.answers}
    if isinstance(q, TrueFalseQuestion):
        return {0 if q.answer else 1}
    return set()


def question_view(view: QuestionView, run_id: int, *, reveal: bool = False) -> discord.ui.View:
    """The components under a question; at the reveal, disabled, right options in green.

    Plain items carrying the dynamic items' custom ids, in a view stopped before it is sent:
    discord.py then keeps nothing per message, and clicks are matched by the dynamic items
    registered once for the whole bot.
    """
    made = discord.ui.View(timeout=None)
    q = view.question
    number = view.number
    if isinstance(q, ChoiceQuestion) and q.multi:
        made.add_item(
            discord.ui.Select(
                custom_id=render.custom_id("pqm", run_id, number),
                placeholder="Pick every right option",
                min_values=1,
                max_values=len(view.options),
                options=[
                    render.select_option(f"{letter} · {text}", str(position))
                    for position, (letter, text) in enumerate(
                        zip(view.letters, view.options, strict=True)
                    )
                ],
                disabled=reveal,
            )
        )
    elif isinstance(q, ChoiceQuestion | TrueFalseQuestion):
        right = right_positions(view) if reveal else set()
        labels = TRUE_FALSE if isinstance(q, TrueFalseQuestion) else view.letters
        for position, label in enumerate(labels):
            style = discord.ButtonStyle.primary
            if reveal:
                style = (
                    discord.ButtonStyle.success
                    if position in right
                    else discord.ButtonStyle.secondary
                )
            made.add_item(
                discord.ui.Button(
                    label=render.button_label(label),
                    style=style,
                    disabled=reveal,
                    custom_id=render.custom_id("pq", run_id, number, position),
                )
            )
    else:
        made.add_item(
            discord.ui.Button(
                label="Answer",
                style=discord.ButtonStyle.primary,
                disabled=reveal,
                custom_id=render.custom_id("pqa", run_id, number),
            )
        )
    made.stop()
    return made


DYNAMIC_ITEMS = (ChoiceButton, ChoiceMenu, TypeButton)
