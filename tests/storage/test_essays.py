"""Essays: stored with their feedback, queued oldest first, reviewed, listed, and in the CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from storage_helpers import GUILD, OTHER_GUILD, TEACHER, FakeClock

from purgebot.storage import NewEssay, Store, SubmissionNotFoundError

FEEDBACK = {
    "prompt": "yezhov-responsibility",
    "words": 6,
    "covered": ["order-00447", "quotas"],
    "missed": ["stalin-signature"],
    "evidence": ["30 July 1937"],
}


def essay(user_id: int, name: str, text: str, prompt: str = "yezhov-responsibility") -> NewEssay:
    return NewEssay(GUILD, user_id, name, "purges", prompt, text, len(text.split()), FEEDBACK)


async def test_queue_is_oldest_first_and_reviews_leave_it(store: Store, clock: FakeClock) -> None:
    first = await store.submit_essay(essay(1, "Ana", "Order 00447 set quotas."))
    clock.advance(minutes=5)
    second = await store.submit_essay(essay(2, "Boris", "Yezhov followed orders."))
    clock.advance(minutes=5)
    third = await store.submit_essay(essay(1, "Ana", "Second try.", prompt="kirov"))
    await store.submit_essay(
        NewEssay(OTHER_GUILD, 3, "Other", "purges", "kirov", "Elsewhere.", 1, {})
    )

    assert first.feedback == FEEDBACK
    assert first.submitted_at == datetime(2024, 3, 13, 12, 0, tzinfo=UTC)
    assert first.review is None
    queue = await store.essay_queue(GUILD)
    assert [s.submission_id for s in queue] == [
        first.submission_id,
        second.submission_id,
        third.submission_id,
    ]
    assert await store.pending_essays(GUILD) == 3
    assert [s.submission_id for s in await store.essay_queue(GUILD, limit=1, offset=1)] == [
        second.submission_id
    ]

    clock.advance(hours=1)
    review = await store.review_essay(GUILD, first.submission_id, 7.5, "Good use of 00447", TEACHER)
    assert (review.score, review.comment, review.reviewed_at) == (
        7.5,
        "Good use of 00447",
        datetime(2024, 3, 13, 13, 10, tzinfo=UTC),
    )
    assert [s.submission_id for s in await store.essay_queue(GUILD)] == [
        second.submission_id,
        third.submission_id,
    ]
    assert await store.pending_essays(GUILD) == 2
    # a second review replaces the first
    await store.review_essay(GUILD, first.submission_id, 8, None, TEACHER)
    stored = await store.get_submission(GUILD, first.submission_id)
    assert stored is not None
    assert stored.review is not None
    assert (stored.review.score, stored.review.comment) == (8.0, None)


async def test_a_student_sees_their_own_submissions_newest_first(
    store: Store, clock: FakeClock
) -> None:
    first = await store.submit_essay(essay(1, "Ana", "One."))
    clock.advance(minutes=1)
    await store.submit_essay(essay(2, "Boris", "Not Ana's."))
    clock.advance(minutes=1)
    latest = await store.submit_essay(essay(1, "Ana", "Two."))
    await store.review_essay(GUILD, first.submission_id, 6, "Needs evidence", TEACHER)
    mine = await store.student_essays(GUILD, 1)
    assert [(s.submission_id, s.text) for s in mine] == [
        (latest.submission_id, "Two."),
        (first.submission_id, "One."),
    ]
    assert mine[0].review is None
    assert mine[1].review is not None
    assert mine[1].review.comment == "Needs evidence"


async def test_another_servers_submission_cannot_be_reviewed_or_read(store: Store) -> None:
    theirs = await store.submit_essay(
        NewEssay(OTHER_GUILD, 3, "Other", "purges", "kirov", "Elsewhere.", 1, {})
    )
    with pytest.raises(SubmissionNotFoundError):
        await store.review_essay(GUILD, theirs.submission_id, 5, None, TEACHER)
    assert await store.get_submission(GUILD, theirs.submission_id) is None
    with pytest.raises(SubmissionNotFoundError):
        await store.review_essay(GUILD, 999_999, 5, None, TEACHER)


async def test_essay_csv_has_feedback_summary_and_review(store: Store, clock: FakeClock) -> None:
    text = '=cmd| Order 00447, signed 30 July 1937,\nset "limits" by region.'
    reviewed = await store.submit_essay(essay(1, "Ана", text))
    clock.advance(days=2)
    await store.submit_essay(
        NewEssay(GUILD, 2, "@boris", "purges", "kirov", "Kirov.", 1, {"note": "no points"})
    )
    clock.advance(hours=1)
    await store.review_essay(GUILD, reviewed.submission_id, 7, "-see Conquest", TEACHER)

    report = await store.essay_report(GUILD)
    assert report.csv().startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(report.csv().removeprefix("\ufeff"), newline="")))
    assert rows[0] == [
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
    ]
    assert rows[1] == [
        "2024-03-13 12:00:00",
        "Ана",
        "purges",
        "yezhov-responsibility",
        "11",
        "2 of 3",
        "order-00447, quotas",
        "stalin-signature",
        "7",
        "'-see Conquest",
        "2024-03-15 13:00:00",
        "'" + text,  # the newline and quotes survive the round trip
    ]
    assert rows[2][:9] == ["2024-03-15 12:00:00", "'@boris", "purges", "kirov", "1", "", "", "", ""]
    assert len(rows) == 3

    later = await store.essay_report(GUILD, start=datetime(2024, 3, 14, tzinfo=UTC))
    assert [s.user_name for s in later.submissions] == ["@boris"]
    earlier = await store.essay_report(GUILD, end=datetime(2024, 3, 14, tzinfo=UTC))
    assert [s.user_name for s in earlier.submissions] == ["Ана"]


async def test_an_essay_too_long_for_a_spreadsheet_cell_says_it_was_cut(store: Store) -> None:
    text = "Stalin signed the lists. " * 2000  # 50,000 characters; a cell holds 32,767
    await store.submit_essay(essay(1, "Ана", text))
    report = await store.essay_report(GUILD)
    rows = list(csv.reader(io.StringIO(report.csv().removeprefix("\ufeff"), newline="")))
    cell = rows[1][-1]
    assert len(cell) <= 32_767
    assert cell.endswith(" […cut: 50,000 characters in all]")
    assert text.startswith(cell.removesuffix(" […cut: 50,000 characters in all]"))
