"""Tell which format a file is in, from its name first and its content when the name is vague."""

from __future__ import annotations

import json
import re

import yaml

from purgebot.banks.importers import csv_, red
from purgebot.banks.importers.common import ImportFailed, check_text

_BY_EXTENSION = {
    "gift": "gift",
    "json": "opentdb",
    "csv": "csv",
    "tsv": "csv",
    "yaml": "red",
    "yml": "red",
}
_SNIFF = 256 * 1024  # content checks look at the start of the file only
_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER[ \t]*:[ \t]*[A-Za-z]\b", re.MULTILINE | re.IGNORECASE)
_AIKEN_OPTION = re.compile(r"^[ \t]*[A-Za-z][ \t]*[.)][ \t]+\S", re.MULTILINE)
_GIFT = re.compile(
    r"^[ \t]*(?:\$CATEGORY:|::)|\{[ \t\r\n]*(?:[=~#}]|(?:T|F|TRUE|FALSE)[ \t]*[#}])",
    re.MULTILINE | re.IGNORECASE,
)
_RED_ENTRY = re.compile(r"^[^\s#-][^\n]*:[ \t]*\r?\n(?:[ \t]*-[ \t]|-[ \t])", re.MULTILINE)
_RED_KEYS = re.compile(r"^(?:AUTHOR|CONFIG)[ \t]*:", re.MULTILINE)
_BANK_KEYS = re.compile(r"^questions[ \t]*:", re.MULTILINE)


def extension(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def looks_like_bank(text: str) -> bool:
    """True for a file already in our own YAML format, which needs no import."""
    head = text[:_SNIFF]
    return bool(_BANK_KEYS.search(head)) and bool(re.search(r"^bank[ \t]*:", head, re.MULTILINE))


def _is_json(text: str) -> bool:
    if not text.lstrip().startswith(("{", "[")):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):  # nested past the decoder's limit: not a quiz file
        return False
    return True


def _is_csv(text: str) -> bool:
    try:
        csv_.find_header(text)
    except ImportFailed:
        return False
    return True


def _is_red(head: str) -> bool:
    if not (_RED_ENTRY.search(head) or _RED_KEYS.search(head)):
        return False
    try:
        return isinstance(red.compose(head), yaml.MappingNode)
    except ImportFailed:
        return bool(_RED_KEYS.search(head))  # the sniffed head may cut an entry in two


def detect_format(filename: str, text: str) -> str:
    """The import format of a file, one of FORMATS; ImportFailed when it cannot be told."""
    check_text(text)
    text = text.removeprefix("\ufeff")
    if looks_like_bank(text):
        raise ImportFailed("this file is already a purgebot bank: it needs no import")
    if (by_name := _BY_EXTENSION.get(extension(filename))) is not None:
        return by_name
    head = text[:_SNIFF]
    if _is_json(text):
        return "opentdb"
    if _AIKEN_ANSWER.search(head) and _AIKEN_OPTION.search(head):
        return "aiken"
    if _GIFT.search(head):
        return "gift"
    if _is_csv(text):
        return "csv"
    if _is_red(head):
        return "red"
    raise ImportFailed(
        "could not tell what format this file is in: name it .gift, .json, .csv or .yaml, or "
        "choose the format (gift, aiken, red, opentdb, csv)"
    )
