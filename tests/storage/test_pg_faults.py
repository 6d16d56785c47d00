"""PostgreSQL going away: a plain message at start, plain failures mid-quiz with nothing
acknowledged lost, the same store carrying on once the server is back, and a URL's password
never in a log line or a message."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from storage_helpers import CHANNEL, GUILD, TEACHER, FakeClock, committed, player

from pgserver import fresh_postgres
from purgebot.config import Settings
from purgebot.storage import Store
from purgebot.storage.errors import DatabaseUnavailableError
from purgebot.storage.pgdb import redact

PASSWORD = "s3cret-Pa55word"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Proxy:
    """A TCP relay to the test server that can go down (dropping every connection and refusing
    new ones) and come back on the same port: the network between the bot and PostgreSQL."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def up(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def down(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        await self._server.wait_closed()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


def via(url: str, port: int, password: str | None = None) -> str:
    parts = urlsplit(url)
    auth = f"{parts.username or 'postgres'}" + (f":{password}" if password else "")
    return urlunsplit(parts._replace(netloc=f"{auth}@127.0.0.1:{port}"))


def test_redact_hides_the_password_and_keeps_the_rest() -> None:
    url = f"postgresql://teacher:{PASSWORD}@db.school.example:5433/purgebot?sslmode=require"
    assert redact(url) == (
        "postgresql://teacher:***@db.school.example:5433/purgebot?sslmode=require"
    )
    assert redact("postgresql://db.example/purgebot") == "postgresql://db.example/purgebot"
    assert redact("postgresql://teacher@db.example/x") == "postgresql://teacher@db.example/x"
    assert redact(f"postgresql://:{PASSWORD}@db.example/x") == "postgresql://***@db.example/x"
    settings = Settings.from_env({"PURGEBOT_DB": url})
    assert PASSWORD not in repr(settings) and PASSWORD not in str(settings)
    assert settings.db_url == url


def test_run_with_postgres_out_of_reach_says_so_plainly(tmp_path: Path) -> None:
    url = f"postgresql://teacher:{PASSWORD}@127.0.0.1:{closed_port()}/purgebot"
    done = subprocess.run(
        [sys.executable, "-m", "purgebot", "run"],
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "DISCORD_TOKEN": "x" * 59,
            "PURGEBOT_DB": url,
            "PURGEBOT_LOG_LEVEL": "DEBUG",
            "DISCORD_API_BASE": f"http://127.0.0.1:{closed_port()}/api/v10",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert f"purgebot: cannot reach PostgreSQL at {redact(url)}." in done.stderr
    assert "Traceback" not in done.stderr
    assert PASSWORD not in done.stderr + done.stdout
    assert not list(tmp_path.iterdir())  # and no SQLite file was made instead


async def test_answers_fail_plainly_while_the_server_is_away_and_resume_after(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    async with fresh_postgres() as db_target:
        await away_and_back(db_target, clock, caplog)


async def away_and_back(db_target: str, clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server = urlsplit(db_target)
    proxy = Proxy(server.hostname or "127.0.0.1", server.port or 5432)
    await proxy.up()
    # trust auth on the test server ignores the password; it is here to be kept out of logs
    store = await Store.open(via(db_target, proxy.port, PASSWORD), clock=clock)
    try:
        run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
        ana = player(store, clock, run, 1, "Ana")
        acknowledged = [await ana.answer("q1", True), await ana.answer("q2", False)]

        await proxy.down()
        results = await asyncio.gather(
            ana.answer("q3", True), ana.answer("q4", True), return_exceptions=True
        )
        assert all(isinstance(r, DatabaseUnavailableError) for r in results), results
        assert "can't be reached right now" in str(results[0])
        with pytest.raises(DatabaseUnavailableError):
            await store.leaderboard(GUILD)

        await proxy.up()  # back, same port: the same store carries on, no restart
        acknowledged.append(await ana.answer("q5", True, 300))
        page = await store.leaderboard(GUILD)
        assert [(e.user_name, e.points, e.answered) for e in page.entries] == [("Ana", 800, 3)]
    finally:
        await store.close()
        with contextlib.suppress(Exception):
            await proxy.down()
    stored = await committed(db_target, "SELECT answer_id, question_id FROM answers")
    assert sorted(int(str(i)) for i, _ in stored) == sorted(acknowledged)
    assert {str(q) for _, q in stored} == {"q1", "q2", "q5"}
    assert "unreachable" in caplog.text  # the operator was told, without the password
    assert PASSWORD not in caplog.text
