"""SQLite's spelling of the store's SQL, said the way PostgreSQL (asyncpg) wants it.

The mixins write their SQL once, with `?` placeholders. Here each `?` becomes `$n` with a cast
from the value's Python type (asyncpg must know every parameter's type, and `$1 IS NULL` alone
names none); a None becomes a literal NULL, which means the same in every place the store puts
one. A few spellings differ in a way a regular expression can carry; where the SQL must really
differ, the mixin branches on the dialect instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

_QUOTED_OR_MARK = re.compile(r"'(?:[^']|'')*'|\?")
_REWRITES = (
    # the value of a REAL in SQLite is a double; PostgreSQL's REAL is single precision
    (re.compile(r"\bAS REAL\)", re.IGNORECASE), "AS DOUBLE PRECISION)"),
    # bytes of UTF-8 text
    (re.compile(r"length\(CAST\((\w+(?:\.\w+)?) AS BLOB\)\)", re.IGNORECASE), r"octet_length(\1)"),
    # `GROUP BY +col` is a hint to SQLite's planner; PostgreSQL wants the bare column
    (re.compile(r"GROUP BY \+"), "GROUP BY "),
)


def _cast(value: Any) -> str:
    if isinstance(value, bool | int):
        return "::bigint"
    if isinstance(value, float):
        return "::float8"
    if isinstance(value, bytes):
        return "::bytea"
    return "::text"


@lru_cache(maxsize=2048)
def _pieces(sql: str) -> tuple[str, ...]:
    """The SQL rewritten and cut at each `?` outside a string literal."""
    for pattern, replacement in _REWRITES:
        sql = pattern.sub(replacement, sql)
    out: list[str] = []
    start = 0
    for match in _QUOTED_OR_MARK.finditer(sql):
        if match.group() == "?":
            out.append(sql[start : match.start()])
            start = match.end()
    out.append(sql[start:])
    return tuple(out)


def translate(sql: str, params: Sequence[Any]) -> tuple[str, list[Any]]:
    """(PostgreSQL text, asyncpg arguments) for SQLite-spelled `sql` and its `params`."""
    pieces = _pieces(sql)
    if len(pieces) - 1 != len(params):
        raise ValueError(f"{len(pieces) - 1} placeholders, {len(params)} values")
    text = [pieces[0]]
    args: list[Any] = []
    for value, piece in zip(params, pieces[1:], strict=True):
        if value is None:
            text.append("NULL")
        else:
            args.append(int(value) if isinstance(value, bool) else value)
            text.append(f"${len(args)}{_cast(value)}")
        text.append(piece)
    return "".join(text), args


def plain(value: Any) -> Any:
    """A value as SQLite would have given it: sums of integers come back whole, not Decimal."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= 0:
            return int(value)
        return float(value)
    return value


def row_tuple(record: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(plain(v) for v in record)


def rowcount(status: str) -> int:
    """Rows changed, from a command tag such as 'UPDATE 3' or 'INSERT 0 1'."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0
