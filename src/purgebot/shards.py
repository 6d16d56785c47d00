"""Which of Discord's shards a `purgebot run` process serves (`--shards 0-1 --shard-count 4`).

Discord puts each server on one shard, `(guild_id >> 22) % shard_count`; a quiz lives in one
channel and so in one shard, and its state stays in the process that holds that shard. No
discord import: storage filters by the same rule (see `shard_of`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from purgebot.errors import UserFacingError

MAX_SHARD_COUNT = 4096  # far past any classroom bot; a typo like 40000 is refused plainly
_PART = re.compile(r"^(\d+)(?:-(\d+))?$")


class ShardError(UserFacingError):
    """--shards or --shard-count cannot be used; the message says how to write them."""


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord sends a server's events on."""
    return (guild_id >> 22) % shard_count


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """The shard ids this process holds, out of `count`."""

    ids: tuple[int, ...]
    count: int

    def owns(self, guild_id: int) -> bool:
        return shard_of(guild_id, self.count) in self.ids

    @property
    def syncs_commands(self) -> bool:
        """Exactly one process uploads the slash commands: the one holding shard 0 (every
        deployment has one, whatever the ranges, so the commands are never left unsynced)."""
        return 0 in self.ids

    @property
    def label(self) -> str:
        """'0-1 of 4', as the operator wrote the range."""
        return f"{format_ids(self.ids)} of {self.count}"


def format_ids(ids: Iterable[int]) -> str:
    """[0, 1, 2, 5] -> '0-2,5'."""
    out: list[str] = []
    run: list[int] = []
    for shard in sorted(set(ids)):
        if run and shard == run[-1] + 1:
            run.append(shard)
            continue
        if run:
            out.append(_span(run))
        run = [shard]
    if run:
        out.append(_span(run))
    return ",".join(out)


def _span(run: list[int]) -> str:
    return str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}"


def parse_ids(text: str) -> tuple[int, ...]:
    """'0-1', '3', '0,2,5-7' -> the shard ids, sorted; ShardError for anything else."""
    ids: set[int] = set()
    for part in text.replace(" ", "").split(","):
        found = _PART.match(part)
        if found is None:
            raise ShardError(
                f"--shards {text!r} is not a list of shard numbers: write a range like 0-1, "
                "a single shard like 3, or several separated by commas like 0,2,4-5."
            )
        first, last = int(found.group(1)), int(found.group(2) or found.group(1))
        if last < first:
            raise ShardError(
                f"--shards {text!r}: the range {part} runs backwards; write it as {last}-{first}."
            )
        if last >= MAX_SHARD_COUNT:
            raise ShardError(f"--shards {text!r}: shard numbers stop at {MAX_SHARD_COUNT - 1}.")
        ids.update(range(first, last + 1))
    return tuple(sorted(ids))


def shard_plan(shards: str | None, shard_count: int | None) -> ShardPlan | None:
    """The plan from the command line, or None for one unsharded process (no flags)."""
    if shards is None and shard_count is None:
        return None
    if shard_count is None:
        raise ShardError(
            "--shards needs --shard-count: how many shards the whole bot has across all its "
            "processes (for example --shards 0-1 --shard-count 4)."
        )
    if not 1 <= shard_count <= MAX_SHARD_COUNT:
        raise ShardError(
            f"--shard-count must be between 1 and {MAX_SHARD_COUNT}; got {shard_count}."
        )
    ids = parse_ids(shards) if shards is not None else tuple(range(shard_count))
    too_big = [i for i in ids if i >= shard_count]
    if too_big:
        raise ShardError(
            f"--shards {shards} names shard {too_big[0]}, but with --shard-count {shard_count} "
            f"the shards are numbered 0 to {shard_count - 1}."
        )
    return ShardPlan(ids, shard_count)


class ShardKeys:
    """Stored keys for a list that each process keeps about its own servers (running quizzes,
    open drills): one key per shard when sharded, so that two processes never overwrite each
    other's list and each reads back only its own; the one key `base` when not."""

    def __init__(self, base: str, plan: ShardPlan | None) -> None:
        self.base = base
        self.plan = plan

    def stored_keys(self) -> list[str]:
        """The keys this process reads at start."""
        if self.plan is None:
            return [self.base]
        return [self._shard_key(shard) for shard in self.plan.ids]

    def read_keys(self) -> list[str]:
        """The keys to read at start: this process's own, and (when sharded) the one key an
        unsharded process used, whose entries for other shards' servers are left to them."""
        own = self.stored_keys()
        return own if self.plan is None else [*own, self.base]

    def key_of(self, guild_id: int) -> str:
        """The key of the list that holds `guild_id`'s entries."""
        if self.plan is None:
            return self.base
        return self._shard_key(shard_of(guild_id, self.plan.count))

    def owns(self, guild_id: int) -> bool:
        return self.plan is None or self.plan.owns(guild_id)

    def _shard_key(self, shard: int) -> str:
        assert self.plan is not None
        return f"{self.base}:shard{shard}of{self.plan.count}"


class RunningBook(ShardKeys):
    """The running quizzes, kept per shard (rows of [run_id, guild_id, ...]), written only when
    a shard's list changed."""

    def __init__(self, base: str, plan: ShardPlan | None) -> None:
        super().__init__(base, plan)
        self._written: dict[str, str] = {}

    def updates(self, rows: list[list[Any]]) -> dict[str, str]:
        """key -> JSON text for the keys whose list changed since the last call."""
        parts: dict[str, list[list[Any]]] = {key: [] for key in self.stored_keys()}
        for row in rows:
            parts[self.key_of(int(row[1]))].append(row)
        out = {key: json.dumps(part) for key, part in parts.items()}
        changed = {key: text for key, text in out.items() if self._written.get(key) != text}
        self._written.update(changed)
        return changed
