"""Slash-command syncing: explicit with `purgebot sync`, and on start only when the set changed.

Discord rate-limits command syncs, so a restart must not re-upload an unchanged command set: the
hash of the payloads last synced is kept (per application) and compared on start.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger("purgebot.bot")  # the core package: the name operators read

HASH_KEY = "commands_sha256:{application_id}"

GetKey = Callable[[str], Awaitable[str | None]]
SetKey = Callable[[str, str], Awaitable[None]]


def command_payloads(tree: app_commands.CommandTree[Any]) -> list[dict[str, Any]]:
    """The JSON the global sync sends, exactly as discord.py builds it (no translator is used)."""
    return [command.to_dict(tree) for command in tree.get_commands()]


def payload_hash(payloads: list[dict[str, Any]]) -> str:
    ordered = sorted(payloads, key=lambda p: (p.get("type", 1), p["name"]))
    text = json.dumps(ordered, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


async def sync_global(tree: app_commands.CommandTree[Any], set_key: SetKey) -> int:
    """Sync the global commands now and remember what was synced; returns how many."""
    client = tree.client
    payloads = command_payloads(tree)
    synced = await tree.sync()
    await set_key(HASH_KEY.format(application_id=client.application_id), payload_hash(payloads))
    log.info("synced %d slash commands globally", len(synced))
    return len(synced)


async def sync_if_changed(
    tree: app_commands.CommandTree[Any], get_key: GetKey, set_key: SetKey
) -> bool:
    """Sync the global commands only if they differ from the last sync; True if it synced."""
    key = HASH_KEY.format(application_id=tree.client.application_id)
    if await get_key(key) == payload_hash(command_payloads(tree)):
        log.info("slash commands unchanged since the last sync; not syncing")
        return False
    await sync_global(tree, set_key)
    return True


async def sync_guild(
    tree: app_commands.CommandTree[Any], guild_id: int, *, clear: bool = False
) -> int:
    """Copy the global commands to one server (they appear at once there), or clear that copy."""
    guild = discord.Object(id=guild_id)
    tree.clear_commands(guild=guild)
    if not clear:
        tree.copy_global_to(guild=guild)
    synced = await tree.sync(guild=guild)
    log.info("synced %d slash commands to server %s", len(synced), guild_id)
    return len(synced)
