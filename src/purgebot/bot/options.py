"""Every slash-command option checked against what the command declares, before it runs.

Discord's client keeps options inside their declared range, length and choices, but a modified
client can send anything (0.5, NaN or 1e9 as a multiplier, 100,000 characters as a comment) and
discord.py does not check. So the declarations are enforced here, once, for every command, and a
value outside them gets a private reply naming the option and what it accepts.
"""

from __future__ import annotations

import math
from typing import Any

import discord
from discord import app_commands
from discord.enums import AppCommandOptionType as T

from purgebot.bot.errors import BadOption

NUMBERS = (T.integer, T.number)
GROUPS = (1, 2)  # a subcommand or a subcommand group: its options are one level down


def leaf_options(data: Any) -> list[dict[str, Any]]:
    """The options of the command actually run (below any group and subcommand)."""
    options: Any = data.get("options") or []
    while True:
        nested = [o for o in options if isinstance(o, dict) and o.get("type") in GROUPS]
        if not nested:
            return [o for o in options if isinstance(o, dict)]
        options = nested[0].get("options") or []


def _number(value: float) -> str:
    return f"{value:g}"


def check(parameter: app_commands.Parameter, value: Any) -> str | None:
    """Why `value` is not acceptable for `parameter`, or None when it is."""
    name = f"`{parameter.display_name}`"
    choices = parameter.choices
    if choices:
        allowed = [c.value for c in choices]
        if value not in allowed:
            shown = ", ".join(c.name for c in choices)
            return f"{name} must be one of the offered values: {shown}."
        return None
    low, high = parameter.min_value, parameter.max_value
    if parameter.type in NUMBERS:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{name} must be a number."
        if not math.isfinite(value):
            return f"{name} must be an ordinary number."
        if parameter.type is T.integer and not float(value).is_integer():
            return f"{name} must be a whole number."
        if (low is not None and value < low) or (high is not None and value > high):
            return f"{name} must be {_range(low, high)}."
    elif parameter.type is T.string:
        if not isinstance(value, str):
            return f"{name} must be text."
        if (low is not None and len(value) < low) or (high is not None and len(value) > high):
            return f"{name} must be {_range(low, high)} characters long."
    return None


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {_number(low)} and {_number(high)}"
    if low is not None:
        return f"at least {_number(low)}"
    return f"at most {_number(high or 0)}"


def check_options(interaction: discord.Interaction[Any]) -> None:
    """Raise BadOption for the first option the command does not accept (slash commands only;
    autocomplete gets half-typed values by design)."""
    if interaction.type is not discord.InteractionType.application_command:
        return
    command = interaction.command
    if not isinstance(command, app_commands.Command):
        return
    params = {p.display_name: p for p in command.parameters}
    for option in leaf_options(interaction.data or {}):
        parameter = params.get(str(option.get("name")))
        if parameter is None:
            continue
        problem = check(parameter, option.get("value"))
        if problem is not None:
            raise BadOption(problem)
