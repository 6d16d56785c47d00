"""The bot object: minimal intents, no pings, guild-only slash commands, one error handler.

Start-up work (opening the store, loading the built-in banks, adding the cogs, syncing commands
when they changed) happens in `setup_hook`, never at import or construction time.
"""

from __future__ import annotations

import logging
import random
import time
from pathlib import Path
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands

from purgebot.banks.loader import BankError, bank_files, load_bank_file
from purgebot.banks.model import Bank
from purgebot.bot import selfpaced
from purgebot.bot.components import StaleConfirm
from purgebot.bot.edge import clean, guard_interactions, quiet_payload_loggers
from purgebot.bot.errors import PurgeTree
from purgebot.bot.features import DYNAMIC_ITEMS, build_cogs
from purgebot.bot.leaderboard.pager import StalePager
from purgebot.bot.quickclick import (
    QuickShardedState,
    QuickState,
    quick_routes,
    route_before_cleaning,
)
from purgebot.bot.quiz import answers as quizviews
from purgebot.bot.selfpaced import homework
from purgebot.bot.services import Clock, Services
from purgebot.bot.sync import sync_if_changed
from purgebot.catalog import BankCatalog
from purgebot.config import Settings
from purgebot.shards import ShardPlan
from purgebot.storage import Store

log = logging.getLogger("purgebot.bot")  # the core package: the name operators read


# What the bot needs in a quiz channel, and nothing more: read it, post, embed, attach (reports,
# bank downloads), and read the history it edits. docs/teacher-guide.md gives the same integer.
BOT_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    embed_links=True,
    attach_files=True,
    read_message_history=True,
)
INVITE_SCOPES = ("bot", "applications.commands")


def invite_url(application_id: int) -> str:
    """The link a server manager opens to add the bot with exactly the permissions it needs."""
    return discord.utils.oauth_url(
        application_id, permissions=BOT_PERMISSIONS, scopes=INVITE_SCOPES
    )


def bot_intents() -> discord.Intents:
    """Guild events only: slash commands and buttons need no privileged intent."""
    intents = discord.Intents.none()
    intents.guilds = True
    return intents


