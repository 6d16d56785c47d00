"""What a student sees in a private quiz: the question, the feedback after it, the summary."""

from __future__ import annotations

import discord

from purgebot.banks.model import Bank
from purgebot.bot import render
from purgebot.bot.cards import epoch, how_to_answer, option_lines, plural, source_text, typed
from purgebot.quiz.selfpaced import Outcome
from purgebot.quiz.view import QuestionView

OPEN = discord.Colour.blurple()
RIGHT = discord.Colour.green()
WRONG = discord.Colour.red()

TITLES = {"homework": "Homework", "practice": "Practice", "review": "Review"}


def question_embed(
    view: QuestionView, bank: Bank, *, mode: str, multiplier: float
) -> discord.Embed:
    q = view.question
    body = [q.prompt, ""]
    if options := option_lines(view):
        body += [*options, ""]
    body.append(how_to_answer(view))
    own = view.seconds * multiplier
    timing = f"{own:g} s · ends <t:{epoch(view.deadline(multiplier))}:R>"
    if multiplier > 1:
        timing += f" (your extra time: ×{multiplier:g})"
    return render.embed(
        f"{TITLES.get(mode, 'Quiz')} · question {view.number} of {view.total}",
        "\n".join(body),
        fields=[("Time", timing, False)],
        footer=f"{bank.title} · only you can see this · your first answer counts",
        colour=OPEN,
    )


def feedback_embed(outcome: Outcome, bank: Bank, *, count_points: bool) -> discord.Embed:
    """Right or wrong, the answer, the explanation and the source, as the terminal preview."""
    view = outcome.view
    q = view.question
    if outcome.late:
        head = "⏰ Time was up: no answer counted."
    elif outcome.correct:
        head = "✅ Right!"
    else:
        head = f"❌ Not quite: you answered “{typed(outcome.raw)}”."
    lines = [head, f"**Answer:** {q.correct_text()}"]
    if count_points and outcome.correct:
        lines.append(f"+{outcome.points:,} points")
    fields = []
    if q.explanation:
        fields.append(("Why", q.explanation, False))
    if (source := source_text(bank, view.question)) is not None:
        fields.append(("Source", source, False))
    return render.embed(
        f"Question {view.number} of {view.total}",
        "\n".join(lines),
        fields=fields,
        colour=RIGHT if outcome.correct else WRONG,
    )


def summary_text(mode: str, correct: int, answered: int, total: int, points: int | None) -> str:
    score = f"{correct} of {plural(total, 'question')} right"
    if points is not None:
        score += f", {points:,} points"
    after = {
        "homework": "Your teacher can see your result.",
        "practice": "Questions you missed come back in `/review`.",
        "review": "Missed ones come back tomorrow; right ones wait longer.",
    }.get(mode, "")
    return f"🏁 Done: {score}. {after}".strip()
