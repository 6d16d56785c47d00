"""A busy writer for the crash test: records answers nonstop, printing each acknowledged one.

Run as `python crash_writer.py DB WORKERS`. Prints "ready RUN_ID", then one line
"ANSWER_ID TOKEN" per answer, only after `record_answer` has returned. It never stops by itself:
the test kills it with SIGKILL.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta

from purgebot.storage import AnswerRecord, Store

BASE = datetime(2024, 3, 13, 12, 0, tzinfo=UTC)


async def student(store: Store, run_id: int, user_id: int) -> None:
    n = 0
    while True:
        n += 1
        token = f"u{user_id}-{n}"
        answer_id = await store.record_answer(
            AnswerRecord(
                run_id=run_id,
                guild_id=1,
                user_id=user_id,
                user_name=f"student {user_id}",
                question_id=token,
                topic="crash",
                raw_answer="A",
                correct=n % 3 != 0,
                points=500,
                response_ms=1000,
                answered_at=BASE + timedelta(milliseconds=n),
            )
        )
        sys.stdout.write(f"{answer_id} {token}\n")
        sys.stdout.flush()


async def main(path: str, students: int) -> None:
    store = await Store.open(path)
    run = await store.start_run(1, 1, "crash", None)
    print("ready", run.run_id, flush=True)
    await asyncio.gather(*(student(store, run.run_id, u) for u in range(students)))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
