"""CSV for spreadsheets: UTF-8 with a byte-order mark, CRLF rows, and no formulas smuggled in.

A cell a student or teacher typed (a name, an answer, a comment) that starts with = + - @ or a
tab/CR would be run as a formula by Excel or LibreOffice; such cells get a leading apostrophe
(OWASP's advice). Numbers are written by us and left alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from purgebot.storage.records import EssaySubmission, QuestionRow, StudentRow

if TYPE_CHECKING:
    from purgebot.storage.reports import AnswerRow

BOM = "\ufeff"  # lets Excel read UTF-8 names (Ежов) instead of guessing a code page
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_000  # Excel refuses cells over 32,767 characters


def safe_text(value: str | None) -> str:
    """A user-typed cell, defused against formula injection and cut to a cell's limit (saying
    so, so a teacher reading a long essay knows the rest is in the bot, not lost)."""
    if not value:
        return ""
    text = value
    if len(text) > MAX_CELL:
        mark = f" […cut: {len(value):,} characters in all]"
        text = text[: MAX_CELL - len(mark)] + mark
    return "'" + text if text.startswith(_FORMULA_START) else text


def percent(correct: int, answered: int) -> str:
    return f"{100 * correct / answered:.1f}" if answered else ""


def timestamp(moment: datetime | None) -> str:
    """UTC, in the form every spreadsheet reads as a date and time."""
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def number(value: float) -> str:
    return f"{value:g}"


def to_csv(header: Sequence[str], rows: Iterable[Sequence[str | int]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return BOM + buffer.getvalue()


STUDENT_HEADER = ("student no.", "student", "answered", "correct", "accuracy %", "points")
QUESTION_HEADER = (
    "bank",
    "question",
    "question text",
    "topic",
    "answered",
    "correct",
    "% correct",
)
TIMELINE_HEADER = (
    "student no.",
    "student",
    "answered (UTC)",
    "run",
    "bank",
    "question",
    "question text",
    "topic",
    "answer",
    "right",
    "points",
    "seconds",
)
ESSAY_HEADER = (
    "submitted (UTC)",
    "student",
    "bank",
    "prompt",
    "words",
    "key points",
    "covered",
    "missed",
    "score",
    "comment",
    "reviewed (UTC)",
    "essay",
)


def students_csv(rows: Iterable[StudentRow]) -> str:
    return to_csv(
        STUDENT_HEADER,
        (
            (
                r.number,
                safe_text(r.user_name),
                r.answered,
                r.correct,
                percent(r.correct, r.answered),
                r.points,
            )
            for r in rows
        ),
    )


def questions_csv(
    rows: Iterable[QuestionRow], texts: Mapping[tuple[str, str], str] | None = None
) -> str:
    """One row per question; `texts` (bank id, question id) -> wording, from the banks."""
    texts = texts or {}
    return to_csv(
        QUESTION_HEADER,
        (
            (
                safe_text(r.bank_id),
                safe_text(r.question_id),
                safe_text(texts.get((r.bank_id, r.question_id), "")),
                safe_text(r.topic),
                r.answered,
                r.correct,
                percent(r.correct, r.answered),
            )
            for r in rows
        ),
    )


def seconds(ms: float) -> str:
    return f"{ms / 1000:.1f}"


def grid_csv(
    students: Sequence[StudentRow],
    questions: Sequence[QuestionRow],
    answers: Iterable[AnswerRow],
) -> str:
    """Student × question: for each question, times right, points and mean seconds (one answer
    each in a run, so right is 1 or 0); blank where the student gave no answer."""
    several_banks = len({q.bank_id for q in questions}) > 1
    keys = [(q.bank_id, q.question_id) for q in questions]
    cells: dict[tuple[int, str, str], list[tuple[bool, int, int]]] = {}
    for a in answers:
        cells.setdefault((a.user_id, a.bank_id, a.question_id), []).append(
            (a.correct, a.points, a.response_ms)
        )
    header: list[str] = ["student no.", "student"]
    for bank, qid in keys:
        name = f"{bank}/{qid}" if several_banks else qid
        header += [safe_text(f"{name} right"), safe_text(f"{name} points")]
        header.append(safe_text(f"{name} seconds"))

    def row(s: StudentRow) -> list[str | int]:
        out: list[str | int] = [s.number, safe_text(s.user_name)]
        for bank, qid in keys:
            got = cells.get((s.user_id, bank, qid))
            if not got:
                out += ["", "", ""]
                continue
            out.append(sum(1 for c in got if c[0]))
            out.append(sum(c[1] for c in got))
            out.append(seconds(sum(c[2] for c in got) / len(got)))
        return out

    return to_csv(header, (row(s) for s in students))


def timeline_csv(answers: Iterable[AnswerRow], texts: Mapping[tuple[str, str], str]) -> str:
    """Every answer, student by student (by number), oldest first within each student."""
    ordered = sorted(answers, key=lambda a: (a.number, a.answered_at))
    return to_csv(
        TIMELINE_HEADER,
        (
            (
                a.number,
                safe_text(a.user_name),
                timestamp(a.answered_at),
                a.run_id,
                safe_text(a.bank_id),
                safe_text(a.question_id),
                safe_text(texts.get((a.bank_id, a.question_id), "")),
                safe_text(a.topic),
                safe_text(a.raw_answer),
                int(a.correct),
                a.points,
                seconds(a.response_ms),
            )
            for a in ordered
        ),
    )


def _point_ids(feedback: Mapping[str, Any], key: str) -> list[str] | None:
    value = feedback.get(key)
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return None


def essays_csv(rows: Iterable[EssaySubmission]) -> str:
    """One row per submission; the feedback summary comes from its `covered`/`missed` lists."""

    def row(s: EssaySubmission) -> tuple[str | int, ...]:
        covered = _point_ids(s.feedback, "covered")
        missed = _point_ids(s.feedback, "missed")
        tally = (
            f"{len(covered)} of {len(covered) + len(missed)}"  # "3/5" would open as a date
            if covered is not None and missed is not None
            else ""
        )
        review = s.review
        return (
            timestamp(s.submitted_at),
            safe_text(s.user_name),
            safe_text(s.bank_id),
            safe_text(s.prompt_id),
            s.word_count,
            tally,
            safe_text(", ".join(covered or [])),
            safe_text(", ".join(missed or [])),
            number(review.score) if review else "",
            safe_text(review.comment) if review else "",
            timestamp(review.reviewed_at) if review else "",
            safe_text(s.text),
        )

    return to_csv(ESSAY_HEADER, (row(s) for s in rows))
