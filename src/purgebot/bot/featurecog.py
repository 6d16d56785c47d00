"""The base of every feature's cog: built from the services, as `features.build_cogs` makes it."""

from __future__ import annotations

from discord.ext import commands

from purgebot.bot.services import Services


class FeatureCog(commands.Cog):
    """A feature's cog, with the services and the two most of its commands reach for."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store
        self.catalog = services.catalog
