"""Classes (named by the channels their quizzes run in), terms, a board's visible places, and
the stable per-server student numbers that exports use instead of Discord ids."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from purgebot.storage.base import StoreBase
from purgebot.storage.db import execute, fetchone, upsert
from purgebot.storage.timeutil import from_ms


@dataclass(frozen=True, slots=True)
class ClassInfo:
    name: str
    channel_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TermRecord:
    term_id: int
    guild_id: int
    name: str
    started_at: datetime
    started_by: int | None


def _term(row: tuple[Any, ...]) -> TermRecord:
    term_id, guild_id, name, started_at, started_by = row
    by = int(started_by) if started_by is not None else None
    return TermRecord(int(term_id), int(guild_id), str(name), from_ms(started_at), by)


class ClassesMixin(StoreBase):
    # -- classes ----------------------------------------------------------------------------
    async def add_class_channel(self, guild_id: int, name: str, channel_id: int) -> str | None:
        """Put a channel in class `name` (creating the class); returns the class it was in
        before, if another."""
        async with self._db.write() as conn:
            old = await fetchone(
                conn,
                "SELECT class_name FROM class_channels WHERE guild_id = ? AND channel_id = ?",
                (guild_id, channel_id),
            )
            await upsert(
                conn,
                "class_channels",
                {"guild_id": guild_id, "channel_id": channel_id},
                {"class_name": name, "added_at": self._now_ms()},
            )
        previous = str(old[0]) if old else None
        return previous if previous != name else None

    async def remove_class(self, guild_id: int, name: str) -> int:
        """Forget a class's name (its answers stay); returns the channels it had."""
        async with self._db.write() as conn:
            return await execute(
                conn,
                "DELETE FROM class_channels WHERE guild_id = ? AND class_name = ?",
                (guild_id, name),
            )

    async def list_classes(self, guild_id: int) -> list[ClassInfo]:
        rows = await self._db.fetchall(
            """SELECT class_name, channel_id FROM class_channels WHERE guild_id = ?
               ORDER BY class_name, added_at, channel_id""",
            (guild_id,),
        )
        found: dict[str, list[int]] = {}
        for name, channel_id in rows:
            found.setdefault(str(name), []).append(int(channel_id))
        return [ClassInfo(name, tuple(ids)) for name, ids in found.items()]

    async def class_of_channel(self, guild_id: int, channel_id: int) -> str | None:
        row = await self._db.fetchone(
            "SELECT class_name FROM class_channels WHERE guild_id = ? AND channel_id = ?",
            (guild_id, channel_id),
        )
        return str(row[0]) if row else None

    # -- terms ------------------------------------------------------------------------------
    async def new_term(self, guild_id: int, name: str, started_by: int | None) -> TermRecord:
        """Start a term now: boards count from here; nothing is deleted."""
        async with self._db.write() as conn:
            row = await fetchone(
                conn,
                """INSERT INTO terms (guild_id, name, started_at, started_by) VALUES (?, ?, ?, ?)
                   RETURNING term_id, guild_id, name, started_at, started_by""",
                (guild_id, name, self._now_ms(), started_by),
            )
        assert row is not None
        return _term(row)

    async def current_term(self, guild_id: int) -> TermRecord | None:
        row = await self._db.fetchone(
            """SELECT term_id, guild_id, name, started_at, started_by FROM terms
               WHERE guild_id = ? ORDER BY started_at DESC, term_id DESC LIMIT 1""",
            (guild_id,),
        )
        return _term(row) if row else None

    async def list_terms(self, guild_id: int) -> list[TermRecord]:
        rows = await self._db.fetchall(
            """SELECT term_id, guild_id, name, started_at, started_by FROM terms
               WHERE guild_id = ? ORDER BY started_at, term_id""",
            (guild_id,),
        )
        return [_term(r) for r in rows]

    # -- what a board shows -----------------------------------------------------------------
    async def board_top(self, guild_id: int) -> int | None:
        """How many places a leaderboard shows the class; None for every place."""
        row = await self._db.fetchone(
            "SELECT board_top FROM board_settings WHERE guild_id = ?", (guild_id,)
        )
        return int(row[0]) if row and row[0] is not None else None

    async def set_board_top(self, guild_id: int, top: int | None) -> None:
        if top is not None and top < 1:
            raise ValueError("a board shows at least one place")
        async with self._db.write() as conn:
            values = {"board_top": top, "updated_at": self._now_ms()}
            await upsert(conn, "board_settings", {"guild_id": guild_id}, values)

    # -- student numbers --------------------------------------------------------------------
    async def student_number(self, guild_id: int, user_id: int) -> int | None:
        """The student's number in this server (given at their first answer), if any."""
        await self._flush_answers()
        row = await self._db.fetchone(
            "SELECT number FROM student_numbers WHERE guild_id = ? AND user_id = ?",
            (guild_id, user_id),
        )
        return int(row[0]) if row else None

    async def _flush_answers(self) -> None:
        raise NotImplementedError
