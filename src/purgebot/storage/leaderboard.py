"""Leaderboards and a student's own stats, all derived from the answer rows.

A weekly or monthly board reads only that window of the covering index (guild_id, answered_at,
user_id, points, correct, run_id); all-time boards read the per-student totals. Either way,
names are looked up for the page shown and no more.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from purgebot.storage.base import StoreBase, answers_where
from purgebot.storage.db import Conn, fetchall, fetchone
from purgebot.storage.records import (
    LeaderboardEntry,
    LeaderboardPage,
    Metric,
    Period,
    RunStatus,
    RunSummary,
    StudentStats,
    TopicStats,
)
from purgebot.storage.scope import class_clause
from purgebot.storage.timeutil import from_ms, period_start, to_ms

# Fixed SQL fragments chosen by enum, never built from input: values always go in placeholders.
_RANK_KEY = {
    Metric.POINTS: "points",
    Metric.ACCURACY: "CAST(correct AS REAL) / answered",
}
# Order within a shared rank (display only): more correct answers, then more answers.
_TIE_ORDER = {
    Metric.POINTS: "correct DESC, answered ASC, user_id",
    Metric.ACCURACY: "answered DESC, points DESC, user_id",
}


# The runs whose answers rank on the boards: practice and review are for the student alone.
# (The all-time totals keep the same rule in their triggers, migrations/*/triggers.sql.)
BOARD_MODES = "mode IN ('live', 'homework')"


def aggregate_cte(
    guild_id: int,
    since: int | None,
    bank_id: str | None,
    min_answered: int,
    class_name: str | None = None,
) -> tuple[str, list[Any]]:
    """`WITH agg(user_id, points, answered, correct)` for one server's period and bank.

    All time reads the trigger-kept totals (a row per student and bank); a week or a month
    reads the (guild_id, answered_at, ...) covering index over just that window.
    `GROUP BY +user_id` keeps it so: grouping by the bare column tempts the planner, once it has
    statistics, into a skip-scan of the (user_id, ...) index to save a sort, which reads more.
    A class board reads the window too, keeping the answers given in the class's channels.
    """
    if since is None and bank_id is None and class_name is None:
        return (
            """WITH agg AS (
                   SELECT user_id, sum(points) AS points, sum(answered) AS answered,
                          sum(correct) AS correct
                   FROM answer_totals WHERE guild_id = ?
                   GROUP BY user_id HAVING sum(answered) >= ?)""",
            [guild_id, min_answered],
        )
    if since is None and bank_id is not None and class_name is None:
        return (
            """WITH agg AS (
                   SELECT user_id, points, answered, correct FROM answer_totals
                   WHERE guild_id = ? AND bank_id = ? AND answered >= ?)""",
            [guild_id, bank_id, min_answered],
        )
    where, params = answers_where(guild_id, since=since, bank_id=bank_id)
    # `+run_id`: the runs only filter the window's entries; never let SQLite drive the read
    # from them through ix_answers_run (all of a server's time, run by run, once it has stats)
    where += f" AND +run_id IN (SELECT run_id FROM runs WHERE guild_id = ? AND {BOARD_MODES})"
    params.append(guild_id)
    if class_name is not None:
        where += " AND " + class_clause("")
        params += [guild_id, guild_id, class_name]
    return (
        f"""WITH agg AS (
                SELECT user_id, sum(points) AS points, count(*) AS answered,
                       sum(correct) AS correct
                FROM answers WHERE {where} GROUP BY +user_id HAVING count(*) >= ?)""",
        [*params, min_answered],
    )


def leaderboard_sql(metric: Metric, agg: str) -> str:
    """Rank every student, keep one page, and look up names for that page only."""
    order = f"rnk, {_TIE_ORDER[metric]}"
    return f"""{agg},
        ranked AS (
            SELECT user_id, points, answered, correct,
                   rank() OVER (ORDER BY {_RANK_KEY[metric]} DESC) AS rnk,
                   count(*) OVER () AS total
            FROM agg
        ),
        page AS (SELECT * FROM ranked ORDER BY {order} LIMIT ? OFFSET ?)
        SELECT rnk, user_id,
               (SELECT a.user_name FROM answers AS a
                WHERE a.user_id = page.user_id AND a.guild_id = ?
                ORDER BY a.answered_at DESC LIMIT 1),
               points, answered, correct, total
        FROM page ORDER BY {order}"""


async def ranked_page(
    conn: Conn, metric: Metric, agg: str, params: list[Any], limit: int, offset: int, guild_id: int
) -> tuple[tuple[LeaderboardEntry, ...], int]:
    """One page of the ranking over `agg` and how many students it ranks in all."""
    rows = await fetchall(conn, leaderboard_sql(metric, agg), [*params, limit, offset, guild_id])
    if rows:
        total = int(rows[0][6])
    else:
        count = await fetchone(conn, f"{agg} SELECT count(*) FROM agg", params)
        total = int(count[0]) if count else 0
    entries = tuple(
        LeaderboardEntry(int(r[0]), int(r[1]), str(r[2]), int(r[3]), int(r[4]), int(r[5]))
        for r in rows
    )
    return entries, total


def best_streak(correct_in_order: Iterable[bool]) -> int:
    best = current = 0
    for correct in correct_in_order:
        current = current + 1 if correct else 0
        best = max(best, current)
    return best


class StatsMixin(StoreBase):
    async def leaderboard(
        self,
        guild_id: int,
        *,
        period: Period = Period.ALL,
        metric: Metric = Metric.POINTS,
        bank_id: str | None = None,
        min_answers: int = 1,
        offset: int = 0,
        limit: int = 10,
        class_name: str | None = None,
    ) -> LeaderboardPage:
        """One page of a server's (or one class's) ranking. Equal scores share a rank (1, 2, 2,
        4). Only answers since the latest term's start count: a new term starts at zero.

        For accuracy only students with at least `min_answers` answers in the period are ranked,
        so one lucky answer does not top the board.
        """
        if offset < 0 or limit < 1:
            raise ValueError("offset must be >= 0 and limit >= 1")
        start = period_start(period, self._now())
        # points rank anyone who answered; accuracy needs enough answers to mean something
        needed = max(1, min_answers) if metric is Metric.ACCURACY else 1
        async with self._db.snapshot() as conn:
            term = await fetchone(
                conn, "SELECT max(started_at) FROM terms WHERE guild_id = ?", (guild_id,)
            )
            if term and term[0] is not None and (start is None or from_ms(term[0]) > start):
                start = from_ms(term[0])
            since = to_ms(start) if start else None
            agg, params = aggregate_cte(guild_id, since, bank_id, needed, class_name)
            entries, total = await ranked_page(conn, metric, agg, params, limit, offset, guild_id)
        return LeaderboardPage(entries, total, offset, limit, period, metric, start)

    async def student_stats(
        self,
        guild_id: int,
        user_id: int,
        *,
        weakest: int = 3,
        min_topic_answers: int = 3,
        recent: int = 5,
    ) -> StudentStats:
        """Everything a student may see about their own play in one server.

        Weakest topics are those with at least `min_topic_answers` answers and some wrong,
        lowest accuracy first. The best streak is the longest run of correct answers in the
        order they were given, across runs.
        """
        key = (user_id, guild_id)  # the order of ix_answers_user_guild
        async with self._db.snapshot() as conn:
            totals = await fetchone(
                conn,
                """SELECT count(*), coalesce(sum(correct), 0), coalesce(sum(points), 0)
                   FROM answers WHERE user_id = ? AND guild_id = ?""",
                key,
            )
            name = await fetchone(
                conn,
                """SELECT user_name FROM answers WHERE user_id = ? AND guild_id = ?
                   ORDER BY answered_at DESC LIMIT 1""",
                key,
            )
            topic_rows = await fetchall(
                conn,
                """SELECT topic, count(*) AS n, sum(correct) FROM answers
                   WHERE user_id = ? AND guild_id = ? GROUP BY topic ORDER BY n DESC, topic""",
                key,
            )
            in_order = await fetchall(
                conn,
                """SELECT correct FROM answers WHERE user_id = ? AND guild_id = ?
                   ORDER BY answered_at""",
                (user_id, guild_id),
            )
            # the newest runs they answered in: a seek per run on (run_id, user_id), newest first
            run_rows = await fetchall(
                conn,
                """SELECT r.run_id, r.bank_id, r.channel_id, r.started_at, r.status,
                          count(*), sum(a.correct), sum(a.points)
                   FROM (SELECT * FROM runs AS r WHERE r.guild_id = ? AND EXISTS
                           (SELECT 1 FROM answers AS x WHERE x.run_id = r.run_id AND x.user_id = ?)
                         ORDER BY r.started_at DESC, r.run_id DESC LIMIT ?) AS r
                   JOIN answers AS a ON a.run_id = r.run_id AND a.user_id = ?
                   GROUP BY r.run_id, r.bank_id, r.channel_id, r.started_at, r.status
                   ORDER BY r.started_at DESC, r.run_id DESC""",
                (guild_id, user_id, recent, user_id),
            )
        topics = tuple(TopicStats(r[0], int(r[1]), int(r[2])) for r in topic_rows)
        weak = sorted(
            (t for t in topics if t.topic is not None and t.answered >= min_topic_answers),
            key=lambda t: (t.accuracy, -t.answered, t.topic or ""),
        )
        answered, correct, points = totals if totals else (0, 0, 0)
        return StudentStats(
            guild_id=guild_id,
            user_id=user_id,
            user_name=str(name[0]) if name else None,
            answered=int(answered),
            correct=int(correct),
            points=int(points),
            best_streak=best_streak(bool(r[0]) for r in in_order),
            topics=topics,
            weakest_topics=tuple(t for t in weak if t.correct < t.answered)[:weakest],
            recent_runs=tuple(
                RunSummary(
                    run_id=int(r[0]),
                    bank_id=str(r[1]),
                    channel_id=int(r[2]),
                    started_at=from_ms(r[3]),
                    status=RunStatus(r[4]),
                    answered=int(r[5]),
                    correct=int(r[6]),
                    points=int(r[7]),
                )
                for r in run_rows
            ),
        )
