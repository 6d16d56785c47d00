"""The game: answer matching, scoring and the session state machine; no Discord, no database.

The bot and `purgebot play` are two front ends over this package; both import from here.
"""

from purgebot.quiz.errors import (
    AlreadyAnswered,
    AnswerRefused,
    NoQuestions,
    NoSession,
    NotAccepting,
    QuizError,
    SessionRunning,
    TooLate,
    UnknownOption,
    WrongState,
)
from purgebot.quiz.matching import (
    Answer,
    BoolAnswer,
    ChoicePick,
    OrderAnswer,
    TextAnswer,
    is_correct,
    normalize,
    parse_number,
    parse_order,
)
from purgebot.quiz.registry import SessionRegistry
from purgebot.quiz.results import (
    AnswerRecord,
    CloseReason,
    OptionTally,
    QuestionResult,
    QuizResult,
    Receipt,
    SessionState,
    Standing,
)
from purgebot.quiz.scoring import Scoring, speed_points, streak_bonus
from purgebot.quiz.session import Clock, QuizSession, QuizSettings
from purgebot.quiz.view import QuestionView

__all__ = [
    "AlreadyAnswered",
    "Answer",
    "AnswerRecord",
    "AnswerRefused",
    "BoolAnswer",
    "ChoicePick",
    "Clock",
    "CloseReason",
    "NoQuestions",
    "NoSession",
    "NotAccepting",
    "OptionTally",
    "OrderAnswer",
    "QuestionResult",
    "QuestionView",
    "QuizError",
    "QuizResult",
    "QuizSession",
    "QuizSettings",
    "Receipt",
    "Scoring",
    "SessionRegistry",
    "SessionRunning",
    "SessionState",
    "Standing",
    "TextAnswer",
    "TooLate",
    "UnknownOption",
    "WrongState",
    "is_correct",
    "normalize",
    "parse_number",
    "parse_order",
    "speed_points",
    "streak_bonus",
]
