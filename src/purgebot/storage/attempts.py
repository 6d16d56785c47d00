"""Assignments and private attempts (homework, practice, review): stored after every step.

An attempt is a run (with its `mode`) plus one `attempts` row saying where it stands, so its
answers are ordinary answers and a restart finds every attempt still open.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from purgebot.storage.base import StoreBase, dump_json, load_json
from purgebot.storage.db import execute, fetchall, fetchone, latest
from purgebot.storage.errors import StorageError
from purgebot.storage.records import RunRecord, RunStatus
from purgebot.storage.runs import run_columns, run_fields
from purgebot.storage.timeutil import from_ms, to_ms

DEADLINE = "deadline"


@dataclass(frozen=True, slots=True)
class Assignment:
    assignment_id: int
    guild_id: int
    channel_id: int
    bank_id: str
    set_by: int | None
    set_at: datetime
    due_at: datetime
    attempts: int
    settings: Mapping[str, Any]
    message_id: int | None


@dataclass(frozen=True, slots=True)
class Attempt(RunRecord):
    """A private attempt: its run, plus who plays it, which questions and where it stands."""

    user_id: int
    mode: str
    assignment_id: int | None
    question_ids: tuple[str, ...]
    seed: int
    multiplier: float
    position: int
    opened_at: datetime | None
    results: tuple[bool, ...]  # right or wrong, per question answered so far, in order


@dataclass(frozen=True, slots=True)
class AttemptScore:
    """One attempt of an assignment with its answers' totals, for the teacher's status."""

    run_id: int
    user_id: int
    user_name: str | None
    status: RunStatus
    end_reason: str | None
    started_at: datetime
    ended_at: datetime | None
    total: int
    answered: int
    correct: int
    points: int


ASSIGNMENT_COLUMNS = """assignment_id, guild_id, channel_id, bank_id, set_by, set_at, due_at,
    attempts, settings_json, message_id"""
ATTEMPT_COLUMNS = f"""{run_columns("r")}, t.user_id, r.mode, t.assignment_id, t.question_ids,
    t.seed, t.multiplier, t.position, t.opened_at"""
ATTEMPT_FROM = "attempts AS t JOIN runs AS r ON r.run_id = t.run_id"


def _assignment(row: tuple[Any, ...]) -> Assignment:
    return Assignment(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        from_ms(row[5]),
        from_ms(row[6]),
        row[7],
        load_json(row[8]),
        row[9],
    )


def _attempt(row: tuple[Any, ...], results: tuple[bool, ...] = ()) -> Attempt:
    return Attempt(
        *run_fields(row),
        user_id=row[10],
        mode=row[11],
        assignment_id=row[12],
        question_ids=tuple(json.loads(row[13])),
        seed=row[14],
        multiplier=row[15],
        position=row[16],
        opened_at=from_ms(row[17]) if row[17] is not None else None,
        results=results,
    )


class AttemptsMixin(StoreBase):
    # --- assignments ---------------------------------------------------------------------------
    async def create_assignment(
        self,
        guild_id: int,
        channel_id: int,
        bank_id: str,
        set_by: int | None,
        due_at: datetime,
        attempts: int = 1,
        settings: Mapping[str, Any] | None = None,
    ) -> Assignment:
        async with self._db.write() as conn:
            row = await fetchone(
                conn,
                f"""INSERT INTO assignments (guild_id, channel_id, bank_id, set_by, set_at, due_at,
                                             attempts, settings_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {ASSIGNMENT_COLUMNS}""",
                (
                    guild_id,
                    channel_id,
                    bank_id,
                    set_by,
                    self._now_ms(),
                    to_ms(due_at),
                    attempts,
                    dump_json(settings or {}),
                ),
            )
        if row is None:
            raise StorageError("inserting an assignment returned nothing")
        return _assignment(row)

    async def set_assignment_message(self, assignment_id: int, message_id: int) -> None:
        async with self._db.write() as conn:
            await execute(
                conn,
                "UPDATE assignments SET message_id = ? WHERE assignment_id = ?",
                (message_id, assignment_id),
            )

    async def get_assignment(self, guild_id: int, assignment_id: int) -> Assignment | None:
        row = await self._db.fetchone(
            f"""SELECT {ASSIGNMENT_COLUMNS} FROM assignments
                WHERE assignment_id = ? AND guild_id = ?""",
            (assignment_id, guild_id),
        )
        return _assignment(row) if row else None

    async def list_assignments(
        self, guild_id: int, *, due_after: datetime | None = None, limit: int = 25
    ) -> list[Assignment]:
        """A server's assignments, soonest due first; with `due_after`, only those still open."""
        rows = await self._db.fetchall(
            f"""SELECT {ASSIGNMENT_COLUMNS} FROM assignments
                WHERE guild_id = ? AND (? IS NULL OR due_at > ?)
                ORDER BY due_at, assignment_id LIMIT ?""",
            (guild_id, *(2 * [to_ms(due_after) if due_after else None]), limit),
        )
        return [_assignment(r) for r in rows]

    # --- attempts ------------------------------------------------------------------------------
    async def start_attempt(
        self,
        *,
        guild_id: int,
        channel_id: int,
        user_id: int,
        mode: str,
        bank_id: str,
        question_ids: Sequence[str],
        seed: int,
        multiplier: float = 1.0,
        assignment_id: int | None = None,
        settings: Mapping[str, Any] | None = None,
        max_attempts: int | None = None,
        opened_at: datetime | None = None,
    ) -> Attempt | None:
        """A new run and its attempt row, in one transaction. With `max_attempts`, returns None
        instead when the student already has that many attempts at the assignment (so two
        Start clicks at once cannot both begin). `opened_at`: the first question is shown now
        (one write for the Start instead of two)."""
        now = self._now_ms()
        async with self._db.write() as conn:
            if max_attempts is not None:
                had = await fetchone(
                    conn,
                    "SELECT count(*) FROM attempts WHERE assignment_id = ? AND user_id = ?",
                    (assignment_id, user_id),
                )
                if had is not None and had[0] >= max_attempts:
                    return None
            row = await fetchone(
                conn,
                """INSERT INTO runs (guild_id, channel_id, bank_id, started_by, started_at,
                                     settings_json, status, mode)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING run_id""",
                (
                    guild_id,
                    channel_id,
                    bank_id,
                    user_id,
                    now,
                    dump_json(settings or {}),
                    RunStatus.RUNNING.value,
                    mode,
                ),
            )
            if row is None:
                raise StorageError("inserting a run returned nothing")
            await execute(
                conn,
                """INSERT INTO attempts (run_id, guild_id, user_id, assignment_id, question_ids,
                                         seed, multiplier, opened_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    row[0],
                    guild_id,
                    user_id,
                    assignment_id,
                    json.dumps(list(question_ids)),
                    seed,
                    multiplier,
                    to_ms(opened_at) if opened_at else None,
                ),
            )
            found = await fetchone(
                conn, f"SELECT {ATTEMPT_COLUMNS} FROM {ATTEMPT_FROM} WHERE t.run_id = ?", (row[0],)
            )
        assert found is not None
        return _attempt(found)

    async def get_attempt(self, run_id: int) -> Attempt | None:
        """An attempt with its answers' results (its own answers are committed before the
        click that gave them is answered, so no wait for the writer here)."""
        async with self._db.snapshot() as conn:
            row = await fetchone(
                conn, f"SELECT {ATTEMPT_COLUMNS} FROM {ATTEMPT_FROM} WHERE t.run_id = ?", (run_id,)
            )
            if row is None:
                return None
            marks = await fetchall(
                conn, "SELECT correct FROM answers WHERE run_id = ? ORDER BY answer_id", (run_id,)
            )
        return _attempt(row, tuple(bool(m[0]) for m in marks))

    async def user_attempts(
        self,
        guild_id: int,
        user_id: int,
        *,
        assignment_id: int | None = None,
        mode: str | None = None,
        running: bool = False,
    ) -> list[Attempt]:
        """A student's attempts, oldest first, narrowed to an assignment, a mode, or open ones
        (their `results` are left empty: `get_attempt` reads them)."""
        rows = await self._db.fetchall(
            f"""SELECT {ATTEMPT_COLUMNS} FROM {ATTEMPT_FROM}
                WHERE t.guild_id = ? AND t.user_id = ?
                  AND (? IS NULL OR t.assignment_id = ?) AND (? IS NULL OR r.mode = ?)
                  AND (? = 0 OR r.status = 'running')
                ORDER BY t.run_id""",
            (guild_id, user_id, assignment_id, assignment_id, mode, mode, int(running)),
        )
        return [_attempt(r) for r in rows]

    async def save_progress(
        self,
        run_id: int,
        *,
        position: int,
        opened_at: datetime | None,
    ) -> None:
        """Where the attempt stands: the question shown and when (written as it is shown)."""
        async with self._db.write() as conn:
            await execute(
                conn,
                "UPDATE attempts SET position = ?, opened_at = ? WHERE run_id = ?",
                (position, to_ms(opened_at) if opened_at else None, run_id),
            )

    async def end_overdue_attempts(self, now: datetime) -> list[int]:
        """End, as stopped by the deadline, every open homework attempt whose assignment is
        due; their answers stay. Returns the run ids ended."""
        async with self._db.write() as conn:
            rows = await fetchall(
                conn,
                """UPDATE runs SET status = 'stopped', ended_at = a.due_at, end_reason = ?
                   FROM attempts AS t JOIN assignments AS a ON a.assignment_id = t.assignment_id
                   WHERE runs.run_id = t.run_id AND runs.status = 'running' AND a.due_at <= ?
                   RETURNING runs.run_id""",
                (DEADLINE, to_ms(now)),
            )
        return sorted(int(r[0]) for r in rows)

    async def next_deadline(self, after: datetime) -> datetime | None:
        """The first due time after `after`, in any server (when open attempts next end)."""
        row = await self._db.fetchone(
            "SELECT min(due_at) FROM assignments WHERE due_at > ?", (to_ms(after),)
        )
        return from_ms(row[0]) if row and row[0] is not None else None

    async def assignment_scores(self, assignment_id: int) -> list[AttemptScore]:
        """Every attempt at an assignment with its totals, in the order they began."""
        await self._flush_answers()
        rows = await self._db.fetchall(
            """SELECT t.run_id, t.user_id,
                      (SELECT user_name FROM answers WHERE run_id = t.run_id
                       ORDER BY answer_id DESC LIMIT 1),
                      r.status, r.end_reason, r.started_at, r.ended_at, t.question_ids,
                      count(a.answer_id), coalesce(sum(a.correct), 0), coalesce(sum(a.points), 0)
               FROM attempts AS t JOIN runs AS r ON r.run_id = t.run_id
               LEFT JOIN answers AS a ON a.run_id = t.run_id
               WHERE t.assignment_id = ?
               GROUP BY t.run_id, r.run_id ORDER BY t.run_id""",
            (assignment_id,),
        )
        return [
            AttemptScore(
                run_id=r[0],
                user_id=r[1],
                user_name=r[2],
                status=RunStatus(r[3]),
                end_reason=r[4],
                started_at=from_ms(r[5]),
                ended_at=from_ms(r[6]) if r[6] is not None else None,
                total=len(json.loads(r[7])),
                answered=r[8],
                correct=r[9],
                points=r[10],
            )
            for r in rows
        ]

    async def assignment_questions(self, assignment_id: int) -> list[tuple[str, int, int]]:
        """(question id, answered, correct) over an assignment's attempts, most missed first."""
        await self._flush_answers()
        rows = await self._db.fetchall(
            """SELECT a.question_id, count(*), sum(a.correct)
               FROM answers AS a JOIN attempts AS t ON t.run_id = a.run_id
               WHERE t.assignment_id = ?
               GROUP BY a.question_id
               ORDER BY count(*) - sum(a.correct) DESC, a.question_id""",
            (assignment_id,),
        )
        return [(str(r[0]), int(r[1]), int(r[2])) for r in rows]

    async def attempt_totals(self, run_id: int) -> tuple[int, int, int]:
        """(answered, correct, points) of one attempt, every answer committed first."""
        await self._flush_answers()
        row = await self._db.fetchone(
            """SELECT count(*), coalesce(sum(correct), 0), coalesce(sum(points), 0)
               FROM answers WHERE run_id = ?""",
            (run_id,),
        )
        return (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)

    async def known_students(self, guild_id: int) -> dict[int, str]:
        """Everyone who has answered a question in this server, with their latest name."""
        await self._flush_answers()
        name = latest(self._db.dialect, "user_name", "answered_at")
        rows = await self._db.fetchall(
            f"""SELECT user_id, {name}, max(answered_at) FROM answers WHERE guild_id = ?
               GROUP BY user_id""",
            (guild_id,),
        )
        return {int(r[0]): str(r[1]) for r in rows}

    async def _flush_answers(self) -> None:  # the store's own flushes the answer writer
        return None
