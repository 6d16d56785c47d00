"""Every running quiz of this process, by channel id, and the way an answer travels.

An answer click: find the channel's runner (a dict look-up), let the engine take and score the
answer, store it (group commit), and only then say "locked in". The engine's receipt carries the
final points, so the stored row is what the reveal will show.

Runs left "running" by a process that died are found at the next start (their ids are kept in the
store's key-value table, see running.py) and ended as interrupted, their answers kept; their
channels are told so. A shutdown costs the same per quiz however many run: each posts its last
messages, and their runs are ended together in one statement.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import discord

from purgebot.banks.model import Bank
from purgebot.bot.cards import typed
from purgebot.bot.errors import reply_private
from purgebot.bot.quiz import embeds as quizcards
from purgebot.bot.quiz.answers import Build, QuizOver
from purgebot.bot.quiz.channel import QuizHalted
from purgebot.bot.quiz.runner import QuizRunner, Request, RunContext
from purgebot.bot.quiz.running import RUNNING_KEY as RUNNING_KEY  # where the record is kept
from purgebot.bot.quiz.running import RunningRecord
from purgebot.bot.services import Services
from purgebot.errors import UserFacingError
from purgebot.quiz import (
    Answer,
    NoSession,
    QuestionView,
    QuizError,
    QuizSession,
    QuizSettings,
    SessionRegistry,
    TextAnswer,
)
from purgebot.shards import RunningBook
from purgebot.storage import AnswerRecord, RunStatus
from purgebot.storage.timeutil import as_datetime

log = logging.getLogger(__name__)

ACK_BUDGET = 1.5  # seconds a click may wait for its commit before the reply is deferred
SHUTDOWN_SECONDS = 10.0
SHUTDOWN_REASON = "shutdown"
INTERRUPTED = "interrupted by a restart"
RESTART_NOTICE = (
    "The quiz bot restarted while a quiz was running here, so that quiz has ended. Every answer "
    "given before the restart is kept and counts on the leaderboard. Start a new one with "
    "`/quiz start`."
)


class AnswerNotSaved(UserFacingError):
    """The answer could not be stored, so it was taken back: it does not count."""

    def __init__(self, time_left: float | None) -> None:
        again = (
            " Please answer again."
            if time_left is not None and time_left > 0
            else " The question has closed."
        )
        super().__init__("⚠️ Your answer could not be saved, so it does not count." + again)


@dataclass(frozen=True, slots=True)
class Taken:
    record: AnswerRecord
    all_answered: bool
    message: str


def locked_text(view: QuestionView, answer: Answer, raw: str) -> str:
    shown = f"“{typed(raw)}”" if isinstance(answer, TextAnswer) else raw
    return (
        f"🔒 Locked in: {shown}. You will see if it was right when question {view.number} closes."
    )


async def defer(interaction: discord.Interaction[Any]) -> None:
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)


def take(
    runner: QuizRunner, guild_id: int, player_id: int, name: str, number: int, build: Build
) -> Taken:
    """Hand one answer to the engine, which locks and scores it. Raises the engine's refusals
    (too late, already answered, not an option) with nothing locked."""
    session = runner.session
    view = session.question(number)  # the engine refuses an answer to any other question
    answer = build(view)
    receipt = session.submit(player_id, answer, number=number, name=name)
    shown = receipt.raw
    if not isinstance(answer, TextAnswer) and view.options:
        letters = [view.letters[view.position(i)] for i in getattr(answer, "indices", ())]
        if letters:
            shown = f"**{' '.join(sorted(letters))}** · {receipt.raw}"
    record = AnswerRecord(
        run_id=runner.run_id,
        guild_id=guild_id,
        user_id=player_id,
        user_name=name,
        question_id=view.id,
        topic=runner.ctx.bank.topic_of(view.question),
        raw_answer=receipt.raw,
        correct=receipt.correct,
        points=receipt.points,
        response_ms=receipt.response_ms,
        answered_at=as_datetime(view.opened_at + receipt.response_ms / 1000),
    )
    return Taken(record, receipt.all_answered, locked_text(view, answer, shown))


class QuizManager:
    def __init__(self, services: Services, *, reveal_pause: float | None = None) -> None:
        self.services = services
        self.store = services.store
        self.sessions = SessionRegistry()
        self.reveal_pause = reveal_pause
        self.ack_budget = ACK_BUDGET
        self._runners: dict[int, QuizRunner] = {}
        self._starting: set[int] = set()
        # guild id -> {channel to tell: its last question message, to grey out}
        self._interrupted: dict[int, dict[int, int | None]] = {}
        self._book = RunningBook(RUNNING_KEY, services.shards)  # one list per shard, if sharded
        self.record = RunningRecord(self.store, self._running_rows, self._book)
        self._stopping = False
        self._ended_by_shutdown: list[int] = []  # run ids, recorded together at the end

    # --- finding quizzes -------------------------------------------------------------------------

    def runner(self, channel_id: int) -> QuizRunner | None:
        return self._runners.get(channel_id)

    def running(self, channel_id: int) -> QuizRunner:
        self.sessions.running(channel_id)  # NoSession for the user
        runner = self._runners.get(channel_id)
        if runner is None:
            raise NoSession("There is no quiz running in this channel.")
        return runner

    def __len__(self) -> int:
        return len(self._runners)

    @contextlib.contextmanager
    def reserve(self, channel_id: int) -> Iterator[None]:
        """Hold the channel while a start is prepared, so two starts cannot both succeed."""
        if channel_id in self._starting or channel_id in self._runners:
            raise QuizError("A quiz is already running in this channel: stop it first.")
        self._starting.add(channel_id)
        try:
            yield
        finally:
            self._starting.discard(channel_id)

    # --- starting and ending ---------------------------------------------------------------------

    async def launch(
        self,
        interaction: discord.Interaction[Any],
        bank: Bank,
        settings: QuizSettings,
        *,
        guild_id: int,
        channel_id: int,
    ) -> QuizRunner:
        """Record the run and start its task; the first question is posted by the task."""
        clock = self.services.clock
        session = QuizSession(bank, settings, clock=clock, started_by=interaction.user.id)
        for user_id, multiplier in (await self.store.list_accommodations(guild_id)).items():
            try:
                session.accommodate(user_id, multiplier)
            except QuizError:
                log.warning("ignoring multiplier %s of user %s", multiplier, user_id)
        shown = {
            "count": settings.count,
            "seconds": settings.seconds,
            "topic": settings.topic,
            "difficulty": settings.difficulty,
            "scoring": str(settings.scoring),
            "seed": settings.seed,
            "questions": session.total,
        }
        run = await self.store.start_run(guild_id, channel_id, bank.id, interaction.user.id, shown)
        ctx = RunContext(
            client=interaction.client,
            store=self.store,
            guild_id=guild_id,
            channel_id=channel_id,
            run_id=run.run_id,
            bank=bank,
            starter=interaction,
            starter_name=interaction.user.display_name,
        )
        if self.reveal_pause is not None:
            ctx.reveal_pause = self.reveal_pause
        ctx.on_question = self.record.on_question
        ctx.end_run = self._end_run
        runner = QuizRunner(session, clock, ctx)
        self.sessions.start(channel_id, session)
        self._runners[channel_id] = runner
        self.record.changed()
        runner.task = asyncio.create_task(
            self._supervise(runner), name=f"purgebot-quiz-{channel_id}"
        )
        return runner

    async def _supervise(self, runner: QuizRunner) -> None:
        channel_id = runner.ctx.channel_id
        try:
            await runner.run()
        finally:
            if self._runners.get(channel_id) is runner:
                del self._runners[channel_id]
                self.sessions.remove(channel_id)
        if not self._stopping:  # a shutdown writes the record once, at its end
            self.record.changed()

    async def halt(self, channel_id: int, reason: str, notice: str) -> None:
        runner = self._runners.get(channel_id)
        if runner is not None:
            await runner.request(Request.HALT, halt=QuizHalted(reason, notice))

    async def shutdown(self) -> None:
        """End every quiz with a notice in its channel, its answers kept (bot shutdown)."""
        runners = list(self._runners.values())
        if not runners:
            return
        self._stopping = True
        ending = [asyncio.ensure_future(r.request(Request.SHUTDOWN)) for r in runners]
        _, late = await asyncio.wait(ending, timeout=SHUTDOWN_SECONDS)
        for task in late:
            task.cancel()
        # A quiz still busy now is stuck on Discord (a request that never answers). Stop it here,
        # before the connection and the database close under it, and keep it on the record of
        # running quizzes: the next start ends it as interrupted and tells its channel.
        stuck = [r for r in runners if r.task is not None and not r.task.done()]
        for runner in stuck:
            assert runner.task is not None
            runner.task.cancel()
        await asyncio.gather(*(r.task for r in stuck if r.task is not None), return_exceptions=True)
        await self._record_shutdown_ends(stuck)
        await self.record.write(self._running_rows(stuck))

    # --- answers ---------------------------------------------------------------------------------

    def _live(self, interaction: discord.Interaction[Any], run_id: int) -> QuizRunner:
        runner = self._runners.get(interaction.channel_id or 0)
        if runner is None or runner.run_id != run_id:
            raise QuizOver()
        return runner

    def open_question(
        self, interaction: discord.Interaction[Any], run_id: int, number: int
    ) -> tuple[QuestionView, float]:
        """The question a student is about to type an answer to, if they still may."""
        return self._live(interaction, run_id).session.ready_for(interaction.user.id, number)

    async def answer(
        self, interaction: discord.Interaction[Any], run_id: int, number: int, build: Build
    ) -> None:
        """Take, store, then acknowledge one answer (deferring if the commit is slow)."""
        runner = self._live(interaction, run_id)
        user = interaction.user
        taken = take(runner, runner.ctx.guild_id, user.id, user.display_name, number, build)
        if taken.all_answered:
            runner.wake()
        # Discord wants an answer within 3 s: should the commit be slow, defer meanwhile.
        deferring: list[asyncio.Task[None]] = []
        loop = asyncio.get_running_loop()
        timer = loop.call_later(
            self.ack_budget, lambda: deferring.append(asyncio.ensure_future(defer(interaction)))
        )
        writing: asyncio.Future[None] = loop.create_future()
        runner.writes.add(writing)  # the reveal waits for it
        try:
            await self.store.record_answer(taken.record)
        except Exception as exc:
            # Not stored, so not counted: the engine gives the answer back before the reveal.
            runner.session.withdraw(user.id, number)
            log.warning("answer of run %s not stored (%s)", run_id, type(exc).__name__)
            raise AnswerNotSaved(runner.session.time_left(user.id)) from exc
        finally:
            runner.writes.discard(writing)
            writing.set_result(None)
            timer.cancel()
            if deferring:
                await deferring[0]
        await reply_private(interaction, taken.message)

    # --- restarts --------------------------------------------------------------------------------

    def _running_rows(self, also: list[QuizRunner] | None = None) -> list[list[Any]]:
        runners = {r.run_id: r for r in [*self._runners.values(), *(also or [])]}
        return [
            [r.run_id, r.ctx.guild_id, r.ctx.channel_id, r.message_id] for r in runners.values()
        ]

    async def _end_run(self, run_id: int, status: RunStatus, reason: str) -> None:
        """A runner's end. During a shutdown, its own is only noted: they are written together."""
        if self._stopping and (status, reason) == (RunStatus.ABORTED, SHUTDOWN_REASON):
            self._ended_by_shutdown.append(run_id)
            return
        await self.store.end_run(run_id, status, reason)

    async def _record_shutdown_ends(self, stuck: list[QuizRunner]) -> None:
        ended, self._ended_by_shutdown = self._ended_by_shutdown, []
        if not ended:
            return
        try:
            if stuck:  # those stay running for the next start to end: the others one by one
                for run_id in ended:
                    await self.store.end_run(run_id, RunStatus.ABORTED, SHUTDOWN_REASON)
            else:  # every live run of this process's shards ends the same way: one statement
                await self.store.abort_running_runs(SHUTDOWN_REASON, self.services.shards)
        except Exception:
            log.exception("could not record the end of %d quiz runs", len(ended))

    async def recover(self) -> int:
        """At start: end the runs a previous process left running, keeping their answers."""
        rows = await self.record.read()
        for run_id, guild_id, channel_id, *rest in rows:
            run = await self.store.get_run(run_id)
            if run is None or run.status is not RunStatus.RUNNING or not self._book.owns(guild_id):
                continue
            await self.store.end_run(run_id, RunStatus.ABORTED, INTERRUPTED)
            # (rows written before message ids were kept have none)
            self._interrupted.setdefault(guild_id, {})[channel_id] = rest[0] if rest else None
        swept = await self.store.abort_running_runs(INTERRUPTED, self.services.shards)
        await self.record.write([])
        return sum(len(c) for c in self._interrupted.values()) + swept

    async def tell_interrupted(self, guild: discord.Guild) -> None:
        """Say in each channel of `guild` whose quiz a restart ended that it ended, and why."""
        for channel_id, message_id in sorted(self._interrupted.pop(guild.id, {}).items()):
            channel = guild.get_channel(channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                continue
            if message_id is not None:
                await close_interrupted(channel, message_id)
            try:
                await channel.send(RESTART_NOTICE, allowed_mentions=discord.AllowedMentions.none())
            except discord.HTTPException as exc:
                log.info("could not tell channel %s its quiz ended (%s)", channel_id, exc)


async def close_interrupted(channel: discord.abc.Messageable, message_id: int) -> None:
    """The question a restart cut short: buttons greyed out, its countdown replaced."""
    try:
        message = await channel.fetch_message(message_id)
        if not message.embeds:
            return
        view = discord.ui.View.from_message(message, timeout=None)
        for item in view.children:
            if hasattr(item, "disabled"):
                item.disabled = True
        view.stop()
        await message.edit(embed=quizcards.interrupted(message.embeds[0]), view=view)
    except discord.HTTPException as exc:  # deleted, or no access: its clicks still refuse
        log.info("could not close question message %s (%s)", message_id, exc.status)
