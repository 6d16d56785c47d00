"""Helpers for the essay drill tests: the essay bank in the server, sample essays, and reading the
drill and the feedback as a student sees them."""

from __future__ import annotations

from pathlib import Path

import discord
import simcord
from simkit import reply

from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import Bank

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "essays"
BANK_ID = "essay-drills"
YEZHOV = "essay-drills/yezhov-responsibility"


def bank_text() -> str:
    return (FIXTURES / "bank.yaml").read_text(encoding="utf-8")


def essay_bank() -> Bank:
    return load_bank_text(bank_text(), "bank.yaml")


def sample(prompt_id: str, name: str) -> str:
    """One of the labelled sample essays in tests/fixtures/essays/samples."""
    return (FIXTURES / "samples" / prompt_id / f"{name}.txt").read_text(encoding="utf-8")


MEDIUM = sample("yezhov-responsibility", "medium-1")  # makes 2 of the 5 points, 140 words
STRONG = sample("yezhov-responsibility", "strong-1")  # makes all 5


def drill_message(channel: simcord.ChannelHandle) -> discord.Message:
    """The last drill the bot posted in the channel (what the whole class sees)."""
    drills = [
        m
        for m in channel.history()
        if m.embeds and (m.embeds[0].title or "").startswith("Essay drill")
    ]
    assert drills, "no drill was posted"
    return drills[-1]


def write_button(message: discord.Message) -> discord.ui.Button[discord.ui.View]:
    [row] = message.components
    [button] = row.children  # type: ignore[attr-defined]
    return button  # type: ignore[return-value]


def fields(message: simcord.ResponseMessage | discord.Message) -> dict[str, str]:
    """Every field of every embed, name -> value."""
    return {f.name or "": f.value or "" for e in message.embeds for f in e.fields}


def feedback_of(result: simcord.InteractionResult) -> simcord.ResponseMessage:
    shown = reply(result)
    assert shown.embeds, f"no feedback: {shown.content!r}"
    return shown


def text_of_message(message: discord.Message) -> str:
    """A channel message's content and embed text, as one string to search."""
    parts = [message.content]
    for made in message.embeds:
        parts += [made.title or "", made.description or ""]
        parts += [f"{f.name}\n{f.value}" for f in made.fields]
    return "\n".join(parts)


async def send_file(
    actor: simcord.MemberActor, channel: simcord.ChannelHandle, essay: str
) -> simcord.InteractionResult:
    """The essay sent with /essay submit as a .txt file, for the Yezhov prompt."""
    return await actor.slash(
        channel, "essay submit", prompt=YEZHOV, file=("essay.txt", essay.encode())
    )
