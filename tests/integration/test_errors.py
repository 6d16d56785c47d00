"""One error handler: user-facing errors privately as written, anything else logged and generic."""

from __future__ import annotations

import logging

import pytest
import simcord
from simkit import reply

from purgebot.bot.errors import GENERIC_MESSAGE
from purgebot.storage import Store


async def test_an_unexpected_failure_is_logged_and_answered_generically(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await store.close()  # the database is gone: every command that reads it fails
    with caplog.at_level(logging.ERROR, logger="purgebot.bot"):
        result = await student.slash(channel, "bank list")
    shown = reply(result)
    assert shown.ephemeral and shown.content == GENERIC_MESSAGE
    [record] = [r for r in caplog.records if r.name == "purgebot.bot"]
    assert record.getMessage().startswith("unhandled error in /bank list (guild ")
    assert record.exc_info is not None  # the traceback is in the log, not in Discord
    [error] = simcord_env.errors
    assert str(error.__cause__ or error) not in shown.content


async def test_a_failure_after_deferring_is_answered_as_a_follow_up(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    """/bank upload defers before reading the file; its refusal must then be a follow-up."""
    result = await teacher.slash(channel, "bank upload", file=("notes.txt", b"just some notes\n"))
    assert result.acknowledged
    shown = reply(result)
    assert shown.ephemeral
    assert shown.content.startswith("could not tell what format this file is in")
    assert len(simcord_env.errors) == 1


async def test_when_discord_refuses_the_first_reply_the_user_still_hears_back(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The acknowledgement itself fails (a Discord outage): the handler answers in its place."""
    simcord_env.inject_error("POST", "/interactions/*/*/callback", status=500)
    with caplog.at_level(logging.ERROR, logger="purgebot.bot"):
        result = await student.slash(channel, "bank list")
    shown = reply(result)
    assert shown.ephemeral and shown.content == GENERIC_MESSAGE
    assert any(r.exc_info for r in caplog.records if r.name == "purgebot.bot")
    assert len(simcord_env.errors) == 1
    # and the next command works normally
    listing = reply(await student.slash(channel, "bank list"))
    assert listing.embeds[0].title == "Question banks"
