"""A locked answer waiting for the reveal, and how the reveal books it.

Kept apart from the session so the state machine reads as rules: here is only the arithmetic of
one answer (speed points, streak, the player's running totals) and the record it leaves. An answer
is scored once, when it is locked: its streak depends only on questions already revealed, so the
points a front end stores at the click are the points the reveal gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from purgebot.quiz.matching import Answer
from purgebot.quiz.results import AnswerRecord, Receipt
from purgebot.quiz.roster import Player
from purgebot.quiz.scoring import Award, Scoring, award
from purgebot.quiz.view import QuestionView


@dataclass(slots=True)
class LockedAnswer:
    """Judged and scored at submit (so a refusal can be said at once); booked at the reveal."""

    player: Player
    answer: Answer
    raw: str
    correct: bool
    elapsed: float
    multiplier: float
    award: Award

    def receipt(
        self, view: QuestionView, answered: int, expected: int, all_answered: bool
    ) -> Receipt:
        """What the front end is told at once (and may store): final, but not for the player yet."""
        return Receipt(
            player_id=self.player.id,
            question_id=view.id,
            number=view.number,
            raw=self.raw,
            response_ms=round(self.elapsed * 1000),
            correct=self.correct,
            points=self.award.points,
            answered=answered,
            expected=expected,
            all_answered=all_answered,
        )


def lock(
    view: QuestionView,
    player: Player,
    answer: Answer,
    raw: str,
    correct: bool,
    elapsed: float,
    multiplier: float,
    round_: int,
    scoring: Scoring,
) -> LockedAnswer:
    """Score an answer as it is locked: the reveal of round `round_` will book exactly this."""
    got = award(
        correct=correct,
        elapsed=elapsed,
        limit=view.seconds,
        multiplier=multiplier,
        streak_before=player.streak_at(round_),
        scoring=scoring,
    )
    return LockedAnswer(player, answer, raw, correct, elapsed, multiplier, got)


def book(view: QuestionView, locked: LockedAnswer, round_: int) -> AnswerRecord:
    """Add the locked answer's points to the player's totals and streak, and record it."""
    player = locked.player
    got = locked.award
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
