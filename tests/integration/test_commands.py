"""The command set as Discord receives it: within Discord's limits, no collisions, synced only on change."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import pytest
import simcord
from discord import app_commands
from simkit import sim_clock

from purgebot.bot import create_bot
from purgebot.bot.client import invite_url
from purgebot.bot.quiz.manager import RUNNING_KEY
from purgebot.bot.sync import HASH_KEY, command_payloads, payload_hash, sync_global, sync_guild
from purgebot.commands.sync import sync as sync_command
from purgebot.config import Settings
from purgebot.storage import RunStatus, Store

NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
SUBCOMMAND, GROUP = 1, 2


def sync_payloads(env: simcord.Env) -> list[list[dict[str, Any]]]:
    """Every global command upload the bot made, in order."""
    return [
        r.json
        for r in env.http_requests
        if r.method == "PUT" and re.fullmatch(r"/applications/\d+/commands", r.path)
    ]


def leaf_paths(node: dict[str, Any], prefix: str = "") -> list[str]:
    """What a user types: "bank upload", "accommodate", ..."""
    path = f"{prefix} {node['name']}".strip()
    children = [o for o in node.get("options") or [] if o["type"] in (SUBCOMMAND, GROUP)]
    return [p for child in children for p in leaf_paths(child, path)] if children else [path]


def problems_in(command: dict[str, Any]) -> list[str]:
    """Discord's documented limits for one chat-input command and everything under it."""
    problems: list[str] = []
    total = 0

    def check(node: dict[str, Any], path: str) -> None:
        nonlocal total
        name, description = node["name"], node.get("description", "")
        total += len(name) + len(description)
        if not NAME.fullmatch(name):
            problems.append(f"{path}: name {name!r} is not 1-32 lowercase letters, digits, - or _")
        if not 1 <= len(description) <= 100:
            problems.append(f"{path}: description has {len(description)} characters (1-100)")
        options = node.get("options") or []
        if len(options) > 25:
            problems.append(f"{path}: {len(options)} options (max 25)")
        names = [o["name"] for o in options]
        if len(names) != len(set(names)):
            problems.append(f"{path}: two options share a name")
        leaves = [o for o in options if o["type"] not in (SUBCOMMAND, GROUP)]
        required = [o.get("required", False) for o in leaves]
        if required != sorted(required, reverse=True):
            problems.append(f"{path}: a required option follows an optional one")
        for choice in node.get("choices") or []:
            total += len(choice["name"]) + len(str(choice["value"]))
            if not 1 <= len(choice["name"]) <= 100:
                problems.append(f"{path}: choice name {choice['name']!r} is not 1-100 characters")
        if len(node.get("choices") or []) > 25:
            problems.append(f"{path}: more than 25 choices")
        for option in options:
            check(option, f"{path} {option['name']}")

    check(command, command["name"])
    if total > 4000:
        problems.append(f"{command['name']}: {total} characters in all (max 4000)")
    return problems


async def test_synced_commands_are_within_discords_limits_and_distinct(
    simcord_env: simcord.Env,
) -> None:
    [payload] = sync_payloads(simcord_env)
    chat = [c for c in payload if c.get("type", 1) == 1]
    assert {c["name"] for c in chat} >= {"bank", "teacher", "accommodate", "privacy"}
    assert len(chat) <= 100
    for command in payload:
        assert problems_in(command) == []
        assert command["contexts"] == [0]  # servers only: no DMs, no group DMs
        assert command["integration_types"] == [0]
    keys = [(c.get("type", 1), c["name"]) for c in payload]
    assert len(keys) == len(set(keys)), "two top-level commands collide"
    paths = [path for c in chat for path in leaf_paths(c)]
    assert len(paths) == len(set(paths)), "two slash commands collide"
    assert {"bank upload", "teacher role", "privacy forget-me", "accommodate"} <= set(paths)
    teacher = next(c for c in chat if c["name"] == "teacher")
    assert teacher["default_member_permissions"] == discord.Permissions(manage_guild=True).value


def test_the_limits_check_can_fail() -> None:
    bad = {
        "name": "Bad Name",
        "description": "x" * 101,
        "type": 1,
        "options": [{"name": f"o{i}", "description": "d", "type": 3} for i in range(26)],
    }
    found = problems_in(bad)
    assert len(found) == 3


