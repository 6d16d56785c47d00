"""The REST half of the fake Discord (fakediscord.py): the routes discord.py 2.7 calls for what
purgebot does, answered with the JSON shapes Discord returns.

A route not listed here is logged loudly and kept in `unknown`, so a gap shows as a failed test.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from payloads import EPHEMERAL, Member, Snowflakes, User, application, edit_message, message

log = logging.getLogger("fakediscord")

TOKEN = "fake-token.e2e.not-a-secret"
Handler = Callable[..., Awaitable[Any]]


@dataclass
class Interaction:
    """One interaction the test sent, and every response the bot gave to it."""

    id: int
    token: str
    kind: int
    user: Member
    callbacks: list[dict[str, Any]] = field(default_factory=list)  # callback bodies, in order
    followups: list[dict[str, Any]] = field(default_factory=list)  # follow-up messages
    original: dict[str, Any] | None = None  # the response message, as last edited
    message_id: int | None = None  # the message whose component was used
    channel_id: int | None = None  # where it was used
    sent_at: float = field(default_factory=time.monotonic)
    acked_at: float | None = None  # when the first callback arrived

    @property
    def ack_seconds(self) -> float | None:
        """How long the bot took to acknowledge (Discord allows 3 s)."""
        return None if self.acked_at is None else self.acked_at - self.sent_at

    @property
    def modal(self) -> dict[str, Any] | None:
        found = [c["data"] for c in self.callbacks if c.get("type") == 9]
        return found[0] if found else None

    @property
    def deferred(self) -> bool:
        return any(c.get("type") in (5, 6) for c in self.callbacks)

    def replies(self) -> list[dict[str, Any]]:
        """The messages the user sees as replies: the response (unless still 'thinking'), then
        follow-ups."""
        out = []
        if self.original is not None and not self.original.get("_loading"):
            out.append(self.original)
        return out + self.followups

    @property
    def answered(self) -> bool:
        return self.modal is not None or bool(self.replies())


@dataclass
class Fault:
    """What the fake does to the next request matching `method` and `path` (a regex): answer
    with `status` (and `body`), or hold it until `release` is set."""

    method: str
    path: str
    status: int | None = None
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    release: asyncio.Event | None = None
    hit: asyncio.Event = field(default_factory=asyncio.Event)

    @classmethod
    def rate_limited(cls, method: str, path: str, retry_after: float) -> Fault:
        """A 429 as Discord sends it. discord.py retries only when the response has a Via
        header; without one it takes the 429 for a Cloudflare ban and raises at once."""
        headers = {
            "Via": "1.1 google",
            "Retry-After": str(max(1, round(retry_after))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": str(retry_after),
            "X-RateLimit-Bucket": "fake-bucket",
            "X-RateLimit-Scope": "user",
        }
        body = {"message": "You are being rate limited.", "retry_after": retry_after}
        return cls(method, path, 429, body | {"global": False}, headers)

    def matches(self, method: str, path: str) -> bool:
        return method == self.method and re.fullmatch(self.path, path) is not None


class RestRoutes:
    """Mixed into FakeDiscord, which holds the state these handlers read and change."""

    ids: Snowflakes
    app_id: int
    bot: User
    owner: User
    guild_id: int
    channel_id: int
    shard_count: int
    port: int
    commands: list[dict[str, Any]]
    command_puts: int
    messages: dict[int, dict[str, Any]]
    interactions: dict[int, Interaction]
    requests: list[str]
    unknown: list[str]
    _routes: list[tuple[str, re.Pattern[str], Handler]]
    faults: list[Fault]
    held: list[Fault]  # faults hit, to release at the end

    async def _notify(self) -> None:
        raise NotImplementedError

    def _route_table(self) -> None:
        app = r"(?P<app>\d+)"
        table: list[tuple[str, str, Handler]] = [
            ("GET", r"/users/@me", self._me),
            ("GET", r"/oauth2/applications/@me", self._application),
            ("GET", r"/gateway(/bot)?", self._gateway_url),
            ("PUT", rf"/applications/{app}/commands", self._put_commands),
            ("GET", rf"/applications/{app}/commands", self._get_commands),
            ("POST", r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback", self._callback),
            ("POST", rf"/webhooks/{app}/(?P<token>[^/]+)", self._followup),
            (
                "GET",
                rf"/webhooks/{app}/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
                self._wh_get,
            ),
            (
                "PATCH",
                rf"/webhooks/{app}/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
                self._wh_edit,
            ),
            (
                "DELETE",
                rf"/webhooks/{app}/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
                self._wh_delete,
            ),
            ("POST", r"/channels/(?P<cid>\d+)/messages", self._post_message),
            ("GET", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._get_message),
            ("PATCH", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._edit_message),
            ("DELETE", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._delete_message),
            ("GET", r"/channels/(?P<cid>\d+)/messages", self._history),
        ]
        self._routes = [(m, re.compile(p), h) for m, p, h in table]

    async def _stray(self, request: web.Request) -> web.Response:
        return self._unknown(request, "outside /api/v10")

    def _unknown(self, request: web.Request, why: str = "unknown route") -> web.Response:
        line = f"{request.method} {request.path}"
        self.unknown.append(line)
        log.error("fakediscord: %s: %s", why, line)
        print(f"fakediscord: UNKNOWN ROUTE {line} ({why})", file=sys.stderr)
        return json_response({"message": f"fakediscord: {why}", "code": 0}, status=404)

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        self.requests.append(f"{request.method} {path}")
        try:
            if request.headers.get("Authorization") != f"Bot {TOKEN}" and not path.startswith(
                ("/interactions/", "/webhooks/")
            ):
                return json_response({"message": "401: Unauthorized", "code": 0}, status=401)
            fault = next((f for f in self.faults if f.matches(request.method, path)), None)
            if fault is not None:
                self.faults.remove(fault)
                self.requests.append(f"  (fault: {fault.status or 'held'})")
                fault.hit.set()
                self.held.append(fault)
                await self._notify()
                if fault.release is not None:
                    await fault.release.wait()
                if fault.status is not None:
                    return json_response(fault.body, status=fault.status, headers=fault.headers)
            for method, pattern, handler in self._routes:
                found = pattern.fullmatch(path)
                if found and method == request.method:
                    body = await self._body(request)
                    return await handler(body=body, **found.groupdict())
            return self._unknown(request)
        finally:
            await self._notify()

    @staticmethod
    async def _body(request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            body = json.loads(str(form.get("payload_json") or "{}"))
            body["_files"] = [
                getattr(v, "filename", k) for k, v in form.items() if k.startswith("files[")
            ]
            return body
        text = await request.text()
        return json.loads(text) if text else None

    @staticmethod
    def _json(data: Any, status: int = 200) -> web.Response:
        if data is None:
            return web.Response(status=204)
        return json_response(data, status=status)

    async def _me(self, body: Any) -> web.Response:
        return self._json(self.bot.payload())

    async def _application(self, body: Any) -> web.Response:
        return self._json(application(self.app_id, self.owner))

    async def _gateway_url(self, body: Any) -> web.Response:
        url = f"ws://127.0.0.1:{self.port}/gateway"
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return self._json({"url": url, "shards": self.shard_count, "session_start_limit": limit})

    async def _put_commands(self, body: Any, app: str) -> web.Response:
        self.command_puts += 1
        self.commands = [
            c | {"id": str(self.ids()), "application_id": app, "version": str(self.ids())}
            for c in body
        ]
        return self._json(self.commands)

    async def _get_commands(self, body: Any, app: str) -> web.Response:
        return self._json(self.commands)

    def _interaction(self, token: str) -> Interaction:
        found = [i for i in self.interactions.values() if i.token == token]
        if not found:
            raise not_found("Unknown interaction", 10062)
        return found[0]

    def room_of(self, channel_id: int) -> Any:
        raise NotImplementedError

    def _new_message(self, body: dict[str, Any], channel_id: int | None) -> dict[str, Any]:
        files = [
            {"id": str(self.ids()), "filename": name, "size": 0, "url": "", "proxy_url": ""}
            for name in body.get("_files", [])
        ]
        room = self.room_of(channel_id or self.channel_id)
        guild_id = self.guild_id if room is None else room.guild_id
        channel = room.channel_id if room is not None else self.channel_id
        return message(self.ids(), channel, guild_id, self.bot, body, attachments=files)

    async def _callback(self, body: Any, iid: str, token: str) -> web.Response:
        interaction = self._interaction(token)
        interaction.callbacks.append(body)
        if interaction.acked_at is None:
            interaction.acked_at = time.monotonic()
        kind = body["type"]
        data = body.get("data") or {}
        info: dict[str, Any] = {"id": iid, "type": kind}
        out: dict[str, Any] = {"interaction": info}
        if kind in (4, 5):  # a message, or "thinking" until it is edited or followed up
            msg = self._new_message(data, interaction.channel_id)
            if kind == 5:
                msg["_loading"] = True
            interaction.original = msg
            ephemeral = bool(int(data.get("flags") or 0) & EPHEMERAL)
            if not ephemeral and kind == 4:
                self.messages[int(msg["id"])] = msg
            info |= {
                "response_message_id": msg["id"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": ephemeral,
            }
            out["resource"] = {"type": kind, "message": _public(msg)}
        elif kind == 7 and interaction.message_id in self.messages:  # update the clicked one
            updated = self.messages[interaction.message_id]
            edit_message(updated, data)
            out["resource"] = {"type": kind, "message": _public(updated)}
        return self._json(out)

    async def _followup(self, body: Any, app: str, token: str) -> web.Response:
        interaction = self._interaction(token)
        msg = self._new_message(body, interaction.channel_id)
        if interaction.original is not None and interaction.original.get("_loading"):
            # the first follow-up after a "thinking" defer replaces the thinking message
            interaction.original = msg
        else:
            interaction.followups.append(msg)
        return self._json(_public(msg))

    def _webhook_message(self, token: str, mid: str) -> dict[str, Any]:
        interaction = self._interaction(token)
        if mid == "@original" and interaction.original is not None:
            return interaction.original
        for msg in [interaction.original, *interaction.followups]:
            if msg is not None and msg["id"] == mid:
                return msg
        raise not_found("Unknown Message", 10008)

    async def _wh_get(self, body: Any, app: str, token: str, mid: str) -> web.Response:
        return self._json(_public(self._webhook_message(token, mid)))

    async def _wh_edit(self, body: Any, app: str, token: str, mid: str) -> web.Response:
        msg = self._webhook_message(token, mid)
        edit_message(msg, body)
        msg.pop("_loading", None)
        return self._json(_public(msg))

    async def _wh_delete(self, body: Any, app: str, token: str, mid: str) -> web.Response:
        msg = self._webhook_message(token, mid)
        msg["_deleted"] = True
        return self._json(None)

    async def _post_message(self, body: Any, cid: str) -> web.Response:
        if self.room_of(int(cid)) is None:
            raise not_found("Unknown Channel", 10003)
        msg = self._new_message(body, int(cid))
        msg["_allowed_mentions"] = body.get("allowed_mentions")
        self.messages[int(msg["id"])] = msg
        return self._json(_public(msg))

    def _stored(self, cid: str, mid: str) -> dict[str, Any]:
        msg = self.messages.get(int(mid))
        if msg is None or msg["channel_id"] != cid:
            raise not_found("Unknown Message", 10008)
        return msg

    async def _get_message(self, body: Any, cid: str, mid: str) -> web.Response:
        return self._json(_public(self._stored(cid, mid)))

    async def _edit_message(self, body: Any, cid: str, mid: str) -> web.Response:
        msg = self._stored(cid, mid)
        edit_message(msg, body)
        msg["_allowed_mentions"] = body.get("allowed_mentions")
        return self._json(_public(msg))

    async def _delete_message(self, body: Any, cid: str, mid: str) -> web.Response:
        self._stored(cid, mid)
        del self.messages[int(mid)]
        return self._json(None)

    async def _history(self, body: Any, cid: str) -> web.Response:
        found = [m for m in self.messages.values() if m["channel_id"] == cid]
        return self._json([_public(m) for m in reversed(found)][:50])


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """JSON as Discord sends it: discord.py parses a body only when the content type is exactly
    application/json (no charset), so aiohttp's json_response would read as text."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json"} | (headers or {}),
    )


def not_found(message: str, code: int) -> web.HTTPNotFound:
    return web.HTTPNotFound(
        body=json.dumps({"message": message, "code": code}).encode(),
        headers={"Content-Type": "application/json"},
    )


def _public(msg: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in msg.items() if not k.startswith("_")}
