"""`purgebot run --shards 0-1 --shard-count 4`: the flags as an operator writes them, and what a
shard plan decides (which servers are this process's, who syncs the commands)."""

from __future__ import annotations

import json

import pytest
from discord.ext import commands

from purgebot.bot.client import PurgeBot, ShardedPurgeBot, create_bot
from purgebot.cli import main
from purgebot.config import Settings
from purgebot.shards import RunningBook, ShardError, ShardPlan, format_ids, shard_of, shard_plan

# snowflakes whose shard out of 4 is known: (shard << 22) plus anything below bit 22
GUILD_ON = {shard: (1_000 * 4 + shard) << 22 | 12_345 for shard in range(4)}


def test_a_guilds_shard_is_discords_rule() -> None:
    assert [shard_of(GUILD_ON[s], 4) for s in range(4)] == [0, 1, 2, 3]
    # Discord's own example: guild 81384788765712384 on shard 0 of 2... computed, not copied
    assert shard_of(81384788765712384, 2) == (81384788765712384 >> 22) % 2


@pytest.mark.parametrize(
    ("shards", "count", "ids"),
    [
        ("0-1", 4, (0, 1)),
        ("3", 4, (3,)),
        ("0,2,4-5", 6, (0, 2, 4, 5)),
        (" 1 - 2 ", 3, (1, 2)),
        ("2-2", 3, (2,)),
        (None, 3, (0, 1, 2)),  # a count alone: every shard in this one process
    ],
)
def test_shard_ranges_the_operator_may_write(
    shards: str | None, count: int, ids: tuple[int, ...]
) -> None:
    assert shard_plan(shards, count) == ShardPlan(ids, count)


def test_no_flags_means_one_unsharded_process() -> None:
    assert shard_plan(None, None) is None


@pytest.mark.parametrize(
    ("shards", "count", "says"),
    [
        ("0-1", None, "--shards needs --shard-count"),
        ("0-4", 4, "names shard 4, but with --shard-count 4 the shards are numbered 0 to 3"),
        ("7", 4, "names shard 7"),
        ("1-0", 4, "the range 1-0 runs backwards; write it as 0-1"),
        ("a-b", 4, "is not a list of shard numbers"),
        ("0-1-2", 4, "is not a list of shard numbers"),
        ("", 4, "is not a list of shard numbers"),
        ("-1", 4, "is not a list of shard numbers"),
        ("0,", 4, "is not a list of shard numbers"),
        ("0", 0, "--shard-count must be between 1 and 4096; got 0"),
        ("0", -2, "--shard-count must be between 1 and 4096; got -2"),
        ("0-99999999999", 16, "shard numbers stop at 4095"),
    ],
)
def test_bad_shard_flags_are_refused_with_a_plain_message(
    shards: str | None, count: int | None, says: str
) -> None:
    with pytest.raises(ShardError) as caught:
        shard_plan(shards, count)
    assert says in caught.value.message


def test_the_command_line_refuses_bad_flags_before_anything_else(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)  # the flags are checked first
    assert main(["run", "--shards", "2-3", "--shard-count", "3"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "purgebot: --shards 2-3 names shard 3, but with --shard-count 3 the shards are "
        "numbered 0 to 2.\n"
    )
    with pytest.raises(SystemExit) as exited:  # argparse's own usage error
        main(["run", "--shard-count", "many"])
    assert exited.value.code == 2
    assert "--shard-count: invalid int value: 'many'" in capsys.readouterr().err


def test_a_plan_owns_the_servers_on_its_shards_and_names_them() -> None:
    plan = ShardPlan((0, 1), 4)
    assert [plan.owns(GUILD_ON[s]) for s in range(4)] == [True, True, False, False]
    assert plan.label == "0-1 of 4"
    assert format_ids([5, 0, 2, 1, 7, 6]) == "0-2,5-7"


def test_only_the_process_holding_shard_0_syncs_the_commands() -> None:
    assert ShardPlan((0, 1), 4).syncs_commands
    assert not ShardPlan((2, 3), 4).syncs_commands


def test_without_flags_the_bot_is_the_plain_unsharded_client() -> None:
    bot = create_bot(Settings(token="x"))
    assert type(bot) is PurgeBot
    assert not isinstance(bot, commands.AutoShardedBot)
    assert bot.shard_count is None and bot.shard_id is None


def test_with_a_plan_the_bot_connects_only_its_shards() -> None:
    bot = create_bot(Settings(token="x"), shards=ShardPlan((2, 3), 4))
    assert isinstance(bot, ShardedPurgeBot) and isinstance(bot, commands.AutoShardedBot)
    assert bot.shard_ids == [2, 3] and bot.shard_count == 4
    assert bot.shard_plan == ShardPlan((2, 3), 4)


def test_each_shard_keeps_its_own_list_of_running_quizzes() -> None:
    book = RunningBook("quiz.running", ShardPlan((0, 1), 4))
    assert book.stored_keys() == ["quiz.running:shard0of4", "quiz.running:shard1of4"]
    rows = [[7, GUILD_ON[1], 70, 700], [8, GUILD_ON[0], 80, None]]
    written = book.updates(rows)
    assert {k: json.loads(v) for k, v in written.items()} == {
        "quiz.running:shard0of4": [rows[1]],
        "quiz.running:shard1of4": [rows[0]],
    }
    # a question later in shard 1's quiz: only shard 1's list is written again
    rows[0][3] = 701
    assert list(book.updates(rows)) == ["quiz.running:shard1of4"]
    assert book.updates(rows) == {}
    assert not book.owns(GUILD_ON[2]) and book.owns(GUILD_ON[0])
    # at start it also reads the list an unsharded process kept (before sharding)
    assert book.read_keys() == [*book.stored_keys(), "quiz.running"]


def test_unsharded_the_running_quizzes_stay_under_the_one_key() -> None:
    book = RunningBook("quiz.running", None)
    assert book.stored_keys() == book.read_keys() == ["quiz.running"]
    assert book.updates([[1, GUILD_ON[3], 2, 3]]) == {"quiz.running": f"[[1, {GUILD_ON[3]}, 2, 3]]"}
    assert book.owns(GUILD_ON[3])
