"""Shared pieces for the quiz tests: a hand-moved clock, a small bank, right and wrong answers."""

from __future__ import annotations

from purgebot.banks.model import (
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    Defaults,
    Difficulty,
    NumericQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from purgebot.quiz import (
    Answer,
    BoolAnswer,
    ChoicePick,
    OrderAnswer,
    QuestionView,
    QuizSession,
    QuizSettings,
    TextAnswer,
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


KIROV = ChoiceQuestion(
    id="kirov-victim",
    prompt="Who was shot in Leningrad on 1 December 1934?",
    choices=("Kirov", "Kamenev", "Zinoviev", "Bukharin"),
    answers=frozenset({0}),
    topic="kirov",
    difficulty=Difficulty.EASY,
    explanation="Sergei Kirov, the Leningrad party boss.",
)
CONGRESS_TF = TrueFalseQuestion(
    id="congress-vote", prompt="Kirov polled well at the 17th Congress.", answer=True
)
NKVD_HEAD = ShortQuestion(
    id="nkvd-1936", prompt="Who headed the NKVD from 1936?", answer="Yezhov", fuzzy=True
)
DELEGATES = NumericQuestion(
    id="delegates", prompt="How many delegates attended?", answer=1966, unit="delegates"
)
TRIALS = OrderQuestion(
    id="trials-order",
    prompt="Put the show trials in order.",
    items=("Zinoviev-Kamenev", "Pyatakov-Radek", "Bukharin-Rykov"),
    topic="trials",
    difficulty=Difficulty.HARD,
)
VICTIMS = ChoiceQuestion(
    id="victims-multi",
    prompt="Which were tried in 1936?",
    choices=("Zinoviev", "Bukharin", "Kamenev", "Yagoda"),
    answers=frozenset({0, 2}),
    multi=True,
)
ALL = (KIROV, CONGRESS_TF, NKVD_HEAD, DELEGATES, TRIALS, VICTIMS)


def make_bank(*questions: AnyQuestion) -> Bank:
    return Bank(
        id="test-bank",
        title="Test bank",
        defaults=Defaults(seconds=20, topic="congress"),
        questions=questions or ALL,
    )


def make_session(
    *questions: AnyQuestion, clock: Clock | None = None, seed: int = 1, **settings: object
) -> QuizSession:
    options: dict[str, object] = {"shuffle_questions": False, "seed": seed} | settings
    return QuizSession(
        make_bank(*questions),
        QuizSettings(**options),  # type: ignore[arg-type]
        clock=clock or Clock(),
        started_by=1,
    )


def right(view: QuestionView) -> Answer:
    """The correct answer as a front end would build it from the displayed options."""
    q = view.question
    if isinstance(q, ChoiceQuestion):
        return view.pick(view.position(i) for i in q.answers)
    if isinstance(q, TrueFalseQuestion):
        return BoolAnswer(q.answer)
    if isinstance(q, OrderQuestion):
        return view.ordering(view.position(i) for i in range(len(q.items)))
    if isinstance(q, ShortQuestion):
        return TextAnswer(q.answer)
    assert isinstance(q, NumericQuestion)
    return TextAnswer(str(int(q.answer)))


def wrong(view: QuestionView) -> Answer:
    q = view.question
    if isinstance(q, ChoiceQuestion):
        return ChoicePick(frozenset({next(i for i in range(len(q.choices)) if i not in q.answers)}))
    if isinstance(q, TrueFalseQuestion):
        return BoolAnswer(not q.answer)
    if isinstance(q, OrderQuestion):
        return OrderAnswer(tuple(reversed(range(len(q.items)))))
    return TextAnswer("Beria" if isinstance(q, ShortQuestion) else "12")
