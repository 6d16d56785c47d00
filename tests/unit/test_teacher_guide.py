"""docs/teacher-guide.md shows what students see: those blocks are built here from the bot's real
cards, so the guide cannot drift from the code.

After a change to the cards, print the blocks again and paste them into the guide:
`.venv/bin/python tests/unit/test_teacher_guide.py`.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import discord

from purgebot.banks.loader import load_bank_text
from purgebot.bot.quiz import answers as quizviews
from purgebot.bot.quiz import embeds as quizcards
from purgebot.quiz import QuizSession, QuizSettings, TextAnswer
from purgebot.quiz.results import QuizResult

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "teacher-guide.md"
START = 1_767_000_000.0  # a clock reading in Unix seconds, as the bot's clock gives
RUN_ID = 12
SEED = 5

# two questions of the built-in kirov bank, copied so that edits to the bank leave the guide alone
BANK = """\
bank: kirov
title: The murder of Kirov
sources:
  morris: {title: "The Purges (summary of Morris, Todd and Phillips)"}
defaults: {seconds: 20, difficulty: medium, topic: kirov}
questions:
  - id: kirov-date
    type: choice
    prompt: On what date was Sergei Kirov assassinated?
    choices: [1 December 1934, 1 May 1934, 1 December 1936, 10 February 1934]
    answer: 1 December 1934
    explanation: >-
      Kirov was shot on 1 December 1934 at the party headquarters (the Smolny) in Leningrad.
      Stalin used the murder to launch a wave of arrests that grew into the Great Purge.
    source: {doc: morris, quote: "December 1 1934 Sergei Kirov was assassinated in his office"}
    topic: murder
    difficulty: easy
  - id: kirov-assassin
    type: short
    prompt: What was the surname of the man who shot Kirov?
    answer: Nikolaev
    accept: [Nikolayev, Nicolaev]
    fuzzy: true
    topic: murder
"""


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


def _when(moment: int, now: float) -> str:
    seconds = round(moment - now)
    return f"in {seconds} seconds" if seconds >= 0 else f"{-seconds} seconds ago"


def as_text(embed: discord.Embed, now: float, view: discord.ui.View | None = None) -> str:
    """An embed as a reader sees it in Discord: bold shown plain, times relative to `now`."""
    parts = [embed.title or "", "─" * len(embed.title or "")]
    if embed.description:
        parts += [embed.description, ""]
    for field in embed.fields:
        parts += [f"{field.name}", f"{field.value}", ""]
    if embed.footer.text:
        parts.append(embed.footer.text)
    text = "\n".join(parts).rstrip()
    text = re.sub(r"<t:(\d+):R>", lambda m: _when(int(m[1]), now), text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text).replace("**", "").replace("`", "")
    if view is not None:
        buttons = []
        for item in view.children:
            if isinstance(item, discord.ui.Button):
                label = item.label or ""
                if item.style is discord.ButtonStyle.success:
                    label += " (green)"
                buttons.append(f"[ {label} ]")
        greyed = all(getattr(item, "disabled", False) for item in view.children)
        text += "\n\n" + " ".join(buttons) + ("   (greyed out)" if greyed else "")
    return text


def student_view() -> dict[str, str]:
    """The question card, its reveal, a typed-answer card and the final standings of a quiz
    played by three students."""
    bank = load_bank_text(BANK, "kirov.yaml")
    clock = Clock()
    settings = QuizSettings(count=2, seed=SEED)
    session = QuizSession(bank, settings, clock=clock, rng=random.Random(SEED), started_by=9)
    for player, name in ((1, "Anya"), (2, "Boris"), (3, "Chen")):
        session.join(player, name)
    view = session.start()
    assert view.question.id == "kirov-date"  # the seed draws the choice question first
    cards = {
        "question": as_text(
            quizcards.question_embed(
                view, bank, closes_at=session.closes_at, scoring="speed", started_by="Ms Novak"
            ),
            clock.now,
            quizviews.question_view(view, RUN_ID),
        )
    }
    right = view.options.index("1 December 1934")
    for player, seconds, position in ((1, 3.0, right), (2, 6.5, (right + 1) % 4), (3, 9.0, right)):
        clock.now = START + seconds
        session.submit(player, view.pick([position]))
    session.tick()
    result = session.reveal()
    cards["reveal"] = as_text(
        quizcards.reveal_embed(
            result,
            bank,
            total=view.total,
            expected=3,
            top=session.standings()[: quizcards.TOP],
            scoring="speed",
            note="Next question in 5 s.",
        ),
        clock.now,
        quizviews.question_view(view, RUN_ID, reveal=True),
    )
    final: QuizResult
    if session.has_next:
        clock.now = START + 30
        typed = session.open_next()
        cards["typed"] = as_text(
            quizcards.question_embed(
                typed, bank, closes_at=session.closes_at, scoring="speed", started_by="Ms Novak"
            ),
            clock.now,
            quizviews.question_view(typed, RUN_ID),
        )
        clock.now += 4
        session.submit(1, TextAnswer("Nikolayev"))
        clock.now += 3
        session.submit(3, TextAnswer("Nikolaev"))
        session.close()
        session.reveal()
    final = session.finish()
    cards["standings"] = as_text(quizcards.standings_embed(final, run_id=RUN_ID), clock.now)
    return cards


def test_the_guide_shows_the_cards_students_see() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for name, text in student_view().items():
        assert f"```text\n{text}\n```" in guide, f"the {name} card changed: see this module's doc"


if __name__ == "__main__":
    for name, text in student_view().items():
        print(f"<!-- {name} -->\n```text\n{text}\n```\n")
