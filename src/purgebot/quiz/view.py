"""A question as the players see it: shuffled options, letters, and the way back to the bank.

Front ends only ever deal in DISPLAYED positions (button 2, letter "C"); the view turns those into
answers that speak of the ORIGINAL indexes, which is what matching, results and storage use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from purgebot.banks.model import AnyQuestion, ChoiceQuestion, OrderQuestion, TrueFalseQuestion
from purgebot.quiz.errors import UnknownOption
from purgebot.quiz.matching import (
    LETTERS,
    Answer,
    BoolAnswer,
    ChoicePick,
    OrderAnswer,
    TextAnswer,
    choice_by_text,
    parse_bool,
    parse_letters,
    parse_order,
)

TRUE_FALSE = ("True", "False")


@dataclass(frozen=True, slots=True)
class QuestionView:
    """One question as shown. `order[pos]` is the original index of the option shown at `pos`.

    Times are readings of the session's clock. `closes_at` is when the question closes for everyone
    as of opening (see `QuizSession.closes_at` for the live value, which grows if an accommodated
    student joins mid-question); each player's own deadline is `deadline(multiplier)`.
    """

    number: int  # 1-based
    total: int
    question: AnyQuestion
    options: tuple[str, ...]  # choices, order items or True/False, in display order; () when typed
    order: tuple[int, ...]
    seconds: float
    opened_at: float
    closes_at: float

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def multi(self) -> bool:
        return isinstance(self.question, ChoiceQuestion) and self.question.multi

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(LETTERS[: len(self.options)])

    def deadline(self, multiplier: float = 1.0) -> float:
        return self.opened_at + self.seconds * multiplier

    def original(self, position: int) -> int:
        """The bank index of the option shown at `position` (0-based)."""
        if not 0 <= position < len(self.order):
            raise UnknownOption("That option is not on this question.")
        return self.order[position]

    def position(self, original: int) -> int:
        """Where the bank's option `original` is shown (0-based)."""
        return self.order.index(original)

    def pick(self, positions: Iterable[int]) -> Answer:
        """Answer from clicked positions: a choice pick, or True/False for a true-false question."""
        chosen = frozenset(self.original(p) for p in positions)
        if isinstance(self.question, TrueFalseQuestion):
            if len(chosen) != 1:
                raise UnknownOption("Pick True or False.")
            return BoolAnswer(next(iter(chosen)) == 0)
        return ChoicePick(chosen)

    def ordering(self, positions: Iterable[int]) -> OrderAnswer:
        """Answer from displayed positions in the order the player put them."""
        return OrderAnswer(tuple(self.original(p) for p in positions))

    def read(self, raw: str) -> Answer:
        """Turn typed text into an answer: letters or option text, T/F, an ordering, or free text.

        Raises `AnswerRefused` when the text cannot be an answer to this question (e.g. "E" when
        there are four options), so nothing is locked.
        """
        q = self.question
        if isinstance(q, TrueFalseQuestion):
            return BoolAnswer(parse_bool(raw))
        if isinstance(q, OrderQuestion):
            return self.ordering(parse_order(raw, len(self.options)))
        if isinstance(q, ChoiceQuestion):
            return self._read_choice(q, raw)
        return TextAnswer(raw)

    def _read_choice(self, q: ChoiceQuestion, raw: str) -> Answer:
        original = choice_by_text(q.choices, raw)
        if original is not None:
            return ChoicePick(frozenset({original}))
        positions = parse_letters(raw, len(self.options), multi=q.multi)
        if positions is None:
            raise UnknownOption(
                f"That is not one of the options: answer with a letter from A to "
                f"{LETTERS[len(self.options) - 1]}."
            )
        return self.pick(positions)


def display_options(question: AnyQuestion) -> tuple[str, ...]:
    """The options of a question in the bank's own order (before shuffling)."""
    if isinstance(question, ChoiceQuestion):
        return question.choices
    if isinstance(question, OrderQuestion):
        return question.items
    if isinstance(question, TrueFalseQuestion):
        return TRUE_FALSE
    return ()
