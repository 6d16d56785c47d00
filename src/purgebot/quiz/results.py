"""What a quiz leaves behind: plain frozen records that front ends render and storage keeps.

Nothing here knows Discord or SQL; ids are plain ints (players) and strs (questions), times are in
milliseconds or in seconds of the session's clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from purgebot.banks.model import AnyQuestion


class SessionState(StrEnum):
    LOBBY = "lobby"  # created, no question asked yet; players may join
    OPEN = "open"  # a question takes answers
    CLOSED = "closed"  # time is up (or everyone answered); waiting for the reveal
    REVEALED = "revealed"  # answer shown, points given; next question or finish
    FINISHED = "finished"


class CloseReason(StrEnum):
    TIME_UP = "time_up"
    ALL_ANSWERED = "all_answered"
    TEACHER = "teacher"  # closed early by hand


@dataclass(frozen=True, slots=True)
class Receipt:
    """An answer was taken, locked and scored.

    `correct` and `points` are final (the reveal books exactly these), so a front end can store
    the answer at once; it must not show them to the player before the reveal.
    """

    player_id: int
    question_id: str
    number: int
    raw: str
    response_ms: int
    correct: bool
    points: int
    answered: int  # answers taken for this question so far
    expected: int  # players expected to answer (joined, or answered an earlier question)
    all_answered: bool


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One locked answer, scored: the line a teacher's report and the database keep."""

    question_id: str
    number: int
    player_id: int
    name: str
    raw: str  # as typed, or the text of the option(s) picked
    correct: bool
    points: int
    speed_points: int
    streak_bonus: int
    streak: int  # correct answers in a row, this one included (0 when wrong)
    response_ms: int
    multiplier: float


@dataclass(frozen=True, slots=True)
class OptionTally:
    """How many players gave one answer. `label` is the displayed letter for options, else ""."""

    label: str
    text: str
    count: int
    correct: bool


@dataclass(frozen=True, slots=True)
class QuestionResult:
    number: int
    question: AnyQuestion
    correct_text: str
    distribution: tuple[OptionTally, ...]  # options in display order, else most given first
    outcomes: tuple[AnswerRecord, ...]  # in the order answers arrived
    missing: tuple[int, ...]  # expected players who gave no answer
    reason: CloseReason

    @property
    def question_id(self) -> str:
        return self.question.id

    @property
    def answered(self) -> int:
        return len(self.outcomes)

    @property
    def correct_count(self) -> int:
        return sum(1 for o in self.outcomes if o.correct)


@dataclass(frozen=True, slots=True)
class Standing:
    """A player's place. `rank` is shared by equal points ("1, 2, 2, 4")."""

    rank: int
    player_id: int
    name: str
    points: int
    correct: int
    answered: int
    asked: int  # questions revealed while the player was in the quiz
    best_streak: int
    streak: int
    response_ms: int  # total over answered questions
    multiplier: float

    @property
    def accuracy(self) -> float:
        """Share of the questions asked that the player got right: what a teacher grades on."""
        return self.correct / self.asked if self.asked else 0.0


@dataclass(frozen=True, slots=True)
class QuizResult:
    bank_id: str
    bank_title: str
    started_by: int
    scoring: str
    seed: int | None
    questions: tuple[QuestionResult, ...]  # revealed questions, in order
    skipped: tuple[str, ...]  # ids of questions skipped or cut short by a stop
    standings: tuple[Standing, ...]
    stopped: bool  # ended by a teacher before the last question
    seconds: float  # from the first question opening to the end, on the session's clock

    @property
    def answers(self) -> tuple[AnswerRecord, ...]:
        return tuple(o for q in self.questions for o in q.outcomes)


def shared_ranks(points: Iterable[int]) -> list[int]:
    """Competition ranks for scores sorted best first: equal scores share a rank, the next skips."""
    ranks: list[int] = []
    previous: int | None = None
    for place, score in enumerate(points, start=1):
        ranks.append(ranks[-1] if score == previous else place)
        previous = score
    return ranks
