"""Helpers for the quiz tests: a class bank, reading a question message as a student would, and
the scoring rules as the classroom knows them (written out here, not imported from the engine)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import discord
import pytest
import simcord
from simkit import reply

from purgebot.storage import Store

CLASS_BANK = """\
bank: class-quiz
title: Kirov and the NKVD
description: A short mixed quiz for the class tests.
sources:
  notes: {title: "Class notes: the Great Terror", url: "https://example.org/notes"}
defaults:
  seconds: 20
questions:
  - id: kirov-city
    type: choice
    prompt: Kirov was the Communist Party leader of which city?
    choices: [Leningrad, Moscow, Kiev, Tbilisi]
    answer: Leningrad
    explanation: Kirov ran the Leningrad party organisation from 1926.
    source: {doc: notes, quote: "Kirov, the popular Leningrad party boss"}
    topic: kirov
  - id: trials-public
    type: true_false
    prompt: The Moscow show trials were held in public.
    answer: true
    explanation: Foreign journalists and diplomats watched them.
    topic: trials
  - id: kirov-assassin
    type: short
    prompt: What was the surname of the man who shot Kirov?
    answer: Nikolaev
    accept: [Nikolayev]
    fuzzy: true
    topic: kirov
  - id: kirov-year
    type: numeric
    prompt: In what year was Kirov murdered?
    answer: 1934
    topic: kirov
"""

MORE_TYPES_BANK = """\
bank: nkvd-more
title: The NKVD, more kinds of question
defaults:
  seconds: 30
questions:
  - id: heads-in-order
    type: order
    prompt: Put the NKVD heads in order.
    items: [Genrikh Yagoda, Nikolai Yezhov, Lavrentiy Beria]
  - id: which-heads
    type: choice
    multi: true
    prompt: Which of these men headed the NKVD?
    choices: [Genrikh Yagoda, Nikolai Yezhov, Sergei Kirov, Nikolai Bukharin]
    answer: [Genrikh Yagoda, Nikolai Yezhov]
"""

QUESTION_TITLE = re.compile(r"Question (\d+) of (\d+)")
OPTION_LINE = re.compile(r"^\*\*([A-H])\*\* (.+)$")


def speed_points(seconds: float, limit: float) -> int:
    """The rule students are told: 1000 within half a second, down to 500 at the buzzer."""
    if seconds <= 0.5:
        return 1000
    return round(1000 * (1 - (seconds / limit) / 2))


def streak_bonus(streak: int) -> int:
    """+100 for the second right answer in a row, +100 more each time, at most +500."""
    return 0 if streak < 2 else min(500, 100 * (streak - 1))


@dataclass(frozen=True)
class Shown:
    """A question message as a student reads it."""

    message: discord.Message
    number: int
    total: int
    prompt: str
    options: dict[str, str]  # option text -> letter, for choice questions

    def letter(self, text: str) -> str:
        return self.options[text]


def bar_line(count: int, total: int, text: str, right: bool) -> str:
    """A reveal line as a student reads it: ten cells filled in proportion, count, option."""
    filled = round(10 * count / total) if total else 0
    return "█" * filled + "░" * (10 - filled) + f" {count} · {text}" + (" ✅" if right else "")


def question_messages(channel: simcord.ChannelHandle) -> list[discord.Message]:
    """The bot's question messages in the channel, oldest first (open or revealed)."""
    out = []
    for message in channel.history():
        if message.embeds and QUESTION_TITLE.match(message.embeds[0].title or ""):
            out.append(message)
    return out


def read_question(message: discord.Message) -> Shown:
    embed = message.embeds[0]
    match = QUESTION_TITLE.match(embed.title or "")
    assert match, f"not an open question: {embed.title!r}"
    lines = (embed.description or "").split("\n")
    options = {}
    for line in lines:
        found = OPTION_LINE.match(line)
        if found:
            options[found.group(2)] = found.group(1)
    return Shown(message, int(match.group(1)), int(match.group(2)), lines[0], options)


