"""Text from Discord made storable before any of it reaches the bot's code.

Discord's JSON may carry a lone UTF-16 surrogate ("\\ud83d": half an emoji, which a modified
client can send). Python keeps it in a str, but no UTF-8 can hold it, so SQLite refuses the row it
sits in. Every interaction payload (names, typed answers, essays, option values) is cleaned once,
as it arrives: the engine, the replies and the store then all see the same, storable text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

REPLACEMENT = "\ufffd"
# discord.py logs whole REST bodies and gateway events at DEBUG: names, essays, answers
PAYLOAD_LOGGERS = ("discord.http", "discord.gateway", "discord.webhook.async_")


def storable(text: str) -> str:
    """`text` with each lone surrogate as U+FFFD (a surrogate pair becomes its character)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def clean(value: Any) -> Any:
    """A JSON value with every string in it (keys too) made storable."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def guard_interactions(parsers: dict[str, Callable[[Any], Any]]) -> None:
    """Clean every INTERACTION_CREATE payload before discord.py parses it (buttons, modals,
    slash commands and autocomplete alike: they all arrive through this one parser)."""
    original = parsers.get("INTERACTION_CREATE")
    if original is None or getattr(original, "purgebot_clean", False):
        return

    def parse(data: Any) -> Any:
        return original(clean(data))

    parse.purgebot_clean = True  # type: ignore[attr-defined]
    parsers["INTERACTION_CREATE"] = parse


def quiet_payload_loggers() -> None:
    """Keep personal data out of the log at every level: the loggers that would print whole
    payloads at DEBUG never go below INFO (their INFO and above carry no payloads)."""
    for name in PAYLOAD_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.INFO:
            logger.setLevel(logging.INFO)
