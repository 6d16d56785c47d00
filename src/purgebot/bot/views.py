"""Buttons shared by several commands: a private yes/no that answers every kind of click.

A confirmation must cope with people: the first click wins, a second (double) click is told it
already happened, a click after the time limit finds the buttons gone, and only the person who
asked may press them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from purgebot.bot import render
from purgebot.bot.errors import PrivateErrorsView, reply_private
from purgebot.errors import UserFacingError

OnConfirm = Callable[[discord.Interaction[Any]], Awaitable[str]]


class NotYourButton(UserFacingError):
    def __init__(self) -> None:
        super().__init__("These buttons belong to someone else's request.")


class ConfirmView(PrivateErrorsView):
    """Confirm / Cancel for one person; the message is edited to say what happened.

    The view is not stopped when settled but kept until its timeout, so a click that raced the
    edit (or arrived because the edit failed) still gets an answer instead of "interaction failed".
    """

    def __init__(
        self,
        *,
        owner_id: int,
        confirm_label: str,
        on_confirm: OnConfirm,
        cancelled: str,
        expired: str,
        timeout: float,
    ) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.on_confirm = on_confirm
        self.cancelled = cancelled
        self.expired = expired
        self.outcome: str | None = None  # "confirmed", "cancelled" or "expired" once settled
        self._origin: discord.Interaction[Any] | None = None
        confirm: discord.ui.Button[ConfirmView] = discord.ui.Button(
            label=render.button_label(confirm_label), style=discord.ButtonStyle.danger
        )
        cancel: discord.ui.Button[ConfirmView] = discord.ui.Button(
            label="Cancel", style=discord.ButtonStyle.secondary
        )
        confirm.callback = self._confirm  # type: ignore[method-assign]
        cancel.callback = self._cancel  # type: ignore[method-assign]
        self.add_item(confirm)
        self.add_item(cancel)

    def attach(self, interaction: discord.Interaction[Any]) -> None:
        """Remember the interaction that showed the view, to edit its message at the timeout."""
        self._origin = interaction

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id != self.owner_id:
            raise NotYourButton()
        return True

    async def _settled(self, interaction: discord.Interaction[Any]) -> bool:
        if self.outcome is None:
            return False
        await reply_private(interaction, f"This request was already {self.outcome}.")
        return True

    async def _confirm(self, interaction: discord.Interaction[Any]) -> None:
        if await self._settled(interaction):
            return
        self.outcome = "confirmed"
        await interaction.response.defer()  # acknowledge now; the work may take a moment
        text = render.content(await self.on_confirm(interaction))
        try:
            await interaction.edit_original_response(content=text, view=None)
        except discord.HTTPException:  # the buttons stay up: say it privately instead
            await interaction.followup.send(text, ephemeral=True)

    async def _cancel(self, interaction: discord.Interaction[Any]) -> None:
        if await self._settled(interaction):
            return
        self.outcome = "cancelled"
        await interaction.response.edit_message(content=render.content(self.cancelled), view=None)

    async def on_timeout(self) -> None:
        if self.outcome is not None or self._origin is None:
            return
        self.outcome = "expired"
        # the message may have been dismissed or its token run out: then nothing is left to tidy
        with contextlib.suppress(discord.HTTPException):
            await self._origin.edit_original_response(
                content=render.content(self.expired), view=None
            )
