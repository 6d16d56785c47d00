"""Settings: read once from the environment and .env, the token never shown."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from purgebot.config import DEFAULT_DB, TOKEN_HELP, MissingTokenError, Settings, SettingsError

TOKEN = "MTIz.secret-token-value.abc"


def test_defaults_with_an_empty_environment(tmp_path: Path) -> None:
    settings = Settings.from_env({}, dotenv_path=tmp_path / "none.env")
    assert settings.db_path == Path(DEFAULT_DB)
    assert settings.log_level == "INFO"
    assert settings.api_base is None and settings.gateway_url is None
    assert settings.token is None and not settings.has_token
    assert (settings.banks_dir / "kirov.yaml").is_file()  # the repository's questions/


def test_every_variable_is_read(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "DISCORD_TOKEN": TOKEN,
            "PURGEBOT_DB": "/data/purgebot.db",
            "PURGEBOT_BANKS": "/srv/banks",
            "PURGEBOT_LOG_LEVEL": "debug",
            "DISCORD_API_BASE": "http://localhost:8080/api/v10/",
            "DISCORD_GATEWAY_URL": "ws://localhost:8081",
        },
        dotenv_path=tmp_path / "none.env",
    )
    assert settings.require_token() == TOKEN
    assert settings.db_path == Path("/data/purgebot.db")
    assert settings.banks_dir == Path("/srv/banks")
    assert settings.log_level == "DEBUG"
    assert settings.api_base == "http://localhost:8080/api/v10"
    assert settings.gateway_url == "ws://localhost:8081"


def test_dotenv_fills_gaps_but_never_overrides_the_environment(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"DISCORD_TOKEN={TOKEN}\nPURGEBOT_DB=from-dotenv.db\n")
    settings = Settings.from_env({"PURGEBOT_DB": "from-env.db"}, dotenv_path=env_file)
    assert settings.token == TOKEN
    assert settings.db_path == Path("from-env.db")


def test_the_token_stays_out_of_repr_str_and_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings.from_env({"DISCORD_TOKEN": TOKEN}, dotenv_path=tmp_path / "none.env")
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)
    assert TOKEN not in f"{settings}" and TOKEN not in f"{settings!r}"
    with caplog.at_level(logging.INFO):
        logging.getLogger("purgebot").info("settings: %s", settings)
    assert TOKEN not in caplog.text and "db_path" in caplog.text


def test_missing_token_says_how_to_get_one() -> None:
    with pytest.raises(MissingTokenError) as caught:
        Settings().require_token()
    message = str(caught.value)
    assert message == TOKEN_HELP
    assert "Bot -> Reset Token" in message and "export DISCORD_TOKEN=" in message
    assert ".env" in message


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PURGEBOT_LOG_LEVEL", "chatty"),
        ("DISCORD_API_BASE", "discord.com/api"),
        ("DISCORD_GATEWAY_URL", "https://gateway.discord.gg"),
    ],
)
def test_bad_values_name_the_variable(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value}, dotenv_path=tmp_path / "none.env")


def test_importing_reads_nothing(tmp_path: Path) -> None:
    """Nothing at import time: no settings read, no logging configured, no database opened."""
    code = (
        "import logging, purgebot.config, purgebot.bot, purgebot.commands.run, "
        "purgebot.commands.sync\n"
        "assert not logging.getLogger().handlers, logging.getLogger().handlers\n"
        "import os; assert not os.listdir('.'), os.listdir('.')\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PURGEBOT_LOG_LEVEL": "not-a-level"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def run_cli(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PURGEBOT_DB": str(tmp_path / "x.db"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "purgebot", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("command", [["run"], ["sync"], ["sync", "--guild", "123"]])
def test_commands_without_a_token_exit_2_with_the_way_to_get_one(
    tmp_path: Path, command: list[str]
) -> None:
    done = run_cli(tmp_path, *command)
    assert done.returncode == 2
    assert "DISCORD_TOKEN is not set" in done.stderr and "Reset Token" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.db").exists()


def closed_port() -> int:
    """A local TCP port nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", [["run"], ["sync"]])
