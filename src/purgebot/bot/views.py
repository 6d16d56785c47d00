"""Buttons shared by several commands: a private yes/no that answers every kind of click.

A confirmation must cope with people: the first click wins, a second (double) click is told it
already happened, a click after the time limit finds the buttons gone, and only the person who
asked may press them. Buttons that outlive their view (the bot restarted, or the edit that
removes them at the time limit failed) are answered by `StaleConfirm` instead of failing.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, Self

import discord
from discord.ui import DynamicItem

from purgebot.bot import render
from purgebot.bot.errors import PrivateErrorsView, handle_error, reply_private
from purgebot.errors import UserFacingError

OnConfirm = Callable[[discord.Interaction[Any]], Awaitable[str]]

STALE_REQUEST = (
    "This request is no longer open (it expired, or the bot restarted since), so nothing was "
    "done. Run the command again if you still want to."
)

# The requests each bot has open, by key: what a ConfirmView answers itself. Weak, so a closed
# bot takes its set with it.
_OPEN: weakref.WeakKeyDictionary[discord.Client, set[int]] = weakref.WeakKeyDictionary()


def _open_keys(client: discord.Client) -> set[int]:
    return _OPEN.setdefault(client, set())


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
        origin: discord.Interaction[Any],
        *,
        confirm_label: str,
        on_confirm: OnConfirm,
        cancelled: str,
        expired: str,
        timeout: float,
    ) -> None:
        """`origin`: the command the view answers; its user owns the buttons, its message is
        edited at the timeout, and its id keys the buttons."""
        super().__init__(timeout=timeout)
        self.owner_id = origin.user.id
        self.on_confirm = on_confirm
        self.cancelled = cancelled
        self.expired = expired
        self.outcome: str | None = None  # "confirmed", "cancelled" or "expired" once settled
        self._origin = origin
        self.key = origin.id
        self._open = _open_keys(origin.client)
        self._open.add(self.key)  # before the buttons are shown: StaleConfirm must stay quiet
        confirm: discord.ui.Button[ConfirmView] = discord.ui.Button(
            label=render.button_label(confirm_label),
            style=discord.ButtonStyle.danger,
            custom_id=StaleConfirm.custom_id_for(self.key, "yes"),
        )
        cancel: discord.ui.Button[ConfirmView] = discord.ui.Button(
            label="Cancel",
            style=discord.ButtonStyle.secondary,
            custom_id=StaleConfirm.custom_id_for(self.key, "no"),
        )
        confirm.callback = self._confirm  # type: ignore[method-assign]
        cancel.callback = self._cancel  # type: ignore[method-assign]
        self.add_item(confirm)
        self.add_item(cancel)

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
        self._open.discard(self.key)  # from now on a click is StaleConfirm's
        if self.outcome is not None:
            return
        self.outcome = "expired"
        # the message may have been dismissed or its token run out: then nothing is left to tidy
        with contextlib.suppress(discord.HTTPException):
            await self._origin.edit_original_response(
                content=render.content(self.expired), view=None
            )


class StaleConfirm(
    DynamicItem[discord.ui.Button[Any]], template=r"pc:(?P<key>\d+):(?P<choice>yes|no)"
):
    """Answers a confirmation button whose view is gone (a restart, or an expiry whose edit
    failed), instead of Discord's "This interaction failed"; live views answer their own."""

    def __init__(self, key: int, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.key = key

    @staticmethod
    def custom_id_for(key: int, choice: str) -> str:
        return render.custom_id("pc", key, choice)

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: Any,
        /,
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["key"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        if self.key in _open_keys(interaction.client):
            return  # its ConfirmView answers this click
        try:
            await interaction.response.edit_message(
                content=render.content(STALE_REQUEST), view=None
            )
        except Exception as exc:  # dynamic items have no on_error of their own
            await handle_error(interaction, exc)
