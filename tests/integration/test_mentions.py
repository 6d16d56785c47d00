"""Teacher and bank text reaches Discord with mentions disabled: `@everyone` in a title pings no one."""

from __future__ import annotations

import re

import simcord
from simkit import DATA, reply, text_of

from purgebot.storage import Store

MESSAGE_ROUTES = re.compile(
    r"/interactions/\d+/[^/]+/callback|/webhooks/\d+/[^/]+(/messages/.+)?|/channels/\d+/messages.*"
)


async def test_a_title_with_everyone_and_role_mentions_pings_no_one(
    simcord_env: simcord.Env,
    guild: simcord.GuildHandle,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    pupils = guild.create_role("Pupils", mentionable=True)
    bot_member = guild.me
    assert bot_member is not None
    assert bot_member.guild_permissions.mention_everyone  # only the reply's settings stop a ping
    title = f"@everyone @here <@&{pupils.id}> <@{student.id}> revise this!"
    text = (
        (DATA / "terror-basics.yaml")
        .read_text()
        .replace("title: The Great Terror, basics", f'title: "{title}"')
    )
    stored = reply(await teacher.slash(channel, "bank upload", file=("loud.yaml", text.encode())))
    assert title in stored.content
    listing = reply(await student.slash(channel, "bank list"))
    info = reply(await student.slash(channel, "bank info", bank="terror-basics"))
    assert title in text_of(listing) and info.embeds[0].title == title

    for shown in (stored, listing, info):
        assert not shown.message.mention_everyone
        # simcord keeps, per stored message, whom Discord would actually notify
        assert shown._message.ping_user_ids == [] and shown._message.ping_role_ids == []

    sent = [r for r in simcord_env.http_requests if r.method in ("POST", "PATCH")]
    bodies = [r.json for r in sent if MESSAGE_ROUTES.fullmatch(r.path) and r.json]
    bodies = [b.get("data", b) for b in bodies]  # interaction callbacks wrap the message in data
    with_text = [b for b in bodies if "content" in b or "embeds" in b]
    assert len(with_text) >= 3
    for body in with_text:
        assert body["allowed_mentions"] == {"parse": []}
