"""`purgebot run` as a child process: its stderr read line by line, waited on by pattern, always
killed at the end."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import Protocol

from fakediscord import FakeDiscord

# settings the bot would otherwise read from the caller's environment
CLEARED = ("DISCORD_", "PURGEBOT_")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # discord.py's log colours


class BotProcess:
    def __init__(
        self, fake: FakeDiscord, db_path: Path | str, workdir: Path, args: Sequence[str] = ()
    ) -> None:
        self.fake = fake
        self.db_path = db_path  # a file, or a postgresql:// URL
        self.args = tuple(args)  # after `purgebot run`, e.g. --shards 0-1 --shard-count 4
        self.workdir = workdir  # the bot reads a .env from its working folder: keep it empty
        self.proc: asyncio.subprocess.Process | None = None
        self.lines: list[str] = []
        self._reader: asyncio.Task[None] | None = None
        self._changed = asyncio.Condition()

    async def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(CLEARED)}
        env |= self.fake.env | {
            "PURGEBOT_DB": str(self.db_path),
            "PURGEBOT_LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "purgebot",
            "run",
            *self.args,
            cwd=self.workdir,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        while line := await self.proc.stdout.readline():
            self.lines.append(ANSI.sub("", line.decode(errors="replace").rstrip("\n")))
            async with self._changed:
                self._changed.notify_all()
        async with self._changed:
            self._changed.notify_all()

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def matching(self, pattern: str) -> list[str]:
        found = re.compile(pattern)
        return [line for line in self.lines if found.search(line)]

    async def wait_for_line(self, pattern: str, within: float = 15.0) -> str:
        """The first output line matching `pattern`, waiting for it (bounded)."""
        exited = self._reader
        try:
            async with asyncio.timeout(within):
                async with self._changed:
                    await self._changed.wait_for(
                        lambda: (
                            bool(self.matching(pattern)) or (exited is not None and exited.done())
                        )
                    )
        except TimeoutError:
            raise AssertionError(f"no line matching {pattern!r} within {within} s") from None
        found = self.matching(pattern)
        assert found, f"the bot exited (code {self.returncode}) before printing {pattern!r}"
        return found[0]

    @property
    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.returncode

    async def terminate(self, within: float, sig: int = signal.SIGTERM) -> int:
        """SIGTERM (or `sig`), then the exit code, which must come within `within` seconds."""
        assert self.proc is not None
        self.proc.send_signal(sig)
        async with asyncio.timeout(within):
            code = await self.proc.wait()
            if self._reader is not None:
                await self._reader
        return code

    async def exited(self, within: float) -> int:
        """The exit code of a process that ends by itself (a refused start), within `within` s."""
        assert self.proc is not None
        async with asyncio.timeout(within):
            code = await self.proc.wait()
            if self._reader is not None:
                await self._reader
        return code

    async def crash(self) -> int:
        """SIGKILL, as a power cut or the OOM killer would: no clean-up runs."""
        assert self.proc is not None
        self.proc.kill()
        code = await self.proc.wait()
        if self._reader is not None:
            await self._reader
        return code

    async def kill(self) -> None:
        """However the test went: the process is gone and its output read."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()
        if self._reader is not None:
            try:
                async with asyncio.timeout(5):
                    await self._reader
            except TimeoutError:
                self._reader.cancel()


class StartBot(Protocol):
    """Start `purgebot run ARGS` on the test's database (or `db`: another file, or a URL)."""

    def __call__(self, *args: str, db: Path | str | None = None) -> Awaitable[BotProcess]: ...
