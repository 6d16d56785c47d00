"""A teacher's side of essay drills: the queue, marks the student sees with /essay mine, and the
CSV export; students are refused all three."""

from __future__ import annotations

import csv
import io

import simcord
from essaykit import MEDIUM, STRONG, YEZHOV, drill_message, fields, send_file
from simkit import reply, sim_clock

from purgebot.banks.model import Bank
from purgebot.bot.errors import NotTeacher, unwrap
from purgebot.bot.essays.cog import BadDay
from purgebot.essays import count_words
from purgebot.storage import Store, SubmissionNotFoundError


async def test_the_teacher_marks_from_the_queue_and_the_student_sees_the_mark(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    await send_file(student, channel, MEDIUM)
    anya_sent = int(sim_clock())
    await simcord_env.advance_time(90)
    await teacher.slash(channel, "essay drill", prompt=YEZHOV)
    opened = await other_student.click(drill_message(channel), label="Write")
    await other_student.submit_modal(opened, {"essay": STRONG})
    boris_sent = int(sim_clock())
    [anya_id, boris_id] = [s.submission_id for s in await store.essay_queue(channel.guild.id)]

    queue = reply(await teacher.slash(channel, "essay queue"))
    assert queue.ephemeral
    [card] = queue.embeds
    assert card.title == "Essays waiting for a mark"
    assert (card.description or "").split("\n") == [
        f"**#{anya_id}** · anya · `{YEZHOV}` · 140 words · 2/5 points · <t:{anya_sent}:R>",
        f"**#{boris_id}** · boris · `{YEZHOV}` · {count_words(STRONG)} words · 5/5 points · "
        f"<t:{boris_sent}:R>",
    ]
    assert (card.footer.text or "").startswith("Page 1 · 2 waiting in all, oldest first.")

    offered = await teacher.autocomplete(channel, "essay review", "submission", "")
    assert [c["value"] for c in offered] == [anya_id, boris_id]
    assert offered[0]["name"] == f"#{anya_id} · anya · {YEZHOV} · 140 words · 2/5 points"
    assert [
        c["value"]
        for c in await teacher.autocomplete(channel, "essay review", "submission", "boris")
    ] == [boris_id]

    comment = "Good start: now weigh Stalin's part, and use the death toll."
    marked = reply(
        await teacher.slash(
            channel, "essay review", submission=anya_id, score=64.5, comment=comment
        )
    )
    assert marked.ephemeral
    assert marked.content.split("\n") == [
        f"Marked essay #{anya_id} by anya (`{YEZHOV}`): **64.5/100**.",
        f"Comment: {comment}",
        "They see it with /essay mine. 1 essay still waiting (/essay queue).",
    ]
    after = reply(await teacher.slash(channel, "essay queue")).embeds[0]
    assert (after.description or "").startswith(f"**#{boris_id}** · boris")
    assert f"#{anya_id}" not in (after.description or "")

    mine = reply(await student.slash(channel, "essay mine"))
    assert mine.ephemeral
    [(name, value)] = fields(mine).items()
    assert name == f"#{anya_id} · {YEZHOV}"
    assert value.split("\n")[1:] == [
        "Made: yezhov-ran-nkvd, fed-paranoia",
        "Missed: death-sentences, stalin-approved, scapegoat",
        f"**Mark: 64.5/100** (<t:{boris_sent}:R>)",
        f"Comment: {comment}",
    ]
    theirs = fields(reply(await other_student.slash(channel, "essay mine")))
    assert list(theirs) == [f"#{boris_id} · {YEZHOV}"]
    assert "Mark: not marked yet" in theirs[f"#{boris_id} · {YEZHOV}"]

    # a mark can be changed; a reviewed essay is still found by its number
    by_number = await teacher.autocomplete(channel, "essay review", "submission", str(anya_id))
    assert by_number[0]["value"] == anya_id
    again = reply(await teacher.slash(channel, "essay review", submission=anya_id, score=70))
    assert again.content.startswith(
        f"Marked essay #{anya_id} by anya (`{YEZHOV}`): **70/100** (replacing 64.5/100)."
    )
    stored = await store.get_submission(channel.guild.id, anya_id)
    assert stored is not None and stored.review is not None
    assert (stored.review.score, stored.review.comment, stored.review.reviewer_id) == (
        70.0,
        None,
        teacher.id,
    )

    missing = reply(await teacher.slash(channel, "essay review", submission=999, score=50))
    assert missing.content == "There is no essay submission #999 in this server."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [SubmissionNotFoundError]


async def test_the_queue_pages_oldest_first(
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    for n in range(12):
        await send_file(student, channel, f"Essay {n}: Yezhov was head of the NKVD.")
    ids = [s.submission_id for s in await store.essay_queue(channel.guild.id, limit=50)]
    first = reply(await teacher.slash(channel, "essay queue")).embeds[0]
    lines = (first.description or "").split("\n")
    assert [line.split(" · ")[0] for line in lines] == [f"**#{i}**" for i in ids[:10]]
    assert "Next: /essay queue page:2." in (first.footer.text or "")
    second = reply(await teacher.slash(channel, "essay queue", page=2)).embeds[0]
    assert [line.split(" · ")[0] for line in (second.description or "").split("\n")] == [
        f"**#{i}**" for i in ids[10:]
    ]
    assert "Next:" not in (second.footer.text or "")
    assert (second.footer.text or "").startswith("Page 2 · 12 waiting in all")


async def test_students_cannot_see_the_queue_mark_or_export(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    await send_file(student, channel, MEDIUM)
    [mine] = await store.essay_queue(channel.guild.id)
    for command, options, action in [
        ("essay queue", {}, "see the essay queue"),
        ("essay review", {"submission": mine.submission_id, "score": 100}, "mark essays"),
        ("essay export", {}, "export essays"),
    ]:
        refused = reply(await student.slash(channel, command, **options))
        assert refused.ephemeral
        assert refused.content.startswith(f"Only teachers can {action}.")
        assert not refused.embeds and not refused.attachments
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher] * 3
    stored = await store.get_submission(channel.guild.id, mine.submission_id)
    assert stored is not None and stored.review is None


async def test_the_csv_export_has_every_essay_with_its_feedback_and_mark(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    empty = reply(await teacher.slash(channel, "essay export"))
    assert empty.content == "No essays were submitted in that time." and not empty.attachments
    await send_file(student, channel, MEDIUM)
    await send_file(other_student, channel, STRONG)
    anya_id = (await store.essay_queue(channel.guild.id))[0].submission_id
    await teacher.slash(
        channel, "essay review", submission=anya_id, score=55, comment="More evidence, please"
    )

    shown = reply(await teacher.slash(channel, "essay export"))
    assert shown.ephemeral
    assert shown.content.startswith("2 essays, 1 marked:")
    [attachment] = shown.attachments
    assert attachment.filename == "essays-start-to-now.csv"
    rows = list(csv.DictReader(io.StringIO((await attachment.read()).decode("utf-8-sig"))))
    assert [r["student"] for r in rows] == ["anya", "boris"]
    anya, boris = rows
    assert (anya["prompt"], anya["words"], anya["key points"]) == (
        "yezhov-responsibility",
        "140",
        "2 of 5",
    )
    assert anya["covered"] == "yezhov-ran-nkvd, fed-paranoia"
    assert (anya["score"], anya["comment"]) == ("55", "More evidence, please")
    assert anya["essay"] == MEDIUM
    assert (boris["key points"], boris["score"], boris["comment"]) == ("5 of 5", "", "")

    # a time window: every essay here was sent on 2026-01-01
    none_yet = reply(await teacher.slash(channel, "essay export", until="2025-12-31"))
    assert none_yet.content == "No essays were submitted in that time."
    that_day = reply(
        await teacher.slash(channel, "essay export", since="2026-01-01", until="2026-01-01")
    )
    assert that_day.content.startswith("2 essays, 1 marked:")
    assert that_day.attachments[0].filename == "essays-2026-01-01-to-2026-01-01.csv"
    bad = reply(await teacher.slash(channel, "essay export", since="1 Jan"))
    assert bad.content == "`1 Jan` is not a day: write it as YYYY-MM-DD, e.g. 2026-03-01."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BadDay]
