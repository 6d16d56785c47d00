"""What a modified client can send is checked at the edge: every option against what its command
declares, and a typed answer against the answer box's length. A plain reason, nothing stored."""

from __future__ import annotations

import math

import pytest
import simcord
from quizkit import CLASS_BANK
from simkit import forged, reply

from purgebot.bot.errors import BadOption, unwrap
from purgebot.storage import Store


def option(name: str, value: object, kind: int) -> dict[str, object]:
    return {"name": name, "type": kind, "value": value}


@pytest.mark.parametrize("multiplier", [0.5, 4.5, 1e9, math.inf, 0.0, -1.0, math.nan])
async def test_accommodate_refuses_multipliers_the_quiz_would_ignore(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
    multiplier: float,
) -> None:
    data = {
        "name": "accommodate",
        "options": [option("member", str(student.id), 6), option("multiplier", multiplier, 10)],
        "resolved": {
            "users": {str(student.id): {"id": str(student.id), "username": "anya"}},
            "members": {str(student.id): {"roles": [], "joined_at": "2026-01-01T00:00:00+00:00"}},
        },
    }
    shown = reply(await forged(teacher, channel, 2, data))
    assert shown.ephemeral
    assert shown.content == (
        "`multiplier` must be one of the offered values: 1× (standard time), 1.25× time, "
        "1.5× time, 2× time."
    )
    assert await store.list_accommodations(guild.id) == {}
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BadOption]


async def test_options_outside_their_declared_range_or_length_are_refused(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    cases = [
        (
            {
                "name": "quiz",
                "options": [
                    {
                        "name": "start",
                        "type": 1,
                        "options": [option("bank", "class-quiz", 3), option("seconds", 10**9, 4)],
                    }
                ],
            },
            "`seconds` must be between 5 and 300.",
        ),
        (
            {"name": "leaderboard", "options": [option("page", -3, 4)]},
            "`page` must be between 1 and 1000.",
        ),
        (
            {
                "name": "essay",
                "options": [
                    {
                        "name": "review",
                        "type": 1,
                        "options": [
                            option("submission", 1, 4),
                            option("score", 50, 10),
                            option("comment", "x" * 100_000, 3),
                        ],
                    }
                ],
            },
            "`comment` must be between 1 and 500 characters long.",
        ),
    ]
    for data, message in cases:
        shown = reply(await forged(teacher, channel, 2, data))
        assert shown.ephemeral and shown.content == message, shown.content
    assert await store.list_runs(channel.guild.id) == []
    assert len(simcord_env.errors) == len(cases)


async def test_a_forged_answer_longer_than_the_box_is_refused_and_not_stored(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20)
    data = {
        "custom_id": f"pqt:1:1:{student.id}",
        "components": [
            {"type": 18, "component": {"type": 4, "custom_id": "answer", "value": "x" * 100_000}}
        ],
    }
    shown = reply(await forged(student, channel, 5, data))
    assert shown.ephemeral
    assert shown.content.startswith(
        "Your answer is 100,000 characters long; an answer may be at most 300."
    )
    assert (await store.student_stats(guild.id, student.id)).answered == 0
