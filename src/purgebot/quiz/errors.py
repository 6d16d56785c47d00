"""Why the engine says no: small errors whose messages are written for the player or teacher."""

from __future__ import annotations

from purgebot.errors import UserFacingError


class QuizError(UserFacingError):
    """Base of every quiz-engine refusal, so a front end can catch them in one place."""


class AnswerRefused(QuizError):
    """An answer that was not taken: nothing is locked, the player may try again if time allows."""


class UnknownOption(AnswerRefused):
    """The answer names an option the question does not have."""


class AlreadyAnswered(AnswerRefused):
    """The first answer locks: a second one is refused."""


class TooLate(AnswerRefused):
    """The player's own deadline (their time limit times their multiplier) has passed."""


class NotAccepting(AnswerRefused):
    """No question is open for answers right now."""


class WrongState(QuizError):
    """A teacher action that does not fit where the quiz is (e.g. reveal before close)."""


class NoQuestions(QuizError):
    """The filters left no question to ask."""


class SessionRunning(QuizError):
    """A channel already has a quiz going: one at a time per channel."""


class NoSession(QuizError):
    """There is no quiz going in this channel."""
