"""Migrations: from an empty file, from every earlier version with data in it, and failures."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite
import pytest
from storage_helpers import CHANNEL, GUILD, TEACHER, FakeClock, player

from purgebot.storage import (
    GuildSettings,
    MigrationError,
    NewEssay,
    SchemaTooNewError,
    Store,
)
from purgebot.storage.migrate import (
    Migration,
    load_migrations,
    load_triggers,
    migrate,
    portable,
    replace_triggers,
    schema_version,
)

MIGRATIONS = load_migrations()
LATEST = len(MIGRATIONS)
# one table each version brought, to tell an old file from a new one
ADDED_BY = {
    1: "answers",
    2: "essay_submissions",
    3: "answer_totals",
    4: "student_numbers",
    5: "review_boxes",
}


OLD_TRIGGERS = Path(__file__).parents[1] / "fixtures" / "schema"


async def old_database(path: Path, version: int) -> None:
    """A file at `version` as an older purgebot left it: the numbered migrations up to it, and
    the triggers they held then (today's set goes in only at the latest version)."""
    await (await Store.open(path, schema_version=version)).close()
    with sqlite3.connect(path) as conn:
        for fixture in sorted(OLD_TRIGGERS.glob("sqlite_*.sql")):
            if int(fixture.name.split("_")[1]) <= version:
                conn.executescript(fixture.read_text(encoding="utf-8"))


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_bundled_migrations_are_numbered_from_one_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))
    assert sorted(ADDED_BY) == list(range(1, LATEST + 1))
    assert all(m.statements() for m in MIGRATIONS)


async def test_open_creates_every_table_in_wal_mode(db_path: Path) -> None:
    store = await Store.open(db_path)
    await store.close()
    assert user_version(db_path) == LATEST
    assert {
        "guild_settings",
        "banks",
        "accommodations",
        "runs",
        "answers",
        "kv",
        "essay_submissions",
        "essay_reviews",
        "answer_totals",
    } <= tables(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_reopening_an_up_to_date_database_changes_nothing(db_path: Path) -> None:
    store = await Store.open(db_path)
    await store.save_settings(GuildSettings(GUILD, teacher_role_id=5))
    await store.close()
    store = await Store.open(db_path)
    assert (await store.get_settings(GUILD)).teacher_role_id == 5
    await store.close()
    assert user_version(db_path) == LATEST


@pytest.mark.parametrize("start", range(1, LATEST))
async def test_upgrade_from_each_earlier_version_keeps_the_data(
    db_path: Path, clock: FakeClock, start: int
) -> None:
    await old_database(db_path, start)
    old = await Store.open(db_path, clock=clock, schema_version=start)
    await old.save_settings(GuildSettings(GUILD, teacher_role_id=42, defaults={"seconds": 30}))
    await old.save_bank(GUILD, "purges", "bank: purges\n", TEACHER)
    run = await old.start_run(GUILD, CHANNEL, "purges", TEACHER)
    ana = player(old, clock, run, 11, "Ana")
    await ana.answer("q1", True, 800)
    await ana.answer("q2", False)
    await old.close()
    assert user_version(db_path) == start
    later_tables = {t for v, t in ADDED_BY.items() if v > start}
    assert not later_tables & tables(db_path)

    new = await Store.open(db_path, clock=clock)
    try:
        assert user_version(db_path) == LATEST
        settings = await new.get_settings(GUILD)
        assert (settings.teacher_role_id, dict(settings.defaults)) == (42, {"seconds": 30})
        bank = await new.get_bank(GUILD, "purges")
        assert bank is not None
        assert bank.yaml_text == "bank: purges\n"
        assert set(ADDED_BY.values()) <= tables(db_path)
        stats = await new.student_stats(GUILD, 11)
        assert (stats.answered, stats.correct, stats.points) == (2, 1, 800)
        # totals added in version 3 were filled from the answers already there
        board = await new.leaderboard(GUILD)
        assert [(e.user_name, e.points, e.answered) for e in board.entries] == [("Ana", 800, 2)]
        await player(new, clock, run, 12, "Boris").answer("q1", True, 900)
        board = await new.leaderboard(GUILD)
        assert [(e.user_name, e.points) for e in board.entries] == [("Boris", 900), ("Ana", 800)]
        # what the new version added works on the upgraded file
        essay = await new.submit_essay(
            NewEssay(GUILD, 11, "Ana", "purges", "yezhov", "Yezhov ran it.", 3, {})
        )
        assert [s.submission_id for s in await new.essay_queue(GUILD)] == [essay.submission_id]
    finally:
        await new.close()


async def test_a_failing_migration_is_rolled_back_whole(db_path: Path) -> None:
    broken = [
        *MIGRATIONS[:1],
        Migration(2, "broken", "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;\n"),
    ]
    async with aiosqlite.connect(db_path, isolation_level=None) as conn:
        with pytest.raises(MigrationError, match="002_broken"):
            await migrate(conn, broken)
        assert await schema_version(conn) == 1
        assert not conn.in_transaction
    assert "half_done" not in tables(db_path)
    assert "answers" in tables(db_path)
    # and the real migrations still apply afterwards
    store = await Store.open(db_path)
    await store.close()
    assert user_version(db_path) == LATEST


async def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(SchemaTooNewError):
        await Store.open(db_path)
    assert user_version(db_path) == LATEST + 1


async def test_two_processes_opening_a_new_file_at_once_migrate_it_once(db_path: Path) -> None:
    first, second = await asyncio.gather(Store.open(db_path), Store.open(db_path))
    await first.close()
    await second.close()
    assert user_version(db_path) == LATEST


def test_statements_split_on_real_ends_including_trigger_bodies() -> None:
    sql = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE t (x INTEGER);\n"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
        "  UPDATE t SET x = x + 1;\n"
        "END;\n"
    )
    assert Migration(9, "x", sql).statements() == [
        "-- a comment; with a semicolon\nCREATE TABLE t (x INTEGER);",
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET x = x + 1;\nEND;",
    ]


