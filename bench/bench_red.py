"""Red's trivia pattern against purgebot's stored click, at 10, 100 and 1,000 running sessions.

The pattern, from its description only (no code of Red's is copied or read here): a trivia
session per channel; for each question the session awaits the next message with discord.py's
`wait_for("message", check=...)`, its check testing that the message is in the session's channel,
is not from a bot, and contains an accepted answer. discord.py runs every pending check on every
message, so a message costs more the more sessions run anywhere in the process.

Here N sessions wait that way on a real `discord.Client` (network replaced as in botkit), and
MESSAGE_CREATE payloads go to discord.py's own parser, spread over the sessions' channels. They
are wrong answers, as most of a class's messages are: each is parsed and checked by every
session, and none ends a question. The parse and every check run inside the parser's call, so
the time of the calls is the cost. purgebot's figure is the stored click's cost in a burst with
N quizzes open (bench_clicks' harness, same run, the collector set as `purgebot run` sets it):
value = purgebot µs per stored answer, floor = Red's µs per message, ratio = the two.

    python bench/bench_red.py [--quick]
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import discord

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_clicks
from botkit import GUILD_ID, FakeDiscord, guild_create, message_payload, purgebot_gc, user
from common import check, row

SESSIONS = (10, 100, 1000)
ANSWERS = ("yezhov", "nikolai yezhov")
QUESTION_SECONDS = 3600.0  # no question times out during a phase


class Session:
    """One channel's trivia game in Red's manner: a `wait_for` per question, checked per message."""

    def __init__(self, client: discord.Client, channel_id: int) -> None:
        self.client = client
        self.channel_id = channel_id
        self.checked = 0
        self.right = 0

    def check(self, message: discord.Message) -> bool:
        self.checked += 1
        if message.channel.id != self.channel_id or message.author.bot:
            return False
        said = message.content.casefold()
        return any(answer in said for answer in ANSWERS)

    async def play(self) -> None:
        while True:
            try:
                await self.client.wait_for("message", check=self.check, timeout=QUESTION_SECONDS)
            except TimeoutError:
                continue
            self.right += 1  # Red would congratulate, score, and ask the next question


def message(mid: int, channel_id: int, user_id: int, content: str) -> dict[str, Any]:
    payload = message_payload(mid, channel_id, user(user_id), {"content": content})
    payload["guild_id"] = str(GUILD_ID)
    payload["member"] = {
        "roles": [],
        "joined_at": "2025-09-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
    }
    return payload


async def red_cost(sessions: int, messages: int, repeats: int) -> float:
    """Seconds per message with `sessions` sessions waiting (median over `repeats` rounds)."""
    fake = FakeDiscord()
    client = discord.Client(intents=discord.Intents.default())
    await fake.login(client)
    channels = [930_000 + i for i in range(sessions)]
    state = client._connection
    state.parse_guild_create(guild_create(channels))
    games = [Session(client, c) for c in channels]
    tasks = [asyncio.ensure_future(g.play()) for g in games]
    await asyncio.sleep(0)  # every session is now waiting on its check
    ids = itertools.count(960_000_000_000_000_000)
    per_message = []
    try:
        for _ in range(repeats):
            payloads = [
                message(next(ids), channels[i % sessions], 6_000_000 + i, "was it Yagoda?")
                for i in range(messages)
            ]
            began = time.perf_counter()
            for payload in payloads:
                state.parse_message_create(payload)  # type: ignore[arg-type]
            per_message.append((time.perf_counter() - began) / messages)
            await asyncio.sleep(0)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await client.close()
    checked = sum(g.checked for g in games)
    check(
        checked == sessions * messages * repeats,
        f"{checked} checks run, expected "
        f"{sessions * messages * repeats}: the sessions were not all waiting",
    )
    check(not any(g.right for g in games), "a wrong answer ended a question")
    return statistics.median(per_message)


def main(quick: bool = False) -> list[dict[str, Any]]:
    clicks = 3000 if quick else 15_000
    rows = []
    for sessions in SESSIONS:
        players = max(3, clicks // sessions)
        with purgebot_gc():
            red = asyncio.run(red_cost(sessions, 3000, 3 if quick else 5))
        ours = asyncio.run(
            bench_clicks.run(sessions, 1 if quick else 2, paced=False, players=players)
        )
        rate = statistics.median(ours["ours burst"])
        rows.append(
            row(
                f"stored click ÷ Red's per-message check, {sessions:,} sessions",
                1e6 / rate,
                "µs",
                red * 1e6,
                "ratio ≤ 1" if sessions == 1000 else "—",
                figure=f"red.sessions_{sessions}",
            )
        )
    return rows


if __name__ == "__main__":
    for r in main("--quick" in sys.argv):
        print(r)
