"""The buttons of a private quiz: dynamic items whose custom ids carry the run and question.

`ps:RUN:Q:POS` an option, `psm:RUN:Q` a menu for several right options, `psa:RUN:Q` opens a
box to type into (its submit comes back as `pst:RUN:Q`), `psn:RUN` shows the next question.
No view is kept per message, so a click long after (or after a restart) still finds its attempt.
"""

from __future__ import annotations

import re
from typing import Any, Self

import discord
from discord.ui import DynamicItem

from purgebot.banks.model import ChoiceQuestion, TrueFalseQuestion
from purgebot.bot import render
from purgebot.bot.errors import handle_error
from purgebot.bot.quiz.answers import MAX_TYPED, submitted_text, typed_prompt
from purgebot.quiz import TextAnswer
from purgebot.quiz.view import TRUE_FALSE, QuestionView

TYPED_ID = re.compile(r"pst:(?P<run>\d+):(?P<q>\d+)")


def _desk(interaction: discord.Interaction[Any]) -> Any:
    from purgebot.bot.selfpaced.cog import desk_of

    return desk_of(interaction.client)


class SoloChoice(
    DynamicItem[discord.ui.Button[Any]], template=r"ps:(?P<run>\d+):(?P<q>\d+):(?P<pos>\d+)"
):
    def __init__(self, run_id: int, number: int, position: int, button: discord.ui.Button[Any]):
        super().__init__(button)
        self.run_id, self.number, self.position = run_id, number, position

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["run"]), int(match["q"]), int(match["pos"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        position = self.position
        try:
            await _desk(interaction).answer(
                interaction, self.run_id, self.number, lambda view: view.pick([position])
            )
        except Exception as exc:
            await handle_error(interaction, exc)


class SoloMenu(DynamicItem[discord.ui.Select[Any]], template=r"psm:(?P<run>\d+):(?P<q>\d+)"):
    def __init__(self, run_id: int, number: int, select: discord.ui.Select[Any]) -> None:
        super().__init__(select)
        self.run_id, self.number = run_id, number

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> Self:
        assert isinstance(item, discord.ui.Select)
        return cls(int(match["run"]), int(match["q"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            positions = [int(v) for v in self.item.values]
            await _desk(interaction).answer(
                interaction, self.run_id, self.number, lambda view: view.pick(positions)
            )
        except Exception as exc:
            await handle_error(interaction, exc)


class SoloType(DynamicItem[discord.ui.Button[Any]], template=r"psa:(?P<run>\d+):(?P<q>\d+)"):
    def __init__(self, run_id: int, number: int, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.run_id, self.number = run_id, number

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["run"]), int(match["q"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            view = await _desk(interaction).open_question(interaction, self.run_id, self.number)
            modal = TypedModal(view, self.run_id)
            modal.stop()  # the submit is taken by `answer_typed`, by its custom id
            await interaction.response.send_modal(modal)
        except Exception as exc:
            await handle_error(interaction, exc)


class SoloNext(DynamicItem[discord.ui.Button[Any]], template=r"psn:(?P<run>\d+)"):
    """Next question (or the open one again, its timer unchanged, if its message was lost)."""

    def __init__(self, run_id: int, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.run_id = run_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["run"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await _desk(interaction).show(interaction, self.run_id)
        except Exception as exc:
            await handle_error(interaction, exc)


class TypedModal(discord.ui.Modal):
    def __init__(self, view: QuestionView, run_id: int) -> None:
        super().__init__(
            title=render.modal_title(f"Question {view.number} of {view.total}"),
            custom_id=render.custom_id("pst", run_id, view.number),
            timeout=None,
        )
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


async def answer_typed(interaction: discord.Interaction[Any]) -> None:
    """A typed answer's submit, matched by custom id (works after a restart too)."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return
    data: Any = interaction.data or {}
    match = TYPED_ID.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return
    text = submitted_text(data.get("components", []))
    try:
        await _desk(interaction).answer(
            interaction, int(match["run"]), int(match["q"]), lambda _: TextAnswer(text)
        )
    except Exception as exc:
        await handle_error(interaction, exc)


def question_view(view: QuestionView, run_id: int) -> discord.ui.View:
    made = discord.ui.View(timeout=None)
    q, number = view.question, view.number
    if isinstance(q, ChoiceQuestion) and q.multi:
        made.add_item(
            discord.ui.Select(
                custom_id=render.custom_id("psm", run_id, number),
                placeholder="Pick every right option",
                min_values=1,
                max_values=len(view.options),
                options=[
                    render.select_option(f"{letter} · {text}", str(position))
                    for position, (letter, text) in enumerate(
                        zip(view.letters, view.options, strict=True)
                    )
                ],
            )
        )
    elif isinstance(q, ChoiceQuestion | TrueFalseQuestion):
        labels = TRUE_FALSE if isinstance(q, TrueFalseQuestion) else view.letters
        for position, label in enumerate(labels):
            made.add_item(
                discord.ui.Button(
                    label=render.button_label(label),
                    style=discord.ButtonStyle.primary,
                    custom_id=render.custom_id("ps", run_id, number, position),
                )
            )
    else:
        made.add_item(
            discord.ui.Button(
                label="Answer",
                style=discord.ButtonStyle.primary,
                custom_id=render.custom_id("psa", run_id, number),
            )
        )
    made.stop()
    return made


def next_view(run_id: int, label: str = "Next question") -> discord.ui.View:
    made = discord.ui.View(timeout=None)
    made.add_item(
        discord.ui.Button(
            label=label,
            style=discord.ButtonStyle.success,
            custom_id=render.custom_id("psn", run_id),
        )
    )
    made.stop()
    return made


DYNAMIC_ITEMS = (SoloChoice, SoloMenu, SoloType, SoloNext)
