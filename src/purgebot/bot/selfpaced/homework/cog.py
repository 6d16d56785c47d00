"""/homework set, status, list, timezone, and the card's Start button."""

from __future__ import annotations

import asyncio
import io
import random
from typing import Any

import discord
from discord import app_commands

from purgebot.banks.model import MAX_SECONDS, MIN_SECONDS, Bank, Difficulty
from purgebot.bot import render, scorecards
from purgebot.bot.cards import plural
from purgebot.bot.checks import guild_id_of, teacher_only
from purgebot.bot.errors import reply_private
from purgebot.bot.featurecog import FeatureCog
from purgebot.bot.selfpaced import components as play
from purgebot.bot.selfpaced import desk_of
from purgebot.bot.selfpaced.desk import closed_text, when
from purgebot.bot.selfpaced.homework import embeds
from purgebot.bot.selfpaced.homework.components import HOMEWORK_COG, card_view
from purgebot.bot.services import Services
from purgebot.bot.transformers import DIFFICULTIES, PICK_QUESTIONS, BankId
from purgebot.errors import UserFacingError
from purgebot.quiz import QuizSettings
from purgebot.quiz.due import parse_due, zone
from purgebot.quiz.selfpaced import Mode, plan
from purgebot.storage import Period, RunStatus
from purgebot.storage.attempts import Assignment
from purgebot.storage.timeutil import as_datetime

MAX_COUNT = 100
MAX_ATTEMPTS = 10
TZ_KEY = "homework.timezone.{guild}"
SHOW = [
    app_commands.Choice(name="homework answers only", value="homework"),
    app_commands.Choice(name="live quiz answers only", value="live"),
]
PERIODS = [app_commands.Choice(name=p.value, value=p.value) for p in Period]


class HomeworkRefused(UserFacingError):
    pass


