"""The players of one quiz: who they are, their time multipliers, and their running totals.

Kept apart from the question cycle so the session reads as rules; everything here is a dict
look-up except what runs once per question (the longest multiplier) or once per standings.
"""

from __future__ import annotations

from collections.abc import Iterator

from purgebot.quiz.errors import QuizError
from purgebot.quiz.results import Standing, shared_ranks

MAX_MULTIPLIER = 4.0


def check_multiplier(multiplier: float) -> float:
    if not 1.0 <= multiplier <= MAX_MULTIPLIER:
        raise QuizError(f"A time multiplier must be between 1 and {MAX_MULTIPLIER:g}.")
    return float(multiplier)


class Player:
    """A player's mutable totals; the outside world only sees them as `Standing`s."""

    __slots__ = (
        "active", "answered", "asked", "best_streak", "correct", "id", "joined_at",
        "last_correct_round", "multiplier", "name", "points", "response_ms", "streak",
    )  # fmt: skip

    def __init__(self, player_id: int, name: str, multiplier: float, joined_at: int) -> None:
        self.id = player_id
        self.name = name
        self.multiplier = multiplier
        self.joined_at = joined_at  # index of the first question the player could answer
        self.active = True
        self.points = self.correct = self.answered = self.asked = self.response_ms = 0
        self.streak = self.best_streak = 0
        self.last_correct_round = -2  # the streak counts only if this is the previous round

    def streak_at(self, round_: int) -> int:
        """The run of correct answers still alive when round `round_` is scored."""
        return self.streak if self.last_correct_round == round_ - 1 else 0


class Roster:
    def __init__(self) -> None:
        self._players: dict[int, Player] = {}
        self._accommodations: dict[int, float] = {}

    def __iter__(self) -> Iterator[Player]:
        return iter(self._players.values())

    def __len__(self) -> int:
        return len(self._players)

    def get(self, player_id: int) -> Player | None:
        return self._players.get(player_id)

    def add(self, player_id: int, name: str, joined_at: int) -> Player:
        m = self._accommodations.get(player_id, 1.0)
        player = self._players[player_id] = Player(player_id, name, m, joined_at)
        return player

    def multiplier_of(self, player_id: int) -> float:
        player = self._players.get(player_id)
        return player.multiplier if player else self._accommodations.get(player_id, 1.0)

    def accommodate(self, player_id: int, multiplier: float) -> float:
        m = check_multiplier(multiplier)
        self._accommodations[player_id] = m
        if (player := self._players.get(player_id)) is not None:
            player.multiplier = m
        return m

    def active_ids(self) -> set[int]:
        return {p.id for p in self._players.values() if p.active}

    def longest_multiplier(self) -> float:
        """The largest multiplier of active players and registered accommodations (at least 1)."""
        return max(
            [
                1.0,
                *(p.multiplier for p in self._players.values() if p.active),
                *self._accommodations.values(),
            ]
        )

    def standings(self, round_: int) -> list[Standing]:
        """Best first; equal points share a rank, names break the tie only for display."""
        players = sorted(self._players.values(), key=lambda p: (-p.points, p.name.casefold(), p.id))
        ranks = shared_ranks(p.points for p in players)
        return [
            Standing(
                rank=rank,
                player_id=p.id,
                name=p.name,
                points=p.points,
                correct=p.correct,
                answered=p.answered,
                asked=p.asked,
                best_streak=p.best_streak,
                streak=p.streak_at(round_),
                response_ms=p.response_ms,
                multiplier=p.multiplier,
            )
            for rank, p in zip(ranks, players, strict=True)
        ]
