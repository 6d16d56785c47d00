"""A small fake Discord on 127.0.0.1: REST under /api/v10 and a gateway websocket, for the real
`purgebot run` process to log in to.

One guild with one text channel (more with `add_room`), a teacher and students. With
`shard_count` above 1 it shards as Discord does: /gateway/bot gives the count, IDENTIFY carries
[shard_id, shard_count], each shard has its own connection, and a guild's events go to the
connection of its shard, `(guild_id >> 22) % shard_count`. Tests inject interactions (slash
commands, button clicks, modal submits) as INTERACTION_CREATE dispatches and wait, bounded, for
what the bot sent back. Every route the bot calls that this fake does not know is logged loudly
and kept in `unknown`, so a gap shows as a failed test rather than a silent 404.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web
from fakerest import TOKEN, Fault, Interaction, RestRoutes
from payloads import BOT, TEACHER, Member, Role, Snowflakes, User, fill_modal, text_channel

log = logging.getLogger("fakediscord")

HEARTBEAT_MS = 41_250
INVALID_SHARD = 4010
__all__ = ["TOKEN", "FakeDiscord", "Fault", "Interaction", "Room"]


def shard_of(guild_id: int, shard_count: int) -> int:
    return (guild_id >> 22) % shard_count


@dataclass(frozen=True)
class Room:
    """A server with its one quiz channel."""

    guild_id: int
    channel_id: int
    name: str


class FakeDiscord(RestRoutes):
    def __init__(self, shard_count: int = 1) -> None:
        self.ids = Snowflakes()
        self.shard_count = shard_count
        self.app_id = self.ids()
        self.bot = User(self.app_id, "purgebot", bot=True)
        self.owner = User(self.ids(), "owner")
        self.guild_id = self.guild_on_shard(0)
        self.channel_id = self.ids()
        self.rooms = [Room(self.guild_id, self.channel_id, "Room 12")]
        self.roles = [
            Role(self.guild_id, "@everyone", 0, 0),  # perms come from Member.everyone
            Role(self.ids(), "purgebot", BOT, 2),
            Role(self.ids(), "Teacher", TEACHER, 1),
        ]
        self.bot_member = Member(self.bot, [self.roles[1]])
        self.members: dict[int, Member] = {self.bot.id: self.bot_member}
        self.commands: list[dict[str, Any]] = []
        self.command_puts = 0
        self.messages: dict[int, dict[str, Any]] = {}  # channel messages, by id, in order
        self.interactions: dict[int, Interaction] = {}
        self.requests: list[str] = []
        self.unknown: list[str] = []
        self.identified = 0
        self.resumed = 0
        self.heartbeats = 0
        self._shards: dict[int, web.WebSocketResponse] = {}  # shard id -> its connection
        self._sessions: dict[str, int] = {}  # session id -> shard, for RESUME
        self._seq = 0
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.faults = []
        self.held = []
        self._route_table()

    # --- the server ------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        app.router.add_route("*", "/{tail:.*}", self._stray)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for fault in self.held:  # a held request must not keep the server from closing
            if fault.release is not None:
                fault.release.set()
        for ws in list(self._shards.values()):
            if not ws.closed:
                await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def env(self) -> dict[str, str]:
        """The environment that points `purgebot run` here."""
        return {
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_BASE": f"http://127.0.0.1:{self.port}/api/v10",
            "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{self.port}/gateway",
        }

    @property
    def connected(self) -> bool:
        """Every shard has an open connection (there is one shard unless sharded)."""
        return all(self.shard_connected(shard) for shard in range(self.shard_count))

    def shard_connected(self, shard: int) -> bool:
        ws = self._shards.get(shard)
        return ws is not None and not ws.closed

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_until(self, check: Callable[[], Any], what: str, within: float = 15.0) -> Any:
        """Wait for `check()` to be truthy (re-checked on every request or gateway event)."""
        try:
            async with asyncio.timeout(within):
                async with self._changed:
                    await self._changed.wait_for(check)
        except TimeoutError:
            raise AssertionError(
                f"timed out after {within} s waiting for {what}; last requests: "
                + "; ".join(self.requests[-12:])
            ) from None
        return check()

    # --- the guilds --------------------------------------------------------------------------------

    def guild_on_shard(self, shard: int) -> int:
        """A new guild id (a snowflake of now, or a few ms on) that Discord puts on `shard`."""
        fresh = self.ids()
        ms, low = fresh >> 22, fresh & 0x3FFFFF
        return ((ms + (shard - ms) % self.shard_count) << 22) | low

    def add_room(self, name: str, *, shard: int = 0) -> Room:
        """Another server, on `shard`, with one quiz channel; add it before the bot connects."""
        room = Room(self.guild_on_shard(shard), self.ids(), name)
        self.rooms.append(room)
        return room

    def room_of(self, channel_id: int) -> Room | None:
        return next((r for r in self.rooms if r.channel_id == channel_id), None)

    def add_member(self, name: str, *, teacher: bool = False) -> Member:
        member = Member(User(self.ids(), name), [self.roles[2]] if teacher else [])
        self.members[member.id] = member
        return member

    def guild_payload(self, room: Room | None = None) -> dict[str, Any]:
        room = room or self.rooms[0]
        return {
            "id": str(room.guild_id),
            "name": room.name,
            "owner_id": str(self.owner.id),
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "application_id": None,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [
                r.payload()
                | (
                    {"id": str(room.guild_id), "permissions": str(Member(self.bot).everyone)}
                    if i == 0
                    else {}
                )
                for i, r in enumerate(self.roles)
            ],
            "member_count": len(self.members),
            "large": False,
            "unavailable": False,
            "joined_at": "2026-01-01T00:00:00+00:00",
            "members": [m.payload() for m in self.members.values()],
            "channels": [text_channel(room.channel_id, room.guild_id, "quiz", 0)],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "premium_progress_bar_enabled": False,
        }

    def channel_messages(self, room: Room | None = None) -> list[dict[str, Any]]:
        """The messages in `room`'s quiz channel (the first room's by default), in order."""
        channel_id = (room or self.rooms[0]).channel_id
        return [m for m in self.messages.values() if int(m["channel_id"]) == channel_id]

    # --- the gateway -------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoclose=True, max_msg_size=0)
        await ws.prepare(request)
        self.requests.append(f"WS connect {request.query_string}")
        await ws.send_json(
            {"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}, "s": None, "t": None}
        )
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                await self._gateway_op(ws, payload)
        finally:
            await self._notify()
        return ws

    async def _gateway_op(self, ws: web.WebSocketResponse, payload: dict[str, Any]) -> None:
        op = payload.get("op")
        if op == 1:
            self.heartbeats += 1
            await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
        elif op == 2:
            if payload["d"].get("token") != TOKEN:
                await ws.close(code=4004, message=b"Authentication failed.")
                return
            await self._identify(ws, payload["d"])
        elif op == 6:
            self.requests.append("WS RESUME")
            shard = self._sessions.get(str(payload["d"].get("session_id")), 0)
            self._shards[shard] = ws
            self.resumed += 1
            await self.dispatch("RESUMED", {}, shard=shard)
        else:
            self.requests.append(f"WS op {op}")
            log.error("fakediscord: unhandled gateway op %s: %s", op, payload)
            print(f"fakediscord: UNHANDLED GATEWAY OP {op}", file=sys.stderr)
        await self._notify()

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        """READY and a GUILD_CREATE for each guild on the shard identifying; a shard this fake
        does not have is refused as Discord does (4010, invalid shard)."""
        shard, count = data.get("shard") or [0, 1]
        said = f" shard=[{shard}, {count}]" if "shard" in data else ""
        self.requests.append(f"WS IDENTIFY intents={data.get('intents')}{said}")
        if count != self.shard_count or not 0 <= shard < count:
            await ws.close(code=INVALID_SHARD, message=b"Invalid shard.")
            return
        self.identified += 1
        session = f"session-{self.identified}"
        self._shards[shard] = ws
        self._sessions[session] = shard
        mine = [r for r in self.rooms if shard_of(r.guild_id, count) == shard]
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": self.bot.payload(),
                "guilds": [{"id": str(r.guild_id), "unavailable": True} for r in mine],
                "session_id": session,
                "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
                "application": {"id": str(self.app_id), "flags": 0},
            }
            | ({"shard": [shard, count]} if said else {}),
            shard=shard,
        )
        for room in mine:
            await self.dispatch("GUILD_CREATE", self.guild_payload(room), shard=shard)

    async def drop_connection(self, code: int = 4000, *, shard: int = 0) -> None:
        """Close a shard's gateway socket as Discord does at times; the bot should resume."""
        ws = self._shards.get(shard)
        assert ws is not None
        self.requests.append(f"WS closed by the fake ({code})")
        await ws.close(code=code, message=b"fake: reconnect")

    async def dispatch(self, event: str, data: dict[str, Any], *, shard: int = 0) -> None:
        ws = self._shards.get(shard)
        assert ws is not None and not ws.closed, f"the bot is not connected on shard {shard}"
        self._seq += 1
        await ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    # --- interactions the test sends -------------------------------------------------------------

    async def _interact(
        self, kind: int, member: Member, data: dict[str, Any], room: Room | None, **extra: Any
    ) -> Interaction:
        room = room or self.rooms[0]
        interaction = Interaction(self.ids(), f"itoken-{self.ids()}", kind, member)
        interaction.channel_id = room.channel_id
        self.interactions[interaction.id] = interaction
        payload = {
            "id": str(interaction.id),
            "application_id": str(self.app_id),
            "type": kind,
            "token": interaction.token,
            "version": 1,
            "data": data,
            "guild_id": str(room.guild_id),
            "channel_id": str(room.channel_id),
            "channel": text_channel(room.channel_id, room.guild_id, "quiz", 0),
            "member": member.payload(with_permissions=True),
            "app_permissions": str(BOT),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(room.guild_id)},
            "context": 0,
            "attachment_size_limit": 26_214_400,
        } | extra
        shard = shard_of(room.guild_id, self.shard_count)
        await self.dispatch("INTERACTION_CREATE", payload, shard=shard)
        return interaction

    async def slash(
        self, member: Member, path: str, *, room: Room | None = None, **options: Any
    ) -> Interaction:
        """Run `/path` with `options` (in `room`, else the first), typed from the commands the
        bot synced."""
        names = path.split()
        node = next((c for c in self.commands if c["name"] == names[0]), None)
        assert node is not None, f"/{names[0]} is not among the synced commands"
        top: dict[str, Any] = {"id": node["id"], "name": node["name"], "type": 1, "options": []}
        holder = top
        for name in names[1:]:
            node = next(o for o in node.get("options", []) if o["name"] == name)
            child: dict[str, Any] = {"type": node["type"], "name": name, "options": []}
            holder["options"].append(child)
            holder = child
        specs = {o["name"]: o for o in node.get("options", [])}
        for name, value in options.items():
            assert name in specs, f"/{path} has no option {name!r}: {sorted(specs)}"
            holder["options"].append({"name": name, "type": specs[name]["type"], "value": value})
        return await self._interact(2, member, top, room)

    async def click(self, member: Member, msg: dict[str, Any], custom_id: str) -> Interaction:
        data = {"custom_id": custom_id, "component_type": 2}
        interaction = await self._interact(
            3, member, data, self.room_of(int(msg["channel_id"])), message=msg
        )
        interaction.message_id = int(msg["id"])
        return interaction

    async def submit_modal(
        self, member: Member, opened: Interaction, values: dict[str, str]
    ) -> Interaction:
        modal = opened.modal
        assert modal is not None, "the interaction did not open a modal"
        data = {
            "custom_id": modal["custom_id"],
            "components": fill_modal(modal["components"], values),
        }
        room = self.room_of(opened.channel_id) if opened.channel_id else None
        return await self._interact(5, member, data, room)

    async def reply(self, interaction: Interaction, within: float = 10.0) -> Interaction:
        """Wait until the bot answered `interaction` (a message the user sees, or a modal)."""
        await self.wait_until(lambda: interaction.answered, f"a reply to {interaction.id}", within)
        return interaction
