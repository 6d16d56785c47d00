"""The cog that owns the private desk: found by the buttons, tidies attempts at start."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import discord
from discord.ext import commands

from purgebot.bot.selfpaced.components import answer_typed
from purgebot.bot.selfpaced.desk import PrivateDesk
from purgebot.bot.services import Services
from purgebot.errors import UserFacingError
from purgebot.storage.timeutil import as_datetime

log = logging.getLogger(__name__)

SELFPACED_COG = "SelfPaced"
IDLE = 3600.0  # without a client to wake it, the timer looks again at least this often
RETRY = 60.0
WAKE = "purgebot_homework_deadlines"  # dispatched when a new assignment may be due sooner


class SelfPacedCog(commands.Cog, name=SELFPACED_COG):
    def __init__(self, services: Services, client: discord.Client | None = None) -> None:
        self.services = services
        self.client = client  # its wait_for is the timer (one per process, woken by name)
        self.desk = PrivateDesk(services, wake=self._wake)
        self._watcher: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        """At start: homework attempts whose deadline passed while the bot was away end
        (their answers kept); every other open attempt resumes at its next click. Then one
        timer ends attempts still open at each deadline, as it comes."""
        await self._end_overdue()
        self._watcher = asyncio.create_task(self._watch_deadlines())

    async def cog_unload(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher

    def _wake(self) -> None:
        if self.client is not None:
            self.client.dispatch(WAKE)

    async def _sleep(self, seconds: float | None) -> None:
        """Until `seconds` pass (None: until woken) or a new assignment wakes the timer."""
        if self.client is None:
            await asyncio.sleep(IDLE if seconds is None else seconds)
            return
        try:
            await self.client.wait_for(WAKE, timeout=seconds)
        except TimeoutError:
            self.client.dispatch(WAKE)  # drops the timed-out waiter from the client

    async def _end_overdue(self) -> None:
        ended = await self.services.store.end_overdue_attempts(as_datetime(self.services.clock()))
        self.desk.forget(*ended)
        if ended:
            log.info("ended %d homework attempts at their deadline", len(ended))

    async def _watch_deadlines(self) -> None:
        """Sleep until the next due time (or a new assignment), end what is open, repeat."""
        store = self.services.store
        while True:
            try:
                await self._end_overdue()
                nearest = await store.next_deadline(as_datetime(self.services.clock()))
                wait = None if nearest is None else nearest.timestamp() - self.services.clock()
                await self._sleep(None if wait is None else max(0.001, wait))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the homework deadline timer failed; trying again shortly")
                await asyncio.sleep(RETRY)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        await answer_typed(interaction)


def desk_of(client: discord.Client) -> PrivateDesk:
    cog = client.get_cog(SELFPACED_COG) if isinstance(client, commands.Bot) else None
    if not isinstance(cog, SelfPacedCog):
        raise UserFacingError("Private quizzes are not available right now; try again soon.")
    return cog.desk