def current_question(channel: simcord.ChannelHandle) -> Shown:
    return read_question(question_messages(channel)[-1])


def field_value(embed: discord.Embed, prefix: str) -> str:
    found = [f.value for f in embed.fields if (f.name or "").startswith(prefix)]
    assert found, f"no field {prefix!r} in {[f.name for f in embed.fields]}"
    return found[0] or ""


def channel_calls(env: simcord.Env, channel: simcord.ChannelHandle) -> list[str]:
    """REST calls on the channel's messages (posts and edits), not interaction replies."""
    prefix = f"/channels/{channel.id}/messages"
    return [
        f"{r.method} {r.path}"
        for r in env.http_requests
        if r.path.startswith(prefix) and r.method in ("POST", "PATCH", "DELETE")
    ]


# --- a scripted class ----------------------------------------------------------------------------

LIMIT = 20.0  # seconds per question in the scripted quiz
PAUSE = 5.0  # the bot's pause between a reveal and the next question
EXTRA = 1.5  # clara's extra time


@dataclass(frozen=True)
class Act:
    """One student action, `at` seconds after the question opened."""

    at: float
    who: str
    value: str  # the option pressed (its text, or True/False), or the text typed
    expect: str  # "locked", "already" or "late"


SCRIPT: dict[str, list[Act]] = {
    "kirov-city": [
        Act(2, "anya", "Leningrad", "locked"),
        Act(3, "anya", "Kiev", "already"),  # a second click changes nothing
        Act(4, "boris", "Moscow", "locked"),
        Act(25, "clara", "Leningrad", "locked"),  # inside her 30 s
    ],
    "trials-public": [
        Act(1, "anya", "True", "locked"),
        Act(6, "clara", "True", "locked"),
        Act(22, "boris", "False", "late"),  # past his 20 s, while clara's time keeps it open
    ],
    "kirov-assassin": [
        Act(5, "anya", "nikolayev", "locked"),
        Act(8, "boris", "Nikolaev", "locked"),
        Act(10, "clara", "Yezhov", "locked"),
    ],
    "kirov-year": [
        Act(3, "anya", "1934", "locked"),
        Act(4, "boris", "1935", "locked"),
        Act(12, "clara", "1934", "locked"),
    ],
}
KEY = {
    "kirov-city": {"Leningrad"},
    "trials-public": {"True"},
    "kirov-assassin": {"nikolayev", "Nikolaev"},
    "kirov-year": {"1934"},
}
PROMPTS = {
    "Kirov was the Communist Party leader of which city?": "kirov-city",
    "The Moscow show trials were held in public.": "trials-public",
    "What was the surname of the man who shot Kirov?": "kirov-assassin",
    "In what year was Kirov murdered?": "kirov-year",
}
TYPED = {"kirov-assassin", "kirov-year"}
REFUSALS = {
    "already": "You have already answered: your first answer counts.",
    "late": "Too late: time is up for this question.",
}


@dataclass
class Player:
    name: str
    multiplier: float = 1.0
    points: int = 0
    correct: int = 0
    asked: int = 0
    streak: int = 0
    joined: bool = False
    answers: list[tuple[str, str, bool, int, int]] = field(default_factory=list)
    # (question id, raw answer, correct, points, response ms)


@dataclass
class Played:
    """What the scripted class did, worked out by the test itself, question by question."""

    order: list[str] = field(default_factory=list)
    reveals: list[discord.Message] = field(default_factory=list)
    closed_early: list[bool] = field(default_factory=list)
    chosen: dict[str, dict[str, int]] = field(default_factory=dict)  # question -> value -> count
    players: dict[str, Player] = field(default_factory=dict)
    standings_message: discord.Message | None = None

    def ranking(self) -> list[tuple[int, Player]]:
        """Best first by points, names breaking ties for display; equal points share a rank."""
        ranked = sorted(self.players.values(), key=lambda p: (-p.points, p.name))
        out: list[tuple[int, Player]] = []
        for place, p in enumerate(ranked, start=1):
            rank = out[-1][0] if out and out[-1][1].points == p.points else place
            out.append((rank, p))
        return [(r, p) for r, p in out if p.joined]


