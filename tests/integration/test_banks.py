"""A teacher manages the server's banks; everyone can list and inspect them."""

from __future__ import annotations

import re

import pytest
import simcord
from quizkit import CLASS_BANK
from simkit import DATA, data_file, reply, text_of

from purgebot.banks.importers import ImportFailed
from purgebot.banks.loader import BankError, load_bank_text
from purgebot.bot.banks.cog import UploadTooBig
from purgebot.bot.errors import NotTeacher, unwrap
from purgebot.catalog import BuiltinBankId, BuiltinBankRemoval, UnknownBank
from purgebot.storage import Store


async def test_upload_with_mistakes_then_fixed_then_listed_and_downloaded(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    broken = await teacher.slash(
        channel,
        "bank upload",
        file=("terror-basics.yaml", data_file("terror-basics-broken.yaml")[1]),
    )
    shown = reply(broken)
    assert shown.ephemeral
    report = text_of(shown)
    assert "6 problems, nothing was stored" in report
    # every problem the loader finds is listed with its line:column
    try:
        load_bank_text((DATA / "terror-basics-broken.yaml").read_bytes(), "x")
    except BankError as exc:
        problems = exc.problems
    assert len(problems) == 6
    for p in problems:
        assert f"`{p.line}:{p.col}`" in report and p.message in report
    assert (
        "`11:13` questions[0].answer: answer 'Nikolay Yezhov' is not one of the choices" in report
    )
    assert "`24:14` questions[3].seconds" in report
    assert await store.list_banks(channel.guild.id) == []

    fixed = await teacher.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    assert reply(fixed).ephemeral
    assert (
        "Stored bank `terror-basics` (The Great Terror, basics): 5 questions"
        in reply(fixed).content
    )
    [stored] = await store.list_banks(channel.guild.id)
    assert (stored.bank_id, stored.uploader_id) == ("terror-basics", teacher.id)

    listing = text_of(reply(await student.slash(channel, "bank list")))
    uploaded_part = listing.split("**Uploaded in this server**")[1]
    assert "`terror-basics` · The Great Terror, basics · 5 questions" in uploaded_part
    assert "`kirov` · The murder of Kirov" in listing.split("**Uploaded in this server**")[0]

    info = reply(await student.slash(channel, "bank info", bank="terror-basics"))
    fields = {f.name: f.value for f in info.embeds[0].fields}
    assert fields["Questions"].startswith("5 (")
    assert f"Uploaded by <@{teacher.id}>" in fields["Origin"]
    assert "Nikolai Yezhov" not in text_of(info)  # info never shows answers or choices

    download = reply(await teacher.slash(channel, "bank download", bank="terror-basics"))
    [attachment] = download.attachments
    assert attachment.filename == "terror-basics.yaml"
    assert await attachment.read() == (DATA / "terror-basics.yaml").read_bytes()


async def test_reupload_replaces_and_identical_upload_changes_nothing(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor, store: Store
) -> None:
    await teacher.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    again = await teacher.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    assert "already stored with exactly this text" in reply(again).content
    changed = (
        (DATA / "terror-basics.yaml")
        .read_bytes()
        .replace(
            b"title: The Great Terror, basics\n", b"title: The Great Terror, basics, revised\n"
        )
    )
    replaced = await teacher.slash(channel, "bank upload", file=("terror-basics.yaml", changed))
    assert reply(replaced).content.startswith(
        "Replaced bank `terror-basics` (The Great Terror, basics, revised)"
    )
    record = await store.get_bank(channel.guild.id, "terror-basics")
    assert record is not None and record.yaml_text == changed.decode()


async def test_many_problems_are_cut_to_fit_and_all_attached(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor
) -> None:
    questions = "".join(
        f"  - id: q{i}\n    type: choice\n    prompt: Question {i}?\n    choices: [a, b]\n    answer: c\n"
        for i in range(300)
    )
    text = f"bank: many-mistakes\ntitle: Many mistakes\nquestions:\n{questions}"
    shown = reply(await teacher.slash(channel, "bank upload", file=("many.yaml", text.encode())))
    [made] = shown.embeds
    assert made.title == "many.yaml: 300 problems, nothing was stored"
    assert made.description is not None and len(made.description) <= 4096
    listed = made.description.count("is not one of the choices")
    assert 0 < listed < 300
    assert f"…and {300 - listed} more problems: all of them are in the attached problems.txt." in (
        made.description
    )
    [attachment] = shown.attachments
    lines = (await attachment.read()).decode().splitlines()
    assert len(lines) == 300
    assert lines[0] == "many.yaml:8:13: questions[0].answer: answer 'c' is not one of the choices"


async def test_problems_past_the_loaders_list_are_counted_in_the_reply(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor
) -> None:
    questions = "".join(
        f"  - id: q{i}\n    type: choice\n    prompt: Question {i}?\n    choices: [a, b]\n    answer: c\n"
        for i in range(1_200)
    )
    text = f"bank: many-mistakes\ntitle: Many mistakes\nquestions:\n{questions}"
    shown = reply(await teacher.slash(channel, "bank upload", file=("many.yaml", text.encode())))
    [made] = shown.embeds
    assert made.title == "many.yaml: 1,200 problems, nothing was stored"
    [attachment] = shown.attachments
    lines = (await attachment.read()).decode().splitlines()
    assert len(lines) == 1_001  # the loader lists the first 1,000 and counts the rest
    assert lines[-1] == (
        "many.yaml: …and 200 more problems not listed: fix these first, then check the file again"
    )


async def test_upload_refusals(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    builtin = (
        (DATA / "terror-basics.yaml").read_bytes().replace(b"bank: terror-basics", b"bank: kirov")
    )
    taken = reply(await teacher.slash(channel, "bank upload", file=("kirov.yaml", builtin)))
    assert "`kirov` is the id of a built-in bank" in taken.content and taken.ephemeral

    big = reply(
        await teacher.slash(channel, "bank upload", file=("big.yaml", b"#" * (1024 * 1024 + 1)))
    )
    assert "at most 1 MiB" in big.content

    binary = reply(
        await teacher.slash(channel, "bank upload", file=("x.csv", b"\x00\x01\x02" * 10))
    )
    assert "not a text file" in binary.content
    assert await store.list_banks(channel.guild.id) == []
    refusals = [type(unwrap(e)) for e in simcord_env.errors]
    assert refusals == [BuiltinBankId, UploadTooBig, ImportFailed]


async def test_import_format_upload_is_converted_and_stored(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor, store: Store
) -> None:
    gift = (
        "::q1:: Who headed the NKVD in 1937? {=Yezhov ~Yagoda ~Beria}\n\n"
        "::q2:: The show trials were public. {T}\n"
    )
    shown = reply(
        await teacher.slash(channel, "bank upload", file=("nkvd-quiz.gift", gift.encode()))
    )
    assert "Stored bank `nkvd-quiz`" in shown.content and "2 questions" in shown.content
    assert "Imported from Moodle GIFT." in shown.content
    record = await store.get_bank(channel.guild.id, "nkvd-quiz")
    assert record is not None
    assert load_bank_text(record.yaml_text).questions[0].prompt == "Who headed the NKVD in 1937?"


# Converting 10,000 rows takes real seconds in a worker thread, more on a loaded machine: simcord
# waits for the bot by the wall clock, so give it as long as any machine could need.
@pytest.mark.simcord(settle_timeout=600)
async def test_a_file_under_the_limit_that_converts_to_a_bank_over_it_is_told_so(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    """A 0.9 MiB spreadsheet becomes a 2 MiB bank: the teacher must not read that their file is
    2 MiB, nor see line numbers of a converted file they never saw."""
    rows = ["Question,Answer 1,Answer 2,Answer 3,Answer 4,Correct answer"]
    rows += [
        f"Who led the NKVD in year {i} of the terror?,Yezhov {i},Yagoda {i},Beria {i},Menzhinsky,1"
        for i in range(10_000)
    ]
    data = "\n".join(rows).encode()
    assert 0.8 * 1024 * 1024 < len(data) < 1024 * 1024
    shown = reply(await teacher.slash(channel, "bank upload", file=("year11.csv", data)))
    assert shown.ephemeral and not shown.embeds
    told = re.fullmatch(
        r"Converted to a purgebot bank, year11\.csv comes to (\d+\.\d) MiB, over the 1 MiB a "
        r"bank may be\. Split it into smaller files and upload each as its own bank\.",
        shown.content,
    )
    assert told is not None, shown.content
    assert float(told[1]) > 1.0
    assert await store.list_banks(channel.guild.id) == []
    assert [type(unwrap(e)) for e in simcord_env.errors] == [UploadTooBig]


async def test_an_imported_file_named_like_a_builtin_bank_is_told_to_rename_the_file(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    """A GIFT file has no `bank:` line: its id comes from the file name, so that is what to fix."""
    gift = "::q1:: Who headed the NKVD in 1937? {=Yezhov ~Yagoda ~Beria}\n"
    shown = reply(await teacher.slash(channel, "bank upload", file=("kirov.gift", gift.encode())))
    assert shown.ephemeral
    assert shown.content == (
        "`kirov` is the id of a built-in bank, so an upload cannot use it. This file's bank id "
        "comes from its name: rename the file (for example to kirov-2.gift) and upload it again."
    )
    assert "`bank:` line" not in shown.content
    assert await store.list_banks(channel.guild.id) == []
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BuiltinBankId]


async def test_remove_upload_but_never_a_builtin(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    store: Store,
) -> None:
    await teacher.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    removed = reply(await teacher.slash(channel, "bank remove", bank="terror-basics"))
    callbacks = [r.json for r in simcord_env.http_requests if r.path.endswith("/callback")]
    assert callbacks[-1]["type"] == 5  # acknowledged before reading (maybe parsing) the bank
    assert removed.ephemeral and removed.content.startswith("Removed bank `terror-basics`")
    assert await store.list_banks(channel.guild.id) == []
    refused = reply(await teacher.slash(channel, "bank remove", bank="kirov"))
    assert refused.content == "`kirov` is a built-in bank; built-in banks cannot be removed."
    gone = reply(await teacher.slash(channel, "bank info", bank="terror-basics"))
    assert "There is no bank `terror-basics` in this server" in gone.content
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BuiltinBankRemoval, UnknownBank]


async def test_an_upload_a_new_builtin_bank_hides_is_shown_once_and_can_be_removed(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    """A server uploaded `kirov` before the built-in banks had one (a later version added it)."""
    old = (DATA / "terror-basics.yaml").read_text().replace("bank: terror-basics", "bank: kirov")
    await store.save_bank(channel.guild.id, "kirov", old, teacher.id)

    listing = text_of(reply(await student.slash(channel, "bank list")))
    builtin_part, uploaded_part = listing.split("**Uploaded in this server**")
    assert "`kirov` · The murder of Kirov" in builtin_part
    assert "The Great Terror, basics" not in listing
    assert uploaded_part.splitlines()[1] == (
        "`kirov` · hidden by the built-in bank with the same id: "
        "a teacher can delete it with `/bank remove bank:kirov`"
    )
    offered = await student.autocomplete(channel, "bank info", "bank", "kir")
    assert [c["value"] for c in offered] == ["kirov"]
    info = reply(await student.slash(channel, "bank info", bank="kirov"))
    assert info.embeds[0].title == "The murder of Kirov"

    removed = reply(await teacher.slash(channel, "bank remove", bank="kirov"))
    assert removed.content == (
        "Removed this server's old upload `kirov`, which the built-in bank with the same id hid. "
        "The built-in bank stays."
    )
    assert await store.list_banks(channel.guild.id) == []
    again = reply(await teacher.slash(channel, "bank remove", bank="kirov"))
    assert again.content == "`kirov` is a built-in bank; built-in banks cannot be removed."
    assert [type(unwrap(e)) for e in simcord_env.errors] == [BuiltinBankRemoval]


async def test_an_upload_that_no_longer_loads_can_still_be_removed(
    channel: simcord.ChannelHandle, teacher: simcord.MemberActor, store: Store
) -> None:
    """Stored under an older format, it is left out of the list, but a teacher can delete it."""
    await store.save_bank(channel.guild.id, "old-format", "bank: old-format\nquestions: 3\n", None)
    removed = reply(await teacher.slash(channel, "bank remove", bank="old-format"))
    assert removed.content == "Removed bank `old-format`. Past results that used it are kept."
    assert await store.list_banks(channel.guild.id) == []


async def test_autocomplete_offers_builtin_and_this_servers_uploads_only(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    await teacher.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    offered = await student.autocomplete(channel, "bank info", "bank", "terror")
    values = [c["value"] for c in offered]
    assert values[0] == "terror-basics"
    assert "yezhovshchina" in values  # found by its title, The Great Terror of 1937-38
    other_guild = simcord_env.create_guild("Another school")
    other_channel = other_guild.create_text_channel("general")
    outsider = other_guild.add_member(simcord_env.create_user("outsider"))
    elsewhere = await outsider.autocomplete(other_channel, "bank info", "bank", "terror")
    assert "terror-basics" not in [c["value"] for c in elsewhere]
    everything = await student.autocomplete(channel, "bank info", "bank", "")
    assert 0 < len(everything) <= 25 and all(len(c["name"]) <= 100 for c in everything)


async def test_students_are_refused_teacher_bank_commands(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
    store: Store,
) -> None:
    await teacher.slash(channel, "bank upload", file=data_file("terror-basics.yaml"))
    for command, options in [
        ("bank upload", {"file": data_file("terror-basics.yaml")}),
        ("bank remove", {"bank": "terror-basics"}),
        ("bank download", {"bank": "terror-basics"}),
    ]:
        refused = reply(await student.slash(channel, command, **options))
        assert refused.ephemeral
        assert refused.content.startswith("Only teachers can ")
        assert not refused.attachments
    assert [type(e) for e in simcord_env.errors] == [NotTeacher] * 3
    assert [b.bank_id for b in await store.list_banks(channel.guild.id)] == ["terror-basics"]


async def test_a_bank_title_with_markdown_in_it_is_shown_as_typed(
    simcord_env: simcord.Env,
    channel: simcord.ChannelHandle,
    teacher: simcord.MemberActor,
    student: simcord.MemberActor,
) -> None:
    title = "Kirov **and** the ||NKVD||"
    bank = CLASS_BANK.replace("title: Kirov and the NKVD", f'title: "{title}"')
    uploaded = reply(await teacher.slash(channel, "bank upload", file=("c.yaml", bank.encode())))
    escaped = r"Kirov \*\*and\*\* the \|\|NKVD\|\|"
    assert f"({escaped})" in uploaded.content, uploaded.content
    started = reply(await teacher.slash(channel, "quiz start", bank="class-quiz"))
    assert started.content.startswith(f"Started **{escaped}**: 4 questions"), started.content
    listed = text_of(reply(await student.slash(channel, "bank list")))
    assert f"`class-quiz` · {escaped} · 4 questions" in listed, listed
