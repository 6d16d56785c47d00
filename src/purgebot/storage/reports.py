"""Teacher reports, derived from the answer rows: per student, per question, the student ×
question grid and each student's timeline, as CSV files.

Each table is its own CSV (one header, one kind of row) so a spreadsheet opens it without
fiddling. Students appear by the server's own number for them, never a Discord id. Question text
is not stored here: the caller passes what the banks say (`texts`), so SQL stays in storage and
bank lookups stay above it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from purgebot.storage import csvout
from purgebot.storage.base import StoreBase
from purgebot.storage.db import Conn, dialect_of, fetchall, fetchone, latest
from purgebot.storage.errors import RunNotFoundError
from purgebot.storage.records import (
    AnswerRecord,
    EssaySubmission,
    QuestionRow,
    RunRecord,
    StudentRow,
)
from purgebot.storage.runs import RUN_COLUMNS, run_from_row
from purgebot.storage.scope import Scope, scope_where
from purgebot.storage.timeutil import from_ms

QuestionTexts = Mapping[tuple[str, str], str]
"""(bank id, question id) -> the question as the bank words it."""


@dataclass(frozen=True, slots=True)
class AnswerRow(AnswerRecord):
    """One stored answer with the student's number and the run's bank: a timeline line.

    `user_id` is for filtering above storage; an export never writes it.
    """

    number: int
    bank_id: str


@dataclass(frozen=True, slots=True)
class Report:
    run: RunRecord | None  # the run reported on; None for a server report
    start: datetime | None
    end: datetime | None
    students: tuple[StudentRow, ...]  # most points first
    questions: tuple[QuestionRow, ...]  # by bank, in the order first played
    answers: tuple[AnswerRow, ...] = ()  # oldest first
    class_name: str | None = None

    def students_csv(self) -> str:
        return csvout.students_csv(self.students)

    def questions_csv(self, texts: QuestionTexts | None = None) -> str:
        return csvout.questions_csv(self.questions, texts or {})

    def grid_csv(self) -> str:
        return csvout.grid_csv(self.students, self.questions, self.answers)

    def timeline_csv(self, texts: QuestionTexts | None = None) -> str:
        return csvout.timeline_csv(self.answers, texts or {})


@dataclass(frozen=True, slots=True)
class EssayReport:
    start: datetime | None
    end: datetime | None
    submissions: tuple[EssaySubmission, ...]  # oldest first

    def csv(self) -> str:
        return csvout.essays_csv(self.submissions)


_NUMBER = """LEFT JOIN student_numbers AS n ON n.guild_id = a.guild_id AND n.user_id = a.user_id"""


async def _rows(
    conn: Conn, where: str, params: list[Any]
) -> tuple[tuple[StudentRow, ...], tuple[QuestionRow, ...], tuple[AnswerRow, ...]]:
    # `user_name` beside max(answered_at) is SQLite's documented bare-column rule: it comes
    # from the row holding the maximum, i.e. the student's latest name.
    name = latest(dialect_of(conn), "a.user_name", "a.answered_at")
    students = await fetchall(
        conn,
        f"""SELECT a.user_id, {name}, max(a.answered_at), count(*), sum(a.correct),
                   sum(a.points), coalesce(max(n.number), 0)
            FROM answers AS a {_NUMBER} WHERE {where}
            GROUP BY a.user_id
            ORDER BY sum(a.points) DESC, sum(a.correct) DESC, 2, a.user_id""",
        params,
    )
    questions = await fetchall(
        conn,
        f"""SELECT r.bank_id, a.question_id, max(a.topic), count(*), sum(a.correct)
            FROM answers AS a JOIN runs AS r ON r.run_id = a.run_id WHERE {where}
            GROUP BY r.bank_id, a.question_id ORDER BY r.bank_id, min(a.answer_id)""",
        params,
    )
    answers = await fetchall(
        conn,
        f"""SELECT a.run_id, a.guild_id, a.user_id, a.user_name, a.question_id, a.topic,
                   a.raw_answer, a.correct, a.points, a.response_ms, a.answered_at,
                   coalesce(n.number, 0), r.bank_id
            FROM answers AS a JOIN runs AS r ON r.run_id = a.run_id {_NUMBER}
            WHERE {where} ORDER BY a.answered_at, a.answer_id""",
        params,
    )
    return (
        tuple(
            StudentRow(int(r[0]), str(r[1]), int(r[3]), int(r[4]), int(r[5]), int(r[6]))
            for r in students
        ),
        tuple(QuestionRow(str(r[0]), str(r[1]), r[2], int(r[3]), int(r[4])) for r in questions),
        tuple(
            AnswerRow(
                int(r[0]),
                int(r[1]),
                int(r[2]),
                str(r[3]),
                str(r[4]),
                r[5],
                str(r[6]),
                bool(r[7]),
                int(r[8]),
                int(r[9]),
                from_ms(r[10]),
                number=int(r[11]),
                bank_id=str(r[12]),
            )
            for r in answers
        ),
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
            where, params = scope_where(Scope(guild_id, run_id=run_id))
            students, questions, answers = await _rows(conn, where, params)
        return Report(run, None, None, students, questions, answers)

    async def server_report(
        self,
        guild_id: int,
        start: datetime | None = None,
        end: datetime | None = None,
        bank_id: str | None = None,
        class_name: str | None = None,
    ) -> Report:
        """Every answer in a server (or one class) from `start` (inclusive) to `end`
        (exclusive)."""
        return await self.scope_report(Scope(guild_id, start, end, bank_id, class_name))

    async def scope_report(self, scope: Scope) -> Report:
        """Every answer in `scope`; the CSVs and the charts of one scope read these rows."""
        where, params = scope_where(scope)
        async with self._db.snapshot() as conn:
            students, questions, answers = await _rows(conn, where, params)
        return Report(None, scope.start, scope.end, students, questions, answers, scope.class_name)
