"""Which questions a quiz asks, and in which order its options are shown.

All shuffling draws from the session's injected random source, so one seed replays one quiz.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from purgebot.banks.model import (
    MAX_SECONDS,
    MIN_SECONDS,
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    Difficulty,
    OrderQuestion,
)
from purgebot.quiz.errors import NoQuestions, QuizError
from purgebot.quiz.scoring import Scoring


@dataclass(frozen=True, slots=True)
class QuizSettings:
    """How a teacher set the quiz up. `count=None` asks every matching question.

    `seconds` overrides every question's own limit. `seed` is recorded with the result; a session
    given no random source of its own seeds one from it.
    """

    count: int | None = None
    seconds: int | None = None
    topic: str | None = None
    difficulty: Difficulty | None = None
    scoring: Scoring = Scoring.SPEED
    seed: int | None = None
    shuffle_choices: bool = True
    shuffle_questions: bool = True

    def __post_init__(self) -> None:
        if self.count is not None and self.count < 1:
            raise QuizError("A quiz needs at least one question.")
        if self.seconds is not None and not MIN_SECONDS <= self.seconds <= MAX_SECONDS:
            raise QuizError(f"Time per question must be {MIN_SECONDS} to {MAX_SECONDS} seconds.")


def select_questions(
    bank: Bank, settings: QuizSettings, rng: random.Random
) -> tuple[AnyQuestion, ...]:
    """The bank's questions matching the topic and difficulty, shuffled, cut to the count."""
    chosen = list(bank.questions)
    if settings.topic:
        wanted = settings.topic.casefold()
        chosen = [q for q in chosen if (bank.topic_of(q) or "").casefold() == wanted]
    if settings.difficulty:
        chosen = [q for q in chosen if bank.difficulty_of(q) == settings.difficulty]
    if not chosen:
        raise NoQuestions(_nothing_matches(bank, settings))
    if settings.shuffle_questions:
        rng.shuffle(chosen)
    return tuple(chosen[: settings.count])


def _nothing_matches(bank: Bank, settings: QuizSettings) -> str:
    wanted = " and ".join(
        f"{label} “{value}”"
        for label, value in (("topic", settings.topic), ("difficulty", settings.difficulty))
        if value
    )
    if not wanted:
        return f"“{bank.title}” has no questions."
    message = f"No question in “{bank.title}” has {wanted}."
    if topics := bank.topics():
        message += " Topics: " + ", ".join(topics) + "."
    return message


def display_order(question: AnyQuestion, rng: random.Random, *, shuffle_choices: bool) -> list[int]:
    """Original indexes in the order to show them. Order items never start out already in order."""
    if isinstance(question, OrderQuestion):
        order = list(range(len(question.items)))
        identity = order[:]
        while order == identity:
            rng.shuffle(order)
        return order
    if isinstance(question, ChoiceQuestion):
        order = list(range(len(question.choices)))
        if shuffle_choices:
            rng.shuffle(order)
        return order
    return [0, 1] if question.type == "true_false" else []
