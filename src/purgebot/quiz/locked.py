"""A locked answer waiting for the reveal, and how the reveal scores it.

Kept apart from the session so the state machine reads as rules: here is only the arithmetic of
one answer (speed points, streak, the player's running totals) and the record it leaves.
"""

from __future__ import annotations

from dataclasses import dataclass

from purgebot.quiz.matching import Answer
from purgebot.quiz.results import AnswerRecord
from purgebot.quiz.roster import Player
from purgebot.quiz.scoring import Scoring, award
from purgebot.quiz.view import QuestionView


@dataclass(slots=True)
class LockedAnswer:
    """Judged at submit (so a refusal can be said at once), scored at the reveal."""

    player: Player
    answer: Answer
    raw: str
    correct: bool
    elapsed: float
    multiplier: float


def score(view: QuestionView, locked: LockedAnswer, round_: int, scoring: Scoring) -> AnswerRecord:
    """Award the answer's points, carry the player's streak and totals, and record it."""
    player = locked.player
    got = award(
        correct=locked.correct,
        elapsed=locked.elapsed,
        limit=view.seconds,
        multiplier=locked.multiplier,
        streak_before=player.streak_at(round_),
        scoring=scoring,
    )
    ms = round(locked.elapsed * 1000)
    player.points += got.points
    player.answered += 1
    player.response_ms += ms
    player.streak = got.streak
    if locked.correct:
        player.correct += 1
        player.last_correct_round = round_
        player.best_streak = max(player.best_streak, got.streak)
    return AnswerRecord(
        question_id=view.id,
        number=view.number,
        player_id=player.id,
        name=player.name,
        raw=locked.raw,
        correct=locked.correct,
        points=got.points,
        speed_points=got.speed,
        streak_bonus=got.bonus,
        streak=got.streak,
        response_ms=ms,
        multiplier=locked.multiplier,
    )