class HomeworkCog(FeatureCog, name=HOMEWORK_COG):
    homework = app_commands.Group(
        name="homework",
        description="Quizzes students play privately by a due time",
        guild_only=True,
    )

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self._starting: dict[tuple[int, int], asyncio.Lock] = {}

    def now(self) -> Any:
        return as_datetime(self.services.clock())

    async def timezone_of(self, guild_id: int) -> str:
        return await self.store.get_value(TZ_KEY.format(guild=guild_id)) or "UTC"

    async def _assignment(self, guild_id: int, assignment_id: int | None) -> Assignment:
        if assignment_id is not None:
            found = await self.store.get_assignment(guild_id, assignment_id)
            if found is None:
                raise HomeworkRefused(f"There is no homework #{assignment_id} in this server.")
            return found
        latest = await self.store.list_assignments(guild_id, limit=1000)
        if not latest:
            raise HomeworkRefused("No homework has been set here yet: `/homework set` sets one.")
        return max(latest, key=lambda a: a.assignment_id)

    # --- teacher ---------------------------------------------------------------------------------

    @homework.command(
        name="set", description="Set homework: a bank to play privately by a due time"
    )
    @app_commands.describe(
        **PICK_QUESTIONS,
        due='When it is due, e.g. "friday 17:00", "2026-12-10", "in 3 days" (server time zone)',
        count="How many questions (default: all that match)",
        seconds="Seconds per question (default: each question's own time)",
        attempts="How many tries each student gets (default 1)",
    )
    @app_commands.choices(difficulty=DIFFICULTIES)
    @teacher_only("set homework")
    async def set_(
        self,
        interaction: discord.Interaction[Any],
        bank: BankId,
        due: str,
        count: app_commands.Range[int, 1, MAX_COUNT] | None = None,
        seconds: app_commands.Range[int, MIN_SECONDS, MAX_SECONDS] | None = None,
        topic: str | None = None,
        difficulty: str | None = None,
        attempts: app_commands.Range[int, 1, MAX_ATTEMPTS] = 1,
    ) -> None:
        guild_id = guild_id_of(interaction)
        chosen = await self.catalog.get(guild_id, bank)
        due_at = parse_due(due, self.now(), zone(await self.timezone_of(guild_id)))
        settings = QuizSettings(
            count=count,
            seconds=seconds,
            topic=topic or None,
            difficulty=Difficulty(difficulty) if difficulty else None,
        )
        total = len(plan(chosen, settings, random.Random(0)))  # refuses a filter matching nothing
        assignment = await self.store.create_assignment(
            guild_id,
            interaction.channel_id or 0,
            chosen.id,
            interaction.user.id,
            due_at,
            attempts,
            {
                "count": count,
                "seconds": seconds,
                "topic": topic or None,
                "difficulty": difficulty,
                "scoring": "speed",
            },
        )
        card = embeds.card_embed(assignment, chosen, total, interaction.user.display_name)
        await interaction.response.send_message(
            embed=card, view=card_view(assignment.assignment_id)
        )
        message = await interaction.original_response()
        await self.store.set_assignment_message(assignment.assignment_id, message.id)
        desk_of(interaction.client).deadlines_changed()
        await interaction.followup.send(
            render.content(
                f"Homework #{assignment.assignment_id} set: **{chosen.title}**, "
                f"{plural(total, 'question')}, due {when(due_at)}. `/homework status` shows "
                "who has done it."
            ),
            ephemeral=True,
        )

    @homework.command(name="timezone", description="The time zone due times are read in (teachers)")
    @app_commands.describe(name="An IANA name such as Europe/London or America/New_York")
    @teacher_only("set the homework time zone")
    async def timezone(self, interaction: discord.Interaction[Any], name: str) -> None:
        guild_id = guild_id_of(interaction)
        tz = zone(name.strip())
        await self.store.set_value(TZ_KEY.format(guild=guild_id), tz.key)
        await reply_private(interaction, f"Due times are now read in {tz.key}.")

    @homework.command(name="status", description="Who has done a homework, and how (teachers)")
    @app_commands.describe(assignment="Homework number (default: the latest)")
    @teacher_only("see homework results")
    async def status(
        self, interaction: discord.Interaction[Any], assignment: int | None = None
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.store.end_overdue_attempts(self.now())
        found = await self._assignment(guild_id, assignment)
        try:
            bank: Bank | None = await self.catalog.get(guild_id, found.bank_id)
        except UserFacingError:  # removed since it was set: the results stand without it
            bank = None
        scores = await self.store.assignment_scores(found.assignment_id)
        known = await self.store.known_students(guild_id)
        exclude = {found.set_by} if found.set_by is not None else set()
        states = embeds.student_states(scores, known, exclude)
        missed = await self.store.assignment_questions(found.assignment_id)
        embed = embeds.status_embed(found, bank, states, missed, self.services.clock())
        csv_file = discord.File(
            io.BytesIO(embeds.status_csv(states).encode()),
            filename=f"homework-{found.assignment_id}.csv",
        )
        await interaction.followup.send(
            embed=render.fit_embed(embed), file=csv_file, ephemeral=True
        )

    @homework.command(name="list", description="Open homework here, with your own progress")
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        guild_id = guild_id_of(interaction)
        now = self.now()
        await self.store.end_overdue_attempts(now)
        open_ = await self.store.list_assignments(guild_id, due_after=now)
        if not open_:
            await reply_private(interaction, "No homework is open here right now.")
            return
        lines = []
        for a in open_:
            mine = await self.store.user_attempts(
                guild_id, interaction.user.id, assignment_id=a.assignment_id
            )
            lines.append(
                f"**#{a.assignment_id}** {a.bank_id}: due {when(a.due_at)} · {_mine(mine)}"
            )
        text, _ = render.lines_within(lines, 1900, lambda n: f"… and {n} more")
        await reply_private(interaction, text)

    @homework.command(name="board", description="A leaderboard of homework only, or live only")
    @app_commands.describe(show="Which answers to rank", period="Which time window")
    @app_commands.choices(show=SHOW, period=PERIODS)
    @teacher_only("see the homework leaderboard")
    async def board(
        self,
        interaction: discord.Interaction[Any],
        show: str = "homework",
        period: str = Period.ALL.value,
    ) -> None:
        guild_id = guild_id_of(interaction)
        page = await self.store.mode_leaderboard(guild_id, show, period=Period(period))
        embed = scorecards.leaderboard_embed(page, None)
        embed.title = f"{embed.title} · {show} only"
        await reply_private(interaction, embed=embed)

    # --- students --------------------------------------------------------------------------------

    async def start(self, interaction: discord.Interaction[Any], assignment_id: int) -> None:
        """The card's Start: begin an attempt, or say plainly why not."""
        guild_id = guild_id_of(interaction)
        user_id = interaction.user.id
        key = (assignment_id, user_id)
        async with self._starting.setdefault(key, asyncio.Lock()):
            found = await self.store.get_assignment(guild_id, assignment_id)
            if found is None:
                raise HomeworkRefused("This homework no longer exists.")
            now = self.now()
            if now >= found.due_at:
                await self.store.end_overdue_attempts(now)
                raise HomeworkRefused(closed_text(found.due_at))
            mine = await self.store.user_attempts(guild_id, user_id, assignment_id=assignment_id)
            running = [a for a in mine if a.status is RunStatus.RUNNING]
            if running:
                current = running[-1]
                await reply_private(
                    interaction,
                    f"You have already started this homework (last shown: question "
                    f"{min(current.position + 1, len(current.question_ids))} of "
                    f"{len(current.question_ids)}). Press **Continue** to carry on where you "
                    "left off.",
                    view=play.next_view(current.run_id, "Continue"),
                )
                return
            if len(mine) >= found.attempts:
                raise HomeworkRefused(
                    f"You have already done this homework ({_mine(mine)}); "
                    f"{plural(found.attempts, 'attempt')} allowed."
                )
            bank = await self.catalog.get(guild_id, found.bank_id)
            s = found.settings
            settings = QuizSettings(
                count=s.get("count"),
                seconds=s.get("seconds"),
                topic=s.get("topic"),
                difficulty=Difficulty(s["difficulty"]) if s.get("difficulty") else None,
            )
            seed = self.services.rng.randrange(2**31)
            desk = desk_of(interaction.client)
            begun = self.store.start_attempt(
                guild_id=guild_id,
                channel_id=found.channel_id,
                user_id=user_id,
                mode=Mode.HOMEWORK.value,
                bank_id=bank.id,
                question_ids=plan(bank, settings, random.Random(seed)),
                seed=seed,
                multiplier=await self.store.get_accommodation(guild_id, user_id),
                opened_at=as_datetime(self.services.clock()),
                assignment_id=assignment_id,
                settings={**dict(s), "assignment": assignment_id},
                max_attempts=found.attempts,
            )
            attempt = await desk.within_budget(interaction, begun)
            if attempt is None:
                raise HomeworkRefused("You have already started this homework.")
        await desk.show(interaction, attempt.run_id)


def _mine(mine: list[Any]) -> str:
    if not mine:
        return "not started"
    last = mine[-1]
    if last.status is RunStatus.RUNNING:
        return f"started (question {last.position + 1} of {len(last.question_ids)})"
    return "done"
