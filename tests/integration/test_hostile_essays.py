"""An essay is never lost: text a modified client sends is stored cleaned, and an essay the store
cannot keep goes back to its writer with a plain reason."""

from __future__ import annotations

import simcord
from essaykit import MEDIUM, YEZHOV, drill_message, feedback_of
from simkit import reply

from purgebot.banks.model import Bank
from purgebot.storage import Store


async def open_box(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor, student: simcord.MemberActor
) -> simcord.InteractionResult:
    await teacher.slash(channel, "essay drill", prompt=YEZHOV, minutes=20)
    opened = await student.click(drill_message(channel), label="Write")
    assert opened.modal is not None
    return opened


async def test_an_essay_with_a_lone_surrogate_is_stored_cleaned(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    opened = await open_box(channel, teacher, student)
    shown = feedback_of(await student.submit_modal(opened, {"essay": MEDIUM + " \ud83d"}))
    assert shown.embeds[0].title == "Your essay feedback: 2 of 5 key points made"
    [stored] = await store.student_essays(channel.guild.id, student.id)
    assert stored.text == MEDIUM + " \ufffd"
    assert simcord_env.errors == []


async def test_an_essay_the_store_cannot_keep_is_handed_back_with_a_reason(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    opened = await open_box(channel, teacher, student)
    await store._db.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON essay_submissions "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    back = reply(await student.submit_modal(opened, {"essay": MEDIUM}))
    assert back.ephemeral
    assert back.content.startswith(
        "Your essay could not be saved just now, so it has not been handed in. Your text is "
        "attached"
    ), back.content
    [attachment] = back.attachments
    assert (await attachment.read()).decode() == MEDIUM
    assert await store.student_essays(channel.guild.id, student.id) == []
