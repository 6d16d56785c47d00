"""/essay drill, submit, queue, review, mine, export: essay practice with instant private feedback
and a teacher's review queue.

The feedback itself is `purgebot.essays`' (no Discord there); this cog finds the prompt, reads
the answer, and hands both to `components.submit_and_reply`, the one path every essay takes.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import PurePath
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import escape_markdown

from purgebot.banks.model import Bank, EssayPrompt
from purgebot.bot import checks, render
from purgebot.bot.cards import plural
from purgebot.bot.checks import guild_id_of, is_teacher, missing_to_post, teacher_only
from purgebot.bot.errors import reply_private
from purgebot.bot.essays import embeds as essaycards
from purgebot.bot.essays.components import (
    ESSAYS_COG,
    NO_MENTIONS,
    OpenBoxes,
    answer_stale_box,
    deadline_from,
    drill_view,
    submit_and_reply,
)
from purgebot.bot.essays.drillclock import DrillClock
from purgebot.bot.featurecog import FeatureCog
from purgebot.bot.services import Services
from purgebot.bot.transformers import BadDay as BadDay  # the refusal of a bad day
from purgebot.bot.transformers import DayParam, span
from purgebot.errors import UserFacingError
from purgebot.essays import EssayTextError, clean_essay_text, decode_essay, find_prompt
from purgebot.storage import SubmissionNotFoundError

log = logging.getLogger(__name__)

MAX_MINUTES = 240
MAX_FILE_BYTES = 64 * 1024  # a 900-word exam answer is about 6 KB
FILE_SUFFIXES = (".txt", ".md")
QUEUE_PAGE = 10
MINE_PAGE = 5
MAX_COMMENT = 500  # five marked essays with comments fit one /essay mine page


class NoEssayPrompts(UserFacingError):
    def __init__(self) -> None:
        super().__init__(
            "No bank in this server has essay prompts yet. A teacher can upload one with an "
            "`essays:` section (/bank upload)."
        )


class UnknownEssayPrompt(UserFacingError):
    def __init__(self, typed: str, matches: Sequence[str] = ()) -> None:
        if matches:
            message = (
                f"`{escape_markdown(typed)}` is a prompt in several banks: "
                f"{', '.join(f'`{m}`' for m in matches)}. Choose one from the list."
            )
        else:
            message = (
                f"There is no essay prompt `{escape_markdown(typed)}` in this server. "
                "Start typing in the prompt option and choose one from the list."
            )
        super().__init__(message)


class EssayFileRefused(UserFacingError):
    """An attachment that is not a plain-text essay, refused before it is downloaded."""


class BotCannotPost(checks.BotCannotPost):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(missing, doing="post a drill", elsewhere="run the drill")


def check_attachment(file: discord.Attachment) -> None:
    """Refuse what cannot be an essay from its name and size, before downloading anything."""
    name = escape_markdown(file.filename)
    if PurePath(file.filename.lower()).suffix not in FILE_SUFFIXES:
        raise EssayFileRefused(
            f"{name} is not a .txt or .md file. Save your essay as plain text (in Word: "
            "File › Save As › Plain Text) and send that, or paste it with a drill's Write button."
        )
    if file.size > MAX_FILE_BYTES:
        raise EssayFileRefused(
            f"{name} is {file.size / 1024:.0f} KB; an essay file may be at most "
            f"{MAX_FILE_BYTES // 1024} KB."
        )


def essay_text(data: bytes) -> str:
    """An essay file's text, read as `/bank upload` reads a file: UTF-16 with a byte-order mark
    (Windows Notepad's "Unicode") as well as UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return clean_essay_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise EssayTextError(
                "The essay file starts like UTF-16 text but is not valid UTF-16. Save it again "
                "as plain text with UTF-8 encoding and try again."
            ) from None
    return decode_essay(data)


