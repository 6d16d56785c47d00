"""compose.yaml kept in step with the Dockerfile and with `purgebot run`, read as Docker would
read it (no Docker engine or compose here to run it): the shard ranges cover every shard once,
the token and the password come from the environment only, the bots run the image's command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from purgebot.shards import shard_plan

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "compose.yaml"
DOCKERFILE = ROOT / "Dockerfile"
SETTINGS = {
    "DISCORD_TOKEN",
    "PURGEBOT_DB",
    "PURGEBOT_BANKS",
    "PURGEBOT_LOG_LEVEL",
    "DISCORD_API_BASE",
    "DISCORD_GATEWAY_URL",
    "PGPASSWORD",  # read by the PostgreSQL driver, so no password sits in PURGEBOT_DB
}


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return data


def bots() -> dict[str, dict[str, Any]]:
    return {name: s for name, s in compose()["services"].items() if "build" in s}


def dockerfile_cmd() -> list[str]:
    found = re.search(r"^CMD (\[.*\])$", DOCKERFILE.read_text(encoding="utf-8"), re.M)
    assert found, "the Dockerfile has an exec-form CMD"
    return list(yaml.safe_load(found.group(1)))


def test_the_bots_run_the_dockerfiles_command_with_shard_ranges_covering_every_shard() -> None:
    services = bots()
    assert len(services) == 2
    plans = []
    for name, service in services.items():
        assert service["build"] == "." and (ROOT / "Dockerfile").is_file()
        command = service["command"]
        assert command[:2] == dockerfile_cmd() == ["purgebot", "run"], name
        flags = dict(zip(command[2::2], command[3::2], strict=True))
        plan = shard_plan(flags["--shards"], int(flags["--shard-count"]))
        assert plan is not None
        plans.append(plan)
    assert len({p.count for p in plans}) == 1, "every process splits the servers the same way"
    held = sorted(shard for p in plans for shard in p.ids)
    assert held == list(range(plans[0].count)), "each shard held by exactly one process"
    assert any(p.syncs_commands for p in plans), "one process holds shard 0 and syncs commands"


def test_the_token_and_the_password_come_from_the_shell_never_from_the_file() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    for service in bots().values():
        env = service["environment"]
        assert set(env) <= SETTINGS, set(env) - SETTINGS
        assert env["DISCORD_TOKEN"].startswith("${DISCORD_TOKEN:?")
        assert env["PGPASSWORD"].startswith("${POSTGRES_PASSWORD:?")
        url = env["PURGEBOT_DB"]
        assert re.fullmatch(r"postgresql://purgebot@postgres:5432/purgebot", url), url
    postgres = compose()["services"]["postgres"]
    assert postgres["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    settings = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    assert not [
        line
        for line in settings
        if re.match(r"\s*-?\s*\w*(TOKEN|PASSWORD)\s*[=:]\s*(?!\$\{)\S", line)
    ]


def test_the_bots_wait_for_postgres_and_get_the_images_stop_budget() -> None:
    header = DOCKERFILE.read_text(encoding="utf-8")
    stop = re.search(r"--stop-timeout (\d+)", header)
    assert stop is not None and "STOPSIGNAL SIGTERM" in header
    for service in bots().values():
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert service["stop_grace_period"] == f"{stop.group(1)}s"
    check = compose()["services"]["postgres"]["healthcheck"]["test"]
    assert check[0] == "CMD-SHELL" and shlex.split(check[1])[0] == "pg_isready"
