"""A bank with the longest texts the format allows: the question posts, and its reveal still
shows the answer, how the class answered and the top five, within Discord's 6000 characters."""

from __future__ import annotations

import discord
import pytest
import simcord
from quizkit import current_question, field_value, question_messages
from simkit import reply

from purgebot.banks import model as m

PROMPT = "P" * (m.MAX_PROMPT - 1) + "?"
CHOICES = [letter * (m.MAX_CHOICE - 1) + "." for letter in "abcdefgh"][: m.MAX_CHOICES]
EXPLANATION = "E" * m.MAX_EXPLANATION
QUOTE = "Q" * m.MAX_QUOTE


def longest_bank(*, multi: bool) -> str:
    listed = "[" + ", ".join(CHOICES) + "]"
    return f"""\
bank: long-texts
title: {"T" * m.MAX_TITLE}
sources:
  notes: {{title: "{"S" * m.MAX_TITLE * 2}", url: "https://example.org/{"u" * 400}"}}
questions:
  - id: longest
    type: choice
    multi: {str(multi).lower()}
    prompt: "{PROMPT}"
    choices: {listed}
    answer: {listed if multi else CHOICES[0]}
    explanation: "{EXPLANATION}"
    source: {{doc: notes, quote: "{QUOTE}"}}
    topic: "{"t" * m.MAX_TOPIC}"
"""


@pytest.mark.parametrize("multi", [False, True], ids=["one-right", "all-right"])
async def test_the_longest_question_posts_and_reveals_within_discords_limits(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    multi: bool,
) -> None:
    bank = longest_bank(multi=multi).encode()
    await teacher.slash(channel, "bank upload", file=("long.yaml", bank))
    started = reply(await teacher.slash(channel, "quiz start", bank="long-texts", seconds=20))
    assert started.content.startswith("Started **"), started.content
    shown = current_question(channel)
    posted = shown.message.embeds[0]
    assert shown.prompt == PROMPT and sorted(shown.options) == CHOICES
    assert len(posted) <= 6000
    if multi:
        locked = reply(await student.select(shown.message, [str(i) for i in range(len(CHOICES))]))
    else:
        locked = reply(await student.click(shown.message, label=shown.letter(CHOICES[0])))
    assert locked.content.startswith("🔒 Locked in:")
    await simcord_env.advance_time(25)
    revealed: discord.Embed = question_messages(channel)[0].embeds[0]
    assert len(revealed) <= 6000
    answer = "; ".join(CHOICES) if multi else CHOICES[0]
    assert (revealed.description or "").endswith(f"**Answer:** {answer}")
    assert field_value(revealed, "Why") == EXPLANATION
    assert field_value(revealed, "How the class answered (1 answered, 1 right)")
    assert field_value(revealed, "Top five").startswith(f"**1.** {student.name} — ")
