"""Helpers for the homework, practice and review tests: reading a private question as a student
does and answering it right or wrong, by pressing its buttons or typing into its box."""

from __future__ import annotations

import re
from dataclasses import dataclass

import simcord
from quizkit import KEY, OPTION_LINE, PROMPTS, TYPED
from simkit import reply, text_of

PRIVATE_TITLE = re.compile(r"(Homework|Practice|Review) · question (\d+) of (\d+)")
WRONG = {
    "kirov-city": "Moscow",
    "trials-public": "False",
    "kirov-assassin": "Yezhov",
    "kirov-year": "1935",
}


@dataclass(frozen=True)
class Private:
    """A private question as its student sees it."""

    message: simcord.ResponseMessage
    number: int
    total: int
    question_id: str
    options: dict[str, str]  # option text -> letter


def read_private(message: simcord.ResponseMessage) -> Private:
    assert message.ephemeral, "a private quiz must only be seen by its student"
    embed = message.embeds[0]
    match = PRIVATE_TITLE.match(embed.title or "")
    assert match, f"not a private question: {embed.title!r} / {message.content!r}"
    lines = (embed.description or "").split("\n")
    options = {m.group(2): m.group(1) for line in lines if (m := OPTION_LINE.match(line))}
    return Private(message, int(match[2]), int(match[3]), PROMPTS[lines[0]], options)


async def answer(
    member: simcord.MemberActor, shown: Private, right: bool
) -> simcord.InteractionResult:
    """Answer the shown question right or wrong, as the student would."""
    value = sorted(KEY[shown.question_id])[0] if right else WRONG[shown.question_id]
    if shown.question_id in TYPED:
        opened = await member.click(shown.message, label="Answer")
        if opened.modal is None:  # refused before the box opens (answered, closed)
            return opened
        return await member.submit_modal(opened, {"answer": value})
    if shown.options:
        return await member.click(shown.message, label=shown.options[value])
    return await member.click(shown.message, label=value)


async def next_question(member: simcord.MemberActor, feedback: simcord.ResponseMessage) -> Private:
    return read_private(reply(await member.click(feedback, label="Next question")))


async def play_through(
    env: simcord.Env,
    member: simcord.MemberActor,
    first: Private,
    right: dict[str, bool] | None = None,
    think: float = 2.0,
) -> tuple[simcord.ResponseMessage, list[str]]:
    """Answer every question (right unless `right` says otherwise), `think` seconds each;
    returns the last reply (the summary) and the question ids in the order asked."""
    shown: Private | None = first
    asked: list[str] = []
    last: simcord.ResponseMessage | None = None
    while shown is not None:
        asked.append(shown.question_id)
        await env.advance_time(think)
        last = reply(await answer(member, shown, (right or {}).get(shown.question_id, True)))
        shown = None
        if "Done:" not in text_of(last):
            shown = await next_question(member, last)
    assert last is not None
    return last, asked
