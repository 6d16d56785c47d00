"""A leaderboard of one kind of play only: homework answers, or live ones (runs.mode, 006).

The ordinary boards count every answer; a teacher who wants homework "in its own right" ranks
by this. Same ranking SQL as the ordinary boards, over the answers of runs of one mode.
"""

from __future__ import annotations

from purgebot.storage.base import StoreBase, answers_where
from purgebot.storage.leaderboard import ranked_page
from purgebot.storage.records import LeaderboardPage, Metric, Period
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
            entries, total = await ranked_page(conn, metric, agg, params, limit, 0, guild_id)
        return LeaderboardPage(entries, total, 0, limit, period, metric, start)
