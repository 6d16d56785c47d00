"""The quick way in for option clicks (bot/quickclick.py) and what it assumes of discord.py.

discord.py is pinned (requirements.lock). The hook replaces the connection state's
INTERACTION_CREATE parser through a subclass made by the client's `_get_state`; if an upgrade
renames the parser, changes how the state finds its parsers or how a client makes its state, these
fail here, loudly, instead of option clicks going quietly the slow way (or nowhere).
"""

from __future__ import annotations

import asyncio
import inspect
import re
from pathlib import Path
from typing import Any

import discord
import pytest
from discord.state import AutoShardedConnectionState, ConnectionState

from purgebot.bot import create_bot
from purgebot.bot.client import PurgeBot, ShardedPurgeBot
from purgebot.bot.quickclick import QuickClick, QuickRoutes, quick_routes
from purgebot.bot.quiz.answers import OPTION_ID, QUICK_CLICKS
from purgebot.config import Settings
from purgebot.shards import ShardPlan

GUILD = 700_000_000_000_000_003
CHANNEL = 900_000


def payload(custom_id: str, *, component_type: int = 2, message: Any = None) -> dict[str, Any]:
    """A click as the gateway sends it; `message` is the message the button sits under."""
    data: dict[str, Any] = {
        "id": "880000000000000001",
        "application_id": "700000000000000001",
        "type": 3,
        "token": "tok",
        "version": 1,
        "data": {"custom_id": custom_id, "component_type": component_type},
        "guild_id": str(GUILD),
        "channel_id": str(CHANNEL),
        "channel": {
            "id": str(CHANNEL),
            "type": 0,
            "guild_id": str(GUILD),
            "name": "class",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
        },
        "member": {
            "user": {"id": "6001", "username": "anya", "discriminator": "0", "avatar": None},
            "nick": "Anya K.\ud83d",  # half an emoji: the edge cleans it
            "roles": [],
            "joined_at": "2025-09-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": "0",
        },
        "app_permissions": "0",
        "locale": "en-GB",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "context": 0,
        "attachment_size_limit": 26214400,
    }
    if message is not None:
        data["message"] = message
    return data


# A message payload discord.py cannot parse (no id, no author): a click under it reaches the
# take only if discord.py never builds the Message.
UNPARSEABLE = {"embeds": "not a list", "components": None}


@pytest.fixture(params=["one process", "sharded"])
def bot(request: pytest.FixtureRequest, tmp_path: Path) -> PurgeBot:
    settings = Settings(db_path=tmp_path / "x.db", banks_dir=tmp_path, token=None)
    shards = ShardPlan(ids=(0, 1), count=2) if request.param == "sharded" else None
    made = create_bot(settings, auto_sync=False, shards=shards)
    # as after READY: the bot knows who it is (an Interaction looks for itself in the guild)
    me = {"id": "7002", "username": "purgebot", "discriminator": "0", "avatar": None, "bot": True}
    made._connection.user = discord.ClientUser(state=made._connection, data=me)  # type: ignore[arg-type]
    return made


class Spy:
    """A take that notes what it was given."""

    def __init__(self) -> None:
        self.taken: list[tuple[discord.Interaction[Any], re.Match[str]]] = []
        self.done = asyncio.Event()

    async def take(self, interaction: discord.Interaction[Any], match: re.Match[str]) -> None:
        self.taken.append((interaction, match))
        self.done.set()


def test_discord_py_still_has_what_the_hook_replaces() -> None:
    # the parser the state files under INTERACTION_CREATE, found by its name
    assert list(inspect.signature(ConnectionState.parse_interaction_create).parameters) == [
        "self",
        "data",
    ]
    assert "parse_interaction_create" not in vars(AutoShardedConnectionState)
    # how a client makes its state: Client.__init__ calls self._get_state(**options)
    assert "self._get_state(" in inspect.getsource(discord.Client.__init__)
    for cls in (discord.Client, discord.AutoShardedClient):
        assert list(inspect.signature(cls._get_state).parameters) == ["self", "options"]
    # the state builds its parsers from its own parse_* attributes, at construction
    assert "parse_" in inspect.getsource(ConnectionState.__init__)
    # an Interaction is made from the payload and the state; its message is optional
    params = inspect.signature(discord.Interaction.__init__).parameters
    assert [p for p in params if p != "self"] == ["data", "state"]


