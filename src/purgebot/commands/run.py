"""`purgebot run`: connect to Discord and serve until stopped (Ctrl-C or SIGTERM end it cleanly)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import gc
import logging
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from purgebot.config import TOKEN_HELP, Settings, SettingsError
from purgebot.errors import UserFacingError
from purgebot.shards import ShardError, ShardPlan, shard_plan

if TYPE_CHECKING:
    from purgebot.bot import PurgeBot
    from purgebot.storage import Store
    from purgebot.storage.shardlease import ShardLease

log = logging.getLogger("purgebot")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--shards",
        metavar="IDS",
        help="serve only these of Discord's shards, e.g. 0-1 or 0,2 (needs --shard-count); run "
        "one process per range, each on the same PostgreSQL database",
    )
    parser.add_argument(
        "--shard-count",
        type=int,
        metavar="N",
        help="how many shards the whole bot has across all its processes",
    )
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


def settings_with_logging() -> Settings | None:
    """The settings, with logging set up as they say; None after telling the user what to fix."""
    settings = load_settings()
    if settings is not None:
        configure_logging(settings.log_level)
    return settings


def configure_logging(level: str) -> None:
    """discord.py's log format, in colour only on a terminal: discord.py would colour any
    stream inside Docker, leaving escape codes in a log file or a pipe."""
    import discord

    stream = sys.stderr
    formatter: logging.Formatter | None = None  # None: discord.py's colours, on a terminal
    if not (hasattr(stream, "isatty") and stream.isatty()):
        formatter = logging.Formatter(
            "[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S", style="{"
        )
    discord.utils.setup_logging(
        handler=logging.StreamHandler(stream),
        formatter=formatter or discord.utils.MISSING,
        level=getattr(logging, level),
        root=True,
    )


SQLITE_SHARDS = (
    "An SQLite file serves one process, whatever its shards: to run shards in several "
    "processes, set PURGEBOT_DB to a postgresql:// URL that they all share."
)


class StartupError(UserFacingError):
    """The bot cannot start for a reason the person running it can fix; the message says how."""


async def open_store(settings: Settings) -> Store:
    """The database, opened and checked before Discord is contacted, so a file the bot cannot
    use is named plainly, with the reason that fits (see storage/opening.py)."""
    if settings.db_url is not None:
        from purgebot.storage.pgopening import open_postgres_for_bot

        return await open_postgres_for_bot(settings.db_url)
    from purgebot.storage.opening import open_for_bot

    return await open_for_bot(settings.db_path)


def startup_failure_message(exc: BaseException) -> str | None:
    """A plain message for the ways starting can fail that the operator can fix; None for a bug."""
    import aiohttp
    import discord

    if isinstance(exc, UserFacingError):
        return exc.message
    if isinstance(exc, discord.LoginFailure):
        return (
            "Discord refused the token. Reset it in the Developer Portal (Applications -> your "
            "application -> Bot -> Reset Token) and set DISCORD_TOKEN to the new one."
        )
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return "Discord asked for a privileged intent; purgebot needs none. Please report this."
    if isinstance(exc, aiohttp.ClientError | OSError | discord.GatewayNotFound):
        return (
            f"could not reach Discord ({exc}). Check this computer's network connection, and "
            "DISCORD_API_BASE and DISCORD_GATEWAY_URL if you set them."
        )
    return None


def report_startup_failure(exc: BaseException) -> bool:
    """Print the plain message for `exc` and return True, or False when it is a bug to raise."""
    message = startup_failure_message(exc)
    if message is None:
        return False
    print(f"purgebot: {message}", file=sys.stderr)
    return True


def tune_gc() -> None:
    """Tune the collector for a long-running server with many live quizzes.

    Start-up objects (banks, the command tree, caches) move out of the collector's way and the
    young generation is collected less often: at 1,000 live quizzes this halves the p99 of click
    handling (bench/bench_clicks.py measures it). Done once, when the bot is ready, and only here:
    tests and other embedders keep Python's defaults.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


async def serve(settings: Settings, shards: ShardPlan | None = None) -> None:
    """Run the bot (on `shards`, if given) until it stops or a signal asks it to; the bot and
    database are closed either way."""
    from purgebot.bot import create_bot
    from purgebot.storage.opening import DatabaseProblem, InstanceLock

    build = functools.partial(create_bot, shards=shards)
    if settings.db_url is not None:  # processes share the database; each holds its own shards
        lease = await take_shards(settings.db_url, shards)
        try:
            await _serve_locked(settings, build, lease)
        finally:
            await lease.release()
        return
    lock = InstanceLock(settings.db_path)
    if settings.db_path.parent.is_dir():  # else open_store says the folder is missing
        try:
            lock.acquire()
        except DatabaseProblem as exc:
            if shards is None:
                raise
            raise DatabaseProblem(f"{exc.message} {SQLITE_SHARDS}") from None
    try:
        await _serve_locked(settings, build)
    finally:
        lock.release()


async def take_shards(url: str, shards: ShardPlan | None) -> ShardLease:
    """This process's shards of the PostgreSQL database (all of them when not sharded), or the
    plain reason it cannot have them: another process holds them, or the server cannot be used."""
    from purgebot.storage.pgopening import explain_postgres
    from purgebot.storage.shardlease import ShardLease, ShardsTaken

    try:
        return await ShardLease(url, shards).acquire()
    except ShardsTaken:
        raise
    except Exception as exc:
        problem = explain_postgres(url, exc)
        if problem is None:
            raise
        raise problem from None


async def _serve_locked(
    settings: Settings, create_bot: Callable[..., PurgeBot], lease: ShardLease | None = None
) -> None:
    store = await open_store(settings)
    keeper: asyncio.Task[None] | None = None
    lost: list[str] = []
    try:
        bot = create_bot(settings, store=store)
        tuned = False

        async def tune_once() -> None:
            nonlocal tuned
            if not tuned:
                tuned = True
                tune_gc()

        bot.add_listener(tune_once, "on_ready")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
                loop.add_signal_handler(sig, stop.set)
        if lease is not None:

            def give_up(reason: str) -> None:
                log.error("stopping: this process lost its shards: %s", reason)
                lost.append(reason)
                stop.set()

            keeper = asyncio.create_task(lease.keep(give_up))
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
    finally:
        if keeper is not None:
            keeper.cancel()
        await store.close()
    if lost:
        raise StartupError(lost[0])


def run(args: argparse.Namespace) -> int:
    try:
        shards = shard_plan(args.shards, args.shard_count)
    except ShardError as exc:
        print(f"purgebot: {exc.message}", file=sys.stderr)
        return 2
    settings = settings_with_logging()
    if settings is None:
        return 2
    try:
        asyncio.run(serve(settings, shards))
    except Exception as exc:
        if not report_startup_failure(exc):
            raise
        return 2
    return 0
