"""Teacher reports, derived from the answer rows: per student and per question, as CSV files.

Each table is its own CSV (one header, one kind of row) so a spreadsheet opens it without
fiddling; counts are answer attempts, and the engine allows one attempt per question.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from purgebot.storage import csvout
from purgebot.storage.base import StoreBase, answers_where, range_ms
from purgebot.storage.db import fetchall, fetchone
from purgebot.storage.errors import RunNotFoundError
from purgebot.storage.records import EssaySubmission, QuestionRow, RunRecord, StudentRow
from purgebot.storage.runs import RUN_COLUMNS, run_from_row


@dataclass(frozen=True, slots=True)
class Report:
    run: RunRecord | None  # the run reported on; None for a server report
    start: datetime | None
    end: datetime | None
    students: tuple[StudentRow, ...]  # most points first
    questions: tuple[QuestionRow, ...]  # by bank, in the order first played

    def students_csv(self) -> str:
        return csvout.students_csv(self.students)

    def questions_csv(self) -> str:
        return csvout.questions_csv(self.questions)


@dataclass(frozen=True, slots=True)
class EssayReport:
    start: datetime | None
    end: datetime | None
    submissions: tuple[EssaySubmission, ...]  # oldest first

    def csv(self) -> str:
        return csvout.essays_csv(self.submissions)


async def _rows(
    conn: aiosqlite.Connection, where: str, params: list[Any]
) -> tuple[tuple[StudentRow, ...], tuple[QuestionRow, ...]]:
    # `user_name` beside max(answered_at) is SQLite's documented bare-column rule: it comes
    # from the row holding the maximum, i.e. the student's latest name.
    students = await fetchall(
        conn,
        f"""SELECT user_id, user_name, max(answered_at), count(*), sum(correct), sum(points)
            FROM answers AS a WHERE {where}
            GROUP BY user_id ORDER BY sum(points) DESC, sum(correct) DESC, user_name, user_id""",
        params,
    )
    questions = await fetchall(
        conn,
        f"""SELECT r.bank_id, a.question_id, max(a.topic), count(*), sum(a.correct)
            FROM answers AS a JOIN runs AS r ON r.run_id = a.run_id WHERE {where}
            GROUP BY r.bank_id, a.question_id ORDER BY r.bank_id, min(a.answer_id)""",
        params,
    )
    return (
        tuple(StudentRow(int(r[0]), str(r[1]), int(r[3]), int(r[4]), int(r[5])) for r in students),
        tuple(QuestionRow(str(r[0]), str(r[1]), r[2], int(r[3]), int(r[4])) for r in questions),
    )


class ReportsMixin(StoreBase):
    async def run_report(self, guild_id: int, run_id: int) -> Report:
        """One quiz run: who answered what; refuses a run from another server."""
        async with self._db.snapshot() as conn:
            row = await fetchone(
                conn,
                f"SELECT {RUN_COLUMNS} FROM runs WHERE run_id = ? AND guild_id = ?",
                (run_id, guild_id),
            )
            if row is None:
                raise RunNotFoundError(run_id)
            run = run_from_row(row)
            students, questions = await _rows(conn, "a.run_id = ?", [run_id])
        return Report(run, None, None, students, questions)

    async def server_report(
        self,
        guild_id: int,
        start: datetime | None = None,
        end: datetime | None = None,
        bank_id: str | None = None,
    ) -> Report:
        """Every answer in a server from `start` (inclusive) to `end` (exclusive)."""
        since, until = range_ms(start, end)
        where, params = answers_where(
            guild_id, since=since, until=until, bank_id=bank_id, table="a"
        )
        async with self._db.snapshot() as conn:
            students, questions = await _rows(conn, where, params)
        return Report(None, start, end, students, questions)
