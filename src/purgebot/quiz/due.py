"""Reading a due time as a teacher types it, in the server's time zone.

Accepted: "2026-12-10" (end of that day, 23:59), "2026-12-10 17:00", "friday 17:00" (the next
Friday; today if it is Friday and 17:00 is still ahead), "friday" (23:59), "tomorrow 9:00",
"in 3 days", "in 2 hours". A due time in the past, or more than a term ahead, is refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from purgebot.errors import UserFacingError

MAX_AHEAD = timedelta(days=120)  # about a school term
END_OF_DAY = time(23, 59)
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FORMS = '"2026-12-10", "2026-12-10 17:00", "friday 17:00", "tomorrow 9:00" or "in 3 days"'

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2}))?$")
_DAY = re.compile(r"^(today|tomorrow|[a-z]+)(?: (?:at )?(\d{1,2}):(\d{2}))?$")
_IN = re.compile(r"^in (\d{1,3}) (minute|hour|day|week)s?$")


class DueError(UserFacingError):
    """A due time that cannot be read, is past, or is too far ahead."""


def zone(name: str | None) -> ZoneInfo:
    """A time zone by its IANA name ("Europe/London"); None means UTC."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DueError(
            f"“{name}” is not a time zone I know: use a name like Europe/London or "
            "America/New_York."
        ) from exc


def parse_due(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """The moment `text` names, as an aware datetime in `tz`, checked against `now`."""
    cleaned = " ".join(text.strip().casefold().split())
    local_now = now.astimezone(tz)
    when = _read(cleaned, local_now, tz)
    if when is None:
        raise DueError(f"I can't read “{text.strip()[:40]}” as a due time. Try {FORMS}.")
    if when <= now:
        raise DueError(f"That due time ({_show(when)}) has already passed.")
    if when - now > MAX_AHEAD:
        raise DueError(
            f"That due time ({_show(when)}) is more than {MAX_AHEAD.days} days away: "
            "set homework within a term."
        )
    return when


def _show(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M %Z")


def _at(day: date, hour: int | None, minute: int | None, tz: ZoneInfo) -> datetime | None:
    if hour is None or minute is None:
        clock = END_OF_DAY
    elif hour > 23 or minute > 59:
        return None
    else:
        clock = time(hour, minute)
    return datetime.combine(day, clock, tzinfo=tz)


def _read(text: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    if m := _IN.match(text):
        amount, unit = int(m[1]), m[2]
        return now + timedelta(**{f"{unit}s": amount})
    if m := _DATE.match(text):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return _at(day, _int(m[4]), _int(m[5]), tz)
    if m := _DAY.match(text):
        word, hour, minute = m[1], _int(m[2]), _int(m[3])
        today = now.date()
        if word == "today":
            return _at(today, hour, minute, tz)
        if word == "tomorrow":
            return _at(today + timedelta(days=1), hour, minute, tz)
        named = [i for i, name in enumerate(DAYS) if len(word) >= 3 and name.startswith(word)]
        if len(named) != 1:
            return None
        ahead = (named[0] - today.weekday()) % 7
        when = _at(today + timedelta(days=ahead), hour, minute, tz)
        if when is not None and when <= now:
            when = _at(today + timedelta(days=ahead + 7), hour, minute, tz)
        return when
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None
