"""The assignment card, the teacher's status and its CSV, the students' list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import discord

from purgebot.banks.model import Bank
from purgebot.bot import render
from purgebot.bot.cards import plural, typed
from purgebot.bot.selfpaced.desk import when
from purgebot.storage import RunStatus
from purgebot.storage.attempts import Assignment, AttemptScore
from purgebot.storage.csvout import percent, safe_text, timestamp, to_csv

FINISHED, STARTED, NOT_STARTED = "finished", "started", "not started"


def relative(moment_s: float) -> str:
    return f"<t:{int(moment_s)}:R>"


def card_embed(assignment: Assignment, bank: Bank, count: int, teacher: str) -> discord.Embed:
    due = assignment.due_at
    tries = "one attempt" if assignment.attempts == 1 else f"{assignment.attempts} attempts"
    return render.embed(
        f"📚 Homework: {bank.title}",
        f"{plural(count, 'question')}, played privately at your own pace, each with its "
        f"timer. Press **Start** when you are ready: you get {tries}.",
        fields=[("Due", f"{when(due)} ({relative(due.timestamp())})", False)],
        footer=f"Set by {teacher} · homework #{assignment.assignment_id}",
        colour=discord.Colour.gold(),
    )


@dataclass(frozen=True, slots=True)
class StudentState:
    user_id: int
    name: str
    state: str
    best: AttemptScore | None
    attempts: int


def student_states(
    scores: Sequence[AttemptScore], known: dict[int, str], exclude: set[int]
) -> list[StudentState]:
    """One line per student: finished (any attempt played to its end or to the deadline with
    every question answered), started, or not started (a student known in the server)."""
    by_user: dict[int, list[AttemptScore]] = {}
    for score in scores:
        by_user.setdefault(score.user_id, []).append(score)
    out = []
    for user_id, tries in by_user.items():
        best = max(tries, key=lambda s: (s.points, s.correct))
        done = any(s.status is RunStatus.FINISHED for s in tries)
        name = next((s.user_name for s in tries if s.user_name), None) or known.get(user_id, "?")
        out.append(StudentState(user_id, name, FINISHED if done else STARTED, best, len(tries)))
    for user_id, name in known.items():
        if user_id not in by_user and user_id not in exclude:
            out.append(StudentState(user_id, name, NOT_STARTED, None, 0))
    order = {FINISHED: 0, STARTED: 1, NOT_STARTED: 2}
    out.sort(key=lambda s: (order[s.state], -(s.best.points if s.best else 0), s.name.casefold()))
    return out


def state_line(s: StudentState) -> str:
    if s.best is None:
        return f"{typed(s.name)}: not started"
    b = s.best
    ended = " (ended at the deadline)" if b.end_reason == "deadline" else ""
    return (
        f"{typed(s.name)}: {s.state}{ended}, {b.correct}/{b.total} right "
        f"({percent(b.correct, b.answered) or 0}% of answered), {b.points:,} pts"
    )


def status_embed(
    assignment: Assignment,
    bank: Bank | None,
    states: Sequence[StudentState],
    missed: Sequence[tuple[str, int, int]],
    now_s: float,
) -> discord.Embed:
    counts = {k: sum(1 for s in states if s.state == k) for k in (FINISHED, STARTED, NOT_STARTED)}
    closed = "closed" if now_s >= assignment.due_at.timestamp() else "open"
    head = (
        f"Due {when(assignment.due_at)} ({closed}). {counts[FINISHED]} finished, "
        f"{counts[STARTED]} started, {counts[NOT_STARTED]} not started."
    )
    lines, _ = render.lines_within(
        [state_line(s) for s in states] or ["Nobody yet."], 1024, lambda n: f"… and {n} more"
    )
    worst = [
        f"{_prompt(bank, qid)}: {answered - correct} of {answered} wrong"
        for qid, answered, correct in missed
        if answered > correct
    ][:5]
    fields = [("Students", lines, False)]
    if worst:
        fields.append(("Most missed", "\n".join(worst), False))
    return render.embed(
        f"Homework #{assignment.assignment_id}: {bank.title if bank else assignment.bank_id}",
        head,
        fields=fields,
        footer="Not started: students who have answered any question in this server.",
    )


def _prompt(bank: Bank | None, question_id: str) -> str:
    if bank is None:  # the bank was removed since: its question ids still say which
        return question_id
    try:
        return render.cut(bank.question(question_id).prompt, 80)
    except KeyError:
        return question_id


def status_csv(states: Sequence[StudentState]) -> str:
    header = (
        "student",
        "state",
        "attempts",
        "answered",
        "correct",
        "accuracy %",
        "points",
        "started (UTC)",
        "ended (UTC)",
        "end reason",
    )
    rows = []
    for s in states:
        b = s.best
        rows.append(
            (
                safe_text(s.name),
                s.state,
                s.attempts,
                b.answered if b else 0,
                b.correct if b else 0,
                percent(b.correct, b.answered) if b else "",
                b.points if b else 0,
                timestamp(b.started_at) if b else "",
                timestamp(b.ended_at) if b else "",
                (b.end_reason or "") if b else "",
            )
        )
    return to_csv(header, rows)
