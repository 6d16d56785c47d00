"""Turn question files from other tools into a purgebot bank.

The whole API, for the `purgebot import` command and the bot's `/bank upload` alike::

    text = decode_bytes(data)                      # bytes of the file, BOM and encoding handled
    fmt = detect_format(filename, text)            # "gift", "aiken", "red", "opentdb" or "csv"
    result = import_text(text, fmt, bank_id=bank_id_from_filename(filename))
    result.yaml_text                               # the bank, in our YAML
    result.warnings                                # what was left out or changed, with its line

Every function raises `ImportFailed` (a UserFacingError: its message is for the teacher) when the
file cannot become a bank at all; anything less is a warning in the result.
"""

from __future__ import annotations

from collections.abc import Callable

from purgebot.banks.importers import aiken, csv_, gift, opentdb, red
from purgebot.banks.importers.builder import BankBuilder
from purgebot.banks.importers.common import (
    FORMATS,
    LABELS,
    ImportFailed,
    ImportResult,
    ImportWarning,
    bank_id_from_filename,
    check_bank_id,
    check_text,
    default_title,
)
from purgebot.banks.importers.detect import detect_format, looks_like_bank
from purgebot.banks.importers.emit import bank_yaml
from purgebot.banks.yamlread import DEFAULT_MAX_BYTES, size_text

__all__ = [
    "FORMATS",
    "LABELS",
    "ImportFailed",
    "ImportResult",
    "ImportWarning",
    "bank_id_from_filename",
    "decode_bytes",
    "detect_format",
    "import_text",
    "looks_like_bank",
]

_PARSERS: dict[str, Callable[[str, BankBuilder], None]] = {
    "gift": gift.parse,
    "aiken": aiken.parse,
    "red": red.parse,
    "opentdb": opentdb.parse,
    "csv": csv_.parse,
}


def decode_bytes(data: bytes, name: str = "this file") -> str:
    """An uploaded file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    `name` is the file's name as the teacher knows it, for the message when it is not text."""
    if data.startswith(b"PK\x03\x04"):
        raise ImportFailed("this is a spreadsheet workbook or archive: save it as CSV first")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailed(
                "the file starts like UTF-16 text but is not valid UTF-16 text: "
                "save it again as UTF-8"
            ) from None
    if b"\x00" in data[:4096]:
        raise ImportFailed(
            f"{name} is not a text file (it holds binary data, as a Word document, a PDF or a "
            "picture does): save the questions as plain text (GIFT, Aiken, CSV, or a YAML bank) "
            "and upload that file"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def import_text(text: str, fmt: str, *, bank_id: str, title: str | None = None) -> ImportResult:
    """Convert `text` in format `fmt` to a bank named `bank_id` (a slug), titled `title`."""
    if fmt not in _PARSERS:
        raise ImportFailed(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    check_bank_id(bank_id)
    check_text(text)
    out = BankBuilder(fmt)
    _PARSERS[fmt](text.removeprefix("\ufeff"), out)
    out.warnings.sort(key=lambda w: w.line)
    if not out.questions:
        first = f": {out.warnings[0]}" if out.warnings else ""
        raise ImportFailed(
            f"no question could be imported from this {LABELS[fmt]} file{first}", out.warnings
        )
    if not out.description:
        out.description = f"Imported from {LABELS[fmt]}."
    bank = out.bank(bank_id, (title or "").strip() or default_title(bank_id))
    yaml_text = bank_yaml(bank, LABELS[fmt], out.skipped, out.essays)
    if (size := len(yaml_text.encode("utf-8"))) > DEFAULT_MAX_BYTES:
        out.warn(
            0,
            f"the bank is {size_text(size)}, over the {size_text(DEFAULT_MAX_BYTES)} purgebot "
            "loads: split the file and import each part as its own bank",
        )
    return ImportResult(fmt, bank, yaml_text, out.warnings, out.skipped)
