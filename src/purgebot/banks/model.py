"""The question-bank model: what a loaded, valid bank is, as frozen dataclasses.

Everything here has already passed validation, so the engine, the bot and the importers can rely
on it: ids are unique, answers are among the choices, lists are non-empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, TypeAlias

from purgebot.banks import limits as L

FORMAT_VERSION = L.VERSION

QuestionType: TypeAlias = Literal["choice", "true_false", "short", "numeric", "order"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("choice", "true_false", "short", "numeric", "order")


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


# Limits a teacher's text must keep to, named for the importers and the bot; the table in
# limits.py is where they are set. render.py cuts to Discord's own limits on top of these.
MAX_PROMPT = L.PROMPT.max
MAX_CHOICE = L.CHOICE.max
MAX_EXPLANATION = L.EXPLANATION.max
MAX_QUOTE = L.QUOTE.max
MAX_NOTE = L.NOTE.max
MAX_TITLE = L.TITLE.max
MAX_DESCRIPTION = L.DESCRIPTION.max
MAX_TOPIC = L.TOPIC.max
MIN_CHOICES, MAX_CHOICES = L.CHOICES.lo, L.CHOICES.hi
MIN_SECONDS, MAX_SECONDS = L.SECONDS.lo, L.SECONDS.hi
DEFAULT_SECONDS = 20


@dataclass(frozen=True, slots=True)
class SourceInfo:
    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where the answer comes from: a source id declared in the bank, and the supporting words."""

    doc: str
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Defaults:
    seconds: int = DEFAULT_SECONDS
    difficulty: Difficulty | None = None
    topic: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """Fields every question type shares."""

    id: str
    prompt: str
    explanation: str | None = None
    source: SourceRef | None = None
    topic: str | None = None
    difficulty: Difficulty | None = None
    seconds: int | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    line: int = 0  # where the question starts in its YAML file (1-based), for messages

    @property
    def type(self) -> QuestionType:
        raise NotImplementedError

    def correct_text(self) -> str:
        """The correct answer as a student should read it at the reveal."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True, kw_only=True)
class ChoiceQuestion(Question):
    choices: tuple[str, ...]
    answers: frozenset[int]  # indexes into `choices`
    multi: bool = False

    @property
    def type(self) -> QuestionType:
        return "choice"

    def correct_text(self) -> str:
        return "; ".join(self.choices[i] for i in sorted(self.answers))


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalseQuestion(Question):
    answer: bool

    @property
    def type(self) -> QuestionType:
        return "true_false"

    def correct_text(self) -> str:
        return "True" if self.answer else "False"


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortQuestion(Question):
    answer: str
    accept: tuple[str, ...] = ()
    fuzzy: bool = False

    @property
    def type(self) -> QuestionType:
        return "short"

    def correct_text(self) -> str:
        return self.answer


@dataclass(frozen=True, slots=True)
class Tolerance:
    value: float = 0.0
    percent: bool = False

    def allows(self, answer: float, given: float) -> bool:
        margin = abs(answer) * self.value / 100 if self.percent else self.value
        return abs(given - answer) <= margin + 1e-9

    def __str__(self) -> str:
        return f"{self.value:g}%" if self.percent else f"{self.value:g}"


@dataclass(frozen=True, slots=True, kw_only=True)
class NumericQuestion(Question):
    answer: float
    tolerance: Tolerance = field(default_factory=Tolerance)
    unit: str | None = None

    @property
    def type(self) -> QuestionType:
        return "numeric"

    def correct_text(self) -> str:
        text = f"{self.answer:,.10g}" if abs(self.answer) >= 10_000 else f"{self.answer:g}"
        if self.tolerance.value:
            text += f" (±{self.tolerance})"
        return f"{text} {self.unit}" if self.unit else text


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderQuestion(Question):
    items: tuple[str, ...]  # in the correct order

    @property
    def type(self) -> QuestionType:
        return "order"

    def correct_text(self) -> str:
        return " → ".join(self.items)


AnyQuestion: TypeAlias = (
    ChoiceQuestion | TrueFalseQuestion | ShortQuestion | NumericQuestion | OrderQuestion
)


@dataclass(frozen=True, slots=True)
class KeyPoint:
    id: str
    point: str
    phrases: tuple[str, ...]
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class Misconception:
    """A wrong claim students make about a prompt's topic: the phrases that find it in an essay,
    the correction to show, and the source that settles it."""

    claim: str
    phrases: tuple[str, ...]
    correction: str
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EssayPrompt:
    id: str
    prompt: str
    key_points: tuple[KeyPoint, ...]
    guidance: str | None = None
    min_words: int | None = None
    max_words: int | None = None
    topic: str | None = None
    outline: tuple[str, ...] = ()
    model_answer: str | None = None
    misconceptions: tuple[Misconception, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Bank:
    id: str
    title: str
    description: str = ""
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    defaults: Defaults = field(default_factory=Defaults)
    questions: tuple[AnyQuestion, ...] = ()
    essays: tuple[EssayPrompt, ...] = ()
    declared_topics: tuple[str, ...] = ()  # `topics:`, the list a student revises by (may be empty)
    retired: tuple[str, ...] = ()  # question ids taken out for good: never to be reused
    path: str | None = None  # the file it was read from, when it was read from one

    def question(self, question_id: str) -> AnyQuestion:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def essay(self, essay_id: str) -> EssayPrompt:
        for e in self.essays:
            if e.id == essay_id:
                return e
        raise KeyError(essay_id)

    def seconds_for(self, question: Question) -> int:
        return question.seconds or self.defaults.seconds

    def topic_of(self, question: Question) -> str | None:
        return question.topic or self.defaults.topic

    def difficulty_of(self, question: Question) -> Difficulty | None:
        return question.difficulty or self.defaults.difficulty

    def topics(self) -> list[str]:
        return sorted({t for q in self.questions if (t := self.topic_of(q))})
