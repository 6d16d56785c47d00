"""`purgebot run`: connect to Discord and serve until stopped (Ctrl-C or SIGTERM end it cleanly)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

from purgebot.config import TOKEN_HELP, Settings, SettingsError

log = logging.getLogger("purgebot")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Settings come from the environment or a .env file: DISCORD_TOKEN (required), PURGEBOT_DB, "
        "PURGEBOT_BANKS, PURGEBOT_LOG_LEVEL, DISCORD_API_BASE, DISCORD_GATEWAY_URL."
    )


def load_settings() -> Settings | None:
    """The settings, or None after telling the user on stderr what to fix."""
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"purgebot: {exc}", file=sys.stderr)
        return None
    if not settings.has_token:
        print(f"purgebot: {TOKEN_HELP}", file=sys.stderr)
        return None
    return settings


def configure_logging(level: str) -> None:
    import discord

    discord.utils.setup_logging(level=getattr(logging, level), root=True)


def login_failure_message(exc: BaseException) -> str | None:
    """A plain message for the ways Discord refuses to let the bot in; None for anything else."""
    import discord

    if isinstance(exc, discord.LoginFailure):
        return (
            "Discord refused the token. Reset it in the Developer Portal (Applications -> your "
            "application -> Bot -> Reset Token) and set DISCORD_TOKEN to the new one."
        )
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return "Discord asked for a privileged intent; purgebot needs none. Please report this."
    return None


async def serve(settings: Settings) -> None:
    """Run the bot until it stops or a signal asks it to; the bot is closed either way."""
    from purgebot.bot import create_bot

    bot = create_bot(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
            loop.add_signal_handler(sig, stop.set)
    async with bot:
        runner = asyncio.create_task(bot.start(settings.require_token()))
        waiter = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            waiter.cancel()
            runner.result()  # re-raise why the bot stopped
        else:
            log.info("stopping: closing the connection and the database")
            await bot.close()
            await asyncio.gather(runner, return_exceptions=True)


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings is None:
        return 2
    configure_logging(settings.log_level)
    try:
        asyncio.run(serve(settings))
    except Exception as exc:
        message = login_failure_message(exc)
        if message is None:
            raise
        print(f"purgebot: {message}", file=sys.stderr)
        return 2
    return 0
