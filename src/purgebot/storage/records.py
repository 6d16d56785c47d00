"""Plain records going in and out of the store.

They are the storage layer's own types, so storage depends on nothing above it: the bot maps engine
results and Discord objects to these. Times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Tally:
    """A count of answers and of the right ones, and so the accuracy every tally shows."""

    __slots__ = ()
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


class Period(StrEnum):
    """Leaderboard windows; a week starts Monday 00:00 UTC, a month on the 1st 00:00 UTC."""

    ALL = "all"
    WEEK = "week"
    MONTH = "month"


class Metric(StrEnum):
    POINTS = "points"
    ACCURACY = "accuracy"


class RunStatus(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"  # every question was played
    STOPPED = "stopped"  # ended early by a person
    ABORTED = "aborted"  # ended by a failure or a restart


class SaveOutcome(StrEnum):
    CREATED = "created"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    teacher_role_id: int | None = None
    defaults: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BankInfo:
    """An uploaded bank without its text, for listings."""

    guild_id: int
    bank_id: str
    sha256: str
    size: int
    uploader_id: int | None
    uploaded_at: datetime


@dataclass(frozen=True, slots=True)
class BankRecord:
    guild_id: int
    bank_id: str
    yaml_text: str
    sha256: str
    uploader_id: int | None
    uploaded_at: datetime


@dataclass(frozen=True, slots=True)
class RunRecord:
    run_id: int
    guild_id: int
    channel_id: int
    bank_id: str
    started_by: int | None
    started_at: datetime
    ended_at: datetime | None
    settings: Mapping[str, Any]
    status: RunStatus
    end_reason: str | None


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer attempt, as the engine judged it."""

    run_id: int
    guild_id: int
    user_id: int
    user_name: str
    question_id: str
    topic: str | None
    raw_answer: str
    correct: bool
    points: int
    response_ms: int
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class LeaderboardEntry(Tally):
    rank: int
    user_id: int
    user_name: str
    points: int
    answered: int
    correct: int


@dataclass(frozen=True, slots=True)
class LeaderboardPage:
    entries: tuple[LeaderboardEntry, ...]
    total: int  # students ranked in this period, over all pages
    offset: int
    limit: int
    period: Period
    metric: Metric
    since: datetime | None  # start of the period, None for all time


@dataclass(frozen=True, slots=True)
class TopicStats(Tally):
    topic: str | None
    answered: int
    correct: int


@dataclass(frozen=True, slots=True)
class RunSummary:
    """One run seen from one student: what they scored in it."""

    run_id: int
    bank_id: str
    channel_id: int
    started_at: datetime
    status: RunStatus
    answered: int
    correct: int
    points: int


@dataclass(frozen=True, slots=True)
class StudentStats(Tally):
    guild_id: int
    user_id: int
    user_name: str | None  # the latest name seen, None if they never answered
    answered: int
    correct: int
    points: int
    best_streak: int
    topics: tuple[TopicStats, ...]  # most answered first
    weakest_topics: tuple[TopicStats, ...]  # lowest accuracy first
    recent_runs: tuple[RunSummary, ...]  # newest first


@dataclass(frozen=True, slots=True)
class StudentRow(Tally):
    user_id: int
    user_name: str
    answered: int
    correct: int
    points: int
    number: int = 0  # the server's own number for the student (exports never show user_id)


@dataclass(frozen=True, slots=True)
class QuestionRow(Tally):
    bank_id: str
    question_id: str
    topic: str | None
    answered: int
    correct: int


@dataclass(frozen=True, slots=True)
class DeletionSummary:
    answers: int
    essays: int
    accommodations: int


@dataclass(frozen=True, slots=True)
class ResetSummary:
    answers: int
    runs: int


@dataclass(frozen=True, slots=True)
class NewEssay:
    """A submission as the essay drill hands it over; feedback is the analyser's JSON-able dict."""

    guild_id: int
    user_id: int
    user_name: str
    bank_id: str
    prompt_id: str
    text: str
    word_count: int
    feedback: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class EssayReview:
    submission_id: int
    score: float
    comment: str | None
    reviewer_id: int | None
    reviewed_at: datetime


@dataclass(frozen=True, slots=True)
class EssaySubmission(NewEssay):
    """A stored submission: the new essay as it was handed over, plus its number, time and mark."""

    submission_id: int
    submitted_at: datetime
    review: EssayReview | None
