"""/bank list, info, upload, remove, download: the banks a server can quiz on."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import discord
from discord import app_commands
from discord.utils import escape_markdown

from purgebot.banks import importers
from purgebot.banks.importers.detect import extension
from purgebot.banks.loader import BankError, load_bank_text
from purgebot.banks.model import Bank
from purgebot.bot import render
from purgebot.bot.banks import embeds
from purgebot.bot.cards import plural
from purgebot.bot.checks import guild_id_of, teacher_only
from purgebot.bot.errors import reply_private
from purgebot.bot.featurecog import FeatureCog
from purgebot.bot.transformers import BankId
from purgebot.catalog import BuiltinBankId, UnknownBank
from purgebot.errors import UserFacingError
from purgebot.storage import SaveOutcome

MAX_UPLOAD_BYTES = 1024 * 1024
YAML_EXTENSIONS = ("yaml", "yml")
FORMAT_CHOICES = [
    app_commands.Choice(name="detect from the file (default)", value="auto"),
    app_commands.Choice(name="purgebot YAML bank", value="bank"),
    *(app_commands.Choice(name=label, value=fmt) for fmt, label in importers.LABELS.items()),
]


class UploadTooBig(UserFacingError):
    def __init__(self, size: int, *, converted: str | None = None) -> None:
        """`converted`: the name of a file from another tool whose converted bank is `size`."""
        mib = size / 1024 / 1024
        if converted is None:
            message = (
                f"That file is {mib:.1f} MiB; a bank upload may be at most 1 MiB. "
                "Split it into several banks."
            )
        else:
            message = (
                f"Converted to a purgebot bank, {escape_markdown(converted)} comes to {mib:.1f} "
                "MiB, over the 1 MiB a bank may be. Split it into smaller files and upload each "
                "as its own bank."
            )
        super().__init__(message)


def is_own_format(filename: str, text: str, fmt: str) -> bool:
    """Our YAML unless an import format was chosen or the file plainly is something else."""
    if fmt != "auto":
        return fmt == "bank"
    if importers.looks_like_bank(text):
        return True
    if extension(filename) in YAML_EXTENSIONS:  # a broken bank should get its problems listed
        return any(line.startswith(("bank:", "questions:")) for line in text.splitlines())
    return False


class BanksCog(FeatureCog):
    bank = app_commands.Group(
        name="bank",
        description="Question banks: list, inspect, upload, remove, download",
        guild_only=True,
    )

    @bank.command(name="list", description="The banks you can quiz on in this server")
    async def list_banks(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        guild_id = guild_id_of(interaction)
        entries = await self.catalog.entries(guild_id)
        hidden = await self.catalog.hidden(guild_id)
        await reply_private(interaction, embed=embeds.bank_list(entries, hidden))

    @bank.command(name="info", description="What is in one bank (never its answers)")
    @app_commands.describe(bank="The bank's id")
    async def info(self, interaction: discord.Interaction[Any], bank: BankId) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        entry = await self.catalog.entry(guild_id_of(interaction), bank)
        await reply_private(interaction, embed=embeds.bank_info(entry))

    @bank.command(name="upload", description="Add or replace a bank in this server (teachers)")
    @app_commands.describe(
        file="A purgebot YAML bank, or GIFT, Aiken, Red trivia, OpenTDB JSON or CSV (max 1 MiB)",
        format="What the file is; detected from its name and content unless you say",
    )
    @app_commands.choices(format=FORMAT_CHOICES)
    @teacher_only("upload banks")
    async def upload(
        self,
        interaction: discord.Interaction[Any],
        file: discord.Attachment,
        format: str = "auto",
    ) -> None:
        guild_id = guild_id_of(interaction)
        if file.size > MAX_UPLOAD_BYTES:
            raise UploadTooBig(file.size)
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        if len(data) > MAX_UPLOAD_BYTES:
            raise UploadTooBig(len(data))
        text = importers.decode_bytes(data, file.filename)
        notes: list[str] = []
        imported = not is_own_format(file.filename, text, format)
        if not imported:
            yaml_text = text
        else:
            fmt = importers.detect_format(file.filename, text) if format == "auto" else format
            result = await asyncio.to_thread(
                importers.import_text,
                text,
                fmt,
                bank_id=importers.bank_id_from_filename(file.filename),
            )
            yaml_text = result.yaml_text
            if (size := len(yaml_text.encode())) > MAX_UPLOAD_BYTES:
                raise UploadTooBig(size, converted=file.filename)
            notes.append(f"Imported from {importers.LABELS[fmt]}.")
            notes += [f"- {w}" for w in result.warnings]
        try:
            bank = await asyncio.to_thread(load_bank_text, yaml_text, file.filename)
        except BankError as exc:
            await self._send_problems(interaction, file.filename, exc)
            return
        if imported and self.catalog.is_builtin(bank.id):
            raise BuiltinBankId(bank.id, named_by=file.filename)
        outcome = await self.catalog.add(guild_id, bank, yaml_text, interaction.user.id)
        await self._send_stored(interaction, bank, outcome, notes)

    async def _send_problems(
        self, interaction: discord.Interaction[Any], name: str, error: BankError
    ) -> None:
        report, cut_short = embeds.problems_report(name, error.problems, error.more)
        attachment = None
        if cut_short:
            body = embeds.problems_text(name, error.problems, error.more).encode()
            attachment = discord.File(io.BytesIO(body), filename="problems.txt")
        await reply_private(interaction, embed=report, file=attachment)

    async def _send_stored(
        self,
        interaction: discord.Interaction[Any],
        bank: Bank,
        outcome: SaveOutcome,
        notes: list[str],
    ) -> None:
        if outcome is SaveOutcome.UNCHANGED:
            message = f"Bank `{bank.id}` is already stored with exactly this text; nothing changed."
        else:
            message = embeds.stored_message(bank, replaced=outcome is SaveOutcome.REPLACED)
        if notes:
            text, _ = render.lines_within(
                [message, "", *notes],
                render.MESSAGE_CONTENT,
                lambda n: f"…and {plural(n, 'more warning')} (`purgebot import` lists them all).",
            )
            message = text
        await reply_private(interaction, message)

    @bank.command(name="remove", description="Remove a bank uploaded in this server (teachers)")
    @app_commands.describe(bank="The bank's id")
    @teacher_only("remove banks")
    async def remove(self, interaction: discord.Interaction[Any], bank: BankId) -> None:
        guild_id = guild_id_of(interaction)
        # acknowledged first: the title may need the upload parsed
        await interaction.response.defer(ephemeral=True, thinking=True)
        if self.catalog.is_builtin(bank):  # only an old upload the built-in bank hides can go
            await self.catalog.remove(guild_id, bank)
            await reply_private(
                interaction,
                f"Removed this server's old upload `{bank}`, which the built-in bank with the "
                "same id hid. The built-in bank stays.",
            )
            return
        try:
            title = f" ({render.literal((await self.catalog.entry(guild_id, bank)).bank.title)})"
        except UnknownBank:  # stored, but no longer loads: it can still be removed
            title = ""
        await self.catalog.remove(guild_id, bank)
        await reply_private(
            interaction, f"Removed bank `{bank}`{title}. Past results that used it are kept."
        )

    @bank.command(
        name="download", description="A bank's YAML file, to edit and upload again (teachers)"
    )
    @app_commands.describe(bank="The bank's id")
    @teacher_only("download banks (the file holds the answers)")
    async def download(self, interaction: discord.Interaction[Any], bank: BankId) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        entry = await self.catalog.entry(guild_id, bank)
        text = await self.catalog.yaml_text(guild_id, bank)
        file = discord.File(io.BytesIO(text.encode()), filename=f"{entry.bank.id}.yaml")
        await reply_private(
            interaction, f"`{entry.bank.id}`: {render.literal(entry.bank.title)}", file=file
        )
