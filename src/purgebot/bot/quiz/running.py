"""Which quizzes this process is running, kept in the store for the next start.

A restart ends the quizzes a dead process left running and greys out their last question, so the
store keeps [run, guild, channel, question message] of each running quiz under one key. Every
change (a quiz started, a question posted, a quiz ended) only marks that record stale; one task
writes the latest state, and the changes made while it writes go into its next write. So 1,000
quizzes posting their questions in the same second cost a few writes, not 1,000 writes of 1,000
rows each, and a shutdown ending them all writes the record once.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

from purgebot.shards import RunningBook
from purgebot.storage import Store

log = logging.getLogger("purgebot.bot.quiz")

RUNNING_KEY = "quiz.running"

Rows = Callable[[], list[list[Any]]]


class RunningRecord:
    def __init__(self, store: Store, rows: Rows, book: RunningBook | None = None) -> None:
        self._store = store
        self._rows = rows
        # which key each server's rows go under: one per shard if sharded, else RUNNING_KEY
        self._book = book or RunningBook(RUNNING_KEY, None)
        self._stale = False
        self._task: asyncio.Task[None] | None = None

    def changed(self) -> None:
        """The running quizzes changed: write them soon (once for many changes)."""
        self._stale = True
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._write_while_stale(), name="purgebot-running")

    async def on_question(self) -> None:
        """The runner's hook after posting a question (its message id is now known)."""
        self.changed()

    async def settle(self) -> None:
        """Wait until every change so far is written."""
        while self._task is not None and not self._task.done():
            await asyncio.wait([self._task])

    async def write(self, rows: list[list[Any]]) -> None:
        """Write exactly `rows` now, after any write under way (shutdown: the quizzes stuck on
        Discord, which the next start must end)."""
        self._stale = False
        await self.settle()
        await self._write(rows)

    async def _write_while_stale(self) -> None:
        while self._stale:
            self._stale = False
            await self._write(self._rows())

    async def _write(self, rows: list[list[Any]]) -> None:
        try:
            for key, text in self._book.updates(rows).items():
                await self._store.set_value(key, text)
        except Exception:
            log.exception("could not record which quizzes are running")

    async def read(self) -> list[list[Any]]:
        """This process's rows (its own shards' keys, and the unsharded key's if sharded)."""
        rows: list[list[Any]] = []
        for key in self._book.read_keys():
            rows += json.loads(await self._store.get_value(key) or "[]")
        return rows
