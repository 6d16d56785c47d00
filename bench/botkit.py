"""What the click benchmarks share: discord.py with its network replaced, gateway payloads, the
bot on a temp database, and the do-nothing button that is the floor.

Only discord.py's two HTTP boundaries are replaced (`HTTPClient.request` for REST, the webhook
adapter's `request` for interaction replies): each call answers at once with a plausible payload.
Events go to discord.py's own parser (`ConnectionState.parse_*`), so parsing and dispatch are
measured as they run in production. The bot's clock stands still (`StillClock`): a question never
closes during a phase, however slow the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import random
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

sys.path.insert(0, str(Path(__file__).resolve().parent))
from purgebot.bot import create_bot
from purgebot.commands.run import tune_gc
from purgebot.config import Settings
from purgebot.storage import Store

APP_ID = 700_000_000_000_000_001
BOT_ID = 700_000_000_000_000_002
GUILD_ID = 700_000_000_000_000_003
SECONDS = 300

BOT_USER = {
    "id": str(BOT_ID),
    "username": "purgebot",
    "discriminator": "0",
    "global_name": None,
    "avatar": None,
    "bot": True,
}


def user(user_id: int) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": f"s{user_id}",
        "discriminator": "0",
        "global_name": None,
        "avatar": None,
    }


class FakeDiscord:
    """Both of discord.py's HTTP boundaries, answering at once and noting reply times."""

    def __init__(self) -> None:
        self.ids = itertools.count(800_000_000_000_000_000)
        self.replied: dict[int, float] = {}  # interaction id -> when its answer was sent
        self.waiting: set[int] = set()  # clicks fed and not answered yet
        self.all_answered = asyncio.Event()
        self.posted: dict[int, dict[str, Any]] = {}  # channel id -> its last posted message
        self.expected_posts = 0
        self.all_posted = asyncio.Event()
        self.calls = 0

    def answered(self, iid: int) -> None:
        self.replied[iid] = time.perf_counter()
        self.waiting.discard(iid)
        if not self.waiting:
            self.all_answered.set()

    def message(
        self, channel_id: int, body: dict[str, Any], message_id: int | None = None
    ) -> dict[str, Any]:
        return message_payload(message_id or next(self.ids), channel_id, BOT_USER, body)

    async def request(self, route: discord.http.Route, **kwargs: Any) -> Any:
        """discord.py's `HTTPClient.request`: the REST calls of the bot itself."""
        self.calls += 1
        method, path = route.method, route.path
        parts = route.url.split("/")
        if path == "/users/@me":
            return BOT_USER
        if path == "/oauth2/applications/@me":
            return {
                "id": str(APP_ID),
                "name": "purgebot",
                "description": "",
                "icon": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": user(1),
                "verify_key": "0" * 64,
                "flags": 0,
            }
        if path == "/channels/{channel_id}/messages" and method == "POST":
            channel_id = int(parts[-2])
            made = self.message(channel_id, kwargs.get("json") or {})
            self.posted[channel_id] = made
            if len(self.posted) >= self.expected_posts:
                self.all_posted.set()
            return made
        if path == "/channels/{channel_id}/messages/{message_id}" and method == "PATCH":
            return self.message(int(parts[-3]), kwargs.get("json") or {}, int(parts[-1]))
        raise RuntimeError(f"no fake for {method} {path}")

    def adapter(self) -> AsyncWebhookAdapter:
        fake = self

        class Adapter(AsyncWebhookAdapter):
            async def request(self, route: Any, session: Any, **kwargs: Any) -> Any:
                fake.calls += 1
                parts = str(route.url).split("/")
                payload = kwargs.get("payload") or {}
                if "interactions" in parts:  # /interactions/{id}/{token}/callback
                    iid = int(parts[parts.index("interactions") + 1])
                    if payload.get("type") != 5:  # a defer is not the answer yet
                        fake.answered(iid)
                    return {
                        "interaction": {
                            "id": str(iid),
                            "type": 3,
                            "activity_instance_id": None,
                            "response_message_id": None,
                            "response_message_loading": payload.get("type") == 5,
                            "response_message_ephemeral": True,
                        }
                    }
                token = parts[parts.index("webhooks") + 2]  # a follow-up: tok{interaction id}
                fake.answered(int(token.removeprefix("tok")))
                return fake.message(0, payload)

        return Adapter()  # type: ignore[no-untyped-call]

    async def login(self, client: discord.Client) -> None:
        client.http.request = self.request  # type: ignore[method-assign]
        async_context.set(self.adapter())
        await client.login("fake-token")


