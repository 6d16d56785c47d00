"""`purgebot sync [--guild ID]`: upload the slash commands now, globally or to one server.

Global commands can take a while to appear everywhere; `--guild` copies them to one server, where
they appear at once (handy on a test server; `--clear` removes that copy again).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from purgebot.commands.run import (
    open_store,
    report_startup_failure,
    settings_with_logging,
)
from purgebot.config import Settings

if TYPE_CHECKING:
    from purgebot.bot import PurgeBot


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--guild", type=int, metavar="ID", help="sync to this server only (its id)")
    parser.add_argument(
        "--clear", action="store_true", help="with --guild: remove the server's copy instead"
    )


async def sync(
    settings: Settings,
    guild_id: int | None,
    clear: bool,
    *,
    connect: Callable[[PurgeBot], Awaitable[None]] | None = None,
) -> int:
    """Sync, and return how many commands; `connect` logs the bot in (tests hand it to simcord).

    The bot built to sync runs on a scratch in-memory database: its cogs start up as the running
    bot's do, and the quiz cog ends the runs it finds running, which in the real database are the
    live bot's quizzes. The real database only records what was synced.
    """
    from purgebot.bot import create_bot
    from purgebot.bot.sync import sync_global, sync_guild
    from purgebot.storage import Store

    store = await open_store(settings)
    scratch = await Store.open(":memory:")
    try:
        bot = create_bot(settings, store=scratch, auto_sync=False)
        async with bot:
            if connect is None:
                await bot.login(settings.require_token())  # runs setup_hook: banks, cogs
            else:
                await connect(bot)
            if guild_id is None:
                return await sync_global(bot.tree, store.set_value)
            return await sync_guild(bot.tree, guild_id, clear=clear)
    finally:
        await scratch.close()
        await store.close()


def run(args: argparse.Namespace) -> int:
    if args.clear and args.guild is None:
        print("purgebot: --clear needs --guild ID", file=sys.stderr)
        return 2
    settings = settings_with_logging()
    if settings is None:
        return 2
    import discord

    try:
        count = asyncio.run(sync(settings, args.guild, args.clear))
    except discord.Forbidden:
        print(
            f"purgebot: Discord refused to sync to server {args.guild}: is the bot in it, invited "
            "with the applications.commands scope?",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:
        if not report_startup_failure(exc):
            raise
        return 2
    where = "globally" if args.guild is None else f"to server {args.guild}"
    if args.clear:
        print(f"cleared the slash commands of server {args.guild}")
    else:
        print(f"synced {count} slash commands {where}")
    return 0
