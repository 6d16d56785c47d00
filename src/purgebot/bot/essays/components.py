"""The drill's Write button, the answer modal, and the one path every essay takes to feedback.

The Write button is a dynamic item: its custom id (`pe:w:DEADLINE:BANK:PROMPT`) carries all it
needs, so it keeps working for the whole drill and after a restart, and a click after the
deadline gets a private reason instead of "This interaction failed". An answer box sent after
its modal is gone (a restart, or left open too long) gets its text handed back (`OpenBoxes`).
"""

from __future__ import annotations

import asyncio
import io
import logging
import math
from typing import Any, Self

import discord
from discord.ext import commands
from discord.ui import DynamicItem

from purgebot.banks.model import Bank, EssayPrompt
from purgebot.bot import render
from purgebot.bot.checks import guild_id_of
from purgebot.bot.edge import storable
from purgebot.bot.errors import PrivateErrorsModal, handle_error
from purgebot.bot.essays import embeds as essaycards
from purgebot.bot.services import services_of
from purgebot.errors import UserFacingError
from purgebot.essays import (
    UnknownPromptError,
    check_bank_essay,
    clean_essay_text,
    feedback_json,
    find_prompt,
    render_text,
)
from purgebot.storage import EssaySubmission, NewEssay

log = logging.getLogger(__name__)

ESSAYS_COG = "Essays"
ESSAY_INPUT = "essay"
NO_MENTIONS = discord.AllowedMentions.none()
MODAL_MAX_CHARS = 4000  # Discord's limit for one text input
GRACE = 120.0  # seconds past the deadline an answer box opened in time is still accepted
LATE_KEEP = 3600.0  # an answer box sent later still reaches the bot, to hand the text back
OPEN_KEEP = 3 * 3600.0  # how long an answer box with no deadline waits to be sent
BOX_PREFIX = "pem"
BOX_MARGIN = 1.0  # a box counts as open this long past its modal, so never both answer it

STALE_BOX = (
    "This answer box was open too long, or the bot restarted while you wrote, so your answer "
    "was not taken. Your text is attached: send it again with the drill's Write button (while "
    "the drill is open) or with /essay submit."
)


class DeadlinePassed(UserFacingError):
    def __init__(self) -> None:
        super().__init__(
            "The deadline for this drill has passed, so it takes no more answers. "
            "You can still practise it on your own with /essay submit (a .txt or .md file)."
        )


def write_custom_id(deadline: int, bank: Bank, prompt: EssayPrompt) -> str:
    """The button's id; a prompt id too long to fit is replaced by its position (`~N`)."""
    full = render.custom_id("pe", "w", deadline, bank.id, prompt.id)
    if "#" not in full:  # not digested: it fitted whole
        return full
    return render.custom_id("pe", "w", deadline, bank.id, f"~{bank.essays.index(prompt)}")


def prompt_by_key(bank: Bank, key: str) -> EssayPrompt:
    """The prompt a button names, by id or by `~position`."""
    if key.startswith("~") and key[1:].isdigit():
        index = int(key[1:])
        if index < len(bank.essays):
            return bank.essays[index]
        raise UnknownPromptError(bank, key)
    return find_prompt(bank, key)


class OpenBoxes:
    """The answer boxes this bot has shown and whose modal still waits, by custom id.

    discord.py drops a submission whose modal it no longer has; one not in here is answered by
    `answer_stale_box` instead, so the student gets the text back rather than "This interaction
    failed"."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}

    def add(self, custom_id: str, now: float, keep: float) -> None:
        self._until = {k: u for k, u in self._until.items() if u > now}
        self._until[custom_id] = now + keep + BOX_MARGIN

    def is_open(self, custom_id: str, now: float) -> bool:
        return self._until.get(custom_id, now) > now


def boxes_of(client: discord.Client) -> OpenBoxes | None:
    """The essay cog's open boxes (None while the cog is not loaded)."""
    cog = client.get_cog(ESSAYS_COG) if isinstance(client, commands.Bot) else None
    boxes = getattr(cog, "boxes", None)
    return boxes if isinstance(boxes, OpenBoxes) else None