async def test_restart_with_the_same_commands_does_not_sync_again(
    simcord_env: simcord.Env, settings: Settings, store: Store
) -> None:
    assert len(sync_payloads(simcord_env)) == 1
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(1))
    )
    assert len(sync_payloads(simcord_env)) == 1

    changed = create_bot(settings, store=store, clock=sim_clock, rng=random.Random(1))

    @app_commands.command(name="extra", description="A command added since the last sync")
    async def extra(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("extra")

    changed.tree.add_command(extra)
    await simcord_env.restart_bot(changed)
    assert len(sync_payloads(simcord_env)) == 2
    assert "extra" in {c["name"] for c in sync_payloads(simcord_env)[-1]}


def test_the_invite_link_asks_for_exactly_the_documented_permissions() -> None:
    url = invite_url(1234)
    assert "scope=bot+applications.commands" in url
    wanted = discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        attach_files=True,
        read_message_history=True,
    )
    assert f"permissions={wanted.value}" in url and wanted.value == 117760
    guide = (Path(__file__).resolve().parents[2] / "docs" / "teacher-guide.md").read_text()
    assert f"scope=bot+applications.commands&permissions={wanted.value}" in guide


@pytest.mark.simcord(approved_intents=discord.Intents.default())  # every portal toggle off
async def test_the_bot_asks_for_no_privileged_intent(simcord_env: simcord.Env) -> None:
    assert simcord_env.bot.is_ready()
    intents = simcord_env.bot.intents
    assert intents.guilds
    assert not (intents.members or intents.presences or intents.message_content)


async def test_purgebot_sync_leaves_the_running_bots_quizzes_alone(
    simcord_env: simcord.Env, channel: simcord.ChannelHandle, settings: Settings, store: Store
) -> None:
    """`purgebot sync` is run beside the live bot (the guide suggests it): building its own bot
    must not end the quiz the live one is running in the same database."""
    run = await store.start_run(channel.guild.id, channel.id, "kirov", None)
    live = json.dumps([[run.run_id, channel.guild.id, channel.id]])
    await store.set_value(RUNNING_KEY, live)  # as the live bot keeps it

    synced = await sync_command(
        replace(settings, token="t"), None, False, connect=simcord_env.restart_bot
    )

    after = await store.get_run(run.run_id)
    assert after is not None and after.status is RunStatus.RUNNING
    assert await store.get_value(RUNNING_KEY) == live
    [payload] = sync_payloads(simcord_env)[1:]  # the start-up sync, then this one
    assert synced == len(payload)
    key = HASH_KEY.format(application_id=simcord_env.bot.application_id)
    assert await store.get_value(key) == payload_hash(payload)


async def test_explicit_syncs_globally_and_to_one_server(
    simcord_env: simcord.Env, guild: simcord.GuildHandle, store: Store
) -> None:
    """What `purgebot sync` and `purgebot sync --guild ID [--clear]` do once logged in."""
    tree = simcord_env.bot.tree
    assert await sync_global(tree, store.set_value) == len(command_payloads(tree))
    key = HASH_KEY.format(application_id=simcord_env.bot.application_id)
    assert await store.get_value(key) == payload_hash(command_payloads(tree))

    copied = await sync_guild(tree, guild.id)
    assert copied == len(command_payloads(tree))
    in_guild = await tree.fetch_commands(guild=discord.Object(guild.id))
    assert {c.name for c in in_guild} == {p["name"] for p in command_payloads(tree)}
    assert await sync_guild(tree, guild.id, clear=True) == 0
    assert await tree.fetch_commands(guild=discord.Object(guild.id)) == []


GUIDE = Path(__file__).resolve().parents[2] / "docs" / "teacher-guide.md"


def guide_invocations(text: str) -> list[str]:
    """Every slash command the guide shows: inline code and code-block lines starting with '/'."""
    spans = re.findall(r"`([^`\n]+)`", text) + text.splitlines()
    return [s.strip() for s in spans if re.match(r"/[a-z-]+(\s|$)", s.strip())]


def leaves_with_options(payload: list[dict[str, Any]]) -> dict[str, set[str]]:
    """What a user types ("essay review") -> the names of its options."""
    out: dict[str, set[str]] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        path = f"{prefix} {node['name']}".strip()
        options = node.get("options") or []
        children = [o for o in options if o["type"] in (SUBCOMMAND, GROUP)]
        for child in children:
            walk(child, path)
        if not children:
            out[path] = {o["name"] for o in options}

    for command in payload:
        walk(command, "")
    return out


async def test_the_teacher_guide_shows_every_command_and_only_real_ones(
    simcord_env: simcord.Env,
) -> None:
    [payload] = sync_payloads(simcord_env)
    known = leaves_with_options(payload)
    shown: set[str] = set()
    wrong: list[str] = []
    for invocation in guide_invocations(GUIDE.read_text(encoding="utf-8")):
        words = invocation[1:].split()
        names = [w for w in words if ":" not in w]
        path = next((" ".join(names[:n]) for n in (2, 1) if " ".join(names[:n]) in known), None)
        if path is None:
            wrong.append(f"{invocation}: no such command")
            continue
        shown.add(path)
        for option in (w.split(":", 1)[0] for w in words if ":" in w):
            if option not in known[path]:
                wrong.append(f"{invocation}: /{path} has no option {option!r}")
    assert wrong == []
    assert sorted(set(known) - shown) == [], "commands the teacher guide never mentions"
