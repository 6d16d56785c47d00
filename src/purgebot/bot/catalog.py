"""The banks a server can use: the built-in ones, plus the ones its teachers uploaded.

Uploads are per server and kept as YAML text in the store; the parsed banks are cached per server
so autocomplete and quiz starts do not re-parse on every keystroke. An upload may not take the id
of a built-in bank: a bank id then means the same questions in every report of every server.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from purgebot.banks.loader import BankError, load_bank_text
from purgebot.banks.model import Bank
from purgebot.errors import UserFacingError
from purgebot.storage import BankInfo, SaveOutcome, Store

log = logging.getLogger("purgebot.bot")


class UnknownBank(UserFacingError):
    def __init__(self, bank_id: str) -> None:
        super().__init__(
            f"There is no bank `{bank_id}` in this server. `/bank list` shows them all."
        )


class BuiltinBankId(UserFacingError):
    def __init__(self, bank_id: str) -> None:
        super().__init__(
            f"`{bank_id}` is the id of a built-in bank, so an upload cannot use it. "
            "Change the `bank:` line of your file to a new id and upload it again."
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
        self._uploads: dict[int, dict[str, Entry]] = {}

    def is_builtin(self, bank_id: str) -> bool:
        return bank_id in self._builtin

    @property
    def builtin(self) -> list[Bank]:
        return sorted(self._builtin.values(), key=lambda b: b.id)

    def invalidate(self, guild_id: int) -> None:
        """Forget the cached uploads of one server (after its rows changed elsewhere)."""
        self._uploads.pop(guild_id, None)

    async def uploads(self, guild_id: int) -> dict[str, Entry]:
        cached = self._uploads.get(guild_id)
        if cached is not None:
            return cached
        loaded: dict[str, Entry] = {}
        for info in await self._store.list_banks(guild_id):
            record = await self._store.get_bank(guild_id, info.bank_id)
            if record is None:
                continue
            try:
                bank = load_bank_text(record.yaml_text, f"{info.bank_id}.yaml")
            except (
                BankError
            ) as exc:  # stored under an older format: keep it out, say why in the log
                log.warning(
                    "uploaded bank %s in server %s no longer loads: %s", info.bank_id, guild_id, exc
                )
                continue
            loaded[bank.id] = Entry(bank, info)
        self._uploads[guild_id] = loaded
        return loaded

    async def entries(self, guild_id: int) -> list[Entry]:
        """Built-in banks first, then this server's uploads, each group by id."""
        uploads = await self.uploads(guild_id)
        return [Entry(b) for b in self.builtin] + [uploads[k] for k in sorted(uploads)]

    async def entry(self, guild_id: int, bank_id: str) -> Entry:
        if bank_id in self._builtin:
            return Entry(self._builtin[bank_id])
        found = (await self.uploads(guild_id)).get(bank_id)
        if found is None:
            raise UnknownBank(bank_id)
        return found

    async def get(self, guild_id: int, bank_id: str) -> Bank:
        return (await self.entry(guild_id, bank_id)).bank

    async def add(self, guild_id: int, bank: Bank, yaml_text: str, uploader_id: int) -> SaveOutcome:
        """Store a valid bank's text for one server; refuses a built-in bank's id."""
        if bank.id in self._builtin:
            raise BuiltinBankId(bank.id)
        outcome = await self._store.save_bank(guild_id, bank.id, yaml_text, uploader_id)
        self._uploads.pop(guild_id, None)
        return outcome

    async def remove(self, guild_id: int, bank_id: str) -> None:
        if bank_id in self._builtin:
            raise BuiltinBankRemoval(bank_id)
        removed = await self._store.delete_bank(guild_id, bank_id)
        self._uploads.pop(guild_id, None)
        if not removed:
            raise UnknownBank(bank_id)

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
