"""Opening the bot's database at start: one bot per file, and a plain reason when it can't be used."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from purgebot.storage import SchemaTooNewError, Store
from purgebot.storage.opening import DatabaseProblem, InstanceLock, explain, open_for_bot
from purgebot.storage.pgopening import explain_postgres


def damage(path: Path) -> None:
    """Fill a real database with rows, then overwrite bytes in the middle of its data pages
    (the header and schema stay intact, so opening it works)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, t TEXT)")
    conn.execute("CREATE INDEX ix_filler ON filler (t)")
    conn.executemany(
        "INSERT INTO filler (t) VALUES (?)", [("x" * 50 + str(i),) for i in range(5000)]
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 + 100)
        f.write(b"\xff" * 64)


async def test_a_sound_database_opens_and_is_checked(tmp_path: Path) -> None:
    store = await open_for_bot(tmp_path / "purgebot.db")
    await store.close()


async def test_damage_inside_the_data_pages_stops_the_start_with_a_plain_reason(
    tmp_path: Path,
) -> None:
    path = tmp_path / "purgebot.db"
    await (await Store.open(path)).close()
    damage(path)
    with pytest.raises(DatabaseProblem) as caught:
        await open_for_bot(path)
    message = caught.value.message
    assert message.startswith(f"the database {path} is damaged (SQLite's check says: ")
    assert "restore the file from a backup" in message and ".recover" in message


async def test_a_database_from_a_newer_purgebot_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "purgebot.db"
    await (await Store.open(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(DatabaseProblem) as caught:
        await open_for_bot(path)
    assert caught.value.message.startswith(
        f"the database {path} was written by a newer purgebot (database schema is version 99"
    )
    assert "Upgrade purgebot" in caught.value.message


def test_a_newer_postgres_schema_is_refused_plainly_without_the_password() -> None:
    exc = SchemaTooNewError("database schema is version 99, this purgebot knows up to 5")
    problem = explain_postgres("postgresql://bot:s3cret@db:5432/purgebot", exc)
    assert problem is not None
    assert problem.message == (
        "the database postgresql://bot:***@db:5432/purgebot was written by a newer purgebot"
        " (database schema is version 99, this purgebot knows up to 5). Upgrade purgebot to use"
        " it, or set PURGEBOT_DB to another database; this version will not guess at it."
    )


async def test_a_file_that_is_no_database_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "purgebot.db"
    path.write_bytes(b"these are my lesson notes, not a database " * 100)
    with pytest.raises(DatabaseProblem) as caught:
        await open_for_bot(path)
    assert caught.value.message.startswith(f"{path} is not a purgebot database")


async def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "purgebot.db"
    with pytest.raises(DatabaseProblem) as caught:
        await open_for_bot(path)
    assert caught.value.message.startswith(f"the folder {path.parent} does not exist")


def test_a_read_only_database_gets_its_own_reason(tmp_path: Path) -> None:
    path = tmp_path / "purgebot.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    # SQLite's own error for a file this process may not write (a real one, as it arrives)
    with (
        pytest.raises(sqlite3.OperationalError) as caught,
        sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn,
    ):
        conn.execute("INSERT INTO t VALUES (1)")
    problem = explain(path, caught.value)
    assert problem is not None
    assert problem.message.startswith(f"the database file {path} is read-only for this user")
    assert "pick" not in problem.message and "folder that exists" not in problem.message


def test_a_second_bot_on_the_same_file_is_refused_and_a_crash_frees_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "purgebot.db"
    first = InstanceLock(path).acquire()
    with pytest.raises(DatabaseProblem) as caught:
        InstanceLock(path).acquire()
    assert caught.value.message.startswith("another purgebot")
    assert f"is already running on the database {path}" in caught.value.message
    first.release()
    InstanceLock(path).acquire().release()  # released at exit: free again

    # a process that holds the lock and is killed leaves the file free
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib\n"
            "from purgebot.storage.opening import InstanceLock\n"
            f"held = InstanceLock(pathlib.Path({str(path)!r})).acquire()\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(DatabaseProblem, match=f"process {holder.pid}"):
            InstanceLock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
    InstanceLock(path).acquire().release()
