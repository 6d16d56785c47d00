"""Essay drills as a class uses them: a prompt in the channel with a Write button, a private
answer box and private feedback, the deadline, and a drill that survives a restart."""

from __future__ import annotations

import logging
import math
import random

import discord
import pytest
import simcord
from essaykit import (
    BANK_ID,
    MEDIUM,
    STRONG,
    YEZHOV,
    bank_text,
    drill_message,
    feedback_of,
    fields,
    sample,
    text_of_message,
    write_button,
)
from simkit import reply, sim_clock

from purgebot.banks.model import Bank
from purgebot.bot import create_bot, render
from purgebot.bot.errors import unwrap
from purgebot.bot.essays.cog import BotCannotPost, NoEssayPrompts
from purgebot.bot.essays.components import GRACE, OPEN_KEEP, STALE_BOX
from purgebot.config import Settings
from purgebot.essays import check_bank_essay, feedback_json
from purgebot.storage import Store


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


async def test_an_answer_box_outlived_by_the_bot_or_its_time_hands_the_text_back(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    essay_server: Bank,
    settings: Settings,
    store: Store,
) -> None:
    """Not Discord's "This interaction failed", which leaves a student unsure what was kept."""
    await teacher.slash(channel, "essay drill", prompt=YEZHOV)
    anya_box = await student.click(drill_message(channel), label="Write")
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(3))
    )
    after_restart = await student.submit_modal(anya_box, {"essay": MEDIUM})
    assert after_restart.acknowledged
    shown = reply(after_restart)
    assert shown.ephemeral and shown.content == STALE_BOX
    [attachment] = shown.attachments
    assert (await attachment.read()).decode() == MEDIUM

    boris_box = await other_student.click(drill_message(channel), label="Write")
    await simcord_env.advance_time(OPEN_KEEP + 60)  # the box was left open all afternoon
    too_late = reply(await other_student.submit_modal(boris_box, {"essay": STRONG}))
    assert too_late.content == STALE_BOX
    assert (await too_late.attachments[0].read()).decode() == STRONG

    assert await store.essay_queue(channel.guild.id) == []  # neither was taken
    assert simcord_env.errors == []


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


async def test_a_prompt_id_with_capitals_underscores_and_dots_gets_a_working_drill(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    """The bank format allows ids like `Q1_Yezhov.v2`; the Write button must carry them."""
    prompt_id = "Q1_Yezhov.v2"
    text = bank_text().replace("  - id: yezhov-responsibility", f"  - id: {prompt_id}")
    stored = reply(await teacher.slash(channel, "bank upload", file=("drills.yaml", text.encode())))
    assert stored.content.startswith(f"Stored bank `{BANK_ID}`")

    posted = reply(await teacher.slash(channel, "essay drill", prompt=f"{BANK_ID}/{prompt_id}"))
    assert posted.content.startswith(f"Posted the drill `{BANK_ID}/{prompt_id}`")
    opened = await student.click(drill_message(channel), label="Write")
    assert opened.modal is not None and opened.modal["title"] == f"Essay: {prompt_id}"
    shown = feedback_of(await student.submit_modal(opened, {"essay": MEDIUM}))
    assert shown.embeds[0].title == "Your essay feedback: 2 of 5 key points made"
    [essay] = await store.student_essays(channel.guild.id, student.id)
    assert essay.prompt_id == prompt_id
    assert simcord_env.errors == []


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


async def test_a_drill_names_the_permission_to_grant_first_as_a_quiz_does(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    teacher: simcord.MemberActor,
    essay_server: Bank,
) -> None:
    # Without Send Messages, Embed Links reads as off too: naming both sends a manager after the
    # wrong switch. One check for every feature names the one to grant first.
    bot_member = guild.me
    assert bot_member is not None
    closed = discord.PermissionOverwrite(send_messages=False, embed_links=False)
    quiet = guild.create_text_channel("quiet", overwrites={bot_member: closed})
    refused = reply(await teacher.slash(quiet, "essay drill", prompt=YEZHOV))
    assert refused.content.startswith(
        "I can't post a drill here: I need the Send Messages permission in this channel."
    )
    assert quiet.history() == []
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BotCannotPost]


async def test_a_drill_whose_deadline_outlives_the_bot_is_still_closed_on_time(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    essay_server: Bank,
    settings: Settings,
    store: Store,
) -> None:
    await teacher.slash(channel, "essay drill", prompt=YEZHOV, minutes=20)
    await simcord_env.advance_time(5 * 60)
    # the process dies; the next one must close the drill its predecessor posted
    await simcord_env.restart_bot(
        create_bot(settings, store=store, clock=sim_clock, rng=random.Random(3))
    )
    assert not write_button(drill_message(channel)).disabled
    await simcord_env.advance_time(15 * 60 + 1)
    closed = drill_message(channel)
    assert write_button(closed).disabled and write_button(closed).label == "Closed"
    assert await store.get_value("essay.drills.open") == "[]"
