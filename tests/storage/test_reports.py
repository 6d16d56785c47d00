"""Run and server reports as CSV: parsed back and checked cell by cell, formulas defused."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from storage_helpers import CHANNEL, GUILD, OTHER_GUILD, TEACHER, FakeClock, player

from purgebot.storage import RunNotFoundError, RunStatus, Store
from purgebot.storage.csvout import safe_text


def parse(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")  # the BOM that makes Excel read UTF-8
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


async def play_a_run(store: Store, clock: FakeClock, bank: str = "purges") -> int:
    run = await store.start_run(GUILD, CHANNEL, bank, TEACHER)
    ana = player(store, clock, run, 1, "Ана Ежова")
    boris = player(store, clock, run, 2, '=HYPERLINK("http://evil")')
    cyril = player(store, clock, run, 3, "Cyril")
    await ana.answer("q-kirov", True, 900, topic="trials")
    await boris.answer("q-kirov", False, topic="trials", raw="+1")
    await cyril.answer("q-kirov", True, 600, topic="trials")
    await ana.answer("q-yezhov", True, 800, topic="nkvd")
    await boris.answer("q-yezhov", True, 950, topic="nkvd")
    await cyril.answer("q-yezhov", False, topic="nkvd")
    await ana.answer("@q3", False, topic="-terror")
    await store.end_run(run.run_id, RunStatus.FINISHED)
    return run.run_id


async def test_run_report_has_one_row_per_student_and_per_question(
    store: Store, clock: FakeClock
) -> None:
    run_id = await play_a_run(store, clock)
    report = await store.run_report(GUILD, run_id)
    assert report.run is not None
    assert report.run.run_id == run_id
    assert parse(report.students_csv()) == [
        ["student no.", "student", "answered", "correct", "accuracy %", "points"],
        ["1", "Ана Ежова", "3", "2", "66.7", "1700"],
        ["2", '\'=HYPERLINK("http://evil")', "2", "1", "50.0", "950"],
        ["3", "Cyril", "2", "1", "50.0", "600"],
    ]
    texts = {("purges", "q-kirov"): "Who was Kirov?", ("purges", "@q3"): "=the third"}
    assert parse(report.questions_csv(texts)) == [
        ["bank", "question", "question text", "topic", "answered", "correct", "% correct"],
        ["purges", "q-kirov", "Who was Kirov?", "trials", "3", "2", "66.7"],
        ["purges", "q-yezhov", "", "nkvd", "3", "2", "66.7"],
        ["purges", "'@q3", "'=the third", "'-terror", "1", "0", "0.0"],
    ]


async def test_server_report_covers_a_date_range_across_runs(
    store: Store, clock: FakeClock
) -> None:
    clock.now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    await play_a_run(store, clock)
    clock.now = datetime(2024, 3, 8, 9, 0, tzinfo=UTC)
    later = await store.start_run(GUILD, CHANNEL, "show-trials", TEACHER)
    await player(store, clock, later, 3, "Cyril").answer("t1", True, 1000, topic="trials")
    elsewhere = await store.start_run(OTHER_GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, elsewhere, 9, "Outsider").answer("q-kirov", True, 999)

    whole = await store.server_report(GUILD)
    assert [r[1] for r in parse(whole.students_csv())[1:]] == [
        "Ана Ежова",
        "Cyril",  # 600 + 1000
        '\'=HYPERLINK("http://evil")',
    ]
    assert [(r[0], r[1], r[4]) for r in parse(whole.questions_csv())[1:]] == [
        ("purges", "q-kirov", "3"),
        ("purges", "q-yezhov", "3"),
        ("purges", "'@q3", "1"),
        ("show-trials", "t1", "1"),
    ]
    second_week = await store.server_report(
        GUILD, start=datetime(2024, 3, 4, tzinfo=UTC), end=datetime(2024, 3, 11, tzinfo=UTC)
    )
    assert parse(second_week.students_csv())[1:] == [["3", "Cyril", "1", "1", "100.0", "1000"]]
    first_week = await store.server_report(GUILD, end=datetime(2024, 3, 4, tzinfo=UTC))
    assert len(parse(first_week.students_csv())) == 4
    only_trials = await store.server_report(GUILD, bank_id="show-trials")
    assert parse(only_trials.questions_csv())[1:] == [
        ["show-trials", "t1", "", "trials", "1", "1", "100.0"]
    ]


async def test_a_run_of_another_server_is_not_reported(store: Store, clock: FakeClock) -> None:
    run_id = await play_a_run(store, clock)
    with pytest.raises(RunNotFoundError):
        await store.run_report(OTHER_GUILD, run_id)
    with pytest.raises(RunNotFoundError):
        await store.run_report(GUILD, run_id + 100)


async def test_an_empty_report_is_just_the_headers(store: Store) -> None:
    report = await store.server_report(GUILD)
    assert parse(report.students_csv()) == [
        ["student no.", "student", "answered", "correct", "accuracy %", "points"]
    ]
    assert len(parse(report.questions_csv())) == 1


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30", "'+49 30"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Yezhov = NKVD", "Yezhov = NKVD"),
        ("", ""),
        (None, ""),
    ],
)
def test_formula_guard(typed: str | None, cell: str) -> None:
    assert safe_text(typed) == cell
