"""A student's review boxes: which questions come back to them, and when.

Questions enter by a trigger on every wrong answer (migrations/*/triggers.sql); `/review`
moves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from purgebot.storage.base import StoreBase
from purgebot.storage.db import execute
from purgebot.storage.timeutil import from_ms, to_ms


@dataclass(frozen=True, slots=True)
class ReviewItem:
    bank_id: str
    question_id: str
    box: int
    due_at: datetime
    missed: int


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    """A question the class keeps missing: how many students have it in review."""

    bank_id: str
    question_id: str
    students: int
    misses: int


class ReviewMixin(StoreBase):
    async def _flush_answers(self) -> None:  # the store's own waits for the answer writer
        return None

    async def due_reviews(
        self, guild_id: int, user_id: int, now: datetime, limit: int = 20
    ) -> list[ReviewItem]:
        """The questions due for a student now, longest overdue first."""
        await self._flush_answers()
        rows = await self._db.fetchall(
            """SELECT bank_id, question_id, box, due_at, missed FROM review_boxes
               WHERE guild_id = ? AND user_id = ? AND due_at <= ?
               ORDER BY due_at, bank_id, question_id LIMIT ?""",
            (guild_id, user_id, to_ms(now), limit),
        )
        return [ReviewItem(r[0], r[1], r[2], from_ms(r[3]), r[4]) for r in rows]

    async def review_boxes(self, guild_id: int, user_id: int) -> list[ReviewItem]:
        """Every question in a student's boxes, soonest due first."""
        await self._flush_answers()
        rows = await self._db.fetchall(
            """SELECT bank_id, question_id, box, due_at, missed FROM review_boxes
               WHERE guild_id = ? AND user_id = ? ORDER BY due_at, bank_id, question_id""",
            (guild_id, user_id),
        )
        return [ReviewItem(r[0], r[1], r[2], from_ms(r[3]), r[4]) for r in rows]

    async def count_due(self, guild_id: int, user_id: int, now: datetime) -> int:
        await self._flush_answers()
        row = await self._db.fetchone(
            """SELECT count(*) FROM review_boxes
               WHERE guild_id = ? AND user_id = ? AND due_at <= ?""",
            (guild_id, user_id, to_ms(now)),
        )
        return int(row[0]) if row else 0

    async def move_review(
        self,
        guild_id: int,
        user_id: int,
        bank_id: str,
        question_id: str,
        box: int | None,
        due_at: datetime | None,
    ) -> None:
        """Put a question in `box`, due at `due_at`; box None takes it out (learned)."""
        key = (guild_id, user_id, bank_id, question_id)
        async with self._db.write() as conn:
            if box is None or due_at is None:
                await execute(
                    conn,
                    """DELETE FROM review_boxes
                       WHERE guild_id = ? AND user_id = ? AND bank_id = ? AND question_id = ?""",
                    key,
                )
                return
            await execute(
                conn,
                """UPDATE review_boxes SET box = ?, due_at = ?
                   WHERE guild_id = ? AND user_id = ? AND bank_id = ? AND question_id = ?""",
                (box, to_ms(due_at), *key),
            )

    async def class_missed(self, guild_id: int, limit: int = 10) -> list[MissedQuestion]:
        """The questions most students of a server have in review, most first."""
        await self._flush_answers()
        rows = await self._db.fetchall(
            """SELECT bank_id, question_id, count(*), sum(missed) FROM review_boxes
               WHERE guild_id = ? GROUP BY bank_id, question_id
               ORDER BY count(*) DESC, sum(missed) DESC, bank_id, question_id LIMIT ?""",
            (guild_id, limit),
        )
        return [MissedQuestion(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    async def review_box(
        self, guild_id: int, user_id: int, bank_id: str, question_id: str
    ) -> int | None:
        """The box a question is in for a student, None when it is not in review."""
        await self._flush_answers()
        row = await self._db.fetchone(
            """SELECT box FROM review_boxes
               WHERE guild_id = ? AND user_id = ? AND bank_id = ? AND question_id = ?""",
            (guild_id, user_id, bank_id, question_id),
        )
        return int(row[0]) if row else None