# --- payloads ---


def message_payload(
    message_id: int, channel_id: int, author: dict[str, Any], body: dict[str, Any]
) -> dict[str, Any]:
    """A message as Discord sends it: `body` gives its content, embeds, components and flags."""
    return {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": body.get("content") or "",
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "attachments": [],
        "mentions": [],
        "mention_roles": [],
        "mention_everyone": False,
        "pinned": False,
        "tts": False,
        "type": 0,
        "flags": body.get("flags") or 0,
        "timestamp": "2026-01-01T00:00:00+00:00",
        "edited_timestamp": None,
    }


def channel(channel_id: int) -> dict[str, Any]:
    return {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(GUILD_ID),
        "name": f"class-{channel_id}",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }


def interaction(
    iid: int, kind: int, channel_id: int, user_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    return {
        "id": str(iid),
        "application_id": str(APP_ID),
        "type": kind,
        "token": f"tok{iid}",
        "version": 1,
        "data": data,
        "guild_id": str(GUILD_ID),
        "channel_id": str(channel_id),
        "channel": channel(channel_id),
        "member": {
            "user": user(user_id),
            "roles": [],
            "joined_at": "2025-09-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": str(discord.Permissions(view_channel=True, send_messages=True).value),
        },
        "app_permissions": str((discord.Permissions.text() | discord.Permissions.general()).value),
        "locale": "en-GB",
        "guild_locale": "en-GB",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "context": 0,
        "attachment_size_limit": 26214400,
    }


def guild_create(channel_ids: list[int]) -> dict[str, Any]:
    """The server as the gateway announces it, so clicks find it and its channels cached."""
    everyone = discord.Permissions.text() | discord.Permissions.general()
    return {
        "id": str(GUILD_ID),
        "name": "School",
        "icon": None,
        "owner_id": "1",
        "unavailable": False,
        "member_count": 2,
        "roles": [
            {
                "id": str(GUILD_ID),
                "name": "@everyone",
                "permissions": str(everyone.value),
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
            }
        ],
        "emojis": [],
        "stickers": [],
        "features": [],
        "channels": [channel(c) for c in channel_ids],
        "threads": [],
        "members": [
            {
                "user": BOT_USER,
                "roles": [],
                "joined_at": "2025-09-01T00:00:00+00:00",
                "deaf": False,
                "mute": False,
                "flags": 0,
            }
        ],
        "voice_states": [],
        "presences": [],
    }


def start_payload(iid: int, channel_id: int) -> dict[str, Any]:
    options = [
        {"name": "bank", "type": 3, "value": "bench"},
        {"name": "seconds", "type": 4, "value": SECONDS},
    ]
    data = {
        "id": "1",
        "name": "quiz",
        "type": 1,
        "options": [{"name": "start", "type": 1, "options": options}],
    }
    return interaction(iid, 2, channel_id, 1, data)


def click_payloads(
    ids: Iterable[int], posted: dict[int, dict[str, Any]], students: range, rng: random.Random
) -> list[dict[str, Any]]:
    """Every student of every quiz pressing one option of the open question, shuffled."""
    out = []
    ids = iter(ids)
    for channel_id, message in posted.items():
        buttons = [c for r in message["components"] for c in r["components"]]
        for s in students:
            button = buttons[rng.randrange(len(buttons))]
            data = {"custom_id": button["custom_id"], "component_type": 2}
            payload = interaction(next(ids), 3, channel_id, channel_id * 100 + s, data)
            payload["message"] = message
            out.append(payload)
    rng.shuffle(out)
    return out


BANK = """\
bank: bench
title: Bench bank
defaults:
  seconds: 300
questions:
""" + "".join(
    f"""  - id: q{i}
    type: choice
    prompt: Which of these headed the NKVD in {1934 + i}?
    choices: [Yagoda, Yezhov, Beria, Kirov]
    answer: Yezhov
"""
    for i in range(5)
)


async def feed(
    bot: discord.Client, fake: FakeDiscord, payloads: list[dict[str, Any]], rate: float | None
) -> tuple[list[float], float]:
    """Give the payloads to discord.py's parser, paced at `rate` per second (None: at once);
    returns each click's handling time (s) and the wall time until the last reply."""
    state = bot._connection
    sent: dict[int, float] = {}
    fake.all_answered.clear()
    fake.waiting.update(int(p["id"]) for p in payloads)
    began = time.perf_counter()
    step = 0.005  # feed what is due every 5 ms, as a gateway delivers events
    for i in range(0, len(payloads), 1 if rate is None else max(1, int(rate * step))):
        chunk = payloads[i : i + (1 if rate is None else max(1, int(rate * step)))]
        if rate is not None:
            due = began + i / rate
            if (wait := due - time.perf_counter()) > 0:
                await asyncio.sleep(wait)
        for payload in chunk:
            sent[int(payload["id"])] = time.perf_counter()
            state.parse_interaction_create(payload)  # type: ignore[arg-type]
        await asyncio.sleep(0)
    await fake.all_answered.wait()
    wall = max(fake.replied[i] for i in sent) - began
    return [fake.replied[i] - sent[i] for i in sent], wall


def null_item(template: str) -> type[discord.ui.DynamicItem[discord.ui.Button[Any]]]:
    """The floor: a dynamic item on `template` whose callback only replies. Parsing, dispatch and
    the reply, nothing of ours."""

    class NullButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=template):
        @classmethod
        async def from_custom_id(
            cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
        ) -> NullButton:
            if not isinstance(item, discord.ui.Button):
                raise TypeError("the floor button was given another component")
            return cls(item)

        async def callback(self, interaction: discord.Interaction[Any]) -> None:
            await interaction.response.send_message("ok", ephemeral=True)

    return NullButton


