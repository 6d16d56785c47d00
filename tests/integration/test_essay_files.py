"""Longer essays sent as files: the same private feedback, clear refusals of what is not a
plain-text essay, and feedback too long for Discord attached in full."""

from __future__ import annotations

import simcord
from essaykit import (
    STRONG,
    YEZHOV,
    feedback_of,
    fields,
    sample,
    text_of_message,
)
from simkit import reply, text_of

from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import Bank
from purgebot.bot.errors import unwrap
from purgebot.bot.essays.cog import EssayFileRefused
from purgebot.essays import EssayTextError, check_bank_essay, render_text
from purgebot.storage import Store


async def test_a_longer_essay_as_a_text_file_gets_the_same_private_feedback(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    long_essay = "\n\n".join([STRONG, sample("yezhov-responsibility", "strong-2"), STRONG])
    assert len(long_essay) > 4000  # too long for the answer box
    result = await student.slash(
        channel, "essay submit", prompt=YEZHOV, file=("yezhov essay.txt", long_essay.encode())
    )
    shown = feedback_of(result)
    assert shown.ephemeral
    assert shown.embeds[0].title == "Your essay feedback: 5 of 5 key points made"
    assert not [n for n in fields(shown) if n.startswith("❌")]
    [stored] = await store.student_essays(channel.guild.id, student.id)
    assert stored.text == long_essay
    assert (
        stored.word_count
        == check_bank_essay(essay_server, "yezhov-responsibility", long_essay).words.words
    )
    assert all(
        "Your essay feedback" not in text_of_message(m)
        for m in channel.history(viewer=other_student)
    )

    # a Markdown file and a prompt named by its id alone work too; text quoting a mention pings no one
    loud = "@everyone Yezhov was head of the NKVD, <@&1> and he ran the Yezhovshchina.\n"
    md = reply(
        await student.slash(
            channel,
            "essay submit",
            prompt="yezhov-responsibility",
            file=("notes.md", loud.encode()),
        )
    )
    assert "@everyone Yezhov was head of the NKVD" in text_of(md)
    assert not md.message.mention_everyone
    assert md._message.ping_user_ids == [] and md._message.ping_role_ids == []
    assert simcord_env.errors == []


async def test_files_that_are_not_plain_text_essays_are_refused_clearly(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    cases = [
        (("essay.docx", b"PK\x03\x04word/document.xml"), "essay.docx is not a .txt or .md file."),
        (
            ("essay.txt", b"%PDF-1.7\x00\x01\x02binary"),
            "The essay file looks like a binary file (a Word document or a PDF?), not text.",
        ),
        (
            ("essay.txt", "Yezhov était chef du NKVD".encode("latin-1")),
            "The essay file is not UTF-8 text.",
        ),
        (
            ("essay.txt", b"Yezhov " * 10_000),
            "essay.txt is 68 KB; an essay file may be at most 64 KB.",
        ),
        (("essay.md", b"  \n\n "), "The essay file is empty."),
    ]
    for file, message in cases:
        shown = reply(await student.slash(channel, "essay submit", prompt=YEZHOV, file=file))
        assert shown.ephemeral and shown.content.startswith(message), shown.content
        assert not shown.embeds
    assert [type(unwrap(e)) for e in simcord_env.errors] == [
        EssayFileRefused,
        EssayTextError,
        EssayTextError,
        EssayFileRefused,
        EssayTextError,
    ]
    assert await store.student_essays(channel.guild.id, student.id) == []


LONG_BANK = "\n".join(
    [
        "bank: long-points",
        "title: A prompt with many long key points",
        "questions:",
        "  - {id: q1, type: true_false, prompt: Kirov was murdered in 1934., answer: true}",
        "essays:",
        "  - id: many-points",
        f"    prompt: {'Explain every cause of the purges in turn. ' * 20}",
        "    min_words: 100",
        "    key_points:",
        *(
            line
            for n in range(1, 13)
            for line in (
                f"      - id: cause-{n}",
                f"        point: Cause number {n} {'matters a great deal to the argument, ' * 7}",
                f'        phrases: ["cause {n} mattered"]',
            )
        ),
        "    outline:",
        *(
            f'      - "Step {n}: {"write a long paragraph about this cause. " * 5}"'
            for n in range(1, 13)
        ),
    ]
)


async def test_feedback_too_long_for_discord_is_cut_and_attached_in_full(
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await store.save_bank(channel.guild.id, "long-points", LONG_BANK, teacher.id)
    essay = " ".join(
        f"Cause {n} mattered, as every historian who has studied the long and terrible years of "
        f"the purges agrees, and cause {n} mattered again later."
        for n in range(1, 13)
    )
    shown = feedback_of(
        await student.slash(
            channel,
            "essay submit",
            prompt="long-points/many-points",
            file=("e.txt", essay.encode()),
        )
    )
    assert shown.content == "Your feedback was too long to show in full: all of it is attached."
    assert sum(len(e) for e in shown.embeds) <= 6000
    assert shown.embeds[0].title == "Your essay feedback: 12 of 12 key points made"
    [attachment] = shown.attachments
    [stored] = await store.student_essays(channel.guild.id, student.id)
    assert attachment.filename == f"feedback-{stored.submission_id}.txt"
    bank = load_bank_text(LONG_BANK, "long.yaml")
    full = render_text(check_bank_essay(bank, "many-points", essay))
    assert (await attachment.read()).decode() == full
    assert full.count("[x] cause-") == 12


async def test_an_essay_saved_as_utf16_is_read_like_a_bank_upload(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    """Windows Notepad's "Unicode" is UTF-16 with a byte-order mark: full of NUL bytes."""
    result = await student.slash(
        channel, "essay submit", prompt=YEZHOV, file=("essay.txt", STRONG.encode("utf-16"))
    )
    shown = feedback_of(result)
    assert shown.embeds[0].title == "Your essay feedback: 5 of 5 key points made"
    [stored] = await store.student_essays(channel.guild.id, student.id)
    assert stored.text == STRONG
    assert simcord_env.errors == []
