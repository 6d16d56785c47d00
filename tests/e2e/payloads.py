"""The JSON shapes Discord sends, as plain dicts, for the fake Discord in fakediscord.py.

Written from Discord's API documentation and what discord.py 2.7 reads (state.py, appinfo.py,
message.py, interactions.py); no simcord import: the fake is a plain socket peer.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

# permission bits (https://discord.com/developers/docs/topics/permissions)
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_GUILD = 1 << 5

EVERYONE = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
BOT = EVERYONE | EMBED_LINKS | ATTACH_FILES
TEACHER = EVERYONE | MANAGE_GUILD

EPHEMERAL = 1 << 6


class Snowflakes:
    """Ids that carry the current time, as Discord's do (discord.py reads created_at from them)."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def __call__(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class User:
    id: int
    name: str
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.name,
            "avatar": None,
            "bot": self.bot,
            "system": False,
            "public_flags": 0,
            "flags": 0,
        }


@dataclass
class Role:
    id: int
    name: str
    permissions: int
    position: int

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        }


@dataclass
class Member:
    user: User
    roles: list[Role] = field(default_factory=list)
    everyone: int = EVERYONE

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def name(self) -> str:
        return self.user.name

    @property
    def permissions(self) -> int:
        perms = self.everyone
        for role in self.roles:
            perms |= role.permissions
        return perms

    def payload(self, *, with_permissions: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "user": self.user.payload(),
            "roles": [str(r.id) for r in self.roles],
            "nick": None,
            "avatar": None,
            "joined_at": now_iso(),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_permissions:
            out["permissions"] = str(self.permissions)
        return out


def text_channel(channel_id: int, guild_id: int, name: str, position: int) -> dict[str, Any]:
    return {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(guild_id),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "parent_id": None,
        "topic": None,
        "nsfw": False,
        "rate_limit_per_user": 0,
        "last_message_id": None,
    }


def application(app_id: int, owner: User) -> dict[str, Any]:
    """GET /oauth2/applications/@me, the keys discord.py's AppInfo reads."""
    return {
        "id": str(app_id),
        "name": "purgebot-e2e",
        "icon": None,
        "description": "",
        "rpc_origins": [],
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": owner.payload(),
        "summary": "",
        "verify_key": "0" * 64,
        "team": None,
        "flags": 0,
        "interactions_endpoint_url": None,
        "tags": [],
    }


def message(
    message_id: int,
    channel_id: int,
    guild_id: int | None,
    author: User,
    body: dict[str, Any],
    *,
    attachments: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A message as Discord returns it, from the JSON body the bot sent."""
    out: dict[str, Any] = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author.payload(),
        "content": body.get("content") or "",
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments or [],
        "embeds": list(body.get("embeds") or []),
        "components": list(body.get("components") or []),
        "pinned": False,
        "type": 0,
        "flags": int(body.get("flags") or 0),
        "nonce": None,
        "reactions": [],
    }
    if guild_id is not None:
        out["guild_id"] = str(guild_id)
    return out


def edit_message(stored: dict[str, Any], body: dict[str, Any]) -> None:
    """Apply a PATCH body to a stored message: only the keys sent change."""
    for key in ("content", "embeds", "components", "flags"):
        if key in body and body[key] is not None:
            stored[key] = body[key]
    stored["edited_timestamp"] = now_iso()


def fill_modal(components: list[dict[str, Any]], values: dict[str, str]) -> list[dict[str, Any]]:
    """The components of a modal submit: each text input of the modal sent with its value."""
    out: list[dict[str, Any]] = []
    for part in components:
        kind = part.get("type")
        if kind == 18:  # a label around one component
            out.append({"type": 18, "component": _input(part["component"], values)})
        elif kind == 1:  # an action row of inputs
            out.append({"type": 1, "components": [_input(c, values) for c in part["components"]]})
        elif kind == 4:
            out.append(_input(part, values))
    return out


def _input(component: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    custom_id = component.get("custom_id", "")
    return {"type": component.get("type", 4), "custom_id": custom_id, "value": values[custom_id]}


def custom_ids(components: list[dict[str, Any]]) -> dict[str, str]:
    """Every button in a message's components: label -> custom_id."""
    out: dict[str, str] = {}
    for row in components:
        for part in row.get("components") or [row]:
            if part.get("type") == 2 and "custom_id" in part:
                out[str(part.get("label"))] = part["custom_id"]
    return out
