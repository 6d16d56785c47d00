"""A small fake Discord on 127.0.0.1: REST under /api/v10 and a gateway websocket, for the real
`purgebot run` process to log in to.

One guild with one text channel, a teacher and students. Tests inject interactions (slash
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
from typing import Any

from aiohttp import WSMsgType, web
from fakerest import TOKEN, Fault, Interaction, RestRoutes
from payloads import BOT, TEACHER, Member, Role, Snowflakes, User, fill_modal, text_channel

log = logging.getLogger("fakediscord")

HEARTBEAT_MS = 41_250
__all__ = ["TOKEN", "FakeDiscord", "Fault", "Interaction"]


class FakeDiscord(RestRoutes):
    def __init__(self) -> None:
        self.ids = Snowflakes()
        self.app_id = self.ids()
        self.bot = User(self.app_id, "purgebot", bot=True)
        self.owner = User(self.ids(), "owner")
        self.guild_id = self.ids()
        self.channel_id = self.ids()
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
        self._ws: web.WebSocketResponse | None = None
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
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
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
        return self._ws is not None and not self._ws.closed

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

    # --- the guild ---------------------------------------------------------------------------------

    def add_member(self, name: str, *, teacher: bool = False) -> Member:
        member = Member(User(self.ids(), name), [self.roles[2]] if teacher else [])
        self.members[member.id] = member
        return member

    def guild_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.guild_id),
            "name": "Room 12",
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
                r.payload() | ({"permissions": str(Member(self.bot).everyone)} if i == 0 else {})
                for i, r in enumerate(self.roles)
            ],
            "member_count": len(self.members),
            "large": False,
            "unavailable": False,
            "joined_at": "2026-01-01T00:00:00+00:00",
            "members": [m.payload() for m in self.members.values()],
            "channels": [text_channel(self.channel_id, self.guild_id, "quiz", 0)],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "premium_progress_bar_enabled": False,
        }

    def channel_messages(self) -> list[dict[str, Any]]:
        return [m for m in self.messages.values() if int(m["channel_id"]) == self.channel_id]

    # --- the gateway -------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoclose=True, max_msg_size=0)
        await ws.prepare(request)
        self.requests.append(f"WS connect {request.query_string}")
        self._ws = ws
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
            self.identified += 1
            self.requests.append(f"WS IDENTIFY intents={payload['d'].get('intents')}")
            await self.dispatch(
                "READY",
                {
                    "v": 10,
                    "user": self.bot.payload(),
                    "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                    "session_id": f"session-{self.identified}",
                    "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
                    "application": {"id": str(self.app_id), "flags": 0},
                },
            )
            await self.dispatch("GUILD_CREATE", self.guild_payload())
        elif op == 6:
            self.requests.append("WS RESUME")
            self.resumed += 1
            await self.dispatch("RESUMED", {})
        else:
            self.requests.append(f"WS op {op}")
            log.error("fakediscord: unhandled gateway op %s: %s", op, payload)
            print(f"fakediscord: UNHANDLED GATEWAY OP {op}", file=sys.stderr)
        await self._notify()

    async def drop_connection(self, code: int = 4000) -> None:
        """Close the gateway socket as Discord does at times; the bot should resume."""
        assert self._ws is not None
        self.requests.append(f"WS closed by the fake ({code})")
        await self._ws.close(code=code, message=b"fake: reconnect")

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._ws is not None and not self._ws.closed, "the bot is not connected"
        self._seq += 1
        await self._ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    # --- interactions the test sends -------------------------------------------------------------

    async def _interact(
        self, kind: int, member: Member, data: dict[str, Any], **extra: Any
    ) -> Interaction:
        interaction = Interaction(self.ids(), f"itoken-{self.ids()}", kind, member)
        self.interactions[interaction.id] = interaction
        payload = {
            "id": str(interaction.id),
            "application_id": str(self.app_id),
            "type": kind,
            "token": interaction.token,
            "version": 1,
            "data": data,
            "guild_id": str(self.guild_id),
            "channel_id": str(self.channel_id),
            "channel": text_channel(self.channel_id, self.guild_id, "quiz", 0),
            "member": member.payload(with_permissions=True),
            "app_permissions": str(BOT),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 26_214_400,
        } | extra
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction

    async def slash(self, member: Member, path: str, **options: Any) -> Interaction:
        """Run `/path` with `options`, typed from the commands the bot synced."""
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
        return await self._interact(2, member, top)

    async def click(self, member: Member, msg: dict[str, Any], custom_id: str) -> Interaction:
        data = {"custom_id": custom_id, "component_type": 2}
        interaction = await self._interact(3, member, data, message=msg)
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
        return await self._interact(5, member, data)

    async def reply(self, interaction: Interaction, within: float = 10.0) -> Interaction:
        """Wait until the bot answered `interaction` (a message the user sees, or a modal)."""
        await self.wait_until(lambda: interaction.answered, f"a reply to {interaction.id}", within)
        return interaction
