"""`purgebot run --shards A-B --shard-count N` as real processes against a sharded fake Discord.

On SQLite one process holds all its shards (the file takes one process); on PostgreSQL (the
server named by PURGEBOT_TEST_POSTGRES, a fresh database per test; skipped, saying so, without
it) two processes split the shards of one database: each runs its own servers' quizzes, a
restart of one leaves the other's quiz alone, and a third asking for taken shards is refused.
Nothing sleeps: every wait is for a request, a log line or an exit, bounded.
"""

from __future__ import annotations

import pytest
from botprocess import StartBot
from classroom import LOCKED, answer, bank_questions, prompt_of, question, reply_text
from fakediscord import FakeDiscord, Room
from payloads import Member
from test_real_process import problems

POSTGRES_ENV = "PURGEBOT_TEST_POSTGRES"
RESTARTED = "The quiz bot restarted while a quiz was running here"


@pytest.fixture
def shard_count() -> int:
    return 4


def ready(servers: int) -> str:
    return rf"purgebot\.bot:? +ready as purgebot in {servers} servers?"


def identified(fake: FakeDiscord) -> list[str]:
    return sorted(r for r in fake.requests if r.startswith("WS IDENTIFY"))


def restart_notices(fake: FakeDiscord, room: Room) -> list[str]:
    return [m["content"] for m in fake.channel_messages(room) if RESTARTED in m["content"]]


async def start_quiz(fake: FakeDiscord, room: Room, teacher: Member, count: int = 2) -> str:
    started = await fake.reply(
        await fake.slash(teacher, "quiz start", room=room, bank="kirov", count=count, seconds=120)
    )
    return reply_text(started)


async def test_one_process_on_sqlite_serves_servers_on_all_its_shards(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    """One process, shards 0-1 of 4, over one SQLite file: a quiz in a server on shard 0 and
    one on shard 1 at once; after a crash, both channels are told; a second process on the
    same file is refused, even for shards nobody holds."""
    teacher = fake.add_member("ms-petrova", teacher=True)
    anya = fake.add_member("anya")
    here, there = fake.rooms[0], fake.add_room("Room 14", shard=1)
    bot = await start_bot("--shards", "0-1", "--shard-count", "4")
    await bot.wait_for_line(ready(2), within=60)
    await fake.wait_until(
        lambda: fake.shard_connected(0) and fake.shard_connected(1) and fake.commands,
        "shards 0 and 1, and the command sync",
    )
    assert identified(fake) == [f"WS IDENTIFY intents=1 shard=[{shard}, 4]" for shard in (0, 1)]
    known = bank_questions()
    for room in (here, there):
        assert (await start_quiz(fake, room, teacher)).startswith("Started ")
    for room in (here, there):
        posted = await question(fake, 1, 2, room)
        locked = await answer(fake, anya, posted, known[prompt_of(posted)], right=True)
        assert reply_text(locked).startswith(LOCKED)

    refused = await start_bot("--shards", "2-3", "--shard-count", "4")
    assert await refused.exited(within=20) == 2
    assert refused.matching(r"another purgebot \(process \d+\) is already running")
    assert refused.matching(r"to run shards in several processes, set PURGEBOT_DB")

    assert await bot.crash() == -9
    again = await start_bot("--shards", "0-1", "--shard-count", "4")
    await again.wait_for_line(ready(2), within=60)
    assert again.matching(r"ended 2 quiz runs left running by the previous process")
    for room in (here, there):
        await fake.wait_until(lambda room=room: restart_notices(fake, room), "the restart notice")
        assert len(restart_notices(fake, room)) == 1
    assert problems(bot) == [] and problems(again) == [] and fake.unknown == []
