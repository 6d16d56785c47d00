"""Which process holds which shards of one PostgreSQL database: a lease kept by the server.

Each `purgebot run` on PostgreSQL opens one connection of its own, held while it runs, and takes
on it a session advisory lock per shard it serves, plus a shared lock on its shard count (the
record that every process on the database splits the servers the same way). A second process
asking for a held shard, or for another shard count, is refused with a plain message; nothing
is written to a table. The server drops a session's locks when its connection ends, however the
process ended, so a process killed with SIGKILL can be started again at once, and a stale lease
never needs clearing by hand.

(An SQLite file keeps its flock lock beside the file instead: one process per file.)
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from purgebot.errors import UserFacingError
from purgebot.shards import ShardPlan, format_ids

if TYPE_CHECKING:
    import asyncpg

log = logging.getLogger(__name__)

# advisory lock keys (two int4 keys: namespace, value), apart from the migrations' one-key lock
SHARD_LOCK = 0x70627368  # "pbsh", shard id
COUNT_LOCK = 0x7062636E  # "pbcn", shard count (shared: every process of one layout holds it)
CLAIM_LOCK = 0x7062636C  # "pbcl", 0: one process at a time checks and takes its lease
UNSHARDED = ShardPlan((0,), 1)  # a process without --shards holds the whole bot
RETRY_SECONDS = 2.0  # between attempts to take the shards again after the connection broke

HOLDERS = """
    SELECT l.objid::bigint, l.pid, coalesce(a.application_name, '')
    FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid::bigint = $1
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND l.pid <> pg_backend_pid()
"""


class ShardsTaken(UserFacingError):
    """Another process holds some of the shards asked for, or splits the bot another way."""


@dataclass(frozen=True, slots=True)
class Holder:
    value: int  # the shard id, or the shard count
    name: str  # the holder's application_name: 'purgebot shards 0-1 of 4 (pid 12 on host)'


def application_name(plan: ShardPlan) -> str:
    """What the lease connection calls itself in pg_stat_activity, naming this process."""
    what = "purgebot" if plan == UNSHARDED else f"purgebot shards {plan.label}"
    return f"{what} (pid {os.getpid()} on {socket.gethostname()})"[:63]


class ShardLease:
    """The shards of `plan` (None: the whole, unsharded bot) held on `url` while the bot runs."""

    def __init__(self, url: str, plan: ShardPlan | None) -> None:
        self.url = url
        self.plan = plan if plan is not None else UNSHARDED
        self._conn: asyncpg.Connection | None = None
        self._broken = asyncio.Event()  # the connection holding the locks ended under us
        self.changed = asyncio.Condition()  # notified when `taken` grows
        self.taken = 0  # how many times the shards were taken (1, then 1 per re-take)

    @property
    def what(self) -> str:
        """'shards 0-1 of 4', or 'the whole bot' for an unsharded process, for the log."""
        return "the whole bot" if self.plan == UNSHARDED else f"shards {self.plan.label}"

    @property
    def held(self) -> bool:
        return self._conn is not None and not self._conn.is_closed()

    async def acquire(self) -> ShardLease:
        """Take every shard of the plan, or none of them and raise ShardsTaken."""
        import asyncpg

        conn = await asyncpg.connect(
            self.url, server_settings={"application_name": application_name(self.plan)}
        )
        try:
            await self._claim(conn)
        except BaseException:
            await conn.close()  # the server drops whatever was taken
            raise
        self._conn = conn
        conn.add_termination_listener(self._ended)
        self._broken.clear()
        log.info("holding %s of this database", self.what)
        async with self.changed:
            self.taken += 1
            self.changed.notify_all()
        return self

    def _ended(self, conn: Any) -> None:
        if conn is self._conn:  # not a release
            self._conn = None
            self._broken.set()

    async def keep(
        self,
        lost: Callable[[str], None],
        pause: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """Run beside the bot: when the connection holding the shards breaks (PostgreSQL
        restarted, the network dropped), the server has dropped the locks; take them again as
        soon as it answers (`pause` between attempts). If another process took any of them
        meanwhile, call `lost` with the reason: this process must stop, or two would serve one
        shard."""
        import asyncpg

        wait = pause or (lambda: asyncio.sleep(RETRY_SECONDS))
        retryable: tuple[type[BaseException], ...] = (
            OSError,
            TimeoutError,
            asyncpg.PostgresConnectionError,
            asyncpg.InterfaceError,
            asyncpg.CannotConnectNowError,
        )
        while True:
            await self._broken.wait()
            log.warning("the database connection holding %s broke; taking it again", self.what)
            tries = 0
            while True:
                await wait()
                try:
                    await self.acquire()
                    break
                except ShardsTaken as exc:
                    lost(exc.message)
                    return
                except retryable as exc:
                    tries += 1  # said once, then quietly: the server may be away a while
                    log.log(
                        logging.WARNING if tries == 1 else logging.DEBUG,
                        "PostgreSQL does not answer yet (%s); trying again every few seconds",
                        type(exc).__name__,
                    )

    async def _claim(self, conn: asyncpg.Connection) -> None:
        plan = self.plan
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1, 0)", CLAIM_LOCK)
            counts = [Holder(r[0], r[2]) for r in await conn.fetch(HOLDERS, COUNT_LOCK)]
            other = [h for h in counts if h.value != plan.count]
            if other:
                raise ShardsTaken(different_count(plan, other[0]))
            await conn.execute("SELECT pg_advisory_lock_shared($1, $2)", COUNT_LOCK, plan.count)
            held = {r[0]: Holder(r[0], r[2]) for r in await conn.fetch(HOLDERS, SHARD_LOCK)}
            taken = [held[s] for s in plan.ids if s in held]
            if taken:
                raise ShardsTaken(shards_taken(plan, taken))
            for shard in plan.ids:
                got = await conn.fetchval("SELECT pg_try_advisory_lock($1, $2)", SHARD_LOCK, shard)
                if not got:  # only if someone took it outside the claim lock
                    raise ShardsTaken(shards_taken(plan, [Holder(shard, "")]))

    async def release(self) -> None:
        """Give the shards back (closing the connection drops its locks)."""
        conn, self._conn = self._conn, None
        self._broken.clear()
        if conn is not None and not conn.is_closed():
            await conn.close()


def _who(holders: list[Holder]) -> str:
    names = sorted({h.name for h in holders if h.name})
    return f" ({'; '.join(names)})" if names else ""


def shards_taken(plan: ShardPlan, taken: list[Holder]) -> str:
    ids = format_ids(h.value for h in taken)
    if plan == UNSHARDED:
        return (
            f"another purgebot{_who(taken)} is already running on this database. Two bots on "
            "one database would end each other's quizzes: stop the other one first, or run "
            "each with its own --shards (see the teacher guide, 'When one computer isn't "
            "enough')."
        )
    noun = "shard" if len(taken) == 1 else "shards"
    verb = "belongs" if len(taken) == 1 else "belong"
    return (
        f"{noun} {ids} of {plan.count} already {verb} to another purgebot process on this "
        f"database{_who(taken)}. Two processes on one shard would end each other's quizzes: "
        "give this one other shards with --shards, or stop the one holding them first."
    )


def different_count(plan: ShardPlan, holder: Holder) -> str:
    if holder.value == 1:
        other = "another purgebot runs on this database without --shards"
    else:
        other = f"the purgebot processes on this database run with --shard-count {holder.value}"
    return (
        f"{other}{_who([holder])}, and this one asks for --shard-count {plan.count}. Every "
        "process of one bot must split the servers the same way: start this one with the "
        "same --shard-count, or stop the others first to change it."
    )
