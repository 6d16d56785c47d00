"""`purgebot run --shards A-B --shard-count N` as real processes against a sharded fake Discord.

On SQLite one process holds all its shards (the file takes one process); on PostgreSQL (the
server named by PURGEBOT_TEST_POSTGRES, a fresh database per test; skipped, saying so, without
it) two processes split the shards of one database: each runs its own servers' quizzes, a
restart of one leaves the other's quiz alone, and a third asking for taken shards is refused.
Nothing sleeps: every wait is for a request, a log line or an exit, bounded.
"""

from __future__ import annotations

import asyncio

import pytest
from botprocess import BotProcess, StartBot
from classroom import LOCKED, answer, bank_questions, prompt_of, question, reply_text
from fakediscord import FakeDiscord, Room
from payloads import Member
from test_real_process import SHUTDOWN_BUDGET, problems

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
    # SIGTERM closes every shard's connection and the database, cleanly, in the usual budget
    assert await again.terminate(within=SHUTDOWN_BUDGET) == 0, again.output
    assert again.matching(r"stopping: closing the connection and the database")
    assert problems(bot) == [] and problems(again) == [] and fake.unknown == []


async def sharded(start_bot: StartBot, shards: str, url: str, servers: int) -> BotProcess:
    bot = await start_bot("--shards", shards, "--shard-count", "4", db=url)
    await bot.wait_for_line(ready(servers), within=60)
    return bot


async def test_two_processes_over_postgres_run_their_own_servers_quizzes(
    fake: FakeDiscord, start_bot: StartBot, pg_url: str
) -> None:
    teacher = fake.add_member("ms-petrova", teacher=True)
    anya, boris = fake.add_member("anya"), fake.add_member("boris")
    here, there = fake.rooms[0], fake.add_room("Room 14", shard=2)
    first = await sharded(start_bot, "0-1", pg_url, 1)
    second = await sharded(start_bot, "2-3", pg_url, 1)
    await fake.wait_until(lambda: fake.connected and fake.commands, "all four shards connected")
    assert fake.command_puts == 1  # by the process holding shard 0 only
    assert first.matching(r"synced \d+ slash commands globally")
    assert second.matching(r"slash commands are synced by the process holding shard 0")
    assert second.matching(r"holding shards 2-3 of 4")

    # a quiz in each server at once, each in the process holding its shard
    known = bank_questions()
    for room in (here, there):
        assert (await start_quiz(fake, room, teacher)).startswith("Started ")
    for room in (here, there):
        posted = await question(fake, 1, 2, room)
        locked = await answer(fake, anya, posted, known[prompt_of(posted)], right=True)
        assert reply_text(locked).startswith(LOCKED)

    # a third process asking for shards the others hold is refused, naming them
    third = await start_bot("--shards", "1-2", "--shard-count", "4", db=pg_url)
    assert await third.exited(within=30) == 2
    assert third.matching(
        r"^purgebot: shards 1-2 of 4 already belong to another purgebot process on this "
        r"database \(purgebot shards 0-1 of 4 \(pid \d+ on .*\); purgebot shards 2-3 of 4"
    ), third.output

    # the second process is killed mid-quiz and started again at once: its shards are free,
    # its quiz is ended with a notice; the first process's quiz never notices
    assert await second.crash() == -9
    again = await sharded(start_bot, "2-3", pg_url, 1)
    assert again.matching(r"ended 1 quiz run left running by the previous process")
    await fake.wait_until(lambda: restart_notices(fake, there), "the restart notice in Room 14")
    assert restart_notices(fake, here) == []
    open_here = await question(fake, 1, 2, here)
    late = await answer(fake, boris, open_here, known[prompt_of(open_here)], right=False)
    assert reply_text(late).startswith(LOCKED)
    skipped = await fake.reply(await fake.slash(teacher, "quiz skip", room=here))
    assert "Closing this question now" in reply_text(skipped), reply_text(skipped)
    await question(fake, 2, 2, here)  # the first process's quiz goes on
    for bot in (first, again):
        assert problems(bot) == [], bot.output
    assert fake.unknown == []


async def test_a_process_whose_shards_were_taken_while_it_was_cut_off_stops(
    fake: FakeDiscord, start_bot: StartBot, pg_url: str
) -> None:
    """The connection holding a process's shards breaks (PostgreSQL restarted, the network
    dropped) and, before it can take them again, another holder takes one: the process must
    stop, saying why, rather than serve a shard twice."""
    import asyncpg

    from purgebot.storage.shardlease import SHARD_LOCK

    bot = await sharded(start_bot, "0-1", pg_url, 1)
    other = await asyncpg.connect(pg_url, server_settings={"application_name": "the other one"})
    try:
        # waits for shard 0, which it gets the moment the bot's holding connection ends
        taking = asyncio.create_task(other.execute("SELECT pg_advisory_lock($1, 0)", SHARD_LOCK))
        ended = await other_conn_ends(pg_url, "purgebot shards 0-1 of 4%")
        assert ended == 1
        await asyncio.wait_for(taking, 10)
        assert await bot.exited(within=30) == 2
    finally:
        await other.close()
    assert bot.matching(r"the database connection holding shards 0-1 of 4 broke")
    assert bot.matching(
        r"^purgebot: shard 0 of 4 already belongs to another purgebot process on this "
        r"database \(the other one\)"
    ), bot.output
    assert not bot.matching(r"Traceback")


async def other_conn_ends(url: str, like: str) -> int:
    """End the server side of the connections named `like`, as a PostgreSQL restart would."""
    import asyncpg

    admin = await asyncpg.connect(url)
    try:
        rows = await admin.fetch(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE application_name LIKE $1 AND pid <> pg_backend_pid()",
            like,
        )
        return len(rows)
    finally:
        await admin.close()
