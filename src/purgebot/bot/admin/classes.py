"""/class and /term: several classes in one server, what their boards show, and a fresh start
each term.

A class is named by the channels its quizzes run in: the bot's only gateway intent is `guilds`,
so it cannot list a role's members, but every stored run knows its channel. Leaderboards,
exports and charts then filter by class; run in a class's channel they pick it by themselves.
A new term starts boards at zero and deletes nothing: reports over dates still see everything.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from purgebot.bot import reportfiles
from purgebot.bot.checks import guild_id_of, teacher_only
from purgebot.bot.errors import reply_private
from purgebot.bot.featurecog import FeatureCog
from purgebot.bot.transformers import ClassName
from purgebot.errors import UserFacingError

NAME_CHARS = 40


class BadClassName(UserFacingError):
    def __init__(self) -> None:
        super().__init__(
            f"A class name is 1 to {NAME_CHARS} characters, letters, digits, spaces or - _ . "
            "(for example “11A” or “Year 11 History”)."
        )


class BadTermName(UserFacingError):
    def __init__(self) -> None:
        super().__init__(
            f"A term name is 1 to {NAME_CHARS} characters (for example “Spring 2027”)."
        )


def class_name_of(text: str) -> str:
    name = " ".join(text.split())
    if not 0 < len(name) <= NAME_CHARS or not all(c.isalnum() or c in " -_." for c in name):
        raise BadClassName()
    return name


class ClassesCog(FeatureCog, name="Classes"):
    classes = app_commands.Group(
        name="class", description="Classes in this server (teachers)", guild_only=True
    )
    terms = app_commands.Group(
        name="term", description="Terms: boards start at zero (teachers)", guild_only=True
    )

    @classes.command(name="add", description="Name a class by the channel its quizzes run in")
    @app_commands.describe(
        name="The class's name (e.g. 11A)",
        channel="Its quiz channel (default: this one); add again for more channels",
    )
    @teacher_only("name classes")
    async def add(
        self,
        interaction: discord.Interaction[Any],
        name: str,
        channel: discord.TextChannel | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        clean = class_name_of(name)
        channel_id = channel.id if channel is not None else interaction.channel_id
        assert channel_id is not None  # a guild command always has its channel
        before = await self.store.add_class_channel(guild_id, clean, channel_id)
        moved = f" (it was in class **{before}** until now)" if before else ""
        await reply_private(
            interaction,
            f"Quizzes in <#{channel_id}> now count for class **{clean}**{moved}. "
            f"`/leaderboard class:{clean}`, `/results export class:{clean}` and "
            f"`/results chart class:{clean}` show that class only.",
        )

    @classes.command(name="remove", description="Forget a class's name (its answers stay)")
    @app_commands.describe(name="The class")
    @teacher_only("remove classes")
    async def remove(self, interaction: discord.Interaction[Any], name: ClassName) -> None:
        guild_id = guild_id_of(interaction)
        channels = await self.store.remove_class(guild_id, name.strip())
        if not channels:
            raise reportfiles.UnknownClass(name.strip())
        await reply_private(
            interaction,
            f"Class **{name.strip()}** is gone; its answers stay in the server's reports.",
        )

    @classes.command(name="list", description="The classes here and their channels")
    @teacher_only("list classes")
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        guild_id = guild_id_of(interaction)
        found = await self.store.list_classes(guild_id)
        if not found:
            await reply_private(
                interaction, "No classes yet: `/class add name` in a class's quiz channel."
            )
            return
        lines = [f"**{c.name}**: " + ", ".join(f"<#{cid}>" for cid in c.channel_ids) for c in found]
        await reply_private(interaction, "\n".join(lines))

    @classes.command(name="board-top", description="Show only the top places on leaderboards")
    @app_commands.describe(places="How many places the class sees (0: every place)")
    @teacher_only("change what leaderboards show")
    async def board_top(
        self, interaction: discord.Interaction[Any], places: app_commands.Range[int, 0, 25]
    ) -> None:
        guild_id = guild_id_of(interaction)
        await self.store.set_board_top(guild_id, places or None)
        await reply_private(
            interaction,
            f"Leaderboards now show the top {places} places only."
            if places
            else "Leaderboards now show every place, page by page.",
        )

    @terms.command(name="new", description="Start a new term: boards start again at zero")
    @app_commands.describe(name="The term's name (e.g. Spring 2027)")
    @teacher_only("start a new term")
    async def new(self, interaction: discord.Interaction[Any], name: str) -> None:
        guild_id = guild_id_of(interaction)
        clean = " ".join(name.split())
        if not 0 < len(clean) <= NAME_CHARS:
            raise BadTermName()
        term = await self.store.new_term(guild_id, clean, interaction.user.id)
        await reply_private(
            interaction,
            f"Term **{term.name}** starts now: leaderboards count from here, at zero. Nothing is "
            "deleted: `/results export since:` with an earlier date still has every answer.",
        )

    @terms.command(name="list", description="The terms so far")
    @teacher_only("list terms")
    async def list_terms(self, interaction: discord.Interaction[Any]) -> None:
        guild_id = guild_id_of(interaction)
        found = await self.store.list_terms(guild_id)
        if not found:
            await reply_private(interaction, "No terms yet: boards count every answer.")
            return
        lines = [f"**{t.name}** from {t.started_at:%Y-%m-%d %H:%M} UTC" for t in found]
        await reply_private(interaction, "\n".join(lines))
