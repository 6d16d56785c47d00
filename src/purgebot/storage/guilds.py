"""Per-server state: settings, uploaded banks, accommodations, and the two ways of forgetting."""

from __future__ import annotations

import hashlib

from purgebot.storage.base import StoreBase, dump_json, load_json
from purgebot.storage.db import execute, fetchone, upsert
from purgebot.storage.records import (
    BankInfo,
    BankRecord,
    DeletionSummary,
    GuildSettings,
    ResetSummary,
    RunStatus,
    SaveOutcome,
)
from purgebot.storage.timeutil import from_ms


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class GuildsMixin(StoreBase):
    # -- settings ---------------------------------------------------------------------------
    async def get_settings(self, guild_id: int) -> GuildSettings:
        """A server's settings; a server never configured gets the defaults."""
        row = await self._db.fetchone(
            "SELECT teacher_role_id, defaults_json FROM guild_settings WHERE guild_id = ?",
            (guild_id,),
        )
        if row is None:
            return GuildSettings(guild_id)
        return GuildSettings(guild_id, row[0], load_json(row[1]))

    async def save_settings(self, settings: GuildSettings) -> None:
        async with self._db.write() as conn:
            await upsert(
                conn,
                "guild_settings",
                {"guild_id": settings.guild_id},
                {
                    "teacher_role_id": settings.teacher_role_id,
                    "defaults_json": dump_json(settings.defaults),
                    "updated_at": self._now_ms(),
                },
            )

    # -- banks ------------------------------------------------------------------------------
    async def save_bank(
        self, guild_id: int, bank_id: str, yaml_text: str, uploader_id: int | None
    ) -> SaveOutcome:
        """Store an uploaded bank, replacing an earlier upload with the same id."""
        digest = sha256_text(yaml_text)
        async with self._db.write() as conn:
            old = await fetchone(
                conn,
                "SELECT sha256 FROM banks WHERE guild_id = ? AND bank_id = ?",
                (guild_id, bank_id),
            )
            if old is not None and old[0] == digest:
                return SaveOutcome.UNCHANGED
            await upsert(
                conn,
                "banks",
                {"guild_id": guild_id, "bank_id": bank_id},
                {
                    "yaml_text": yaml_text,
                    "sha256": digest,
                    "uploader_id": uploader_id,
                    "uploaded_at": self._now_ms(),
                },
            )
        return SaveOutcome.CREATED if old is None else SaveOutcome.REPLACED

    async def get_bank(self, guild_id: int, bank_id: str) -> BankRecord | None:
        row = await self._db.fetchone(
            """SELECT yaml_text, sha256, uploader_id, uploaded_at FROM banks
               WHERE guild_id = ? AND bank_id = ?""",
            (guild_id, bank_id),
        )
        if row is None:
            return None
        return BankRecord(guild_id, bank_id, row[0], row[1], row[2], from_ms(row[3]))

    async def list_banks(self, guild_id: int) -> list[BankInfo]:
        rows = await self._db.fetchall(
            """SELECT bank_id, sha256, length(CAST(yaml_text AS BLOB)), uploader_id, uploaded_at
               FROM banks WHERE guild_id = ? ORDER BY bank_id""",
            (guild_id,),
        )
        return [BankInfo(guild_id, r[0], r[1], r[2], r[3], from_ms(r[4])) for r in rows]

    async def delete_bank(self, guild_id: int, bank_id: str) -> bool:
        async with self._db.write() as conn:
            changed = await execute(
                conn, "DELETE FROM banks WHERE guild_id = ? AND bank_id = ?", (guild_id, bank_id)
            )
        return changed > 0

    # -- accommodations ---------------------------------------------------------------------
    async def set_accommodation(self, guild_id: int, user_id: int, multiplier: float) -> None:
        """A time multiplier for one student; 1.0 removes it."""
        if not multiplier > 0:
            raise ValueError("a time multiplier must be positive")
        async with self._db.write() as conn:
            if multiplier == 1.0:
                await execute(
                    conn,
                    "DELETE FROM accommodations WHERE guild_id = ? AND user_id = ?",
                    (guild_id, user_id),
                )
            else:
                key = {"guild_id": guild_id, "user_id": user_id}
                await upsert(conn, "accommodations", key, {"multiplier": multiplier})

    async def get_accommodation(self, guild_id: int, user_id: int) -> float:
        row = await self._db.fetchone(
            "SELECT multiplier FROM accommodations WHERE guild_id = ? AND user_id = ?",
            (guild_id, user_id),
        )
        return float(row[0]) if row else 1.0

    async def list_accommodations(self, guild_id: int) -> dict[int, float]:
        rows = await self._db.fetchall(
            "SELECT user_id, multiplier FROM accommodations WHERE guild_id = ? ORDER BY user_id",
            (guild_id,),
        )
        return {int(r[0]): float(r[1]) for r in rows}

    # -- key-value --------------------------------------------------------------------------
    async def get_value(self, key: str) -> str | None:
        row = await self._db.fetchone("SELECT value FROM kv WHERE key = ?", (key,))
        return str(row[0]) if row else None

    async def set_value(self, key: str, value: str) -> None:
        async with self._db.write() as conn:
            await upsert(conn, "kv", {"key": key}, {"value": value, "updated_at": self._now_ms()})

    # -- forgetting -------------------------------------------------------------------------
    async def forget_student(self, guild_id: int, user_id: int) -> DeletionSummary:
        """Delete everything about one student in one server, in one transaction.

        Their answers, essays (with reviews) and accommodation go; where their id only marks who
        did something for the class (started a run, uploaded a bank, reviewed an essay) the row
        stays for the others and the id is cleared.
        """
        key = (guild_id, user_id)
        await self._flush_answers()
        async with self._db.write() as conn:
            answers = await execute(
                conn, "DELETE FROM answers WHERE guild_id = ? AND user_id = ?", key
            )
            essays = await execute(
                conn, "DELETE FROM essay_submissions WHERE guild_id = ? AND user_id = ?", key
            )
            accommodations = await execute(
                conn, "DELETE FROM accommodations WHERE guild_id = ? AND user_id = ?", key
            )
            # homework, practice and review: where their attempts stood, and their review boxes
            await execute(conn, "DELETE FROM attempts WHERE guild_id = ? AND user_id = ?", key)
            await execute(conn, "DELETE FROM review_boxes WHERE guild_id = ? AND user_id = ?", key)
            await execute(
                conn, "UPDATE runs SET started_by = NULL WHERE guild_id = ? AND started_by = ?", key
            )
            await execute(
                conn,
                "UPDATE banks SET uploader_id = NULL WHERE guild_id = ? AND uploader_id = ?",
                key,
            )
            await execute(
                conn,
                """UPDATE essay_reviews SET reviewer_id = NULL WHERE reviewer_id = ?
                   AND submission_id IN
                     (SELECT submission_id FROM essay_submissions WHERE guild_id = ?)""",
                (user_id, guild_id),
            )
        return DeletionSummary(answers, essays, accommodations)

    async def reset_leaderboard(self, guild_id: int) -> ResetSummary:
        """Start a server's scores afresh: answers and finished runs go; banks, settings,
        accommodations and essays stay. A run still in progress keeps its row so its next
        answers are still recorded."""
        await self._flush_answers()
        async with self._db.write() as conn:
            answers = await execute(conn, "DELETE FROM answers WHERE guild_id = ?", (guild_id,))
            runs = await execute(
                conn,
                "DELETE FROM runs WHERE guild_id = ? AND status != ?",
                (guild_id, RunStatus.RUNNING.value),
            )
        return ResetSummary(answers, runs)

    async def _flush_answers(self) -> None:
        """Overridden by the store: answers queued before a deletion must not outlive it.

        Called before taking the write lock, which the answer writer needs to commit."""
