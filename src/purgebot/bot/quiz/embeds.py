"""What a quiz looks like in the channel: the question, its reveal, and the standings.

Embeds only, built from the engine's records; every cut to Discord's limits is left to `render`.
Text a student typed (answers, names) is escaped so it cannot restyle the message.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from purgebot.banks.model import (
    Bank,
    TrueFalseQuestion,
)
from purgebot.bot import render
from purgebot.bot.cards import (
    epoch,
    how_to_answer,
    option_lines,
    plural,
    points,
    source_text,
    typed,
)
from purgebot.quiz import CloseReason, QuestionResult, QuestionView, QuizResult, Standing

COLOUR = discord.Colour.dark_red()
OPEN_COLOUR = discord.Colour.blurple()
RIGHT = "✅"
BAR_WIDTH = 10
TOP = 5
CLOSED_BY = {
    CloseReason.TIME_UP: "Time is up.",
    CloseReason.ALL_ANSWERED: "Everyone answered.",
    CloseReason.TEACHER: "Closed early.",
}


def question_embed(
    view: QuestionView, bank: Bank, *, closes_at: float, scoring: str, started_by: str
) -> discord.Embed:
    """The question as posted: prompt, options, and a countdown that needs no edits."""
    q = view.question
    body = [q.prompt, ""]
    options = option_lines(view)
    if options:
        body += [*options, ""]
    body.append(how_to_answer(view))
    deadline = view.deadline()
    timing = f"{view.seconds:g} s · ends <t:{epoch(deadline)}:R>"
    if closes_at > deadline + 0.5:
        timing += f"\nExtra time for some: open until <t:{epoch(closes_at)}:T>"
    about = [t for t in (bank.topic_of(q), bank.difficulty_of(q)) if t]
    footer = f"{bank.title} · {scoring} scoring · started by {started_by}"
    if about:
        footer = " · ".join(str(a) for a in about) + " · " + footer
    return render.embed(
        f"Question {view.number} of {view.total}",
        "\n".join(body),
        fields=[("Time", timing, False)],
        footer=footer + " · your first answer counts",
        colour=OPEN_COLOUR,
    )


INTERRUPTED_TIME = "Ended: the quiz bot restarted before this question closed."


def interrupted(embed: discord.Embed) -> discord.Embed:
    """An open question's card once a restart has ended its quiz: no countdown left running."""
    made = embed.copy()
    for index, field in enumerate(made.fields):
        if field.name == "Time":
            made.set_field_at(index, name="Time", value=INTERRUPTED_TIME, inline=False)
    return made


def bar(count: int, total: int) -> str:
    filled = round(BAR_WIDTH * count / total) if total else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def distribution_lines(result: QuestionResult) -> list[str]:
    total = result.answered
    lines = []
    # a true/false question's buttons said True and False: no letters the class never saw
    lettered = not isinstance(result.question, TrueFalseQuestion)
    for tally in result.distribution:
        mark = f" {RIGHT}" if tally.correct else ""
        text = tally.text if tally.label else f"“{typed(tally.text)}”"
        label = f"`{tally.label}` " if tally.label and lettered else ""
        lines.append(f"{label}{bar(tally.count, total)} {tally.count} · {text}{mark}")
    return lines


def standing_line(s: Standing, *, scoring: str) -> str:
    score = f"{points(s.points)} pts" if scoring == "speed" else plural(s.points, "point")
    return f"**{s.rank}.** {typed(s.name)} — {score} ({s.correct}/{s.asked} right)"


def reveal_embed(
    result: QuestionResult,
    bank: Bank,
    *,
    total: int,
    expected: int,
    top: Sequence[Standing],
    scoring: str,
    note: str | None = None,
) -> discord.Embed:
    """The same message at the close: the answer, why, where from, how the class answered."""
    q = result.question
    description = f"{render.cut(q.prompt, 1500)}\n\n**Answer:** {result.correct_text}"
    fields: list[tuple[str, str, bool]] = []
    if q.explanation:
        fields.append(("Why", q.explanation, False))
    if (source := source_text(bank, result.question)) is not None:
        fields.append(("Source", source, False))
    if q.note:  # the bank's own correction, e.g. where the source above is wrong
        fields.append(("Note", q.note, False))
    answered = f"{result.answered} answered"
    if expected > result.answered:
        answered = f"{result.answered} of {expected} answered"
    spread = distribution_lines(result) or ["Nobody answered."]
    text, _ = render.lines_within(
        spread, render.FIELD_VALUE, lambda n: f"…and {plural(n, 'other answer')}"
    )
    heading = f"How the class answered ({answered}, {result.correct_count} right)"
    fields.append((heading, text, False))
    if top:
        leaders = "\n".join(standing_line(s, scoring=scoring) for s in top)
        fields.append(("Top five", leaders, False))
    footer = CLOSED_BY[result.reason]
    if note:
        footer = f"{footer} {note}"
    return render.embed(
        f"Question {result.number} of {total} · answer",
        description,
        fields=fields,
        footer=footer,
        colour=COLOUR,
    )


def standings_embed(
    result: QuizResult, *, run_id: int, headline: str | None = None
) -> discord.Embed:
    """The final standings: everyone who took part, best first, as many as fit."""
    lines = [standing_line(s, scoring=result.scoring) for s in result.standings]
    text, _ = render.lines_within(
        lines or ["Nobody answered."],
        render.EMBED_DESCRIPTION - 300,
        lambda n: f"…and {plural(n, 'more player')}",
    )
    asked = len(result.questions)
    summary = plural(asked, "question") + " played"
    if result.stopped:
        summary += " (ended early)"
    if headline:
        text = f"{headline}\n\n{text}"
    return render.embed(
        f"Final standings · {result.bank_title}",
        text,
        fields=[("Quiz", summary, True), ("Run", f"#{run_id}", True)],
        footer="Teachers: /results export for the spreadsheet · everyone: /leaderboard, /stats",
        colour=COLOUR,
    )


def status_embed(
    *,
    bank: Bank,
    view: QuestionView | None,
    state: str,
    answered: int,
    expected: int,
    closes_at: float,
    started_by: str,
    top: Sequence[Standing],
    scoring: str,
) -> discord.Embed:
    """Where the channel's quiz is, for anyone who asks (privately)."""
    fields: list[tuple[str, str, bool]] = [("Bank", f"`{bank.id}` {typed(bank.title)}", False)]
    if view is not None:
        where = f"Question {view.number} of {view.total} ({state})"
        if state == "open":
            count = f"{answered} of {expected}" if expected > answered else str(answered)
            where += f", {count} answered, ends <t:{epoch(closes_at)}:R>"
        fields.append(("Now", where, False))
    fields.append(("Started by", typed(started_by), True))
    fields.append(("Scoring", scoring, True))
    # points are given at each reveal: before the first, a table of zeros would only mislead
    leaders = [s for s in top if s.asked > 0]
    if leaders:
        lines = "\n".join(standing_line(s, scoring=scoring) for s in leaders)
        fields.append(("Leading (as of the last reveal)", lines, False))
    elif view is not None:
        fields.append(("Leading", "Points show at the first reveal.", False))
    return render.embed("Quiz in this channel", None, fields=fields, colour=OPEN_COLOUR)
