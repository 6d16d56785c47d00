"""A bank named on the command line: a file's path, or a bank id looked up in the banks folder.

`play` and `essay-feedback` take either, so a teacher types `nkvd` where the bot's own
`/quiz start bank:nkvd` would, or the path of a file they are writing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from purgebot.banks.loader import BANK_SUFFIXES, BankError, bank_files, load_bank_file
from purgebot.banks.model import Bank
from purgebot.config import Settings
from purgebot.errors import UserFacingError


class BankNotFound(UserFacingError):
    """The named bank is neither a file nor a bank id in the banks folder."""


def add_banks_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--banks",
        metavar="DIR",
        help="where bank ids are looked up (default: PURGEBOT_BANKS, else the built-in banks)",
    )


def banks_dir(args: argparse.Namespace) -> Path:
    return Path(args.banks) if getattr(args, "banks", None) else Settings.from_env().banks_dir


def find_bank(name: str | None, folder: Path) -> Bank:
    """A bank file by path, else the bank with that id in `folder` (`<id>.yaml` tried first)."""
    if name is None:
        raise BankNotFound("name a bank: " + available(folder))
    path = Path(name)
    if path.suffix in BANK_SUFFIXES or path.is_file():
        return load_bank_file(path)
    for suffix in BANK_SUFFIXES:
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file() and (bank := load_bank_file(candidate)).id == name:
            return bank
    for bank in banks_in(folder):
        if bank.id == name:
            return bank
    raise BankNotFound(f"no bank “{name}”: {available(folder)}")


def banks_in(folder: Path) -> list[Bank]:
    banks = []
    for f in bank_files([folder]) if folder.is_dir() else []:
        try:
            banks.append(load_bank_file(f))
        except BankError:
            continue  # `purgebot validate` is the place to hear about broken files
    return banks


def available(folder: Path) -> str:
    ids = sorted(b.id for b in banks_in(folder))
    if not ids:
        return f"{folder} holds no banks (give a file's path, or --banks DIR)"
    return f"banks in {folder}: {', '.join(ids)}"
