"""What every importer shares: the formats, the result types, and text and id helpers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from purgebot.banks.limits import ACCEPT, ID
from purgebot.banks.model import (
    MAX_TOPIC,
)
from purgebot.errors import UserFacingError

MAX_ID = ID.max
MAX_ACCEPT = ACCEPT.hi  # accepted spellings besides the answer, as the loader allows
_SLUG_WORDS = 40  # characters of slug kept in a question id, before the hash
_HASH_LEN = 6
_BANK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$")
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]+")
_NOT_WORD = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")


FORMATS: tuple[str, ...] = ("gift", "aiken", "red", "opentdb", "csv")
LABELS: dict[str, str] = {
    "gift": "Moodle GIFT",
    "aiken": "Moodle Aiken",
    "red": "Red-DiscordBot trivia",
    "opentdb": "Open Trivia DB JSON",
    "csv": "CSV",
}


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something in the input that did not make it into the bank as written."""

    line: int  # 1-based line in the input; 0 when it concerns the whole file
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class ImportFailed(UserFacingError):
    """The input cannot become a bank at all (unknown format, unreadable, no usable question)."""

    def __init__(self, message: str, warnings: Sequence[ImportWarning] = ()) -> None:
        super().__init__(message)
        self.warnings = list(warnings)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A bank as plain data in our YAML shape, its YAML text, and what was left out."""

    fmt: str
    bank: dict[str, Any]
    yaml_text: str
    warnings: list[ImportWarning]
    skipped: int

    @property
    def imported(self) -> int:
        return len(self.bank["questions"])

    def summary(self, into: str | None = None) -> str:
        """One line for the teacher: "12 questions imported from Moodle GIFT; 4 left out."."""
        count = self.imported
        text = f"{count} question{'s' if count != 1 else ''} imported from {LABELS[self.fmt]}"
        text += f" into {into}" if into else ""
        return text + (f"; {self.skipped} left out." if self.skipped else ".")


@dataclass(slots=True, kw_only=True)
class Common:
    """Fields every question type shares, as a parser found them."""

    line: int
    prompt: str
    name: str | None = None  # a title the format gives the question; only used for its id
    explanation: str | None = None
    topic: str | None = None
    difficulty: str | None = None
    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class EssayDraft:
    """An essay prompt that needs key points written by hand before purgebot can use it."""

    line: int
    id: str
    prompt: str
    guidance: str | None


def fold(text: str) -> str:
    """Case- and space-insensitive form: two choices that fold alike are the same choice."""
    return _SPACE.sub(" ", text.casefold()).strip()


def clean(text: str) -> str:
    """Trim a piece of text and collapse runs of spaces (keeping line breaks a teacher wrote)."""
    lines = (re.sub(r"[ \t\f\v]+", " ", part).strip() for part in text.strip().splitlines())
    return "\n".join(lines)


def ascii_slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens (accents dropped): the shape of ids."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_ASCII_WORD.sub("-", ascii_text).strip("-")


def topic_slug(text: str) -> str:
    """A topic name: lowercase words joined by hyphens, letters of any script kept."""
    return _NOT_WORD.sub("-", text.casefold()).strip("-")[:MAX_TOPIC].strip("-")


def cut(text: str, limit: int) -> str:
    """Shorten to `limit` characters at a word boundary, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip() + "…"


def bank_id_from_filename(filename: str) -> str:
    """A valid bank id from an uploaded file's name (`Kirov Quiz.gift` -> `kirov-quiz`)."""
    stem = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    slug = ascii_slug(stem)[:MAX_ID].strip("-")
    return slug if len(slug) >= 2 else "imported"


def question_id(name: str, prompt: str) -> str:
    """Slug of the title or text, plus a short hash of the text: same question, same id."""
    slug = ascii_slug(name)
    if len(slug) > _SLUG_WORDS:  # cut between words when there is a boundary to cut at
        head = slug[: _SLUG_WORDS + 1]
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:_SLUG_WORDS]
    digest = hashlib.sha1(fold(prompt).encode("utf-8")).hexdigest()[:_HASH_LEN]
    return f"{slug.strip('-') or 'q'}-{digest}"


def number(value: float | Decimal) -> int | float | Decimal:
    """Whole numbers written without `.0`, so the YAML reads as the teacher would write it; a
    Decimal (a figure as the teacher wrote it) stays exact."""
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value() and abs(value) < 10**15
        return int(value) if whole else value.normalize()
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def check_text(text: str) -> None:
    """Text that cannot be written as UTF-8 (a lone surrogate, which only a forged string can
    hold) is refused here, before any parser or hash meets it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise ImportFailed(
            f"line {line}: the text holds a broken character (a lone surrogate): "
            "save the file as UTF-8 and try again"
        ) from None


def check_bank_id(bank_id: str) -> str:
    if not _BANK_ID.match(bank_id):
        raise ImportFailed(
            f"{bank_id!r} cannot be a bank id: use 2 to 64 lowercase letters, digits and hyphens"
        )
    return bank_id


def default_title(bank_id: str) -> str:
    words = bank_id.replace("-", " ").strip()
    return words[:1].upper() + words[1:]
