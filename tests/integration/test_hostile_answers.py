"""What a modified client or a failing database can do to answers: nothing is lost or miscounted.

Text from Discord is made storable as it arrives (a lone surrogate becomes U+FFFD), so the
engine, the reply and the stored row agree; an answer the store cannot keep is taken back, said
so to its student, and not counted at the reveal.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import simcord
from quizkit import current_question, question_messages
from simkit import reply

from purgebot.storage import Store

TYPED_BANK = """\
bank: typed-quiz
title: Typed answers
defaults:
  seconds: 20
questions:
  - id: kirov-assassin
    type: short
    prompt: What was the surname of the man who shot Kirov?
    answer: Nikolaev
"""


def stored(db_path: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT user_name, raw_answer, correct FROM answers ORDER BY answer_id"
        ).fetchall()


async def start(channel: simcord.ChannelHandle, teacher: simcord.MemberActor) -> None:
    await teacher.slash(channel, "bank upload", file=("typed.yaml", TYPED_BANK.encode()))
    started = reply(await teacher.slash(channel, "quiz start", bank="typed-quiz", seconds=20))
    assert started.content.startswith("Started **Typed answers**"), started.content


async def type_answer(
    member: simcord.MemberActor, channel: simcord.ChannelHandle, text: str
) -> str:
    opened = await member.click(current_question(channel).message, label="Answer")
    assert opened.modal is not None
    return reply(await member.submit_modal(opened, {"answer": text})).content


async def test_a_lone_surrogate_in_an_answer_or_a_name_is_stored_cleaned_with_the_class(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    db_path: Path,
) -> None:
    await start(channel, teacher)
    names = [f"student{i}" for i in range(9)] + ["nik\ud83dita"]
    members = [guild.add_member(simcord_env.create_user(name)) for name in names]
    for i, member in enumerate(members):
        text = "Nikolaev \ud83d" if i == 4 else "Nikolaev"
        seen = await type_answer(member, channel, text)
        assert seen.startswith("🔒 Locked in:"), seen
        if i == 4:
            assert "Nikolaev \ufffd" in seen
    rows = stored(db_path)
    assert len(rows) == 10
    assert rows[4][1] == "Nikolaev \ufffd"
    assert rows[9][0] == "nik\ufffdita"
    await simcord_env.advance_time(20)
    reveal = question_messages(channel)[0].embeds[0]
    right = sum(r[2] for r in rows)
    heading = [f.name for f in reveal.fields if (f.name or "").startswith("How the class")]
    assert heading == [f"How the class answered (10 answered, {right} right)"]


async def test_an_answer_the_store_cannot_keep_is_taken_back_and_not_counted(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    guild: simcord.GuildHandle,
    store: Store,
    db_path: Path,
) -> None:
    clara = guild.add_member(simcord_env.create_user("clara"))
    await start(channel, teacher)
    # the database refuses these two students' rows (any failure of one row will do; a trigger in
    # the file, not TEMP, so the answer writer's own connection meets it)
    for member, name in ((other_student, "boris"), (clara, "clara")):
        await store._db.conn.execute(
            f"CREATE TRIGGER refuse_{name} BEFORE INSERT ON answers "
            f"WHEN NEW.user_id = {member.id} BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    assert (await type_answer(student, channel, "Nikolaev")).startswith("🔒 Locked in:")
    for member in (other_student, clara):
        seen = await type_answer(member, channel, "Nikolaev")
        assert seen == (
            "⚠️ Your answer could not be saved, so it does not count. Please answer again."
        )
    # boris answers again once the database takes his row: his answer counts after all
    await store._db.conn.execute("DROP TRIGGER refuse_boris")
    assert (await type_answer(other_student, channel, "Nikolaev")).startswith("🔒 Locked in:")
    await simcord_env.advance_time(20)
    reveal = question_messages(channel)[0].embeds[0]
    heading = [f.name for f in reveal.fields if (f.name or "").startswith("How the class")]
    assert heading == ["How the class answered (2 answered, 2 right)"]
    assert [r[0] for r in stored(db_path)] == ["anya", "boris"]
    assert (await store.student_stats(guild.id, clara.id)).answered == 0
