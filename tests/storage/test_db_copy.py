"""`purgebot db copy`: a history goes SQLite -> PostgreSQL -> SQLite and comes back the same,
every table, every id; a non-empty destination or another schema version is refused plainly."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from storage_helpers import (
    CHANNEL,
    GUILD,
    OTHER_GUILD,
    TEACHER,
    FakeClock,
    committed,
    player,
)

from pgserver import fresh_postgres
from purgebot.storage import GuildSettings, NewEssay, Period, RunStatus, Store
from purgebot.storage.copy import CopyError, checksum, copy_database
from purgebot.storage.pgdb import redact

TABLES = (
    "guild_settings", "banks", "accommodations", "kv", "runs", "assignments", "attempts",
    "answers", "essay_submissions", "essay_reviews", "class_channels", "terms", "board_settings",
    "answer_totals", "student_numbers", "student_counters", "review_boxes",
)  # fmt: skip


async def fill(store: Store, clock: FakeClock) -> None:
    """A little of everything a class leaves behind, in two servers."""
    await store.save_settings(GuildSettings(GUILD, 555, {"questions": 7}))
    await store.save_bank(GUILD, "mine", "id: mine\nquestions: []  # ünïcode ✓\n", TEACHER)
    await store.set_accommodation(GUILD, 2, 1.5)
    await store.set_value("commands.synced", "abc")
    await store.add_class_channel(GUILD, "7B", CHANNEL)
    await store.new_term(GUILD, "Spring", TEACHER)
    await store.set_board_top(GUILD, 5)
    for guild in (GUILD, OTHER_GUILD):
        run = await store.start_run(guild, CHANNEL, "purges", TEACHER)
        for user, name in ((1, "Ана"), (2, "Boris 🎓"), (3, "Cyril")):
            p = player(store, clock, run, user, name)
            await p.answer("q1", user != 3, raw="=cmd|' /C calc'!A0")
            await p.answer("q2", user == 1, topic=None)
        await store.end_run(run.run_id, RunStatus.FINISHED)
    hw = await store.create_assignment(
        GUILD, CHANNEL, "kirov", TEACHER, clock.now + timedelta(days=2), attempts=2
    )
    attempt = await store.start_attempt(
        guild_id=GUILD,
        channel_id=CHANNEL,
        user_id=2,
        mode="homework",
        bank_id="kirov",
        question_ids=["k1", "k2"],
        seed=7,
        multiplier=1.5,
        assignment_id=hw.assignment_id,
    )
    assert attempt is not None
    run = await store.get_run(attempt.run_id)
    assert run is not None
    await player(store, clock, run, 2, "Boris 🎓").answer("k1", False)
    await store.move_review(GUILD, 2, "kirov", "k1", 3, clock.now + timedelta(days=4))
    essay = await store.submit_essay(
        NewEssay(GUILD, 1, "Ана", "nkvd", "confessions", "Они признались.", 2, {"score": 0.5})
    )
    await store.review_essay(GUILD, essay.submission_id, 3.5, "good", TEACHER)


async def contents(target: str) -> dict[str, tuple[int, str]]:
    """(rows, checksum) per table, read on a connection of its own."""
    out = {}
    for table in TABLES:
        rows = await committed(target, f"SELECT * FROM {table}")
        out[table] = (len(rows), checksum(rows))
    return out


async def test_a_history_round_trips_sqlite_postgres_sqlite(
    tmp_path: Path, clock: FakeClock
) -> None:
    first = str(tmp_path / "first.db")
    async with await Store.open(first, clock=clock) as store:
        await fill(store, clock)
        board = await store.leaderboard(GUILD, period=Period.ALL)
        stats = await store.student_stats(GUILD, 2)
    original = await contents(first)
    assert all(rows > 0 for rows, _ in original.values()), original

    async with fresh_postgres() as url:
        to_pg = await copy_database(first, url)
        assert {c.table: (c.rows, c.checksum) for c in to_pg} == original
        assert await contents(url) == original
        back = str(tmp_path / "back.db")
        await copy_database(url, back)
        async with await Store.open(url, clock=clock) as pg:
            # the same figures from PostgreSQL
            assert await pg.leaderboard(GUILD, period=Period.ALL) == board
            assert await pg.student_stats(GUILD, 2) == stats
            # new ids continue after the copied ones
            ((last_run, last_answer),) = await committed(
                first, "SELECT max(run_id), (SELECT max(answer_id) FROM answers) FROM runs"
            )
            run = await pg.start_run(GUILD, CHANNEL, "purges", TEACHER)
            assert run.run_id == int(str(last_run)) + 1
            answer_id = await player(pg, clock, run, 1, "Ана").answer("q9", True)
            assert answer_id == int(str(last_answer)) + 1
    # the copy of the copy is the original, table for table
    assert await contents(back) == original


async def test_copy_refuses_a_destination_with_history(tmp_path: Path, clock: FakeClock) -> None:
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    for path in (first, second):
        async with await Store.open(path, clock=clock) as store:
            await store.set_accommodation(GUILD, 1, 2.0)
    with pytest.raises(CopyError) as caught:
        await copy_database(first, second)
    assert caught.value.message == (
        f"{second} is not empty (its table accommodations has rows). Copy into a new, empty "
        "database, so that no history is mixed or overwritten."
    )


async def test_copy_refuses_an_older_or_newer_schema(tmp_path: Path) -> None:
    old = str(tmp_path / "old.db")
    await (await Store.open(old, schema_version=3)).close()
    with pytest.raises(CopyError, match="has schema version 3, this purgebot writes") as caught:
        await copy_database(old, str(tmp_path / "new.db"))
    assert "start this purgebot on it once" in caught.value.message
    newer = str(tmp_path / "newer.db")
    await (await Store.open(newer)).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(CopyError, match="written by a newer purgebot"):
        await copy_database(newer, str(tmp_path / "x.db"))


def cli_copy(src: str, dst: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "purgebot", "db", "copy", src, dst],
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_the_command_copies_and_names_a_url_without_its_password(
    tmp_path: Path, clock: FakeClock
) -> None:
    first = str(tmp_path / "first.db")
    async with await Store.open(first, clock=clock) as store:
        await fill(store, clock)
    async with fresh_postgres() as url:
        secret = url.replace("postgres@", "postgres:Hunter2-secret@", 1)
        done = await asyncio.to_thread(cli_copy, first, secret)
        assert done.returncode == 0, done.stderr
        assert f"to {redact(secret)}; every table checked row for row" in done.stdout
        assert "Hunter2-secret" not in done.stdout + done.stderr
        again = await asyncio.to_thread(cli_copy, first, secret)
        assert again.returncode == 2
        assert again.stderr.startswith(f"purgebot: {redact(secret)} is not empty")
        assert "Traceback" not in again.stderr and "Hunter2-secret" not in again.stderr


async def test_a_copy_that_does_not_match_is_rolled_back(tmp_path: Path, clock: FakeClock) -> None:
    """The check reads the destination back: here a trigger there alters what arrives."""
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    async with await Store.open(first, clock=clock) as store:
        await fill(store, clock)
    await (await Store.open(second)).close()
    with sqlite3.connect(second) as conn:
        conn.execute(
            "CREATE TRIGGER tamper AFTER INSERT ON kv BEGIN "
            "UPDATE kv SET value = 'changed' WHERE key = NEW.key; END"
        )
    with pytest.raises(CopyError) as caught:
        await copy_database(first, second)
    assert caught.value.message == (
        "the copy of kv does not match the source (the same number of rows, other contents); "
        "nothing was written."
    )
    assert await committed(second, "SELECT count(*) FROM answers") == [(0,)]