class EssaysCog(FeatureCog, name=ESSAYS_COG):
    essay = app_commands.Group(
        name="essay",
        description="Essay drills: write, get instant feedback, get marked",
        guild_only=True,
    )

    def __init__(self, services: Services, client: discord.Client | None = None) -> None:
        super().__init__(services)
        self.client = client  # to close the drills a restart left open
        self.drills = DrillClock(services)
        self.boxes = OpenBoxes()

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        await answer_stale_box(interaction, self.boxes)

    async def cog_load(self) -> None:
        if self.client is not None:
            await self.drills.restore(self.client)

    async def cog_unload(self) -> None:
        self.drills.cancel_all()

    # ------------------------------------------------------------------ prompts

    async def _prompts(self, guild_id: int) -> list[tuple[Bank, EssayPrompt]]:
        """Every essay prompt of every bank here, built-in banks first, each in bank order."""
        entries = await self.catalog.entries(guild_id)
        return [(entry.bank, prompt) for entry in entries for prompt in entry.bank.essays]

    async def _resolve(self, guild_id: int, typed: str) -> tuple[Bank, EssayPrompt]:
        """`bank/prompt-id` as autocomplete fills it in, or a prompt id unique in the server."""
        ref = typed.split(": ", 1)[0].strip()
        if "/" in ref:
            bank_id, prompt_id = ref.split("/", 1)
            bank = await self.catalog.get(guild_id, bank_id.strip())
            return bank, find_prompt(bank, prompt_id.strip())
        found = [(b, p) for b, p in await self._prompts(guild_id) if p.id == ref]
        if len(found) == 1:
            return found[0]
        raise UnknownEssayPrompt(ref, [essaycards.prompt_ref(b.id, p.id) for b, p in found])

    async def prompt_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        prompts = await self._prompts(interaction.guild_id)
        return render.choices(essaycards.prompt_choices(((b.id, p) for b, p in prompts), current))

    # ------------------------------------------------------------------ drill

    @essay.command(name="drill", description="Post an essay prompt here with a Write button")
    @app_commands.describe(
        prompt="The prompt (start typing to search); a random one when left out",
        minutes="A deadline this many minutes from now (none when left out)",
    )
    async def drill(
        self,
        interaction: discord.Interaction[Any],
        prompt: str | None = None,
        minutes: app_commands.Range[int, 1, MAX_MINUTES] | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        missing = missing_to_post(interaction)
        channel = interaction.channel
        if missing or not isinstance(channel, discord.abc.Messageable):
            raise BotCannotPost(missing or ["Send Messages"])
        await interaction.response.defer(ephemeral=True, thinking=True)
        if prompt:
            bank, chosen = await self._resolve(guild_id, prompt)
        else:
            every = await self._prompts(guild_id)
            if not every:
                raise NoEssayPrompts()
            bank, chosen = self.services.rng.choice(every)
        deadline = deadline_from(self.services.clock(), minutes)
        set_by = interaction.user.display_name
        posted = await channel.send(
            embed=essaycards.drill_embed(bank, chosen, set_by=set_by, deadline=_moment(deadline)),
            view=drill_view(bank, chosen, deadline),
            allowed_mentions=NO_MENTIONS,
        )
        if deadline:
            await self.drills.schedule(posted, bank, chosen, deadline, set_by)
        ref = essaycards.prompt_ref(bank.id, chosen.id)
        until = f" until <t:{deadline}:t> (<t:{deadline}:R>)" if deadline else ""
        await reply_private(interaction, f"Posted the drill `{ref}`{until}: {posted.jump_url}")

    # ------------------------------------------------------------------ submit

    @essay.command(name="submit", description="Get feedback on an essay sent as a .txt/.md file")
    @app_commands.describe(
        prompt="The prompt you answered (start typing to search)",
        file=f"Your essay as plain text: .txt or .md, UTF-8, at most {MAX_FILE_BYTES // 1024} KB",
    )
    async def submit(
        self, interaction: discord.Interaction[Any], prompt: str, file: discord.Attachment
    ) -> None:
        guild_id = guild_id_of(interaction)
        check_attachment(file)
        await interaction.response.defer(ephemeral=True, thinking=True)
        bank, chosen = await self._resolve(guild_id, prompt)
        data = await file.read()
        if len(data) > MAX_FILE_BYTES:  # the size Discord announced was wrong
            raise EssayFileRefused(
                f"That file is more than {MAX_FILE_BYTES // 1024} KB; send a shorter essay."
            )
        await submit_and_reply(interaction, bank, chosen, essay_text(data))

    # ------------------------------------------------------------------ review

    @essay.command(name="queue", description="Essays waiting for a mark, oldest first (teachers)")
    @app_commands.describe(page=f"Which page of {QUEUE_PAGE} (default: the first)")
    @teacher_only("see the essay queue")
    async def queue(
        self, interaction: discord.Interaction[Any], page: app_commands.Range[int, 1] = 1
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        subs = await self.store.essay_queue(
            guild_id, limit=QUEUE_PAGE + 1, offset=(page - 1) * QUEUE_PAGE
        )
        pending = await self.store.pending_essays(guild_id)
        made = essaycards.queue_embed(
            subs[:QUEUE_PAGE], page=page, pending=pending, has_next=len(subs) > QUEUE_PAGE
        )
        await reply_private(interaction, embed=made)

    async def submission_autocomplete(
        self, interaction: discord.Interaction[Any], current: Any
    ) -> list[app_commands.Choice[int]]:
        # the queue names students and their marks: a non-teacher is offered nothing
        if interaction.guild_id is None or not await is_teacher(interaction, self.store):
            return []
        typed = str(current or "").strip().lstrip("#").casefold()
        subs = await self.store.essay_queue(interaction.guild_id, limit=render.CHOICES)
        if typed.isdigit() and all(s.submission_id != int(typed) for s in subs):
            marked = await self.store.get_submission(interaction.guild_id, int(typed))
            subs = [marked, *subs] if marked is not None else subs
        labelled = ((essaycards.submission_choice(s), s.submission_id) for s in subs)
        return render.matching_int_choices(labelled, typed)

    @essay.command(name="review", description="Mark a submitted essay (teachers)")
    @app_commands.describe(
        submission="The submission's number (start typing: the queue is offered)",
        score="The mark, 0 to 100: a percentage, or marks out of your own total (14 for 14/20)",
        comment="A comment the student sees with the mark",
    )
    @teacher_only("mark essays")
    async def review(
        self,
        interaction: discord.Interaction[Any],
        submission: int,
        score: app_commands.Range[float, 0.0, 100.0],
        comment: app_commands.Range[str, 1, MAX_COMMENT] | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        found = await self.store.get_submission(guild_id, submission)
        if found is None:
            raise SubmissionNotFoundError(submission)
        await self.store.review_essay(guild_id, submission, score, comment, interaction.user.id)
        pending = await self.store.pending_essays(guild_id)
        replaced = found.review.score if found.review is not None else None
        await reply_private(
            interaction,
            essaycards.review_message(found, score, comment, replaced=replaced, pending=pending),
        )

    @essay.command(name="mine", description="Your essays: feedback summary and marks")
    @app_commands.describe(page=f"Which page of {MINE_PAGE} (default: the newest)")
    async def mine(
        self, interaction: discord.Interaction[Any], page: app_commands.Range[int, 1] = 1
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        subs = await self.store.student_essays(
            guild_id, interaction.user.id, limit=MINE_PAGE + 1, offset=(page - 1) * MINE_PAGE
        )
        made = essaycards.mine_embed(
            subs[:MINE_PAGE],
            name=interaction.user.display_name,
            page=page,
            has_next=len(subs) > MINE_PAGE,
        )
        await reply_private(interaction, embed=made)

    @essay.command(
        name="export", description="Every essay, its feedback and mark as CSV (teachers)"
    )
    @app_commands.describe(
        since="Only essays sent from this day (YYYY-MM-DD)",
        until="Only essays sent up to and including this day (YYYY-MM-DD)",
    )
    @teacher_only("export essays")
    async def export(
        self,
        interaction: discord.Interaction[Any],
        since: DayParam | None = None,
        until: DayParam | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        start, end = span(since, until)
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.store.essay_report(guild_id, start, end)
        if not report.submissions:
            await reply_private(interaction, "No essays were submitted in that time.")
            return
        marked = sum(1 for s in report.submissions if s.review is not None)
        first = start.date().isoformat() if start else "start"
        last = (end - timedelta(days=1)).date().isoformat() if end else "now"
        name = f"essays-{first}-to-{last}.csv"
        file = discord.File(io.BytesIO(report.csv().encode("utf-8")), filename=name)
        await reply_private(
            interaction,
            f"{plural(len(report.submissions), 'essay')}, {marked} marked: one row each with the "
            "student, prompt, points made and missed, mark, comment and the essay itself.",
            file=file,
        )

    drill.autocomplete("prompt")(prompt_autocomplete)
    submit.autocomplete("prompt")(prompt_autocomplete)
    review.autocomplete("submission")(submission_autocomplete)


def _moment(deadline: int) -> datetime | None:
    return datetime.fromtimestamp(deadline, UTC) if deadline else None
