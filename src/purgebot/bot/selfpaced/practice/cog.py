"""/practice: a private quiz any time; /review: the questions due from the student's boxes."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands

from purgebot.banks.model import Difficulty
from purgebot.bot import render
from purgebot.bot.cards import plural
from purgebot.bot.checks import guild_id_of, is_teacher
from purgebot.bot.errors import NotTeacher, reply_private
from purgebot.bot.featurecog import FeatureCog
from purgebot.bot.selfpaced import PrivateDesk, desk_of
from purgebot.bot.selfpaced.desk import when
from purgebot.bot.transformers import DIFFICULTIES, PICK_QUESTIONS, BankId
from purgebot.errors import UserFacingError
from purgebot.quiz import QuizSettings
from purgebot.quiz.selfpaced import Mode, plan
from purgebot.storage import RunStatus
from purgebot.storage.timeutil import as_datetime

MAX_COUNT = 50
DEFAULT_COUNT = 10
WHO = [
    app_commands.Choice(name="me: my questions due now", value="me"),
    app_commands.Choice(name="class: what the class keeps missing (teachers)", value="class"),
]


class PracticeCog(FeatureCog, name="Practice"):
    async def _close_open(self, desk: PrivateDesk, guild_id: int, user_id: int, mode: Mode) -> None:
        """A new practice (or review) replaces one left unfinished; its answers stay."""
        for old in await self.store.user_attempts(guild_id, user_id, mode=mode.value, running=True):
            await self.store.end_run(old.run_id, RunStatus.STOPPED, "replaced")
            desk.forget(old.run_id)

    @app_commands.command(name="practice", description="Practise privately: no points, no audience")
    @app_commands.describe(**PICK_QUESTIONS, count=f"How many questions (default {DEFAULT_COUNT})")
    @app_commands.choices(difficulty=DIFFICULTIES)
    @app_commands.guild_only()
    async def practice(
        self,
        interaction: discord.Interaction[Any],
        bank: BankId,
        topic: str | None = None,
        difficulty: str | None = None,
        count: app_commands.Range[int, 1, MAX_COUNT] = DEFAULT_COUNT,
    ) -> None:
        guild_id = guild_id_of(interaction)
        chosen = await self.catalog.get(guild_id, bank)
        seed = self.services.rng.randrange(2**31)
        settings = QuizSettings(
            count=count,
            topic=topic or None,
            difficulty=Difficulty(difficulty) if difficulty else None,
        )
        questions = plan(chosen, settings, random.Random(seed))
        shown = {"count": count, "topic": topic or None, "difficulty": difficulty}
        await self._begin(interaction, Mode.PRACTICE, chosen.id, questions, seed, shown)

    @app_commands.command(
        name="review", description="The questions you got wrong that are due again"
    )
    @app_commands.describe(
        bank="Only this bank's questions (default: the one with most due)",
        who="Your own questions, or (teachers) what the class keeps missing",
    )
    @app_commands.choices(who=WHO)
    @app_commands.guild_only()
    async def review(
        self, interaction: discord.Interaction[Any], bank: BankId | None = None, who: str = "me"
    ) -> None:
        guild_id = guild_id_of(interaction)
        if who == "class":
            await self._class_missed(interaction, guild_id)
            return
        user_id = interaction.user.id
        now = as_datetime(self.services.clock())
        due = await self.store.due_reviews(guild_id, user_id, now, limit=1000)
        if bank:
            due = [d for d in due if d.bank_id == bank]
        if not due:
            boxes = await self.store.review_boxes(guild_id, user_id)
            later = [b for b in boxes if not bank or b.bank_id == bank]
            text = "Nothing is due for review. "
            text += (
                f"The next question comes back {when(later[0].due_at)}."
                if later
                else "Questions you get wrong in any quiz come back here a day later."
            )
            await reply_private(interaction, text)
            return
        counts: dict[str, int] = {}
        for d in due:
            counts[d.bank_id] = counts.get(d.bank_id, 0) + 1
        bank_id = max(counts, key=lambda b: (counts[b], b))
        chosen = await self.catalog.get(guild_id, bank_id)
        known = {q.id for q in chosen.questions}
        ids = [d.question_id for d in due if d.bank_id == bank_id and d.question_id in known]
        if not ids:
            await reply_private(
                interaction, "The questions due for review are no longer in their bank."
            )
            return
        seed = self.services.rng.randrange(2**31)
        await self._begin(interaction, Mode.REVIEW, bank_id, ids[:MAX_COUNT], seed)
        others = len(due) - len(ids)
        if others > 0:
            await interaction.followup.send(
                render.content(
                    f"{plural(others, 'more question')} from other banks are due too: "
                    "`/review` again after this one."
                ),
                ephemeral=True,
            )

    async def _begin(
        self,
        interaction: discord.Interaction[Any],
        mode: Mode,
        bank_id: str,
        question_ids: Sequence[str],
        seed: int,
        settings: dict[str, Any] | None = None,
    ) -> None:
        """Close the student's open attempt of this kind, store the new one, show its first
        question (practice and review differ only in what they ask)."""
        guild_id, user_id = guild_id_of(interaction), interaction.user.id
        desk = desk_of(interaction.client)
        await self._close_open(desk, guild_id, user_id, mode)
        attempt = await desk.within_budget(
            interaction,
            self.store.start_attempt(
                guild_id=guild_id,
                channel_id=interaction.channel_id or 0,
                user_id=user_id,
                mode=mode.value,
                bank_id=bank_id,
                question_ids=question_ids,
                seed=seed,
                multiplier=await self.store.get_accommodation(guild_id, user_id),
                opened_at=as_datetime(self.services.clock()),
                settings=settings,
            ),
        )
        assert attempt is not None
        await desk.show(interaction, attempt.run_id)

    async def _class_missed(self, interaction: discord.Interaction[Any], guild_id: int) -> None:
        if not await is_teacher(interaction, self.store):
            raise NotTeacher("see what the class keeps missing")
        missed = await self.store.class_missed(guild_id)
        lines = []
        for m in missed:
            try:
                prompt = (
                    (await self.catalog.get(guild_id, m.bank_id)).question(m.question_id).prompt
                )
            except (UserFacingError, KeyError):
                prompt = m.question_id
            lines.append(
                f"{render.cut(prompt, 90)} ({m.bank_id}): {plural(m.students, 'student')}, "
                f"missed {plural(m.misses, 'time')}"
            )
        body, _ = render.lines_within(
            lines or ["Nobody has a question in review yet."], 3500, lambda n: f"… and {n} more"
        )
        await reply_private(
            interaction,
            embed=render.embed("What the class keeps missing", body, footer="From review boxes"),
        )
