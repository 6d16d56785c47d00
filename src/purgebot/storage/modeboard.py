"""A leaderboard of one kind of play only: homework answers, or live ones (runs.mode, 006).

The ordinary boards count every answer; a teacher who wants homework "in its own right" ranks
by this. Same ranking SQL as the ordinary boards, over the answers of runs of one mode.
"""

from __future__ import annotations

from purgebot.storage.base import StoreBase, answers_where
from purgebot.storage.db import fetchall, fetchone
from purgebot.storage.leaderboard import leaderboard_sql
from purgebot.storage.records import LeaderboardEntry, LeaderboardPage, Metric, Period
from purgebot.storage.timeutil import period_start, to_ms

MODES = ("live", "homework", "practice", "review")
MIN_FOR_ACCURACY = 3


class ModeBoardMixin(StoreBase):
    async def mode_leaderboard(
        self,
        guild_id: int,
        mode: str,
        *,
        period: Period = Period.ALL,
        metric: Metric = Metric.POINTS,
        limit: int = 10,
    ) -> LeaderboardPage:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        start = period_start(period, self._now())
        where, params = answers_where(guild_id, since=to_ms(start) if start else None)
        where += " AND +run_id IN (SELECT run_id FROM runs WHERE guild_id = ? AND mode = ?)"
        params += [guild_id, mode]
        needed = MIN_FOR_ACCURACY if metric is Metric.ACCURACY else 1
        agg = f"""WITH agg AS (
                SELECT user_id, sum(points) AS points, count(*) AS answered,
                       sum(correct) AS correct
                FROM answers WHERE {where} GROUP BY +user_id HAVING count(*) >= ?)"""
        params.append(needed)
        async with self._db.snapshot() as conn:
            rows = await fetchall(conn, leaderboard_sql(metric, agg), [*params, limit, 0, guild_id])
            if rows:
                total = int(rows[0][6])
            else:
                count = await fetchone(conn, f"{agg} SELECT count(*) FROM agg", params)
                total = int(count[0]) if count else 0
        entries = tuple(
            LeaderboardEntry(int(r[0]), int(r[1]), str(r[2]), int(r[3]), int(r[4]), int(r[5]))
            for r in rows
        )
        return LeaderboardPage(entries, total, 0, limit, period, metric, start)
