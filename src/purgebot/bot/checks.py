"""Who may do what, checked when the command runs (Discord's default permissions are only a hint:
server admins can change them, and a teacher role holder may lack Manage Server), and whether the
bot itself may post here: one check, one list of what a post needs, for every feature."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from purgebot.bot.errors import NotManager, NotTeacher
from purgebot.bot.services import services_of
from purgebot.errors import UserFacingError
from purgebot.storage import Store

T = TypeVar("T")

NEEDED = ("view_channel", "send_messages", "embed_links")
PERMISSION_NAMES = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "send_messages_in_threads": "Send Messages in Threads",
    "embed_links": "Embed Links",
}


class GuildOnly(UserFacingError):
    def __init__(self) -> None:
        super().__init__("This command works in a server channel only.")


def guild_id_of(interaction: discord.Interaction[Any]) -> int:
    if interaction.guild_id is None:
        raise GuildOnly()
    return interaction.guild_id


def is_manager(interaction: discord.Interaction[Any]) -> bool:
    """Manage Server (or Administrator), as Discord resolved it for this interaction."""
    return interaction.guild_id is not None and interaction.permissions.manage_guild


async def is_teacher(interaction: discord.Interaction[Any], store: Store) -> bool:
    """A teacher has Manage Server, or the server's teacher role."""
    if interaction.guild_id is None:
        return False
    if is_manager(interaction):
        return True
    member = interaction.user
    if not isinstance(member, discord.Member):
        return False
    role_id = (await store.get_settings(interaction.guild_id)).teacher_role_id
    return role_id is not None and any(role.id == role_id for role in member.roles)


def teacher_only(action: str) -> Callable[[T], T]:
    """A run-time check: only teachers may `action` (the words finish "Only teachers can ...")."""

    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if await is_teacher(interaction, services_of(interaction).store):
            return True
        raise NotTeacher(action)

    return app_commands.check(predicate)


def manager_only(action: str) -> Callable[[T], T]:
    """A run-time check: only members with Manage Server may `action`."""

    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if is_manager(interaction):
            return True
        raise NotManager(action)

    return app_commands.check(predicate)


def first_missing(perms: discord.Permissions, *, thread: bool = False) -> list[str]:
    """The permission the quiz lacks first, in the order Discord applies them: without View
    Channel nothing else counts, and without Send Messages Embed Links reads as off too, so
    naming those would send a manager after the wrong switch."""
    needed = list(NEEDED)
    if thread:
        needed[1] = "send_messages_in_threads"
    for name in needed:
        if not getattr(perms, name):
            return [PERMISSION_NAMES[name]]
    return []


def missing_to_post(interaction: discord.Interaction[Any]) -> list[str]:
    """What the bot lacks to post an embed in the interaction's channel ([] when it may)."""
    thread = isinstance(interaction.channel, discord.Thread)
    return first_missing(interaction.app_permissions, thread=thread)


class BotCannotPost(UserFacingError):
    """The bot may not post here; `doing` and `elsewhere` word what it was asked to do."""

    def __init__(self, missing: list[str], *, doing: str, elsewhere: str) -> None:
        super().__init__(
            f"I can't {doing} here: I need the {', '.join(missing)} permission in this "
            f"channel. Ask a server manager to give it to me, or {elsewhere} in another channel."
        )
