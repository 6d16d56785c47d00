"""Essay drills as a class uses them: a prompt in the channel, a private answer box and private
feedback, files for longer answers, and a teacher's queue, marks and spreadsheet."""

from __future__ import annotations

import csv
import io
import logging
import math
import random

import discord
import pytest
import simcord
from essaykit import (
    BANK_ID,
    YEZHOV,
    bank_text,
    drill_message,
    essay_bank,
    feedback_of,
    fields,
    sample,
    write_button,
)
from simkit import reply, sim_clock, text_of

from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import Bank
from purgebot.bot import create_bot, render
from purgebot.bot.cogs.essays import BadDay, BotCannotPost, EssayFileRefused, NoEssayPrompts
from purgebot.bot.errors import NotTeacher, unwrap
from purgebot.bot.essayviews import GRACE
from purgebot.config import Settings
from purgebot.essays import (
    EssayTextError,
    check_bank_essay,
    count_words,
    feedback_json,
    render_text,
)
from purgebot.storage import Store, SubmissionNotFoundError

MEDIUM = sample("yezhov-responsibility", "medium-1")  # makes 2 of the 5 points, 140 words
STRONG = sample("yezhov-responsibility", "strong-1")  # makes all 5


@pytest.fixture
async def essay_server(
    store: Store, guild: simcord.GuildHandle, teacher: simcord.MemberActor
) -> Bank:
    """The server has the essay bank, as if the teacher had uploaded it."""
    await store.save_bank(guild.id, BANK_ID, bank_text(), teacher.id)
    return essay_bank()


def feedback_texts(shown: simcord.ResponseMessage) -> str:
    return text_of(shown)


