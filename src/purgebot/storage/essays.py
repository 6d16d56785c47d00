"""Essay submissions, their automatic feedback, and the teacher's review queue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from purgebot.storage.base import StoreBase, dump_json, load_json, range_ms
from purgebot.storage.db import fetchone, upsert
from purgebot.storage.errors import StorageError, SubmissionNotFoundError
from purgebot.storage.records import EssayReview, EssaySubmission, NewEssay
from purgebot.storage.reports import EssayReport
from purgebot.storage.timeutil import from_ms

_SELECT = """
SELECT s.submission_id, s.guild_id, s.user_id, s.user_name, s.bank_id, s.prompt_id, s.text,
       s.word_count, s.feedback_json, s.submitted_at,
       r.submission_id, r.score, r.comment, r.reviewer_id, r.reviewed_at
FROM essay_submissions AS s LEFT JOIN essay_reviews AS r ON r.submission_id = s.submission_id
"""


def _submission(row: tuple[Any, ...]) -> EssaySubmission:
    review = (
        EssayReview(int(row[10]), float(row[11]), row[12], row[13], from_ms(row[14]))
        if row[10] is not None
        else None
    )
    return EssaySubmission(
        submission_id=int(row[0]),
        guild_id=int(row[1]),
        user_id=int(row[2]),
        user_name=str(row[3]),
        bank_id=str(row[4]),
        prompt_id=str(row[5]),
        text=str(row[6]),
        word_count=int(row[7]),
        feedback=load_json(row[8]),
        submitted_at=from_ms(row[9]),
        review=review,
    )


class EssaysMixin(StoreBase):
    async def submit_essay(self, essay: NewEssay) -> EssaySubmission:
        """Store a submission (submitted now) with its feedback; it joins the review queue."""
        async with self._db.write() as conn:
            row = await fetchone(
                conn,
                """INSERT INTO essay_submissions (guild_id, user_id, user_name, bank_id, prompt_id,
                                                  text, word_count, feedback_json, submitted_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING submission_id""",
                (
                    essay.guild_id,
                    essay.user_id,
                    essay.user_name,
                    essay.bank_id,
                    essay.prompt_id,
                    essay.text,
                    essay.word_count,
                    dump_json(essay.feedback),
                    self._now_ms(),
                ),
            )
            if row is None:
                raise StorageError("inserting an essay returned nothing")
            stored = await fetchone(conn, f"{_SELECT} WHERE s.submission_id = ?", (row[0],))
        if stored is None:
            raise StorageError("an essay just inserted is missing")
        return _submission(stored)

    async def get_submission(self, guild_id: int, submission_id: int) -> EssaySubmission | None:
        row = await self._db.fetchone(
            f"{_SELECT} WHERE s.submission_id = ? AND s.guild_id = ?", (submission_id, guild_id)
        )
        return _submission(row) if row else None

    async def essay_queue(
        self, guild_id: int, *, bank_id: str | None = None, limit: int = 25, offset: int = 0
    ) -> list[EssaySubmission]:
        """Submissions not yet reviewed, oldest first."""
        rows = await self._db.fetchall(
            f"""{_SELECT} WHERE s.guild_id = ? AND r.submission_id IS NULL
                AND (? IS NULL OR s.bank_id = ?)
                ORDER BY s.submitted_at, s.submission_id LIMIT ? OFFSET ?""",
            (guild_id, bank_id, bank_id, limit, offset),
        )
        return [_submission(r) for r in rows]

    async def pending_essays(self, guild_id: int) -> int:
        row = await self._db.fetchone(
            """SELECT count(*) FROM essay_submissions AS s
               WHERE s.guild_id = ? AND NOT EXISTS
                 (SELECT 1 FROM essay_reviews AS r WHERE r.submission_id = s.submission_id)""",
            (guild_id,),
        )
        return int(row[0]) if row else 0

    async def review_essay(
        self,
        guild_id: int,
        submission_id: int,
        score: float,
        comment: str | None,
        reviewer_id: int | None,
    ) -> EssayReview:
        """Record (or replace) a teacher's mark; refuses a submission from another server."""
        now = self._now_ms()
        async with self._db.write() as conn:
            found = await fetchone(
                conn,
                "SELECT 1 FROM essay_submissions WHERE submission_id = ? AND guild_id = ?",
                (submission_id, guild_id),
            )
            if found is None:
                raise SubmissionNotFoundError(submission_id)
            mark = {
                "score": score,
                "comment": comment,
                "reviewer_id": reviewer_id,
                "reviewed_at": now,
            }
            await upsert(conn, "essay_reviews", {"submission_id": submission_id}, mark)
        return EssayReview(submission_id, float(score), comment, reviewer_id, from_ms(now))

    async def student_essays(
        self, guild_id: int, user_id: int, limit: int = 25, offset: int = 0
    ) -> list[EssaySubmission]:
        """A student's own submissions with feedback and marks, newest first."""
        rows = await self._db.fetchall(
            f"""{_SELECT} WHERE s.guild_id = ? AND s.user_id = ?
                ORDER BY s.submitted_at DESC, s.submission_id DESC LIMIT ? OFFSET ?""",
            (guild_id, user_id, limit, offset),
        )
        return [_submission(r) for r in rows]

    async def essay_report(
        self, guild_id: int, start: datetime | None = None, end: datetime | None = None
    ) -> EssayReport:
        """Every submission from `start` (inclusive) to `end` (exclusive), oldest first."""
        since, until = range_ms(start, end)
        rows = await self._db.fetchall(
            f"""{_SELECT} WHERE s.guild_id = ?
                AND (? IS NULL OR s.submitted_at >= ?) AND (? IS NULL OR s.submitted_at < ?)
                ORDER BY s.submitted_at, s.submission_id""",
            (guild_id, since, since, until, until),
        )
        return EssayReport(start, end, tuple(_submission(r) for r in rows))
