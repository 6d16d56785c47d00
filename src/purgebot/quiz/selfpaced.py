"""A private quiz for one student at their own pace: homework, practice and review.

The same pieces as the live quiz (question selection, shuffled options, matching, speed scoring,
the accommodation multiplier, streaks), arranged for one player whose state is small enough to
store after every answer: which question they are on, when it was shown, their streak. Nothing
here waits: the front end shows a question, and the next click, however much later, is judged
against the time it was shown. A click after the student's own deadline scores as no answer.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from purgebot.banks.model import AnyQuestion, Bank
from purgebot.quiz.errors import AlreadyAnswered, NotAccepting, QuizError
from purgebot.quiz.matching import Answer, TextAnswer, answer_text, is_correct
from purgebot.quiz.roster import check_multiplier
from purgebot.quiz.scoring import Scoring, award
from purgebot.quiz.selection import QuizSettings, display_order, select_questions
from purgebot.quiz.view import QuestionView, display_options

NO_ANSWER = "(no answer in time)"


class Mode(StrEnum):
    """Why a run was played; stored with the run so boards can tell them apart."""

    LIVE = "live"
    HOMEWORK = "homework"
    PRACTICE = "practice"
    REVIEW = "review"


POINTS_COUNT = {Mode.LIVE: True, Mode.HOMEWORK: True, Mode.PRACTICE: False, Mode.REVIEW: False}


def plan(bank: Bank, settings: QuizSettings, rng: random.Random) -> tuple[str, ...]:
    """The question ids one attempt asks, in order (the live quiz's selection rule)."""
    return tuple(q.id for q in select_questions(bank, settings, rng))


def usable(bank: Bank, question_ids: Sequence[str]) -> tuple[str, ...]:
    """The ids still in the bank (a question removed since the plan is skipped)."""
    known = {q.id for q in bank.questions}
    return tuple(q for q in question_ids if q in known)


def streak_of(results: Sequence[bool]) -> int:
    """The run of right answers at the end: what the next right answer builds on."""
    streak = 0
    for correct in results:
        streak = streak + 1 if correct else 0
    return streak


@dataclass(frozen=True, slots=True)
class Outcome:
    """One judged answer, ready to store and to show."""

    view: QuestionView
    raw: str
    correct: bool
    points: int
    elapsed: float
    late: bool
    streak: int


@dataclass(slots=True)
class SoloRun:
    """One student's attempt. `position` is the 0-based question being asked (or next);
    `opened_at` is when it was shown (None: not shown yet); `answered_current` says whether
    it has been answered (so the next click shows the next question)."""

    bank: Bank
    question_ids: tuple[str, ...]
    seed: int
    multiplier: float = 1.0
    seconds: float | None = None
    scoring: Scoring = Scoring.SPEED
    count_points: bool = True
    position: int = 0
    opened_at: float | None = None
    answered_current: bool = False
    streak: int = 0

    def __post_init__(self) -> None:
        self.multiplier = check_multiplier(self.multiplier)
        if not self.question_ids:
            raise QuizError("This quiz has no questions left.")

    @property
    def total(self) -> int:
        return len(self.question_ids)

    @property
    def done(self) -> bool:
        return self.position >= self.total or (
            self.position == self.total - 1 and self.answered_current
        )

    def question(self, position: int) -> AnyQuestion:
        return self.bank.question(self.question_ids[position])

    def view(self, position: int, opened_at: float) -> QuestionView:
        """Question `position` as shown: the option order depends only on the seed and the
        position, so it is the same after a restart."""
        question = self.question(position)
        rng = random.Random(self.seed * 1009 + position)
        order = display_order(question, rng, shuffle_choices=True)
        options = display_options(question)
        seconds = float(self.seconds or self.bank.seconds_for(question))
        return QuestionView(
            number=position + 1,
            total=self.total,
            question=question,
            options=tuple(options[i] for i in order),
            order=tuple(order),
            seconds=seconds,
            opened_at=opened_at,
            closes_at=opened_at + seconds * self.multiplier,
        )

    def show_next(self, now: float) -> QuestionView:
        """Open the next question (or show the open one again, timer unchanged)."""
        if self.opened_at is not None and not self.answered_current:
            return self.view(self.position, self.opened_at)
        if self.opened_at is not None:
            self.position += 1
        if self.position >= self.total:
            raise NotAccepting("You have answered every question.")
        self.opened_at, self.answered_current = now, False
        return self.view(self.position, now)

    def current(self, number: int) -> QuestionView:
        """The open question, if it is question `number`; refuses an old or answered one."""
        if self.opened_at is None or number != self.position + 1:
            raise NotAccepting("That question is not the one you are on: use the newest message.")
        if self.answered_current:
            raise AlreadyAnswered(
                "You have already answered this question: your first answer counts."
            )
        return self.view(self.position, self.opened_at)

    def deadline(self) -> float | None:
        if self.opened_at is None or self.answered_current:
            return None
        return self.view(self.position, self.opened_at).deadline(self.multiplier)

    def answer(self, number: int, answer: Answer | None, now: float) -> Outcome:
        """Judge and score an answer to question `number`; None (or a late one) is no answer."""
        view = self.current(number)
        elapsed = max(0.0, now - view.opened_at)
        late = answer is None or elapsed > view.seconds * self.multiplier
        raw = NO_ANSWER
        correct = False
        if not late and answer is not None:
            raw = (
                answer.raw if isinstance(answer, TextAnswer) else answer_text(view.question, answer)
            )
            if isinstance(answer, TextAnswer) and view.options:
                answer = view.read(answer.raw)
            correct = is_correct(view.question, answer)
        got = award(
            correct=correct,
            elapsed=elapsed,
            limit=view.seconds,
            multiplier=self.multiplier,
            streak_before=self.streak,
            scoring=self.scoring,
        )
        self.streak = got.streak
        self.answered_current = True
        points = got.points if self.count_points else 0
        return Outcome(view, raw, correct, points, elapsed, late, got.streak)

    def expire(self, now: float) -> Outcome | None:
        """If the open question's time ran out unanswered, record it as no answer."""
        deadline = self.deadline()
        if deadline is None or now <= deadline:
            return None
        return self.answer(self.position + 1, None, now)
