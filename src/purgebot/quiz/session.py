"""The quiz state machine: every rule about who may answer, when a question closes, and what scores.

    LOBBY -start-> OPEN -close/tick-> CLOSED -reveal-> REVEALED -open_next-> OPEN ...
    OPEN/CLOSED -skip-> (question dropped unscored) next OPEN, or FINISHED after the last
    REVEALED (last question) -finish-> FINISHED;  any state -stop-> FINISHED

Timing. A question opens at t0 with a limit T (the settings' override, else the question's own).
A player's deadline is t0 + T × their multiplier; an answer after it is refused as late. The
question as a whole closes (`tick`) at the longest deadline among active players and registered
accommodations, or as soon as every expected player has answered. Expected players are those who
joined, or who answered an earlier question: a class that never joins still closes early from the
second question on, and the first answer of a newcomer never closes a question by itself.

Cost. An answer is a few dict look-ups plus the matching: nothing scans the players. Work that
touches every player (opening, revealing, standings) happens once per question.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from purgebot.banks.model import Bank
from purgebot.quiz.admission import not_open, open_question, wrong_state
from purgebot.quiz.errors import AlreadyAnswered, NotAccepting, TooLate, WrongState
from purgebot.quiz.locked import LockedAnswer, book, lock
from purgebot.quiz.matching import Answer, TextAnswer, answer_text, is_correct
from purgebot.quiz.results import (
    CloseReason,
    QuestionResult,
    QuizResult,
    Receipt,
    SessionState,
    Standing,
)
from purgebot.quiz.roster import Roster, check_multiplier
from purgebot.quiz.selection import QuizSettings, display_order, select_questions
from purgebot.quiz.tally import distribution
from purgebot.quiz.view import QuestionView, display_options

__all__ = ["Clock", "QuizSession", "QuizSettings"]

Clock = Callable[[], float]


class QuizSession:
    """One quiz in one place: plain ids in, frozen records out, clock and randomness injected.

    `rng` shuffles questions and options; without one the session seeds its own from
    `settings.seed`, so the same seed replays the same quiz.
    """

    def __init__(
        self,
        bank: Bank,
        settings: QuizSettings | None = None,
        *,
        clock: Clock,
        rng: random.Random | None = None,
        started_by: int,
    ) -> None:
        self.bank = bank
        self.settings = settings or QuizSettings()
        self.started_by = started_by
        self._clock = clock
        self._rng = rng if rng is not None else random.Random(self.settings.seed)
        self._questions = select_questions(bank, self.settings, self._rng)
        self._state = SessionState.LOBBY
        self._index = -1
        self._round = 0  # questions revealed so far
        self._view: QuestionView | None = None
        self._roster = Roster()
        self._answers: dict[int, LockedAnswer] = {}
        self._expected: set[int] = set()
        self._expected_answered = 0
        self._closes_at = 0.0
        self._reason: CloseReason | None = None
        self._results: list[QuestionResult] = []
        self._skipped: list[str] = []
        self._started_at: float | None = None
        self._result: QuizResult | None = None

    # --- what a front end reads ------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def total(self) -> int:
        return len(self._questions)

    @property
    def current(self) -> QuestionView | None:
        """The question being asked or just asked; None before the first and after the end."""
        return None if self._state in (SessionState.LOBBY, SessionState.FINISHED) else self._view

    @property
    def has_next(self) -> bool:
        return self._index + 1 < len(self._questions)

    @property
    def closes_at(self) -> float:
        """When the open question closes for everyone (a clock reading); it may grow, not shrink."""
        return self._closes_at

    @property
    def all_answered(self) -> bool:
        """Every expected player has answered the open question (false with nobody expected)."""
        return bool(self._expected) and self._expected_answered == len(self._expected)

    @property
    def answered(self) -> int:
        return len(self._answers)

    @property
    def expected(self) -> int:
        return len(self._expected)

    @property
    def results(self) -> tuple[QuestionResult, ...]:
        return tuple(self._results)

    def has_player(self, player_id: int) -> bool:
        return self._roster.get(player_id) is not None

    def has_answered(self, player_id: int) -> bool:
        return self._state is SessionState.OPEN and player_id in self._answers

    def multiplier_of(self, player_id: int) -> float:
        return self._roster.multiplier_of(player_id)

    def deadline_for(self, player_id: int) -> float | None:
        """The player's own deadline for the open question; None when no question is open."""
        if self._state is not SessionState.OPEN or self._view is None:
            return None
        return self._view.deadline(self.multiplier_of(player_id))

    def time_left(self, player_id: int) -> float | None:
        """Seconds to the player's own deadline (negative once past); None when nothing is open."""
        deadline = self.deadline_for(player_id)
        return None if deadline is None else deadline - self._clock()

    def can_control(self, user_id: int) -> bool:
        """Whether the user started this quiz (front ends may also let moderators in)."""
        return user_id == self.started_by

    # --- players ---------------------------------------------------------------------------------

    def join(self, player_id: int, name: str, multiplier: float | None = None) -> None:
        """Join, or rejoin after leaving. Joining during a question lets the player answer it."""
        if self._state is SessionState.FINISHED:
            raise WrongState("The quiz is over.")
        m = check_multiplier(multiplier) if multiplier is not None else None
        player = self._roster.get(player_id)
        if player is None:
            opening = self._state is SessionState.OPEN
            player = self._roster.add(player_id, name, self._index if opening else self._index + 1)
        player.name = name
        player.active = True
        if m is not None:
            player.multiplier = m
        if self._state is SessionState.OPEN and player_id not in self._expected:
            self._expected.add(player_id)
            self._expected_answered += player_id in self._answers
        self._extend(player.multiplier)

    def accommodate(self, player_id: int, multiplier: float) -> None:
        """Give a student extra time (1.5, 2...), whether or not they have joined yet.

        A registered accommodation keeps each question open until that student's deadline, so a
        class that never joins still gets its extra time.
        """
        self._extend(self._roster.accommodate(player_id, multiplier))

    def leave(self, player_id: int) -> None:
        """Stop waiting for a player; their points stay. Answering again brings them back."""
        player = self._roster.get(player_id)
        if player is None or not player.active:
            return
        player.active = False
        if self._state is SessionState.OPEN and player_id in self._expected:
            self._expected.discard(player_id)
            self._expected_answered -= player_id in self._answers

    def _extend(self, multiplier: float) -> None:
        if self._state is SessionState.OPEN and self._view is not None:
            self._closes_at = max(self._closes_at, self._view.deadline(multiplier))

    # --- the question cycle ----------------------------------------------------------------------

    def start(self) -> QuestionView:
        """Ask the first question."""
        if self._state is not SessionState.LOBBY:
            raise WrongState("The quiz has already started.")
        self._started_at = self._clock()
        return self._open()

    def open_next(self) -> QuestionView:
        """Ask the next question (the first one, from the lobby)."""
        if self._state is SessionState.LOBBY:
            return self.start()
        if self._state is not SessionState.REVEALED:
            raise WrongState(wrong_state(self._state, "move on"))
        if not self.has_next:
            raise WrongState("That was the last question: finish the quiz.")
        return self._open()

    def _open(self) -> QuestionView:
        self._index += 1
        question = self._questions[self._index]
        order = display_order(question, self._rng, shuffle_choices=self.settings.shuffle_choices)
        options = display_options(question)
        seconds = float(self.settings.seconds or self.bank.seconds_for(question))
        longest = self._roster.longest_multiplier()
        now = self._clock()
        self._view = QuestionView(
            number=self._index + 1,
            total=len(self._questions),
            question=question,
            options=tuple(options[i] for i in order),
            order=tuple(order),
            seconds=seconds,
            opened_at=now,
            closes_at=now + seconds * longest,
        )
        self._answers = {}
        self._expected = self._roster.active_ids()
        self._expected_answered = 0
        self._closes_at = self._view.closes_at
        self._reason = None
        self._state = SessionState.OPEN
        return self._view

    def question(self, number: int) -> QuestionView:
        """Question `number` while it is open for answers; else NotAccepting, saying which way."""
        return open_question(self._state, self._view, number)

    def ready_for(self, player_id: int, number: int) -> tuple[QuestionView, float]:
        """Question `number` and the player's seconds left, if they may still answer it (a front
        end asks before opening a box to type into); else the refusal `submit` would give."""
        view, elapsed, multiplier = self._admit(player_id, number)
        return view, view.seconds * multiplier - elapsed

    def _admit(self, player_id: int, number: int | None) -> tuple[QuestionView, float, float]:
        view = self._view if number is None else open_question(self._state, self._view, number)
        if self._state is not SessionState.OPEN or view is None:
            raise NotAccepting(not_open(self._state))
        if player_id in self._answers:
            raise AlreadyAnswered("You have already answered: your first answer counts.")
        elapsed = self._clock() - view.opened_at
        multiplier = self.multiplier_of(player_id)
        if elapsed > view.seconds * multiplier:
            raise TooLate("Too late: time is up for this question.")
        return view, elapsed, multiplier

    def submit(
        self,
        player_id: int,
        answer: Answer,
        *,
        number: int | None = None,
        raw: str | None = None,
        name: str | None = None,
    ) -> Receipt:
        """Take a player's answer and lock it. Refusals lock nothing and say why.

        `number` is the question answered (a click on an older question's message is refused).
        Typed text for a choice, true/false or order question is read once, here, against the
        displayed options ("AC", "T", "B A C D"). `raw` is what to keep for the teacher (defaults
        to the typed text or the picked options' text); `name` names a player who never joined.
        """
        view, elapsed, multiplier = self._admit(player_id, number)
        if isinstance(answer, TextAnswer):
            raw = answer.raw if raw is None else raw
            if view.options:
                answer = view.read(answer.raw)
        correct = is_correct(view.question, answer)
        player = self._roster.get(player_id)
        if player is None:
            player = self._roster.add(player_id, name or str(player_id), self._index)
        player.active = True
        text = answer_text(view.question, answer) if raw is None else raw
        scoring = self.settings.scoring
        locked = lock(
            view, player, answer, text, correct, elapsed, multiplier, self._round, scoring
        )
        self._answers[player_id] = locked
        self._expected_answered += player_id in self._expected
        return locked.receipt(view, len(self._answers), len(self._expected), self.all_answered)

    def withdraw(self, player_id: int, number: int) -> bool:
        """Take back a locked answer to question `number` before its reveal (a front end could not
        keep it): it is then neither counted nor scored, and the player may answer again while
        the question is open. False when there was nothing to take back."""
        view = self._view
        if self._state not in (SessionState.OPEN, SessionState.CLOSED) or view is None:
            return False
        if view.number != number or player_id not in self._answers:
            return False
        del self._answers[player_id]
        self._expected_answered -= player_id in self._expected
        return True

    def tick(self) -> CloseReason | None:
        """Close the open question if its time is up or everyone expected has answered."""
        if self._state is not SessionState.OPEN:
            return None
        if self._clock() >= self._closes_at:
            reason = CloseReason.TIME_UP
        elif self.all_answered:
            reason = CloseReason.ALL_ANSWERED
        else:
            return None
        self.close(reason)
        return reason

    def close(self, reason: CloseReason = CloseReason.TEACHER) -> None:
        """Stop taking answers for the open question."""
        if self._state is not SessionState.OPEN:
            raise WrongState(wrong_state(self._state, "close the question"))
        self._reason = reason
        self._state = SessionState.CLOSED

    def reveal(self) -> QuestionResult:
        """Score the closed question: points, streaks, the distribution and who did not answer."""
        view = self._view
        if self._state is not SessionState.CLOSED or view is None or self._reason is None:
            raise WrongState(wrong_state(self._state, "reveal the answer"))
        outcomes = tuple(book(view, locked, self._round) for locked in self._answers.values())
        for player in self._roster:
            if (player.active and player.joined_at <= self._index) or player.id in self._answers:
                player.asked += 1
        result = QuestionResult(
            number=view.number,
            question=view.question,
            correct_text=view.question.correct_text(),
            distribution=distribution(
                view, ((p.answer, p.raw, p.correct) for p in self._answers.values())
            ),
            outcomes=outcomes,
            missing=tuple(sorted(self._expected - self._answers.keys())),
            reason=self._reason,
        )
        self._results.append(result)
        self._round += 1
        self._state = SessionState.REVEALED
        return result

    def skip(self) -> QuestionView | None:
        """Drop the current question unscored and ask the next; None when that was the last."""
        if self._state in (SessionState.OPEN, SessionState.CLOSED) and self._view is not None:
            self._skipped.append(self._view.id)
            self._answers = {}
        elif self._state is not SessionState.REVEALED:
            raise WrongState(wrong_state(self._state, "skip a question"))
        if self.has_next:
            return self._open()
        self._end(stopped=False)
        return None

    def stop(self) -> QuizResult:
        """End the quiz now; a question not yet revealed is dropped unscored."""
        if self._state is SessionState.FINISHED:
            raise WrongState("The quiz is already over.")
        dropped = self._state in (SessionState.OPEN, SessionState.CLOSED)
        if dropped and self._view is not None:
            self._skipped.append(self._view.id)
            self._answers = {}
        return self._end(stopped=dropped or self.has_next)

    def finish(self) -> QuizResult:
        """The result, once the last question is revealed (asking again returns the same result)."""
        if self._result is not None:
            return self._result
        if self._state is not SessionState.REVEALED or self.has_next:
            raise WrongState("Questions remain: stop the quiz to end it early.")
        return self._end(stopped=False)

    def _end(self, *, stopped: bool) -> QuizResult:
        self._state = SessionState.FINISHED
        now = self._clock()
        self._result = QuizResult(
            bank_id=self.bank.id,
            bank_title=self.bank.title,
            started_by=self.started_by,
            scoring=str(self.settings.scoring),
            seed=self.settings.seed,
            questions=tuple(self._results),
            skipped=tuple(self._skipped),
            standings=tuple(self.standings()),
            stopped=stopped,
            seconds=now - self._started_at if self._started_at is not None else 0.0,
        )
        return self._result

    def standings(self) -> list[Standing]:
        """Everyone who took part, best first; equal points share a rank ("1, 2, 2, 4")."""
        return self._roster.standings(self._round)
