"""The leaderboard's Previous / Next buttons, and their answer once the pager is gone."""

from __future__ import annotations

import contextlib
from typing import Any

import discord

from purgebot.bot import reportfiles
from purgebot.bot.components import LiveKeys, OwnedView, StaleButton
from purgebot.bot.errors import reply_private
from purgebot.storage import LeaderboardPage, Metric, Period, Store

PAGE_SIZE = 10
MIN_ACCURACY_ANSWERS = 3  # an accuracy board needs a few answers per student to mean anything
PAGER_SECONDS = 300
PAGER_GONE = (
    "These leaderboard buttons no longer work (they expired, or the bot restarted since). "
    "Run `/leaderboard` again to page through it."
)

# The pagers each bot has live, by key: clicks on them are the pager's own.
LIVE_PAGERS = LiveKeys()


class LeaderboardPager(OwnedView):
    """Previous / Next under a leaderboard, for the person who asked; gone after a while."""

    def __init__(
        self,
        store: Store,
        *,
        owner_id: int,
        guild_id: int,
        period: Period,
        metric: Metric,
        bank_id: str | None,
        page: LeaderboardPage,
        origin: discord.Interaction[Any],
        class_name: str | None = None,
    ) -> None:
        super().__init__(timeout=PAGER_SECONDS)
        self.store, self.owner_id, self.guild_id = store, owner_id, guild_id
        self.period, self.metric, self.bank_id = period, metric, bank_id
        self.class_name = class_name
        self.page = page
        self.message: discord.Message | discord.WebhookMessage | None = None
        # Ids `StalePager` knows, so a click outliving this view (a restart) still gets a reply.
        self.key = origin.id
        self._live = LIVE_PAGERS.of(origin.client)
        self._live.add(self.key)
        self.previous.custom_id = StalePager.custom_id_for(self.key, "prev")
        self.next.custom_id = StalePager.custom_id_for(self.key, "next")
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.page.offset == 0
        self.next.disabled = self.page.offset + self.page.limit >= self.page.total

    async def _show(self, interaction: discord.Interaction[Any], offset: int) -> None:
        self.page = await fetch_page(
            self.store,
            self.guild_id,
            self.period,
            self.metric,
            self.bank_id,
            offset,
            self.class_name,
        )
        self._sync()
        await interaction.response.edit_message(
            embed=reportfiles.board_embed(self.page, self.bank_id, self.class_name), view=self
        )

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[LeaderboardPager]
    ) -> None:
        await self._show(interaction, max(0, self.page.offset - self.page.limit))

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[LeaderboardPager]
    ) -> None:
        await self._show(interaction, self.page.offset + self.page.limit)

    async def on_timeout(self) -> None:
        self._live.discard(self.key)
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=None)


class StalePager(StaleButton, prefix="plb", fields=("key",), tail=":(?:prev|next)"):
    """A leaderboard button whose pager is gone (the bot restarted): run /leaderboard again."""

    live = LIVE_PAGERS

    async def answer_gone(self, interaction: discord.Interaction[Any]) -> None:
        await reply_private(interaction, PAGER_GONE)


async def fetch_page(
    store: Store,
    guild_id: int,
    period: Period,
    metric: Metric,
    bank_id: str | None,
    offset: int,
    class_name: str | None = None,
    limit: int = PAGE_SIZE,
) -> LeaderboardPage:
    return await store.leaderboard(
        guild_id,
        period=period,
        metric=metric,
        bank_id=bank_id,
        min_answers=MIN_ACCURACY_ANSWERS,
        offset=offset,
        limit=limit,
        class_name=class_name,
    )
