"""The real `purgebot run` process against the fake Discord in fakediscord.py, over loopback.

Each test gets its own fake server (127.0.0.1, a port the OS picks) and a temporary database;
the bot process is always killed at the end, and its output printed (pytest shows it for a test
that failed).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from botprocess import BotProcess, StartBot
from fakediscord import FakeDiscord


@pytest.fixture
def shard_count() -> int:
    """How many shards the fake Discord has; a test module overrides this fixture to shard."""
    return 1


@pytest.fixture
async def fake(shard_count: int) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(shard_count)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def start_bot(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[StartBot]:
    """Start `purgebot run` (again, for a restart) on the same database; all are killed at the end."""
    started: list[BotProcess] = []
    workdir = tmp_path / "cwd"
    workdir.mkdir()

    async def start(*args: str, db: Path | str | None = None) -> BotProcess:
        bot = BotProcess(fake, db or tmp_path / "purgebot.db", workdir, args)
        started.append(bot)
        await bot.start()
        return bot

    try:
        yield start
    finally:
        for number, bot in enumerate(started, 1):
            await bot.kill()
            print(
                f"----- bot process {number} {' '.join(bot.args)} output "
                f"(exit code {bot.returncode}) -----"
            )
            print(bot.output)
        if fake.unknown:
            print("----- routes the fake did not know -----")
            print("\n".join(fake.unknown))
