"""The one place an error becomes a reply: private, plain, and never raw exception text.

`UserFacingError`s (and permission refusals) are shown to the person who caused them; anything
else is logged with its traceback and answered with a short generic message.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from purgebot.bot import render
from purgebot.errors import UserFacingError

log = logging.getLogger("purgebot.bot")  # the core package: the name operators filter errors by

GENERIC_MESSAGE = (
    "Something went wrong on my side. It has been logged; please try again in a moment."
)


class NotTeacher(app_commands.CheckFailure):
    """A teacher-only command run by someone who is not a teacher in this server."""

    def __init__(self, action: str) -> None:
        self.action = action
        super().__init__(
            f"Only teachers can {action}. A teacher is anyone with Manage Server or the server's "
            "teacher role (set with /teacher role)."
        )


class BadOption(app_commands.CheckFailure):
    """A slash-command option outside what its command declares (see bot/options.py)."""


class NotManager(app_commands.CheckFailure):
    """A command only server managers (Manage Server) may run."""

    def __init__(self, action: str) -> None:
        self.action = action
        super().__init__(f"Only members with the Manage Server permission can {action}.")


def unwrap(error: BaseException) -> BaseException:
    """The error discord.py wrapped (CommandInvokeError, TransformerError) around the real one."""
    while isinstance(error, app_commands.CommandInvokeError | app_commands.TransformerError):
        inner = (
            error.__cause__ if isinstance(error, app_commands.TransformerError) else error.original
        )
        if inner is None:
            break
        error = inner
    return error


def user_message(error: BaseException) -> str | None:
    """What to tell the user about `error`, or None when it is a bug to log."""
    error = unwrap(error)
    if isinstance(error, UserFacingError):
        return error.message
    if isinstance(error, NotTeacher | NotManager):
        return str(error)
    if isinstance(error, BadOption):
        return str(error)
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server channel only."
    if isinstance(error, app_commands.MissingPermissions):
        needed = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        return f"You need the {needed} permission for this."
    if isinstance(error, app_commands.BotMissingPermissions):
        needed = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        return f"I need the {needed} permission in this channel; ask a server manager to grant it."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    return None


async def reply_private(
    interaction: discord.Interaction[Any],
    text: str | None = None,
    *,
    embed: discord.Embed | None = None,
    file: discord.File | None = None,
    view: discord.ui.View | None = None,
) -> None:
    """A private reply, as the first response or as a follow-up when one was already sent."""
    kwargs: dict[str, Any] = {"ephemeral": True}
    if text is not None:
        kwargs["content"] = render.content(text)
    if embed is not None:
        kwargs["embed"] = render.fit_embed(embed)
    if file is not None:
        kwargs["file"] = file
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)


async def handle_error(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """Turn any error from a command, button or modal into a private reply (and a log line)."""
    message = user_message(error)
    if message is None:
        command = interaction.command.qualified_name if interaction.command else None
        log.error(
            "unhandled error in %s (guild %s, channel %s)",
            f"/{command}" if command else f"interaction {interaction.type.name}",
            interaction.guild_id,
            interaction.channel_id,
            exc_info=unwrap(error),
        )
        message = GENERIC_MESSAGE
    try:
        await reply_private(interaction, message)
    except discord.HTTPException as exc:  # the interaction expired or Discord refused: log only
        log.warning("could not send an error reply (%s %s)", exc.status, exc.code)


class PurgeTree(app_commands.CommandTree[Any]):
    """The command tree whose single error handler covers every slash command, and which checks
    every option against its command's declaration before the command runs."""

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        from purgebot.bot.options import check_options

        check_options(interaction)
        return True

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        await handle_error(interaction, error)


class PrivateErrorsView(discord.ui.View):
    """A view whose callback errors get the same private replies as slash commands."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await handle_error(interaction, error)


class PrivateErrorsModal(discord.ui.Modal):
    """A modal whose submit errors get the same private replies as slash commands."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: Any = None, /
    ) -> None:
        await handle_error(interaction, error)