class StillClock:
    """The bot's clock during a benchmark: it moves only when told, so no question closes under
    a slow machine."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@dataclass
class BenchBot:
    bot: Any  # purgebot's PurgeBot
    store: Store
    fake: FakeDiscord
    clock: StillClock


@contextlib.asynccontextmanager
async def bench_bot(channels: list[int], bank: str = BANK) -> AsyncIterator[BenchBot]:
    """The real bot (`create_bot`: cogs, tree, dynamic items) on a real Store on a temp file,
    synchronous=FULL, logged in to the fake and told of the server and its channels."""
    fake = FakeDiscord()
    clock = StillClock()
    with tempfile.TemporaryDirectory() as tmp:
        banks = Path(tmp) / "banks"
        banks.mkdir()
        (banks / "bench.yaml").write_text(bank)
        store = await Store.open(Path(tmp) / "bench.db")
        settings = Settings(db_path=Path(tmp) / "bench.db", banks_dir=banks, token=None)
        bot = create_bot(settings, store=store, clock=clock, rng=random.Random(1), auto_sync=False)
        try:
            await fake.login(bot)
            bot._connection.parse_guild_create(guild_create(channels))
            yield BenchBot(bot, store, fake, clock)
        finally:
            if not bot.is_closed():
                await bot.close()
            await store.close()


@contextlib.contextmanager
def purgebot_gc() -> Iterator[None]:
    """The collector as `purgebot run` sets it once the bot is ready (`tune_gc`), undone after."""
    before = gc.get_threshold()
    tune_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def start_quizzes(b: BenchBot, channels: list[int]) -> dict[int, dict[str, Any]]:
    """/quiz start in every channel; returns each channel's first question message."""
    for channel_id in channels:
        b.bot._connection.parse_interaction_create(start_payload(next(b.fake.ids), channel_id))
    b.fake.expected_posts = len(channels)
    await b.fake.all_posted.wait()
    return dict(b.fake.posted)
