"""Quiz runs: one row per quiz played in a channel, from start to its end and why it ended."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from purgebot.shards import ShardPlan
from purgebot.storage.base import StoreBase, dump_json, load_json
from purgebot.storage.db import execute, fetchone
from purgebot.storage.errors import RunNotFoundError, StorageError
from purgebot.storage.records import RunRecord, RunStatus
from purgebot.storage.timeutil import from_ms

RUN_COLUMNS = """run_id, guild_id, channel_id, bank_id, started_by, started_at, ended_at,
                  settings_json, status, end_reason"""


def run_columns(alias: str) -> str:
    """RUN_COLUMNS of the runs table named `alias` in a join."""
    return ", ".join(f"{alias}.{name.strip()}" for name in RUN_COLUMNS.split(","))


RunFields = tuple[int, int, int, str, int | None, datetime, datetime | None, Mapping[str, Any], RunStatus, str | None]  # fmt: skip  # noqa: E501


def run_fields(row: tuple[Any, ...]) -> RunFields:
    """RunRecord's fields, in order, from a row that starts with RUN_COLUMNS (a run, or a run
    with more, as an attempt is)."""
    run_id, guild_id, channel_id, bank_id, by, started, ended, settings, status, why = row[:10]
    ended_at = from_ms(ended) if ended is not None else None
    return (run_id, guild_id, channel_id, bank_id, by, from_ms(started), ended_at,
            load_json(settings), RunStatus(status), why)  # fmt: skip


def run_from_row(row: tuple[Any, ...]) -> RunRecord:
    return RunRecord(*run_fields(row))


class RunsMixin(StoreBase):
    async def start_run(
        self,
        guild_id: int,
        channel_id: int,
        bank_id: str,
        started_by: int | None,
        settings: Mapping[str, Any] | None = None,
    ) -> RunRecord:
        """Record a quiz starting now; its answers refer to the returned run id."""
        async with self._db.write() as conn:
            row = await fetchone(
                conn,
                f"""INSERT INTO runs (guild_id, channel_id, bank_id, started_by, started_at,
                                      settings_json, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING {RUN_COLUMNS}""",
                (
                    guild_id,
                    channel_id,
                    bank_id,
                    started_by,
                    self._now_ms(),
                    dump_json(settings or {}),
                    RunStatus.RUNNING.value,
                ),
            )
        if row is None:  # RETURNING always yields the inserted row
            raise StorageError("inserting a run returned nothing")
        return run_from_row(row)

    async def end_run(
        self, run_id: int, status: RunStatus, end_reason: str | None = None
    ) -> RunRecord:
        """Close a run now. Ending an already ended run keeps its first ending."""
        if status is RunStatus.RUNNING:
            raise ValueError("a run ends as finished, stopped or aborted")
        async with self._db.write() as conn:
            await execute(
                conn,
                """UPDATE runs SET ended_at = ?, status = ?, end_reason = ?
                   WHERE run_id = ? AND status = ?""",
                (self._now_ms(), status.value, end_reason, run_id, RunStatus.RUNNING.value),
            )
            row = await fetchone(
                conn, f"SELECT {RUN_COLUMNS} FROM runs WHERE run_id = ?", (run_id,)
            )
        if row is None:
            raise RunNotFoundError(run_id)
        return run_from_row(row)

    async def get_run(self, run_id: int, guild_id: int | None = None) -> RunRecord | None:
        """A run by id; with guild_id, only if it belongs to that server."""
        row = await self._db.fetchone(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE run_id = ? AND (? IS NULL OR guild_id = ?)",
            (run_id, guild_id, guild_id),
        )
        return run_from_row(row) if row else None

    async def list_runs(
        self, guild_id: int, limit: int = 25, offset: int = 0, *, mode: str | None = "live"
    ) -> list[RunRecord]:
        """A server's runs, newest first: its live quizzes, unless `mode` names another kind
        (homework, practice, review: one run per student's attempt) or None (every kind)."""
        rows = await self._db.fetchall(
            f"""SELECT {RUN_COLUMNS} FROM runs WHERE guild_id = ? AND (? IS NULL OR mode = ?)
                ORDER BY started_at DESC, run_id DESC LIMIT ? OFFSET ?""",
            (guild_id, mode, mode, limit, offset),
        )
        return [run_from_row(r) for r in rows]

    async def abort_running_runs(
        self, reason: str = "restart", shards: ShardPlan | None = None
    ) -> int:
        """Mark live runs left open by a previous process as aborted; call once at start-up.
        (Private attempts, whose state is stored, resume instead.) With `shards`, only the runs
        in servers on those shards: another process's live quizzes are left alone."""
        where: str = ""
        params: tuple[int, ...] = ()
        if shards is not None:
            marks = ", ".join("?" * len(shards.ids))
            where = f" AND ((guild_id >> 22) % ?) IN ({marks})"
            params = (shards.count, *shards.ids)
        async with self._db.write() as conn:
            return await execute(
                conn,
                f"""UPDATE runs SET status = ?, ended_at = ?, end_reason = ?
                    WHERE status = ? AND mode = 'live'{where}""",
                (RunStatus.ABORTED.value, self._now_ms(), reason, RunStatus.RUNNING.value, *params),
            )
