"""Answer clicks end to end: gateway payloads into the real bot, replies captured, not sent.

The bot is `create_bot` with its real cogs, tree and answer routing, a real Store on a temp file
(synchronous=FULL, as in production: the answer writer's child process commits) and the quiz
engine; the network is replaced at discord.py's two HTTP boundaries (bench/botkit.py). Quizzes
are started with /quiz start payloads; every student's click is an INTERACTION_CREATE payload
given to discord.py's own parser. A click's handling time runs from that call to the moment the
bot sends its reply. The floor is the same payloads through a do-nothing DynamicItem button on
the same template: parsing, discord.py's dispatch (which rebuilds the question's view from the
message to find the item) and the reply, nothing of ours; ours takes the options' clicks before
discord.py builds the message or dispatches (bot/quickclick.py), and the floor's phases turn that
off. Both call the parser method itself, so neither pays the edge's cleaning of the payload
(bot/edge.py), which the gateway's path adds. The collector is set as `purgebot run` sets it, for
the floor and for us.

Loads: paced, as a class's clicks arrive (every student of every quiz once over a question's
time, at most 1,500 clicks/s), for p50/p99; a burst, as fast as the loop takes them, for
clicks/s. Then, on a fresh bot, `bot.close()` with every quiz mid-question and a class of 30
having answered in each: the shutdown time.

    python bench/bench_clicks.py [--quick]      # --quick: 100 quizzes
"""

from __future__ import annotations

import asyncio
import itertools
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from botkit import (
    GUILD_ID,
    BenchBot,
    bench_bot,
    click_payloads,
    feed,
    null_item,
    pct,
    purgebot_gc,
    start_quizzes,
)
from common import check, row
from purgebot.bot.quickclick import quick_routes
from purgebot.bot.quiz.answers import OPTION_PREFIX, QUICK_CLICKS, QUIZ_COG
from purgebot.storage import RunStatus

PLAYERS = 30
PACED_RATE = 1500.0  # clicks/s: 1,000 quizzes × 30 students within a 20 s question
TARGET_RATIO = 0.8
TARGET_P99_MS = 100.0
TARGET_SHUTDOWN_S = 1.0
NullButton = null_item(r"pq:(?P<run>\d+):(?P<q>\d+):(?P<pos>\d+)")


class Clicks:
    """One bot with `quizzes` quizzes open, and each phase's fresh students clicking."""

    def __init__(self, b: BenchBot, posted: dict[int, dict[str, Any]], players: int) -> None:
        self.b = b
        self.posted = posted
        self.rng = random.Random(1)
        self.players = players
        self.first = itertools.count(0, 100_000)  # each phase's students are new to the question
        self.stored = 0  # clicks of ours stored so far (per quiz)

    def use(self, kind: str) -> None:
        """floor: the do-nothing button; ours: everything; bare: ours, answers not stored."""
        bot, store = self.b.bot, self.b.store
        ours = bot.get_cog(QUIZ_COG).on_interaction  # the quiz's typed answers
        routes = quick_routes(bot)  # the options' clicks, taken before discord.py's dispatch
        bot.remove_dynamic_items(NullButton)
        bot.remove_listener(ours, "on_interaction")
        routes.remove(OPTION_PREFIX)
        if kind == "floor":
            bot.add_dynamic_items(NullButton)
        else:
            bot.add_listener(ours, "on_interaction")
            routes.add(*QUICK_CLICKS)
        if kind == "bare":

            async def unstored(record: Any) -> int:
                return 0

            store.record_answer = unstored  # type: ignore[method-assign]
        else:
            store.__dict__.pop("record_answer", None)

    async def phase(
        self, kind: str, rate: float | None, players: int | None = None
    ) -> tuple[list[float], float, int]:
        """One phase's clicks: (handling times, wall time, clicks)."""
        self.use(kind)
        players = players or self.players
        first = next(self.first)
        payloads = click_payloads(
            self.b.fake.ids, self.posted, range(first, first + players), self.rng
        )
        self.stored += players if kind == "ours" else 0
        latencies, wall = await feed(self.b.bot, self.b.fake, payloads, rate)
        return latencies, wall, len(payloads)


