"""The pieces of answering a question shared by the live quiz and private play.

How the answer components under a question look (options, a menu for several right options, or
an "Answer" button that opens a box to type into), and the box itself. Each feature names its own
custom-id prefixes and routes the clicks; what an answer means is the engine's.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import discord

from purgebot.banks.model import ChoiceQuestion, TrueFalseQuestion
from purgebot.bot import render
from purgebot.quiz import QuestionView
from purgebot.quiz.view import TRUE_FALSE

MAX_TYPED = 300  # characters a student may type as an answer


class Prefixes(NamedTuple):
    """A feature's custom-id prefixes: an option, the several-options menu, the "Answer" button."""

    option: str
    menu: str
    typed: str


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


class AnswerBox(discord.ui.Modal):
    """The box a student types one answer to one question into; `custom_id` names both.

    Only its layout is used: each feature takes the submit by its custom id, so a submit long
    after the box opened (or after a restart) still gets a reply.
    """

    def __init__(self, view: QuestionView, custom_id: str) -> None:
        super().__init__(
            title=render.modal_title(f"Question {view.number} of {view.total}"),
            custom_id=custom_id,
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


def typed_submit(
    interaction: discord.Interaction[Any], pattern: re.Pattern[str]
) -> tuple[re.Match[str], str] | None:
    """A modal submit whose custom id `pattern` matches, and the text typed in its box; None for
    any other interaction (each feature takes its own boxes' submits by their ids)."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return None
    data: Any = interaction.data or {}
    match = pattern.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return None
    return match, submitted_text(data.get("components", []))


def right_positions(view: QuestionView) -> set[int]:
    q = view.question
    if isinstance(q, ChoiceQuestion):
        return {pos for pos, original in enumerate(view.order) if original in q.answers}
    if isinstance(q, TrueFalseQuestion):
        return {0 if q.answer else 1}
    return set()


def answer_view(
    view: QuestionView, run_id: int, prefixes: Prefixes, *, reveal: bool = False
) -> discord.ui.View:
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
                custom_id=render.custom_id(prefixes.menu, run_id, number),
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
                    custom_id=render.custom_id(prefixes.option, run_id, number, position),
                )
            )
    else:
        made.add_item(
            discord.ui.Button(
                label="Answer",
                style=discord.ButtonStyle.primary,
                disabled=reveal,
                custom_id=render.custom_id(prefixes.typed, run_id, number),
            )
        )
    made.stop()
    return made
