"""Server state (settings, banks, accommodations, key-value, runs) and the two ways of forgetting."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime

import pytest
from storage_helpers import CHANNEL, GUILD, OTHER_GUILD, TEACHER, FakeClock, committed, player

from purgebot.storage import (
    AnswerRecord,
    GuildSettings,
    NewEssay,
    Period,
    RunStatus,
    SaveOutcome,
    Store,
)

BANK = "bank: purges\ntitle: The purges\n"


async def test_settings_default_then_saved(store: Store) -> None:
    assert await store.get_settings(GUILD) == GuildSettings(GUILD)
    await store.save_settings(GuildSettings(GUILD, 555, {"seconds": 25, "scoring": "accuracy"}))
    saved = await store.get_settings(GUILD)
    assert saved.teacher_role_id == 555
    assert dict(saved.defaults) == {"seconds": 25, "scoring": "accuracy"}
    await store.save_settings(GuildSettings(GUILD, None, {}))
    assert await store.get_settings(GUILD) == GuildSettings(GUILD)
    assert (await store.get_settings(OTHER_GUILD)).teacher_role_id is None


async def test_banks_upload_replace_list_download_remove(store: Store, clock: FakeClock) -> None:
    assert await store.save_bank(GUILD, "purges", BANK, TEACHER) is SaveOutcome.CREATED
    clock.advance(hours=1)
    assert await store.save_bank(GUILD, "purges", BANK, 8) is SaveOutcome.UNCHANGED
    stored = await store.get_bank(GUILD, "purges")
    assert stored is not None
    assert (stored.uploader_id, stored.uploaded_at) == (
        TEACHER,
        datetime(2024, 3, 13, 12, tzinfo=UTC),
    )
    assert stored.sha256 == hashlib.sha256(BANK.encode("utf-8")).hexdigest()

    fixed = BANK + "description: Ежов\n"
    assert await store.save_bank(GUILD, "purges", fixed, 8) is SaveOutcome.REPLACED
    await store.save_bank(GUILD, "kirov", "bank: kirov\n", TEACHER)
    await store.save_bank(OTHER_GUILD, "theirs", "bank: theirs\n", 3)
    listing = await store.list_banks(GUILD)
    assert [(b.bank_id, b.uploader_id) for b in listing] == [("kirov", TEACHER), ("purges", 8)]
    assert listing[1].size == len(fixed.encode("utf-8"))
    assert listing[1].uploaded_at == datetime(2024, 3, 13, 13, tzinfo=UTC)
    replaced = await store.get_bank(GUILD, "purges")
    assert replaced is not None
    assert replaced.yaml_text == fixed
    assert replaced.sha256 == listing[1].sha256 != stored.sha256

    assert await store.delete_bank(GUILD, "purges") is True
    assert await store.delete_bank(GUILD, "purges") is False
    assert await store.get_bank(GUILD, "purges") is None
    assert [b.bank_id for b in await store.list_banks(OTHER_GUILD)] == ["theirs"]


async def test_accommodations(store: Store) -> None:
    assert await store.get_accommodation(GUILD, 1) == 1.0
    await store.set_accommodation(GUILD, 1, 1.5)
    await store.set_accommodation(GUILD, 2, 2.0)
    await store.set_accommodation(GUILD, 2, 2.5)
    assert await store.get_accommodation(GUILD, 1) == 1.5
    assert await store.list_accommodations(GUILD) == {1: 1.5, 2: 2.5}
    await store.set_accommodation(GUILD, 1, 1.0)  # back to normal time
    assert await store.list_accommodations(GUILD) == {2: 2.5}
    assert await store.list_accommodations(OTHER_GUILD) == {}
    with pytest.raises(ValueError, match="positive"):
        await store.set_accommodation(GUILD, 1, 0)


async def test_key_value(store: Store) -> None:
    assert await store.get_value("commands:hash") is None
    await store.set_value("commands:hash", "abc")
    await store.set_value("commands:hash", "def")
    assert await store.get_value("commands:hash") == "def"


async def test_runs_start_end_list_and_abort(store: Store, clock: FakeClock) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER, {"count": 10, "seed": 7})
    assert (run.status, run.ended_at, dict(run.settings)) == (
        RunStatus.RUNNING,
        None,
        {"count": 10, "seed": 7},
    )
    clock.advance(minutes=10)
    ended = await store.end_run(run.run_id, RunStatus.STOPPED, "stopped by teacher")
    assert (ended.status, ended.end_reason) == (RunStatus.STOPPED, "stopped by teacher")
    assert ended.ended_at == datetime(2024, 3, 13, 12, 10, tzinfo=UTC)
    again = await store.end_run(run.run_id, RunStatus.FINISHED)  # the first ending stays
    assert again.status is RunStatus.STOPPED

    clock.advance(minutes=1)
    left_open = await store.start_run(GUILD, CHANNEL, "kirov", None)
    await store.start_run(OTHER_GUILD, CHANNEL, "purges", 3)
    assert [r.run_id for r in await store.list_runs(GUILD)] == [left_open.run_id, run.run_id]
    assert await store.get_run(left_open.run_id, OTHER_GUILD) is None
    assert await store.abort_running_runs("restart") == 2
    aborted = await store.get_run(left_open.run_id)
    assert aborted is not None
    assert (aborted.status, aborted.end_reason) == (RunStatus.ABORTED, "restart")


async def count(target: str, sql: str, *params: object) -> int:
    ((value,),) = await committed(target, sql, *params)
    return int(str(value))


async def test_forget_student_removes_their_data_and_only_theirs(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    ana_id, boris_id = 1, 2
    run = await store.start_run(GUILD, CHANNEL, "purges", ana_id)  # Ana started this one
    await player(store, clock, run, ana_id, "Ana").answer("q1", True)
    await player(store, clock, run, boris_id, "Boris").answer("q1", True)
    await store.set_accommodation(GUILD, ana_id, 1.5)
    await store.save_bank(GUILD, "anas-bank", BANK, ana_id)
    ana_essay = await store.submit_essay(
        NewEssay(GUILD, ana_id, "Ana", "purges", "kirov", "My essay.", 2, {})
    )
    await store.review_essay(GUILD, ana_essay.submission_id, 5, "ok", TEACHER)
    boris_essay = await store.submit_essay(
        NewEssay(GUILD, boris_id, "Boris", "purges", "kirov", "His essay.", 2, {})
    )
    await store.review_essay(GUILD, boris_essay.submission_id, 6, None, ana_id)  # Ana reviewed
    elsewhere = await store.start_run(OTHER_GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, elsewhere, ana_id, "Ana").answer("q1", True)
    # an answer still queued when the request comes in is deleted too, not written after
    late = asyncio.ensure_future(
        store.record_answer(
            AnswerRecord(run.run_id, GUILD, ana_id, "Ana", "q2", None, "B", False, 0, 900, clock())
        )
    )
    await asyncio.sleep(0)

    summary = await store.forget_student(GUILD, ana_id)
    assert late.done()
    assert (summary.answers, summary.essays, summary.accommodations) == (2, 1, 1)
    assert (
        await count(
            db_target,
            "SELECT count(*) FROM answers WHERE guild_id = ? AND user_id = ?",
            GUILD,
            ana_id,
        )
        == 0
    )
    assert (
        await count(
            db_target,
            "SELECT count(*) FROM essay_reviews WHERE submission_id = ?",
            ana_essay.submission_id,
        )
        == 0
    )
    stats = await store.student_stats(GUILD, ana_id)
    assert (stats.answered, stats.user_name) == (0, None)
    assert await store.student_essays(GUILD, ana_id) == []
    assert await store.get_accommodation(GUILD, ana_id) == 1.0
    # what belongs to the class stays, without Ana's id on it
    kept_run = await store.get_run(run.run_id)
    assert kept_run is not None
    assert kept_run.started_by is None
    bank = await store.get_bank(GUILD, "anas-bank")
    assert bank is not None
    assert bank.uploader_id is None
    boris_kept = await store.get_submission(GUILD, boris_essay.submission_id)
    assert boris_kept is not None
    assert boris_kept.review is not None
    assert (boris_kept.review.score, boris_kept.review.reviewer_id) == (6.0, None)
    assert (await store.student_stats(GUILD, boris_id)).answered == 1
    # and Ana in another server is untouched
    assert (await store.student_stats(OTHER_GUILD, ana_id)).answered == 1


async def test_reset_leaderboard_keeps_banks_settings_and_the_running_quiz(
    store: Store, db_target: str, clock: FakeClock
) -> None:
    await store.save_settings(GuildSettings(GUILD, 555))
    await store.save_bank(GUILD, "purges", BANK, TEACHER)
    await store.set_accommodation(GUILD, 1, 2.0)
    done = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, done, 1, "Ana").answer("q1", True)
    await store.end_run(done.run_id, RunStatus.FINISHED)
    running = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, running, 2, "Boris").answer("q1", True)
    other = await store.start_run(OTHER_GUILD, CHANNEL, "purges", TEACHER)
    await player(store, clock, other, 3, "Cyril").answer("q1", True)

    summary = await store.reset_leaderboard(GUILD)
    assert (summary.answers, summary.runs) == (2, 1)
    assert (await store.leaderboard(GUILD, period=Period.ALL)).total == 0
    assert await store.get_run(done.run_id) is None
    # the quiz in progress goes on, and its next answers count
    await player(store, clock, running, 2, "Boris").answer("q2", True, 300)
    page = await store.leaderboard(GUILD)
    assert [(e.user_name, e.points) for e in page.entries] == [("Boris", 300)]
    assert (await store.get_settings(GUILD)).teacher_role_id == 555
    assert await store.get_bank(GUILD, "purges") is not None
    assert await store.get_accommodation(GUILD, 1) == 2.0
    assert (await store.leaderboard(OTHER_GUILD)).total == 1
    assert await count(db_target, "SELECT count(*) FROM runs WHERE guild_id = ?", OTHER_GUILD) == 1
