"""The banks a server can use: the built-in ones, plus the ones its teachers uploaded.

Uploads are per server and kept as YAML text in the store; parsed banks are cached (per server
and text hash) so quiz starts do not re-parse, and autocomplete never parses at all. An upload may
not take the id of a built-in bank: a bank id then means the same questions in every report of
every server.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from purgebot.banks.loader import BankError, load_bank_text
from purgebot.banks.model import Bank
from purgebot.errors import UserFacingError
from purgebot.storage import BankInfo, SaveOutcome, Store

log = logging.getLogger(__name__)


class UnknownBank(UserFacingError):
    def __init__(self, bank_id: str) -> None:
        super().__init__(
            f"There is no bank `{bank_id}` in this server. `/bank list` shows them all."
        )


class BuiltinBankId(UserFacingError):
    def __init__(self, bank_id: str, *, named_by: str | None = None) -> None:
        """`named_by`: the file whose name gave the id (an imported file has no `bank:` line)."""
        if named_by is None:
            fix = "Change the `bank:` line of your file to a new id and upload it again."
        else:
            fix = (
                "This file's bank id comes from its name: rename the file (for example to "
                f"{bank_id}-2{PurePath(named_by).suffix}) and upload it again."
            )
        super().__init__(
            f"`{bank_id}` is the id of a built-in bank, so an upload cannot use it. {fix}"
        )


class BuiltinBankRemoval(UserFacingError):
    def __init__(self, bank_id: str) -> None:
        super().__init__(f"`{bank_id}` is a built-in bank; built-in banks cannot be removed.")


@dataclass(frozen=True, slots=True)
class Entry:
    """A bank as a server sees it: built in, or uploaded (with who and when)."""

    bank: Bank
    upload: BankInfo | None = None

    @property
    def builtin(self) -> bool:
        return self.upload is None


class BankCatalog:
    def __init__(self, store: Store, builtin: Iterable[Bank] = ()) -> None:
        self._store = store
        self._builtin = {bank.id: bank for bank in builtin}
        self._parsed: dict[tuple[int, str], tuple[str, Bank]] = {}  # (guild, id) -> (sha256, bank)

    def is_builtin(self, bank_id: str) -> bool:
        return bank_id in self._builtin

    @property
    def builtin(self) -> list[Bank]:
        return sorted(self._builtin.values(), key=lambda b: b.id)

    async def _parse(self, guild_id: int, info: BankInfo, yaml_text: str | None) -> Bank | None:
        """The parsed upload, from the cache while its text is unchanged; parsing runs in a
        thread, as a 1 MiB bank takes long enough to hold up everyone else's clicks."""
        key = (guild_id, info.bank_id)
        cached = self._parsed.get(key)
        if cached is not None and cached[0] == info.sha256:
            return cached[1]
        if yaml_text is None:
            record = await self._store.get_bank(guild_id, info.bank_id)
            if record is None:
                return None
            yaml_text = record.yaml_text
        try:
            bank = await asyncio.to_thread(load_bank_text, yaml_text, f"{info.bank_id}.yaml")
        except BankError as exc:  # stored under an older format: keep it out, say why in the log
            log.warning(
                "uploaded bank %s in server %s no longer loads: %s", info.bank_id, guild_id, exc
            )
            return None
        self._parsed[key] = (info.sha256, bank)
        return bank

    async def _visible(self, guild_id: int) -> list[BankInfo]:
        """This server's uploads but those a built-in bank hides (one uploaded before a later
        version added a built-in bank with its id): `entry()` answers that id with the built-in."""
        return [i for i in await self._store.list_banks(guild_id) if i.bank_id not in self._builtin]

    async def hidden(self, guild_id: int) -> list[str]:
        """Ids of this server's uploads that a built-in bank of the same id hides."""
        return [
            i.bank_id for i in await self._store.list_banks(guild_id) if i.bank_id in self._builtin
        ]

    async def uploads(self, guild_id: int) -> list[Entry]:
        """This server's uploads that load, by id (parsing any not seen yet)."""
        entries = []
        for info in await self._visible(guild_id):
            bank = await self._parse(guild_id, info, None)
            if bank is not None:
                entries.append(Entry(bank, info))
        return entries

    async def entries(self, guild_id: int) -> list[Entry]:
        """Built-in banks first, then this server's uploads, each group by id."""
        return [Entry(b) for b in self.builtin] + await self.uploads(guild_id)

    async def names(self, guild_id: int) -> list[tuple[str, str | None]]:
        """(id, title) of every bank here, without parsing anything: fast enough for autocomplete.

        An upload not parsed since the start has no title yet (None)."""
        out: list[tuple[str, str | None]] = [(b.id, b.title) for b in self.builtin]
        for info in await self._visible(guild_id):
            cached = self._parsed.get((guild_id, info.bank_id))
            out.append(
                (info.bank_id, cached[1].title if cached and cached[0] == info.sha256 else None)
            )
        return out

    async def entry(self, guild_id: int, bank_id: str) -> Entry:
        if bank_id in self._builtin:
            return Entry(self._builtin[bank_id])
        record = await self._store.get_bank(guild_id, bank_id)
        if record is None:
            raise UnknownBank(bank_id)
        info = BankInfo(
            guild_id,
            bank_id,
            record.sha256,
            len(record.yaml_text.encode()),
            record.uploader_id,
            record.uploaded_at,
        )
        bank = await self._parse(guild_id, info, record.yaml_text)
        if bank is None:
            raise UnknownBank(bank_id)
        return Entry(bank, info)

    async def get(self, guild_id: int, bank_id: str) -> Bank:
        return (await self.entry(guild_id, bank_id)).bank

    async def add(self, guild_id: int, bank: Bank, yaml_text: str, uploader_id: int) -> SaveOutcome:
        """Store a valid bank's text for one server; refuses a built-in bank's id."""
        if bank.id in self._builtin:
            raise BuiltinBankId(bank.id)
        outcome = await self._store.save_bank(guild_id, bank.id, yaml_text, uploader_id)
        digest = hashlib.sha256(yaml_text.encode("utf-8")).hexdigest()  # as the store keys it
        self._parsed[(guild_id, bank.id)] = (digest, bank)
        return outcome

    async def remove(self, guild_id: int, bank_id: str) -> None:
        """Delete an upload, even one that no longer loads; for a built-in id, only the upload it
        hides (BuiltinBankRemoval when there is none: built-in banks stay)."""
        removed = await self._store.delete_bank(guild_id, bank_id)
        self._parsed.pop((guild_id, bank_id), None)
        if not removed:
            raise BuiltinBankRemoval(bank_id) if bank_id in self._builtin else UnknownBank(bank_id)

    async def yaml_text(self, guild_id: int, bank_id: str) -> str:
        """The bank's YAML as written: the built-in file, or the uploaded text."""
        builtin = self._builtin.get(bank_id)
        if builtin is not None:
            if builtin.path is None:
                raise UnknownBank(bank_id)
            return await asyncio.to_thread(Path(builtin.path).read_text, encoding="utf-8")
        record = await self._store.get_bank(guild_id, bank_id)
        if record is None:
            raise UnknownBank(bank_id)
        return record.yaml_text
