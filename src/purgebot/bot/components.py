"""Components shared by every feature: the dynamic-item base, and a private yes/no that answers
every kind of click.

`IdItem` owns both directions of a dynamic item's custom id (`PREFIX:N:N…`, whole numbers) and
answers any failure of its click privately, so a feature's item says only what a click does.

A confirmation must cope with people: the first click wins, a second (double) click is told it
already happened, a click after the time limit finds the buttons gone, and only the person who
asked may press them. Buttons that outlive their view (the bot restarted, or the edit that
removes them at the time limit failed) are answered by `StaleConfirm` instead of failing.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar, Self, TypeVar, cast

import discord
from discord.ui import DynamicItem

from purgebot.bot import render
from purgebot.bot.errors import PrivateErrorsView, handle_error, reply_private
from purgebot.errors import UserFacingError

OnConfirm = Callable[[discord.Interaction[Any]], Awaitable[str]]
ItemT = TypeVar("ItemT", bound=discord.ui.Item[Any])

STALE_REQUEST = (
    "This request is no longer open (it expired, or the bot restarted since), so nothing was "
    "done. Run the command again if you still want to."
)


class LiveKeys:
    """The keys of the views of one kind that each bot has live: a click on one of them is the
    view's own, a click on any other is its `StaleButton`'s. Weak, so a closed bot takes its set
    with it."""

    def __init__(self) -> None:
        self._keys: weakref.WeakKeyDictionary[discord.Client, set[int]] = (
            weakref.WeakKeyDictionary()
        )

    def of(self, client: discord.Client) -> set[int]:
        return self._keys.setdefault(client, set())


# The requests each bot has open, by key: what a ConfirmView answers itself.
OPEN_REQUESTS = LiveKeys()


class IdItem(DynamicItem[ItemT], template=r"(?!)"):
    """A dynamic item whose custom id is its prefix and whole numbers: `PREFIX:N:N…`.

    A subclass names its prefix and its fields (`class X(IdItem[Button[Any]], prefix="pq",
    fields=("run", "q"))`), builds ids with `X.id_for(run, q)`, reads them back as `self.ids`
    and says what a click does in `clicked`. Dynamic items have no `on_error`: every failure of a
    click is answered here, privately, the one way (`handle_error`).
    """

    prefix: ClassVar[str]
    fields: ClassVar[tuple[str, ...]]

    def __init_subclass__(
        cls,
        *,
        prefix: str | None = None,
        fields: tuple[str, ...] = (),
        tail: str = "",
        **kwargs: Any,
    ) -> None:
        """`tail`: a pattern for what follows the numbers that the live view reads, not the item.
        No prefix: an abstract base, matching no id."""
        if prefix is None:
            super().__init_subclass__(template=r"(?!)", **kwargs)
            return
        cls.prefix, cls.fields = prefix, fields
        groups = "".join(rf":(?P<{name}>\d+)" for name in fields)
        super().__init_subclass__(template=re.escape(prefix) + groups + tail, **kwargs)

    def __init__(self, item: ItemT, *ids: int) -> None:
        super().__init__(item)
        self.ids = ids

    @classmethod
    def id_for(cls, *ids: int) -> str:
        return render.custom_id(cls.prefix, *ids)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> Self:
        return cls(cast(ItemT, item), *(int(match[name]) for name in cls.fields))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await self.clicked(interaction)
        except Exception as exc:  # dynamic items have no on_error of their own
            await handle_error(interaction, exc)

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        raise NotImplementedError


class NotYourButton(UserFacingError):
    def __init__(self) -> None:
        super().__init__("These buttons belong to someone else's request.")


class OwnedView(PrivateErrorsView):
    """A view only the person who asked (`owner_id`) may press."""

    owner_id: int

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id != self.owner_id:
            raise NotYourButton()
        return True


class ConfirmView(OwnedView):
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
        self._open = OPEN_REQUESTS.of(origin.client)
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


class StaleButton(IdItem[discord.ui.Button[Any]]):
    """A button of a view that may be gone (a restart, or an expiry whose edit failed).

    While the view lives it answers its own clicks; once it is gone, this answers in its place
    instead of Discord's "This interaction failed". Its id is its prefix, the view's key and a
    word for the button; subclasses name the `live` keys and how to answer a click on a dead one.
    """

    live: ClassVar[LiveKeys]

    @classmethod
    def custom_id_for(cls, key: int, word: str) -> str:
        return render.custom_id(cls.prefix, key, word)

    @property
    def key(self) -> int:
        return self.ids[0]

    async def answer_gone(self, interaction: discord.Interaction[Any]) -> None:
        raise NotImplementedError

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        if self.key in self.live.of(interaction.client):
            return  # the live view answers this click
        await self.answer_gone(interaction)


class StaleConfirm(StaleButton, prefix="pc", fields=("key",), tail=":(?:yes|no)"):
    """A confirmation button whose ConfirmView is gone: the request is over, nothing was done."""

    live = OPEN_REQUESTS

    async def answer_gone(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.edit_message(content=render.content(STALE_REQUEST), view=None)
