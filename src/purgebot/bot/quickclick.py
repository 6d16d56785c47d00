"""The quick way in for the commonest click: a button whose custom id a feature claims.

discord.py turns every INTERACTION_CREATE into an `Interaction` (parsing the whole message the
button sits under: its embeds and components), offers it to the view store (each dynamic item's
pattern, then the stored views) and dispatches `on_interaction` to every listener, each in a task
of its own. A quiz's option button (`pq:RUN:Q:POS`) needs none of that: its custom id says
everything the answer needs, and no view is stored for it.

So the bot's connection state is a subclass (`QuickState`, `QuickShardedState`, made by the
client's `_get_state`) whose `parse_interaction_create` first asks: is this a button click whose
custom id a registered `QuickClick` matches (its prefix before the first colon, then its whole
pattern)? If so, the `Interaction` is built from the payload without its "message" (the
interaction then has `message` None; nothing on this path reads it) and handed in one task to the
feature's `take`, and discord.py's view store and `on_interaction` dispatch are skipped. Every
other interaction (slash commands, menus, modals, other buttons, and a claimed prefix whose id
does not match) goes to discord.py's own parser, unchanged. Both states hold the same routes, so
Client and AutoShardedClient alike (one state for all of a process's shards).

What this leans on in discord.py (pinned in requirements.lock; tests/unit/test_quickclick.py
fails loudly if any of it changes): `ConnectionState.parse_interaction_create(self, data)` is the
INTERACTION_CREATE parser, found by its name when the state builds `parsers`;
`Interaction(data=..., state=...)` reads "message" only if present; `Client._get_state(**options)`
builds the state with `dispatch`, `handlers`, `hooks` and `http`.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Coroutine
from typing import Any, NamedTuple

import discord
from discord.state import AutoShardedConnectionState, ConnectionState

log = logging.getLogger("purgebot.bot")  # the core package: the name operators read

BUTTON = 2  # component_type of a button
COMPONENT = 3  # interaction type of a component's click

Take = Callable[[discord.Interaction[Any], re.Match[str]], Coroutine[Any, Any, None]]


class QuickClick(NamedTuple):
    """A button a feature takes by its custom id: `prefix` is the part before the first colon,
    `pattern` the whole id (fullmatch), `take` answers the click and replies to it (its own
    errors included: it is given no error handler but a log line)."""

    prefix: str
    pattern: re.Pattern[str]
    take: Take


class QuickRoutes:
    """The claimed prefixes, and the tasks of clicks being taken (kept so none is collected)."""

    def __init__(self) -> None:
        self.routes: dict[str, QuickClick] = {}
        self.tasks: set[asyncio.Task[None]] = set()

    def add(self, *clicks: QuickClick) -> None:
        for click in clicks:
            self.routes[click.prefix] = click

    def remove(self, prefix: str) -> QuickClick | None:
        return self.routes.pop(prefix, None)

    def route(
        self, state: ConnectionState[Any], data: Any, clean: Callable[[Any], Any] | None = None
    ) -> bool:
        """Take `data` if it is a claimed button's click; False leaves it to discord.py.
        `clean`, if given, is applied to the payload once its message is dropped."""
        if data.get("type") != COMPONENT or not self.routes:
            return False
        inner = data.get("data")
        if not isinstance(inner, dict) or inner.get("component_type") != BUTTON:
            return False
        custom_id = inner.get("custom_id")
        if not isinstance(custom_id, str):
            return False
        click = self.routes.get(custom_id.partition(":")[0])
        if click is None or (match := click.pattern.fullmatch(custom_id)) is None:
            return False
        slim: Any = dict(data)
        slim.pop("message", None)
        if clean is not None:
            slim = clean(slim)
        interaction: discord.Interaction[Any] = discord.Interaction(data=slim, state=state)
        task = asyncio.create_task(click.take(interaction, match), name=click.prefix)
        self.tasks.add(task)
        task.add_done_callback(self._taken)
        return True

    def _taken(self, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and (error := task.exception()) is not None:
            # `take` replies to its own errors: this is a bug, logged only
            log.error("unhandled error taking a %s: click", task.get_name(), exc_info=error)


class QuickState(ConnectionState[Any]):
    """discord.py's connection state, claimed button clicks taken first (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.quick = QuickRoutes()
        super().__init__(*args, **kwargs)

    def parse_interaction_create(self, data: Any) -> None:
        if not self.quick.route(self, data):
            super().parse_interaction_create(data)


class QuickShardedState(QuickState, AutoShardedConnectionState[Any]):
    """The same for AutoShardedClient's state (every shard of the process shares it): QuickState's
    methods come first in the order, and their `super()` reaches the sharded state's."""


def route_before_cleaning(
    state: ConnectionState[Any], routes: QuickRoutes, clean: Callable[[Any], Any]
) -> None:
    """Let the gateway's INTERACTION_CREATE (already wrapped by the edge's cleaning, see
    bot/edge.py) offer a claimed click to `routes` first, cleaning only what is kept of it: the
    message under the button, its embeds and components, is neither parsed nor cleaned."""
    cleaned = state.parsers["INTERACTION_CREATE"]

    def parse(data: Any) -> None:
        if not routes.route(state, data, clean):
            cleaned(data)

    state.parsers["INTERACTION_CREATE"] = parse


def quick_routes(client: discord.Client) -> QuickRoutes | None:
    """The client's routes, if its state takes quick clicks (a purgebot client's does)."""
    routes = getattr(client._connection, "quick", None)
    return routes if isinstance(routes, QuickRoutes) else None
