"""/quiz start, stop, skip, status: timed quizzes in a channel, one at a time per channel."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from purgebot.banks.model import MAX_SECONDS, MIN_SECONDS, Difficulty
from purgebot.bot import checks, render
from purgebot.bot.cards import plural
from purgebot.bot.checks import guild_id_of, is_teacher, missing_to_post
from purgebot.bot.errors import reply_private
from purgebot.bot.quiz import answers as quizviews
from purgebot.bot.quiz import embeds as quizcards
from purgebot.bot.quiz.answers import QUIZ_COG
from purgebot.bot.quiz.manager import QuizManager
from purgebot.bot.quiz.runner import QuizRunner, Request
from purgebot.bot.services import Services
from purgebot.bot.transformers import BankId
from purgebot.errors import UserFacingError
from purgebot.quiz import QuizSession, QuizSettings, Scoring, SessionState

log = logging.getLogger(__name__)

MAX_COUNT = 100
DIFFICULTIES = [app_commands.Choice(name=d.value, value=d.value) for d in Difficulty]
SCORINGS = [
    app_commands.Choice(name="speed: faster right answers score more (default)", value="speed"),
    app_commands.Choice(name="accuracy: one point per right answer", value="accuracy"),
]


class BotCannotPost(checks.BotCannotPost):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(missing, doing="run a quiz", elsewhere="start the quiz")


class NotYourQuiz(UserFacingError):
    def __init__(self, action: str) -> None:
        super().__init__(f"Only the person who started this quiz, or a teacher, can {action} it.")


def skip_text(session: QuizSession) -> str:
    """What a skip does now: close the open question, or cut the pause after a reveal short."""
    if session.state is not SessionState.OPEN:
        if session.has_next:
            return "Moving on: the next question is posted now."
        return "That was the last question: the final standings follow."
    after = "the next question follows." if session.has_next else "the final standings follow."
    return (
        f"Closing this question now: its answer is shown, answers already given count, and {after}"
    )


class QuizCog(commands.Cog, name=QUIZ_COG):
    quiz = app_commands.Group(
        name="quiz", description="Timed quizzes in this channel", guild_only=True
    )

    def __init__(
        self,
        services: Services,
        client: discord.Client | None = None,
        *,
        reveal_pause: float | None = None,
    ) -> None:
        self.services = services
        self.catalog = services.catalog
        self.desk = QuizManager(services, reveal_pause=reveal_pause)
        self.client = client  # to tell channels of quizzes a restart ended, once ready

    async def cog_load(self) -> None:
        ended = await self.desk.recover()
        if ended:
            log.info("ended %s left running by the previous process", plural(ended, "quiz run"))

    async def cog_unload(self) -> None:
        await self.desk.shutdown()

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        if self.client is not None:
            for guild in self.client.guilds:
                await self.desk.tell_interrupted(guild)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        await quizviews.answer_typed(interaction)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self.desk.tell_interrupted(guild)

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self.desk.halt(
            channel.id,
            "channel deleted",
            f"Your quiz in #{channel.name} has ended: the channel was deleted. Answers given so "
            "far are kept (`/results export` has them).",
        )

    # --- autocomplete ----------------------------------------------------------------------------

    async def topic_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        bank_id = getattr(interaction.namespace, "bank", None)
        if interaction.guild_id is None or not bank_id:
            return []
        try:
            bank = await self.catalog.get(interaction.guild_id, str(bank_id))
        except UserFacingError:
            return []
        needle = current.strip().casefold()
        counts: dict[str, int] = {}
        for q in bank.questions:
            if topic := bank.topic_of(q):
                counts[topic] = counts.get(topic, 0) + 1
        return render.choices(
            (f"{t} ({plural(n, 'question')})", t)
            for t, n in sorted(counts.items())
            if needle in t.casefold()
        )

    # --- commands --------------------------------------------------------------------------------

    @quiz.command(name="start", description="Run a timed quiz in this channel")
    @app_commands.describe(
        bank="The question bank",
        count="How many questions (default: all that match)",
        seconds="Seconds per question (default: each question's own time)",
        topic="Only questions on this topic",
        difficulty="Only questions of this difficulty",
        scoring="How answers score",
    )
    @app_commands.choices(difficulty=DIFFICULTIES, scoring=SCORINGS)
    async def start(
        self,
        interaction: discord.Interaction[Any],
        bank: BankId,
        count: app_commands.Range[int, 1, MAX_COUNT] | None = None,
        seconds: app_commands.Range[int, MIN_SECONDS, MAX_SECONDS] | None = None,
        topic: str | None = None,
        difficulty: str | None = None,
        scoring: str = "speed",
    ) -> None:
        guild_id = guild_id_of(interaction)
        channel_id = interaction.channel_id
        assert channel_id is not None
        if missing := missing_to_post(interaction):
            raise BotCannotPost(missing)
        with self.desk.reserve(channel_id):
            await interaction.response.defer(ephemeral=True, thinking=True)
            chosen = await self.catalog.get(guild_id, bank)
            settings = QuizSettings(
                count=count,
                seconds=seconds,
                topic=topic or None,
                difficulty=Difficulty(difficulty) if difficulty else None,
                scoring=Scoring(scoring),
                seed=self.services.rng.randrange(2**31),
            )
            runner = await self.desk.launch(
                interaction, chosen, settings, guild_id=guild_id, channel_id=channel_id
            )
        total = runner.session.total
        each = f"{seconds} s each" if seconds else "each with its own time"
        await reply_private(
            interaction,
            f"Started **{render.literal(chosen.title)}**: {plural(total, 'question')}, {each}, "
            f"{scoring} scoring "
            f"(run #{runner.run_id}). `/quiz skip` closes a question early, `/quiz stop` ends it.",
        )

    async def _controlled(self, interaction: discord.Interaction[Any], action: str) -> QuizRunner:
        guild_id_of(interaction)
        runner = self.desk.running(interaction.channel_id or 0)
        user_id = interaction.user.id
        if not runner.session.can_control(user_id) and not await is_teacher(
            interaction, self.services.store
        ):
            raise NotYourQuiz(action)
        return runner

    @quiz.command(name="stop", description="End this channel's quiz now (its starter or a teacher)")
    async def stop(self, interaction: discord.Interaction[Any]) -> None:
        runner = await self._controlled(interaction, "stop")
        await interaction.response.defer(ephemeral=True, thinking=True)
        await runner.request(Request.STOP, by=interaction.user.display_name)
        asked = len(runner.result.questions) if runner.result else 0
        await reply_private(
            interaction,
            f"Stopped after {plural(asked, 'question')}; the final standings are in the channel "
            "and every answer given is kept.",
        )

    @quiz.command(
        name="skip", description="Close the current question now and move on (starter or teacher)"
    )
    async def skip(self, interaction: discord.Interaction[Any]) -> None:
        runner = await self._controlled(interaction, "skip a question of")
        text = skip_text(runner.session)
        await runner.request(Request.SKIP, by=interaction.user.display_name)
        await reply_private(interaction, text)

    @quiz.command(name="status", description="Where this channel's quiz is")
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        guild_id_of(interaction)
        runner = self.desk.running(interaction.channel_id or 0)
        session = runner.session
        embed = quizcards.status_embed(
            bank=runner.ctx.bank,
            view=session.current,
            state=session.state.value,
            answered=session.answered,
            expected=session.expected,
            closes_at=session.closes_at,
            started_by=runner.ctx.starter_name,
            top=session.standings()[:3],
            scoring=str(session.settings.scoring),
        )
        await reply_private(interaction, embed=embed)

    start.autocomplete("topic")(topic_autocomplete)