async def run(
    quizzes: int, bursts: int, *, paced: bool = True, players: int = PLAYERS, burst_players: int = 0
) -> dict[str, Any]:
    """Every phase's clicks, with `players` new students per quiz in each phase (in a burst,
    `burst_players` if given)."""
    channels = [900_000 + i for i in range(quizzes)]
    async with bench_bot(channels) as b:
        posted = await start_quizzes(b, channels)
        clicks = Clicks(b, posted, players)
        total = quizzes * players
        rate = min(PACED_RATE, total / 2.0)  # a smaller school clicks within two seconds
        results: dict[str, Any] = {"rate": rate, "clicks": total}
        with purgebot_gc():
            if paced:
                for kind in ("floor", "ours"):
                    results[f"{kind} paced"], *_ = await clicks.phase(kind, rate)
            for kind in ("floor", "ours", "bare") * bursts:
                _, wall, n = await clicks.phase(kind, None, burst_players)
                results.setdefault(f"{kind} burst", []).append(n / wall)
        clicks.use("ours")
        report = await b.store.run_report(GUILD_ID, 1)
        stored = sum(s.answered for s in report.students)  # bare phases store nothing
        check(stored == clicks.stored, f"run 1 has {stored} answers stored, not {clicks.stored}")
        results["commits"] = b.store.answer_batches
        results["stored"] = quizzes * clicks.stored
        await close_all(b, quizzes)
    return results


async def shutdown(quizzes: int) -> float:
    """`bot.close()` with `quizzes` quizzes mid-question, a class of 30 having answered in each
    (the bot's collector as `purgebot run` sets it): seconds."""
    channels = [900_000 + i for i in range(quizzes)]
    async with bench_bot(channels) as b:
        posted = await start_quizzes(b, channels)
        clicks = Clicks(b, posted, PLAYERS)
        with purgebot_gc():
            await clicks.phase("ours", None)
            return await close_all(b, quizzes)


async def close_all(b: BenchBot, quizzes: int) -> float:
    """Close the bot with every quiz running (each ends with a notice); seconds it took."""
    began = time.perf_counter()
    await b.bot.close()
    took = time.perf_counter() - began
    ended = await b.store.list_runs(GUILD_ID, limit=quizzes + 1)
    aborted = sum(r.status is RunStatus.ABORTED for r in ended)
    check(aborted == quizzes, f"{aborted} of {quizzes} quizzes ended at shutdown")
    return took


def main(quick: bool = False) -> list[dict[str, Any]]:
    quizzes = 100 if quick else 1000
    got = asyncio.run(run(quizzes, bursts=3 if quick else 2, burst_players=0 if quick else 10))
    got["shutdown"] = asyncio.run(shutdown(quizzes))
    floor_lat, ours_lat = got["floor paced"], got["ours paced"]
    floor_rate = statistics.median(got["floor burst"])
    ours_rate = statistics.median(got["ours burst"])
    size = f"{quizzes:,} quizzes × {PLAYERS}"
    rate = f"{got['rate']:,.0f}/s"
    return [
        row(
            f"stored clicks/s, burst ({size})",
            ours_rate,
            "/s",
            floor_rate,
            f"ratio ≥ {TARGET_RATIO:g}",
            figure="clicks.stored_rate",
        ),
        row(
            "  …as a ratio to the do-nothing button",
            ours_rate / floor_rate,
            "×",
            None,
            f"≥ {TARGET_RATIO:g}",
            figure="clicks.stored_ratio",
        ),
        row(
            "  …the same, answers not stored",
            statistics.median(got["bare burst"]),
            "/s",
            floor_rate,
            "—",
            figure="clicks.bare_rate",
        ),
        row(
            f"stored click cost, burst ({size})",
            1e6 / ours_rate,
            "µs",
            1e6 / floor_rate,
            "—",
            figure="clicks.us_per_click",
        ),
        row(
            f"click handling p50 at {rate} ({size})",
            statistics.median(ours_lat) * 1000,
            "ms",
            statistics.median(floor_lat) * 1000,
            "—",
            figure="clicks.paced_p50_ms",
        ),
        row(
            f"click handling p99 at {rate} ({size})",
            pct(ours_lat, 0.99) * 1000,
            "ms",
            pct(floor_lat, 0.99) * 1000,
            f"≤ {TARGET_P99_MS:g} ms",
            figure="clicks.paced_p99_ms",
        ),
        row(
            f"answers per commit ({got['stored']:,} answers)",
            got["stored"] / got["commits"],
            "",
            None,
            "—",
            figure="clicks.answers_per_commit",
        ),
        row(
            f"bot.close() with {quizzes:,} quizzes × {PLAYERS} running",
            got["shutdown"],
            "s",
            None,
            f"< {TARGET_SHUTDOWN_S:g} s" if quizzes >= 1000 else "—",
            figure="shutdown.s",
        ),
    ]


if __name__ == "__main__":
    for r in main("--quick" in sys.argv):
        print(r)