async def test_a_drill_posts_the_prompt_and_write_gives_private_feedback(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    deadline = math.ceil(sim_clock() + 20 * 60)
    started = reply(await teacher.slash(channel, "essay drill", prompt=YEZHOV, minutes=20))
    assert started.ephemeral
    assert started.content.startswith(f"Posted the drill `{YEZHOV}` until <t:{deadline}:t>")

    # the whole class sees the prompt in the channel
    drill = drill_message(channel)
    assert drill.id in [m.id for m in channel.history(viewer=other_student)]
    [card] = drill.embeds
    assert "How much responsibility should Yezhov bear for the purges?" in (card.description or "")
    assert fields(drill) == {
        "Guidance": "Weigh Yezhov against Stalin, and say what Yezhov himself did.",
        "Length": "250-900 words",
        "Key points to make": "5",
        "Deadline": f"<t:{deadline}:R>",
    }
    assert write_button(drill).label == "Write" and not write_button(drill).disabled

    # Write opens an answer box with the prompt above it and Discord's 4,000-character limit
    opened = await student.click(drill, label="Write")
    modal = opened.modal
    assert modal is not None and modal["title"] == "Essay: yezhov-responsibility"
    [intro, box] = modal["components"]
    assert "How much responsibility should Yezhov bear" in intro["content"]
    assert "Length: 250-900 words." in intro["content"]
    answer = box["component"]
    assert (answer["style"], answer["min_length"], answer["max_length"]) == (2, 1, 4000)

    result = await student.submit_modal(opened, {"essay": MEDIUM})
    shown = feedback_of(result)
    assert shown.ephemeral
    [head, _evidence_and_outline] = shown.embeds
    assert head.title == "Your essay feedback: 2 of 5 key points made"
    assert "**Length:** 140 words; target 250-900 words: too short, write about 110 more" in (
        head.description or ""
    )
    points = fields(shown)
    made = points[
        '✅ As head of the NKVD (1936-38) Yezhov directly ran the mass terror, the "Yezhovshchina".'
    ]
    assert made.startswith(
        'Shown by "head of the secret police" in "Yezhov was the head of the secret police from '
        "1936 to 1938"
    )
    assert (
        'Shown by "invented plots" in "He invented plots so that more people would be arrested."'
        in (
            points[
                "✅ Yezhov fed Stalin's paranoia with falsified evidence of a widespread conspiracy."
            ]
        )
    )
    missed = {name: value for name, value in points.items() if name.startswith("❌ Missed: ")}
    assert len(missed) == 3
    assert missed[
        "❌ Missed: Under Yezhov over 680,000 people were sentenced to death, almost 1,000 a day."
    ] == (
        'Read: *Stalin and the Purges Flashcards*: "over 680,000 prisoners received death sentences"'
    )
    assert points["Evidence you used"] == (
        "**Dates:** 1936, 1938\n**People:** Yezhov (×3), Bukharin, Rykov, Stalin (×2), Beria"
    )
    assert points["Outline of a strong answer"].startswith(
        "1. Introduction: Yezhov's position and a clear judgement"
    )
    assert not shown.attachments  # it all fitted

    # nobody else sees it: not a classmate, not the teacher
    for viewer in (other_student, teacher):
        seen = [text_of_message(m) for m in channel.history(viewer=viewer)]
        assert not any("Your essay feedback" in t for t in seen)
    assert any("Your essay feedback" in text_of_message(m) for m in channel.history(viewer=student))

    [stored] = await store.student_essays(channel.guild.id, student.id)
    expected = check_bank_essay(essay_server, "yezhov-responsibility", MEDIUM)
    assert (stored.bank_id, stored.prompt_id, stored.user_name) == (
        BANK_ID,
        "yezhov-responsibility",
        "anya",
    )
    assert stored.text == MEDIUM and stored.word_count == 140
    assert stored.feedback == feedback_json(expected)
    assert simcord_env.errors == []


def text_of_message(message: discord.Message) -> str:
    parts = [message.content]
    for made in message.embeds:
        parts += [made.title or "", made.description or ""]
        parts += [f"{f.name}\n{f.value}" for f in made.fields]
    return "\n".join(parts)


async def test_phrases_that_are_denied_are_shown_but_not_counted(
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
) -> None:
    await teacher.slash(channel, "essay drill", prompt=YEZHOV)
    opened = await student.click(drill_message(channel), label="Write")
    essay = sample("yezhov-responsibility", "negation-1")
    points = fields(feedback_of(await student.submit_modal(opened, {"essay": essay})))
    scapegoat = points[
        "❌ Missed: Yezhov was made the scapegoat for the excesses, arrested in 1939 and replaced "
        "by Beria."
    ]
    assert scapegoat.startswith(
        'Not counted (the sentence negates it): "scapegoat" in "It is not true that Yezhov was made a '
        "scapegoat, in my view;"
    )
    assert scapegoat.endswith(
        'Read: *Archives for category: USSR 1928-41 (revision blog)*: "being arrested in early '
        '1939 as the scapegoat for the excess purges"'
    )


async def test_prompts_are_offered_as_you_type_and_a_drill_without_one_picks_one(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
) -> None:
    offered = await teacher.autocomplete(channel, "essay drill", "prompt", "yezhov")
    assert offered[0] == {
        "name": f"{YEZHOV}: How much responsibility should Yezhov bear for the purges?",
        "value": YEZHOV,
    }
    by_text = await student.autocomplete(channel, "essay submit", "prompt", "local officials")
    assert [c["value"] for c in by_text] == ["essay-drills/local-officials"]
    everything = await teacher.autocomplete(channel, "essay drill", "prompt", "")
    assert sorted(c["value"] for c in everything) == sorted(
        f"{BANK_ID}/{p.id}" for p in essay_server.essays
    )

    started = reply(await teacher.slash(channel, "essay drill"))
    drill = drill_message(channel)
    [picked] = [
        p for p in essay_server.essays if f"**{p.prompt}**" in (drill.embeds[0].description or "")
    ]
    assert f"`{BANK_ID}/{picked.id}`" in started.content
    assert "Deadline" not in fields(drill)  # no minutes: no deadline
    opened = await student.click(drill, label="Write")
    assert opened.modal is not None and opened.modal["title"] == f"Essay: {picked.id}"[:45]

    # a server whose banks have no essay prompts is told what to do
    other_guild = simcord_env.create_guild("Another school")
    other_channel = other_guild.create_text_channel("general")
    outsider = other_guild.add_member(simcord_env.create_user("outsider"))
    refused = reply(await outsider.slash(other_channel, "essay drill"))
    assert refused.ephemeral and refused.content.startswith(
        "No bank in this server has essay prompts"
    )
    unknown = reply(
        await teacher.slash(channel, "essay drill", prompt="essay-drills/no-such-prompt")
    )
    assert unknown.content.startswith("No essay prompt 'no-such-prompt' in bank 'essay-drills'")
    assert [type(unwrap(e)).__name__ for e in simcord_env.errors] == [
        NoEssayPrompts.__name__,
        "UnknownPromptError",
    ]


async def test_the_deadline_closes_the_drill_after_a_short_grace(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    await teacher.slash(channel, "essay drill", prompt=YEZHOV, minutes=5)
    drill = drill_message(channel)
    deadline = fields(drill)["Deadline"]
    anya_box = await student.click(drill, label="Write")
    boris_box = await other_student.click(drill, label="Write")

    await simcord_env.advance_time(5 * 60)
    closed = drill_message(channel)
    button = write_button(closed)
    assert (button.label, button.disabled) == ("Closed", True)
    assert fields(closed)["Deadline"] == f"closed {deadline}"
    assert closed.embeds[0].footer.text == (
        "This drill is closed. Practise it any time with /essay submit."
    )
    with pytest.raises(simcord.SetupError):  # a greyed-out button cannot be pressed
        await student.click(closed, label="Closed")

    # a box opened in time and sent just after the deadline still counts
    on_time = feedback_of(await student.submit_modal(anya_box, {"essay": MEDIUM}))
    assert on_time.embeds[0].title == "Your essay feedback: 2 of 5 key points made"

    # one sent after the grace is refused, and the text comes back so nothing is lost
    await simcord_env.advance_time(GRACE + 1)
    late = reply(await other_student.submit_modal(boris_box, {"essay": STRONG}))
    assert late.ephemeral
    assert late.content.startswith(
        "The deadline for this drill had passed when you sent your answer, so it was not taken."
    )
    [attachment] = late.attachments
    assert attachment.filename == "my-essay.txt"
    assert (await attachment.read()).decode() == STRONG
    assert [s.user_id for s in await store.essay_queue(channel.guild.id)] == [student.id]
    assert simcord_env.errors == []


async def test_a_late_click_is_refused_even_when_the_drill_could_not_be_closed(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await teacher.slash(channel, "essay drill", prompt=YEZHOV, minutes=1)
    simcord_env.inject_error("PATCH", "/channels/*/messages/*", status=500, times=None)
    with caplog.at_level(logging.WARNING, logger="purgebot.bot.essays"):
        await simcord_env.advance_time(61)
    assert any("could not close drill message" in r.getMessage() for r in caplog.records)
    drill = drill_message(channel)
    assert not write_button(drill).disabled  # the edit failed: the button is still there
    refused = reply(await student.click(drill, label="Write"))
    assert refused.ephemeral
    assert refused.content.startswith("The deadline for this drill has passed")


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


async def send_file(
    actor: simcord.MemberActor, channel: simcord.ChannelHandle, essay: str
) -> simcord.InteractionResult:
    return await actor.slash(
        channel, "essay submit", prompt=YEZHOV, file=("essay.txt", essay.encode())
    )


async def test_the_teacher_marks_from_the_queue_and_the_student_sees_the_mark(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    await send_file(student, channel, MEDIUM)
    anya_sent = int(sim_clock())
    await simcord_env.advance_time(90)
    await teacher.slash(channel, "essay drill", prompt=YEZHOV)
    opened = await other_student.click(drill_message(channel), label="Write")
    await other_student.submit_modal(opened, {"essay": STRONG})
    boris_sent = int(sim_clock())
    [anya_id, boris_id] = [s.submission_id for s in await store.essay_queue(channel.guild.id)]

    queue = reply(await teacher.slash(channel, "essay queue"))
    assert queue.ephemeral
    [card] = queue.embeds
    assert card.title == "Essays waiting for a mark"
    assert (card.description or "").split("\n") == [
        f"**#{anya_id}** · anya · `{YEZHOV}` · 140 words · 2/5 points · <t:{anya_sent}:R>",
        f"**#{boris_id}** · boris · `{YEZHOV}` · {count_words(STRONG)} words · 5/5 points · "
        f"<t:{boris_sent}:R>",
    ]
    assert (card.footer.text or "").startswith("Page 1 · 2 waiting in all, oldest first.")

    offered = await teacher.autocomplete(channel, "essay review", "submission", "")
    assert [c["value"] for c in offered] == [anya_id, boris_id]
    assert offered[0]["name"] == f"#{anya_id} · anya · {YEZHOV} · 140 words · 2/5 points"
    assert [
        c["value"]
        for c in await teacher.autocomplete(channel, "essay review", "submission", "boris")
    ] == [boris_id]

    comment = "Good start: now weigh Stalin's part, and use the death toll."
    marked = reply(
        await teacher.slash(
            channel, "essay review", submission=anya_id, score=64.5, comment=comment
        )
    )
    assert marked.ephemeral
    assert marked.content.split("\n") == [
        f"Marked essay #{anya_id} by anya (`{YEZHOV}`): **64.5/100**.",
        f"Comment: {comment}",
        "They see it with /essay mine. 1 essay still waiting (/essay queue).",
    ]
    after = reply(await teacher.slash(channel, "essay queue")).embeds[0]
    assert (after.description or "").startswith(f"**#{boris_id}** · boris")
    assert f"#{anya_id}" not in (after.description or "")

    mine = reply(await student.slash(channel, "essay mine"))
    assert mine.ephemeral
    [(name, value)] = fields(mine).items()
    assert name == f"#{anya_id} · {YEZHOV}"
    assert value.split("\n")[1:] == [
        "Made: yezhov-ran-nkvd, fed-paranoia",
        "Missed: death-sentences, stalin-approved, scapegoat",
        f"**Mark: 64.5/100** (<t:{boris_sent}:R>)",
        f"Comment: {comment}",
    ]
    theirs = fields(reply(await other_student.slash(channel, "essay mine")))
    assert list(theirs) == [f"#{boris_id} · {YEZHOV}"]
    assert "Mark: not marked yet" in theirs[f"#{boris_id} · {YEZHOV}"]

    # a mark can be changed; a reviewed essay is still found by its number
    by_number = await teacher.autocomplete(channel, "essay review", "submission", str(anya_id))
    assert by_number[0]["value"] == anya_id
    again = reply(await teacher.slash(channel, "essay review", submission=anya_id, score=70))
    assert again.content.startswith(
        f"Marked essay #{anya_id} by anya (`{YEZHOV}`): **70/100** (replacing 64.5/100)."
    )
    stored = await store.get_submission(channel.guild.id, anya_id)
    assert stored is not None and stored.review is not None
    assert (stored.review.score, stored.review.comment, stored.review.reviewer_id) == (
        70.0,
        None,
        teacher.id,
    )

    missing = reply(await teacher.slash(channel, "essay review", submission=999, score=50))
    assert missing.content == "There is no essay submission #999 in this server."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [SubmissionNotFoundError]


async def test_the_queue_pages_oldest_first(
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    for n in range(12):
        await send_file(student, channel, f"Essay {n}: Yezhov was head of the NKVD.")
    ids = [s.submission_id for s in await store.essay_queue(channel.guild.id, limit=50)]
    first = reply(await teacher.slash(channel, "essay queue")).embeds[0]
    lines = (first.description or "").split("\n")
    assert [line.split(" · ")[0] for line in lines] == [f"**#{i}**" for i in ids[:10]]
    assert "Next: /essay queue page:2." in (first.footer.text or "")
    second = reply(await teacher.slash(channel, "essay queue", page=2)).embeds[0]
    assert [line.split(" · ")[0] for line in (second.description or "").split("\n")] == [
        f"**#{i}**" for i in ids[10:]
    ]
    assert "Next:" not in (second.footer.text or "")
    assert (second.footer.text or "").startswith("Page 2 · 12 waiting in all")


async def test_students_cannot_see_the_queue_mark_or_export(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    await send_file(student, channel, MEDIUM)
    [mine] = await store.essay_queue(channel.guild.id)
    for command, options, action in [
        ("essay queue", {}, "see the essay queue"),
        ("essay review", {"submission": mine.submission_id, "score": 100}, "mark essays"),
        ("essay export", {}, "export essays"),
    ]:
        refused = reply(await student.slash(channel, command, **options))
        assert refused.ephemeral
        assert refused.content.startswith(f"Only teachers can {action}.")
        assert not refused.embeds and not refused.attachments
    assert [type(unwrap(e)) for e in simcord_env.errors] == [NotTeacher] * 3
    stored = await store.get_submission(channel.guild.id, mine.submission_id)
    assert stored is not None and stored.review is None


async def test_the_csv_export_has_every_essay_with_its_feedback_and_mark(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    store: Store,
) -> None:
    empty = reply(await teacher.slash(channel, "essay export"))
    assert empty.content == "No essays were submitted in that time." and not empty.attachments
    await send_file(student, channel, MEDIUM)
    await send_file(other_student, channel, STRONG)
    anya_id = (await store.essay_queue(channel.guild.id))[0].submission_id
    await teacher.slash(
        channel, "essay review", submission=anya_id, score=55, comment="More evidence, please"
    )

    shown = reply(await teacher.slash(channel, "essay export"))
    assert shown.ephemeral
    assert shown.content.startswith("2 essays, 1 marked:")
    [attachment] = shown.attachments
    assert attachment.filename == "essays-start-to-now.csv"
    rows = list(csv.DictReader(io.StringIO((await attachment.read()).decode("utf-8-sig"))))
    assert [r["student"] for r in rows] == ["anya", "boris"]
    anya, boris = rows
    assert (anya["prompt"], anya["words"], anya["key points"]) == (
        "yezhov-responsibility",
        "140",
        "2 of 5",
    )
    assert anya["covered"] == "yezhov-ran-nkvd, fed-paranoia"
    assert (anya["score"], anya["comment"]) == ("55", "More evidence, please")
    assert anya["essay"] == MEDIUM
    assert (boris["key points"], boris["score"], boris["comment"]) == ("5 of 5", "", "")

    # a time window: every essay here was sent on 2026-01-01
    none_yet = reply(await teacher.slash(channel, "essay export", until="2025-12-31"))
    assert none_yet.content == "No essays were submitted in that time."
    that_day = reply(
        await teacher.slash(channel, "essay export", since="2026-01-01", until="2026-01-01")
    )
    assert that_day.content.startswith("2 essays, 1 marked:")
    assert that_day.attachments[0].filename == "essays-2026-01-01-to-2026-01-01.csv"
    bad = reply(await teacher.slash(channel, "essay export", since="1 Jan"))
    assert bad.content == "`1 Jan` is not a day: write it as YYYY-MM-DD, e.g. 2026-03-01."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BadDay]


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


async def test_write_keeps_working_after_the_bot_restarts(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
    settings: Settings,
    store: Store,
) -> None:
    await teacher.slash(channel, "essay drill", prompt=YEZHOV)
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(3))
    )
    opened = await student.click(drill_message(channel), label="Write")
    shown = feedback_of(await student.submit_modal(opened, {"essay": MEDIUM}))
    assert shown.embeds[0].title == "Your essay feedback: 2 of 5 key points made"


async def test_ids_too_long_for_a_button_still_name_the_prompt(
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    bank_id, prompt_id = "b" * 64, "p" * 64
    text = (
        bank_text()
        .replace(f"bank: {BANK_ID}", f"bank: {bank_id}")
        .replace("  - id: local-officials", f"  - id: {prompt_id}")
    )
    await store.save_bank(channel.guild.id, bank_id, text, teacher.id)
    await teacher.slash(channel, "essay drill", prompt=f"{bank_id}/{prompt_id}")
    drill = drill_message(channel)
    custom_id = write_button(drill).custom_id or ""
    assert len(custom_id) <= 100 and custom_id.endswith(f":{bank_id}:~3")
    opened = await student.click(drill, label="Write")
    assert opened.modal is not None and opened.modal["title"] == render.modal_title(
        f"Essay: {prompt_id}"
    )
    essay = sample("local-officials", "strong-1")
    await student.submit_modal(opened, {"essay": essay})
    [stored] = await store.student_essays(channel.guild.id, student.id)
    assert (stored.bank_id, stored.prompt_id) == (bank_id, prompt_id)


async def test_a_drill_where_the_bot_cannot_post_says_which_permission_is_missing(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    teacher: simcord.MemberActor,
    essay_server: Bank,
) -> None:
    bot_member = guild.me
    assert bot_member is not None
    quiet = guild.create_text_channel(
        "quiet", overwrites={bot_member: discord.PermissionOverwrite(send_messages=False)}
    )
    refused = reply(await teacher.slash(quiet, "essay drill", prompt=YEZHOV))
    assert refused.ephemeral
    assert refused.content.startswith(
        "I can't post a drill here: I need the Send Messages permission in this channel."
    )
    assert quiet.history() == []
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BotCannotPost]
