"""The real bot against simcord's simulated Discord: a fresh database per test, a fixed clock and seed.

The bot's clock is simcord's virtual clock (2026-01-01 UTC at the start, moved only by
`env.advance_time`), so quiz timers, stored times and Discord timestamps all agree and nothing sleeps.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest
import simcord
from essaykit import BANK_ID, bank_text, essay_bank
from simkit import sim_clock

from purgebot.banks.model import Bank
from purgebot.bot import PurgeBot, create_bot
from purgebot.config import Settings
from purgebot.storage import Store

SEED = 20260101
# small stable banks standing in for questions/, so edits to the real banks never break these tests
BUILTIN = Path(__file__).parent / "data" / "builtin"
MANAGE = discord.Permissions(manage_guild=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "purgebot.db"


@pytest.fixture
async def store(db_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(db_path, clock=sim_clock)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def settings(db_path: Path) -> Settings:
    return Settings(db_path=db_path, banks_dir=BUILTIN, token=None)


@pytest.fixture
def simcord_bot(settings: Settings, store: Store) -> PurgeBot:
    return create_bot(settings, store=store, clock=sim_clock, rng=random.Random(SEED))


@pytest.fixture
def guild(simcord_env: simcord.Env) -> simcord.GuildHandle:
    return simcord_env.create_guild("Year 11 History")


@pytest.fixture
def channel(guild: simcord.GuildHandle) -> simcord.ChannelHandle:
    return guild.create_text_channel("history")


@pytest.fixture
def teacher(simcord_env: simcord.Env, guild: simcord.GuildHandle) -> simcord.MemberActor:
    """A teacher by permission: Manage Server."""
    staff = guild.create_role("Staff", permissions=MANAGE)
    return guild.add_member(simcord_env.create_user("ms_ivanova"), roles=[staff])


@pytest.fixture
def student(simcord_env: simcord.Env, guild: simcord.GuildHandle) -> simcord.MemberActor:
    return guild.add_member(simcord_env.create_user("anya"))


@pytest.fixture
def other_student(simcord_env: simcord.Env, guild: simcord.GuildHandle) -> simcord.MemberActor:
    return guild.add_member(simcord_env.create_user("boris"))


@pytest.fixture
async def essay_server(
    store: Store, guild: simcord.GuildHandle, teacher: simcord.MemberActor
) -> Bank:
    """The server has the essay bank, as if the teacher had uploaded it."""
    await store.save_bank(guild.id, BANK_ID, bank_text(), teacher.id)
    return essay_bank()