def test_each_kind_of_bot_makes_the_state_that_takes_quick_clicks(bot: PurgeBot) -> None:
    routes = quick_routes(bot)
    assert isinstance(routes, QuickRoutes)
    expected = AutoShardedConnectionState if isinstance(bot, ShardedPurgeBot) else ConnectionState
    assert isinstance(bot._connection, expected)


async def test_a_claimed_click_reaches_its_take_through_the_gateways_parser_unparsed(
    bot: PurgeBot,
) -> None:
    spy = Spy()
    routes = quick_routes(bot)
    assert routes is not None
    routes.add(QuickClick("pq", OPTION_ID, spy.take))
    # what the gateway (and simcord) call: the parsers table, with the edge's cleaning around it
    bot._connection.parsers["INTERACTION_CREATE"](payload("pq:12:3:1", message=UNPARSEABLE))
    await asyncio.wait_for(spy.done.wait(), 5)
    [(interaction, match)] = spy.taken
    assert (match["run"], match["q"], match["pos"]) == ("12", "3", "1")
    assert interaction.message is None
    assert interaction.type is discord.InteractionType.component
    assert (interaction.guild_id, interaction.channel_id) == (GUILD, CHANNEL)
    assert (interaction.user.id, interaction.user.display_name) == (6001, "Anya K.\ufffd")
    assert not interaction.response.is_done()


@pytest.mark.parametrize(
    ("custom_id", "component_type"),
    [
        ("pqm:12:3", 3),  # the several-options menu: a dynamic item
        ("pqa:12:3", 2),  # "Answer": a dynamic item
        ("pq:12:3", 2),  # the prefix, but not an option's id
        ("pq:12:3:1", 3),  # an option's id on something that is not a button
        ("hw:1:2:3", 2),  # another feature's button
    ],
)
async def test_any_other_interaction_goes_discord_pys_way(
    bot: PurgeBot, custom_id: str, component_type: int
) -> None:
    spy = Spy()
    routes = quick_routes(bot)
    assert routes is not None
    routes.add(QuickClick("pq", OPTION_ID, spy.take))
    seen: list[discord.Interaction[Any]] = []

    async def on_interaction(interaction: discord.Interaction[Any]) -> None:
        seen.append(interaction)

    bot.add_listener(on_interaction)
    await bot._async_setup_hook()  # what login does first: the bot's loop, for its events
    bot._connection.parsers["INTERACTION_CREATE"](payload(custom_id, component_type=component_type))
    for _ in range(3):
        await asyncio.sleep(0)
    assert spy.taken == []
    assert [i.data.get("custom_id") for i in seen if i.data] == [custom_id]


def test_the_quiz_claims_exactly_the_options_ids() -> None:
    [click] = QUICK_CLICKS
    assert click.prefix == "pq"
    assert click.pattern.fullmatch("pq:1:2:3")
    assert not click.pattern.fullmatch("pq:1:2")
    assert not click.pattern.fullmatch("pqm:1:2")


async def test_a_take_that_fails_is_logged_without_the_payload_and_the_bot_goes_on(
    bot: PurgeBot, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(interaction: discord.Interaction[Any], match: re.Match[str]) -> None:
        raise RuntimeError("a bug")

    routes = quick_routes(bot)
    assert routes is not None
    routes.add(QuickClick("pq", OPTION_ID, broken))
    bot._connection.parsers["INTERACTION_CREATE"](payload("pq:12:3:1"))
    await asyncio.wait(list(routes.tasks))
    await asyncio.sleep(0)  # the task's done callbacks (the log line) run one step later
    [record] = [r for r in caplog.records if r.name == "purgebot.bot"]
    assert record.levelname == "ERROR"
    assert record.getMessage() == "unhandled error taking a pq: click"
    assert record.exc_info is not None and str(record.exc_info[1]) == "a bug"
