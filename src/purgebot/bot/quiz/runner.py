"""One task per running quiz: post a question, wait for it to close, edit in the reveal, repeat.

The runner is the only code that moves a session through its states (clicks only `submit`), so
skip, stop and shutdown are requests it acts on between steps, never races. It waits with
`Client.wait_for` on the quiz's own event, the question's deadline as the timeout, woken early
when everyone has answered: a thousand quizzes cost a thousand timers and no polling. Each
question costs the channel two REST calls: the post and the reveal edit. Whatever Discord does
(message deleted, channel gone, permission taken away, an error on an edit) ends in a reveal
posted anew, a clean end with the starter told why, or a logged skip; the answers stored so far
always stay.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import discord

from purgebot.banks.model import Bank
from purgebot.bot import reportfiles
from purgebot.bot.cards import typed
from purgebot.bot.quiz import answers as quizviews
from purgebot.bot.quiz import embeds as quizcards
from purgebot.bot.quiz.channel import QuizHalted, halted_by
from purgebot.bot.services import Clock
from purgebot.quiz import (
    CloseReason,
    QuestionResult,
    QuestionView,
    QuizResult,
    QuizSession,
    SessionState,
)
from purgebot.storage import RunStatus, Store

log = logging.getLogger(__name__)

REVEAL_PAUSE = 5.0  # seconds between a reveal and the next question, to read the answer
RETRY_PAUSE = 1.0  # one retry of a post Discord failed with a server error
EDIT_TRIES = 3  # tries of a reveal edit Discord fails with a server error (then a new post)
WRITE_PATIENCE = 10.0  # seconds a reveal waits for answers still being stored
STARTER_TOKEN_SECONDS = 14 * 60  # an interaction token lasts 15 minutes; keep a margin


class Request(Enum):
    SKIP = "skip"
    STOP = "stop"
    SHUTDOWN = "shutdown"
    HALT = "halt"


@dataclass(slots=True)
class RunContext:
    """What a runner needs from outside: where it posts and who started it."""

    client: discord.Client
    store: Store
    guild_id: int
    channel_id: int
    run_id: int
    bank: Bank
    starter: discord.Interaction[Any] | None = None
    starter_name: str = "someone"
    reveal_pause: float = REVEAL_PAUSE
    on_question: Callable[[], Awaitable[None]] | None = None  # a question was posted


class QuizRunner:
    def __init__(self, session: QuizSession, clock: Clock, ctx: RunContext) -> None:
        self.session = session
        self.clock = clock
        self.ctx = ctx
        self.message_id: int | None = None
        self.result: QuizResult | None = None
        self.status: RunStatus | None = None
        self._request: Request | None = None
        self._requested_by = ""
        self._halt: QuizHalted | None = None
        self._waiting = False
        self._wake_event = f"purgebot_quiz_wake_{ctx.channel_id}"
        self.writes: set[asyncio.Future[None]] = set()  # answers being stored right now
        self.task: asyncio.Task[None] | None = None  # set by whoever starts `run()`

    @property
    def run_id(self) -> int:
        return self.ctx.run_id

    @property
    def channel(self) -> discord.PartialMessageable:
        return self.ctx.client.get_partial_messageable(
            self.ctx.channel_id, guild_id=self.ctx.guild_id
        )

    def wake(self) -> None:
        """Cut the current wait short: the runner looks again at the session and its requests."""
        if self._waiting:
            self.ctx.client.dispatch(self._wake_event)

    async def request(self, what: Request, by: str = "", halt: QuizHalted | None = None) -> None:
        """Ask the runner to skip, stop or end. A skip returns at once; the others return once
        the quiz has ended (its last messages sent)."""
        if not self._ending():
            self._request, self._requested_by, self._halt = what, by, halt
        self.wake()
        if what is not Request.SKIP and self.task is not None and not self.task.done():
            await asyncio.wait([self.task])

    # --- the loop --------------------------------------------------------------------------------

    async def run(self) -> None:
        """Play the quiz to its end. Cancelled, it just stops: the run is then ended as
        interrupted when the bot next starts."""
        try:
            try:
                await self._play()
            except QuizHalted as halted:
                self._halt = halted
                self._request = Request.HALT
            await self._finish()
        except Exception:
            log.exception("quiz in channel %s failed", self.ctx.channel_id)
            await self._end_after_error()

    async def _play(self) -> None:
        view: QuestionView | None = self.session.start()
        while view is not None and not self._ending():
            await self._post_question(view)
            await self._wait_for_close()
            # Every close is scored, early or not, once the answers taken are stored (one that
            # could not be stored has been withdrawn by then, so it is not counted).
            await self._settle_writes()
            result = self.session.reveal()
            if self._request is Request.HALT:
                return
            await self._post_reveal(view, result)
            self._clear_skip()
            if self._ending() or not self.session.has_next:
                return
            await self._sleep(self.ctx.reveal_pause)
            self._clear_skip()  # a skip during the pause just moves on
            if self._ending():
                return
            view = self.session.open_next()

    async def _settle_writes(self) -> None:
        if self.writes:
            await asyncio.wait(list(self.writes), timeout=WRITE_PATIENCE)

    def _ending(self) -> bool:
        return self._request in (Request.STOP, Request.SHUTDOWN, Request.HALT)

    def _clear_skip(self) -> None:
        if self._request is Request.SKIP:
            self._request = None

    async def _wait_for_close(self) -> None:
        """Sleep until the engine says the question is over, or a person ends it early."""
        while self._request is None:
            if self.session.tick() is not None:
                return
            await self._sleep(self.session.closes_at - self.clock())
        self.session.close(CloseReason.TEACHER)

    async def _sleep(self, seconds: float) -> None:
        """Wait `seconds`, or less if woken. A `Client.wait_for` on this quiz's own event: one
        timer, no polling, and woken in O(1) by name (no scan of the other quizzes)."""
        if seconds <= 0:
            return
        client = self.ctx.client
        self._waiting = True
        try:
            await client.wait_for(self._wake_event, timeout=seconds)
        except TimeoutError:
            client.dispatch(self._wake_event)  # drops the timed-out waiter from the client
        finally:
            self._waiting = False

    # --- talking to Discord ----------------------------------------------------------------------

    async def _post_question(self, view: QuestionView) -> None:
        embed = quizcards.question_embed(
            view,
            self.ctx.bank,
            closes_at=self.session.closes_at,
            scoring=str(self.session.settings.scoring),
            started_by=self.ctx.starter_name,
        )
        components = quizviews.question_view(view, self.run_id)
        message = await self._send(embed=embed, view=components)
        self.message_id = message.id
        if self.ctx.on_question is not None:
            await self.ctx.on_question()  # so a restart can grey out this question's buttons

    async def _post_reveal(self, view: QuestionView, result: QuestionResult) -> None:
        note = (
            {
                Request.SKIP: f"{self._requested_by} skipped ahead.",
                Request.STOP: f"{self._requested_by} stopped the quiz.",
                Request.SHUTDOWN: "The quiz bot is shutting down.",
            }.get(self._request)
            if self._request
            else None
        )
        if note is None and self.session.has_next and self.ctx.reveal_pause > 0:
            note = f"Next question in {self.ctx.reveal_pause:g} s."
        embed = quizcards.reveal_embed(
            result,
            self.ctx.bank,
            total=view.total,
            expected=max(self.session.expected, result.answered),
            top=self.session.standings()[: quizcards.TOP],
            scoring=str(self.session.settings.scoring),
            note=note,
        )
        components = quizviews.question_view(view, self.run_id, reveal=True)
        if self.message_id is not None and await self._edit_reveal(view, embed, components):
            return
        # no question message, or it is gone, or Discord kept failing the edit: post anew
        try:
            await self._send(embed=embed, view=components)
        except QuizHalted as halted:
            if not _server_error(halted.__cause__):
                raise
            log.warning("could not show the reveal of run %s question %s", self.run_id, view.number)
            await self._tell_starter(
                f"Discord kept failing when I showed the answer to question {view.number} in "
                f"<#{self.ctx.channel_id}>, so the class has not seen it. The quiz goes on; "
                "`/results export` has every answer."
            )

    async def _edit_reveal(
        self, view: QuestionView, embed: discord.Embed, components: discord.ui.View
    ) -> bool:
        """Edit the question into its reveal, retrying Discord's server errors (discord.py
        retries 500, 502 and 504 itself, not 503); False when a new message must carry it
        (the question is gone, or every try failed with a server error)."""
        assert self.message_id is not None
        message = self.channel.get_partial_message(self.message_id)
        for attempt in range(1, EDIT_TRIES + 1):
            try:
                await message.edit(
                    embed=embed, view=components, allowed_mentions=discord.AllowedMentions.none()
                )
                return True
            except discord.NotFound:
                return False  # the question was deleted: show the answer in a new message
            except discord.Forbidden as exc:
                raise self._halted(exc) from exc
            except discord.HTTPException as exc:
                log.warning(
                    "could not edit the reveal of run %s question %s (%s %s), try %d",
                    self.run_id,
                    view.number,
                    exc.status,
                    exc.code,
                    attempt,
                )
                if exc.status < 500:
                    return True  # a refusal a new post would meet too: logged, the quiz goes on
                if attempt < EDIT_TRIES:
                    await asyncio.sleep(RETRY_PAUSE * attempt)
        return False

    async def _send(self, **kwargs: Any) -> discord.Message:
        """Post in the channel; a lost channel or permission ends the quiz with a reason."""
        kwargs["allowed_mentions"] = discord.AllowedMentions.none()
        for attempt in (1, 2):
            try:
                return await self.channel.send(**kwargs)
            except (discord.Forbidden, discord.NotFound) as exc:
                raise self._halted(exc) from exc
            except discord.HTTPException as exc:
                if attempt == 2 or exc.status < 500:
                    raise QuizHalted(
                        f"discord error {exc.status}",
                        f"Your quiz in <#{self.ctx.channel_id}> has ended: Discord kept refusing "
                        "my messages there. Answers given so far are kept; try again later.",
                    ) from exc
                await asyncio.sleep(RETRY_PAUSE)
        raise AssertionError("unreachable")

    def _halted(self, exc: discord.HTTPException) -> QuizHalted:
        return halted_by(self.ctx.client, self.ctx.channel_id, exc)

    # --- the end ---------------------------------------------------------------------------------

    async def _finish(self) -> None:
        request = self._request
        state = self.session.state
        if state is SessionState.FINISHED or (
            state is SessionState.REVEALED and not self.session.has_next
        ):
            result = self.session.finish()
        else:
            result = self.session.stop()
        self.result = result
        if request is Request.HALT:
            halted = self._halt
            self.status = RunStatus.ABORTED
            await self._end_run(halted.reason if halted else "halted")
            if halted is not None:
                await self._tell_starter(halted.notice)
            return
        headline = None
        if request is Request.SHUTDOWN:
            headline = (
                "The quiz bot is shutting down, so this quiz has ended here. Every answer given "
                "so far is kept."
            )
            self.status = RunStatus.ABORTED
        elif request is Request.STOP or result.stopped:
            by = typed(self._requested_by)  # a display name may hold markdown
            headline = f"Stopped by {by}." if self._requested_by else None
            self.status = RunStatus.STOPPED
        else:
            self.status = RunStatus.FINISHED
        await self._end_run(
            {
                RunStatus.ABORTED: "shutdown",
                RunStatus.STOPPED: f"stopped by {self._requested_by or 'a teacher'}",
                RunStatus.FINISHED: "finished",
            }[self.status]
        )
        embed = quizcards.standings_embed(result, run_id=self.run_id, headline=headline)
        chart = await reportfiles.quiz_chart_file(
            self.ctx.store, self.ctx.guild_id, self.run_id, self.ctx.bank
        )
        try:
            if chart is not None:  # without Attach Files the standings still go out, bare
                with contextlib.suppress(QuizHalted):
                    await self._send(embed=reportfiles.with_image(embed, chart), file=chart)
                    return
                embed.set_image(url=None)
            await self._send(embed=embed)
        except QuizHalted as halted:
            await self._tell_starter(halted.notice)

    async def _end_run(self, reason: str) -> None:
        assert self.status is not None
        try:
            await self.ctx.store.end_run(self.run_id, self.status, reason)
        except Exception:
            log.exception("could not record the end of run %s", self.run_id)

    async def _end_after_error(self) -> None:
        with contextlib.suppress(Exception):
            if self.session.state is not SessionState.FINISHED:
                self.result = self.session.stop()
        self.status = RunStatus.ABORTED
        await self._end_run("error")
        with contextlib.suppress(Exception):
            await self.channel.send(
                "This quiz hit a problem on my side and has ended; the answers given so far are "
                "kept. Start it again with `/quiz start`.",
                allowed_mentions=discord.AllowedMentions.none(),
            )

    async def _tell_starter(self, text: str) -> None:
        """Privately, on the interaction that started the quiz while it lasts, else by DM."""
        starter = self.ctx.starter
        if starter is None:
            return
        age = (discord.utils.utcnow() - starter.created_at).total_seconds()
        if age < STARTER_TOKEN_SECONDS:
            try:
                await starter.followup.send(text, ephemeral=True)
                return
            except discord.HTTPException:
                pass
        try:
            await starter.user.send(text)
        except discord.HTTPException as exc:
            log.warning("could not tell the starter of run %s why it ended (%s)", self.run_id, exc)


def _server_error(exc: BaseException | None) -> bool:
    return isinstance(exc, discord.HTTPException) and exc.status >= 500
