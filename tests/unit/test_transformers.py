"""The app-command types every feature shares: a day means the same thing in every command."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from purgebot.bot.transformers import BadDay, Day, Days


def test_a_day_runs_from_its_midnight_to_the_next_and_reads_as_written() -> None:
    day = Day(" 2026-03-01 ")
    assert day == "2026-03-01"
    assert day.start == datetime(2026, 3, 1, tzinfo=UTC)
    assert day.end == datetime(2026, 3, 2, tzinfo=UTC)


@pytest.mark.parametrize("text", ["1 Jan", "2026-02-30", "", "2026/03/01"])
async def test_anything_but_a_real_yyyy_mm_dd_is_refused_before_the_command_runs(text: str) -> None:
    with pytest.raises(BadDay) as refused:
        await Days().transform(None, text)  # type: ignore[arg-type]  # it reads only the text
    assert refused.value.message == (
        f"`{text}` is not a day: write it as YYYY-MM-DD, e.g. 2026-03-01."
    )
