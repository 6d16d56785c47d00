"""What every part of the store shares: the connection and the clock."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from purgebot.storage.db import Database
from purgebot.storage.timeutil import Clock, as_datetime, to_ms


class StoreBase:
    _db: Database
    _clock: Clock

    def _now(self) -> datetime:
        return as_datetime(self._clock())

    def _now_ms(self) -> int:
        return to_ms(self._clock())


def dump_json(value: Mapping[str, Any]) -> str:
    return json.dumps(dict(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def load_json(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def range_ms(start: datetime | None, end: datetime | None) -> tuple[int | None, int | None]:
    return (to_ms(start) if start else None, to_ms(end) if end else None)


def answers_where(
    guild_id: int,
    *,
    since: int | None = None,
    until: int | None = None,
    bank_id: str | None = None,
    table: str = "",
) -> tuple[str, list[Any]]:
    """`WHERE` text and values for one server's answers in [since, until) of one bank, the
    columns qualified by `table` (an alias) when given. Times in epoch milliseconds."""
    col = f"{table}." if table else ""
    where = f"{col}guild_id = ?"
    params: list[Any] = [guild_id]
    if since is not None:
        where += f" AND {col}answered_at >= ?"
        params.append(since)
    if until is not None:
        where += f" AND {col}answered_at < ?"
        params.append(until)
    if bank_id is not None:
        where += f" AND {col}run_id IN (SELECT run_id FROM runs WHERE guild_id = ? AND bank_id = ?)"
        params += [guild_id, bank_id]
    return where, params
