"""Helpers for the simcord tests: the virtual clock, data files, and what a user sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import discord
import simcord


def sim_clock() -> float:
    """Now, in epoch seconds, on simcord's virtual clock (discord.utils.utcnow is simcord's)."""
    return discord.utils.utcnow().timestamp()


DATA = Path(__file__).parent / "data"


def data_file(name: str) -> tuple[str, bytes]:
    """An attachment for a slash option: (filename, bytes) from tests/integration/data."""
    return name, (DATA / name).read_bytes()


def reply(result: simcord.InteractionResult) -> simcord.ResponseMessage:
    """What the user sees: the last follow-up, else the (possibly deferred, then filled) response."""
    if result.followups:
        return result.followups[-1]
    assert result.response is not None, f"no reply at all: {result!r}"
    return result.response


def text_of(message: simcord.ResponseMessage) -> str:
    """Content and every embed's text, as one string to search."""
    parts = [message.content]
    for made in message.embeds:
        parts += [made.title or "", made.description or "", made.footer.text or ""]
        parts += [f"{f.name}\n{f.value}" for f in made.fields]
    return "\n".join(parts)


async def forged(
    actor: simcord.MemberActor, channel: simcord.ChannelHandle, kind: int, data: dict[str, Any]
) -> simcord.InteractionResult:
    """An interaction as a modified client can send it: simcord's actors (like Discord's own
    client) refuse to build one outside a command's declared range, length or choices, so this
    goes one level down, to simcord's dispatch."""
    from simcord import actors

    env = actor._env
    env._begin_operation("forged")
    try:
        if kind == 2:  # a slash command: name the synced command as Discord would
            root = actors._resolve_visible_command(actor, channel.id, data["name"], 1)
            data = {"id": root["id"], "type": 1, **data}
        return await actors._dispatch_actor_interaction(actor, kind, channel, data)
    finally:
        env._end_operation()
