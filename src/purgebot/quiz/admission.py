"""Whether an answer may be taken now, and the words for every "no" of the session.

Kept beside the session so every front end refuses with the same reason: an answer names the
question it answers (a click on an older question's message is refused, never taken as an answer
to the newest), arrives while that question is open, and within the player's own time.
"""

from __future__ import annotations

from purgebot.quiz.errors import NotAccepting
from purgebot.quiz.results import SessionState
from purgebot.quiz.view import QuestionView

NEWEST = "That question is closed: answer the newest one."
WAIT = "This question is closed: wait for the next one."


def open_question(state: SessionState, view: QuestionView | None, number: int) -> QuestionView:
    """The open question if it is question `number`; else NotAccepting, saying which way to look."""
    if view is None or view.number != number or state is not SessionState.OPEN:
        if view is not None and number < view.number:
            raise NotAccepting(NEWEST)
        raise NotAccepting(WAIT)
    return view


def not_open(state: SessionState) -> str:
    return {
        SessionState.LOBBY: "The quiz has not started yet.",
        SessionState.CLOSED: WAIT,
        SessionState.REVEALED: WAIT,
        SessionState.FINISHED: "The quiz is over.",
    }.get(state, "No question is open.")


def wrong_state(state: SessionState, action: str) -> str:
    where = {
        SessionState.LOBBY: "the quiz has not started",
        SessionState.OPEN: "a question is still open",
        SessionState.CLOSED: "the answer has not been revealed yet",
        SessionState.REVEALED: "no question is open",
        SessionState.FINISHED: "the quiz is over",
    }[state]
    return f"Cannot {action}: {where}."
