"""Times are stored as integer milliseconds since the epoch, UTC; periods start at UTC midnight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from purgebot.storage.records import Period

Clock = Callable[[], datetime | float]
"""Returns now, as an aware datetime or epoch seconds; injected so tests control the calendar."""


def system_clock() -> datetime:
    return datetime.now(UTC)


def as_datetime(value: datetime | float) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime: the store needs timezone-aware times")
        return value.astimezone(UTC)
    return datetime.fromtimestamp(value, UTC)


def to_ms(value: datetime | float) -> int:
    moment = as_datetime(value)
    return (moment - _EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    return _EPOCH + timedelta(milliseconds=ms)


def period_start(period: Period, now: datetime) -> datetime | None:
    """The first instant of the week (Monday) or month containing `now`; None for all time."""
    now = as_datetime(now)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period is Period.WEEK:
        return midnight - timedelta(days=midnight.weekday())
    if period is Period.MONTH:
        return midnight.replace(day=1)
    return None


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
