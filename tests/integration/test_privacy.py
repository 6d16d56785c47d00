"""Teacher data stays with teachers: autocomplete of teacher-only options offers a student nothing,
the commands refuse them, and no name or essay reaches the log, even at DEBUG."""

from __future__ import annotations

import logging

import pytest
import simcord
from essaykit import MEDIUM, send_file
from simkit import reply

from purgebot.banks.model import Bank
from purgebot.bot.errors import NotTeacher, unwrap
from purgebot.storage import Store


async def test_a_student_is_offered_no_submissions_and_no_runs(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    await send_file(other_student, channel, MEDIUM)
    [boris_essay] = await store.essay_queue(channel.guild.id)
    await store.start_run(channel.guild.id, channel.id, "essay-drills", teacher.id)

    for typed in ("", "boris", "#", str(boris_essay.submission_id)):
        assert await student.autocomplete(channel, "essay review", "submission", typed) == []
    for typed in ("", "1", "essay"):
        assert await student.autocomplete(channel, "results export", "run", typed) == []
    refused = reply(
        await student.slash(
            channel, "essay review", submission=boris_essay.submission_id, score=100
        )
    )
    assert refused.content.startswith("Only teachers can mark essays.")
    refused = reply(await student.slash(channel, "results export", run=1))
    assert refused.content.startswith("Only teachers can export results.")
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher, NotTeacher]

    # a teacher still gets both lists
    offered = await teacher.autocomplete(channel, "essay review", "submission", "")
    assert [c["value"] for c in offered] == [boris_essay.submission_id]
    offered = await teacher.autocomplete(channel, "results export", "run", "")
    assert [c["value"] for c in offered] == [1]


async def test_names_and_essays_stay_out_of_the_log_at_debug(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    shown = reply(await send_file(student, channel, MEDIUM))
    assert shown.embeds, shown.content
    await store.flush()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records  # the log did run at DEBUG
    first_line = MEDIUM.strip().split("\n")[0][:40]
    assert first_line not in logged
    assert "anya" not in logged
