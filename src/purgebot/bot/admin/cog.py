"""/teacher role, /accommodate, /privacy forget-me: who teaches, who gets time, who is forgotten."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from purgebot.bot.cards import plural
from purgebot.bot.checks import guild_id_of, manager_only, teacher_only
from purgebot.bot.components import ConfirmView
from purgebot.bot.errors import reply_private
from purgebot.bot.services import Services
from purgebot.errors import UserFacingError
from purgebot.quiz.roster import check_multiplier

MULTIPLIERS = [
    app_commands.Choice(name="1× (standard time)", value=1.0),
    app_commands.Choice(name="1.25× time", value=1.25),
    app_commands.Choice(name="1.5× time", value=1.5),
    app_commands.Choice(name="2× time", value=2.0),
]
CONFIRM_SECONDS = 120

FORGET_PROMPT = (
    "This deletes everything this bot keeps about you in this server: every quiz answer "
    "(so your scores leave the leaderboards and reports), your essay submissions with their "
    "feedback, and any extra-time setting. It cannot be undone.\n"
    f"Press **Delete my data** within {CONFIRM_SECONDS // 60} minutes to go ahead."
)


class EveryoneRole(UserFacingError):
    def __init__(self) -> None:
        super().__init__("@everyone cannot be the teacher role: everyone would be a teacher.")


def multiplier_text(value: float) -> str:
    return f"{value:g}×"


class AdminCog(commands.Cog):
    teacher = app_commands.Group(
        name="teacher",
        description="Who counts as a teacher here",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )
    privacy = app_commands.Group(
        name="privacy", description="Your data in this bot", guild_only=True
    )

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    @teacher.command(
        name="role",
        description="Members with this role count as teachers (Manage Server always does)",
    )
    @app_commands.describe(role="The teacher role")
    @manager_only("choose the teacher role")
    async def teacher_role(self, interaction: discord.Interaction[Any], role: discord.Role) -> None:
        guild_id = guild_id_of(interaction)
        if role.is_default():
            raise EveryoneRole()
        settings = await self.store.get_settings(guild_id)
        await self.store.save_settings(replace(settings, teacher_role_id=role.id))
        await reply_private(
            interaction,
            f"Members with the {role.mention} role are now teachers here, as is anyone with "
            "Manage Server.",
        )

    @app_commands.command(
        name="accommodate", description="Give a student more time on every question (teachers)"
    )
    @app_commands.describe(member="The student", multiplier="How much of the normal time they get")
    @app_commands.choices(multiplier=MULTIPLIERS)
    @app_commands.guild_only()
    @teacher_only("set extra time")
    async def accommodate(
        self, interaction: discord.Interaction[Any], member: discord.Member, multiplier: float
    ) -> None:
        guild_id = guild_id_of(interaction)
        multiplier = check_multiplier(multiplier)  # what the quiz honours: 1 to 4
        await self.store.set_accommodation(guild_id, member.id, multiplier)
        if multiplier == 1.0:
            text = f"{member.mention} now has the standard time on every question."
        else:
            text = (
                f"{member.mention} now gets {multiplier_text(multiplier)} the time on every "
                "question, and speed points are counted on their own timer, so the extra time "
                "costs them nothing."
            )
        await reply_private(interaction, text)

    @privacy.command(
        name="forget-me", description="Delete everything this bot keeps about you here"
    )
    async def forget_me(self, interaction: discord.Interaction[Any]) -> None:
        guild_id = guild_id_of(interaction)
        user_id = interaction.user.id

        async def forget(click: discord.Interaction[Any]) -> str:
            summary = await self.store.forget_student(guild_id, user_id)
            return (
                "Done: deleted "
                f"{plural(summary.answers, 'quiz answer')}, {plural(summary.essays, 'essay')} "
                f"and {plural(summary.accommodations, 'extra-time setting')}. "
                "Anything you do from now on is recorded afresh."
            )

        view = ConfirmView(
            interaction,
            confirm_label="Delete my data",
            on_confirm=forget,
            cancelled="Nothing was deleted.",
            expired="This request expired and nothing was deleted. Run /privacy forget-me again.",
            timeout=CONFIRM_SECONDS,
        )
        await reply_private(interaction, FORGET_PROMPT, view=view)
