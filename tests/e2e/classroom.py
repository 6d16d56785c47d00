"""Reading the bot's channel messages as a student would, and answering them, on the fake Discord.

The right answers come from the bank file itself (questions/kirov.yaml), not from the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from fakediscord import FakeDiscord, Interaction, Room
from payloads import Member, custom_ids

KIROV = Path(__file__).resolve().parents[2] / "questions" / "kirov.yaml"
OPTION_LINE = re.compile(r"^\*\*([A-H])\*\* (.+)$")
LOCKED = "🔒 Locked in:"


@dataclass(frozen=True)
class Known:
    """A question as the bank file has it: what to press or type, right and wrong, and the
    answer as the reveal shows it."""

    kind: str
    right: str  # an option's text, "True"/"False", the text to type; for order, unused
    wrong: str
    shown: str
    items: tuple[str, ...] = ()  # an order question's items, in the right order


def known_question(q: dict[str, Any]) -> Known:
    kind = q["type"]
    if kind == "choice" and not q.get("multi"):
        right = q["answer"]
        return Known(kind, right, next(c for c in q["choices"] if c != right), right)
    if kind == "true_false":
        right, wrong = str(bool(q["answer"])), str(not q["answer"])
        return Known(kind, right, wrong, right)
    if kind == "short":
        return Known(kind, q["answer"], "Yezhov", q["answer"])
    if kind == "numeric":
        value = float(q["answer"])
        shown = f"{value:,.10g}" if abs(value) >= 10_000 else f"{value:g}"
        return Known(kind, f"{value:g}", f"{value * 10 + 12_345:g}", shown)
    if kind == "order":
        items = tuple(q["items"])
        return Known(kind, "", "", " → ".join(items), items)
    raise AssertionError(f"no scripted answer for a {kind} question: {q.get('id')}")


def bank_title() -> str:
    return str(yaml.safe_load(KIROV.read_text(encoding="utf-8"))["title"])


def bank_questions(topic: str | None = None) -> dict[str, Known]:
    """prompt -> what is right and something wrong, for the kirov questions (on `topic`)."""
    bank = yaml.safe_load(KIROV.read_text(encoding="utf-8"))
    default = bank.get("defaults", {}).get("topic")
    return {
        " ".join(q["prompt"].split()): known_question(q)
        for q in bank["questions"]
        if topic is None or q.get("topic", default) == topic
    }


def embed(message: dict[str, Any]) -> dict[str, Any]:
    embeds = message.get("embeds") or []
    return embeds[0] if embeds else {}


def title(message: dict[str, Any]) -> str:
    return str(embed(message).get("title") or "")


def field(message: dict[str, Any], prefix: str) -> str:
    found = [f["value"] for f in embed(message).get("fields", []) if f["name"].startswith(prefix)]
    assert found, f"no field {prefix!r} in {title(message)!r}"
    return str(found[0])


def field_names(message: dict[str, Any]) -> list[str]:
    return [f["name"] for f in embed(message).get("fields", [])]


def titled(fake: FakeDiscord, wanted: str, room: Room | None = None) -> dict[str, Any] | None:
    """The newest channel message (in `room`, else the first) whose embed title is `wanted`."""
    found = [m for m in fake.channel_messages(room) if title(m) == wanted]
    return found[-1] if found else None


def titled_like(fake: FakeDiscord, prefix: str, room: Room | None = None) -> dict[str, Any] | None:
    found = [m for m in fake.channel_messages(room) if title(m).startswith(prefix)]
    return found[-1] if found else None


async def question(
    fake: FakeDiscord, number: int, total: int, room: Room | None = None
) -> dict[str, Any]:
    """Wait for question `number` to be posted, open (in `room`, else the first)."""
    wanted = f"Question {number} of {total}"
    found: dict[str, Any] = await fake.wait_until(
        lambda: titled(fake, wanted, room), f"{wanted!r} to be posted", within=20
    )
    return found


def prompt_of(message: dict[str, Any]) -> str:
    return str(embed(message).get("description") or "").split("\n")[0]


def options_of(message: dict[str, Any]) -> dict[str, str]:
    """option text -> letter, as the posted question lists them."""
    out = {}
    for line in str(embed(message).get("description") or "").split("\n"):
        if found := OPTION_LINE.match(line):
            out[found.group(2)] = found.group(1)
    return out


async def answer(
    fake: FakeDiscord, member: Member, message: dict[str, Any], known: Known, *, right: bool
) -> Interaction:
    """Answer as a student would: press the option, or press Answer and type; the bot's reply."""
    value = known.right if right else known.wrong
    if known.kind == "order":  # the letters shown, in the right order (or reversed)
        letters = [options_of(message)[item] for item in known.items]
        value = " ".join(letters if right else reversed(letters))
    buttons = custom_ids(message["components"])
    if known.kind in ("short", "numeric", "order"):
        opened = await fake.reply(await fake.click(member, message, buttons["Answer"]))
        assert opened.modal is not None, "pressing Answer opens a modal"
        return await fake.reply(await fake.submit_modal(member, opened, {"answer": value}))
    label = value if known.kind == "true_false" else options_of(message)[value]
    return await fake.reply(await fake.click(member, message, buttons[label]))


def reply_text(interaction: Interaction) -> str:
    replies = interaction.replies()
    assert replies, "no reply"
    return str(replies[-1].get("content") or "")


def ephemeral(interaction: Interaction) -> bool:
    replies = interaction.replies()
    return bool(replies) and bool(int(replies[-1].get("flags") or 0) & 64)
