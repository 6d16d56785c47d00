"""What each chart plots, as plain numbers, and the same numbers in words for screen readers.

Every value is counted from the rows a `Report` holds (the rows its CSV files are written from),
so a chart and its spreadsheet never disagree. A `Chart` knows nothing of drawing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from purgebot.storage import AnswerRow, QuestionRow, Report, StudentRow

MAX_BARS = 25  # more would be unreadable at chat size; the description says what was left out
LABEL_CHARS = 40
ALT_TEXT_CHARS = 1024  # Discord's limit for an attachment's description


class Kind(StrEnum):
    SHARE = "share"  # horizontal bars, 0-100 % right
    COUNT = "count"  # vertical bars of how many
    TREND = "trend"  # a line of % right over time


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar (or point): `value` is a share (0-1) for SHARE/TREND, a count for COUNT."""

    label: str
    value: float
    correct: int = 0
    answered: int = 0

    def words(self, kind: Kind) -> str:
        if kind is Kind.COUNT:
            return f"{self.label}: {self.value:g}"
        return f"{self.label}: {100 * self.value:.0f}% ({self.correct} of {self.answered})"


@dataclass(frozen=True, slots=True)
class Panel:
    title: str
    kind: Kind
    bars: tuple[Bar, ...]
    left_out: int = 0  # bars not drawn (over MAX_BARS)
    axis: str = ""  # the y axis of a COUNT panel

    def words(self) -> str:
        if not self.bars:
            return f"{self.title}: nothing yet."
        more = f"; {self.left_out} more not shown" if self.left_out else ""
        return f"{self.title}: " + "; ".join(b.words(self.kind) for b in self.bars) + more + "."


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    panels: tuple[Panel, ...]
    filename: str

    def description(self, limit: int = ALT_TEXT_CHARS) -> str:
        """The chart in words: what a screen reader reads in place of the picture."""
        text = f"{self.title}. " + " ".join(p.words() for p in self.panels)
        return text if len(text) <= limit else text[: limit - 1] + "…"

    @property
    def empty(self) -> bool:
        return not any(p.bars for p in self.panels)


def _cut(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _share(label: str, correct: int, answered: int) -> Bar:
    return Bar(_cut(label), correct / answered if answered else 0.0, correct, answered)


def _panel(title: str, kind: Kind, bars: Sequence[Bar], axis: str = "") -> Panel:
    return Panel(title, kind, tuple(bars[:MAX_BARS]), max(0, len(bars) - MAX_BARS), axis)


def question_label(q: QuestionRow, texts: Mapping[tuple[str, str], str], number: int) -> str:
    text = texts.get((q.bank_id, q.question_id))
    return f"Q{number} {text}" if text else f"Q{number} {q.question_id}"


def share_right_by_question(
    questions: Sequence[QuestionRow], texts: Mapping[tuple[str, str], str]
) -> list[Bar]:
    """Per question, in the order played: the share of answers that were right."""
    return [
        _share(question_label(q, texts, i), q.correct, q.answered)
        for i, q in enumerate(questions, start=1)
    ]


def score_distribution(students: Sequence[StudentRow], bins: int = 6) -> list[Bar]:
    """How many students scored in each band of points (equal bands from 0 to the best)."""
    if not students:
        return []
    best = max(s.points for s in students)
    width = max(1, -(-(best + 1) // bins))  # ceiling: every score falls in a band
    counts = [0] * bins
    for s in students:
        counts[min(bins - 1, max(0, s.points) // width)] += 1
    return [
        Bar(f"{i * width:,}–{(i + 1) * width - 1:,}", counts[i])
        for i in range(bins)
        if i * width <= best
    ]


def accuracy_by_topic(answers: Iterable[AnswerRow]) -> list[Bar]:
    """Per topic, most answered first: the share right."""
    tally: dict[str, list[int]] = {}
    for a in answers:
        seen = tally.setdefault(a.topic or "no topic", [0, 0])
        seen[0] += a.correct
        seen[1] += 1
    ordered = sorted(tally.items(), key=lambda kv: (-kv[1][1], kv[0]))
    return [_share(topic, c, n) for topic, (c, n) in ordered]


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def accuracy_by_week(answers: Iterable[AnswerRow]) -> list[Bar]:
    """Per week (Monday, UTC) with answers, oldest first: the share right."""
    tally: dict[date, list[int]] = {}
    for a in answers:
        seen = tally.setdefault(week_of(a.answered_at.date()), [0, 0])
        seen[0] += a.correct
        seen[1] += 1
    return [_share(f"{week:%d %b %Y}", c, n) for week, (c, n) in sorted(tally.items())]


def most_missed(
    questions: Sequence[QuestionRow], texts: Mapping[tuple[str, str], str], limit: int = 5
) -> list[Bar]:
    """The questions most often answered wrong, lowest share right first (ties: most answered)."""
    numbered = [(i, q) for i, q in enumerate(questions, start=1) if q.correct < q.answered]
    numbered.sort(key=lambda iq: (iq[1].accuracy, -iq[1].answered, iq[0]))
    return [_share(question_label(q, texts, i), q.correct, q.answered) for i, q in numbered[:limit]]


def quiz_chart(report: Report, texts: Mapping[tuple[str, str], str], run_id: int) -> Chart:
    """After a quiz: per question the share right, and how the scores spread."""
    return Chart(
        f"Quiz #{run_id} results",
        (
            _panel(
                "Share right by question",
                Kind.SHARE,
                share_right_by_question(report.questions, texts),
            ),
            _panel("Scores", Kind.COUNT, score_distribution(report.students), "students"),
        ),
        f"quiz-{run_id}-results.png",
    )


def student_chart(answers: Sequence[AnswerRow], name: str) -> Chart:
    """A student's own accuracy by topic and over time."""
    return Chart(
        f"{name}: accuracy",
        (
            _panel("Accuracy by topic", Kind.SHARE, accuracy_by_topic(answers)),
            _panel("Accuracy by week", Kind.TREND, accuracy_by_week(answers)),
        ),
        "stats.png",
    )


def class_chart(report: Report, texts: Mapping[tuple[str, str], str], scope: str) -> Chart:
    """A class over a period: accuracy by topic and by week, and the questions most missed."""
    return Chart(
        f"Results · {scope}",
        (
            _panel("Accuracy by topic", Kind.SHARE, accuracy_by_topic(report.answers)),
            _panel("Accuracy by week", Kind.TREND, accuracy_by_week(report.answers)),
            _panel("Most missed questions", Kind.SHARE, most_missed(report.questions, texts)),
        ),
        "results.png",
    )
