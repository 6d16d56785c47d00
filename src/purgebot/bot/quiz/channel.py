"""What a quiz needs from its channel, and how to say so when it is lost.

Kept apart from the runner so the start command can check the same permissions, in the same
order, before a quiz begins.
"""

from __future__ import annotations

import discord

from purgebot.bot.checks import first_missing

UNKNOWN_CHANNEL = 10003  # Discord's error code for a deleted channel


class QuizHalted(Exception):
    """The channel can no longer host the quiz; `notice` tells the starter why."""

    def __init__(self, reason: str, notice: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.notice = notice


def missing_permissions(channel: object, me: object) -> list[str]:
    """What the quiz needs that the bot lacks in `channel`, from the cache ([] when unknown)."""
    if not isinstance(channel, discord.abc.GuildChannel | discord.Thread) or not isinstance(
        me, discord.Member
    ):
        return []
    return first_missing(channel.permissions_for(me), thread=isinstance(channel, discord.Thread))


def permission_notice(channel_mention: str, missing: list[str]) -> str:
    if missing:
        names = ", ".join(missing)
        return (
            f"Your quiz in {channel_mention} has ended: I no longer have the {names} "
            f"permission there. Answers given so far are kept. Ask a server manager to give me "
            "View Channel, Send Messages and Embed Links in that channel, then start it again."
        )
    return (
        f"Your quiz in {channel_mention} has ended: Discord refused to let me post there. "
        "I need View Channel, Send Messages and Embed Links in that channel. Answers given so "
        "far are kept."
    )


def halted_by(client: discord.Client, channel_id: int, exc: discord.HTTPException) -> QuizHalted:
    """Why Discord refused a post or an edit: the channel is gone, or which permission is."""
    mention = f"<#{channel_id}>"
    channel = client.get_channel(channel_id)
    if channel is None or (isinstance(exc, discord.NotFound) and exc.code == UNKNOWN_CHANNEL):
        return QuizHalted(
            "channel deleted",
            f"Your quiz in {mention} has ended: the channel is gone. Answers given so far "
            "are kept (`/results export` has them).",
        )
    guild = getattr(channel, "guild", None)
    missing = missing_permissions(channel, guild.me if guild is not None else None)
    reason = "missing permission: " + (", ".join(missing) or f"HTTP {exc.status}")
    return QuizHalted(reason, permission_notice(mention, missing))
