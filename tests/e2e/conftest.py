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
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
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

    async def start() -> BotProcess:
        bot = BotProcess(fake, tmp_path / "purgebot.db", workdir)
        started.append(bot)
        await bot.start()
        return bot

    try:
        yield start
    finally:
        for number, bot in enumerate(started, 1):
            await bot.kill()
            print(f"----- bot process {number} output (exit code {bot.returncode}) -----")
            print(bot.output)
        if fake.unknown:
            print("----- routes the fake did not know -----")
            print("\n".join(fake.unknown))
