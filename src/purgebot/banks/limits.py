"""Every limit of the bank format, in one table: the loader checks by it, the JSON Schema is built
from it, and a test tries each entry at its limit and one past it through both.

A limit is a `Text` (non-empty, at most `max` characters, maybe a pattern), a `Count` (how many
entries a list or mapping holds), a `Range` (a whole number's bounds) or an `Enum` (the values
allowed). `TABLE` names where each applies, as the key paths in the loader's messages spell them
(`[]` is any entry of a list, `*` any key of a mapping, `questions[choice]` a choice question;
a name in brackets after a path picks one form of its value: `(key)` the key itself, `(text)` a
value written as one text, `(list)` as a list, `(%)` as a percentage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Patterns: the loader's messages and the schema's "pattern" come from these.
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
GROUPED_PATTERN = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,108 or 259,450.5


@dataclass(frozen=True, slots=True)
class Text:
    """Text that is not empty (after trimming) and at most `max` characters long."""

    max: int
    pattern: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Count:
    """How many entries a list (or names in a mapping) may hold."""

    lo: int
    hi: int


@dataclass(frozen=True, slots=True)
class Range:
    """A number from `lo` to `hi`; below `hi` only when `below` (a percentage under 100)."""

    lo: int
    hi: int
    below: bool = False


@dataclass(frozen=True, slots=True)
class Enum:
    """One of these values."""

    values: tuple[str | int, ...]


Limit = Text | Count | Range | Enum

VERSION = 1
FORMAT_VERSION = Enum((VERSION,))
QUESTION_TYPES = Enum(("choice", "true_false", "short", "numeric", "order"))
DIFFICULTIES = Enum(("easy", "medium", "hard"))

SLUG = Text(64, SLUG_PATTERN)  # bank and source ids: lowercase letters, digits, hyphens, 2-64
ID = Text(64, ID_PATTERN)  # question, essay, key point and retired ids
SOURCE_REF = Text(SLUG.max)  # `source.doc`: declared under `sources` (the schema: shaped as one)
TITLE = Text(100)
DESCRIPTION = Text(1000)
SOURCE_TITLE = Text(200)
URL = Text(500)
PROMPT = Text(1000)
CHOICE = Text(200)  # a choice, an order item, a short answer, an accepted form, a name
EXPLANATION = Text(1000)  # also an essay's guidance and a misconception's correction
QUOTE = Text(500)
NOTE = Text(500)
TOPIC = Text(50)
TAG = Text(50)
UNIT = Text(30)
ESSAY_PROMPT = Text(1000)
OUTLINE_ITEM = Text(500)
MODEL_ANSWER = Text(6000)  # also an outline written as one text
POINT = Text(300)
CLAIM = Text(300)
PHRASE = Text(100)

ENTRIES = Count(1, 100_000)  # questions, retired ids (a 1 MiB file holds far fewer questions)
ESSAYS = Count(0, 100_000)
TOPICS = Count(1, 20)
NAMES = Count(0, 500)
SPELLINGS = Count(1, 50)
TAGS = Count(0, 20)
CHOICES = Count(2, 8)
ANSWERS = Count(1, CHOICES.hi)  # a multi answer: at most as many as the question's choices
ACCEPT = Count(1, 50)
ITEMS = Count(2, 8)
OUTLINE = Count(1, 20)
KEY_POINTS = Count(1, 12)
PHRASES = Count(1, 40)
MISCONCEPTIONS = Count(1, 20)

SECONDS = Range(5, 300)
WORDS = Range(1, 10_000)
TOLERANCE_PERCENT = Range(0, 100, below=True)

_Q = "questions[]"
_E = "essays[]"
TABLE: dict[str, Limit] = {
    "version": FORMAT_VERSION,
    "bank": SLUG,
    "title": TITLE,
    "description": DESCRIPTION,
    "sources.*(key)": SLUG,
    "sources.*(text)": SOURCE_TITLE,
    "sources.*.title": SOURCE_TITLE,
    "sources.*.url": URL,
    "defaults.seconds": SECONDS,
    "defaults.difficulty": DIFFICULTIES,
    "defaults.topic": TOPIC,
    "topics": TOPICS,
    "topics[]": TOPIC,
    "names": NAMES,
    "names.*(key)": CHOICE,
    "names.*": SPELLINGS,
    "names.*[]": CHOICE,
    "retired": ENTRIES,
    "retired[]": ID,
    "questions": ENTRIES,
    "essays": ESSAYS,
    f"{_Q}.id": ID,
    f"{_Q}.type": QUESTION_TYPES,
    f"{_Q}.prompt": PROMPT,
    f"{_Q}.explanation": EXPLANATION,
    f"{_Q}.source.doc": SOURCE_REF,
    f"{_Q}.source.quote": QUOTE,
    f"{_Q}.topic": TOPIC,
    f"{_Q}.difficulty": DIFFICULTIES,
    f"{_Q}.seconds": SECONDS,
    f"{_Q}.tags": TAGS,
    f"{_Q}.tags[]": TAG,
    f"{_Q}.note": NOTE,
    "questions[choice].choices": CHOICES,
    "questions[choice].choices[]": CHOICE,
    "questions[choice].answer(list)": ANSWERS,
    "questions[short].answer": CHOICE,
    "questions[short].accept": ACCEPT,
    "questions[short].accept[]": CHOICE,
    "questions[numeric].tolerance(%)": TOLERANCE_PERCENT,
    "questions[numeric].unit": UNIT,
    "questions[order].items": ITEMS,
    "questions[order].items[]": CHOICE,
    f"{_E}.id": ID,
    f"{_E}.prompt": ESSAY_PROMPT,
    f"{_E}.guidance": EXPLANATION,
    f"{_E}.min_words": WORDS,
    f"{_E}.max_words": WORDS,
    f"{_E}.topic": TOPIC,
    f"{_E}.model_answer": MODEL_ANSWER,
    f"{_E}.outline(text)": MODEL_ANSWER,
    f"{_E}.outline": OUTLINE,
    f"{_E}.outline[]": OUTLINE_ITEM,
    f"{_E}.key_points": KEY_POINTS,
    f"{_E}.key_points[].id": ID,
    f"{_E}.key_points[].point": POINT,
    f"{_E}.key_points[].phrases": PHRASES,
    f"{_E}.key_points[].phrases[]": PHRASE,
    f"{_E}.misconceptions": MISCONCEPTIONS,
    f"{_E}.misconceptions[].claim": CLAIM,
    f"{_E}.misconceptions[].phrases": PHRASES,
    f"{_E}.misconceptions[].phrases[]": PHRASE,
    f"{_E}.misconceptions[].correction": EXPLANATION,
}
