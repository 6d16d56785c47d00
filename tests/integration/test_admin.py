"""Server managers name the teacher role; teachers set extra time; students can erase themselves."""

from __future__ import annotations

import random

import pytest
import simcord
from simkit import data_file, reply, sim_clock

from purgebot.bot import create_bot
from purgebot.bot.admin.cog import EveryoneRole
from purgebot.bot.components import STALE_REQUEST
from purgebot.bot.errors import NotManager, NotTeacher, unwrap
from purgebot.config import Settings
from purgebot.storage import AnswerRecord, Store
from purgebot.storage.timeutil import as_datetime


async def test_teacher_role_makes_its_members_teachers(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    teachers = guild.create_role("History teachers")
    mr_petrov = guild.add_member(simcord_env.create_user("mr_petrov"), roles=[teachers])

    before = reply(
        await mr_petrov.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    )
    assert before.content.startswith("Only teachers can upload banks.")

    named = reply(await teacher.slash(channel, "teacher role", role=teachers))
    assert named.ephemeral
    assert named.content.startswith(
        f"Members with the <@&{teachers.id}> role are now teachers here"
    )
    assert (await store.get_settings(guild.id)).teacher_role_id == teachers.id

    after = reply(
        await mr_petrov.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    )
    assert after.content.startswith("Stored bank `terror-basics`")
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher]


async def test_teacher_role_is_for_server_managers_only(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    teachers = guild.create_role("History teachers")
    await teacher.slash(channel, "teacher role", role=teachers)
    mr_petrov = guild.add_member(simcord_env.create_user("mr_petrov"), roles=[teachers])

    # Discord hides /teacher from members without Manage Server ...
    assert "teacher role" not in mr_petrov.available_commands(channel)
    with pytest.raises(simcord.SetupError):
        await mr_petrov.slash(channel, "teacher role", role=guild.default_role)

    # ... and when a server admin shows it to them anyway, the bot still refuses at run time.
    [command] = [c for c in await simcord_env.bot.tree.fetch_commands() if c.name == "teacher"]
    guild.set_command_permissions(command, {teachers: True})
    impostor = guild.create_role("Impostors")
    refused = reply(await mr_petrov.slash(channel, "teacher role", role=impostor))
    assert (
        refused.content
        == "Only members with the Manage Server permission can choose the teacher role."
    )
    assert (await store.get_settings(guild.id)).teacher_role_id == teachers.id
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotManager]

    everyone = reply(await teacher.slash(channel, "teacher role", role=guild.default_role))
    assert "@everyone cannot be the teacher role" in everyone.content
    assert (await store.get_settings(guild.id)).teacher_role_id == teachers.id
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotManager, EveryoneRole]


async def test_accommodate_sets_and_clears_a_students_extra_time(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    store: Store,
) -> None:
    set_ = reply(await teacher.slash(channel, "accommodate", member=student, multiplier=1.5))
    assert set_.ephemeral
    assert set_.content.startswith(f"<@{student.id}> now gets 1.5× the time on every question")
    assert await store.get_accommodation(guild.id, student.id) == 1.5

    refused = reply(
        await other_student.slash(channel, "accommodate", member=other_student, multiplier=2.0)
    )
    assert refused.content.startswith("Only teachers can set extra time.")
    assert await store.get_accommodation(guild.id, other_student.id) == 1.0
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher]

    cleared = reply(await teacher.slash(channel, "accommodate", member=student, multiplier=1.0))
    assert cleared.content == f"<@{student.id}> now has the standard time on every question."
    assert await store.list_accommodations(guild.id) == {}

    with pytest.raises(simcord.OptionError):  # only the offered multipliers exist
        await teacher.slash(channel, "accommodate", member=student, multiplier=3.0)


