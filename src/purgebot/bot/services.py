"""What a cog needs from the outside world, handed over in one object at setup.

A cog is built with a `Services` and never reaches for globals: the store, the banks, the clock
and the random source are whatever `create_bot` was given, so tests inject their own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, cast

import discord

from purgebot.catalog import BankCatalog
from purgebot.config import Settings
from purgebot.shards import ShardPlan
from purgebot.storage import Store

Clock = Callable[[], float]
"""Now, in epoch seconds: what both the quiz engine and the store accept."""


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    store: Store
    catalog: BankCatalog
    clock: Clock
    rng: random.Random
    shards: ShardPlan | None = None  # the shards this process holds; None: not sharded


class HasServices(Protocol):
    @property
    def services(self) -> Services: ...


def services_of(interaction: discord.Interaction[Any]) -> Services:
    """The services of the bot that received `interaction`."""
    return cast(HasServices, interaction.client).services
