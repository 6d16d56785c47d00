"""Which answers a report, chart or board covers: one server, a time range, a bank, a class,
a run or a student. One place builds the `WHERE`, so the CSV and the chart of one scope read
exactly the same rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from purgebot.storage.base import answers_where, range_ms


@dataclass(frozen=True, slots=True)
class Scope:
    guild_id: int
    start: datetime | None = None  # inclusive
    end: datetime | None = None  # exclusive
    bank_id: str | None = None
    class_name: str | None = None  # the class's channels (see /class)
    run_id: int | None = None
    user_id: int | None = None


def class_clause(col: str) -> str:
    """Answers given in quizzes run in one class's channels (values: guild, guild, class)."""
    return (
        f"{col}run_id IN (SELECT run_id FROM runs WHERE guild_id = ? AND channel_id IN "
        "(SELECT channel_id FROM class_channels WHERE guild_id = ? AND class_name = ?))"
    )


def scope_where(scope: Scope, table: str = "a") -> tuple[str, list[Any]]:
    since, until = range_ms(scope.start, scope.end)
    where, params = answers_where(
        scope.guild_id, since=since, until=until, bank_id=scope.bank_id, table=table
    )
    col = f"{table}." if table else ""
    if scope.class_name is not None:
        where += " AND " + class_clause(col)
        params += [scope.guild_id, scope.guild_id, scope.class_name]
    if scope.run_id is not None:
        where += f" AND {col}run_id = ?"
        params.append(scope.run_id)
    if scope.user_id is not None:
        where += f" AND {col}user_id = ?"
        params.append(scope.user_id)
    return where, params
