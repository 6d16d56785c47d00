"""Private answers (homework, practice, review) against the floor, and memory per open attempt.

The real bot (`create_bot`, real cogs and dynamic items, a real Store with synchronous=FULL) with
the network replaced as in bench_clicks.py. Students press a homework card's Start (an attempt
is stored and its first question sent privately), then answer it: each answer is judged, stored
(committed), the attempt's position saved, and the feedback sent. The floor is the same payloads
through a dynamic item on the same template that only replies. Compare the p50 with
bench_clicks.py's live click from the same run: a private answer does more (it loads the
attempt and saves where it stands), so expect a few times the live click's cost.

Memory per open attempt: what the process holds after N students each have an attempt open
(tracemalloc, after a collection), divided by N. The attempt itself is in the database.

    python bench/bench_private.py [--quick]
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import statistics
import sys
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from botkit import BOT_USER, GUILD_ID, bench_bot, feed, interaction, message_payload, null_item, pct
from common import check, row
from purgebot.bot.selfpaced import DYNAMIC_ITEMS

CHANNEL = 910_000
NullAnswer = null_item(r"ps:(?P<run>\d+):(?P<q>\d+):(?P<pos>\d+)")


def click(iid: int, user_id: int, custom_id: str) -> dict[str, Any]:
    payload = interaction(iid, 3, CHANNEL, user_id, {"custom_id": custom_id, "component_type": 2})
    button = {"type": 2, "style": 1, "label": "A", "custom_id": custom_id}
    body = {"components": [{"type": 1, "components": [button]}], "flags": 64}
    payload["message"] = message_payload(iid, CHANNEL, BOT_USER, body)
    return payload


async def run(students: int) -> dict[str, Any]:
    async with bench_bot([CHANNEL]) as b:
        bot, store, fake = b.bot, b.store, b.fake
        due = datetime.now(UTC) + timedelta(days=2)
        hw = await store.create_assignment(GUILD_ID, CHANNEL, "bench", 1, due, 1, {"count": 5})
        ids = itertools.count(950_000_000_000_000_000)
        users = [5_000_000 + s for s in range(students)]

        gc.collect()
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        starts = [click(next(ids), u, f"phw:{hw.assignment_id}") for u in users]
        start_lat, _ = await feed(bot, fake, starts, None)
        gc.collect()
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        grown = sum(s.size_diff for s in after.compare_to(before, "filename"))

        runs = {a.user_id: a.run_id for u in users for a in await store.user_attempts(GUILD_ID, u)}
        results: dict[str, Any] = {"start": start_lat, "memory": grown / students}
        rate = students / 2.0  # the class answers within two seconds, as in bench_clicks

        def use(kind: str) -> None:
            bot.remove_dynamic_items(NullAnswer, *DYNAMIC_ITEMS)
            bot.add_dynamic_items(*((NullAnswer,) if kind == "floor" else DYNAMIC_ITEMS))

        for kind in ("floor", "ours"):  # question 1, paced: handling time
            use(kind)
            answers = [click(next(ids), u, f"ps:{runs[u]}:1:0") for u in users]
            results[f"{kind} paced"], _ = await feed(bot, fake, answers, rate)
        nexts = [click(next(ids), u, f"psn:{runs[u]}") for u in users]
        results["next"], _ = await feed(bot, fake, nexts, None)
        for kind in ("floor", "ours"):  # question 2, all at once: throughput
            use(kind)
            answers = [click(next(ids), u, f"ps:{runs[u]}:2:0") for u in users]
            _, wall = await feed(bot, fake, answers, None)
            results[f"{kind} burst"] = students / wall
        answered = sum([(await store.attempt_totals(r))[0] for r in runs.values()])
        check(answered == 2 * students, f"{answered} of {2 * students} answers stored")
    return results


def main(quick: bool = False) -> list[dict[str, Any]]:
    students = 300 if quick else 3000
    got = asyncio.run(run(students))
    floor_lat, ours_lat = got["floor paced"], got["ours paced"]
    size = f"{students:,} students"
    paced = f"{students / 2:,.0f}/s"
    return [
        row(
            f"private answers/s, burst ({size})",
            got["ours burst"],
            "/s",
            got["floor burst"],
            "compare live",
        ),
        row(
            f"private answer handling p50 at {paced} ({size})",
            statistics.median(ours_lat) * 1000,
            "ms",
            statistics.median(floor_lat) * 1000,
            "compare live",
        ),
        row(
            f"private answer handling p99 at {paced} ({size})",
            pct(ours_lat, 0.99) * 1000,
            "ms",
            pct(floor_lat, 0.99) * 1000,
            "≪ 3000 ms",
        ),
        row(
            f"homework Start p50, all at once ({size})",
            statistics.median(got["start"]) * 1000,
            "ms",
            None,
            "—",
        ),
        row(
            f"Next question p50, all at once ({size})",
            statistics.median(got["next"]) * 1000,
            "ms",
            None,
            "—",
        ),
        row("memory per open attempt (in process)", got["memory"], "B", None, "—"),
    ]


if __name__ == "__main__":
    for r in main("--quick" in sys.argv):
        print(r)
