"""Practice and spaced review as a student lives them: wrong answers come back on the right days."""

from __future__ import annotations

import simcord
from privatekit import play_through, read_private
from quizkit import CLASS_BANK
from simkit import reply, text_of

from purgebot.storage import Store

DAY = 86_400.0
MISSED = {"kirov-city": False, "kirov-year": False}


async def _review(
    env: simcord.Env,
    member: simcord.MemberActor,
    channel: simcord.ChannelHandle,
    right: dict[str, bool],
) -> list[str]:
    """Run /review, answer as `right` says (right by default); the questions it brought."""
    result = reply(await member.slash(channel, "review"))
    if result.embeds and (result.embeds[0].title or "").startswith("Review"):
        _, asked = await play_through(env, member, read_private(result), right)
        return sorted(asked)
    assert result.content.startswith("Nothing is due for review."), result.content
    return []


async def test_practice_feeds_review_and_boxes_bring_questions_back_on_the_right_days(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    first = reply(await student.slash(channel, "practice", bank="class-quiz", count=4))
    shown = read_private(first)
    assert (shown.number, shown.total) == (1, 4)
    summary, asked = await play_through(simcord_env, student, shown, MISSED)
    assert sorted(asked) == ["kirov-assassin", "kirov-city", "kirov-year", "trials-public"]
    assert "Done: 2 of 4 questions right." in text_of(summary)
    assert "come back in `/review`" in text_of(summary)
    stats = await store.student_stats(guild.id, student.id)
    assert (stats.answered, stats.correct, stats.points) == (4, 2, 0)  # practice earns no points

    # nothing is due the same day; a day later /stats says two are
    stats_now = reply(await student.slash(channel, "stats"))
    assert "Due for review\n0 · `/review`" in text_of(stats_now)
    assert await _review(simcord_env, student, channel, {}) == []
    # day 1: exactly the two missed; kirov-year is missed again
    await simcord_env.advance_time(DAY)
    stats_due = reply(await student.slash(channel, "stats"))
    assert "Due for review\n2 · `/review`" in text_of(stats_due)
    assert await _review(simcord_env, student, channel, {"kirov-year": False}) == [
        "kirov-city",
        "kirov-year",
    ]
    # day 2: kirov-year (back in box 1, one day); kirov-city waits two days in box 2
    await simcord_env.advance_time(DAY)
    assert await _review(simcord_env, student, channel, {}) == ["kirov-year"]
    # day 3: kirov-city (box 2 after two days); kirov-year now waits two days as well
    await simcord_env.advance_time(DAY)
    assert await _review(simcord_env, student, channel, {}) == ["kirov-city"]
    # day 4: kirov-year; then kirov-city in box 3 waits four days (day 7)
    await simcord_env.advance_time(DAY)
    assert await _review(simcord_env, student, channel, {}) == ["kirov-year"]
    await simcord_env.advance_time(2 * DAY)  # day 6: nothing
    assert await _review(simcord_env, student, channel, {}) == []
    await simcord_env.advance_time(DAY)  # day 7
    assert await _review(simcord_env, student, channel, {}) == ["kirov-city"]
    boxes = {b.question_id: b.box for b in await store.review_boxes(guild.id, student.id)}
    assert boxes == {"kirov-city": 4, "kirov-year": 3}

    # the teacher sees what the class keeps missing
    missed = reply(await teacher.slash(channel, "review", who="class"))
    assert missed.ephemeral
    assert "Kirov was the Communist Party leader of which city?" in text_of(missed)
    # a student cannot
    nope = reply(await student.slash(channel, "review", who="class"))
    assert nope.content.startswith("Only teachers can see what the class keeps missing.")
    assert len(simcord_env.errors) == 1