async def act(
    member: simcord.MemberActor, shown: Shown, question_id: str, value: str
) -> simcord.InteractionResult:
    """Answer as a student would: press the option, or press Answer and type."""
    if question_id in TYPED:
        opened = await member.click(shown.message, label="Answer")
        assert opened.modal is not None, "the Answer button opens a modal"
        return await member.submit_modal(opened, {"answer": value})
    label = value if value in ("True", "False") else shown.letter(value)
    return await member.click(shown.message, label=label)


async def play_class_quiz(
    env: simcord.Env,
    channel: simcord.ChannelHandle,
    members: dict[str, simcord.MemberActor],
    store: Store,
    guild_id: int,
) -> Played:
    """Run the scripted quiz to its end (it must already be started), checking each reply."""
    played = Played(players={n: Player(n, EXTRA if n == "clara" else 1.0) for n in members})
    first = current_question(channel)
    for number in range(1, first.total + 1):
        shown = current_question(channel)
        assert shown.number == number
        qid = PROMPTS[shown.prompt]
        played.order.append(qid)
        expected = {n for n, p in played.players.items() if p.joined}
        answered_now: dict[str, tuple[str, float]] = {}
        clock = 0.0
        for step in SCRIPT[qid]:
            await env.advance_time(step.at - clock)
            clock = step.at
            seen = reply(await act(members[step.who], shown, qid, step.value))
            assert seen.ephemeral
            if step.expect == "locked":
                assert seen.content.startswith("🔒 Locked in:"), seen.content
                answered_now[step.who] = (step.value, step.at)
                # the reply comes only once the answer is committed
                stats = await store.student_stats(guild_id, members[step.who].id)
                assert stats.answered == len(played.players[step.who].answers) + 1
            else:
                assert seen.content == REFUSALS[step.expect]
        early = bool(expected) and expected <= answered_now.keys()
        played.closed_early.append(early)
        if not early:
            await env.advance_time(LIMIT * EXTRA - clock)  # the question stays open for clara
        for name, p in played.players.items():
            if name in answered_now:
                value, at = answered_now[name]
                right = value in KEY[qid]
                p.streak = p.streak + 1 if right else 0
                got = (
                    speed_points(at / p.multiplier, LIMIT) + streak_bonus(p.streak) if right else 0
                )
                p.points += got
                p.correct += right
                p.joined = True
                p.answers.append((qid, value, right, got, round(at * 1000)))
                played.chosen.setdefault(qid, {}).setdefault(value, 0)
                played.chosen[qid][value] += 1
            elif p.joined:
                p.streak = 0
            if p.joined:
                p.asked += 1
        revealed = question_messages(channel)[number - 1]
        assert (revealed.embeds[0].title or "").endswith("· answer")
        played.reveals.append(revealed)
        if number < first.total:
            await env.advance_time(PAUSE)
    played.standings_message = channel.history()[-1]
    return played


# --- fixtures (import them into a test module to use them) -------------------------------------


@pytest.fixture(name="clara")
def clara_fixture(simcord_env: simcord.Env, guild: simcord.GuildHandle) -> simcord.MemberActor:
    return guild.add_member(simcord_env.create_user("clara"))


@pytest.fixture(name="class_quiz")
async def class_quiz_fixture(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    other_student: simcord.MemberActor,
    clara: simcord.MemberActor,
    store: Store,
) -> Played:
    """The teacher uploads the bank, gives clara extra time, and the class plays it through."""
    await teacher.slash(channel, "bank upload", file=("class.yaml", CLASS_BANK.encode()))
    await teacher.slash(channel, "accommodate", member=clara, multiplier=EXTRA)
    started = reply(await teacher.slash(channel, "quiz start", bank="class-quiz", seconds=20))
    assert started.ephemeral and started.content.startswith("Started **Kirov and the NKVD**: 4")
    members = {"anya": student, "boris": other_student, "clara": clara}
    return await play_class_quiz(simcord_env, channel, members, store, guild.id)
