"""Answer clicks end to end: gateway payloads into the real bot, replies captured, not sent.

The bot is `create_bot` with its real cogs, tree and dynamic items, a real Store on a temp file
(synchronous=FULL, as in production) and the quiz engine. Only the network is replaced, at
discord.py's two HTTP boundaries (`HTTPClient.request` for REST, the webhook adapter's `request`
for interaction replies): each call answers at once with a plausible payload.

Quizzes are started with /quiz start payloads; then every student's click is an INTERACTION_CREATE
payload given to discord.py's own parser (`ConnectionState.parse_interaction_create`). A click's
handling time runs from that call to the moment the bot sends its reply. The floor is the same
payloads through a dynamic item on the same template whose callback only replies: parsing,
dispatch and the reply, nothing of ours.

Two loads: paced, with clicks arriving as a class's would (every student of every quiz once over
a question's time), for p50/p99; and a burst, as fast as the loop takes them, for clicks/s.

    python bench/bench_clicks.py [--quick]      # --quick: 100 quizzes
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import discord
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import row
from purgebot.bot import create_bot
from purgebot.bot.quiz.answers import DYNAMIC_ITEMS
from purgebot.config import Settings
from purgebot.storage import Store

APP_ID = 700_000_000_000_000_001
BOT_ID = 700_000_000_000_000_002
GUILD_ID = 700_000_000_000_000_003
PLAYERS = 30
SECONDS = 300  # long enough that no question closes during a phase
PACED_RATE = 1500.0  # clicks/s: 1,000 quizzes × 30 students within a 20 s question
TARGET_P99_MS = 3000.0

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
        return {
            "id": str(message_id or next(self.ids)),
            "channel_id": str(channel_id),
            "author": BOT_USER,
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


# --- payloads ------------------------------------------------------------------------------------


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


# --- the null handler ----------------------------------------------------------------------------


class NullButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"pq:(?P<run>\d+):(?P<q>\d+):(?P<pos>\d+)",
):
    """The floor: same template, same dispatch, a reply and nothing else."""

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> NullButton:
        assert isinstance(item, discord.ui.Button)
        return cls(item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("ok", ephemeral=True)


# --- driving it ----------------------------------------------------------------------------------


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


@contextlib.contextmanager
def tuned_gc() -> Iterator[None]:
    """What a long-running server would do: freeze what start-up made, collect young objects
    less often. Each full collection walks every live object, and a thousand running quizzes
    make many."""
    before = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(quizzes: int, bursts: int) -> dict[str, Any]:
    fake = FakeDiscord()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        banks = Path(tmp) / "banks"
        banks.mkdir()
        (banks / "bench.yaml").write_text(BANK)
        store = await Store.open(Path(tmp) / "bench.db")
        settings = Settings(db_path=Path(tmp) / "bench.db", banks_dir=banks, token=None)
        bot = create_bot(settings, store=store, clock=time.time, rng=rng, auto_sync=False)
        try:
            await fake.login(bot)
            channels = [900_000 + i for i in range(quizzes)]
            bot._connection.parse_guild_create(guild_create(channels))
            for channel_id in channels:
                bot._connection.parse_interaction_create(
                    start_payload(next(fake.ids), channel_id)  # type: ignore[arg-type]
                )
            fake.expected_posts = quizzes
            await fake.all_posted.wait()
            posted = dict(fake.posted)
            clicks = quizzes * PLAYERS
            # slightly under the rate a real class makes when the quiz is smaller
            rate = min(PACED_RATE, clicks / 2.0)
            students = (range(k * PLAYERS, (k + 1) * PLAYERS) for k in itertools.count())

            async def unstored(record: Any) -> int:
                return 0

            def setup(kind: str) -> None:
                """floor: the null handler; ours: everything; bare: ours, answers not stored."""
                bot.remove_dynamic_items(NullButton, *DYNAMIC_ITEMS)
                bot.add_dynamic_items(*((NullButton,) if kind == "floor" else DYNAMIC_ITEMS))
                if kind == "bare":
                    store.record_answer = unstored  # type: ignore[method-assign]
                else:
                    store.__dict__.pop("record_answer", None)

            results: dict[str, Any] = {"rate": rate}
            for kind in ("floor", "ours"):
                setup(kind)
                payloads = click_payloads(fake.ids, posted, next(students), rng)
                results[f"{kind} paced"], _ = await feed(bot, fake, payloads, rate)
            for kind in ("floor", "ours", "bare") * bursts:
                setup(kind)
                payloads = click_payloads(fake.ids, posted, next(students), rng)
                _, wall = await feed(bot, fake, payloads, None)
                results.setdefault(f"{kind} burst", []).append(clicks / wall)
            setup("ours")
            with tuned_gc():  # the same again, the collector set as a long-running server's
                payloads = click_payloads(fake.ids, posted, next(students), rng)
                results["ours paced, gc tuned"], _ = await feed(bot, fake, payloads, rate)
            stored = await store.student_stats(GUILD_ID, channels[0] * 100 + PLAYERS)
            assert stored.answered == 1, "each click of ours was stored"
            report = await store.run_report(GUILD_ID, 1)
            assert sum(s.answered for s in report.students) == PLAYERS * (2 + bursts)
            results["commits"] = store.answer_batches
            results["stored"] = clicks * (2 + bursts)
        finally:
            await bot.close()
            await store.close()
    return results


def main(quick: bool = False) -> list[dict[str, Any]]:
    quizzes = 100 if quick else 1000
    got = asyncio.run(run(quizzes, bursts=1 if quick else 3))
    floor_lat, ours_lat = got["floor paced"], got["ours paced"]
    floor_rate = statistics.median(got["floor burst"])
    size = f"{quizzes:,} quizzes × {PLAYERS}"
    rate = f"{got['rate']:,.0f}/s"
    return [
        row(
            f"clicks/s, burst ({size})",
            statistics.median(got["ours burst"]),
            "/s",
            floor_rate,
            "ratio ≥ 0.67",
        ),
        row(
            "  …the same, answers not stored",
            statistics.median(got["bare burst"]),
            "/s",
            floor_rate,
            "—",
        ),
        row(
            f"click handling p50 at {rate} ({size})",
            statistics.median(ours_lat) * 1000,
            "ms",
            statistics.median(floor_lat) * 1000,
            "—",
        ),
        row(
            f"click handling p99 at {rate} ({size})",
            pct(ours_lat, 0.99) * 1000,
            "ms",
            pct(floor_lat, 0.99) * 1000,
            f"≪ {TARGET_P99_MS:g} ms",
        ),
        row(
            "  …the same, gc frozen after start-up, gen0 50,000",
            pct(got["ours paced, gc tuned"], 0.99) * 1000,
            "ms",
            pct(floor_lat, 0.99) * 1000,
            f"≪ {TARGET_P99_MS:g} ms",
        ),
        row(
            f"answers per commit ({got['stored']:,} answers)",
            got["stored"] / got["commits"],
            "",
            None,
            "—",
        ),
    ]


if __name__ == "__main__":
    for r in main("--quick" in sys.argv):
        print(r)
