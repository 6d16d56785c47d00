"""Where a private quiz's clicks go: load the attempt, let the engine judge, store, reply.

One lock per attempt makes a double click harmless: the second finds the question answered.
Every reply is a new private message on the click's own interaction, never an edit of an old
one, so nothing depends on an interaction token older than a few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

import discord

from purgebot.banks.model import Bank
from purgebot.bot.errors import reply_private
from purgebot.bot.selfpaced import components, embeds
from purgebot.bot.services import Services
from purgebot.errors import UserFacingError
from purgebot.quiz import Answer, QuestionView, Scoring
from purgebot.quiz.review import after_review
from purgebot.quiz.selfpaced import POINTS_COUNT, Mode, Outcome, SoloRun, streak_of
from purgebot.storage import AnswerRecord, RunStatus
from purgebot.storage.attempts import DEADLINE, Attempt
from purgebot.storage.timeutil import as_datetime

ACK_BUDGET = 1.5  # seconds a click waits for its commit before the reply is deferred
Build = Callable[[QuestionView], Answer]
T = TypeVar("T")


class AttemptOver(UserFacingError):
    pass


def when(moment: datetime) -> str:
    """A Discord timestamp every reader sees in their own time zone."""
    return f"<t:{int(moment.timestamp())}:F>"


def closed_text(due_at: datetime) -> str:
    return (
        f"This homework closed at {when(due_at)}. Answers given before then are kept; "
        "ask your teacher if you need more time."
    )


class PrivateDesk:
    def __init__(self, services: Services, wake: Callable[[], None] | None = None) -> None:
        self.services = services
        self.store = services.store
        self.catalog = services.catalog
        self._locks: dict[int, asyncio.Lock] = {}
        self._open: dict[int, tuple[Attempt, Bank, datetime | None]] = {}  # by run id
        self.deadlines_changed = wake or (lambda: None)  # a new assignment: the timer looks again

    def now(self) -> datetime:
        return as_datetime(self.services.clock())

    def lock(self, run_id: int) -> asyncio.Lock:
        return self._locks.setdefault(run_id, asyncio.Lock())

    # --- loading ---------------------------------------------------------------------------------

    async def load(
        self, interaction: discord.Interaction[Any], run_id: int
    ) -> tuple[Attempt, SoloRun]:
        """The student's open attempt as an engine object; refuses one that is over or closed.

        Open attempts are kept in memory once loaded (the store stays the truth: every change
        is written before it is kept), so a click reads nothing from the database."""
        cached = self._open.get(run_id)
        if cached is None:
            cached = await self._read(run_id)
        attempt, bank, due_at = cached
        if attempt.user_id != interaction.user.id:
            raise AttemptOver("This private quiz is not yours, or no longer exists.")
        if due_at is not None and self.now() >= due_at:
            self.forget(*await self.store.end_overdue_attempts(self.now()), run_id)
            raise AttemptOver(closed_text(due_at))
        return attempt, self.solo(attempt, bank)

    async def _read(self, run_id: int) -> tuple[Attempt, Bank, datetime | None]:
        attempt = await self.store.get_attempt(run_id)
        if attempt is None:
            raise AttemptOver("This private quiz is not yours, or no longer exists.")
        due_at = None
        if attempt.assignment_id is not None:
            assignment = await self.store.get_assignment(attempt.guild_id, attempt.assignment_id)
            due_at = assignment.due_at if assignment is not None else None
        if attempt.status is not RunStatus.RUNNING:
            await self._refuse_ended(attempt)
        try:
            bank = await self.catalog.get(attempt.guild_id, attempt.bank_id)
            self.solo(attempt, bank)
        except (UserFacingError, KeyError) as exc:
            await self.store.end_run(run_id, RunStatus.ABORTED, "bank gone")
            raise AttemptOver(
                "The question bank of this quiz was removed or changed, so the quiz has ended. "
                "Your answers so far are kept."
            ) from exc
        self._open[run_id] = (attempt, bank, due_at)
        return attempt, bank, due_at

    def remember(self, attempt: Attempt) -> None:
        if (cached := self._open.get(attempt.run_id)) is not None:
            self._open[attempt.run_id] = (attempt, cached[1], cached[2])

    def forget(self, *run_ids: int) -> None:
        """Drop ended attempts from memory (finished, replaced, past the deadline)."""
        for run_id in run_ids:
            self._open.pop(run_id, None)
            self._locks.pop(run_id, None)

    async def _refuse_ended(self, attempt: Attempt) -> None:
        run = await self.store.get_run(attempt.run_id)
        if run is not None and run.end_reason == DEADLINE and attempt.assignment_id is not None:
            assignment = await self.store.get_assignment(attempt.guild_id, attempt.assignment_id)
            if assignment is not None:
                raise AttemptOver(closed_text(assignment.due_at))
        raise AttemptOver("This quiz is over: no more answers are taken.")

    def solo(self, attempt: Attempt, bank: Bank) -> SoloRun:
        for question_id in attempt.question_ids:
            bank.question(question_id)  # KeyError: the bank lost a question
        settings = attempt.settings
        seconds = settings.get("seconds")
        return SoloRun(
            bank=bank,
            question_ids=attempt.question_ids,
            seed=attempt.seed,
            multiplier=attempt.multiplier,
            seconds=float(seconds) if seconds else None,
            scoring=Scoring(settings.get("scoring", "speed")),
            count_points=POINTS_COUNT.get(Mode(attempt.mode), False),
            position=attempt.position,
            opened_at=attempt.opened_at.timestamp() if attempt.opened_at else None,
            answered_current=len(attempt.results) > attempt.position,
            streak=streak_of(attempt.results),
        )

    # --- clicks ----------------------------------------------------------------------------------

    async def show(self, interaction: discord.Interaction[Any], run_id: int) -> None:
        """The next question (or the open one again, its timer running on)."""
        async with self.lock(run_id):
            attempt, run = await self.load(interaction, run_id)
            note = None
            missed = run.expire(self.services.clock())
            if missed is not None:
                attempt = await self._commit(interaction, attempt, run, missed)
                note = (
                    f"⏰ Time ran out on question {missed.view.number}: it counts as not answered."
                )
            if run.done:
                await self._finish(interaction, attempt, note)
                return
            stood = (run.position, run.opened_at)
            view = run.show_next(self.services.clock())
            if (run.position, run.opened_at) != stood:
                await self.within_budget(interaction, self._save(attempt, run))
                self.remember(
                    replace(attempt, position=run.position, opened_at=as_datetime(view.opened_at))
                )
        embed = embeds.question_embed(view, run.bank, mode=attempt.mode, multiplier=run.multiplier)
        await reply_private(
            interaction, note, embed=embed, view=components.question_view(view, run_id)
        )

    async def open_question(
        self, interaction: discord.Interaction[Any], run_id: int, number: int
    ) -> QuestionView:
        _, run = await self.load(interaction, run_id)
        return run.current(number)

    async def answer(
        self, interaction: discord.Interaction[Any], run_id: int, number: int, build: Build
    ) -> None:
        async with self.lock(run_id):
            attempt, run = await self.load(interaction, run_id)
            view = run.current(number)
            outcome = run.answer(number, build(view), self.services.clock())
            attempt = await self._commit(interaction, attempt, run, outcome)
            embed = embeds.feedback_embed(outcome, run.bank, count_points=run.count_points)
            if run.done:
                await self._finish(interaction, attempt, None, embed=embed)
                return
        await reply_private(interaction, embed=embed, view=components.next_view(run_id))

    # --- storing ---------------------------------------------------------------------------------

    async def _commit(
        self, interaction: discord.Interaction[Any], attempt: Attempt, run: SoloRun, got: Outcome
    ) -> Attempt:
        """Store the answer, committed before any reply: one write, which is also what says
        the question is answered (and the streak) when the attempt is next loaded."""
        record = AnswerRecord(
            run_id=attempt.run_id,
            guild_id=attempt.guild_id,
            user_id=attempt.user_id,
            user_name=interaction.user.display_name,
            question_id=got.view.id,
            topic=run.bank.topic_of(got.view.question),
            raw_answer=got.raw,
            correct=got.correct,
            points=got.points,
            response_ms=round(got.elapsed * 1000),
            answered_at=as_datetime(got.view.opened_at + got.elapsed),
        )
        await self.within_budget(interaction, self.store.record_answer(record))
        attempt = replace(attempt, results=(*attempt.results, got.correct))
        self.remember(attempt)
        if attempt.mode == Mode.REVIEW and got.correct:
            box = await self.store.review_box(
                attempt.guild_id, attempt.user_id, attempt.bank_id, got.view.id
            )
            if box is not None:
                move = after_review(box, True, self.now())
                await self.store.move_review(
                    attempt.guild_id,
                    attempt.user_id,
                    attempt.bank_id,
                    got.view.id,
                    move.box,
                    move.due_at,
                )
        return attempt

    async def within_budget(self, interaction: discord.Interaction[Any], work: Awaitable[T]) -> T:
        """Await a write; if it takes longer than the budget, defer the reply meanwhile, so
        Discord's three seconds never run out under load."""
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait([task], timeout=ACK_BUDGET)
        if not done and not interaction.response.is_done():
            with contextlib.suppress(discord.HTTPException):
                await interaction.response.defer(ephemeral=True, thinking=True)
        return await task

    async def _save(self, attempt: Attempt, run: SoloRun) -> None:
        await self.store.save_progress(
            attempt.run_id,
            position=run.position,
            opened_at=as_datetime(run.opened_at) if run.opened_at is not None else None,
        )

    async def _finish(
        self,
        interaction: discord.Interaction[Any],
        attempt: Attempt,
        note: str | None,
        *,
        embed: discord.Embed | None = None,
    ) -> None:
        await self.store.end_run(attempt.run_id, RunStatus.FINISHED, "finished")
        answered, correct, points = await self.store.attempt_totals(attempt.run_id)
        shown_points = points if POINTS_COUNT.get(Mode(attempt.mode), False) else None
        text = embeds.summary_text(
            attempt.mode, correct, answered, len(attempt.question_ids), shown_points
        )
        self.forget(attempt.run_id)
        await reply_private(interaction, f"{note}\n{text}" if note else text, embed=embed)
