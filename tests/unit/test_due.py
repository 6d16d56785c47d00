"""Due times as teachers type them, read in the server's time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from purgebot.quiz.due import DueError, parse_due, zone

# Wednesday 2026-12-02 10:00 UTC
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
LONDON = zone("Europe/London")
NEW_YORK = zone("America/New_York")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-10", datetime(2026, 12, 10, 23, 59, tzinfo=LONDON)),
        ("2026-12-10 17:00", datetime(2026, 12, 10, 17, 0, tzinfo=LONDON)),
        ("friday 17:00", datetime(2026, 12, 4, 17, 0, tzinfo=LONDON)),
        ("Fri 17:00", datetime(2026, 12, 4, 17, 0, tzinfo=LONDON)),
        ("wednesday 9:00", datetime(2026, 12, 9, 9, 0, tzinfo=LONDON)),  # today's 9:00 has passed
        ("wednesday 18:00", datetime(2026, 12, 2, 18, 0, tzinfo=LONDON)),  # today, still ahead
        ("tomorrow 9:00", datetime(2026, 12, 3, 9, 0, tzinfo=LONDON)),
        ("in 3 days", datetime(2026, 12, 5, 10, 0, tzinfo=UTC)),
        ("in 2 hours", datetime(2026, 12, 2, 12, 0, tzinfo=UTC)),
    ],
)
def test_the_forms_a_teacher_types(text: str, expected: datetime) -> None:
    assert parse_due(text, NOW, LONDON) == expected


def test_the_server_time_zone_decides_the_instant() -> None:
    due = parse_due("2026-12-10 17:00", NOW, NEW_YORK)
    assert due.astimezone(UTC) == datetime(2026, 12, 10, 22, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soonish", "I can't read “soonish” as a due time."),
        ("2026-13-40", "I can't read “2026-13-40” as a due time."),
        ("friday 25:00", "I can't read “friday 25:00” as a due time."),
        ("2026-12-01", "That due time (2026-12-01 23:59 GMT) has already passed."),
        ("2027-06-01", "That due time (2027-06-01 23:59 BST) is more than 120 days away"),
    ],
)
def test_unreadable_past_or_too_far_is_refused_plainly(text: str, message: str) -> None:
    with pytest.raises(DueError) as refused:
        parse_due(text, NOW, LONDON)
    assert refused.value.message.startswith(message)


def test_an_unknown_time_zone_is_refused_plainly() -> None:
    with pytest.raises(DueError, match="not a time zone I know"):
        zone("Mars/Olympus")
