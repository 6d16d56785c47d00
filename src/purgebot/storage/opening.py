"""Opening the bot's database at start: one process per file, and a plain reason when it can't.

The person starting the bot is told what is wrong with the file in words that fit the case (a
folder that does not exist, a read-only file, another bot already using it, a damaged file, one
written by a newer purgebot), never a traceback and never a fix that does not apply.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from pathlib import Path
from typing import IO

from purgebot.errors import UserFacingError
from purgebot.storage.errors import SchemaTooNewError, StorageError
from purgebot.storage.store import Store
from purgebot.storage.timeutil import Clock, system_clock

try:
    import fcntl
except ImportError:  # Windows: no advisory locks of this kind; a second process is not caught
    fcntl = None  # type: ignore[assignment]

QUICK_CHECK_LINES = 3  # how much of SQLite's report the message quotes


class DatabaseProblem(UserFacingError):
    """The database cannot be used; the message says why and what to do."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """An exclusive lock on a file beside the database, held while the bot runs.

    A second bot on the same file would take the first one's live quizzes for leftovers of a
    crash and end them. The operating system drops the lock when the process ends, however it
    ends, so a crash never leaves the file locked.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._file: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        if fcntl is None:
            return self
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        except OSError as exc:
            raise DatabaseProblem(
                f"cannot create the lock file {self.path} beside the database "
                f"({exc.strerror or exc}). Give this user write access to {self.path.parent}, "
                "or set PURGEBOT_DB to a file in a folder it may write to."
            ) from None
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise DatabaseProblem(
                f"another purgebot{who} is already running on the database {self.db_path}. "
                "Two bots on one file would end each other's quizzes: stop the other one "
                "first, or give this one its own file with PURGEBOT_DB."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        return self

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing drops the lock
            self._file = None


def _check_paths(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseProblem(
            f"the folder {folder} does not exist, so the database {path} cannot be created "
            "there. Create the folder, or set PURGEBOT_DB to a file in a folder that exists."
        )
    if path.exists() and not path.is_file():
        raise DatabaseProblem(f"{path} is not a file. Set PURGEBOT_DB to a database file.")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise _read_only(path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseProblem(
            f"this user may not write in the folder {folder}; SQLite keeps its journal files "
            f"beside the database there. Give this user write access to {folder}, or set "
            "PURGEBOT_DB to a file in a folder it may write to."
        )


def _read_only(path: Path) -> DatabaseProblem:
    return DatabaseProblem(
        f"the database file {path} is read-only for this user, and the bot must write to it. "
        f"Make it writable (for example `chmod u+w {path}`), or run the bot as its owner."
    )


def _damaged(path: Path, detail: str) -> DatabaseProblem:
    return DatabaseProblem(
        f"the database {path} is damaged (SQLite's check says: {detail}). Stop here rather "
        "than lose more answers: restore the file from a backup, or rescue what is readable "
        f"with `sqlite3 {path} .recover | sqlite3 rescued.db` and point PURGEBOT_DB at that."
    )


def newer_schema(where: str, exc: SchemaTooNewError, other: str) -> DatabaseProblem:
    """A schema from a newer purgebot, on either backend: upgrade, or use `other` database."""
    return DatabaseProblem(
        f"the database {where} was written by a newer purgebot ({exc}). Upgrade purgebot "
        f"to use it, or set PURGEBOT_DB to another {other}; this version will not guess at it."
    )


def explain(path: Path, exc: BaseException) -> DatabaseProblem | None:
    """The operator's reason for an error opening the database, or None for a bug."""
    if isinstance(exc, DatabaseProblem):
        return exc
    if isinstance(exc, SchemaTooNewError):
        return newer_schema(str(path), exc, "file")
    text = str(exc).casefold()
    if isinstance(exc, sqlite3.DatabaseError | StorageError):
        if "readonly" in text or "read-only" in text:
            return _read_only(path)
        if "not a database" in text:
            return DatabaseProblem(
                f"{path} is not a purgebot database (it is not an SQLite file at all). Set "
                "PURGEBOT_DB to the right file; to start afresh, move this one out of the way."
            )
        if "malformed" in text or "corrupt" in text:
            return _damaged(path, str(exc))
        if "locked" in text or "busy" in text:
            return DatabaseProblem(
                f"the database {path} is locked by another program and stayed locked. Close "
                "whatever holds it (another purgebot, an open sqlite3 shell), then start again."
            )
        return DatabaseProblem(
            f"cannot open the database {path} ({exc}). Set PURGEBOT_DB to a file in a folder "
            "that exists and that this user may write to."
        )
    if isinstance(exc, OSError):
        return DatabaseProblem(f"cannot open the database {path}: {exc.strerror or exc}.")
    return None


async def quick_check(store: Store) -> list[str]:
    """SQLite's quick_check of every page: [] when the file is sound."""
    rows = await store._db.fetchall("PRAGMA quick_check")
    lines = [line for row in rows for line in str(row[0]).split("\n") if line]
    return [] if lines == ["ok"] else lines


async def open_for_bot(path: Path, *, clock: Clock = system_clock) -> Store:
    """Open, migrate and check the database, or raise DatabaseProblem saying why not."""
    try:
        _check_paths(path)
        # plain sqlite3 first: aiosqlite's worker thread outlives a failed connect and prints a
        # traceback of its own once the event loop has closed
        await asyncio.to_thread(lambda: sqlite3.connect(path).close())
        store = await Store.open(path, clock=clock)
    except Exception as exc:
        problem = explain(path, exc)
        if problem is None:
            raise
        raise problem from exc
    try:
        problems = await quick_check(store)
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems:
        with contextlib.suppress(Exception):
            await store.close()
        raise _damaged(path, "; ".join(problems[:QUICK_CHECK_LINES]))
    return store