class WriteButton(
    DynamicItem[discord.ui.Button[Any]],
    # bank ids are slugs; prompt ids may hold what the bank format allows (letters, digits, - _ .)
    template=r"pe:w:(?P<deadline>\d+):(?P<bank>[a-z0-9-]+):(?P<prompt>~\d+|[A-Za-z0-9_.-]+)",
):
    """ "Write": opens the answer box for the drill's prompt, until the deadline (0: none)."""

    def __init__(
        self, deadline: int, bank_id: str, prompt_key: str, button: discord.ui.Button[Any]
    ) -> None:
        super().__init__(button)
        self.deadline, self.bank_id, self.prompt_key = deadline, bank_id, prompt_key

    @classmethod
    def make(
        cls, bank: Bank, prompt: EssayPrompt, deadline: int, *, disabled: bool = False
    ) -> Self:
        custom_id = write_custom_id(deadline, bank, prompt)
        button: discord.ui.Button[Any] = discord.ui.Button(
            label="Closed" if disabled else "Write",
            emoji=None if disabled else "✍️",
            style=discord.ButtonStyle.secondary if disabled else discord.ButtonStyle.primary,
            disabled=disabled,
            custom_id=custom_id,
        )
        _, _, _, bank_id, key = custom_id.split(":", 4)
        return cls(deadline, bank_id, key, button)

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: Any,
        /,
    ) -> Self:
        assert isinstance(item, discord.ui.Button)
        return cls(int(match["deadline"]), match["bank"], match["prompt"], item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            services = services_of(interaction)
            now = services.clock()
            if self.deadline and now >= self.deadline:
                raise DeadlinePassed()
            bank = await services.catalog.get(guild_id_of(interaction), self.bank_id)
            prompt = prompt_by_key(bank, self.prompt_key)
            modal = EssayModal(
                bank,
                prompt,
                custom_id=render.custom_id(BOX_PREFIX, interaction.user.id, interaction.id),
                deadline=float(self.deadline) if self.deadline else None,
                now=now,
            )
            boxes = boxes_of(interaction.client)
            if boxes is not None and modal.timeout is not None:
                boxes.add(modal.custom_id, now, modal.timeout)
            await interaction.response.send_modal(modal)
        except Exception as exc:  # dynamic items have no on_error of their own
            await handle_error(interaction, exc)


def drill_view(
    bank: Bank, prompt: EssayPrompt, deadline: int, *, closed: bool = False
) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(WriteButton.make(bank, prompt, deadline, disabled=closed))
    return view


def deadline_from(now: float, minutes: int | None) -> int:
    """The deadline in whole epoch seconds (0 for none), never earlier than asked."""
    return math.ceil(now + minutes * 60) if minutes else 0


class EssayModal(PrivateErrorsModal):
    """One student's answer box for one prompt; its id names the student and the click."""

    def __init__(
        self,
        bank: Bank,
        prompt: EssayPrompt,
        *,
        custom_id: str,
        deadline: float | None,
        now: float,
    ) -> None:
        keep = deadline - now + GRACE + LATE_KEEP if deadline is not None else OPEN_KEEP
        super().__init__(
            title=render.modal_title(f"Essay: {prompt.id}"), custom_id=custom_id, timeout=keep
        )
        self.bank, self.prompt, self.deadline = bank, prompt, deadline
        self.add_item(discord.ui.TextDisplay(render.text_display(essaycards.modal_intro(prompt))))
        self.answer: discord.ui.TextInput[Any] = discord.ui.TextInput(
            custom_id=ESSAY_INPUT,
            style=discord.TextStyle.paragraph,
            min_length=1,
            max_length=MODAL_MAX_CHARS,
            required=True,
            placeholder=render.input_placeholder(
                "Write your answer. Longer than 4,000 characters? Send a .txt with /essay submit."
            ),
        )
        self.add_item(
            discord.ui.Label(text=render.input_label("Your answer"), component=self.answer)
        )

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        text = self.answer.value
        if self.deadline is not None and services_of(interaction).clock() > self.deadline + GRACE:
            await send_back_late(interaction, text)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await submit_and_reply(interaction, self.bank, self.prompt, text)

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: Any = None, /
    ) -> None:
        self.stop()  # the box is closed in the client either way: forget it now
        await super().on_error(interaction, error, item)