def apply_endpoints(settings: Settings) -> None:
    """Point discord.py at another REST base or gateway (a proxy or a local test server)."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def load_builtin_banks(folder: Path) -> list[Bank]:
    """Every valid bank in `folder`; a bad file or a repeated id is logged and left out.

    One broken file must not keep a whole school's bot offline; `purgebot validate` shows why.
    """
    if not folder.is_dir():
        log.warning("no built-in banks: %s is not a folder (set PURGEBOT_BANKS)", folder)
        return []
    banks: dict[str, Bank] = {}
    for path in bank_files([folder]):
        try:
            bank = load_bank_file(path)
        except BankError as exc:
            log.error("skipping a bank that does not load: %s", exc)
            continue
        if bank.id in banks:
            log.error(
                "skipping %s: bank id %r is also used by %s", path, bank.id, banks[bank.id].path
            )
            continue
        banks[bank.id] = bank
    log.info("loaded %d built-in banks from %s", len(banks), folder)
    return list(banks.values())


class PurgeBot(commands.Bot):
    def __init__(
        self,
        settings: Settings,
        *,
        store: Store | None = None,
        clock: Clock = time.time,
        rng: random.Random | None = None,
        auto_sync: bool = True,
        shards: ShardPlan | None = None,
    ) -> None:
        # purgebot has no voice: "PyNaCl/davey is not installed, voice will NOT be supported"
        # at every start would only alarm whoever reads the log
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=PurgeTree,
            allowed_contexts=app_commands.AppCommandContext(
                guild=True, dm_channel=False, private_channel=False
            ),
            allowed_installs=app_commands.AppInstallationType(guild=True, user=False),
            **shard_options(shards),
        )
        # text from Discord is made storable as it arrives (see bot/edge.py)
        guard_interactions(self._connection.parsers)
        routes = quick_routes(self)
        assert routes is not None  # this class's own state (`_get_state`)
        route_before_cleaning(self._connection, routes, clean)
        self.quick_clicks = routes  # the buttons taken before discord.py's dispatch
        quiet_payload_loggers()
        self.settings = settings
        self.clock = clock
        self.rng = rng if rng is not None else random.Random()
        self.auto_sync = auto_sync
        self.shard_plan = shards
        self._store = store
        self._owns_store = store is None
        self._services: Services | None = None

    # the state that takes quick clicks (bot/quickclick.py); the sharded bot names its own
    state_class: type[QuickState] = QuickState

    def _get_state(self, **options: Any) -> QuickState:
        # discord.py's own body, with the state class above
        return self.state_class(
            dispatch=self.dispatch,
            handlers=self._handlers,
            hooks=self._hooks,
            http=self.http,
            **options,
        )

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the bot is not set up yet (setup_hook has not run)")
        return self._services

    async def setup_hook(self) -> None:
        store = self._store
        if store is None:
            store = self._store = await Store.open(self.settings.db_path, clock=self.clock)
        builtin = load_builtin_banks(self.settings.banks_dir)
        self._services = Services(
            settings=self.settings,
            store=store,
            catalog=BankCatalog(store, builtin),
            clock=self.clock,
            rng=self.rng,
            shards=self.shard_plan,
        )
        self.add_dynamic_items(StaleConfirm, StalePager, *DYNAMIC_ITEMS)
        self.add_dynamic_items(*selfpaced.DYNAMIC_ITEMS, *homework.DYNAMIC_ITEMS)
        self.quick_clicks.add(*quizviews.QUICK_CLICKS)
        for cog in build_cogs(self._services, self):
            await self.add_cog(cog)
        if self.auto_sync and (self.shard_plan is None or self.shard_plan.syncs_commands):
            await sync_if_changed(self.tree, store.get_value, store.set_value)
        elif self.auto_sync:
            log.info("slash commands are synced by the process holding shard 0, not this one")

    async def on_ready(self) -> None:
        log.info("ready as %s in %d servers", self.user, len(self.guilds))
        if self.application_id is not None:
            log.info("invite link: %s", invite_url(self.application_id))

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            if self._owns_store and self._store is not None:
                await self._store.close()


class ShardedPurgeBot(PurgeBot, commands.AutoShardedBot):  # type: ignore[misc]  # _get_state: PurgeBot builds state_class
    """The bot over several of Discord's shards in one process (`--shards`): one gateway
    connection per shard, everything else as PurgeBot."""

    state_class = QuickShardedState

    async def on_ready(self) -> None:
        await super().on_ready()
        if self.shard_plan is not None:
            log.info("holding shards %s", self.shard_plan.label)


def shard_options(shards: ShardPlan | None) -> dict[str, Any]:
    """AutoShardedClient's arguments for `shards`; none for an unsharded bot."""
    if shards is None:
        return {}
    return {"shard_ids": list(shards.ids), "shard_count": shards.count}


def create_bot(
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    clock: Clock | None = None,
    rng: random.Random | None = None,
    auto_sync: bool = True,
    shards: ShardPlan | None = None,
) -> PurgeBot:
    """Build the bot; settings come from the environment when not given.

    With `store` given the caller owns it (and closes it); otherwise the bot opens the database
    named by the settings in `setup_hook` and closes it in `close()`. With `shards`, the bot
    connects only those of Discord's shards (ShardedPurgeBot), recovers only their quizzes and
    syncs the commands only if it holds shard 0.
    """
    settings = settings if settings is not None else Settings.from_env()
    apply_endpoints(settings)
    kind = PurgeBot if shards is None else ShardedPurgeBot
    return kind(
        settings,
        store=store,
        clock=clock if clock is not None else time.time,
        rng=rng,
        auto_sync=auto_sync,
        shards=shards,
    )
