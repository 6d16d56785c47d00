"""How a class answered one question: the per-option counts shown at the reveal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from purgebot.banks.model import AnyQuestion, ChoiceQuestion, NumericQuestion, TrueFalseQuestion
from purgebot.quiz.errors import AnswerRefused
from purgebot.quiz.matching import (
    Answer,
    BoolAnswer,
    ChoicePick,
    OrderAnswer,
    TextAnswer,
    normalize,
    numeric_value,
)
from purgebot.quiz.results import OptionTally
from purgebot.quiz.view import QuestionView


def distribution(
    view: QuestionView, answers: Iterable[tuple[Answer, str, bool]]
) -> tuple[OptionTally, ...]:
    """Options in display order with their counts (a multi pick counts for each option picked);
    typed answers grouped by what they mean, most given first, shown as first typed.

    `answers` holds (answer, raw text, correct) in arrival order.
    """
    q = view.question
    if isinstance(q, ChoiceQuestion | TrueFalseQuestion):
        counts: Counter[int] = Counter()
        for answer, _, _ in answers:
            if isinstance(answer, ChoicePick):
                counts.update(answer.indices)
            elif isinstance(answer, BoolAnswer):
                counts[0 if answer.value else 1] += 1
        right = q.answers if isinstance(q, ChoiceQuestion) else {0 if q.answer else 1}
        return tuple(
            OptionTally(view.letters[pos], view.options[pos], counts[orig], orig in right)
            for pos, orig in enumerate(view.order)
        )
    tallies: Counter[object] = Counter()
    shown: dict[object, tuple[str, bool]] = {}
    for answer, raw, correct in answers:
        key = _meaning(q, answer)
        tallies[key] += 1
        shown.setdefault(key, (raw, correct))
    return tuple(
        OptionTally("", shown[key][0], n, shown[key][1]) for key, n in tallies.most_common()
    )


def _meaning(question: AnyQuestion, answer: Answer) -> object:
    """Answers that mean the same thing count together ("1,108" and "1108")."""
    if isinstance(answer, OrderAnswer):
        return answer.sequence
    if isinstance(answer, TextAnswer):
        if isinstance(question, NumericQuestion):
            try:
                return numeric_value(question, answer.raw)
            except AnswerRefused:
                pass
        return normalize(answer.raw)
    return answer