async def send_back_late(interaction: discord.Interaction[Any], text: str) -> None:
    """Refuse an answer sent after the deadline, handing the text back so nothing is lost."""
    await send_back(
        interaction,
        text,
        "The deadline for this drill had passed when you sent your answer, so it was not "
        "taken. Your text is attached: keep it, or get feedback on it with /essay submit.",
    )


NOT_SAVED = (
    "Your essay could not be saved just now, so it has not been handed in. Your text is "
    "attached: keep it, and send it again with /essay submit in a moment."
)


def essay_file(text: str) -> discord.File:
    """The writer's own text as a file to keep (storable: a lone surrogate cannot be encoded)."""
    return discord.File(io.BytesIO(storable(text).encode("utf-8")), filename="my-essay.txt")


async def send_back(interaction: discord.Interaction[Any], text: str, why: str) -> None:
    """Say privately why an answer was not taken, with its text attached."""
    extra: dict[str, Any] = {}
    if text:
        extra["file"] = essay_file(text)
    await interaction.response.send_message(
        render.content(why), ephemeral=True, allowed_mentions=NO_MENTIONS, **extra
    )


def submitted_value(data: Any, custom_id: str) -> str:
    """The value typed into the input `custom_id`, wherever the modal's layout nests it."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            value = node.get("value")
            if node.get("custom_id") == custom_id and isinstance(value, str):
                return value
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return ""


async def answer_stale_box(interaction: discord.Interaction[Any], boxes: OpenBoxes) -> None:
    """A submitted answer box whose modal is gone: hand the text back (any other is left alone)."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return
    data: dict[str, Any] = dict(interaction.data or {})
    custom_id = str(data.get("custom_id", ""))
    now = services_of(interaction).clock()
    if not custom_id.startswith(f"{BOX_PREFIX}:") or boxes.is_open(custom_id, now):
        return
    try:
        await send_back(interaction, submitted_value(data, ESSAY_INPUT), STALE_BOX)
    except Exception as exc:  # a listener has no error handler of its own
        await handle_error(interaction, exc)


async def submit_and_reply(
    interaction: discord.Interaction[Any], bank: Bank, prompt: EssayPrompt, raw: str
) -> EssaySubmission | None:
    """Check the essay, store it with its feedback, then show the feedback to its writer only.

    The interaction must already be deferred (privately): the check and the write take a moment.
    An essay that cannot be stored is handed back to its writer (None is returned).
    """
    services = services_of(interaction)
    guild_id = guild_id_of(interaction)
    text = clean_essay_text(raw)
    feedback = await asyncio.to_thread(check_bank_essay, bank, prompt.id, text)
    try:
        stored = await services.store.submit_essay(
            NewEssay(
                guild_id=guild_id,
                user_id=interaction.user.id,
                user_name=interaction.user.display_name,
                bank_id=bank.id,
                prompt_id=prompt.id,
                text=text,
                word_count=feedback.words.words,
                feedback=feedback_json(feedback),
            )
        )
    except Exception as exc:
        # Never lose an essay: whatever went wrong, its writer gets the text back.
        log.error("could not store an essay (guild %s): %s", guild_id, type(exc).__name__)
        await interaction.followup.send(
            render.content(NOT_SAVED),
            file=essay_file(text),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return None
    embeds, cut_short = essaycards.fit_feedback(
        essaycards.feedback_embeds(feedback, bank.id, stored.submission_id)
    )
    extra: dict[str, Any] = {}
    if cut_short:
        body = render_text(feedback).encode("utf-8")
        extra["file"] = discord.File(
            io.BytesIO(body), filename=f"feedback-{stored.submission_id}.txt"
        )
        extra["content"] = "Your feedback was too long to show in full: all of it is attached."
    await interaction.followup.send(
        embeds=embeds, ephemeral=True, allowed_mentions=NO_MENTIONS, **extra
    )
    log.info(
        "essay #%d stored (guild %s, %s/%s)", stored.submission_id, guild_id, bank.id, prompt.id
    )
    return stored


DYNAMIC_ITEMS = (WriteButton,)
