"""The teacher's reports by student and by question: stable student numbers instead of Discord
ids, the student × question grid, each student's timeline, classes, terms and a board's top N."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from storage_helpers import CHANNEL, GUILD, OTHER_GUILD, TEACHER, FakeClock, player

from purgebot.storage import RunStatus, Store

OTHER_CHANNEL = CHANNEL + 1


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


async def two_alexes(store: Store, clock: FakeClock, channel: int = CHANNEL) -> int:
    """Two students who share a display name, and a third."""
    run = await store.start_run(GUILD, channel, "purges", TEACHER)
    first = player(store, clock, run, 1_100_000_000_000_000_501, "Alex")
    second = player(store, clock, run, 1_100_000_000_000_000_502, "Alex")
    dana = player(store, clock, run, 1_100_000_000_000_000_503, "Dana")
    await first.answer("q-kirov", True, 900, topic="kirov")
    await second.answer("q-kirov", False, topic="kirov", raw="Moscow")
    await first.answer("q-yezhov", False, topic="nkvd", raw="=1+1")
    await second.answer("q-yezhov", True, 700, topic="nkvd")
    await dana.answer("q-yezhov", True, 800, topic="nkvd")
    await store.end_run(run.run_id, RunStatus.FINISHED)
    return run.run_id


async def test_students_are_numbered_per_server_in_order_first_seen(
    store: Store, clock: FakeClock
) -> None:
    run_id = await two_alexes(store, clock)
    report = await store.run_report(GUILD, run_id)
    rows = parse(report.students_csv())
    # two students named Alex stay two rows, told apart by number; no Discord id anywhere
    assert [r[:2] for r in rows[1:]] == [["1", "Alex"], ["3", "Dana"], ["2", "Alex"]]
    for text in (report.students_csv(), report.grid_csv(), report.timeline_csv()):
        assert "1100000000000000" not in text
    # another server numbers its own students from 1
    elsewhere = await store.start_run(OTHER_GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, elsewhere, 1_100_000_000_000_000_503, "Dana").answer("q", True)
    assert await store.student_number(OTHER_GUILD, 1_100_000_000_000_000_503) == 1
    assert await store.student_number(GUILD, 1_100_000_000_000_000_503) == 3


async def test_a_forgotten_students_number_is_not_given_again(
    store: Store, clock: FakeClock
) -> None:
    await two_alexes(store, clock)
    await store.forget_student(GUILD, 1_100_000_000_000_000_503)
    assert await store.student_number(GUILD, 1_100_000_000_000_000_503) is None
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, run, 77, "Newcomer").answer("q-kirov", True)
    assert await store.student_number(GUILD, 77) == 4


async def test_the_grid_shows_who_got_what_with_points_and_time(
    store: Store, clock: FakeClock
) -> None:
    report = await store.run_report(GUILD, await two_alexes(store, clock))
    assert parse(report.grid_csv()) == [
        [
            "student no.",
            "student",
            "q-kirov right",
            "q-kirov points",
            "q-kirov seconds",
            "q-yezhov right",
            "q-yezhov points",
            "q-yezhov seconds",
        ],
        ["1", "Alex", "1", "900", "1.5", "0", "0", "1.5"],
        ["3", "Dana", "", "", "", "1", "800", "1.5"],
        ["2", "Alex", "0", "0", "1.5", "1", "700", "1.5"],
    ]


async def test_the_timeline_lists_each_students_answers_in_order(
    store: Store, clock: FakeClock
) -> None:
    clock.now = datetime(2024, 3, 13, 12, 0, tzinfo=UTC)
    report = await store.run_report(GUILD, await two_alexes(store, clock))
    texts = {("purges", "q-kirov"): "Kirov led which city?"}
    rows = parse(report.timeline_csv(texts))
    assert rows[0] == [
        "student no.",
        "student",
        "answered (UTC)",
        "run",
        "bank",
        "question",
        "question text",
        "topic",
        "answer",
        "right",
        "points",
        "seconds",
    ]
    assert rows[1:] == [
        ["1", "Alex", "2024-03-13 12:00:01", "1", "purges", "q-kirov", "Kirov led which city?",
         "kirov", "A", "1", "900", "1.5"],
        ["1", "Alex", "2024-03-13 12:00:03", "1", "purges", "q-yezhov", "", "nkvd", "'=1+1",
         "0", "0", "1.5"],
        ["2", "Alex", "2024-03-13 12:00:02", "1", "purges", "q-kirov", "Kirov led which city?",
         "kirov", "Moscow", "0", "0", "1.5"],
        ["2", "Alex", "2024-03-13 12:00:04", "1", "purges", "q-yezhov", "", "nkvd", "A", "1",
         "700", "1.5"],
        ["3", "Dana", "2024-03-13 12:00:05", "1", "purges", "q-yezhov", "", "nkvd", "A", "1",
         "800", "1.5"],
    ]  # fmt: skip


async def test_two_classes_have_their_own_reports_and_boards(
    store: Store, clock: FakeClock
) -> None:
    assert await store.add_class_channel(GUILD, "11A", CHANNEL) is None
    assert await store.add_class_channel(GUILD, "11B", OTHER_CHANNEL) is None
    await two_alexes(store, clock, CHANNEL)
    run_b = await store.start_run(GUILD, OTHER_CHANNEL, "purges", TEACHER)
    await player(store, clock, run_b, 42, "Boris").answer("q-kirov", True, 1000, topic="kirov")

    a = await store.server_report(GUILD, class_name="11A")
    b = await store.server_report(GUILD, class_name="11B")
    assert [s.user_name for s in a.students] == ["Alex", "Dana", "Alex"]
    assert [(s.number, s.user_name) for s in b.students] == [(4, "Boris")]
    assert {r.user_id for r in b.answers} == {42}
    board_a = await store.leaderboard(GUILD, class_name="11A")
    board_b = await store.leaderboard(GUILD, class_name="11B")
    whole = await store.leaderboard(GUILD)
    assert [e.points for e in board_a.entries] == [900, 800, 700]
    assert [(e.user_name, e.points) for e in board_b.entries] == [("Boris", 1000)]
    assert whole.total == 4
    assert await store.class_of_channel(GUILD, OTHER_CHANNEL) == "11B"
    assert [(c.name, c.channel_ids) for c in await store.list_classes(GUILD)] == [
        ("11A", (CHANNEL,)),
        ("11B", (OTHER_CHANNEL,)),
    ]
    # moving a channel says where it was; removing a class keeps every answer
    assert await store.add_class_channel(GUILD, "11A", OTHER_CHANNEL) == "11B"
    assert await store.remove_class(GUILD, "11A") == 2
    assert (await store.leaderboard(GUILD)).total == 4
    assert (await store.leaderboard(GUILD, class_name="11A")).total == 0


async def test_a_new_term_starts_boards_at_zero_and_keeps_every_answer(
    store: Store, clock: FakeClock
) -> None:
    await two_alexes(store, clock)
    clock.advance(days=1)
    term = await store.new_term(GUILD, "Spring", TEACHER)
    assert (await store.current_term(GUILD)) == term
    board = await store.leaderboard(GUILD)
    assert (board.total, board.since) == (0, term.started_at)
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, run, 42, "Boris").answer("q-kirov", True, 300)
    assert [(e.user_name, e.points) for e in (await store.leaderboard(GUILD)).entries] == [
        ("Boris", 300)
    ]
    assert len((await store.server_report(GUILD)).answers) == 6  # nothing archived is lost
    assert (await store.leaderboard(OTHER_GUILD)).since is None  # terms are per server


async def test_the_board_top_setting(store: Store) -> None:
    assert await store.board_top(GUILD) is None
    await store.set_board_top(GUILD, 5)
    assert await store.board_top(GUILD) == 5
    await store.set_board_top(GUILD, None)
    assert await store.board_top(GUILD) is None


async def test_upgrading_numbers_the_students_already_there(
    db_path: Path, clock: FakeClock
) -> None:
    old = await Store.open(db_path, clock=clock, schema_version=3)
    run = await old.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await player(old, clock, run, 12, "Boris").answer("q1", True)
    await player(old, clock, run, 11, "Ana").answer("q1", True)
    await old.close()
    new = await Store.open(db_path, clock=clock)
    try:
        assert await new.student_number(GUILD, 12) == 1
        assert await new.student_number(GUILD, 11) == 2
        await player(new, clock, run, 13, "Cyril").answer("q1", True)
        assert await new.student_number(GUILD, 13) == 3
    finally:
        await new.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_a_grid_over_several_banks_names_each_questions_bank(
    store: Store, clock: FakeClock
) -> None:
    for bank in ("purges", "trials"):
        run = await store.start_run(GUILD, CHANNEL, bank, TEACHER)
        await player(store, clock, run, 5, "Eva").answer("q1", bank == "purges", 300)
    grid = parse((await store.server_report(GUILD)).grid_csv())
    assert grid == [
        [
            "student no.",
            "student",
            "purges/q1 right",
            "purges/q1 points",
            "purges/q1 seconds",
            "trials/q1 right",
            "trials/q1 points",
            "trials/q1 seconds",
        ],
        ["1", "Eva", "1", "300", "1.5", "0", "300", "1.5"],
    ]
