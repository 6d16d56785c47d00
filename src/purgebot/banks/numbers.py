"""Numbers in text a teacher wrote: one reading for the bank loader and every importer.

Python's `int()` and `float()` take more than a teacher means and raise on what they cannot take:
`int("²")` and `int("①")` raise although `"²".isdigit()` is true, `int()` refuses more than 4,300
digits (ValueError), `float(int(...))` overflows past 308 digits (OverflowError), and `float()`
accepts "nan", "infinity" and Arabic-Indic digits. Here a number is ASCII figures only, and these
functions never raise: what is not a number comes back as None, and a figure beyond a float's
range comes back as an infinity for the caller to call too large.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

_DIGITS = r"\d(?:_?\d)*"  # underscores between digits, as YAML 1.1 and Python allow
_DECIMAL = re.compile(
    rf"[+-]?(?:{_DIGITS}(?:\.(?:{_DIGITS})?)?|\.{_DIGITS})(?:[eE][+-]?\d+)?", re.ASCII
)
_SHORT_EXPONENT = re.compile(r"[^eE]*(?:[eE][+-]?\d{1,6})?")  # what Decimal() takes exactly
_WHOLE = re.compile(rf"[+-]?{_DIGITS}", re.ASCII)
_FIGURES = re.compile(r"\d+", re.ASCII)
_SHOWN = 40  # characters of a bad number echoed back in a message


def decimal(text: str) -> float | None:
    """`text` as a number ("12", "-3.5", "1e3"), or None; over a float's range it is ±inf."""
    raw = text.strip()
    if not _DECIMAL.fullmatch(raw):
        return None
    return float(raw.replace("_", ""))  # a float reads any number of digits without raising


def whole(text: str) -> float | None:
    """`text` as a whole number ("12", "-3"), or None; ±inf when it is too large for a float."""
    raw = text.strip()
    if not _WHOLE.fullmatch(raw):
        return None
    return float(raw.replace("_", ""))


def counting(text: str, limit: int = 10**6) -> int | None:
    """ASCII figures ("3", "007") as an int when at most `limit`, else None: for indexes."""
    raw = text.strip()
    if not _FIGURES.fullmatch(raw):
        return None
    significant = raw.lstrip("0")
    if len(significant) > len(str(limit)):  # no int() of thousands of digits
        return None
    value = int(significant or "0")
    return value if value <= limit else None


def exact(text: str) -> Decimal | None:
    """`text` as an exact finite Decimal that fits a float, or None: keeps "3.1415" as written."""
    raw = text.strip()
    if not (_DECIMAL.fullmatch(raw) and _SHORT_EXPONENT.fullmatch(raw)):
        return None
    if not math.isfinite(float(raw.replace("_", ""))):
        return None
    return Decimal(raw.replace("_", ""))


def decimal_text(value: Decimal) -> str:
    """A Decimal as a teacher writes it: "3.1415", "100", "0.0005", never "1E+2"."""
    value = value.normalize()
    if value == 0:
        return "0"
    if -30 < value.adjusted() < 30:
        return format(value, "f")
    return str(value).replace("E", "e")


def shown(text: str) -> str:
    """A bad number as echoed in a message: cut, so a 4,000-digit figure is not sent back whole."""
    raw = text.strip()
    return raw if len(raw) <= _SHOWN else raw[: _SHOWN - 1] + "…"