async def _seed_answers(store: Store, guild_id: int, channel_id: int, user_id: int) -> None:
    run = await store.start_run(guild_id, channel_id, "kirov", user_id)
    for question in ("kirov-date", "kirov-city"):
        await store.record_answer(
            AnswerRecord(
                run_id=run.run_id,
                guild_id=guild_id,
                user_id=user_id,
                user_name="anya",
                question_id=question,
                topic="kirov",
                raw_answer="A",
                correct=True,
                points=900,
                response_ms=4000,
                answered_at=as_datetime(sim_clock()),
            )
        )
    await store.set_accommodation(guild_id, user_id, 2.0)


async def test_forget_me_deletes_after_confirm_and_only_then(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await _seed_answers(store, guild.id, channel.id, student.id)

    asked = await student.slash(channel, "privacy forget-me")
    prompt = reply(asked)
    assert prompt.ephemeral and "It cannot be undone." in prompt.content
    assert (await store.student_stats(guild.id, student.id)).answered == 2  # nothing yet

    done = await student.click(prompt, label="Delete my data")
    assert done.acknowledged
    after = reply(asked)
    assert after.content == (
        "Done: deleted 2 quiz answers, 0 essays and 1 extra-time setting. "
        "Anything you do from now on is recorded afresh."
    )
    assert after.components == []  # the buttons are gone: a second click is impossible
    with pytest.raises(simcord.SetupError):
        await student.click(after, label="Delete my data")
    stats = await store.student_stats(guild.id, student.id)
    assert stats.answered == 0 and await store.get_accommodation(guild.id, student.id) == 1.0


async def test_forget_me_cancel_and_expiry_keep_the_data(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await _seed_answers(store, guild.id, channel.id, student.id)

    cancelled = await student.slash(channel, "privacy forget-me")
    await student.click(reply(cancelled), label="Cancel")
    assert reply(cancelled).content == "Nothing was deleted."
    assert reply(cancelled).components == []

    late = await student.slash(channel, "privacy forget-me")
    await simcord_env.advance_time(121)
    expired = reply(late)
    assert expired.content.startswith("This request expired and nothing was deleted.")
    with pytest.raises(simcord.SetupError):  # a late click finds no button to press
        await student.click(expired, label="Delete my data")
    assert (await store.student_stats(guild.id, student.id)).answered == 2
    assert await store.get_accommodation(guild.id, student.id) == 2.0


async def test_a_second_click_is_told_it_already_happened(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    """If the buttons outlive the first click (here the edit removing them fails), the second
    click is answered, and nothing runs twice."""
    await _seed_answers(store, guild.id, channel.id, student.id)
    prompt = reply(await student.slash(channel, "privacy forget-me"))
    simcord_env.inject_error("PATCH", "/webhooks/*/*/messages/@original", status=500)

    first = await student.click(prompt, label="Delete my data")
    [told] = first.followups
    assert told.ephemeral and told.content.startswith("Done: deleted 2 quiz answers")

    second = await student.click(prompt, label="Delete my data")
    assert reply(second).content == "This request was already confirmed."
    assert reply(second).ephemeral
    assert (await store.student_stats(guild.id, student.id)).answered == 0


async def test_buttons_left_by_a_restart_or_a_failed_expiry_say_the_request_is_over(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    settings: Settings,
    store: Store,
) -> None:
    """Not Discord's "This interaction failed": the click is answered and nothing is deleted."""
    await _seed_answers(store, guild.id, channel.id, student.id)
    before_restart = reply(await student.slash(channel, "privacy forget-me"))
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(2))
    )
    clicked = await student.click(before_restart, label="Delete my data")
    assert clicked.acknowledged
    after = reply(await student.slash(channel, "privacy forget-me"))  # a fresh request works
    assert reply(clicked).content == STALE_REQUEST
    assert reply(clicked).components == []
    assert (await store.student_stats(guild.id, student.id)).answered == 2

    # the expiry could not remove the buttons (Discord refused the edit): a click is still answered
    simcord_env.inject_error("PATCH", "/webhooks/*/*/messages/@original", status=500)
    await simcord_env.advance_time(121)
    late = await student.click(after, label="Cancel")
    assert late.acknowledged and reply(late).content == STALE_REQUEST
    assert (await store.student_stats(guild.id, student.id)).answered == 2
    assert simcord_env.errors == []
