"""Where stored rows meet the banks' wording, and charts become attachments.

Storage gives rows keyed by question id; the banks say what each question asked. A bank since
deleted (or never known here) just leaves the text blank: the id is still in the file.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands

from purgebot.banks.model import Bank
from purgebot.bot import render, scorecards
from purgebot.catalog import BankCatalog
from purgebot.errors import UserFacingError
from purgebot.reports import Chart, quiz_chart, render_png
from purgebot.storage import LeaderboardPage, Period, QuestionTexts, Report, Store, TermRecord

log = logging.getLogger(__name__)


async def question_texts(
    catalog: BankCatalog, guild_id: int, bank_ids: Iterable[str]
) -> QuestionTexts:
    """(bank id, question id) -> the prompt, for every bank named that this server still has."""
    texts: dict[tuple[str, str], str] = {}
    for bank_id in sorted(set(bank_ids)):
        try:
            bank = await catalog.get(guild_id, bank_id)
        except UserFacingError:  # the bank is gone: its ids stay, their text is unknown
            continue
        texts.update({(bank_id, q.id): q.prompt for q in bank.questions})
    return texts


async def report_texts(catalog: BankCatalog, guild_id: int, report: Report) -> QuestionTexts:
    return await question_texts(catalog, guild_id, (q.bank_id for q in report.questions))


async def chart_file(chart: Chart) -> discord.File:
    """The chart drawn off the event loop, its words as the attachment's alt text."""
    png = await asyncio.to_thread(render_png, chart)
    return discord.File(io.BytesIO(png), filename=chart.filename, description=chart.description())


def csv_file(text: str, filename: str) -> discord.File:
    return discord.File(io.BytesIO(text.encode()), filename=filename)


def report_files(report: Report, base: str, texts: QuestionTexts) -> list[discord.File]:
    """The four spreadsheets of one report: students, questions (with their text), the student ×
    question grid, and every answer student by student."""
    return [
        csv_file(report.students_csv(), f"{base}-students.csv"),
        csv_file(report.questions_csv(texts), f"{base}-questions.csv"),
        csv_file(report.grid_csv(), f"{base}-grid.csv"),
        csv_file(report.timeline_csv(texts), f"{base}-timeline.csv"),
    ]


class UnknownClass(UserFacingError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"There is no class “{name[:40]}” in this server. `/class list` shows the classes; "
            "`/class add` makes one."
        )


async def class_scope(
    store: Store, interaction: discord.Interaction[Any], name: str | None
) -> str | None:
    """The class a command is about: the one named (which must exist), else the class of the
    channel it was run in, else none (the whole server)."""
    guild_id = interaction.guild_id
    if guild_id is None:
        return None
    if name:
        known = {c.name for c in await store.list_classes(guild_id)}
        if name.strip() not in known:
            raise UnknownClass(name.strip())
        return name.strip()
    if interaction.channel_id is None:
        return None
    return await store.class_of_channel(guild_id, interaction.channel_id)


async def class_choices(
    store: Store, interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    if interaction.guild_id is None:
        return []
    needle = current.strip().casefold()
    names = [c.name for c in await store.list_classes(interaction.guild_id)]
    return [
        app_commands.Choice(name=render.cut(n, render.CHOICE_NAME), value=n)
        for n in names
        if needle in n.casefold()
    ][: render.CHOICES]


def board_embed(
    page: LeaderboardPage, bank_id: str | None, class_name: str | None, top: int | None = None
) -> discord.Embed:
    """The ranking's embed, naming the class and the term (a term starts boards at zero)."""
    embed = scorecards.leaderboard_embed(page, bank_id)
    title = embed.title or ""
    if page.period is Period.ALL and page.since is not None:
        title = title.replace(" · all time", " · this term", 1)
    if class_name:
        title += f" · class {class_name}"
    embed.title = render.cut(title, render.EMBED_TITLE)
    if top is not None:
        footer = f"Top {top} shown · " + (embed.footer.text or "")
        embed.set_footer(text=render.cut(footer, render.EMBED_FOOTER))
    return embed


def chart_scope(
    class_name: str | None,
    bank_id: str | None,
    since: str | None,
    until: str | None,
    term: TermRecord | None = None,
) -> str:
    """What a chart covers, in words: its title and the start of its alt text."""
    parts = [f"class {class_name}" if class_name else "the whole server"]
    if bank_id:
        parts.append(f"bank {bank_id}")
    if since and until:
        parts.append(f"{since} to {until}")
    elif since:
        parts.append(f"since {since}")
    elif until:
        parts.append(f"until {until}")
    if term is not None and not since:
        parts.append(f"this term ({term.name}, from {term.started_at:%Y-%m-%d})")
    return " · ".join(parts)


def slug(text: str) -> str:
    """A name made safe for a file name."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40] or "class"


async def quiz_chart_file(
    store: Store, guild_id: int, run_id: int, bank: Bank
) -> discord.File | None:
    """The results chart under a quiz's final standings, from the stored answers (the same rows
    as `/results export run:`); None when nobody answered or drawing failed (the standings go
    out anyway)."""
    try:
        await store.flush()
        report = await store.run_report(guild_id, run_id)
        if not report.answers:
            return None
        texts = {(bank.id, q.id): q.prompt for q in bank.questions}
        return await chart_file(quiz_chart(report, texts, run_id))
    except Exception:
        log.exception("could not draw the results chart of run %s", run_id)
        return None


def with_image(embed: discord.Embed, chart: discord.File) -> discord.Embed:
    """The embed showing the attached chart as its image."""
    return embed.set_image(url=f"attachment://{chart.filename}")
