"""Discord's size limits, enforced in this one place.

Every embed, label, option, modal text and custom id the bot sends passes through a function here,
so a long teacher text is shortened with an ellipsis instead of making Discord refuse the message.
Lengths are counted in code points, as Discord's API does (discord-api-docs issue 1315).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

import discord
from discord import app_commands

# Discord's documented limits.
MESSAGE_CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
EMBED_FOOTER = 2048
EMBED_AUTHOR = 256
EMBED_TOTAL = 6000  # per message, across all its embeds
EMBEDS_PER_MESSAGE = 10
BUTTON_LABEL = 80
CUSTOM_ID = 100
MODAL_TITLE = 45
TEXT_INPUT_LABEL = 45
TEXT_INPUT_PLACEHOLDER = 100
TEXT_INPUT_VALUE = 4000
SELECT_PLACEHOLDER = 150
SELECT_OPTION_LABEL = 100
SELECT_OPTION_VALUE = 100
SELECT_OPTION_DESCRIPTION = 100
SELECT_OPTIONS = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100
CHOICES = 25

ELLIPSIS = "…"
BLANK = "\u200b"  # Discord refuses empty field names and values


def literal(text: str) -> str:
    """Teacher- or student-written text (a bank title, a name) shown as typed, not as markdown:
    `**` or `||` in a title must not break the bold around it."""
    return discord.utils.escape_markdown(text)


def cut(text: str | None, limit: int) -> str:
    """`text` shortened to at most `limit` characters, ending in an ellipsis when it was cut."""
    text = text or ""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return text[:limit]
    return text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def content(text: str) -> str:
    return cut(text, MESSAGE_CONTENT)


def button_label(text: str) -> str:
    return cut(text, BUTTON_LABEL) or BLANK


def modal_title(text: str) -> str:
    return cut(text, MODAL_TITLE) or BLANK


def input_label(text: str) -> str:
    return cut(text, TEXT_INPUT_LABEL) or BLANK


def input_placeholder(text: str) -> str:
    return cut(text, TEXT_INPUT_PLACEHOLDER)


def custom_id(*parts: str | int) -> str:
    """Parts joined with ':'; past the limit the tail becomes a digest, so ids stay distinct.

    A digested id cannot be parsed back, so callers keep their parts short (indexes, not texts).
    """
    joined = ":".join(str(p) for p in parts)
    if len(joined) <= CUSTOM_ID:
        return joined
    digest = hashlib.sha256(joined.encode()).hexdigest()[:16]
    return joined[: CUSTOM_ID - len(digest) - 1] + "#" + digest


def select_option(
    label: str, value: str, *, description: str | None = None, default: bool = False
) -> discord.SelectOption:
    return discord.SelectOption(
        label=cut(label, SELECT_OPTION_LABEL) or BLANK,
        value=custom_value(value, SELECT_OPTION_VALUE),
        description=cut(description, SELECT_OPTION_DESCRIPTION) or None,
        default=default,
    )


def custom_value(value: str, limit: int) -> str:
    """A machine value (option or choice value): cut like a custom id, never with an ellipsis."""
    return value if len(value) <= limit else custom_id(value)[:limit]


def choice(name: str, value: str) -> app_commands.Choice[str]:
    return app_commands.Choice(name=cut(name, CHOICE_NAME) or value[:CHOICE_NAME], value=value)


def choices(pairs: Iterable[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """At most 25 autocomplete choices; values longer than Discord allows are left out."""
    out: list[app_commands.Choice[str]] = []
    for name, value in pairs:
        if len(value) <= CHOICE_VALUE:
            out.append(choice(name, value))
        if len(out) == CHOICES:
            break
    return out


def lines_within(lines: Sequence[str], limit: int, more: Callable[[int], str]) -> tuple[str, int]:
    """As many whole lines as fit in `limit`, then `more(n)` naming the n lines left out.

    Returns the text and how many lines it shows. A first line too long to fit whole is cut.
    """
    total = len(lines)
    used = -1  # no newline before the first line
    count = 0
    for line in lines:
        rest = total - count - 1
        note = len(more(rest)) + 1 if rest else 0
        if used + 1 + len(line) + note > limit:
            break
        used += 1 + len(line)
        count += 1
    else:
        return "\n".join(lines), total
    note_text = more(total - count)
    if count:
        return "\n".join([*lines[:count], note_text]), count
    rest_note = more(total - 1) if total > 1 else ""
    room = limit - (len(rest_note) + 1 if rest_note else 0)
    if room < 20:
        return cut(more(total), limit), 0
    return "\n".join([cut(lines[0], room), *([rest_note] if rest_note else [])]), 1


def embed(
    title: str | None = None,
    description: str | None = None,
    *,
    fields: Iterable[tuple[str, str, bool]] = (),
    footer: str | None = None,
    colour: discord.Colour | int | None = None,
) -> discord.Embed:
    """A new embed already cut to every limit (fields given as (name, value, inline))."""
    made = discord.Embed(title=title, description=description, colour=colour)
    for name, value, inline in fields:
        made.add_field(name=name, value=value, inline=inline)
    if footer:
        made.set_footer(text=footer)
    return fit_embed(made)


def fit_embed(made: discord.Embed, *, total: int = EMBED_TOTAL) -> discord.Embed:
    """Cut every part of `made` in place, then shrink it until it fits `total` characters."""
    if made.title:
        made.title = cut(made.title, EMBED_TITLE)
    if made.description:
        made.description = cut(made.description, EMBED_DESCRIPTION)
    kept = [
        (cut(f.name, FIELD_NAME) or BLANK, cut(f.value, FIELD_VALUE) or BLANK, bool(f.inline))
        for f in made.fields[:EMBED_FIELDS]
    ]
    made.clear_fields()
    for name, value, inline in kept:
        made.add_field(name=name, value=value, inline=inline)
    if made.footer.text:
        made.set_footer(text=cut(made.footer.text, EMBED_FOOTER), icon_url=made.footer.icon_url)
    if made.author.name:
        made.set_author(
            name=cut(made.author.name, EMBED_AUTHOR),
            url=made.author.url,
            icon_url=made.author.icon_url,
        )
    while len(made) > total:
        over = len(made) - total
        description = made.description or ""
        if (
            len(description) - over >= 200
        ):  # the description gives way first, down to a readable size
            made.description = cut(description, len(description) - over)
        elif made.fields:
            made.remove_field(len(made.fields) - 1)
        elif description:
            made.description = cut(description, max(len(description) - over, 0)) or None
        elif made.footer.text:
            made.set_footer(text=cut(made.footer.text, max(len(made.footer.text) - over, 0)))
        else:
            made.title = cut(made.title, max(len(made.title or "") - over, 0)) or None
    return made


def fit_embeds(embeds: Sequence[discord.Embed]) -> list[discord.Embed]:
    """At most ten embeds sharing one message's 6000 characters; later ones give way first."""
    kept = list(embeds[:EMBEDS_PER_MESSAGE])
    out: list[discord.Embed] = []
    budget = EMBED_TOTAL
    for made in kept:
        if budget <= 0:
            break
        fitted = fit_embed(made, total=budget)
        out.append(fitted)
        budget -= len(fitted)
    return out


# Added for the essay drills: number-valued autocomplete and a modal's text block.
TEXT_DISPLAY = 4000


def int_choices(pairs: Iterable[tuple[str, int]]) -> list[app_commands.Choice[int]]:
    """At most 25 autocomplete choices whose values are integers (ids), names cut to fit."""
    out: list[app_commands.Choice[int]] = []
    for name, value in pairs:
        out.append(app_commands.Choice(name=cut(name, CHOICE_NAME) or str(value), value=value))
        if len(out) == CHOICES:
            break
    return out


def matching_int_choices(
    labelled: Iterable[tuple[str, int]], typed: str
) -> list[app_commands.Choice[int]]:
    """The labelled ids whose label holds what was typed (in any case), as `int_choices`."""
    needle = typed.strip().casefold()
    return int_choices((name, value) for name, value in labelled if needle in name.casefold())


def text_display(text: str) -> str:
    """Text shown in a modal or a components message, cut to Discord's limit."""
    return cut(text, TEXT_DISPLAY) or BLANK
