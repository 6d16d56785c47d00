"""What every part of the store shares: the connection and the clock."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from purgebot.storage.db import Db
from purgebot.storage.timeutil import Clock, as_datetime, to_ms


class StoreBase:
    _db: Db
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
