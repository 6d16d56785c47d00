"""The quiz engine at scale, and the quiz runner's timers on a real event loop.

1. Engine alone: 1,000 sessions of 30 players each answering every question (choice picks),
   closed and revealed question by question. Answers per second against a floor that only makes
   and judges each pick (the least any quiz must do per answer); memory per running quiz (a
   session with its 30 players mid-question) from tracemalloc.
2. Timers: 1,000 quizzes run by the bot's own `QuizRunner` on a real asyncio loop, each question
   0.2 to 1 s long, posting and editing through discord.py with the HTTP layer answering at once
   (nothing leaves the process). How late each question closes after its deadline, p50/p99,
   against bare `asyncio.sleep` timers for the same deadlines on the same loop.

    python bench/bench_engine.py [--quick]      # --quick: 200 quizzes
"""

from __future__ import annotations

import asyncio
import gc
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import discord

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_clicks import FakeDiscord
from common import median_seconds, row
from purgebot.banks.model import Bank, ChoiceQuestion, Defaults
from purgebot.bot.quiz.runner import QuizRunner, RunContext
from purgebot.quiz import CloseReason, QuizSession, QuizSettings, is_correct
from purgebot.storage import Store

PLAYERS = 30
QUESTIONS = 10
TARGET_LATE_MS = 100.0


def make_bank(questions: int = QUESTIONS, seconds: float = 20) -> Bank:
    return Bank(
        id="bench",
        title="Bench",
        defaults=Defaults(seconds=seconds),  # type: ignore[arg-type]  # fractions for the timers
        questions=tuple(
            ChoiceQuestion(
                id=f"q{i}",
                prompt=f"Question {i}?",
                choices=("Yagoda", "Yezhov", "Beria", "Kirov"),
                answers=frozenset({1}),
                topic=f"t{i % 3}",
            )
            for i in range(questions)
        ),
    )


# --- 1. the engine alone -------------------------------------------------------------------------


class Ticker:
    """A clock the benchmark moves by hand: 0.1 s per answer round."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def play_engine(quizzes: int, bank: Bank) -> int:
    """Every quiz plays every question with every player answering; returns answers taken."""
    clock = Ticker()
    sessions = [
        QuizSession(bank, QuizSettings(seed=i), clock=clock, started_by=0) for i in range(quizzes)
    ]
    taken = 0
    views = [s.start() for s in sessions]
    for q in range(len(bank.questions)):
        for player in range(PLAYERS):
            clock.now += 0.01
            for session, view in zip(sessions, views, strict=True):
                session.submit(player, view.pick([player % 4]), name="p")
                taken += 1
        for i, session in enumerate(sessions):
            session.close(CloseReason.ALL_ANSWERED)
            session.reveal()
            if q + 1 < len(bank.questions):
                views[i] = session.open_next()
    for session in sessions:
        session.finish()
    return taken


def play_floor(quizzes: int, bank: Bank) -> int:
    """The same answers, only read and judged (the pick made, `is_correct`): what any quiz must
    do per answer, without locking, timing, scoring or tallying it."""
    taken = 0
    clock = Ticker()
    view = QuizSession(bank, QuizSettings(seed=0), clock=clock, started_by=0).start()
    for _ in range(len(bank.questions)):
        for player in range(PLAYERS):
            for _ in range(quizzes):
                is_correct(view.question, view.pick([player % 4]))
                taken += 1
    return taken


def session_memory(quizzes: int, bank: Bank) -> float:
    """Bytes per running quiz: sessions mid-question, every player answered, after a reveal."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    clock = Ticker()
    sessions = [
        QuizSession(bank, QuizSettings(seed=i), clock=clock, started_by=0) for i in range(quizzes)
    ]
    for session in sessions:
        view = session.start()
        for player in range(PLAYERS):
            session.submit(player, view.pick([player % 4]), name=f"player {player}")
        session.close()
        session.reveal()
        view = session.open_next()
        for player in range(PLAYERS):
            session.submit(player, view.pick([1]), name=f"player {player}")
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(s.size_diff for s in after.compare_to(before, "filename"))
    del sessions
    return grown / quizzes


# --- 2. timers on a real loop --------------------------------------------------------------------


