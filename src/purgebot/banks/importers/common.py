"""What every importer shares: the result types, and a builder that keeps questions to our limits.

Parsers only read their format; the builder decides what our bank can hold. A question that breaks
a limit becomes a warning with its line instead of an invalid bank, so a teacher always gets a bank
that loads plus a list of exactly what was left out and why.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from purgebot.banks.model import (
    MAX_CHOICE,
    MAX_CHOICES,
    MAX_EXPLANATION,
    MAX_PROMPT,
    MAX_SECONDS,
    MAX_TITLE,
    MAX_TOPIC,
    MIN_CHOICES,
    MIN_SECONDS,
    Difficulty,
)
from purgebot.errors import UserFacingError

MAX_ID = 64
MAX_ACCEPT = 50  # accepted spellings besides the answer, as the loader allows
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


def number(value: float) -> int | float:
    """Whole numbers written without `.0`, so the YAML reads as the teacher would write it."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


@dataclass(slots=True)
class BankBuilder:
    """Collects questions in our YAML shape; a limit a question breaks becomes a warning."""

    fmt: str
    questions: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    essays: list[EssayDraft] = field(default_factory=list)
    skipped: int = 0
    description: str | None = None
    default_seconds: int | None = None
    _ids: set[str] = field(default_factory=set)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

    def skip(self, line: int, message: str) -> None:
        """Leave a question out, saying where it was and why."""
        self.skipped += 1
        self.warn(line, message)

    def unique_id(self, name: str, prompt: str) -> str:
        base = question_id(name, prompt)
        qid, n = base, 1
        while qid in self._ids:
            n += 1
            qid = f"{base}-{n}"
        self._ids.add(qid)
        return qid

    def seconds(self, line: int, value: float | None) -> int | None:
        """A time limit kept to MIN_SECONDS..MAX_SECONDS, saying so when it had to move."""
        if value is None:
            return None
        if not math.isfinite(value):
            self.warn(line, "time limit is not a number: left at the default")
            return None
        kept = min(MAX_SECONDS, max(MIN_SECONDS, round(value)))
        if kept != value:
            self.warn(line, f"time limit {value:g}s changed to {kept}s (allowed: 5 to 300)")
        return kept

    def _head(self, c: Common, qtype: str) -> dict[str, Any] | None:
        prompt = clean(c.prompt)
        if not prompt:
            self.skip(c.line, "question skipped: its text is empty")
            return None
        if len(prompt) > MAX_PROMPT:
            self.skip(
                c.line,
                f"question skipped: its text is {len(prompt)} characters (limit {MAX_PROMPT})",
            )
            return None
        qid = self.unique_id(c.name or prompt, prompt)
        return {"id": qid, "type": qtype, "prompt": prompt}

    def _tail(self, c: Common, q: dict[str, Any]) -> None:
        if c.explanation and (text := clean(c.explanation)):
            if len(text) > MAX_EXPLANATION:
                self.warn(c.line, f"explanation cut to {MAX_EXPLANATION} characters")
                text = cut(text, MAX_EXPLANATION)
            q["explanation"] = text
        if c.topic and (topic := topic_slug(c.topic)):
            q["topic"] = topic
        if c.difficulty:
            level = c.difficulty.strip().lower()
            if level in {d.value for d in Difficulty}:
                q["difficulty"] = level
            else:
                self.warn(c.line, f"difficulty {c.difficulty!r} ignored (easy, medium or hard)")
        if (seconds := self.seconds(c.line, c.seconds)) is not None:
            q["seconds"] = seconds
        self.questions.append(q)

    def choice(self, c: Common, choices: Sequence[str], correct: Sequence[int]) -> None:
        """A choice question; `correct` indexes into `choices`, several make it multi."""
        texts = [clean(t) for t in choices]
        if len(texts) < MIN_CHOICES or len(texts) > MAX_CHOICES:
            self.skip(
                c.line,
                f"question skipped: it has {len(texts)} choice{'s' if len(texts) != 1 else ''} "
                f"(purgebot allows {MIN_CHOICES} to {MAX_CHOICES})",
            )
            return
        problem = _choice_problem(texts)
        if problem:
            self.skip(c.line, f"question skipped: {problem}")
            return
        right = sorted(set(correct))
        if not right:
            self.skip(c.line, "question skipped: no choice is marked correct")
            return
        q = self._head(c, "choice")
        if q is None:
            return
        q["choices"] = texts
        if len(right) == 1:
            q["answer"] = texts[right[0]]
        else:
            q["answer"] = [texts[i] for i in right]
            q["multi"] = True
        self._tail(c, q)

    def true_false(self, c: Common, answer: bool) -> None:
        q = self._head(c, "true_false")
        if q is not None:
            q["answer"] = answer
            self._tail(c, q)

    def short(self, c: Common, answers: Sequence[str]) -> None:
        """A typed answer: the first is shown at the reveal, the others are accepted spellings."""
        kept: list[str] = []
        seen: set[str] = set()
        for raw in answers:
            text = clean(raw)
            if not text or fold(text) in seen:
                continue
            if len(text) > MAX_CHOICE:
                self.warn(
                    c.line, f"answer {cut(text, 40)!r} left out: over {MAX_CHOICE} characters"
                )
                continue
            seen.add(fold(text))
            kept.append(text)
        if not kept:
            self.skip(c.line, "question skipped: it has no usable answer")
            return
        if len(kept) > MAX_ACCEPT + 1:
            self.warn(c.line, f"only the first {MAX_ACCEPT + 1} of {len(kept)} answers kept")
            kept = kept[: MAX_ACCEPT + 1]
        q = self._head(c, "short")
        if q is None:
            return
        q["answer"] = kept[0]
        if kept[1:]:
            q["accept"] = kept[1:]
        self._tail(c, q)

    def numeric(self, c: Common, answer: float, tolerance: float = 0.0) -> None:
        if not (math.isfinite(answer) and math.isfinite(tolerance)):
            self.skip(c.line, "question skipped: its answer is not a finite number")
            return
        q = self._head(c, "numeric")
        if q is None:
            return
        q["answer"] = number(answer)
        if tolerance:
            q["tolerance"] = number(abs(tolerance))
        self._tail(c, q)

    def essay(self, line: int, prompt: str, name: str | None, guidance: str | None) -> None:
        """Keep an essay prompt as a draft: our essays need key points that no import carries."""
        text = clean(prompt)
        self.skip(
            line,
            "essay question not imported: purgebot essays need key points (ideas and the phrases "
            "that show them); a draft is left as a comment at the end of the bank",
        )
        if text:
            self.essays.append(EssayDraft(line, self.unique_id(name or text, text), text, guidance))

    def bank(self, bank_id: str, title: str) -> dict[str, Any]:
        """The bank as plain data, keys in the documented order."""
        bank: dict[str, Any] = {"version": 1, "bank": bank_id, "title": cut(title, MAX_TITLE)}
        if self.description:
            bank["description"] = self.description
        if self.default_seconds is not None:
            bank["defaults"] = {"seconds": self.default_seconds}
        bank["questions"] = self.questions
        return bank


def _choice_problem(texts: Sequence[str]) -> str | None:
    seen: dict[str, str] = {}
    for text in texts:
        if not text:
            return "one of its choices is empty"
        if len(text) > MAX_CHOICE:
            return f"choice {cut(text, 40)!r} is over {MAX_CHOICE} characters"
        key = fold(text)
        if key in seen:
            return f"choice {text!r} appears twice"
        seen[key] = text
    return None


def check_bank_id(bank_id: str) -> str:
    if not _BANK_ID.match(bank_id):
        raise ImportFailed(
            f"{bank_id!r} cannot be a bank id: use 2 to 64 lowercase letters, digits and hyphens"
        )
    return bank_id


def default_title(bank_id: str) -> str:
    words = bank_id.replace("-", " ").strip()
    return words[:1].upper() + words[1:]
