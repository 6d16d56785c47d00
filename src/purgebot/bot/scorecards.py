"""Embeds for what the store remembers: leaderboards, a student's stats, a report's summary."""

from __future__ import annotations

from datetime import timedelta

import discord

from purgebot.bot import render
from purgebot.bot.cards import plural, points, timestamp, typed
from purgebot.storage import LeaderboardPage, Metric, Period, Report, RunRecord, StudentStats

COLOUR = discord.Colour.gold()
PERIOD_NAMES = {Period.ALL: "all time", Period.WEEK: "this week", Period.MONTH: "this month"}
MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


def percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def leaderboard_embed(page: LeaderboardPage, bank_id: str | None) -> discord.Embed:
    """One page of a ranking; shared ranks (1, 2, 2, 4) as the store gives them."""
    by_points = page.metric is Metric.POINTS
    lines = []
    for e in page.entries:
        place = MEDALS.get(e.rank, f"**{e.rank}.**")
        score = (
            f"{points(e.points)} pts · {percent(e.accuracy)} right"
            if by_points
            else f"{percent(e.accuracy)} right · {e.correct}/{e.answered}"
        )
        lines.append(f"{place} {typed(e.user_name)} — {score}")
    if not lines:
        lines = [
            "Nobody yet: play a `/quiz start` first."
            if by_points
            else f"Nobody has answered {plural(3, 'question')} or more yet."
        ]
    scope = PERIOD_NAMES[page.period] + (f" · bank `{bank_id}`" if bank_id else "")
    pages = max(1, -(-page.total // page.limit))
    number = page.offset // page.limit + 1
    footer = f"Page {number} of {pages} · {plural(page.total, 'player')}"
    if not by_points:
        footer += " · ranked on 3 answers or more"
    if page.since is not None:
        footer += f" · since {page.since:%d %b %Y} (UTC)"
    text, _ = render.lines_within(lines, render.EMBED_DESCRIPTION, lambda n: f"…and {n} more")
    return render.embed(
        f"Leaderboard · {'points' if by_points else 'accuracy'} · {scope}",
        text,
        footer=footer,
        colour=COLOUR,
    )


def stats_embed(stats: StudentStats, name: str) -> discord.Embed:
    """A student's own record: totals, best streak, topics to work on, recent quizzes."""
    if not stats.answered:
        return render.embed(f"Stats · {name}", "No quiz answers recorded here yet.", colour=COLOUR)
    fields: list[tuple[str, str, bool]] = [
        ("Answered", str(stats.answered), True),
        ("Right", f"{stats.correct} ({percent(stats.accuracy)})", True),
        ("Points", points(stats.points), True),
        ("Best streak", plural(stats.best_streak, "right answer") + " in a row", True),
    ]
    if stats.weakest_topics:
        weak = [f"{t.topic}: {percent(t.accuracy)} of {t.answered}" for t in stats.weakest_topics]
        fields.append(("Worth revising", "\n".join(weak), False))
    if stats.topics:
        topics = [
            f"{t.topic or 'no topic'}: {t.correct}/{t.answered} ({percent(t.accuracy)})"
            for t in stats.topics
        ]
        text, _ = render.lines_within(
            topics, render.FIELD_VALUE, lambda n: f"…and {plural(n, 'more topic')}"
        )
        fields.append(("By topic", text, False))
    if stats.recent_runs:
        runs = [
            f"#{r.run_id} `{r.bank_id}` {timestamp(r.started_at)}: {r.correct}/{r.answered} right, "
            f"{points(r.points)} pts"
            for r in stats.recent_runs
        ]
        fields.append(("Recent quizzes", "\n".join(runs), False))
    return render.embed(f"Stats · {typed(name)}", None, fields=fields, colour=COLOUR)


def run_label(run: RunRecord) -> str:
    """How a run is named in autocomplete: id, bank, start (UTC) and how it ended."""
    return f"#{run.run_id} · {run.bank_id} · {run.started_at:%Y-%m-%d %H:%M} UTC · {run.status}"


def report_summary(report: Report) -> str:
    students = plural(len(report.students), "student")
    questions = plural(len(report.questions), "question")
    if report.run is not None:
        run = report.run
        # the reason only where it says more than the status ("stopped by ms_ivanova")
        reason = run.end_reason if run.end_reason not in (None, "", str(run.status)) else None
        ended = f", {run.status}" + (f" ({reason})" if reason else "")
        head = (
            f"Run #{run.run_id} · `{run.bank_id}` · started {timestamp(run.started_at, 'f')}{ended}"
        )
    else:
        # the days as the teacher typed them: the report's own end is the midnight after
        start = f"{report.start:%Y-%m-%d}" if report.start else "the start"
        end = f"{report.end - timedelta(days=1):%Y-%m-%d}" if report.end else "now"
        head = f"Every quiz answer in this server from {start} to {end}"
        if report.end:
            head += " (both days included)" if report.start else " (that day included)"
    return (
        f"{head}\n{students}, {questions}. Four files: one row per student, one per question "
        "(with its text), the student × question grid, and every answer student by student "
        "(UTF-8, opens in any spreadsheet; students by their number here, as well as by name)."
    )