class LateSession(QuizSession):
    """A session that notes how late after its deadline each question was closed."""

    lateness: list[float]

    def close(self, reason: CloseReason = CloseReason.TEACHER) -> None:
        self.lateness.append(self._clock() - self.closes_at)
        super().close(reason)


async def run_runners(quizzes: int, questions: int, seed: int, spread: float) -> list[float]:
    """`quizzes` runners, each question 0.2-1 s, started over `spread` s; lateness (s)."""
    rng = random.Random(seed)
    fake = FakeDiscord()
    client = discord.Client(intents=discord.Intents.none())
    await fake.login(client)
    with tempfile.TemporaryDirectory() as tmp:
        store = await Store.open(Path(tmp) / "bench.db", synchronous="OFF")
        lateness: list[float] = []
        tasks = []
        try:
            for i in range(quizzes):
                bank = make_bank(questions, seconds=round(rng.uniform(0.2, 1.0), 3))
                clock = time.time
                session = LateSession(bank, QuizSettings(seed=i), clock=clock, started_by=1)
                session.lateness = lateness
                run = await store.start_run(1, 10_000 + i, bank.id, 1)
                ctx = RunContext(
                    client=client,
                    store=store,
                    guild_id=1,
                    channel_id=10_000 + i,
                    run_id=run.run_id,
                    bank=bank,
                    reveal_pause=0.0,
                )
                runner = QuizRunner(session, clock, ctx)
                delay = rng.uniform(0, spread)

                async def go(r: QuizRunner = runner, wait: float = delay) -> None:
                    await asyncio.sleep(wait)
                    await r.run()

                tasks.append(asyncio.ensure_future(go()))
            await asyncio.gather(*tasks)
        finally:
            await store.close()
            await client.close()
    assert len(lateness) == quizzes * questions
    return lateness


async def run_sleepers(quizzes: int, questions: int, seed: int, spread: float) -> list[float]:
    """Bare asyncio.sleep for the same deadlines: the loop's own timer floor."""
    rng = random.Random(seed)
    lateness: list[float] = []

    async def one(seconds: float, delay: float) -> None:
        await asyncio.sleep(delay)
        for _ in range(questions):
            deadline = time.time() + seconds
            await asyncio.sleep(seconds)
            lateness.append(time.time() - deadline)

    await asyncio.gather(
        *(one(round(rng.uniform(0.2, 1.0), 3), rng.uniform(0, spread)) for _ in range(quizzes))
    )
    return lateness


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(quick: bool = False) -> list[dict[str, Any]]:
    quizzes = 200 if quick else 1000
    repeats = 1 if quick else 5
    bank = make_bank()
    answers = quizzes * PLAYERS * QUESTIONS
    ours = median_seconds(lambda: play_engine(quizzes, bank), repeats)
    floor = median_seconds(lambda: play_floor(quizzes, bank), repeats)
    memory = session_memory(min(quizzes, 100), bank)

    questions, spread = (2, 0.5) if quick else (3, 1.0)
    late: list[float] = []
    bare: list[float] = []
    for attempt in range(1 if quick else 3):
        bare += asyncio.run(run_sleepers(quizzes, questions, attempt, spread))
        late += asyncio.run(run_runners(quizzes, questions, attempt, spread))
    per_answer = ours / answers * 1e6
    return [
        row(
            f"engine answers/s ({quizzes:,} quizzes × {PLAYERS}, {QUESTIONS} q)",
            answers / ours,
            "/s",
            answers / floor,
            f"{per_answer:.0f} µs/answer",
        ),
        row("engine memory per running quiz (30 players)", memory / 1024, "KiB", None, "—"),
        row(
            f"question close lateness p50 ({quizzes:,} runners)",
            statistics.median(late) * 1000,
            "ms",
            statistics.median(bare) * 1000,
            "—",
        ),
        row(
            f"question close lateness p99 ({quizzes:,} runners)",
            pct(late, 0.99) * 1000,
            "ms",
            pct(bare, 0.99) * 1000,
            f"< {TARGET_LATE_MS:g} ms",
        ),
    ]


if __name__ == "__main__":
    for r in main("--quick" in sys.argv):
        print(r)