def test_clock_values_must_be_aware() -> None:
    from purgebot.storage.timeutil import to_ms

    assert to_ms(datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)) == 1000
    assert to_ms(2.5) == 2500
    with pytest.raises(ValueError, match="naive"):
        to_ms(datetime(2024, 1, 1))  # naive on purpose


def test_a_shared_migration_is_spelled_for_each_backend() -> None:
    shared = (
        "CREATE TABLE t (\n    t_id  {id},\n    at    INTEGER NOT NULL,\n"
        "    share REAL    NOT NULL\n) WITHOUT ROWID;"
    )
    assert portable(shared, "sqlite") == shared.replace("{id}", "INTEGER PRIMARY KEY")
    assert portable(shared, "postgres") == (
        "CREATE TABLE t (\n    t_id  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
        "    at    BIGINT NOT NULL,\n    share DOUBLE PRECISION    NOT NULL\n);"
    )
    with pytest.raises(MigrationError):
        load_migrations("mysql")


def test_each_backend_keeps_its_triggers_in_one_set_of_its_own() -> None:
    sqlite = {m.version: m.sql for m in MIGRATIONS}
    postgres = {m.version: m.sql for m in load_migrations("postgres")}
    assert not any("CREATE TRIGGER" in sql for sql in [*sqlite.values(), *postgres.values()])
    assert "CREATE TRIGGER tr_answer_totals_insert AFTER INSERT ON answers" in load_triggers()
    assert "LANGUAGE plpgsql" not in load_triggers()
    assert "EXECUTE FUNCTION tr_answer_totals_insert()" in load_triggers("postgres")
    assert "fillfactor = 70" in postgres[3]
    assert "{id}" not in sqlite[1] + postgres[1]


def schema(path: Path) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
            " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        )
        return [tuple(r) for r in rows]


def triggers(path: Path) -> list[str]:
    return [name for kind, name, _table, _sql in schema(path) if kind == "trigger"]


@pytest.mark.parametrize("start", range(1, LATEST))
async def test_a_file_upgraded_from_each_older_version_has_a_fresh_files_schema(
    tmp_path: Path, start: int
) -> None:
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    await (await Store.open(fresh)).close()
    await old_database(old, start)
    await (await Store.open(old)).close()
    assert schema(old) == schema(fresh)
    assert triggers(fresh) == [
        "tr_answer_totals_delete",
        "tr_answer_totals_insert",
        "tr_review_wrong",
        "tr_student_numbers_delete",
        "tr_student_numbers_insert",
    ]


async def test_the_triggers_go_in_at_the_latest_version_only(db_path: Path) -> None:
    await (await Store.open(db_path, schema_version=LATEST - 1)).close()
    assert triggers(db_path) == []
    await (await Store.open(db_path)).close()
    assert len(triggers(db_path)) == 5


def schema_cookie(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA schema_version").fetchone()[0])


async def test_current_triggers_are_left_alone_and_changed_ones_replaced(db_path: Path) -> None:
    await (await Store.open(db_path)).close()
    cookie, built = schema_cookie(db_path), schema(db_path)
    await (await Store.open(db_path)).close()
    assert schema_cookie(db_path) == cookie  # nothing was rewritten
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER tr_review_wrong")
        conn.execute("CREATE TRIGGER tr_review_wrong AFTER INSERT ON answers BEGIN SELECT 1; END")
        conn.execute("DROP TRIGGER tr_student_numbers_delete")
    async with aiosqlite.connect(db_path, isolation_level=None) as conn:
        assert await replace_triggers(conn, load_triggers())
        assert not await replace_triggers(conn, load_triggers())
    assert schema(db_path) == built
    with sqlite3.connect(db_path) as conn:  # one a later set no longer has
        conn.execute("CREATE TRIGGER tr_retired AFTER INSERT ON kv BEGIN SELECT 1; END")
    retiring = load_triggers() + "\nDROP TRIGGER IF EXISTS tr_retired;\n"
    async with aiosqlite.connect(db_path, isolation_level=None) as conn:
        assert await replace_triggers(conn, retiring)
        assert not await replace_triggers(conn, retiring)
    assert schema(db_path) == built
    with sqlite3.connect(db_path) as conn:  # someone else's trigger is not ours to drop
        conn.execute("CREATE TRIGGER audit AFTER INSERT ON kv BEGIN SELECT 1; END")
    await (await Store.open(db_path)).close()
    assert "audit" in triggers(db_path)


async def test_a_failing_trigger_set_leaves_the_old_one(db_path: Path) -> None:
    await (await Store.open(db_path)).close()
    built = schema(db_path)
    async with aiosqlite.connect(db_path, isolation_level=None) as conn:
        with pytest.raises(MigrationError, match="the triggers failed"):
            await replace_triggers(conn, load_triggers().replace("box = 1,", "box = ,"))
        assert not conn.in_transaction
    assert schema(db_path) == built
