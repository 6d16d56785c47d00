"""`purgebot db copy SRC DST`: move a bot's history between an SQLite file and PostgreSQL.

SRC and DST are each a file path or a postgresql:// URL. DST must be empty (or not exist yet, for
a file); every table is copied with its ids and checked row for row before the copy commits.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from purgebot.commands.terminal import plural
from purgebot.errors import UserFacingError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    copy = sub.add_parser(
        "copy",
        help="copy every table from SRC into the empty DST, ids kept, checked row for row",
        description=(
            "Copy a purgebot database's whole history into an empty one: SQLite to PostgreSQL "
            "or back. SRC and DST are each a file path or a postgresql:// URL."
        ),
    )
    copy.add_argument("src", metavar="SRC", help="the database to copy from (only read)")
    copy.add_argument("dst", metavar="DST", help="an empty database, or a file not yet made")


def run(args: argparse.Namespace) -> int:
    from purgebot.storage.copy import copy_database, describe

    try:
        copied = asyncio.run(copy_database(args.src, args.dst))
    except UserFacingError as exc:
        print(f"purgebot: {exc.message}", file=sys.stderr)
        return 2
    width = max(len(c.table) for c in copied)
    for c in copied:
        print(f"{c.table:<{width}}  {c.rows:>10,}  sha256 {c.checksum[:16]}")
    total = sum(c.rows for c in copied)
    print(
        f"copied {plural(total, 'row')} in {plural(len(copied), 'table')} from "
        f"{describe(args.src)} to {describe(args.dst)}; every table checked row for row"
    )
    return 0