def test_a_database_that_cannot_be_opened_is_named_before_connecting(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "purgebot.db"
    done = run_cli(
        tmp_path,
        *command,
        env={
            "DISCORD_TOKEN": TOKEN,
            "PURGEBOT_DB": str(missing),
            # nothing listens here: reaching for Discord first would fail differently
            "DISCORD_API_BASE": f"http://127.0.0.1:{closed_port()}/api/v10",
        },
    )
    assert done.returncode == 2, done.stderr
    assert f"purgebot: the folder {missing.parent} does not exist" in done.stderr
    assert "PURGEBOT_DB" in done.stderr
    assert "Traceback" not in done.stderr and TOKEN not in done.stderr


@pytest.mark.parametrize("command", [["run"], ["sync"]])
def test_discord_out_of_reach_is_said_plainly(tmp_path: Path, command: list[str]) -> None:
    base = f"http://127.0.0.1:{closed_port()}/api/v10"
    done = run_cli(tmp_path, *command, env={"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": base})
    assert done.returncode == 2, done.stderr
    assert "purgebot: could not reach Discord" in done.stderr
    assert "DISCORD_API_BASE" in done.stderr
    assert "Traceback" not in done.stderr and TOKEN not in done.stderr
    assert "voice will NOT be supported" not in done.stderr  # the bot has no voice to miss


def test_bot_py_is_purgebot_run(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "bot.py"
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "DISCORD_TOKEN is not set" in done.stderr


def test_endpoints_are_applied_to_discord_py_only_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import discord

    from purgebot.bot import create_bot

    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)  # restored after
    gateway = discord.gateway.DiscordWebSocket
    monkeypatch.setattr(gateway, "DEFAULT_GATEWAY", gateway.DEFAULT_GATEWAY)
    discord_own = (discord.http.Route.BASE, str(gateway.DEFAULT_GATEWAY))

    create_bot(Settings(db_path=tmp_path / "a.db"))
    assert (discord.http.Route.BASE, str(gateway.DEFAULT_GATEWAY)) == discord_own

    create_bot(
        Settings.from_env(
            {
                "DISCORD_API_BASE": "http://127.0.0.1:8080/api/v10",
                "DISCORD_GATEWAY_URL": "ws://127.0.0.1:8081",
            },
            dotenv_path=tmp_path / "none.env",
        )
    )
    assert discord.http.Route.BASE == "http://127.0.0.1:8080/api/v10"
    assert str(gateway.DEFAULT_GATEWAY) == "ws://127.0.0.1:8081"
    assert discord.http.Route("GET", "/gateway").url == "http://127.0.0.1:8080/api/v10/gateway"


def offline(tmp_path: Path, db: Path) -> dict[str, str]:
    """A run that would fail at Discord (nothing listens): any other failure comes first."""
    return {
        "DISCORD_TOKEN": TOKEN,
        "PURGEBOT_DB": str(db),
        "DISCORD_API_BASE": f"http://127.0.0.1:{closed_port()}/api/v10",
    }


def test_a_second_bot_on_one_database_is_refused_and_leaves_the_first_ones_quiz_alone(
    tmp_path: Path,
) -> None:
    import asyncio

    from purgebot.storage import RunStatus, Store
    from purgebot.storage.opening import InstanceLock

    db = tmp_path / "purgebot.db"

    async def live_quiz() -> int:
        async with await Store.open(db) as store:
            return (await store.start_run(1, 2, "kirov", 3)).run_id

    run_id = asyncio.run(live_quiz())
    first = InstanceLock(db).acquire()  # the first bot, still running
    try:
        done = run_cli(tmp_path, "run", env=offline(tmp_path, db))
    finally:
        first.release()
    assert done.returncode == 2, done.stderr
    assert (
        f"purgebot: another purgebot (process {os.getpid()}) is already running on the "
        f"database {db}." in done.stderr
    )
    assert "Traceback" not in done.stderr

    async def status() -> RunStatus:
        async with await Store.open(db) as store:
            run = await store.get_run(run_id)
            assert run is not None
            return run.status

    assert asyncio.run(status()) is RunStatus.RUNNING
    # once the first bot has gone, the next one starts (and fails only at Discord, offline)
    done = run_cli(tmp_path, "run", env=offline(tmp_path, db))
    assert "could not reach Discord" in done.stderr


def test_a_damaged_database_stops_the_start_before_discord(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "purgebot.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, t TEXT)")
    conn.execute("CREATE INDEX ix_filler ON filler (t)")
    conn.executemany("INSERT INTO filler (t) VALUES (?)", [(f"{i:0>60}",) for i in range(5000)])
    conn.commit()
    conn.close()
    with db.open("r+b") as f:  # bytes overwritten in the middle of the data pages
        f.seek(db.stat().st_size // 2 + 100)
        f.write(b"\xff" * 64)
    done = run_cli(tmp_path, "run", env=offline(tmp_path, db))
    assert done.returncode == 2, done.stderr
    assert f"purgebot: the database {db} is damaged" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_dotenv_saved_as_utf16_is_read(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_bytes(f"DISCORD_TOKEN={TOKEN}\nPURGEBOT_DB=class.db\n".encode("utf-16"))
    settings = Settings.from_env({}, dotenv_path=env_file)
    assert settings.token == TOKEN and settings.db_path == Path("class.db")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("PURGEBOT_DB=Übungen.db\n".encode("latin-1"), "is not UTF-8 text"),
        ("PURGEBOT_DB=x.db\n".encode("utf-16-le"), "looks like UTF-16 text without"),
    ],
)
def test_a_dotenv_in_another_encoding_gets_a_plain_message(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    (tmp_path / ".env").write_bytes(content)
    done = run_cli(tmp_path, "run", env={"DISCORD_TOKEN": TOKEN})
    assert done.returncode == 2, done.stderr
    assert f"purgebot: {tmp_path / '.env'} {reason}" in done.stderr
    assert "Save it again as UTF-8" in done.stderr or "Save it again" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_run_log_has_no_colour_codes_when_written_to_a_pipe(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "run", env=offline(tmp_path, tmp_path / "purgebot.db"))
    assert "] [INFO    ] " in done.stderr, done.stderr  # the log ran, in discord.py's format
    assert "\x1b[" not in done.stderr
