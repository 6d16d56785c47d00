"""Greying out a drill's Write button at its deadline, even across a restart.

Each drill with a deadline is written down in the store (key-value table) as it is posted and
crossed out once closed; at start every one still written down is closed at its deadline, or at
once when that has passed while the bot was away. A click that beats the edit is refused anyway
(the button's id carries the deadline).
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import discord

from purgebot.banks.model import Bank, EssayPrompt
from purgebot.bot.essays import embeds as essaycards
from purgebot.bot.essays.components import drill_view
from purgebot.bot.services import Services
from purgebot.essays import find_prompt
from purgebot.shards import ShardKeys

log = logging.getLogger(__name__)

OPEN_DRILLS_KEY = "essay.drills.open"


@dataclass(frozen=True, slots=True)
class OpenDrill:
    guild_id: int
    channel_id: int
    message_id: int
    bank_id: str
    prompt_id: str
    deadline: int
    set_by: str


def moment(deadline: int) -> datetime | None:
    return datetime.fromtimestamp(deadline, UTC) if deadline else None


class DrillClock:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store
        self._closers: dict[int, asyncio.Task[None]] = {}  # drill message id -> its closer
        self._lock = asyncio.Lock()  # one read-modify-write of the list at a time
        self._keys = ShardKeys(OPEN_DRILLS_KEY, services.shards)  # a list per shard, if sharded

    async def _load(self, key: str = OPEN_DRILLS_KEY) -> list[OpenDrill]:
        try:
            rows: Any = json.loads(await self.store.get_value(key) or "[]")
            return [OpenDrill(**row) for row in rows]
        except (ValueError, TypeError):
            log.warning("the list of open drills is unreadable; starting a new one")
            return []

    async def _save(self, key: str, drills: list[OpenDrill]) -> None:
        await self.store.set_value(key, json.dumps([asdict(d) for d in drills]))

    async def schedule(
        self, message: discord.Message, bank: Bank, prompt: EssayPrompt, deadline: int, set_by: str
    ) -> None:
        """Write the drill down, then close it at its deadline."""
        drill = OpenDrill(
            guild_id=message.guild.id if message.guild else 0,
            channel_id=message.channel.id,
            message_id=message.id,
            bank_id=bank.id,
            prompt_id=prompt.id,
            deadline=deadline,
            set_by=set_by,
        )
        key = self._keys.key_of(drill.guild_id)
        async with self._lock:
            await self._save(key, [*await self._load(key), drill])
        self._start(message, bank, prompt, drill)

    def _start(
        self, message: Any, bank: Bank | None, prompt: EssayPrompt | None, drill: OpenDrill
    ) -> None:
        task = asyncio.create_task(self._close_at(message, bank, prompt, drill))
        self._closers[drill.message_id] = task
        task.add_done_callback(lambda _: self._closers.pop(drill.message_id, None))

    async def restore(self, client: discord.Client) -> int:
        """At start: close (now, or at their deadline) the drills a previous process left open."""
        drills = [
            d
            for key in self._keys.read_keys()
            for d in await self._load(key)
            if self._keys.owns(d.guild_id)
        ]
        for drill in drills:
            if drill.message_id in self._closers:
                continue
            bank: Bank | None = None
            prompt: EssayPrompt | None = None
            try:
                bank = await self.services.catalog.get(drill.guild_id, drill.bank_id)
                prompt = find_prompt(bank, drill.prompt_id)
            except Exception:  # the bank was removed since: grey out the button all the same
                log.info("drill %s: its prompt is gone; closing it plainly", drill.message_id)
            channel = client.get_partial_messageable(drill.channel_id, guild_id=drill.guild_id)
            self._start(channel.get_partial_message(drill.message_id), bank, prompt, drill)
        return len(drills)

    async def _close_at(
        self, message: Any, bank: Bank | None, prompt: EssayPrompt | None, drill: OpenDrill
    ) -> None:
        await asyncio.sleep(max(0.0, drill.deadline - self.services.clock()))
        try:
            if bank is not None and prompt is not None:
                closed = essaycards.drill_embed(
                    bank, prompt, set_by=drill.set_by, deadline=moment(drill.deadline), closed=True
                )
                view = drill_view(bank, prompt, drill.deadline, closed=True)
                await message.edit(embed=closed, view=view)
            else:
                await message.edit(view=None)
        except discord.HTTPException as exc:  # deleted, or no access any more: clicks still refuse
            log.warning(
                "could not close drill message %s: %s %s", drill.message_id, exc.status, exc.code
            )
        key = self._keys.key_of(drill.guild_id)
        async with self._lock:
            await self._save(
                key, [d for d in await self._load(key) if d.message_id != drill.message_id]
            )

    def cancel_all(self) -> None:
        """Stop the closers (the bot is closing); the drills stay written down for next time."""
        for task in list(self._closers.values()):
            task.cancel()
        self._closers.clear()
