"""At start a shard process ends only the quizzes left running in servers on its own shards; a
quiz another process is running in a server on another shard keeps running."""

from __future__ import annotations

from storage_helpers import FakeClock

from purgebot.shards import ShardPlan
from purgebot.storage import RunStatus, Store

GUILD_ON = {shard: (2_000 * 4 + shard) << 22 | 777 for shard in range(4)}


async def test_a_shard_process_aborts_only_the_runs_of_its_shards(
    store: Store, clock: FakeClock
) -> None:
    runs = {s: await store.start_run(GUILD_ON[s], 100 + s, "kirov", None) for s in range(4)}
    finished = await store.start_run(GUILD_ON[0], 99, "kirov", None)
    await store.end_run(finished.run_id, RunStatus.FINISHED)

    assert await store.abort_running_runs("restart", ShardPlan((0, 1), 4)) == 2
    status = {s: (await store.get_run(r.run_id)) for s, r in runs.items()}
    assert {s: r.status for s, r in status.items() if r is not None} == {
        0: RunStatus.ABORTED,
        1: RunStatus.ABORTED,
        2: RunStatus.RUNNING,
        3: RunStatus.RUNNING,
    }
    again = await store.get_run(finished.run_id)
    assert again is not None and again.status is RunStatus.FINISHED

    assert await store.abort_running_runs("restart", ShardPlan((3,), 4)) == 1
    left = await store.get_run(runs[2].run_id)
    assert left is not None and left.status is RunStatus.RUNNING
    assert await store.abort_running_runs("restart") == 1  # unsharded: every server
