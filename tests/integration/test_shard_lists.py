"""The lists a process keeps about its own servers, when two shard processes share one database:
open essay drills are written down per shard, so neither process overwrites the other's, and at
start each closes only the drills of its own servers."""

from __future__ import annotations

import random
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from purgebot.bot.essays.drillclock import OPEN_DRILLS_KEY, DrillClock
from purgebot.bot.services import Services
from purgebot.catalog import BankCatalog
from purgebot.config import Settings
from purgebot.shards import ShardPlan
from purgebot.storage import Store

GUILD_ON = {shard: (3_000 * 2 + shard) << 22 | 99 for shard in range(2)}
LATER = int(time.time()) + 3_600


def services(store: Store, plan: ShardPlan | None) -> Services:
    return Services(
        settings=Settings(token=None),
        store=store,
        catalog=BankCatalog(store, []),
        clock=time.time,
        rng=random.Random(1),
        shards=plan,
    )


def posted(guild_id: int, message_id: int) -> Any:
    """The drill message as schedule() reads it."""
    return SimpleNamespace(
        id=message_id, guild=SimpleNamespace(id=guild_id), channel=SimpleNamespace(id=7)
    )


class Client:
    """What restore() asks of discord.Client: a channel to edit the drill message in."""

    def get_partial_messageable(self, channel_id: int, *, guild_id: int) -> Any:
        return SimpleNamespace(get_partial_message=lambda message_id: message_id)


async def test_two_shard_processes_keep_their_open_drills_apart(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "purgebot.db")
    bank, prompt = SimpleNamespace(id="nkvd"), SimpleNamespace(id="confessions")
    first = DrillClock(services(store, ShardPlan((0,), 2)))
    second = DrillClock(services(store, ShardPlan((1,), 2)))
    try:
        await first.schedule(posted(GUILD_ON[0], 10), bank, prompt, LATER, "ms-petrova")  # type: ignore[arg-type]
        await second.schedule(posted(GUILD_ON[1], 11), bank, prompt, LATER, "mr-ivanov")  # type: ignore[arg-type]
        await first.schedule(posted(GUILD_ON[0], 12), bank, prompt, LATER, "ms-petrova")  # type: ignore[arg-type]
        # a restart of the first process closes its two drills, not the other one's
        restarted = DrillClock(services(store, ShardPlan((0,), 2)))
        assert await restarted.restore(Client()) == 2  # type: ignore[arg-type]
        assert sorted(restarted._closers) == [10, 12]
        restarted.cancel_all()
        unsharded = DrillClock(services(store, None))  # the old single list is untouched
        assert await store.get_value(OPEN_DRILLS_KEY) is None
        assert await unsharded.restore(Client()) == 0  # type: ignore[arg-type]
        # a drill an unsharded process wrote down, before the bot was sharded: the process
        # holding its server's shard closes it, the other leaves it alone
        await unsharded.schedule(posted(GUILD_ON[1], 13), bank, prompt, LATER, "mr-ivanov")  # type: ignore[arg-type]
        unsharded.cancel_all()
        zero, one = (DrillClock(services(store, ShardPlan((s,), 2))) for s in (0, 1))
        await zero.restore(Client())  # type: ignore[arg-type]
        await one.restore(Client())  # type: ignore[arg-type]
        assert (sorted(zero._closers), sorted(one._closers)) == ([10, 12], [11, 13])
        zero.cancel_all()
        one.cancel_all()
    finally:
        first.cancel_all()
        second.cancel_all()
        await store.close()
