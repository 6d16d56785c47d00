"""Embeds built from banks and bank problems; all cutting is left to `render`.

Kept apart from the cogs so the limits test can feed them the longest texts a bank allows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import discord

from purgebot.banks.loader import more_text
from purgebot.banks.model import Bank
from purgebot.banks.yamlread import Problem
from purgebot.bot import render
from purgebot.bot.cards import plural, timestamp
from purgebot.catalog import Entry

COLOUR = discord.Colour.dark_red()
ERROR_COLOUR = discord.Colour.orange()
TYPE_NAMES = {
    "choice": "choice",
    "true_false": "true/false",
    "short": "short answer",
    "numeric": "numeric",
    "order": "put in order",
}


def bank_line(entry: Entry) -> str:
    bank = entry.bank
    return f"`{bank.id}` · {render.literal(bank.title)} · {plural(len(bank.questions), 'question')}"


def hidden_line(bank_id: str) -> str:
    return (
        f"`{bank_id}` · hidden by the built-in bank with the same id: "
        f"a teacher can delete it with `/bank remove bank:{bank_id}`"
    )


def bank_list(entries: Sequence[Entry], hidden: Sequence[str] = ()) -> discord.Embed:
    """Every bank a server can use, built-in first, cut with a count of what did not fit;
    `hidden`: ids of uploads a built-in bank of the same id hides."""
    builtin = [bank_line(e) for e in entries if e.builtin]
    uploaded = [bank_line(e) for e in entries if not e.builtin] + [hidden_line(h) for h in hidden]
    lines = ["**Built in**", *(builtin or ["(none)"]), "", "**Uploaded in this server**"]
    lines += uploaded or ["(none yet: a teacher can add one with `/bank upload`)"]
    text, _ = render.lines_within(
        lines,
        render.EMBED_DESCRIPTION,
        lambda n: f"…and {plural(n, 'more line')}: type in `/bank info` to search every bank.",
    )
    return render.embed(
        "Question banks",
        text,
        footer="/bank info shows one bank; /quiz start runs one.",
        colour=COLOUR,
    )


def _counts(counter: Counter[Any], names: dict[str, str] | None = None) -> str:
    return ", ".join(f"{n} {(names or {}).get(k, k)}" for k, n in counter.most_common())


def bank_info(entry: Entry) -> discord.Embed:
    """One bank: what is in it and where it came from, never its answers."""
    bank = entry.bank
    fields: list[tuple[str, str, bool]] = [("Id", f"`{bank.id}`", True)]
    types = Counter(q.type for q in bank.questions)
    fields.append(("Questions", f"{len(bank.questions)} ({_counts(types, TYPE_NAMES)})", True))
    if bank.essays:
        fields.append(("Essay prompts", str(len(bank.essays)), True))
    difficulties = Counter(str(d) for q in bank.questions if (d := bank.difficulty_of(q)))
    if difficulties:
        fields.append(("Difficulty", _counts(difficulties), True))
    fields.append(("Default time", f"{bank.defaults.seconds} s per question", True))
    topics = bank.topics()
    if topics:
        fields.append(("Topics", ", ".join(topics), False))
    if bank.sources:
        sources = [f"`{key}` {render.literal(info.title)}" for key, info in bank.sources.items()]
        text, _ = render.lines_within(
            sources, render.FIELD_VALUE, lambda n: f"…and {plural(n, 'more source')}"
        )
        fields.append(("Sources", text, False))
    if entry.upload is None:
        fields.append(("Origin", "Built in", False))
    else:
        who = f"<@{entry.upload.uploader_id}>" if entry.upload.uploader_id else "a former member"
        fields.append(
            ("Origin", f"Uploaded by {who} on {timestamp(entry.upload.uploaded_at)}", False)
        )
    return render.embed(bank.title, bank.description or None, fields=fields, colour=COLOUR)


def problem_line(problem: Problem) -> str:
    where = f"`{problem.line}:{problem.col}`"
    return (
        f"{where} {problem.path}: {problem.message}"
        if problem.path
        else f"{where} {problem.message}"
    )


def problems_report(
    name: str, problems: Sequence[Problem], more: int = 0
) -> tuple[discord.Embed, bool]:
    """The problems of a refused upload, as many as fit; True when some had to be left out.
    `more` counts problems the loader found past those it lists."""
    lines = [problem_line(p) for p in problems]
    text, shown = render.lines_within(
        lines,
        render.EMBED_DESCRIPTION,
        lambda n: (
            f"…and {plural(n, 'more problem')}: all of them are in the attached problems.txt."
        ),
    )
    title = f"{name}: {plural(len(problems) + more, 'problem')}, nothing was stored"
    made = render.embed(
        title,
        text,
        footer="Line:column point into your file. Fix them all and upload the file again.",
        colour=ERROR_COLOUR,
    )
    return made, shown < len(problems) or more > 0


def problems_text(name: str, problems: Sequence[Problem], more: int = 0) -> str:
    """Every problem listed, one per line as `file:line:col: path: message`, for an attached
    file; a last line counts those past the loader's list."""
    listed = "".join(
        f"{name}:{p.line}:{p.col}: {p.path + ': ' if p.path else ''}{p.message}\n" for p in problems
    )
    return listed + (more_text(name, more) + "\n" if more else "")


def stored_message(bank: Bank, replaced: bool) -> str:
    verb = "Replaced" if replaced else "Stored"
    essays = f" and {plural(len(bank.essays), 'essay prompt')}" if bank.essays else ""
    return (
        f"{verb} bank `{bank.id}` ({render.literal(bank.title)}): "
        f"{plural(len(bank.questions), 'question')}{essays}. "
        f"Run it with `/quiz start bank:{bank.id}`."
    )
