"""The buttons of a private quiz: dynamic items whose custom ids carry the run and question.

`ps:RUN:Q:POS` an option, `psm:RUN:Q` a menu for several right options, `psa:RUN:Q` opens a
box to type into (its submit comes back as `pst:RUN:Q`), `psn:RUN` shows the next question.
No view is kept per message, so a click long after (or after a restart) still finds its attempt.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from purgebot.bot import render
from purgebot.bot.answering import AnswerBox, Prefixes, answer_view, typed_submit
from purgebot.bot.components import IdItem
from purgebot.bot.errors import handle_error
from purgebot.quiz import TextAnswer
from purgebot.quiz.view import QuestionView

TYPED_ID = re.compile(r"pst:(?P<run>\d+):(?P<q>\d+)")


def _desk(interaction: discord.Interaction[Any]) -> Any:
    from purgebot.bot.selfpaced.cog import desk_of

    return desk_of(interaction.client)


class SoloChoice(IdItem[discord.ui.Button[Any]], prefix="ps", fields=("run", "q", "pos")):
    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        run_id, number, position = self.ids
        await _desk(interaction).answer(
            interaction, run_id, number, lambda view: view.pick([position])
        )


class SoloMenu(IdItem[discord.ui.Select[Any]], prefix="psm", fields=("run", "q")):
    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        run_id, number = self.ids
        positions = [int(v) for v in self.item.values]
        await _desk(interaction).answer(
            interaction, run_id, number, lambda view: view.pick(positions)
        )


class SoloType(IdItem[discord.ui.Button[Any]], prefix="psa", fields=("run", "q")):
    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        run_id, number = self.ids
        view = await _desk(interaction).open_question(interaction, run_id, number)
        modal = AnswerBox(view, render.custom_id("pst", run_id, view.number))
        modal.stop()  # the submit is taken by `answer_typed`, by its custom id
        await interaction.response.send_modal(modal)


class SoloNext(IdItem[discord.ui.Button[Any]], prefix="psn", fields=("run",)):
    """Next question (or the open one again, its timer unchanged, if its message was lost)."""

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        (run_id,) = self.ids
        await _desk(interaction).show(interaction, run_id)


async def answer_typed(interaction: discord.Interaction[Any]) -> None:
    """A typed answer's submit, matched by custom id (works after a restart too)."""
    if (submit := typed_submit(interaction, TYPED_ID)) is None:
        return
    match, text = submit
    try:
        await _desk(interaction).answer(
            interaction, int(match["run"]), int(match["q"]), lambda _: TextAnswer(text)
        )
    except Exception as exc:
        await handle_error(interaction, exc)


PREFIXES = Prefixes(option=SoloChoice.prefix, menu=SoloMenu.prefix, typed=SoloType.prefix)


def question_view(view: QuestionView, run_id: int) -> discord.ui.View:
    return answer_view(view, run_id, PREFIXES)


def next_view(run_id: int, label: str = "Next question") -> discord.ui.View:
    made = discord.ui.View(timeout=None)
    made.add_item(
        discord.ui.Button(
            label=label,
            style=discord.ButtonStyle.success,
            custom_id=SoloNext.id_for(run_id),
        )
    )
    made.stop()
    return made


DYNAMIC_ITEMS = (SoloChoice, SoloMenu, SoloType, SoloNext)
